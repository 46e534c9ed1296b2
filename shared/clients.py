"""MongoDB and Redis clients, opened in a service's lifespan, never at import time."""

from typing import Any

from pymongo import AsyncMongoClient
from redis.asyncio import Redis


def redis_client(url: str) -> Redis:
    return Redis.from_url(url, decode_responses=False, health_check_interval=10)


def mongo_client(url: str) -> AsyncMongoClient[dict[str, Any]]:
    return AsyncMongoClient(url, tz_aware=True, serverSelectionTimeoutMS=5_000)


class RedisKeys:
    """Every Redis key lives under the namespace, so stacks and tests never share state."""

    def __init__(self, namespace: str) -> None:
        self.namespace = namespace

    def fingerprint(self, posting_id: str) -> str:
        return f"{self.namespace}:fp:{posting_id}"
