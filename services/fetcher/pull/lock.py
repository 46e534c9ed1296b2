"""One replica polls a source at a time, and the replicas share when it is next due.

The lock is ``SET NX PX`` with a random token; release deletes the key only if it still holds
our token, so a poll that outlived its lock cannot free the next holder's lock.
"""

from __future__ import annotations

import time
import uuid

from redis.asyncio import Redis

_RELEASE = """
if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) end
return 0
"""


class SourceLocks:
    def __init__(self, redis: Redis, namespace: str) -> None:
        self.redis, self.prefix = redis, f"{namespace}:pull"

    async def acquire(self, source: str, ttl_ms: int) -> str | None:
        token = uuid.uuid4().hex
        got = await self.redis.set(f"{self.prefix}:lock:{source}", token, nx=True, px=ttl_ms)
        return token if got else None

    async def release(self, source: str, token: str) -> bool:
        released = await self.redis.eval(_RELEASE, 1, f"{self.prefix}:lock:{source}", token)
        return bool(released)

    async def due(self, source: str) -> bool:
        """Whether any replica's last poll of ``source`` is older than its interval."""
        raw = await self.redis.get(f"{self.prefix}:due:{source}")
        return raw is None or float(raw) <= time.time()

    async def set_due(self, source: str, delay_s: float) -> None:
        await self.redis.set(f"{self.prefix}:due:{source}", str(time.time() + delay_s))
