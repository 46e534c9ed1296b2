"""`make bench`: offline throughput, the running pipeline end to end, and the broker's own limit.

One namespace (queues, exchanges, Redis keys) and one fresh database per run, deleted at the end:
RabbitMQ 3.10 copes badly with quorum queues created and deleted in quick succession.
Prints a table and writes bench-results/bench.json. Numbers only: nothing here asserts time.

    BENCH_POSTINGS (2000)   postings pushed at peak; half as many at half the peak rate
    BENCH_RAW_MESSAGES (3000)  messages through the raw aio-pika chain
    BENCH_RAW_REPEATS (3)   runs of the raw chain; the ratio uses their median
"""

from __future__ import annotations

import asyncio
import json
import os
import tempfile
import uuid
from pathlib import Path
from typing import Any

import aio_pika
from pymongo import AsyncMongoClient
from redis.asyncio import Redis

from shared.settings import ServiceSettings
from shared.topology import HOPS, Topology, topology_for
from tests.bench import offline, rawchain
from tests.bench.load import intake_items, push_all, push_paced, run_load, wait_indexed
from tests.bench.report import print_table
from tests.bench.sizes import MESSAGES, message_sizes
from tests.bench.stack import Stack, memory_kb, start_stack, stop_stack

PEAK_BATCH, PEAK_WORKERS = 100, 4


async def pipeline(stack: Stack, database: str, count: int) -> dict[str, Any]:
    client: AsyncMongoClient[dict[str, Any]] = AsyncMongoClient(stack.mongo_url, tz_aware=True)
    postings = client[database]["postings"]
    try:
        # Services load their data (taxonomy, gazetteer) on first use: measure them warm.
        warm = intake_items("bench-warm", len(offline.sample_payloads()))
        await run_load(stack, postings, warm, lambda p, items: push_all(p, items, 10, 1))
        peak = await run_load(
            stack,
            postings,
            intake_items("bench-peak", count),
            lambda pusher, items: push_all(pusher, items, PEAK_BATCH, PEAK_WORKERS),
        )
        # A backlog left by the peak run would count as latency at half load: let it drain.
        await wait_indexed(postings, "bench-peak", count)
        rate = peak.get("postings_per_s", 10.0) / 2
        half = await run_load(
            stack,
            postings,
            # At most ~30 s of paced load, so a slow stack still finishes in bounded time.
            intake_items("bench-half", max(1, min(count // 2, int(rate * 30)))),
            lambda pusher, items: push_paced(pusher, items, rate),
        )
        half["offered_per_s"] = round(rate, 1)
    finally:
        await client.close()
    memory = {name: memory_kb(pid) for name, pid in stack.services().items()}
    return {"peak": peak, "half_load": half, "memory_kb": memory}


async def delete_namespace(url: str, topology: Topology, redis_url: str) -> None:
    """Every queue and exchange of the run, and its Redis keys."""
    queues = [*topology.all_queue_names(), *rawchain.chain_queues(topology, len(HOPS))]
    connection = await aio_pika.connect(url)
    async with connection:
        channel = await connection.channel()
        for name in queues:
            await channel.queue_delete(name)
        for exchange in (topology.pipeline, topology.events, topology.dead_letters):
            await channel.exchange_delete(exchange.name)
    redis = Redis.from_url(redis_url)
    try:
        keys = [key async for key in redis.scan_iter(match=f"{topology.namespace}:*", count=1000)]
        for start in range(0, len(keys), 500):
            await redis.delete(*keys[start : start + 500])
    finally:
        await redis.aclose()


async def bench(workdir: Path) -> dict[str, Any]:
    settings = ServiceSettings()
    namespace = f"bench-{uuid.uuid4().hex[:8]}"
    database = namespace.replace("-", "_")
    topology = topology_for(namespace, settings.retry_delays_ms)
    amqp_url = str(settings.amqp_url)
    count = int(os.environ.get("BENCH_POSTINGS", "2000"))
    raw_count = int(os.environ.get("BENCH_RAW_MESSAGES", "3000"))
    raw_repeats = int(os.environ.get("BENCH_RAW_REPEATS", "3"))
    results: dict[str, Any] = {"namespace": namespace, "offline": offline.measure()}
    sizes = message_sizes()
    results["message_bytes"] = sizes
    try:
        stack = start_stack(namespace, database, settings.retry_delays_ms, workdir)
        try:
            results["pipeline"] = await pipeline(stack, database, count)
        finally:
            stop_stack(stack.process)
        chain_sizes = [sizes[name] for name in MESSAGES]
        results["raw_chain"] = await rawchain.run_chains(
            amqp_url, topology, chain_sizes, raw_count, raw_repeats
        )
    finally:
        await delete_namespace(amqp_url, topology, str(settings.redis_url))
    peak = results["pipeline"]["peak"].get("postings_per_s", 0.0)
    results["pipeline_to_raw_ratio"] = round(peak / results["raw_chain"]["messages_per_s"], 3)
    return results


def main() -> None:
    with tempfile.TemporaryDirectory(prefix="jobstream-bench-") as workdir:
        results = asyncio.run(bench(Path(workdir)))
    print_table(results)
    out = Path("bench-results")
    out.mkdir(exist_ok=True)
    (out / "bench.json").write_text(json.dumps(results, indent=2))
    (out / "offline.json").write_text(json.dumps(results["offline"], indent=2))


if __name__ == "__main__":
    main()
