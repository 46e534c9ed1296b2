"""httpx downloads with a size cap, bounded redirects and a refusal of private addresses.

Each hop of a redirect is checked again, so a public URL cannot bounce us to 169.254.169.254.
"""

import asyncio
import ipaddress
import socket
from urllib.parse import urljoin, urlsplit

import httpx

from services.fetcher.ports import Downloaded
from shared.errors import FetchRefused


async def _check_host(url: str, allow_hosts: frozenset[str]) -> None:
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise FetchRefused(f"only http(s) URLs with a host are fetched: {url!r}")
    if parts.hostname in allow_hosts:
        return
    try:
        infos = await asyncio.get_running_loop().getaddrinfo(
            parts.hostname, parts.port or 443, type=socket.SOCK_STREAM
        )
    except socket.gaierror as exc:
        raise FetchRefused(f"cannot resolve {parts.hostname!r}: {exc}") from exc
    for info in infos:
        address = ipaddress.ip_address(info[4][0])
        if not address.is_global:
            raise FetchRefused(f"{parts.hostname!r} resolves to non-public address {address}")


class HttpxDownloader:
    def __init__(
        self, client: httpx.AsyncClient, max_bytes: int, max_redirects: int, allow_hosts: list[str]
    ) -> None:
        self.client = client
        self.max_bytes = max_bytes
        self.max_redirects = max_redirects
        self.allow_hosts = frozenset(allow_hosts)

    async def download(self, url: str) -> Downloaded:
        for _ in range(self.max_redirects + 1):
            await _check_host(url, self.allow_hosts)
            async with self.client.stream("GET", url, follow_redirects=False) as response:
                if response.is_redirect and "location" in response.headers:
                    url = urljoin(url, response.headers["location"])
                    continue
                if 400 <= response.status_code < 500 and response.status_code != 429:
                    raise FetchRefused(f"{url} answered {response.status_code}")
                response.raise_for_status()
                body = await self._read_capped(response)
                return Downloaded(
                    url=url,
                    content_type=response.headers.get("content-type", ""),
                    text=body.decode(response.encoding or "utf-8", errors="replace"),
                )
        raise FetchRefused(f"more than {self.max_redirects} redirects")

    async def _read_capped(self, response: httpx.Response) -> bytes:
        chunks, size = [], 0
        async for chunk in response.aiter_bytes():
            size += len(chunk)
            if size > self.max_bytes:
                raise FetchRefused(f"body larger than {self.max_bytes} bytes")
            chunks.append(chunk)
        return b"".join(chunks)
