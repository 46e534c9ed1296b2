"""Fixtures that find the real services, in the order DESIGN.md gives:

a URL from the environment (AMQP_URL, REDIS_URL, MONGO_URL), else a server on the default local
port, else testcontainers where a Docker engine runs, else (MongoDB only) the embedded SecantusDB
wire server. Each test gets its own namespace: queues, exchanges, Redis keys and database.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import uuid
from collections.abc import AsyncIterator, Iterator
from typing import Any

import aio_pika
import pytest
from pymongo import AsyncMongoClient
from redis.asyncio import Redis

from jobstream.embedded_mongo import free_port, port_is_open, start_embedded_mongo
from shared.topology import Topology

TEST_RETRY_DELAYS_MS = (100, 200)


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


@pytest.fixture
def namespace() -> str:
    return f"jstest-{uuid.uuid4().hex[:10]}"


@pytest.fixture
def topology(namespace: str) -> Topology:
    return Topology(namespace, TEST_RETRY_DELAYS_MS)


@pytest.fixture
async def amqp(amqp_url: str, topology: Topology) -> AsyncIterator[aio_pika.abc.AbstractChannel]:
    """A raw channel for the test to inspect queues; deletes the test's topology afterwards."""
    connection = await aio_pika.connect_robust(amqp_url)
    channel = await connection.channel()
    yield channel
    cleanup = await connection.channel()
    for name in topology.all_queue_names():
        await cleanup.queue_delete(name)
    for exchange in (topology.pipeline, topology.events, topology.dead_letters):
        await cleanup.exchange_delete(exchange.name)
    await connection.close()


@pytest.fixture
async def redis(redis_url: str, namespace: str) -> AsyncIterator[Redis]:
    client = Redis.from_url(redis_url)
    yield client
    async for key in client.scan_iter(match=f"{namespace}:*"):
        await client.delete(key)
    await client.aclose()


@pytest.fixture
def database_name(namespace: str) -> str:
    return namespace.replace("-", "_")


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
