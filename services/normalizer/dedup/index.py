"""Where the clusterer keeps what it has seen: the port, and its in-process implementation.

An index holds one record per posting (cluster, evidence, features) and lookup sets that find
candidates: ``h:<content hash>``, ``u:<canonical URL digest>`` and ``b:<LSH band>``. Members of
a set expire one by one, ``ttl_s`` after they were last written; so do records.
"""

from __future__ import annotations

import asyncio
import time
from collections import Counter
from collections.abc import Callable, Sequence
from typing import Protocol

from .record import ClusterLockTimeout, Lookup, StoredPosting
from .redis_index import RedisClusterIndex


class ClusterIndex(Protocol):
    async def open(
        self,
        lock_key: str,
        posting_id: str,
        set_keys: Sequence[str],
        limit: int,
        prefetch: int = 0,
    ) -> Lookup:
        """Take the lock of ``lock_key`` (ClusterLockTimeout when it cannot be had in time),
        then look up the posting's own record, the live members of its exact sets and the
        ``limit`` best ranked live members of its band sets (``b:...``), and the gists of the
        first ``limit`` of ``Lookup.candidates``; an index may also return the records of up
        to ``prefetch`` of them. Pair with ``close``."""
        ...

    async def fetch(self, posting_ids: Sequence[str]) -> list[StoredPosting]:
        """The records of those postings that are still indexed, in the order asked."""
        ...

    async def close(self, found: Lookup, record: StoredPosting | None) -> None:
        """Store ``record``, if any (entering its sets, leaving those only ``found.own`` was
        in), and release the lock ``found`` holds."""
        ...


class MemoryClusterIndex:
    """The index in one process: for the offline evaluation and ``jobstream process``."""

    def __init__(
        self,
        ttl_s: float | None = None,
        *,
        lock_wait_s: float = 10.0,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.ttl_s = ttl_s
        self.lock_wait_s = lock_wait_s
        self._clock = clock
        self._records: dict[str, tuple[float, StoredPosting]] = {}
        self._sets: dict[str, dict[str, float]] = {}
        self._locks: dict[str, _Entry] = {}

    def _expiry(self) -> float:
        return float("inf") if self.ttl_s is None else self._clock() + self.ttl_s

    def _record(self, posting_id: str) -> StoredPosting | None:
        entry = self._records.get(posting_id)
        if entry is None:
            return None
        if entry[0] <= self._clock():
            del self._records[posting_id]
            return None
        return entry[1]

    def _members(self, key: str) -> list[str]:
        members = self._sets.get(key)
        if not members:
            return []
        now = self._clock()
        for stale in [m for m, expires in members.items() if expires <= now]:
            del members[stale]
        return sorted(members)

    async def open(
        self,
        lock_key: str,
        posting_id: str,
        set_keys: Sequence[str],
        limit: int,
        prefetch: int = 0,  # records are at hand in process: nothing to save
    ) -> Lookup:
        await self._acquire(lock_key)
        exact: dict[str, None] = {}
        hits: Counter[str] = Counter()
        for key in set_keys:
            if key.startswith("b:"):
                hits.update(self._members(key))
            else:
                exact.update(dict.fromkeys(self._members(key)))
        near = sorted(hits, key=lambda pid: (-hits[pid], pid))[:limit]
        found = Lookup(self._record(posting_id), list(exact), near, lock=lock_key)
        for pid in found.candidates(posting_id)[:limit]:  # as the Redis index hands them out
            if (record := self._record(pid)) is not None:
                found.gists[pid] = record.features
        return found

    async def fetch(self, posting_ids: Sequence[str]) -> list[StoredPosting]:
        return [r for pid in posting_ids if (r := self._record(pid)) is not None]

    async def close(self, found: Lookup, record: StoredPosting | None) -> None:
        try:
            if record is not None:
                self._save(record, found.own)
        finally:
            self._release(found.lock)

    def _save(self, record: StoredPosting, previous: StoredPosting | None) -> None:
        expires = self._expiry()
        self._records[record.posting_id] = (expires, record)
        current = set(record.set_keys())
        for key in set(previous.set_keys()) - current if previous else ():
            self._sets.get(key, {}).pop(record.posting_id, None)
        for key in current:
            self._sets.setdefault(key, {})[record.posting_id] = expires

    async def _acquire(self, key: str) -> None:
        # The entry stays while anyone holds or awaits the lock: a fresh Lock for a newcomer
        # while a woken waiter has yet to take the old one would let both in.
        entry = self._locks.setdefault(key, _Entry())
        entry.users += 1
        try:
            async with asyncio.timeout(self.lock_wait_s):
                await entry.lock.acquire()
        except BaseException as exc:
            self._leave(key, entry)
            if isinstance(exc, TimeoutError):
                raise ClusterLockTimeout(f"cluster lock {key!r} not acquired") from exc
            raise

    def _release(self, key: str) -> None:
        entry = self._locks[key]
        entry.lock.release()
        self._leave(key, entry)

    def _leave(self, key: str, entry: _Entry) -> None:
        entry.users -= 1
        if not entry.users:
            del self._locks[key]


class _Entry:
    def __init__(self) -> None:
        self.lock = asyncio.Lock()
        self.users = 0


__all__ = ["ClusterIndex", "ClusterLockTimeout", "MemoryClusterIndex", "RedisClusterIndex"]
