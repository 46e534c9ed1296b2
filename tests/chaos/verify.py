"""After recovery: documents, public events and dead letters, checked posting by posting."""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

import aio_pika
from pymongo import AsyncMongoClient

from shared.hop import HOP, REASON
from shared.topology import HOPS, Topology

ROWS: list[Row] = []


@dataclass
class Row:
    scenario: str
    accepted: int
    indexed: int
    lost: int
    duplicated: int
    recover_s: float
    event_copies: int = 0
    board_retries: int = 0


@dataclass
class Outcome:
    """What the stores hold for the accepted postings."""

    lost: list[str] = field(default_factory=list)
    duplicated: list[str] = field(default_factory=list)
    event_mismatch: list[str] = field(default_factory=list)
    indexed: int = 0
    event_copies: int = 0

    @property
    def complete(self) -> bool:
        return not (self.lost or self.duplicated or self.event_mismatch)


async def events_queue(amqp_url: str, topology: Topology, scenario: str) -> str:
    """A durable queue bound to every public event, declared before the stream starts."""
    name = f"{topology.namespace}.chaos-events.{scenario}"
    connection = await aio_pika.connect(amqp_url)
    async with connection:
        channel = await connection.channel()
        exchange = await channel.declare_exchange(
            topology.events.name, aio_pika.ExchangeType.TOPIC, durable=True
        )
        queue = await channel.declare_queue(
            name, durable=True, arguments={"x-queue-type": "quorum"}
        )
        await queue.bind(exchange, routing_key="#")
    return name


async def drain(amqp_url: str, queue: str) -> list[aio_pika.abc.AbstractIncomingMessage]:
    connection = await aio_pika.connect(amqp_url)
    async with connection:
        channel = await connection.channel()
        declared = await channel.get_queue(queue, ensure=True)
        messages = []
        while (message := await declared.get(fail=False, no_ack=True)) is not None:
            messages.append(message)
    return messages


class EventLog:
    """Every public event drained so far, kept across polls."""

    def __init__(self, amqp_url: str, queue: str) -> None:
        self.amqp_url, self.queue = amqp_url, queue
        self.bodies: list[dict[str, Any]] = []

    async def poll(self) -> list[dict[str, Any]]:
        self.bodies.extend(json.loads(m.body) for m in await drain(self.amqp_url, self.queue))
        return self.bodies


async def check(
    mongo: AsyncMongoClient[Any], database: str, accepted: dict[str, str], events: EventLog
) -> Outcome:
    docs: dict[str, list[dict[str, Any]]] = defaultdict(list)
    async for doc in mongo[database]["postings"].find({}):
        key = f"{doc['source']['name']}:{doc['source']['external_id']}"
        docs[key].append(doc)
    by_posting: dict[str, dict[str, dict[str, Any]]] = defaultdict(dict)
    outcome = Outcome()
    for body in await events.poll():
        if body["id"] in by_posting[body["subject"]]:
            outcome.event_copies += 1  # a redelivered event: same CloudEvents id, deduplicable
        by_posting[body["subject"]][body["id"]] = body
    for pid, newest in accepted.items():
        found = docs.get(pid, [])
        if len(found) > 1:
            outcome.duplicated.append(pid)
        if not any(newest in json.dumps(d, default=str) for d in found):
            outcome.lost.append(pid)
            continue
        outcome.indexed += 1
        if not _events_match(found[0], list(by_posting[pid].values()), newest):
            outcome.event_mismatch.append(pid)
    outcome.duplicated.extend(sorted(set(docs) - set(accepted)))  # documents nobody sent
    return outcome


def _events_match(doc: dict[str, Any], events: list[dict[str, Any]], newest: str) -> bool:
    """One distinct lifecycle event per indexed version, exactly one creation, the last one
    current; at most one cluster_joined (a copy of another posting), with its creation."""
    joins = [e for e in events if e["type"] == "posting.cluster_joined"]
    lifecycle = [e for e in events if e["type"] != "posting.cluster_joined"]
    versions = [e["data"]["version"] for e in lifecycle]
    if not lifecycle or len(versions) != len(set(versions)):
        return False
    created = [e for e in lifecycle if e["type"] == "posting.created"]
    if len(created) != 1 or len(joins) > 1:
        return False
    if joins and joins[0]["data"]["version"] != created[0]["data"]["version"]:
        return False
    last = max(lifecycle, key=lambda e: e["data"]["version"])
    return last["data"]["version"] == doc["version"] and newest in json.dumps(last["data"])


async def dead_letters(amqp_url: str, topology: Topology) -> list[dict[str, Any]]:
    found = []
    for hop in HOPS:
        for message in await drain(amqp_url, topology.dead_letter_queue(hop).name):
            headers = message.headers or {}
            found.append(
                {
                    "queue": hop,
                    "message_id": message.message_id,
                    "reason": headers.get(REASON),
                    "hop": headers.get(HOP),
                    "posting": _posting_of(message.body),
                }
            )
    return found


def _posting_of(body: bytes) -> str | None:
    try:
        value = json.loads(body)
    except ValueError:
        return None
    return value.get("posting_id") if isinstance(value, dict) else None


def table(rows: list[Row]) -> str:
    head = (
        "scenario",
        "accepted",
        "indexed",
        "lost",
        "duplicated",
        "recover_s",
        "event_copies",
        "board_retries",
    )
    lines = [" | ".join(head)]
    for r in rows:
        lines.append(
            f"{r.scenario} | {r.accepted} | {r.indexed} | {r.lost} | {r.duplicated} | "
            f"{r.recover_s:.1f} | {r.event_copies} | {r.board_retries}"
        )
    return "\n".join(lines)
