"""The cluster index in Redis, shared by every normalizer replica.

Keys, all under ``prefix`` and all expiring: ``<prefix>:p:<posting id>`` the record (JSON) and
``<prefix>:g:<posting id>`` its gist (the fields without the signature);
``<prefix>:h:``, ``:u:``, ``:b:`` lookup sets as sorted sets whose scores are each member's expiry
time, so a bucket that keeps being written does not keep dead members; ``<prefix>:lock:<digest>``
the per-company lock (SET NX PX with a random token, deleted only by its owner). Taking the lock
and the lookup are one script, storing and releasing another.
"""

from __future__ import annotations

import asyncio
import hashlib
import random
import secrets
import time
from collections.abc import Sequence
from functools import lru_cache

import orjson
from redis.asyncio import Redis

from .features import Features
from .record import ClusterLockTimeout, Lookup, StoredPosting

# Each script is one command and one round trip for what would be dozens: redis-py spends
# ~20 us of client CPU per pipelined command and ~80 us per round trip, more than clustering.

# KEYS: the lock, the record, the exact sets, the band sets.
# ARGV: token, lock ttl (ms), now, limit, number of exact sets, prefetch, posting id, prefix.
# Takes the lock (SET NX PX) and, when it got it, looks up under it; band members are counted
# here so only the best ranked few cross the wire. The candidates in the clusterer's order
# (exact members, then band members; never the posting itself; at most ``limit``) come back
# with their gists, and the first ``prefetch`` with their records: most candidates are ruled out
# by their gist, and a likely twin needs no fetch. Record and gist keys are built here, not
# declared: like the rest of the index, this needs one Redis, not a cluster.
_OPEN = """
if not redis.call('SET', KEYS[1], ARGV[1], 'NX', 'PX', ARGV[2]) then return false end
local now, limit, exact_sets = ARGV[3], tonumber(ARGV[4]), tonumber(ARGV[5])
local exact, seen, hits, order = {}, {}, {}, {}
for i = 3, exact_sets + 2 do
  for _, m in ipairs(redis.call('ZRANGEBYSCORE', KEYS[i], now, '+inf')) do
    if not seen[m] then seen[m] = true; exact[#exact + 1] = m end
  end
end
for i = exact_sets + 3, #KEYS do
  for _, m in ipairs(redis.call('ZRANGEBYSCORE', KEYS[i], now, '+inf')) do
    if hits[m] then hits[m] = hits[m] + 1 else hits[m] = 1; order[#order + 1] = m end
  end
end
table.sort(order, function(a, b)
  if hits[a] ~= hits[b] then return hits[a] > hits[b] end
  return a < b
end)
local near = {}
for i = 1, math.min(limit, #order) do near[i] = order[i] end
local want, own_id, prefix = tonumber(ARGV[6]), ARGV[7], ARGV[8]
local queue, queued = {}, {}
for _, list in ipairs({exact, near}) do
  for _, m in ipairs(list) do
    if #queue < limit and m ~= own_id and not queued[m] then
      queued[m] = true; queue[#queue + 1] = m
    end
  end
end
local first, records, gists = {}, {}, {}
if #queue > 0 then
  local record_keys, gist_keys = {}, {}
  for i, m in ipairs(queue) do
    gist_keys[i] = prefix .. ':g:' .. m
    if i <= want then first[i] = m; record_keys[i] = prefix .. ':p:' .. m end
  end
  gists = redis.call('MGET', unpack(gist_keys))
  if #first > 0 then records = redis.call('MGET', unpack(record_keys)) end
end
return {redis.call('GET', KEYS[2]), exact, near, first, records, queue, gists}
"""

# KEYS: the lock, the record, its gist (when saving), the sets to be in, then the sets to leave.
# ARGV: token, record ('' for none), ttl_s, expiry time, now, posting id, number of sets to be
# in, gist. Saves, then releases the lock if this holder still owns it.
_CLOSE = """
if ARGV[2] ~= '' then
  redis.call('SET', KEYS[2], ARGV[2], 'EX', ARGV[3])
  redis.call('SET', KEYS[3], ARGV[8], 'EX', ARGV[3])
  local enter = tonumber(ARGV[7])
  for i = 4, enter + 3 do
    redis.call('ZADD', KEYS[i], ARGV[4], ARGV[6])
    redis.call('ZREMRANGEBYSCORE', KEYS[i], '-inf', ARGV[5])
    redis.call('EXPIRE', KEYS[i], ARGV[3])
  end
  for i = enter + 4, #KEYS do
    redis.call('ZREM', KEYS[i], ARGV[6])
  end
end
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0
"""


class RedisClusterIndex:
    def __init__(
        self,
        redis: Redis,
        prefix: str,
        ttl_s: int,
        *,
        lock_ttl_ms: int = 10_000,
        lock_wait_s: float = 5.0,
    ) -> None:
        self.redis = redis
        self.prefix = prefix
        self.ttl_s = ttl_s
        self.lock_ttl_ms = lock_ttl_ms
        self.lock_wait_s = lock_wait_s
        self._open = redis.register_script(_OPEN)
        self._close = redis.register_script(_CLOSE)

    def _record_key(self, posting_id: str) -> str:
        return f"{self.prefix}:p:{posting_id}"

    def _gist_key(self, posting_id: str) -> str:
        return f"{self.prefix}:g:{posting_id}"

    def _set_key(self, key: str) -> str:
        return f"{self.prefix}:{key}"

    async def open(
        self,
        lock_key: str,
        posting_id: str,
        set_keys: Sequence[str],
        limit: int,
        prefetch: int = 0,
    ) -> Lookup:
        digest = hashlib.blake2b(lock_key.encode(), digest_size=12).hexdigest()
        lock, token = f"{self.prefix}:lock:{digest}", secrets.token_hex(16)
        exact = [k for k in set_keys if not k.startswith("b:")]
        bands = [k for k in set_keys if k.startswith("b:")]
        keys = [lock, self._record_key(posting_id), *(self._set_key(k) for k in exact + bands)]
        deadline = time.monotonic() + self.lock_wait_s
        pause = 0.002
        while True:
            args: list[str | int | float] = [
                token,
                self.lock_ttl_ms,
                time.time(),
                limit,
                len(exact),
                prefetch,
                posting_id,
                self.prefix,
            ]
            found = await self._open(keys=keys, args=args)
            if found:
                own, same, near, first, records, queue, gists = found
                return Lookup(
                    StoredPosting.from_bytes(_bytes(own)) if own else None,
                    [_text(m) for m in same],
                    [_text(m) for m in near],
                    lock=lock,
                    token=token,
                    records={
                        _text(pid): _decode(_bytes(raw))
                        for pid, raw in zip(first, records, strict=True)
                        if raw
                    },
                    prefetched=frozenset(_text(pid) for pid in first),
                    gists={
                        _text(pid): _decode_gist(_bytes(raw))
                        for pid, raw in zip(queue, gists, strict=True)
                        if raw
                    },
                )
            if time.monotonic() >= deadline:
                raise ClusterLockTimeout(f"cluster lock {lock_key!r} held elsewhere")
            await asyncio.sleep(pause * (0.5 + random.random()))  # jitter spreads the waiters
            pause = min(pause * 2, 0.05)

    async def fetch(self, posting_ids: Sequence[str]) -> list[StoredPosting]:
        if not posting_ids:
            return []
        found = await self.redis.mget([self._record_key(pid) for pid in posting_ids])
        return [_decode(_bytes(raw)) for raw in found if raw]

    async def close(self, found: Lookup, record: StoredPosting | None) -> None:
        if record is None:
            await self._close(keys=[found.lock], args=[found.token, ""])
            return
        now = time.time()
        enter = record.set_keys()
        leave = sorted(set(found.own.set_keys()) - set(enter)) if found.own else []
        keys = [found.lock, self._record_key(record.posting_id), self._gist_key(record.posting_id)]
        keys += [self._set_key(k) for k in (*enter, *leave)]
        args: list[str | bytes | int | float] = [
            found.token, record.to_bytes(), self.ttl_s, now + self.ttl_s, now,
            record.posting_id, len(enter), record.gist_bytes(),
        ]  # fmt: skip
        await self._close(keys=keys, args=args)


@lru_cache(maxsize=4096)
def _decode(raw: bytes) -> StoredPosting:
    """Records decoded by their bytes: a company's postings are each other's candidates, so the
    same records come back for posting after posting, and decoding one (JSON, base64, the
    signature array) costs more than fetching it. Keyed by content, a cached record is never
    stale; records are immutable (their signature array read-only), so sharing one is safe.
    ~7 KB per entry with its key: ~29 MB when full."""
    return StoredPosting.from_bytes(raw)


@lru_cache(maxsize=16384)
def _decode_gist(raw: bytes) -> Features:
    """A candidate's gist, decoded once per content (~0.5 KB per entry: ~8 MB when full)."""
    return Features.from_json(orjson.loads(raw))


def _text(value: bytes | str) -> str:
    return value.decode() if isinstance(value, bytes) else value


def _bytes(value: bytes | str) -> bytes:
    """A client made with decode_responses=True hands back str."""
    return value.encode() if isinstance(value, str) else value
