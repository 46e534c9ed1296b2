"""The first answer to a delivery id or Idempotency-Key, kept in Redis for a while.

A repeat gets that answer again and publishes nothing. A key is claimed before any publish, so
two concurrent deliveries of the same id cannot both publish; the loser gets 409 and retries.
A 5xx releases the claim: the request was not done, so a retry must be able to do it.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import orjson
from fastapi.responses import JSONResponse
from redis.asyncio import Redis

from services.gateway.problems import PROBLEM, Problem

PENDING_TTL_S = 120


@dataclass(frozen=True)
class Answer:
    status: int
    body: Any
    media_type: str = "application/json"

    def response(self, replayed: bool = False) -> JSONResponse:
        headers = {"Idempotent-Replayed": "true"} if replayed else None
        return JSONResponse(
            self.body, status_code=self.status, media_type=self.media_type, headers=headers
        )


def _nothing() -> None:
    return None


class Idempotency:
    def __init__(
        self, redis: Redis, namespace: str, ttl_s: int, on_replay: Callable[[], None] = _nothing
    ) -> None:
        self.redis, self.namespace, self.ttl_s = redis, namespace, ttl_s
        self.on_replay = on_replay  # the "delivery" level of duplicates

    def _key(self, scope: str, key: str) -> str:
        return f"{self.namespace}:idem:{scope}:{hashlib.sha256(key.encode()).hexdigest()[:32]}"

    async def claim(self, scope: str, key: str, body: bytes) -> Answer | None:
        """None when this request is the first; else the first answer (or a 409/422 problem)."""
        redis_key = self._key(scope, key)
        fingerprint = hashlib.sha256(body).hexdigest()
        claim = orjson.dumps({"state": "pending", "fingerprint": fingerprint})
        # A short claim: a process that dies mid-request must not block retries for a day.
        if await self.redis.set(redis_key, claim, nx=True, ex=min(self.ttl_s, PENDING_TTL_S)):
            return None
        stored = await self.redis.get(redis_key)
        if stored is None:  # expired between the two calls: treat as first
            return await self.claim(scope, key, body)
        record = orjson.loads(stored)
        if record.get("fingerprint") != fingerprint:
            raise Problem(
                422,
                "Idempotency key reused",
                "this key was already used for a different body",
                field="Idempotency-Key",
            )
        if record["state"] == "pending":
            raise Problem(
                409,
                "Request in progress",
                "a request with this key is still being processed",
                headers={"Retry-After": "1"},
                field="Idempotency-Key",
            )
        self.on_replay()
        return Answer(record["status"], record["body"], record.get("media_type", PROBLEM))

    async def settle(self, scope: str, key: str, body: bytes, answer: Answer) -> None:
        redis_key = self._key(scope, key)
        if answer.status >= 500:
            await self.redis.delete(redis_key)
            return
        record = {
            "state": "done",
            "fingerprint": hashlib.sha256(body).hexdigest(),
            "status": answer.status,
            "body": answer.body,
            "media_type": answer.media_type,
        }
        await self.redis.set(redis_key, orjson.dumps(record), ex=self.ttl_s)

    async def release(self, scope: str, key: str) -> None:
        await self.redis.delete(self._key(scope, key))
