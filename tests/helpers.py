"""Small helpers shared by the integration and e2e tests."""

from __future__ import annotations

import asyncio
import os
import signal
import subprocess
import sys
import time
import uuid
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator
from contextlib import asynccontextmanager, contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, TypeVar

import aio_pika

from jobstream.embedded_mongo import free_port_block
from jobstream.services import SERVICES
from shared.hop import Hop
from shared.messages import PostingEnriched, PostingNormalized, PostingRef
from shared.posting import Description, Enrichment, NormalizedPosting
from shared.service import Runtime, worker_app
from shared.settings import ServiceSettings
from shared.topology import NORMALIZED, Topology

T = TypeVar("T")


async def eventually(
    check: Callable[[], Awaitable[T]], within: float = 15.0, interval: float = 0.05
) -> T:
    """Poll ``check`` until it returns something truthy; fail with its last value."""
    deadline = time.monotonic() + within
    while True:
        value = await check()
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"condition not met within {within}s; last value: {value!r}")
        await asyncio.sleep(interval)


async def drain(channel: aio_pika.abc.AbstractChannel, queue: str) -> list[Any]:
    """Every message waiting in ``queue``, acked."""
    declared = await channel.get_queue(queue, ensure=False)
    messages = []
    while (message := await declared.get(fail=False, no_ack=True)) is not None:
        messages.append(message)
    return messages


def normalized_message(
    posting_id: str | None = None, title: str = "Backend Engineer", version: int = 1
) -> PostingNormalized:
    external_id = posting_id or uuid.uuid4().hex[:8]
    return PostingNormalized(
        correlation_id=uuid.uuid4().hex,
        posting_id=f"test:{external_id}",
        source="test",
        external_id=external_id,
        version=version,
        received_at=datetime.now(UTC),
        posting=NormalizedPosting(title=title, description=Description(text="Python and Redis.")),
        fingerprint=uuid.uuid4().hex,
    )


Handler = Callable[[PostingNormalized], Awaitable[PostingRef | None]]


def enriched(msg: PostingNormalized) -> PostingEnriched:
    return PostingEnriched(**msg.model_dump(exclude={"message_id"}), enrichment=Enrichment())


@asynccontextmanager
async def running_hop(amqp_url: str, topology: Topology, handler: Handler) -> AsyncIterator[Any]:
    settings = ServiceSettings(
        amqp_url=amqp_url,
        namespace=topology.namespace,
        retry_delays_ms=list(topology.retry_delays_ms),
        log_format="console",
    )

    @asynccontextmanager
    async def resources(runtime: Runtime) -> AsyncIterator[Hop[Any]]:
        yield Hop("enricher", PostingNormalized, handler, "posting.enriched")

    app = worker_app("enricher", settings, resources)
    async with app.router.lifespan_context(app):
        yield app


async def publish_normalized(
    channel: aio_pika.abc.AbstractChannel, topology: Topology, body: bytes
) -> None:
    exchange = await channel.get_exchange(topology.pipeline.name)
    await exchange.publish(aio_pika.Message(body, delivery_mode=2), routing_key=NORMALIZED)


@contextmanager
def jobstream_run(env: dict[str, str], cwd: Path) -> Iterator[int]:
    """`jobstream run` on free ports until it is ready; yields the base port; Ctrl-C at the end."""
    base = free_port_block(max(SERVICES.values()) + 1)
    process = subprocess.Popen(
        [sys.executable, "-m", "jobstream.cli", "run", "--base-port", str(base)],
        env={**os.environ, "JOBSTREAM_LOG_LEVEL": "WARNING", **env},
        cwd=cwd,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert process.stdout is not None
    for line in process.stdout:
        if "jobstream is ready" in line:
            break
    else:
        raise AssertionError(f"jobstream run exited with {process.wait()} before it was ready")
    yield base
    process.send_signal(signal.SIGINT)
    assert process.wait(timeout=60) == 0
