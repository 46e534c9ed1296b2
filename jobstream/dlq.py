"""`jobstream dlq list|show|replay|purge`: inspect dead letters and send them back through the hop.

Replay re-publishes a dead letter to the pipeline exchange with the routing key it failed on
(publisher confirm first, then the dead letter is acked), with its attempt count reset. Every hop
is idempotent, so replaying a message that already went through changes nothing.
"""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from typing import Any

import aio_pika
from aio_pika.abc import AbstractChannel, AbstractConnection, AbstractIncomingMessage

from shared.hop import ATTEMPT, ERROR, FAILED_AT, HOP, REASON, ROUTING_KEY
from shared.topology import HOPS, Topology


@dataclass(frozen=True)
class DeadLetter:
    hop: str
    reason: str
    error: str
    attempts: int
    failed_at: str
    routing_key: str
    posting_id: str | None
    body: bytes

    @classmethod
    def of(cls, hop: str, message: AbstractIncomingMessage) -> DeadLetter:
        headers: dict[str, Any] = dict(message.headers or {})
        try:
            posting_id = json.loads(message.body).get("posting_id")
        except (ValueError, AttributeError):
            posting_id = None
        return cls(
            hop=str(headers.get(HOP, hop)),
            reason=str(headers.get(REASON, "delivery_limit")),
            error=str(headers.get(ERROR, "")),
            attempts=int(headers.get(ATTEMPT, 0)),
            failed_at=str(headers.get(FAILED_AT, "")),
            routing_key=str(headers.get(ROUTING_KEY) or HOPS[hop]),
            posting_id=posting_id,
            body=message.body,
        )


class DeadLetters:
    def __init__(
        self, connection: AbstractConnection, channel: AbstractChannel, topology: Topology
    ) -> None:
        self.connection = connection
        self.channel = channel
        self.topology = topology

    def _name(self, hop: str) -> str:
        if hop not in HOPS:
            raise SystemExit(f"unknown hop {hop!r}; one of: {', '.join(HOPS)}")
        return self.topology.dead_letter_queue(hop).name

    async def counts(self) -> dict[str, int]:
        counts = {}
        # A fresh channel: a robust channel answers a repeated declare from its cache.
        async with self.connection.channel() as channel:
            for hop in HOPS:
                queue = await channel.declare_queue(self._name(hop), passive=True)
                counts[hop] = int(queue.declaration_result.message_count or 0)
        return counts

    async def show(self, hop: str, limit: int) -> list[DeadLetter]:
        """Peek: held unacked while reading, then all returned to the queue."""
        queue = await self.channel.get_queue(self._name(hop), ensure=False)
        held: list[AbstractIncomingMessage] = []
        while len(held) < limit and (message := await queue.get(fail=False)) is not None:
            held.append(message)
        letters = [DeadLetter.of(hop, m) for m in held]
        for message in held:
            await message.nack(requeue=True)
        return letters

    async def replay(self, hop: str, limit: int | None) -> int:
        queue = await self.channel.get_queue(self._name(hop), ensure=False)
        pipeline = await self.channel.get_exchange(self.topology.pipeline.name)
        replayed = 0
        while limit is None or replayed < limit:
            message = await queue.get(fail=False)
            if message is None:
                break
            letter = DeadLetter.of(hop, message)
            headers = {k: v for k, v in (message.headers or {}).items() if not k.startswith("x-")}
            await pipeline.publish(
                aio_pika.Message(
                    message.body,
                    headers=headers,
                    content_type=message.content_type,
                    message_id=message.message_id,
                    correlation_id=message.correlation_id,
                    delivery_mode=aio_pika.DeliveryMode.PERSISTENT,
                ),
                routing_key=letter.routing_key,
                mandatory=True,
            )
            await message.ack()
            replayed += 1
        return replayed

    async def purge(self, hop: str) -> int:
        queue = await self.channel.get_queue(self._name(hop), ensure=False)
        result = await queue.purge()
        return int(result.message_count or 0)


@asynccontextmanager
async def dead_letters(amqp_url: str, topology: Topology) -> AsyncIterator[DeadLetters]:
    connection = await aio_pika.connect_robust(amqp_url)
    async with connection:
        channel = await connection.channel(publisher_confirms=True, on_return_raises=True)
        yield DeadLetters(connection, channel, topology)
