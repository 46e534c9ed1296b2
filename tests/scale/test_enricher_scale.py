"""Competing enrichers: 1, 2 and 4 `jobstream serve enricher` processes drain one queue.

Once K enrichers are ready, N normalized postings (the committed samples run through the real
normalizer code, each under its own id) are published to `<ns>.enricher`. The test prints how
fast the K enrichers get through them, then starts an indexer and checks that every posting was
enriched, stored and announced exactly once. Numbers are printed, never asserted.
"""

from __future__ import annotations

import asyncio
import json
import os
import time
import uuid
from collections import Counter
from typing import Any

import aio_pika
import pytest
from faststream.rabbit import RabbitBroker

from services.normalizer.handlers import normalize_payload
from shared.messages import PostingNormalized
from shared.topology import ENRICHED, NORMALIZED, Topology
from tests.bench.offline import fetched, sample_payloads
from tests.helpers import eventually
from tests.scale import procs

POSTINGS = int(os.environ.get("JOBSTREAM_SCALE_POSTINGS", "300"))
OK = {"hop": "enricher", "outcome": "ok"}
HOP_TOTAL = "jobstream_hop_messages_total"
# Per enricher, postings sent before the clock starts: the taxonomy loads on first use.
WARMUP = 10


def normalized_postings(count: int, first: int = 0) -> list[PostingNormalized]:
    samples = [normalize_payload(fetched(fmt, payload)) for fmt, payload in sample_payloads()]
    return [
        samples[i % len(samples)].model_copy(
            update={
                "posting_id": f"scale:{i}",
                "external_id": str(i),
                "correlation_id": f"scale-{i}",
                "message_id": uuid.uuid4().hex,
            }
        )
        for i in range(first, first + count)
    ]


async def declare(amqp_url: str, topology: Topology) -> None:
    broker = RabbitBroker(amqp_url)
    await broker.connect()
    try:
        await topology.declare(broker)
    finally:
        await broker.stop()


async def prefill(
    channel: aio_pika.abc.AbstractChannel, topology: Topology, n: int, first: int = 0
) -> float:
    """Publish n postings to the pipeline with confirms; returns their mean size in KB."""
    messages = normalized_postings(n, first)
    exchange = await channel.get_exchange(topology.pipeline.name)
    pairs = [(m, m.model_dump_json().encode()) for m in messages]
    for start in range(0, n, 500):
        await asyncio.gather(
            *(
                exchange.publish(
                    aio_pika.Message(
                        body,
                        content_type="application/json",
                        delivery_mode=aio_pika.DeliveryMode.PERSISTENT,
                        message_id=m.message_id,
                        correlation_id=m.correlation_id,
                    ),
                    routing_key=NORMALIZED,
                )
                for m, body in pairs[start : start + 500]
            )
        )
    return sum(len(body) for _, body in pairs) / n / 1024


async def tap(
    channel: aio_pika.abc.AbstractChannel, exchange: str, key: str, into: list[Any]
) -> aio_pika.abc.AbstractQueue:
    """An exclusive queue that copies every message routed by ``key``; arrivals go to ``into``."""
    queue = await channel.declare_queue(exclusive=True)
    await queue.bind(exchange, routing_key=key)

    async def record(message: aio_pika.abc.AbstractIncomingMessage) -> None:
        into.append((time.monotonic(), message.correlation_id, message.body))

    await queue.consume(record, no_ack=True)
    return queue


async def ready_messages(channel: aio_pika.abc.AbstractChannel, queue: str) -> int:
    """Messages ready on ``queue`` now: aio-pika's declare_queue answers from its cache."""
    underlay = await channel.get_underlay_channel()
    result = await underlay.queue_declare(queue, passive=True)
    return int(result.message_count or 0)


async def enrich_with(
    k: int, env: dict[str, str], amqp: aio_pika.abc.AbstractChannel, topology: Topology
) -> dict[str, Any]:
    """K enrichers drain the prefilled queue; returns what the test prints and checks."""
    enriched: list[Any] = []
    enriched_tap = await tap(amqp, topology.pipeline.name, ENRICHED, enriched)
    enrichers = [procs.start("enricher", env) for _ in range(k)]
    try:
        # Publish only once every consumer is attached, so all K share the work from the start.
        await procs.wait_ready(enrichers)
        warmup = WARMUP * k
        await prefill(amqp, topology, warmup, first=POSTINGS)
        await eventually(lambda: _at_least(enriched, warmup), within=60)
        started = time.monotonic()
        size_kb = await prefill(amqp, topology, POSTINGS)
        total = POSTINGS + warmup
        await eventually(lambda: _at_least(enriched, total), within=90, interval=0.02)
        finished_at = enriched[total - 1][0]

        async def ok_total() -> float:
            return sum([await procs.counter(e, HOP_TOTAL, **OK) for e in enrichers])

        await eventually(lambda: _reached(ok_total(), total), within=30)
        await eventually(lambda: _empty(amqp, topology.queue_name("enricher")), within=30)
        await eventually(lambda: _empty(amqp, enriched_tap.name), within=30)
        per_process = [await procs.counter(e, HOP_TOTAL, **OK) for e in enrichers]
        peak_mb = max(e.peak_rss_mb() for e in enrichers)
    finally:
        procs.stop(enrichers)
    return {
        "rate": POSTINGS / (finished_at - started),
        "size_kb": size_kb,
        "per_process": per_process,
        "total": total,
        "enriched_per_posting": Counter(c for _, c, _ in enriched),
        "peak_rss_mb": peak_mb,
    }


async def index_all(
    env: dict[str, str],
    amqp: aio_pika.abc.AbstractChannel,
    topology: Topology,
    postings: Any,
    expected: int,
) -> dict[str, Any]:
    events: list[Any] = []
    await tap(amqp, topology.events.name, "#", events)
    indexer = procs.start("indexer", env)
    try:
        await procs.wait_ready([indexer])
        started = time.monotonic()
        await eventually(lambda: _count_is(postings, expected), within=90, interval=0.1)
        elapsed = time.monotonic() - started
        await eventually(lambda: _at_least(events, expected), within=30)
        # Documents are written before their events and counters: wait for the acks.
        await eventually(
            lambda: _reached(procs.counter(indexer, HOP_TOTAL, hop="indexer"), expected), within=30
        )
        created = await procs.counter(indexer, "jobstream_postings_indexed_total", result="created")
        writes = await procs.counter(indexer, "jobstream_postings_indexed_total")
    finally:
        procs.stop([indexer])
    subjects = Counter((b["type"], b["subject"]) for b in (json.loads(e[2]) for e in events))
    return {"rate": expected / elapsed, "created": created, "writes": writes, "events": subjects}


@pytest.mark.parametrize("enrichers", [1, 2, 4])
async def test_enrichers_share_one_queue_and_enrich_each_posting_once(
    enrichers, service_env, amqp_url, amqp, topology, mongo, database_name, capsys
):
    env = {**service_env, "JOBSTREAM_LOG_LEVEL": "WARNING"}
    await declare(amqp_url, topology)
    run = await enrich_with(enrichers, env, amqp, topology)
    postings = mongo[database_name]["postings"]
    indexed = await index_all(env, amqp, topology, postings, run["total"])

    with capsys.disabled():
        print(
            f"\nscale: {enrichers} enricher(s), {POSTINGS} postings of {run['size_kb']:.1f} KB: "
            f"{run['rate']:.0f} enriched/s; "
            f"per process {[int(n) for n in run['per_process']]}; "
            f"enricher peak RSS {run['peak_rss_mb']:.0f} MB; indexer {indexed['rate']:.0f}/s"
        )
    # Each posting enriched once, by exactly one of the competing enrichers...
    assert len(run["enriched_per_posting"]) == run["total"]
    assert set(run["enriched_per_posting"].values()) == {1}
    assert sum(run["per_process"]) == run["total"]
    assert all(n > 0 for n in run["per_process"]), "an enricher got no share of the queue"
    # ...then stored once and announced once.
    assert await postings.count_documents({}) == run["total"]
    assert indexed["created"] == indexed["writes"] == run["total"]
    assert len(indexed["events"]) == run["total"]
    assert set(indexed["events"].values()) == {1}
    assert {event_type for event_type, _ in indexed["events"]} == {"posting.created"}


async def _at_least(items: list[Any], n: int) -> bool:
    return len(items) >= n


async def _reached(total: Any, n: int) -> bool:
    return bool(await total >= n)


async def _count_is(collection: Any, n: int) -> bool:
    return bool(await collection.count_documents({}) >= n)


async def _empty(channel: aio_pika.abc.AbstractChannel, queue: str) -> bool:
    return await ready_messages(channel, queue) == 0
