"""Chaos fixtures: private servers for the session, fresh services and database per scenario."""

from __future__ import annotations

import asyncio
import contextlib
import uuid
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import aio_pika
import pytest
from pymongo import AsyncMongoClient
from redis import Redis as SyncRedis

from shared.topology import Topology
from tests.chaos.infra import Infra
from tests.chaos.stack import CHAOS_RETRY_DELAYS_MS, Stack
from tests.chaos.verify import ROWS, table


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "chaos: breaks private servers on purpose")


def pytest_terminal_summary(terminalreporter: Any) -> None:
    if ROWS:
        terminalreporter.write_sep("=", "chaos: delivery guarantees under faults")
        terminalreporter.write_line(table(ROWS))


@pytest.fixture(scope="session")
def infra() -> Iterator[Infra]:
    servers = Infra()
    try:
        servers.start()
        yield servers
    finally:
        servers.close()


@pytest.fixture(scope="session")
def chaos_namespace() -> str:
    # One namespace for the session: RabbitMQ 3.10 wedged under heavy quorum queue churn.
    return f"chaos-{uuid.uuid4().hex[:8]}"


@dataclass
class Chaos:
    infra: Infra
    topology: Topology
    stack: Stack
    database: str
    mongo: AsyncMongoClient[Any]


@pytest.fixture
async def chaos(infra: Infra, chaos_namespace: str, tmp_path: Path) -> AsyncIterator[Chaos]:
    topology = Topology(chaos_namespace, tuple(CHAOS_RETRY_DELAYS_MS))
    await _purge(infra.rabbit.url, topology)
    SyncRedis.from_url(infra.redis.url).flushall()
    database = f"chaos_{uuid.uuid4().hex[:8]}"
    stack = Stack(infra, chaos_namespace, database, tmp_path)
    mongo: AsyncMongoClient[Any] = AsyncMongoClient(infra.mongo.url, tz_aware=True)
    try:
        await asyncio.to_thread(stack.start_all)
        yield Chaos(infra, topology, stack, database, mongo)
    finally:
        await asyncio.to_thread(stack.stop_all)
        with contextlib.suppress(Exception):
            await mongo.drop_database(database)
        await mongo.close()


async def _purge(amqp_url: str, topology: Topology) -> None:
    connection = await aio_pika.connect(amqp_url)
    async with connection:
        for name in topology.all_queue_names():
            # A queue not declared yet closes the channel, so each purge gets its own.
            with contextlib.suppress(aio_pika.exceptions.ChannelNotFoundEntity):
                async with connection.channel() as channel:
                    queue = await channel.get_queue(name, ensure=True)
                    await queue.purge()
