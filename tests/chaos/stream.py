"""A board pushing a stream of postings, and the injector that bypasses the gateway.

The board behaves like a real one: it retries 503 and 429 after ``Retry-After``, other 5xx and
connection errors after a short pause, and counts a posting as accepted only on a 202.
"""

from __future__ import annotations

import asyncio
import json
import os
import uuid
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

import aio_pika
import httpx

from shared.messages import PostingReceived
from shared.topology import RECEIVED, Topology
from tests.chaos.stack import API_KEY

N = int(os.environ.get("JOBSTREAM_CHAOS_N", "300"))
SOURCE = "chaos"
STREAM_S = 5.0
TITLES = (
    "Backend Engineer",
    "Data Analyst",
    "Site Reliability Engineer",
    "Product Designer",
    "QA Engineer",
    "Frontend Developer",
    "Platform Engineer",
    "Support Specialist",
)
CITIES = (
    ("Berlin", "Germany"),
    ("Pune", "India"),
    ("Austin", "USA"),
    ("Lyon", "France"),
    ("Toronto", "Canada"),
    ("Porto", "Portugal"),
)
SKILLS = ("Python", "Go", "Redis", "PostgreSQL", "Kubernetes", "React", "Terraform", "Kafka")


def token(scenario: str, index: int, revision: int) -> str:
    return f"ref{scenario}x{index}r{revision}"


def payload(scenario: str, index: int, revision: int = 1) -> str:
    """Distinct text per posting and revision; the token proves which revision got indexed."""
    city, country = CITIES[index % len(CITIES)]
    skills = ", ".join(SKILLS[(index + k) % len(SKILLS)] for k in range(3))
    return (
        f"{TITLES[index % len(TITLES)]}\n"
        f"Location: {city}, {country}\n"
        f"Experience: {1 + index % 9}+ years\n"
        f"You will work with {skills} on services used by many teams.\n"
        f"Posting reference {token(scenario, index, revision)}.\n"
    )


def posting_id(scenario: str, index: int) -> str:
    return f"{SOURCE}:{scenario}-{index}"


@dataclass
class Board:
    gateway: str
    scenario: str
    # posting id -> token of the newest revision the gateway accepted
    accepted: dict[str, str] = field(default_factory=dict)
    rejected_attempts: int = 0
    sent: int = 0
    done: bool = False
    _progress: asyncio.Event = field(default_factory=asyncio.Event)

    async def reached(self, count: int) -> None:
        """Returns once ``count`` postings are accepted (or the stream is over)."""
        while len(self.accepted) < count and not self.done:
            self._progress.clear()
            await self._progress.wait()

    async def push_stream(self, n: int = N, batch: int = 10, over_s: float = STREAM_S) -> None:
        """Spread over ``over_s`` seconds so that a fault lands mid-stream."""
        pause_s = over_s / max(1, n // batch)
        async with httpx.AsyncClient(timeout=10.0) as client:
            for start in range(0, n, batch):
                items = [(i, 1) for i in range(start, min(n, start + batch))]
                await self.push(client, items)
                self._progress.set()
                await asyncio.sleep(pause_s)
        self.done = True
        self._progress.set()

    async def push(self, client: httpx.AsyncClient, items: list[tuple[int, int]]) -> None:
        body = {
            "postings": [
                {
                    "source": SOURCE,
                    "external_id": f"{self.scenario}-{i}",
                    "format": "text",
                    "payload": payload(self.scenario, i, rev),
                }
                for i, rev in items
            ]
        }
        while True:
            wait = await self._attempt(client, body)
            if wait is None:
                break
            self.rejected_attempts += 1
            await asyncio.sleep(wait)
        self.sent += len(items)
        for i, rev in items:
            self.accepted[posting_id(self.scenario, i)] = token(self.scenario, i, rev)

    async def _attempt(self, client: httpx.AsyncClient, body: dict[str, Any]) -> float | None:
        """None once accepted; else how long to wait before trying again."""
        try:
            response = await client.post(
                f"{self.gateway}/v1/postings", json=body, headers={"X-API-Key": API_KEY}
            )
        except httpx.HTTPError:
            return 0.5
        if response.status_code == 202:
            return None
        if response.status_code in (429, 503):
            return float(response.headers.get("Retry-After", "1"))
        if response.status_code >= 500:
            return 0.5
        raise AssertionError(
            f"gateway refused a valid batch: {response.status_code} {response.text}"
        )


def received(scenario: str, index: int, revision: int, version: int) -> PostingReceived:
    return PostingReceived(
        correlation_id=uuid.uuid4().hex,
        posting_id=posting_id(scenario, index),
        source=SOURCE,
        external_id=f"{scenario}-{index}",
        version=version,
        received_at=datetime.now(UTC),
        format="text",
        payload=payload(scenario, index, revision),
    )


async def publish_raw(
    amqp_url: str, topology: Topology, messages: list[tuple[str, bytes, str]]
) -> None:
    """(routing key, body, message id) straight onto the pipeline exchange, with confirms."""
    connection = await aio_pika.connect(amqp_url)
    async with connection:
        channel = await connection.channel(publisher_confirms=True)
        exchange = await channel.get_exchange(topology.pipeline.name)
        for routing_key, body, message_id in messages:
            await exchange.publish(
                aio_pika.Message(
                    body, delivery_mode=2, message_id=message_id, content_type="application/json"
                ),
                routing_key=routing_key,
                mandatory=True,
            )


def as_raw(message: PostingReceived) -> tuple[str, bytes, str]:
    return RECEIVED, message.model_dump_json().encode(), message.message_id


def poison_messages() -> list[tuple[str, bytes, str]]:
    """One undecodable or invalid message per hop, each with an id the DLQ check looks for."""
    return [
        ("posting.received", b"{not json", "poison-received-1"),
        ("posting.fetched", json.dumps({"posting_id": 42}).encode(), "poison-fetched-1"),
        ("posting.normalized", json.dumps({"version": "new"}).encode(), "poison-normalized-1"),
        ("posting.enriched", b"\x00\xff binary", "poison-enriched-1"),
    ]
