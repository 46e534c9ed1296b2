"""The broker goes away behind the gateway: 503 + Retry-After, never a 2xx, nothing lost.

The shared RabbitMQ keeps running (other suites use it); a TCP proxy in front of it is cut.
"""

from __future__ import annotations

import asyncio
import contextlib
from urllib.parse import urlsplit

import pytest

from tests.helpers import drain, eventually
from tests.integration.test_gateway import INGEST_KEY, POSTING, gateway_settings, running

pytestmark = pytest.mark.integration


class Proxy:
    """Forwards 127.0.0.1:<port> to RabbitMQ until cut; restored on the same port."""

    def __init__(self, host: str, port: int) -> None:
        self.target = (host, port)
        self.port = 0
        self._server: asyncio.Server | None = None
        self._writers: set[asyncio.StreamWriter] = set()

    async def start(self) -> None:
        self._server = await asyncio.start_server(
            self._accept, "127.0.0.1", self.port, reuse_address=True
        )
        self.port = self._server.sockets[0].getsockname()[1]

    async def cut(self) -> None:
        assert self._server is not None
        self._server.close()
        for writer in list(self._writers):
            writer.transport.abort()
        self._writers.clear()

    async def _accept(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            up_reader, up_writer = await asyncio.open_connection(*self.target)
        except OSError:
            writer.transport.abort()
            return
        self._writers |= {writer, up_writer}
        await asyncio.gather(self._pipe(reader, up_writer), self._pipe(up_reader, writer))

    async def _pipe(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        with contextlib.suppress(ConnectionError, OSError):
            while data := await reader.read(65536):
                writer.write(data)
                await writer.drain()
        writer.transport.abort()
        self._writers.discard(writer)


async def test_broker_down_means_503_and_nothing_accepted_is_lost(
    amqp_url, redis_url, topology, amqp, redis
):
    target = urlsplit(amqp_url)
    proxy = Proxy(target.hostname or "127.0.0.1", target.port or 5672)
    await proxy.start()
    via_proxy = amqp_url.replace(f"{target.hostname}:{target.port}", f"127.0.0.1:{proxy.port}")
    settings = gateway_settings(via_proxy, redis_url, topology.namespace, publish_timeout_s=1.0)
    accepted: set[str] = set()

    async def push(external_id: str) -> int:
        response = await client.post("/v1/postings", json={**POSTING, "external_id": external_id})
        if response.status_code == 202:
            accepted.update(a["message_id"] for a in response.json()["accepted"])
        else:
            assert response.status_code == 503, response.text
            assert int(response.headers["retry-after"]) >= 1
        return response.status_code

    async with running(settings, **{"X-API-Key": INGEST_KEY}) as client:
        assert [await push(f"before-{i}") for i in range(3)] == [202] * 3
        await proxy.cut()
        during = [await push(f"during-{i}") for i in range(5)]
        assert during == [503] * 5
        assert (await client.get("/readyz")).status_code == 503
        await proxy.start()

        async def recovered() -> bool:
            return await push("after") == 202

        await eventually(recovered, within=30, interval=0.5)
        assert [await push(f"after-{i}") for i in range(3)] == [202] * 3
        assert (await client.get("/readyz")).status_code == 200

    await proxy.cut()
    queued = {m.message_id for m in await drain(amqp, topology.queue_name("fetcher"))}
    assert len(accepted) == 7
    assert accepted <= queued
