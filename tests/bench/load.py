"""Load through the running stack: push postings over HTTP, read back what was indexed when.

Latencies come from the documents themselves (received_at stamped by the gateway, indexed_at by
the indexer), so every posting counts, not a sample.
"""

from __future__ import annotations

import asyncio
import math
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any

import httpx
from pymongo.asynchronous.collection import AsyncCollection

from tests.bench.offline import sample_payloads
from tests.bench.stack import Stack, cpu_seconds, scrape_workers

RETRYABLE = (429, 503)
# Each scrape makes every worker check readiness and probe its queues: once a second is plenty.
SAMPLE_EVERY_S = 1.0
COUNT_EVERY_S = 3.0


# Where each sample format keeps the job title (the text seeds have it on their first line).
TITLE_KEYS = ("title", "text", "rubrik")


def intake_items(source: str, count: int) -> list[dict[str, Any]]:
    """``count`` intake items with distinct ids, cycling over the committed real postings.

    Each item is a distinct job: its title carries one more word (``r17``). Copies of one job
    would be clustered by the normalizer, and a real feed is not 2,000 copies of 24 postings.
    """
    templates = sample_payloads()
    return [
        {
            "source": source,
            "external_id": str(i),
            "format": fmt,
            "payload": distinct(payload, f"r{i}"),
        }
        for i, (fmt, payload) in zip(range(count), _cycle(templates, count), strict=True)
    ]


def distinct(payload: Any, word: str) -> Any:
    """The payload with ``word`` added to its title."""
    if isinstance(payload, str):
        first, sep, rest = payload.partition("\n")
        return f"{first.rstrip()} {word}{sep}{rest}"
    if isinstance(payload, dict):
        key = next((k for k in TITLE_KEYS if isinstance(payload.get(k), str)), None)
        if key is not None:
            return {**payload, key: f"{payload[key]} {word}"}
    return payload


def _cycle(items: list[Any], count: int) -> list[Any]:
    return (items * math.ceil(count / len(items)))[:count]


def batches(items: list[dict[str, Any]], size: int) -> list[list[dict[str, Any]]]:
    return [items[i : i + size] for i in range(0, len(items), size)]


@dataclass
class Pusher:
    client: httpx.AsyncClient
    stack: Stack
    refused: int = 0  # 429/503 answers, each retried

    async def push(self, batch: list[dict[str, Any]]) -> None:
        while True:
            response = await self.client.post(
                f"{self.stack.gateway}/v1/postings",
                json={"postings": batch},
                headers={"X-API-Key": self.stack.api_key},
            )
            if response.status_code == 202:
                return
            if response.status_code not in RETRYABLE:
                raise RuntimeError(f"gateway answered {response.status_code}: {response.text}")
            self.refused += 1
            await asyncio.sleep(0.05)


async def push_all(pusher: Pusher, items: list[dict[str, Any]], size: int, workers: int) -> None:
    """As fast as the gateway accepts: ``workers`` concurrent requests of ``size`` postings."""
    queue = batches(items, size)

    async def worker() -> None:
        while queue:
            await pusher.push(queue.pop(0))

    await asyncio.gather(*(worker() for _ in range(workers)))


async def push_paced(pusher: Pusher, items: list[dict[str, Any]], rate: float) -> None:
    """``rate`` postings/s, in small batches started on a fixed schedule."""
    size = max(1, round(rate * 0.05))  # one request every ~50 ms
    started = time.monotonic()
    pending: list[asyncio.Task[None]] = []
    for n, batch in enumerate(batches(items, size)):
        await asyncio.sleep(max(0.0, started + n * size / rate - time.monotonic()))
        pending.append(asyncio.create_task(pusher.push(batch)))
    await asyncio.gather(*pending)


@dataclass
class Watch:
    """Queue depths, indexing progress and service CPU while a load runs."""

    stack: Stack
    max_depth: dict[str, float] = field(default_factory=dict)
    cpu_start: dict[str, float] = field(default_factory=dict)
    created_start: float | None = None
    created: float = 0.0  # postings the indexer created since start()

    def start(self) -> None:
        self.cpu_start = {n: cpu_seconds(p) for n, p in self.stack.services().items()}

    def cpu_used(self) -> dict[str, float]:
        now = {n: cpu_seconds(p) for n, p in self.stack.services().items()}
        return {n: now[n] - self.cpu_start.get(n, 0.0) for n in now}

    async def sample(self, client: httpx.AsyncClient) -> None:
        scrape = await scrape_workers(client, self.stack)
        for hop, depth in scrape.depths.items():
            self.max_depth[hop] = max(depth, self.max_depth.get(hop, 0.0))
        if self.created_start is None:
            self.created_start = scrape.created
        self.created = scrape.created - self.created_start


async def wait_indexed(
    postings: AsyncCollection[dict[str, Any]],
    source: str,
    count: int,
    watch: Watch | None = None,
) -> int:
    """Wait until ``count`` documents of ``source`` exist (or a time bound); how many did.

    With a ``watch``, MongoDB is counted once the indexer's metrics say the postings are in, and
    otherwise only every few seconds: counting 10 KB documents every 200 ms took a quarter of
    the embedded server's CPU, a load the measurement put on the database it measures.
    """
    deadline = time.monotonic() + min(75.0, 20 + count / 25)
    next_count = time.monotonic()
    while True:
        now = time.monotonic()
        done = watch is not None and watch.created >= count
        if done or now >= next_count or now > deadline:
            next_count = now + COUNT_EVERY_S
            indexed = await postings.count_documents({"source.name": source})
            if indexed >= count or time.monotonic() > deadline:
                return indexed
        await asyncio.sleep(0.2)


async def _sample_forever(watch: Watch, client: httpx.AsyncClient) -> None:
    while True:
        await watch.sample(client)
        await asyncio.sleep(SAMPLE_EVERY_S)


def percentile(sorted_values: list[float], p: float) -> float:
    """Nearest-rank percentile of an already sorted list."""
    rank = max(1, math.ceil(p / 100 * len(sorted_values)))
    return sorted_values[rank - 1]


async def timings(postings: AsyncCollection[dict[str, Any]], source: str) -> dict[str, Any]:
    """Throughput from first receipt to last index, and exact latency percentiles."""
    cursor = postings.find({"source.name": source}, {"received_at": 1, "indexed_at": 1})
    docs = await cursor.to_list()
    latencies = sorted((d["indexed_at"] - d["received_at"]).total_seconds() for d in docs)
    first = min(d["received_at"] for d in docs)
    last = max(d["indexed_at"] for d in docs)
    seconds = (last - first).total_seconds()
    return {
        "indexed": len(docs),
        "seconds": round(seconds, 2),
        "postings_per_s": round(len(docs) / seconds, 1),
        "latency_ms": {
            f"p{p}": round(percentile(latencies, p) * 1000, 1) for p in (50, 95, 99, 100)
        },
    }


async def run_load(
    stack: Stack,
    postings_coll: AsyncCollection[dict[str, Any]],
    items: list[dict[str, Any]],
    push: Callable[[Pusher, list[dict[str, Any]]], Awaitable[None]],
) -> dict[str, Any]:
    """Send ``items`` with ``push``, wait until indexed, and measure what came out."""
    source, count = items[0]["source"], len(items)
    watch = Watch(stack)
    watch.start()
    async with httpx.AsyncClient(timeout=30) as client:
        await watch.sample(client)  # the indexer's count before this load
        sampler = asyncio.create_task(_sample_forever(watch, client))
        pusher = Pusher(client, stack)
        started = time.monotonic()
        await push(pusher, items)
        accepted_s = time.monotonic() - started
        indexed = await wait_indexed(postings_coll, source, count, watch)
        sampler.cancel()
        await asyncio.gather(sampler, return_exceptions=True)
    cpu = watch.cpu_used()
    result: dict[str, Any] = await timings(postings_coll, source) if indexed else {"indexed": 0}
    result.update(
        pushed=count,
        gateway_accept_per_s=round(count / accepted_s, 1),
        refused_requests=pusher.refused,
        max_queue_depth={hop: int(d) for hop, d in watch.max_depth.items()},
        cpu_ms_per_posting={n: round(s / count * 1000, 2) for n, s in cpu.items()},
    )
    return result
