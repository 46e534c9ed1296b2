"""POST /v1/webhooks/{source} on real RabbitMQ and Redis: signatures, replays, limits, lifecycle."""

from __future__ import annotations

import hashlib
import hmac
import json
import time
import uuid
from pathlib import Path
from typing import Any

import httpx
import pytest

from services.gateway.signatures import sign_standard
from tests.integration.test_gateway import gateway_settings, queued, running

pytestmark = pytest.mark.integration

NEW, OLD = "whsec_" + "bmV3LXNlY3JldC1mb3ItdGVzdHMtb25seQ==", "whsec_b2xkLXNlY3JldA=="
REGISTRY = """
sources:
  board:
    payload: intake
    signature: standard-webhooks
    secrets_env: JSTEST_BOARD_SECRETS
    rate_limit: 4
  gh:
    payload: greenhouse
    signature: greenhouse
    secrets_env: JSTEST_GH_SECRETS
    fetch_url: "https://boards-api.greenhouse.io/v1/boards/acme/jobs/{id}?content=true"
  ashby:
    payload: ashby
    signature: ashby
    secrets_env: JSTEST_ASHBY_SECRETS
  quiet:
    payload: intake
    signature: standard-webhooks
    secrets_env: JSTEST_UNSET_SECRETS
"""
GREENHOUSE_POST = {
    "action": "job_post_created",
    "payload": {
        "job_post": {
            "id": 7001,
            "title": "Backend Engineer",
            "location": {"name": "Berlin, Germany"},
            "content": "&lt;p&gt;Python and PostgreSQL.&lt;/p&gt;",
            "absolute_url": "https://boards.greenhouse.io/acme/jobs/7001",
            "live": True,
        }
    },
}
ASHBY_POST = {
    "action": "jobPostingPublish",
    "data": {
        "jobPosting": {
            "id": "3f1c",
            "title": "Data Engineer",
            "location": "Remote",
            "descriptionHtml": "<p>Spark and Airflow.</p>",
            "jobUrl": "https://jobs.ashbyhq.com/acme/3f1c",
        }
    },
}
ITEMS = {"postings": [{"external_id": "a1", "format": "text", "payload": "Go Developer"}]}


def signed(scheme: str, body: bytes, secret: str, **kw: Any) -> dict[str, str]:
    headers = {"content-type": "application/json"}
    if scheme == "greenhouse":
        return {**headers, "Signature": "sha256 " + _hex(secret, body)}
    if scheme == "ashby":
        return {**headers, "Ashby-Signature": "sha256=" + _hex(secret, body)}
    msg_id, ts = kw.get("msg_id") or f"msg_{uuid.uuid4().hex}", kw.get("ts") or int(time.time())
    return {
        **headers,
        "webhook-id": msg_id,
        "webhook-timestamp": str(ts),
        "webhook-signature": sign_standard(secret, msg_id, ts, body),
    }


def _hex(secret: str, body: bytes) -> str:
    return hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()


CASES = {
    "board": ("standard-webhooks", ITEMS),
    "gh": ("greenhouse", GREENHOUSE_POST),
    "ashby": ("ashby", ASHBY_POST),
}


@pytest.fixture
def registry(tmp_path: Path, monkeypatch) -> Path:
    path = tmp_path / "sources.yaml"
    path.write_text(REGISTRY)
    for name in ("BOARD", "GH", "ASHBY"):
        monkeypatch.setenv(f"JSTEST_{name}_SECRETS", f"{NEW} {OLD}")
    monkeypatch.delenv("JSTEST_UNSET_SECRETS", raising=False)
    return path


@pytest.fixture
async def hooks(amqp_url, redis_url, topology, amqp, redis, registry):
    settings = gateway_settings(amqp_url, redis_url, topology.namespace, sources_file=registry)
    async with running(settings) as client:
        yield client


async def deliver(client: httpx.AsyncClient, source: str, body: Any, **kw: Any) -> httpx.Response:
    raw = body if isinstance(body, bytes) else json.dumps(body).encode()
    headers = signed(CASES[source][0], raw, kw.pop("secret", NEW), **kw)
    headers.update(kw.pop("headers", {}))
    return await client.post(f"/v1/webhooks/{source}", content=raw, headers=headers)


@pytest.mark.parametrize("source", list(CASES))
@pytest.mark.parametrize("secret", [NEW, OLD], ids=["current", "rotated-out-soon"])
async def test_a_validly_signed_delivery_is_queued(hooks, amqp, topology, source, secret):
    response = await deliver(hooks, source, CASES[source][1], secret=secret)
    assert response.status_code == 202, response.text
    [message] = await queued(amqp, topology)
    assert message.posting_id == response.json()["accepted"][0]["posting_id"]
    assert message.source == source and message.event == "upsert" and message.payload


@pytest.mark.parametrize("source", list(CASES))
async def test_a_wrong_signature_is_refused_and_names_the_header(hooks, amqp, topology, source):
    response = await deliver(hooks, source, CASES[source][1], secret="whsec_d3Jvbmc=")
    assert response.status_code == 401
    assert response.headers["content-type"] == "application/problem+json"
    expected = {"board": "webhook-signature", "gh": "signature", "ashby": "ashby-signature"}
    assert response.json()["field"] == expected[source]
    assert await queued(amqp, topology) == []


async def test_a_missing_signature_header_is_named(hooks):
    raw = json.dumps(ITEMS).encode()
    response = await hooks.post(
        "/v1/webhooks/board", content=raw, headers={"content-type": "application/json"}
    )
    assert response.status_code == 401
    assert response.json()["field"] == "webhook-id"


async def test_a_retired_secret_no_longer_verifies(
    amqp_url, redis_url, topology, amqp, redis, registry, monkeypatch
):
    monkeypatch.setenv("JSTEST_BOARD_SECRETS", NEW)
    settings = gateway_settings(amqp_url, redis_url, topology.namespace, sources_file=registry)
    async with running(settings) as client:
        assert (await deliver(client, "board", ITEMS, secret=OLD)).status_code == 401
        assert (await deliver(client, "board", ITEMS, secret=NEW)).status_code == 202
    assert len(await queued(amqp, topology)) == 1


@pytest.mark.parametrize("skew", [-301, 400])
async def test_an_expired_or_future_timestamp_is_refused(hooks, amqp, topology, skew):
    response = await deliver(hooks, "board", ITEMS, ts=int(time.time()) + skew)
    assert response.status_code == 401
    assert response.json()["field"] == "webhook-timestamp"
    assert await queued(amqp, topology) == []


async def test_a_redelivered_webhook_publishes_once(hooks, amqp, topology):
    first = await deliver(hooks, "board", ITEMS, msg_id="msg_1")
    # The sender retries later: same id and body, a fresh timestamp and signature.
    again = await deliver(hooks, "board", ITEMS, msg_id="msg_1", ts=int(time.time()) - 60)
    assert first.status_code == again.status_code == 202
    assert again.json() == first.json() and again.headers["idempotent-replayed"] == "true"
    assert len(await queued(amqp, topology)) == 1


@pytest.mark.parametrize("source", ["gh", "ashby"])
async def test_a_replayed_body_without_delivery_id_publishes_once(hooks, amqp, topology, source):
    answers = [await deliver(hooks, source, CASES[source][1]) for _ in range(3)]
    assert [a.status_code for a in answers] == [202, 202, 202]
    assert len({a.text for a in answers}) == 1
    assert len(await queued(amqp, topology)) == 1


async def test_a_batch_with_one_bad_item_names_it(hooks, amqp, topology):
    batch = {
        "postings": [
            ITEMS["postings"][0],
            {"external_id": "", "payload": "x"},
            {"source": "someone-else", "external_id": "b", "payload": "x"},
        ]
    }
    response = await deliver(hooks, "board", batch)
    assert response.status_code == 422
    assert {(e["index"], e["loc"][0]) for e in response.json()["errors"]} == {
        (1, "external_id"),
        (2, "source"),
    }
    assert await queued(amqp, topology) == []


@pytest.mark.parametrize(
    ("body", "content_type", "status", "field"),
    [
        (b"{not json", "application/json", 400, "body"),
        (b'{"a": 1}', "text/plain", 415, "Content-Type"),
        (b'{"p": "' + b"x" * 20_000 + b'"}', "application/json", 413, "body"),
    ],
    ids=["malformed", "not-json", "oversize"],
)
async def test_bad_bodies_get_a_problem(hooks, amqp, topology, body, content_type, status, field):
    response = await deliver(hooks, "board", body, headers={"content-type": content_type})
    assert response.status_code == status, response.text
    assert response.json()["field"] == field
    assert await queued(amqp, topology) == []


@pytest.mark.parametrize("source", ["nowhere", "quiet"])
async def test_unknown_or_disabled_sources_are_404(hooks, source):
    response = await hooks.post("/v1/webhooks/" + source, json=ITEMS)
    assert response.status_code == 404
    assert response.json()["field"] == "source"


async def test_the_rate_limit_is_per_source(hooks, amqp, topology):
    bodies = [{"postings": [{"external_id": str(i), "payload": "x"}]} for i in range(6)]
    answers = [await deliver(hooks, "board", b) for b in bodies]
    assert [a.status_code for a in answers] == [202] * 4 + [429] * 2
    assert int(answers[-1].headers["retry-after"]) >= 1
    assert (await deliver(hooks, "gh", GREENHOUSE_POST)).status_code == 202


LIFECYCLE = [
    (
        "gh",
        {"action": "job_post_updated", "payload": {"job_post": {"id": 7001, "live": False}}},
        [("gh:7001", "close", None)],
    ),
    (
        "gh",
        {"action": "job_post_deleted", "payload": {"job_post": {"id": 7001}}},
        [("gh:7001", "close", None)],
    ),
    (
        "gh",
        {
            "action": "job_updated",
            "payload": {"job": {"id": 9, "status": "closed", "job_posts": [{"id": 1}, {"id": 2}]}},
        },
        [("gh:1", "close", None), ("gh:2", "close", None)],
    ),
    (
        "gh",
        {
            "action": "job_updated",
            "payload": {"job": {"id": 9, "status": "open", "job_posts": [{"id": 1, "live": True}]}},
        },
        [("gh:1", "upsert", "https://boards-api.greenhouse.io/v1/boards/acme/jobs/1?content=true")],
    ),
    (
        "ashby",
        {"action": "jobPostingUnpublish", "data": {"jobPosting": {"id": "3f1c"}}},
        [("ashby:3f1c", "close", None)],
    ),
    (
        "ashby",
        {
            "action": "jobPostingUpdate",
            "data": {"jobPosting": {"id": "3f1c", "jobUrl": "https://jobs.ashbyhq.com/acme/3f1c"}},
        },
        [("ashby:3f1c", "upsert", "https://jobs.ashbyhq.com/acme/3f1c")],
    ),
    (
        "ashby",
        {
            "action": "jobUpdate",
            "data": {"job": {"id": "j", "status": "Archived", "jobPostingIds": ["p1"]}},
        },
        [("ashby:p1", "close", None)],
    ),
]


@pytest.mark.parametrize(
    ("source", "body", "expected"),
    LIFECYCLE,
    ids=[
        "gh-unlive",
        "gh-deleted",
        "gh-job-closed",
        "gh-job-reopened",
        "ashby-unpublish",
        "ashby-thin-update",
        "ashby-job-archived",
    ],
)
async def test_lifecycle_events_map_to_upsert_and_close(
    hooks, amqp, topology, source, body, expected
):
    response = await deliver(hooks, source, body)
    assert response.status_code == 202, response.text
    messages = await queued(amqp, topology)
    assert [(m.posting_id, m.event, m.url) for m in messages] == expected


@pytest.mark.parametrize(
    ("source", "body"),
    [
        ("gh", {"action": "ping", "payload": {"web_hook_id": 1}}),
        ("ashby", {"action": "ping", "data": {}}),
    ],
)
async def test_events_about_other_things_are_acknowledged_and_ignored(
    hooks, amqp, topology, source, body
):
    response = await deliver(hooks, source, body)
    assert response.status_code == 200
    assert response.json()["accepted"] == [] and "ping" in response.json()["ignored"]
    assert await queued(amqp, topology) == []
