"""Pull sources in the fetcher's composition root: build the poller, run it in the background."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

import httpx
from redis.asyncio import Redis

from services.fetcher.pull.config import load_pull_file
from services.fetcher.pull.http import PoliteClient
from services.fetcher.pull.lock import SourceLocks
from services.fetcher.pull.metrics import PullMetrics
from services.fetcher.pull.poll import Ports
from services.fetcher.pull.poller import Poller
from services.fetcher.pull.snapshot import RedisSnapshots
from services.fetcher.settings import FetcherSettings
from services.gateway.versions import VersionClock
from shared.broker import publish_confirmed
from shared.clients import redis_client
from shared.messages import PostingReceived
from shared.service import Runtime
from shared.topology import RECEIVED


def build_poller(
    runtime: Runtime, settings: FetcherSettings, path: Path, client: httpx.AsyncClient, redis: Redis
) -> Poller:
    pull = load_pull_file(path)
    rules = pull.rules(settings.fetch_max_bytes, settings.fetch_max_redirects)
    http = PoliteClient(client, rules, frozenset(settings.fetch_allow_hosts))

    async def publish(message: PostingReceived) -> None:
        await publish_confirmed(
            runtime.broker,
            message,
            exchange=runtime.topology.pipeline,
            routing_key=RECEIVED,
            message_id=message.message_id,
            correlation_id=message.correlation_id,
        )

    store = RedisSnapshots(redis, settings.namespace)
    ports = Ports(http, store, publish, VersionClock().next, pull.confirm_empty_polls)
    locks = SourceLocks(redis, settings.namespace)
    return Poller(pull, ports, locks, PullMetrics(runtime.metrics.registry))


async def _when_connected(runtime: Runtime, poller: Poller) -> None:
    # The broker connects after the resources are opened; polls wait for it.
    while not await runtime.broker.ping(timeout=1.0):  # noqa: ASYNC110 - no event to wait on
        await asyncio.sleep(0.5)
    await poller.run()


@asynccontextmanager
async def pull_sources(
    runtime: Runtime, settings: FetcherSettings, client: httpx.AsyncClient
) -> AsyncIterator[Poller | None]:
    """Runs the poller while the context is open, when a pull-sources file is configured."""
    if settings.pull_sources_file is None:
        yield None
        return
    redis = redis_client(str(settings.redis_url))
    poller = build_poller(runtime, settings, settings.pull_sources_file, client, redis)
    runtime.checks["redis"] = redis.ping
    task = asyncio.create_task(_when_connected(runtime, poller), name="pull-sources")
    try:
        yield poller
    finally:
        task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await task
        await redis.aclose()
