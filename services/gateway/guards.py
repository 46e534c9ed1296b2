"""Request limits checked before any work: content type, body size, JSON depth, rate."""

from __future__ import annotations

import math
import time
from typing import Any

import orjson
from fastapi import Request
from redis.asyncio import Redis

from services.gateway.problems import Problem


def require_json(request: Request) -> None:
    media = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if media != "application/json" and not (
        media.startswith("application/") and media.endswith("+json")
    ):
        raise Problem(415, "Unsupported media type", "send application/json", field="Content-Type")


async def read_body(request: Request, limit: int) -> bytes:
    """The body, refused as soon as it is known to exceed ``limit`` bytes."""
    too_large = Problem(413, "Body too large", f"at most {limit} bytes", field="body")
    declared = request.headers.get("content-length")
    if declared is not None and declared.isdigit() and int(declared) > limit:
        raise too_large
    body = bytearray()
    async for chunk in request.stream():
        body.extend(chunk)
        if len(body) > limit:
            raise too_large
    return bytes(body)


def depth(value: Any) -> int:
    """Nesting depth of decoded JSON, without recursion (a hostile body cannot blow the stack)."""
    deepest, stack = 0, [(value, 1)]
    while stack:
        node, level = stack.pop()
        deepest = max(deepest, level)
        if isinstance(node, dict):
            stack.extend((v, level + 1) for v in node.values())
        elif isinstance(node, list):
            stack.extend((v, level + 1) for v in node)
    return deepest


def decode_json(body: bytes, max_depth: int) -> Any:
    try:
        value = orjson.loads(body)
    except orjson.JSONDecodeError as exc:
        raise Problem(400, "Malformed JSON", str(exc), field="body") from None
    if depth(value) > max_depth:
        raise Problem(413, "JSON too deep", f"at most {max_depth} levels of nesting", field="body")
    return value


class RateLimiter:
    """A fixed window per key in Redis: one INCR per request, the window's TTL set once."""

    def __init__(self, redis: Redis, namespace: str, window_s: int) -> None:
        self.redis, self.namespace, self.window_s = redis, namespace, window_s

    async def check(self, key: str, limit: int) -> None:
        now = time.time()
        window = int(now // self.window_s)
        redis_key = f"{self.namespace}:rate:{key}:{window}"
        async with self.redis.pipeline(transaction=False) as pipe:
            pipe.incr(redis_key)
            pipe.expire(redis_key, self.window_s + 1, nx=True)
            count, _ = await pipe.execute()
        if count > limit:
            retry_after = max(1, math.ceil((window + 1) * self.window_s - now))
            raise Problem(
                429,
                "Too many requests",
                f"at most {limit} requests per {self.window_s}s for {key}",
                headers={"Retry-After": str(retry_after)},
            )
