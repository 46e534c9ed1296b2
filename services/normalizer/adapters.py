from redis.asyncio import Redis

from shared.clients import RedisKeys

# Compare-and-set on the version: a late, older version must not replace the newest one's
# fingerprint, or a board reverting to that older content would be dropped as unchanged.
_REMEMBER_NEWEST = """
local current = redis.call('GET', KEYS[1])
if current then
  local version = tonumber(string.match(current, '^(%d+):'))
  if version and version >= tonumber(ARGV[1]) then return 0 end
end
redis.call('SET', KEYS[1], ARGV[1] .. ':' .. ARGV[2], 'EX', ARGV[3])
return 1
"""


class RedisFingerprints:
    """``<ns>:fp:<posting id>`` holds ``<version>:<fingerprint>`` of the newest version."""

    def __init__(self, redis: Redis, keys: RedisKeys, ttl_s: int) -> None:
        self.redis = redis
        self.keys = keys
        self.ttl_s = ttl_s
        self._remember = redis.register_script(_REMEMBER_NEWEST)

    async def current(self, posting_id: str) -> str | None:
        value = await self.redis.get(self.keys.fingerprint(posting_id))
        if value is None:
            return None
        text = value.decode() if isinstance(value, bytes) else str(value)
        return text.split(":", 1)[-1]

    async def remember(self, posting_id: str, version: int, fingerprint: str) -> None:
        key = self.keys.fingerprint(posting_id)
        await self._remember(keys=[key], args=[version, fingerprint, self.ttl_s])
