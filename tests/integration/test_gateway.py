"""POST /v1/postings on real RabbitMQ and Redis: 202 only once queued, clear 4xx otherwise."""

from __future__ import annotations

from collections.abc import AsyncIterator

import httpx
import pytest

from services.gateway.main import create_app
from services.gateway.settings import GatewaySettings
from shared.messages import PostingReceived
from tests.helpers import drain

pytestmark = pytest.mark.integration

POSTING = {"source": "acme", "external_id": "42", "format": "text", "payload": "Python Developer"}


@pytest.fixture
async def gateway(amqp_url, redis_url, topology, amqp) -> AsyncIterator[httpx.AsyncClient]:
    settings = GatewaySettings(
        amqp_url=amqp_url,
        redis_url=redis_url,
        namespace=topology.namespace,
        max_batch=3,
        max_body_bytes=10_000,
        log_format="console",
    )
    app = create_app(settings)
    async with app.router.lifespan_context(app):
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://gateway") as client:
            yield client


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
