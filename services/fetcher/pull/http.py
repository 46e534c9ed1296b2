"""The polite HTTP client of pull sources.

Every hop of every request passes the fetcher's SSRF guard; each host gets a bounded number of
requests in flight and a minimum gap between them; 429 ``Retry-After`` and 5xx are waited out
with backoff, up to a bound, after which the poll fails (and so closes nothing).
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass, field
from email.utils import parsedate_to_datetime
from urllib.parse import urljoin, urlsplit

import httpx

from services.fetcher.adapters import _check_host
from services.fetcher.pull.errors import BadListing, RateLimited, Refused, SourceUnavailable
from shared.errors import FetchRefused

Sleep = Callable[[float], Awaitable[None]]


@dataclass(frozen=True)
class Politeness:
    per_host_concurrency: int = 2
    per_host_interval_s: float = 1.0
    max_attempts: int = 3
    backoff_s: float = 1.0
    max_retry_after_s: float = 60.0
    max_bytes: int = 5_000_000
    max_redirects: int = 5


@dataclass(frozen=True)
class Answer:
    status: int
    url: str
    headers: Mapping[str, str]
    body: bytes

    @property
    def text(self) -> str:
        return self.body.decode("utf-8", "replace")


@dataclass
class _Host:
    gate: asyncio.Semaphore
    next_at: float = 0.0
    lock: asyncio.Lock = field(default_factory=asyncio.Lock)


def retry_after_s(value: str | None, now: float) -> float | None:
    """Seconds to wait from a ``Retry-After`` header: delta-seconds or an HTTP date."""
    if not value:
        return None
    if value.strip().isdigit():
        return float(value.strip())
    try:
        return max(0.0, parsedate_to_datetime(value).timestamp() - now)
    except (TypeError, ValueError):
        return None


class PoliteClient:
    def __init__(
        self,
        client: httpx.AsyncClient,
        politeness: Politeness,
        allow_hosts: frozenset[str],
        sleep: Sleep = asyncio.sleep,
    ) -> None:
        self.client, self.rules, self.allow_hosts = client, politeness, allow_hosts
        self.sleep = sleep
        self._hosts: dict[str, _Host] = {}

    async def get(self, url: str, headers: Mapping[str, str] | None = None) -> Answer:
        """GET with retries; returns 2xx and 304 answers, raises a PollError otherwise."""
        rules = self.rules
        for attempt in range(1, rules.max_attempts + 1):
            last = attempt == rules.max_attempts
            try:
                answer = await self._follow(url, dict(headers or {}))
            except httpx.TransportError as exc:  # timeouts, refused connections, resets
                if last:
                    raise SourceUnavailable(f"{url}: {type(exc).__name__}: {exc}") from exc
                await self.sleep(rules.backoff_s * 2 ** (attempt - 1))
                continue
            if answer.status == 429:
                wait = retry_after_s(answer.headers.get("retry-after"), time.time())
                wait = rules.backoff_s * 2 ** (attempt - 1) if wait is None else wait
                if wait > rules.max_retry_after_s or last:
                    raise RateLimited(f"{url} answered 429, retry after {wait:.0f}s", wait)
                await self.sleep(wait)
            elif answer.status >= 500:
                if last:
                    raise SourceUnavailable(f"{url} answered {answer.status}")
                await self.sleep(rules.backoff_s * 2 ** (attempt - 1))
            elif answer.status >= 400:
                raise BadListing(f"{url} answered {answer.status}")
            else:
                return answer
        raise SourceUnavailable(f"{url}: no attempts made")  # max_attempts < 1

    async def _follow(self, url: str, headers: dict[str, str]) -> Answer:
        for _ in range(self.rules.max_redirects + 1):
            try:
                await _check_host(url, self.allow_hosts)
            except FetchRefused as exc:
                raise Refused(f"refused {url}: {exc}") from exc
            answer = await self._once(url, headers)
            if 300 <= answer.status < 400 and answer.status != 304:
                location = answer.headers.get("location")
                if not location:
                    raise BadListing(f"{url} answered {answer.status} without a Location")
                url = urljoin(url, location)
                continue
            return answer
        raise Refused(f"more than {self.rules.max_redirects} redirects from {url}")

    async def _once(self, url: str, headers: dict[str, str]) -> Answer:
        host = self._host(urlsplit(url).netloc)
        async with host.gate:
            async with host.lock:  # spaces request starts on this host
                delay = host.next_at - time.monotonic()
                if delay > 0:
                    await self.sleep(delay)
                host.next_at = time.monotonic() + self.rules.per_host_interval_s
            async with self.client.stream(
                "GET", url, headers=headers, follow_redirects=False
            ) as response:
                body = await self._read_capped(url, response)
                return Answer(response.status_code, url, response.headers, body)

    async def _read_capped(self, url: str, response: httpx.Response) -> bytes:
        chunks, size = [], 0
        async for chunk in response.aiter_bytes():
            size += len(chunk)
            if size > self.rules.max_bytes:
                raise Refused(f"{url}: body larger than {self.rules.max_bytes} bytes")
            chunks.append(chunk)
        return b"".join(chunks)

    def _host(self, netloc: str) -> _Host:
        if netloc not in self._hosts:
            self._hosts[netloc] = _Host(asyncio.Semaphore(self.rules.per_host_concurrency))
        return self._hosts[netloc]
