"""The broker's own limit: a chain of raw aio-pika hops shaped like the pipeline.

A producer (the gateway's part) publishes N messages; each of the 4 hops runs in its own process,
as the services do, and consumes, publishes the next message (persistent, with a confirm) and
acks only after that confirm. Prefetch plus one task per delivery keeps a window of confirms in
flight, as a fast client would. The last hop publishes to a queue that does not exist, as the
indexer publishes public events nobody may be bound to. Quorum queues, like the pipeline's.
"""

from __future__ import annotations

import asyncio
import multiprocessing as mp
import queue
import statistics
import time
from dataclasses import dataclass
from multiprocessing.queues import Queue as MpQueue
from typing import Any

import aio_pika

from shared.topology import Topology

PREFETCH = 64


@dataclass(frozen=True)
class HopSpec:
    source: str
    target: str
    size: int


def chain_queues(topology: Topology, hops: int) -> list[str]:
    return [topology.queue_name(f"bench-raw-{i}") for i in range(1, hops + 1)]


def sink_name(topology: Topology) -> str:
    """Never declared: a publish to it is confirmed and dropped, like an unbound event."""
    return topology.queue_name("bench-raw-sink")


async def _hop(url: str, spec: HopSpec, count: int, report: MpQueue[Any]) -> None:
    connection = await aio_pika.connect(url)
    async with connection:
        channel = await connection.channel(publisher_confirms=True)
        await channel.set_qos(prefetch_count=PREFETCH)
        queue = await channel.get_queue(spec.source, ensure=False)
        body = b"x" * spec.size
        done = asyncio.Event()
        handled = 0

        async def handle(message: aio_pika.abc.AbstractIncomingMessage) -> None:
            nonlocal handled
            outgoing = aio_pika.Message(body, delivery_mode=aio_pika.DeliveryMode.PERSISTENT)
            await channel.default_exchange.publish(outgoing, routing_key=spec.target)
            await message.ack()
            handled += 1  # one event loop, no await between read and write: no lost update
            if handled >= count:
                done.set()

        # aio-pika runs each delivery's callback as its own task: up to PREFETCH in flight.
        await queue.consume(handle)
        report.put(("ready", spec.source, time.time()))
        await done.wait()
        report.put(("done", spec.source, time.time()))


def _hop_process(url: str, spec: HopSpec, count: int, report: MpQueue[Any]) -> None:
    asyncio.run(_hop(url, spec, count, report))


async def _produce(url: str, target: str, size: int, count: int, window: int) -> float:
    """Publish ``count`` persistent messages with ``window`` confirms in flight; start time."""
    connection = await aio_pika.connect(url)
    async with connection:
        channel = await connection.channel(publisher_confirms=True)
        body = b"x" * size
        slots = asyncio.Semaphore(window)

        async def one() -> None:
            async with slots:
                message = aio_pika.Message(body, delivery_mode=aio_pika.DeliveryMode.PERSISTENT)
                await channel.default_exchange.publish(message, routing_key=target)

        started = time.time()
        await asyncio.gather(*(one() for _ in range(count)))
        return started


async def declare(url: str, names: list[str]) -> None:
    connection = await aio_pika.connect(url)
    async with connection:
        channel = await connection.channel()
        for name in names:
            await channel.declare_queue(name, durable=True, arguments={"x-queue-type": "quorum"})


async def _wait_for(report: MpQueue[Any], kind: str, expected: int, within_s: float) -> float:
    """Latest time stamp among ``expected`` reports of ``kind``."""
    deadline = time.monotonic() + within_s
    latest, seen = 0.0, 0
    while seen < expected:
        left = deadline - time.monotonic()
        if left <= 0:
            raise TimeoutError(f"{seen}/{expected} hops reported {kind!r}")
        try:
            got, _, stamp = await asyncio.to_thread(report.get, True, min(left, 1.0))
        except queue.Empty:
            continue
        if got == kind:
            seen, latest = seen + 1, max(latest, stamp)
    return latest


async def run_chain(url: str, topology: Topology, sizes: list[int], count: int) -> dict[str, Any]:
    """Run the chain once; ``sizes`` holds the producer's message size, then each hop's output."""
    hops = len(sizes) - 1
    names = chain_queues(topology, hops)
    await declare(url, names)
    targets = [*names[1:], sink_name(topology)]
    ctx = mp.get_context("spawn")
    report: MpQueue[Any] = ctx.Queue()
    processes = [
        ctx.Process(target=_hop_process, args=(url, HopSpec(s, t, n), count, report), daemon=True)
        for s, t, n in zip(names, targets, sizes[1:], strict=True)
    ]
    for process in processes:
        process.start()
    try:
        await _wait_for(report, "ready", hops, within_s=30)
        started = await _produce(url, names[0], sizes[0], count, window=PREFETCH)
        finished = await _wait_for(report, "done", hops, within_s=30 + count / 100)
    finally:
        for process in processes:
            if process.is_alive():
                process.terminate()
            process.join(5)
    elapsed = finished - started
    return {
        "hops": hops,
        "messages": count,
        "message_bytes": sizes,
        "prefetch": PREFETCH,
        "seconds": round(elapsed, 2),
        "messages_per_s": round(count / elapsed, 1),
    }


async def run_chains(
    url: str, topology: Topology, sizes: list[int], count: int, repeats: int
) -> dict[str, Any]:
    """The chain ``repeats`` times: on a shared machine one run can be off by a factor of two.
    ``messages_per_s`` is the median run; every run is kept."""
    runs = [await run_chain(url, topology, sizes, count) for _ in range(repeats)]
    rates = [r["messages_per_s"] for r in runs]
    median = sorted(runs, key=lambda r: r["messages_per_s"])[(len(runs) - 1) // 2]
    return {
        **median,
        "messages_per_s": round(statistics.median(rates), 1),
        "runs_messages_per_s": rates,
    }
