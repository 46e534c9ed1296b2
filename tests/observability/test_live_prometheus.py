"""A real Prometheus scrapes the running services while postings flow; every dashboard query must
return series, so no panel points at a metric or label that does not exist.

Every kind of event a panel shows is provoked: new, duplicate and changed postings, a batch with
an invalid item, downloads that succeed, answer 404 (dead-lettered at once) and 503 (retried,
then dead-lettered), and a posting that states its date.
"""

from __future__ import annotations

import asyncio
import json
import subprocess
import threading
import time
from collections.abc import AsyncIterator, Iterator
from datetime import UTC, datetime, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import httpx
import pytest
import yaml

from jobstream.demo import sample_postings
from jobstream.embedded_mongo import free_port
from jobstream.services import SERVICES
from tests.helpers import eventually, jobstream_run
from tests.observability.tools import PROMETHEUS_DIR, dashboards, queries, require_tool

pytestmark = pytest.mark.e2e

SOURCE = "obs-board"
POSTED = datetime.now(UTC) - timedelta(days=3)


class Board(BaseHTTPRequestHandler):
    """A job board on loopback: one posting as JSON-LD, one gone, one failing."""

    def do_GET(self) -> None:
        if self.path.startswith("/postings/"):
            body = json.dumps(
                {
                    "@context": "https://schema.org",
                    "@type": "JobPosting",
                    "title": "Platform Engineer",
                    "description": "<p>Python and PostgreSQL on Kubernetes. 3+ years.</p>",
                    "datePosted": POSTED.date().isoformat(),
                }
            ).encode()
            self._answer(200, body, "application/json")
        elif self.path.startswith("/gone"):
            self._answer(404, b"gone", "text/plain")
        else:
            self._answer(503, b"try later", "text/plain")

    def _answer(self, status: int, body: bytes, content_type: str) -> None:
        self.send_response(status)
        self.send_header("content-type", content_type)
        self.send_header("content-length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *_: Any) -> None:
        pass


@pytest.fixture
def board() -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), Board)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def _api_key() -> tuple[dict[str, str], dict[str, str]]:
    """(service env, request headers) for the gateway's API keys, where the gateway has them."""
    try:
        from services.gateway.keys import new_key
    except ImportError:
        return {}, {}
    key, entry = new_key("ingest+read")
    return {"JOBSTREAM_API_KEYS": json.dumps([entry])}, {"X-API-Key": key}


@pytest.fixture
def stack(service_env, tmp_path, amqp, board) -> Iterator[tuple[int, dict[str, str]]]:
    """`jobstream run` in the test's namespace, allowed to download from the loopback board."""
    key_env, headers = _api_key()
    env = {
        **service_env,
        **key_env,
        "JOBSTREAM_FETCH_ALLOW_HOSTS": '["127.0.0.1"]',
        "JOBSTREAM_FETCH_TIMEOUT_S": "2",
    }
    with jobstream_run(env, tmp_path) as base:
        yield base, headers


@pytest.fixture
def prometheus(stack, tmp_path: Path) -> Iterator[str]:
    """Debian's Prometheus on loopback, scraping each service every second, with our rules."""
    binary = require_tool("prometheus")
    base, _ = stack
    port = free_port()
    config = {
        "global": {"scrape_interval": "1s", "evaluation_interval": "1s"},
        "rule_files": [str(PROMETHEUS_DIR / "alerts.yml")],
        "scrape_configs": [
            {
                "job_name": "jobstream",
                "static_configs": [
                    {"targets": [f"127.0.0.1:{base + offset}"], "labels": {"service": name}}
                    for name, offset in SERVICES.items()
                ],
            }
        ],
    }
    (tmp_path / "prometheus.yml").write_text(yaml.safe_dump(config))
    process = subprocess.Popen(
        [
            binary,
            f"--config.file={tmp_path / 'prometheus.yml'}",
            f"--storage.tsdb.path={tmp_path / 'tsdb'}",
            f"--web.listen-address=127.0.0.1:{port}",
            "--log.level=warn",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline and process.poll() is None:
        try:
            if httpx.get(f"{url}/-/ready", timeout=1).status_code == 200:
                break
        except httpx.HTTPError:
            time.sleep(0.2)
    else:
        process.kill()
        pytest.fail(f"prometheus did not start: {process.communicate()[1]!r}")
    yield url
    process.terminate()
    process.wait(timeout=20)


async def query(client: httpx.AsyncClient, expr: str) -> list[dict[str, Any]]:
    response = await client.get("/api/v1/query", params={"query": expr})
    body = response.json()
    assert body.get("status") == "success", f"{expr}: {body.get('error')}"
    result: list[dict[str, Any]] = body["data"]["result"]
    return result


async def push(gateway: str, headers: dict[str, str], postings: list[dict[str, Any]]) -> int:
    async with httpx.AsyncClient(headers=headers, timeout=10) as client:
        response = await client.post(f"{gateway}/v1/postings", json={"postings": postings})
    return response.status_code


async def flow(gateway: str, headers: dict[str, str], board: str) -> None:
    seeds = sample_postings()
    assert await push(gateway, headers, seeds) == 202
    fetched = [
        {"source": SOURCE, "external_id": name, "url": f"{board}/{path}"}
        for name, path in (("dated", "postings/1"), ("gone", "gone/2"), ("flaky", "flaky/3"))
    ]
    assert await push(gateway, headers, fetched) == 202
    invalid = {"source": SOURCE, "external_id": ""}
    assert await push(gateway, headers, [{**seeds[0], "source": SOURCE}, invalid]) == 422
    await asyncio.sleep(2)
    assert await push(gateway, headers, seeds) == 202  # the same content: duplicates


@pytest.fixture
async def scraped(stack, prometheus, board) -> AsyncIterator[httpx.AsyncClient]:
    base, headers = stack
    await flow(f"http://127.0.0.1:{base}", headers, board)
    async with httpx.AsyncClient(base_url=prometheus, timeout=10) as client:

        async def settled() -> bool:
            # Both bad downloads dead-lettered; the seeds, the dated posting and the
            # duplicates seen, for three scrapes in a row.
            wanted = {
                "jobstream_dead_letters_total": 2,
                "jobstream_postings_indexed_total": 3,
                "jobstream_posting_age_at_index_seconds_count": 1,
                "jobstream_duplicates_total": 2,
            }
            # Prometheus starts scraping a few seconds after it is ready (target updates are
            # batched); rate() needs a few samples of every service.
            scrapes = await query(client, 'min(count_over_time(up{job="jobstream"}[1m]))')
            if not scrapes or float(scrapes[0]["value"][1]) < 5:
                return False
            for name, at_least in wanted.items():
                found = await query(client, f"min_over_time(sum({name})[3s:1s])")
                if not found or float(found[0]["value"][1]) < at_least:
                    return False
            return True

        await eventually(settled, within=30, interval=0.5)
        yield client


async def test_every_dashboard_query_returns_series(scraped: httpx.AsyncClient) -> None:
    # A worker busy with a batch may miss a one-second scrape; each must have answered.
    up = await query(scraped, 'max_over_time(up{job="jobstream"}[1m]) == 1')
    targets = (await scraped.get("/api/v1/targets")).json()["data"]["activeTargets"]
    errors = {
        t["labels"]["service"]: (t["lastError"], t["lastScrapeDuration"], t["health"])
        for t in targets
    }
    assert {r["metric"]["service"] for r in up} == set(SERVICES), errors
    empty = []
    for name, board in dashboards().items():
        for title, expr in queries(board):
            if not await query(scraped, expr):
                empty.append(f"{name} / {title}: {expr}")
    assert not empty, "panels without data:\n" + "\n".join(empty) + f"\ntargets: {errors}"
    # The alert rules load and evaluate on a real Prometheus against real series.
    groups = (await scraped.get("/api/v1/rules")).json()["data"]["groups"]
    health = {rule["name"]: rule["health"] for group in groups for rule in group["rules"]}
    assert health and set(health.values()) == {"ok"}, health
