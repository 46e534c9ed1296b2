"""Fixtures that find the real services, in the order DESIGN.md gives:

a URL from the environment (AMQP_URL, REDIS_URL, MONGO_URL), else a server on the default local
port, else testcontainers where a Docker engine runs, else (MongoDB only) the embedded SecantusDB
wire server. Each test gets its own namespace: queues, exchanges, Redis keys and database.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import shutil
import subprocess
import uuid
from collections.abc import AsyncIterator, Iterator
from typing import Any

import aio_pika
import pytest
from pymongo import AsyncMongoClient
from redis import Redis as SyncRedis
from redis.asyncio import Redis

from jobstream.embedded_mongo import free_port, port_is_open, start_embedded_mongo
from shared.topology import Topology

TEST_RETRY_DELAYS_MS = (100, 200)
MAX_RETRY_LEVELS = 6
# Every service a test builds in this process declares the same retry queues: RabbitMQ refuses
# a queue re-declared with other arguments.
os.environ.setdefault("JOBSTREAM_RETRY_DELAYS_MS", str(list(TEST_RETRY_DELAYS_MS)))


def _docker_engine() -> bool:
    if not shutil.which("docker"):
        return False
    return subprocess.run(["docker", "info"], capture_output=True, check=False).returncode == 0


def _container(module: str, cls: str, image: str) -> Any:
    containers = pytest.importorskip(f"testcontainers.{module}")
    container = getattr(containers, cls)(image)
    container.start()
    return container


@pytest.fixture(scope="session")
def amqp_url() -> Iterator[str]:
    if url := os.environ.get("AMQP_URL"):
        yield url
    elif port_is_open("127.0.0.1", 5672):
        yield "amqp://guest:guest@127.0.0.1:5672/"
    elif _docker_engine():
        container = _container("rabbitmq", "RabbitMqContainer", "rabbitmq:3.13-management")
        host, port = container.get_container_host_ip(), container.get_exposed_port(5672)
        yield f"amqp://guest:guest@{host}:{port}/"
        container.stop()
    else:
        pytest.fail("no RabbitMQ: set AMQP_URL or start one on 127.0.0.1:5672")


@pytest.fixture(scope="session")
def redis_url() -> Iterator[str]:
    if url := os.environ.get("REDIS_URL"):
        yield url
    elif port_is_open("127.0.0.1", 6379):
        yield "redis://127.0.0.1:6379/0"
    elif _docker_engine():
        container = _container("redis", "RedisContainer", "redis:7")
        host, port = container.get_container_host_ip(), container.get_exposed_port(6379)
        yield f"redis://{host}:{port}/0"
        container.stop()
    else:
        pytest.fail("no Redis: set REDIS_URL or start one on 127.0.0.1:6379")


@pytest.fixture(scope="session")
def mongo_url() -> Iterator[str]:
    if url := os.environ.get("MONGO_URL"):
        yield url
    elif port_is_open("127.0.0.1", 27017):
        yield "mongodb://127.0.0.1:27017/"
    elif _docker_engine():
        container = _container("mongodb", "MongoDbContainer", "mongo:7")
        yield container.get_connection_url()
        container.stop()
    else:
        port = free_port()
        process = start_embedded_mongo(":memory:", port)
        yield f"mongodb://127.0.0.1:{port}/"
        process.terminate()
        process.wait(timeout=10)


@pytest.fixture(scope="session")
def session_namespace(amqp_url: str) -> Iterator[str]:
    """One broker namespace for the whole run, emptied between tests.

    RabbitMQ 3.10 on two cores wedged (TCP open, no AMQP handshake) after about a thousand
    quorum queues were created and deleted, which is what a namespace per test amounts to.
    """
    namespace = f"jstest-{uuid.uuid4().hex[:10]}"
    yield namespace
    asyncio.run(_delete_topology(amqp_url, namespace))


@pytest.fixture
def namespace(session_namespace: str, redis_url: str) -> Iterator[str]:
    """The run's namespace, with the Redis keys of earlier tests gone."""
    _delete_redis_keys(redis_url, session_namespace)
    yield session_namespace
    _delete_redis_keys(redis_url, session_namespace)


@pytest.fixture
def topology(namespace: str) -> Topology:
    return Topology(namespace, TEST_RETRY_DELAYS_MS)


@pytest.fixture
async def amqp(amqp_url: str, topology: Topology) -> AsyncIterator[aio_pika.abc.AbstractChannel]:
    """A raw channel for the test to inspect queues; every queue is empty before and after."""
    connection = await aio_pika.connect_robust(amqp_url)
    await _purge(connection, topology.namespace)
    channel = await connection.channel()
    yield channel
    await _purge(connection, topology.namespace)
    await connection.close()


def _every_queue(namespace: str) -> list[str]:
    # A superset of retry levels: services under test may run with other delays.
    return Topology(namespace, (1,) * MAX_RETRY_LEVELS).all_queue_names()


async def _purge(connection: aio_pika.abc.AbstractConnection, namespace: str) -> None:
    for name in _every_queue(namespace):
        # A missing queue closes the channel, so each purge gets its own.
        with contextlib.suppress(aio_pika.exceptions.ChannelNotFoundEntity):
            async with connection.channel() as channel:
                queue = await channel.get_queue(name, ensure=True)
                await queue.purge()


async def _delete_topology(amqp_url: str, namespace: str) -> None:
    connection = await aio_pika.connect(amqp_url)
    async with connection:
        channel = await connection.channel()
        for name in _every_queue(namespace):
            await channel.queue_delete(name)
        topology = Topology(namespace, (1,))
        for exchange in (topology.pipeline, topology.events, topology.dead_letters):
            await channel.exchange_delete(exchange.name)


def _delete_redis_keys(redis_url: str, namespace: str) -> None:
    client = SyncRedis.from_url(redis_url)
    with client:
        keys = list(client.scan_iter(match=f"{namespace}:*", count=1000))
        if keys:
            client.delete(*keys)


@pytest.fixture
async def redis(redis_url: str, namespace: str) -> AsyncIterator[Redis]:
    client = Redis.from_url(redis_url)
    yield client
    await client.aclose()


@pytest.fixture
def database_name() -> str:
    return f"jstest_{uuid.uuid4().hex[:10]}"


@pytest.fixture
async def mongo(mongo_url: str, database_name: str) -> AsyncIterator[AsyncMongoClient[Any]]:
    client: AsyncMongoClient[Any] = AsyncMongoClient(mongo_url, tz_aware=True)
    yield client
    await client.drop_database(database_name)
    await client.close()


@pytest.fixture
def service_env(
    amqp_url: str, redis_url: str, mongo_url: str, namespace: str, database_name: str
) -> dict[str, str]:
    """Environment for services under test: the real servers, the test's own namespace."""
    return {
        "JOBSTREAM_AMQP_URL": amqp_url,
        "JOBSTREAM_REDIS_URL": redis_url,
        "JOBSTREAM_MONGO_URL": mongo_url,
        "JOBSTREAM_MONGO_DATABASE": database_name,
        "JOBSTREAM_NAMESPACE": namespace,
        "JOBSTREAM_RETRY_DELAYS_MS": str(list(TEST_RETRY_DELAYS_MS)),
    }
