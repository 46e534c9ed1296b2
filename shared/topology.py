"""Every exchange, queue and routing key, declared once. No queue name is written anywhere else.

Per consumer hop ``<ns>.<hop>`` (quorum, durable):

- failures are re-published to ``<ns>.<hop>.retry.<n>``, a quorum queue whose message TTL is
  the n-th retry delay and which dead-letters (at-least-once) back to the hop's queue;
- after the last retry, or at once for a permanent error, the message is published to
  ``<ns>.<hop>.dlq`` with the reason in its headers;
- as a backstop, the hop's queue itself dead-letters to the DLQ after ``DELIVERY_LIMIT``
  redeliveries (a consumer that crashes on a message every time).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from faststream.rabbit import ExchangeType, QueueType, RabbitExchange, RabbitQueue

if TYPE_CHECKING:
    from faststream.rabbit import RabbitBroker

RECEIVED = "posting.received"
FETCHED = "posting.fetched"
NORMALIZED = "posting.normalized"
ENRICHED = "posting.enriched"

DELIVERY_LIMIT = 20
DEFAULT_INTAKE_MAX_LENGTH = 100_000
# Only the first queue has a length limit: a full inner queue would send upstream messages
# through their retries into the dead letters; a full intake queue makes the gateway say 503.
INTAKE_HOP = "fetcher"

HOPS: dict[str, str] = {
    "fetcher": RECEIVED,
    "normalizer": FETCHED,
    "enricher": NORMALIZED,
    "indexer": ENRICHED,
}


def event_routing_key(event_type: str, country: str | None, seniority: str | None) -> str:
    """``posting.created.in.senior``: consumers bind by type, country and seniority."""
    return f"{event_type}.{(country or 'xx').lower()}.{seniority or 'unknown'}"


@dataclass(frozen=True)
class Topology:
    namespace: str
    retry_delays_ms: tuple[int, ...]
    intake_max_length: int = DEFAULT_INTAKE_MAX_LENGTH

    @property
    def pipeline(self) -> RabbitExchange:
        return RabbitExchange(f"{self.namespace}.pipeline", type=ExchangeType.TOPIC, durable=True)

    @property
    def events(self) -> RabbitExchange:
        return RabbitExchange(f"{self.namespace}.events", type=ExchangeType.TOPIC, durable=True)

    @property
    def dead_letters(self) -> RabbitExchange:
        return RabbitExchange(f"{self.namespace}.dlx", type=ExchangeType.DIRECT, durable=True)

    def queue_name(self, hop: str) -> str:
        return f"{self.namespace}.{hop}"

    def queue(self, hop: str) -> RabbitQueue:
        name = self.queue_name(hop)
        arguments: dict[str, Any] = {
            "x-dead-letter-exchange": self.dead_letters.name,
            "x-dead-letter-routing-key": name,
            "x-delivery-limit": DELIVERY_LIMIT,
        }
        if hop == INTAKE_HOP:
            # A full queue nacks the publish, so the confirm fails and nothing is accepted.
            arguments |= {"x-max-length": self.intake_max_length, "x-overflow": "reject-publish"}
        # FastStream types the arguments per queue type; these are valid quorum arguments.
        return RabbitQueue(  # type: ignore[call-overload]
            name,
            queue_type=QueueType.QUORUM,
            durable=True,
            routing_key=HOPS[hop],
            arguments=arguments,
        )

    def retry_queue(self, hop: str, attempt: int) -> RabbitQueue:
        """Queue holding a message for the ``attempt``-th retry (1-based)."""
        delay = self.retry_delays_ms[attempt - 1]
        return RabbitQueue(
            f"{self.queue_name(hop)}.retry.{attempt}",
            queue_type=QueueType.QUORUM,
            durable=True,
            arguments={
                "x-message-ttl": delay,
                "x-dead-letter-exchange": "",
                "x-dead-letter-routing-key": self.queue_name(hop),
                "x-dead-letter-strategy": "at-least-once",
                "x-overflow": "reject-publish",
            },
        )

    def dead_letter_queue(self, hop: str) -> RabbitQueue:
        return RabbitQueue(
            f"{self.queue_name(hop)}.dlq",
            queue_type=QueueType.QUORUM,
            durable=True,
            routing_key=self.queue_name(hop),
        )

    def stream_queue(self, instance: str) -> RabbitQueue:
        """One API process's view of every public event; gone when the process is."""
        return RabbitQueue(
            f"{self.namespace}.api.stream.{instance}",
            exclusive=True,
            auto_delete=True,
            routing_key="#",
        )

    def all_queue_names(self) -> list[str]:
        names = []
        for hop in HOPS:
            names.append(self.queue_name(hop))
            names.append(self.dead_letter_queue(hop).name)
            names.extend(
                self.retry_queue(hop, n).name for n in range(1, len(self.retry_delays_ms) + 1)
            )
        return names

    async def declare(self, broker: RabbitBroker) -> None:
        """Declare exchanges, every hop's queue, its retry and dead-letter queues. Idempotent."""
        for exchange in (self.pipeline, self.events, self.dead_letters):
            await broker.declare_exchange(exchange)
        for hop in HOPS:
            await self.declare_hop(broker, hop)

    async def declare_hop(self, broker: RabbitBroker, hop: str) -> None:
        pipeline = await broker.declare_exchange(self.pipeline)
        dlx = await broker.declare_exchange(self.dead_letters)
        queue = await broker.declare_queue(self.queue(hop))
        await queue.bind(pipeline, routing_key=HOPS[hop])
        dlq = self.dead_letter_queue(hop)
        declared_dlq = await broker.declare_queue(dlq)
        await declared_dlq.bind(dlx, routing_key=dlq.routing())
        for attempt in range(1, len(self.retry_delays_ms) + 1):
            await broker.declare_queue(self.retry_queue(hop, attempt))


def topology_for(
    namespace: str, retry_delays_ms: list[int], intake_max_length: int = DEFAULT_INTAKE_MAX_LENGTH
) -> Topology:
    return Topology(namespace, tuple(retry_delays_ms), intake_max_length)
