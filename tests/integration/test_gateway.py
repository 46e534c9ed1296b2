"""POST /v1/postings on real RabbitMQ and Redis: 202 only once queued, clear 4xx otherwise."""

from __future__ import annotations

import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

import httpx
import jwt
import pytest

from services.gateway.keys import new_key
from services.gateway.main import create_app
from services.gateway.settings import GatewaySettings
from shared.messages import PostingReceived
from tests.helpers import drain

pytestmark = pytest.mark.integration

POSTING = {"source": "acme", "external_id": "42", "format": "text", "payload": "Python Developer"}


INGEST_KEY, INGEST_ENTRY = new_key("ingest")
READ_KEY, READ_ENTRY = new_key("read")
JWT_SECRET = "test-only-hs256-secret-of-32-bytes!"
ISSUER = "https://auth.example.com/"


def gateway_settings(amqp_url: str, redis_url: str, namespace: str, **overrides: Any):
    values: dict[str, Any] = {
        "amqp_url": amqp_url,
        "redis_url": redis_url,
        "namespace": namespace,
        "max_batch": 3,
        "max_body_bytes": 10_000,
        "log_format": "console",
        "api_keys": [INGEST_ENTRY, READ_ENTRY],
        "jwt_issuer": ISSUER,
        "jwt_audience": "jobstream",
        "jwt_hs256_secret": JWT_SECRET,
        **overrides,
    }
    return GatewaySettings(**values)


@asynccontextmanager
async def running(settings: GatewaySettings, **headers: str) -> AsyncIterator[httpx.AsyncClient]:
    """The gateway app with its lifespan, and a client talking to it in-process."""
    app = create_app(settings)
    async with app.router.lifespan_context(app):
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(
            transport=transport, base_url="http://gateway", headers=headers
        ) as client:
            yield client


@pytest.fixture
async def gateway(amqp_url, redis_url, topology, amqp, redis) -> AsyncIterator[httpx.AsyncClient]:
    settings = gateway_settings(amqp_url, redis_url, topology.namespace)
    async with running(settings, **{"X-API-Key": INGEST_KEY}) as client:
        yield client


FORGER_SECRET = "another-secret-of-at-least-32-bytes"


def token(scope: str = "ingest", expires_in: int = 300, secret: str = JWT_SECRET) -> str:
    claims = {"iss": ISSUER, "aud": "jobstream", "sub": "board-7", "scope": scope}
    return jwt.encode({**claims, "exp": int(time.time()) + expires_in}, secret, "HS256")


async def queued(amqp, topology) -> list[PostingReceived]:
    messages = await drain(amqp, topology.queue_name("fetcher"))
    return [PostingReceived.model_validate_json(m.body) for m in messages]


async def test_one_posting_is_queued_before_202(gateway, amqp, topology):
    response = await gateway.post("/v1/postings", json=POSTING)
    assert response.status_code == 202
    accepted = response.json()["accepted"]
    assert [a["posting_id"] for a in accepted] == ["acme:42"]
    [message] = await queued(amqp, topology)
    assert (message.posting_id, message.format, message.payload) == (
        "acme:42",
        "text",
        "Python Developer",
    )
    assert message.message_id == accepted[0]["message_id"]


async def test_a_batch_gets_increasing_versions(gateway, amqp, topology):
    batch = [
        POSTING,
        {**POSTING, "external_id": "43"},
        {**POSTING, "event": "close", "payload": None},
    ]
    response = await gateway.post("/v1/postings", json={"postings": batch})
    assert response.status_code == 202
    versions = [a["version"] for a in response.json()["accepted"]]
    assert versions == sorted(versions) and len(set(versions)) == 3
    assert [m.event for m in await queued(amqp, topology)] == ["upsert", "upsert", "close"]


async def test_a_batch_with_a_bad_item_names_it_and_queues_nothing(gateway, amqp, topology):
    batch = [POSTING, {"source": "acme", "external_id": "", "payload": "x"}]
    response = await gateway.post("/v1/postings", json=batch)
    assert response.status_code == 422
    assert response.headers["content-type"] == "application/problem+json"
    problem = response.json()
    assert problem["status"] == 422
    assert {(e["index"], e["loc"][0]) for e in problem["errors"]} == {(1, "external_id")}
    assert await queued(amqp, topology) == []


@pytest.mark.parametrize(
    ("body", "content_type", "status"),
    [
        (b"{not json", "application/json", 400),
        (b'{"a": 1}', "text/plain", 415),
        (
            b"[" + b'{"source":"a","external_id":"1","payload":"x"},' * 3 + b"{}]",
            "application/json",
            413,
        ),
        (b'"' + b"x" * 20_000 + b'"', "application/json", 413),
        (b"[]", "application/json", 422),
    ],
    ids=["malformed", "not-json", "batch-too-large", "body-too-large", "empty"],
)
async def test_bad_requests_get_a_problem_body(gateway, amqp, topology, body, content_type, status):
    response = await gateway.post(
        "/v1/postings", content=body, headers={"content-type": content_type}
    )
    assert response.status_code == status
    assert response.headers["content-type"] == "application/problem+json"
    assert response.json()["detail"]
    assert await queued(amqp, topology) == []


@pytest.mark.parametrize(
    "item",
    [
        {"source": "acme", "external_id": "1"},
        {"source": "acme", "external_id": "1", "payload": "x", "url": "https://example.com/j/1"},
        {"source": "acme", "external_id": "1", "payload": "x", "format": "docx"},
        {"source": "bad source!", "external_id": "1", "payload": "x"},
        {"source": "acme", "external_id": "1", "payload": "x", "unknown": 1},
    ],
    ids=["no-payload", "payload-and-url", "unknown-format", "bad-source", "unknown-field"],
)
async def test_invalid_items_are_refused(gateway, item):
    response = await gateway.post("/v1/postings", json=item)
    assert response.status_code == 422
    assert response.json()["errors"][0]["index"] == 0


async def test_health_and_readiness(gateway):
    assert (await gateway.get("/healthz")).json()["status"] == "ok"
    ready = await gateway.get("/readyz")
    assert ready.status_code == 200, ready.text
    metrics = await gateway.get("/metrics")
    assert "jobstream_postings_received_total" in metrics.text


async def test_unqueueable_posting_gets_503_not_202(gateway, amqp, topology):
    await amqp.queue_delete(topology.queue_name("fetcher"))
    response = await gateway.post("/v1/postings", json=POSTING)
    assert response.status_code == 503
    assert response.headers["retry-after"]
    assert response.json()["title"] == "Broker unavailable"


@pytest.mark.parametrize(
    ("make_headers", "status"),
    [
        (lambda: {}, 401),
        (lambda: {"X-API-Key": "jsk_nope.nope"}, 401),
        (lambda: {"X-API-Key": INGEST_KEY[:-1] + ("B" if INGEST_KEY.endswith("A") else "A")}, 401),
        (lambda: {"Authorization": "Basic Zm9vOmJhcg=="}, 401),
        (lambda: {"X-API-Key": READ_KEY}, 403),
        (lambda: {"Authorization": f"Bearer {READ_KEY}"}, 403),
        (lambda: {"Authorization": f"Bearer {token(expires_in=-120)}"}, 401),
        (lambda: {"Authorization": f"Bearer {token(secret=FORGER_SECRET)}"}, 401),
        (lambda: {"Authorization": f"Bearer {token(scope='read')}"}, 403),
    ],
    ids=[
        "none",
        "unknown-key",
        "tampered-key",
        "basic",
        "read-key",
        "read-key-bearer",
        "expired-jwt",
        "forged-jwt",
        "read-jwt",
    ],
)
async def test_intake_needs_an_ingest_credential(gateway, amqp, topology, make_headers, status):
    # Built here, not at collection: a token minted then may have expired by now.
    headers = make_headers()
    bare = {"X-API-Key": ""}  # drop the fixture's key
    response = await gateway.post("/v1/postings", json=POSTING, headers={**bare, **headers})
    assert response.status_code == status, response.text
    assert response.headers["content-type"] == "application/problem+json"
    assert response.headers["www-authenticate"].startswith("Bearer")
    assert response.json()["field"] == "Authorization"
    assert await queued(amqp, topology) == []


@pytest.mark.parametrize(
    "credential", [lambda: INGEST_KEY, token], ids=["api-key-as-bearer", "jwt"]
)
async def test_bearer_credentials_with_ingest_are_accepted(gateway, amqp, topology, credential):
    headers = {"Authorization": f"Bearer {credential()}"}
    response = await gateway.post(
        "/v1/postings", json=POSTING, headers={"X-API-Key": "", **headers}
    )
    assert response.status_code == 202, response.text
    assert len(await queued(amqp, topology)) == 1


async def test_a_repeated_idempotency_key_returns_the_first_answer(gateway, amqp, topology):
    headers = {"Idempotency-Key": "batch-2026-01-01"}
    first = await gateway.post("/v1/postings", json=POSTING, headers=headers)
    again = await gateway.post("/v1/postings", json=POSTING, headers=headers)
    assert first.status_code == again.status_code == 202
    assert again.json() == first.json()
    assert again.headers["idempotent-replayed"] == "true"
    assert len(await queued(amqp, topology)) == 1
    metrics = (await gateway.get("/metrics")).text
    assert 'jobstream_duplicates_total{kind="delivery"} 1.0' in metrics
    other = await gateway.post(
        "/v1/postings", json={**POSTING, "external_id": "9"}, headers=headers
    )
    assert other.status_code == 422
    assert other.json()["field"] == "Idempotency-Key"


async def test_too_deep_json_is_refused(gateway, amqp, topology):
    deep: Any = "x"
    for _ in range(40):
        deep = [deep]
    response = await gateway.post("/v1/postings", json={**POSTING, "payload": deep})
    assert response.status_code == 413
    assert response.json()["title"] == "JSON too deep"
    assert await queued(amqp, topology) == []


async def test_rate_limit_answers_429_with_retry_after(amqp_url, redis_url, topology, amqp, redis):
    settings = gateway_settings(
        amqp_url, redis_url, topology.namespace, rate_limit=3, rate_window_s=60
    )
    async with running(settings, **{"X-API-Key": INGEST_KEY}) as client:
        answers = [await client.post("/v1/postings", json=POSTING) for _ in range(5)]
    assert [a.status_code for a in answers] == [202, 202, 202, 429, 429]
    assert 1 <= int(answers[-1].headers["retry-after"]) <= 60
    assert answers[-1].headers["content-type"] == "application/problem+json"
    assert len(await queued(amqp, topology)) == 3


async def test_a_full_intake_queue_gets_503_and_recovers_by_itself(
    amqp_url, redis_url, topology, amqp, redis
):
    intake = topology.queue_name("fetcher")
    await amqp.queue_delete(intake)  # declared again below with a limit of two
    settings = gateway_settings(amqp_url, redis_url, topology.namespace, intake_max_length=2)
    try:
        async with running(settings, **{"X-API-Key": INGEST_KEY}) as client:
            answers = []
            # A quorum queue applies its limit after the fact: it may take one more.
            for n in range(5):
                posting = {**POSTING, "external_id": f"full-{n}"}
                answers.append(await client.post("/v1/postings", json=posting))
                if answers[-1].status_code != 202:
                    break
            full = answers[-1]
            assert full.status_code == 503, full.text
            assert int(full.headers["retry-after"]) > 0
            accepted = {a.json()["accepted"][0]["posting_id"] for a in answers[:-1]}
            assert 2 <= len(accepted) <= 3
            waiting = [m.posting_id for m in await queued(amqp, topology)]  # a worker catches up
            assert sorted(waiting) == sorted(accepted)  # every 202 is queued, nothing else
            again = await client.post("/v1/postings", json={**POSTING, "external_id": "late"})
            assert again.status_code == 202, again.text
    finally:
        await amqp.queue_delete(intake)  # later tests declare it with the default limit
