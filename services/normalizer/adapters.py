from redis.asyncio import Redis

from shared.clients import RedisKeys


class RedisFingerprints:
    def __init__(self, redis: Redis, keys: RedisKeys, ttl_s: int) -> None:
        self.redis = redis
        self.keys = keys
        self.ttl_s = ttl_s

    async def current(self, posting_id: str) -> str | None:
        value = await self.redis.get(self.keys.fingerprint(posting_id))
        if value is None:
            return None
        return value.decode() if isinstance(value, bytes) else str(value)

    async def remember(self, posting_id: str, fingerprint: str) -> None:
        await self.redis.set(self.keys.fingerprint(posting_id), fingerprint, ex=self.ttl_s)
