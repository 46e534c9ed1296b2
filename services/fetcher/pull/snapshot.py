"""What each source listed last time: external id -> content hash and open/closed state.

Closed postings stay in the snapshot, with the reason and time, so a close is sent once and a
posting that comes back is recognised as reopened.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import Any, Protocol

import orjson
from redis.asyncio import Redis

from services.fetcher.pull.connector import Found, Validators


@dataclass(frozen=True)
class Entry:
    hash: str
    open: bool = True
    closed_at: str | None = None
    reason: str | None = None

    def dump(self) -> bytes:
        return orjson.dumps(self.__dict__)

    @classmethod
    def load(cls, raw: bytes | str) -> Entry:
        return cls(**orjson.loads(raw))


@dataclass
class Changes:
    new: list[Found] = field(default_factory=list)
    changed: list[Found] = field(default_factory=list)
    reopened: list[Found] = field(default_factory=list)
    vanished: list[str] = field(default_factory=list)

    @property
    def upserts(self) -> list[Found]:
        return self.new + self.changed + self.reopened


def content_hash(payload: Any) -> str:
    raw = (
        payload.encode()
        if isinstance(payload, str)
        else orjson.dumps(payload, option=orjson.OPT_SORT_KEYS)
    )
    return hashlib.blake2b(raw, digest_size=16).hexdigest()


def diff(snapshot: dict[str, Entry], listed: list[Found]) -> Changes:
    changes, seen = Changes(), set()
    for found in listed:
        seen.add(found.external_id)
        before = snapshot.get(found.external_id)
        if before is None:
            changes.new.append(found)
        elif not before.open:
            changes.reopened.append(found)
        elif before.hash != content_hash(found.payload):
            changes.changed.append(found)
    changes.vanished = [i for i, e in snapshot.items() if e.open and i not in seen]
    return changes


class SnapshotStore(Protocol):
    async def load(self, source: str) -> dict[str, Entry]: ...
    async def put(self, source: str, external_id: str, entry: Entry) -> None: ...
    async def validators(self, source: str) -> Validators: ...
    async def set_validators(self, source: str, validators: Validators) -> None: ...
    async def empty_streak(self, source: str, empty: bool) -> int: ...


def _text(value: bytes | str) -> str:
    return value.decode() if isinstance(value, bytes) else value


class RedisSnapshots:
    def __init__(self, redis: Redis, namespace: str) -> None:
        self.redis, self.prefix = redis, f"{namespace}:pull"

    async def load(self, source: str) -> dict[str, Entry]:
        raw = await self.redis.hgetall(f"{self.prefix}:snap:{source}")
        return {_text(k): Entry.load(v) for k, v in raw.items()}

    async def put(self, source: str, external_id: str, entry: Entry) -> None:
        await self.redis.hset(f"{self.prefix}:snap:{source}", external_id, entry.dump())

    async def validators(self, source: str) -> Validators:
        raw = await self.redis.hgetall(f"{self.prefix}:http:{source}")
        return Validators(
            _text(raw.get(b"etag") or b"") or None,
            _text(raw.get(b"last_modified") or b"") or None,
        )

    async def set_validators(self, source: str, validators: Validators) -> None:
        key = f"{self.prefix}:http:{source}"
        etag, modified = validators.etag or "", validators.last_modified or ""
        await self.redis.hset(key, items=["etag", etag, "last_modified", modified])

    async def empty_streak(self, source: str, empty: bool) -> int:
        key = f"{self.prefix}:empty:{source}"
        if not empty:
            await self.redis.delete(key)
            return 0
        return int(await self.redis.incr(key))
