"""Pull sources against a real HTTP server on 127.0.0.1, real Redis and real RabbitMQ,
from the poller itself up to the fetcher's composition root."""

from __future__ import annotations

import json
import threading
import time
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import httpx
import pytest
from prometheus_client import CollectorRegistry
from redis.asyncio import Redis

from services.fetcher.main import create_app
from services.fetcher.pull.config import PullFile
from services.fetcher.pull.http import PoliteClient, Politeness
from services.fetcher.pull.lock import SourceLocks
from services.fetcher.pull.metrics import PullMetrics
from services.fetcher.pull.poll import CLOSE_REASON, Ports
from services.fetcher.pull.poller import Poller
from services.fetcher.pull.snapshot import RedisSnapshots
from services.fetcher.settings import FetcherSettings
from shared.broker import make_broker, publish_confirmed
from shared.messages import PostingFetched, PostingReceived
from shared.metrics import Metrics
from shared.settings import ServiceSettings
from shared.topology import RECEIVED, Topology
from tests.helpers import drain, eventually

pytestmark = pytest.mark.integration
ATS = Path(__file__).parents[1] / "data" / "ats"
BOARD = "/v1/boards/acme/jobs"


@dataclass
class Site:
    """Path -> replies (status, headers, body), served in order, the last one repeating."""

    routes: dict[str, list[tuple[int, dict[str, str], bytes]]] = field(default_factory=dict)
    hits: list[str] = field(default_factory=list)
    port: int = 0

    def on(self, path: str, *replies: tuple[int, dict[str, str], bytes]) -> None:
        self.routes[path] = list(replies)

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"


@pytest.fixture
def site() -> Iterator[Site]:
    state = Site()

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            path = self.path.split("?")[0]
            state.hits.append(self.path)
            replies = state.routes.get(path) or [(404, {}, b"not here")]
            status, headers, body = replies.pop(0) if len(replies) > 1 else replies[0]
            self.send_response(status)
            for name, value in headers.items():
                self.send_header(name, value)
            self.send_header("content-length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: Any) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    state.port = server.server_address[1]
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield state
    server.shutdown()
    server.server_close()


def jobs(*ids: int) -> tuple[int, dict[str, str], bytes]:
    sample = json.loads((ATS / "greenhouse_tech-salary-radar.json").read_text())["jobs"]
    template = sample[0]
    body = {"jobs": [{**template, "id": i, "title": f"Engineer {i}"} for i in ids]}
    return 200, {"content-type": "application/json"}, json.dumps(body).encode()


@pytest.fixture
async def broker(amqp_url: str, topology: Topology) -> AsyncIterator[Any]:
    settings = ServiceSettings(amqp_url=amqp_url, namespace=topology.namespace)
    broker = make_broker(settings, Metrics(), "jobstream-test")
    await broker.connect()
    await topology.declare(broker)
    yield broker
    await broker.stop()


def make_poller(
    site: Site, redis: Redis, broker: Any, topology: Topology, allow: frozenset[str]
) -> Poller:
    pull = PullFile.model_validate(
        {"sources": [{"name": "gh-local", "kind": "greenhouse", "board": "acme",
                      "url": site.url(BOARD), "interval_s": 60}]}
    )  # fmt: skip
    rules = Politeness(per_host_interval_s=0, backoff_s=0.05, max_attempts=2)
    http = PoliteClient(httpx.AsyncClient(timeout=2.0), rules, allow)

    async def publish(message: PostingReceived) -> None:
        await publish_confirmed(
            broker, message, exchange=topology.pipeline, routing_key=RECEIVED,
            message_id=message.message_id, correlation_id=message.correlation_id,
        )  # fmt: skip

    counter = iter(range(1, 10**9))
    ports = Ports(http, RedisSnapshots(redis, topology.namespace), publish, lambda: next(counter))
    metrics = PullMetrics(CollectorRegistry())
    return Poller(pull, ports, SourceLocks(redis, topology.namespace), metrics)


async def received(amqp: Any, topology: Topology) -> list[tuple[str, str, Any]]:
    messages = await drain(amqp, topology.queue_name("fetcher"))
    parsed = [PostingReceived.model_validate_json(m.body) for m in messages]
    return [(m.event, m.external_id, m.payload) for m in parsed]


async def poll_now(poller: Poller, redis: Redis, topology: Topology) -> Any:
    source = poller.pull.source_configs()[0]
    await SourceLocks(redis, topology.namespace).set_due(source.name, 0)
    return await poller.tick(source)


async def test_poll_publishes_changes_closes_once_and_reopens(site, redis, broker, topology, amqp):
    poller = make_poller(site, redis, broker, topology, frozenset({"127.0.0.1"}))
    site.on(BOARD, jobs(1, 2))
    assert (await poll_now(poller, redis, topology)).new == 2
    first = await received(amqp, topology)
    assert sorted((e, i) for e, i, _ in first) == [("upsert", "1"), ("upsert", "2")]
    assert {p["title"] for _, _, p in first} == {"Engineer 1", "Engineer 2"}

    site.on(BOARD, jobs(1))
    await poll_now(poller, redis, topology)
    closes = await received(amqp, topology)
    assert [(e, i) for e, i, _ in closes] == [("close", "2")]
    assert closes[0][2]["reason"] == CLOSE_REASON

    site.on(BOARD, (500, {}, b"oops"))
    assert await poll_now(poller, redis, topology) is None
    site.on(BOARD, jobs(1))
    await poll_now(poller, redis, topology)
    assert await received(amqp, topology) == []  # neither the 500 nor a repeat closed anything

    site.on(BOARD, jobs(1, 2))
    assert (await poll_now(poller, redis, topology)).reopened == 1
    assert [(e, i) for e, i, _ in await received(amqp, topology)] == [("upsert", "2")]


async def test_429_is_honoured_and_304_makes_no_work(site, redis, broker, topology, amqp):
    poller = make_poller(site, redis, broker, topology, frozenset({"127.0.0.1"}))
    etag = {"etag": '"v7"', "content-type": "application/json"}
    _, _, body = jobs(1)
    site.on(BOARD, (429, {"retry-after": "1"}, b""), (200, etag, body), (304, {}, b""))
    started = time.monotonic()
    assert (await poll_now(poller, redis, topology)).new == 1
    assert time.monotonic() - started >= 1.0
    assert len(await received(amqp, topology)) == 1
    assert (await poll_now(poller, redis, topology)).kind == "not_modified"
    assert await received(amqp, topology) == []
    assert len(site.hits) == 3


async def test_one_replica_at_a_time(site, redis, broker, topology, amqp):
    poller = make_poller(site, redis, broker, topology, frozenset({"127.0.0.1"}))
    site.on(BOARD, jobs(1))
    other = await SourceLocks(redis, topology.namespace).acquire("gh-local", 60_000)
    assert other is not None
    assert await poll_now(poller, redis, topology) is None
    assert site.hits == []
    await SourceLocks(redis, topology.namespace).release("gh-local", other)
    assert await poll_now(poller, redis, topology) is not None
    # Just polled by some replica: not due again yet, so a second tick does nothing.
    assert await poller.tick(poller.pull.source_configs()[0]) is None
    assert len(site.hits) == 1


async def test_loopback_without_allowlist_is_refused(site, redis, broker, topology, amqp):
    poller = make_poller(site, redis, broker, topology, frozenset())
    site.on(BOARD, jobs(1))
    assert await poll_now(poller, redis, topology) is None
    assert site.hits == []
    refused = poller.metrics.errors.labels("gh-local", "refused")._value.get()
    assert refused == 1


async def test_fetcher_polls_a_configured_board(
    site, redis_url, amqp_url, topology: Topology, amqp, tmp_path: Path
):
    site.on(BOARD, jobs(11, 12))
    config = tmp_path / "pull.yaml"
    config.write_text(
        f"interval_s: 60\nsources:\n  - name: gh-app\n    kind: greenhouse\n"
        f"    board: acme\n    url: {site.url(BOARD)}\n"
    )
    settings = FetcherSettings(
        amqp_url=amqp_url,
        redis_url=redis_url,
        namespace=topology.namespace,
        log_format="console",
        fetch_allow_hosts=["127.0.0.1"],
        pull_sources_file=config,
    )
    app = create_app(settings)
    fetched: list[PostingFetched] = []

    async def two_fetched() -> bool:
        for message in await drain(amqp, topology.queue_name("normalizer")):
            fetched.append(PostingFetched.model_validate_json(message.body))
        return len(fetched) >= 2

    async with app.router.lifespan_context(app):
        await eventually(two_fetched, within=20)
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://fetcher") as client:
            scrape = (await client.get("/metrics")).text
    assert sorted(m.posting_id for m in fetched) == ["gh-app:11", "gh-app:12"]
    assert {m.format for m in fetched} == {"greenhouse"}
    assert 'jobstream_pull_polls_total{outcome="healthy",source="gh-app"} 1.0' in scrape
    assert 'jobstream_pull_postings_total{change="new",source="gh-app"} 2.0' in scrape
