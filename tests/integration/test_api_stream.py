"""Public events: routing-key bindings and the WebSocket stream, on real RabbitMQ."""

from __future__ import annotations

import asyncio
import json
import time
import uuid
import warnings
from datetime import UTC, datetime
from typing import Any

import aio_pika
import pytest
from faststream.rabbit import RabbitBroker
from starlette.websockets import WebSocketDisconnect

from services.api.main import create_app
from services.api.settings import ApiSettings
from services.api.stream import StreamBinding
from services.gateway.keys import new_key
from services.indexer.adapters import RabbitEventPublisher
from services.indexer.ports import PendingEvent
from tests.helpers import drain, eventually

with warnings.catch_warnings():
    # Starlette 1.x asks for httpx2 here; its httpx fallback works and needs no new package.
    warnings.simplefilter("ignore")
    from starlette.testclient import TestClient

pytestmark = pytest.mark.integration
READ, READ_ENTRY = new_key("read")


def document(pid: str, country: str | None, seniority: str | None) -> dict[str, Any]:
    locations = [{"raw": country, "country": country}] if country else []
    return {
        "_id": pid,
        "id": pid,
        "version": 1,
        "indexed_at": datetime.now(UTC),
        "locations": locations,
        "seniority": seniority,
        "skills": [],
    }


EVENTS = [
    PendingEvent("posting.created", document("a", "DE", "senior")),
    PendingEvent("posting.updated", document("b", "DE", "senior")),
    PendingEvent("posting.created", document("c", "FR", "senior")),
    PendingEvent("posting.created", document("d", "DE", None)),
    PendingEvent("posting.closed", document("e", None, "junior")),
    PendingEvent(
        "posting.cluster_joined",
        document("f", "DE", "senior"),
        cluster={"cluster_id": "c-1", "duplicate_of": "a", "kind": "near", "size": 2},
    ),
]


SENTINEL = PendingEvent("posting.created", document("z", "DE", "junior"))


async def publish(amqp_url: str, topology, events: list[PendingEvent]) -> None:
    broker = RabbitBroker(amqp_url)
    await broker.connect()
    try:
        await broker.declare_exchange(topology.events)
        await RabbitEventPublisher(broker, topology).publish(events)
    finally:
        await broker.stop()


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [
        ("posting.created.#", {"a", "c", "d"}),
        ("posting.*.de.senior", {"a", "b", "f"}),
        ("posting.cluster_joined.#", {"f"}),
        ("*.*.*.unknown", {"d"}),
        ("posting.closed.xx.*", {"e"}),
    ],
)
async def test_a_routing_key_binding_gets_exactly_the_matching_events(
    amqp, amqp_url, topology, pattern, expected
):
    exchange = await amqp.declare_exchange(
        topology.events.name, aio_pika.ExchangeType.TOPIC, durable=True
    )
    queue = await amqp.declare_queue(f"{topology.namespace}.t.{uuid.uuid4().hex}", exclusive=True)
    await queue.bind(exchange, routing_key=pattern)
    await publish(amqp_url, topology, EVENTS)

    async def arrived() -> list[Any]:
        return [m for m in await drain(amqp, queue.name)]

    got: list[Any] = []
    await eventually(lambda: _collect(got, arrived, len(expected)))
    await asyncio.sleep(0.3)  # anything extra would have arrived by now
    got += await arrived()
    events = [json.loads(m.body) for m in got]
    assert {e["subject"] for e in events} == expected and len(events) == len(expected)
    assert all(e["specversion"] == "1.0" for e in events)


async def _collect(into: list[Any], fetch, want: int) -> bool:
    into += await fetch()
    return len(into) >= want


@pytest.fixture
def make_app(amqp_url, mongo_url, namespace, database_name):
    def make(**overrides: Any) -> Any:
        settings = ApiSettings(
            amqp_url=amqp_url,
            mongo_url=mongo_url,
            mongo_database=database_name,
            namespace=namespace,
            api_keys=[READ_ENTRY],
            log_format="console",
            **overrides,
        )
        return create_app(settings)

    return make


@pytest.fixture
def app(make_app):
    return make_app(stream_buffer=4)


def test_a_websocket_client_receives_only_events_matching_its_filter(app, amqp_url, topology):
    with TestClient(app) as client, client.websocket_connect(f"/v1/stream?api_key={READ}") as ws:
        ws.send_json({"subscribe": {"country": ["de"], "types": ["created"]}})
        assert ws.receive_json()["control"] == "subscribed"
        asyncio.run(publish(amqp_url, topology, EVENTS))
        # A batch's confirms are awaited together, so its order is not fixed; a matching event
        # published after it marks the end: anything wrong would have arrived before it.
        asyncio.run(publish(amqp_url, topology, [SENTINEL]))
        got = []
        while (subject := ws.receive_json()["subject"]) != "z":
            got.append(subject)
        assert sorted(got) == ["a", "d"]


def test_a_websocket_without_a_read_key_is_refused(app):
    with (
        TestClient(app) as client,
        client.websocket_connect("/v1/stream?api_key=jsk_x.y") as ws,
        pytest.raises(WebSocketDisconnect) as refused,
    ):
        ws.receive_json()
    assert refused.value.code == 4401


def test_a_websocket_beyond_the_process_limit_is_told_to_try_later(make_app):
    with (
        TestClient(make_app(stream_max_clients=1)) as client,
        client.websocket_connect(f"/v1/stream?api_key={READ}") as first,
    ):
        first.send_json({"subscribe": {}})
        assert first.receive_json()["control"] == "subscribed"
        with (
            client.websocket_connect(f"/v1/stream?api_key={READ}") as second,
            pytest.raises(WebSocketDisconnect) as refused,
        ):
            second.receive_json()
        assert refused.value.code == 1013
        # The first client is still served.
        first.send_json({"subscribe": {"types": ["cluster_joined"]}})
        assert first.receive_json()["filter"]["types"] == ["cluster_joined"]


def test_a_websocket_is_told_to_try_later_when_the_stream_cannot_be_bound(app, monkeypatch):
    """A broker that refuses the binding ends the session with 1013, not an internal error,
    and the process keeps serving: the next client, once the broker answers, is subscribed."""
    real = StreamBinding._follow

    async def refused(self: StreamBinding, hub: Any) -> None:
        raise ConnectionError("broker unreachable")

    with TestClient(app) as client:
        monkeypatch.setattr(StreamBinding, "_follow", refused)
        with (
            client.websocket_connect(f"/v1/stream?api_key={READ}") as ws,
            pytest.raises(WebSocketDisconnect) as closed,
        ):
            ws.receive_json()
        assert closed.value.code == 1013
        monkeypatch.setattr(StreamBinding, "_follow", real)
        with client.websocket_connect(f"/v1/stream?api_key={READ}") as ws:
            ws.send_json({"subscribe": {}})
            assert ws.receive_json()["control"] == "subscribed"


def test_a_subscription_to_an_unknown_event_type_is_refused_with_a_reason(app):
    with TestClient(app) as client, client.websocket_connect(f"/v1/stream?api_key={READ}") as ws:
        ws.send_json({"subscribe": {"types": ["posting.created", "deleted"]}})
        answer = ws.receive_json()
        assert answer["control"] == "error" and "deleted" in answer["detail"]


def _stream_deliveries(client: TestClient, topology) -> float:
    """Public events this API process has received (FastStream's counter, by exchange)."""
    text = client.get("/metrics").text
    return sum(
        float(line.rsplit(" ", 1)[1])
        for line in text.splitlines()
        if line.startswith("jobstream_received_messages_total{")
        and f'handler="{topology.events.name}.' in line
    )


def test_events_reach_the_api_process_only_while_a_client_is_connected(app, amqp_url, topology):
    with TestClient(app) as client:
        asyncio.run(publish(amqp_url, topology, EVENTS))  # nobody is listening
        with client.websocket_connect(f"/v1/stream?api_key={READ}") as ws:
            ws.send_json({"subscribe": {}})
            assert ws.receive_json()["control"] == "subscribed"
            asyncio.run(publish(amqp_url, topology, [SENTINEL]))
            # Events published before the client came are not replayed: the sentinel is first.
            assert ws.receive_json()["subject"] == "z"
        assert _stream_deliveries(client, topology) == 1
        # The last client's departure unbinds the queue (in the session's cleanup, a moment
        # after the close): later events no longer reach the process.
        time.sleep(0.5)
        before = _stream_deliveries(client, topology)
        asyncio.run(publish(amqp_url, topology, EVENTS))
        time.sleep(0.5)
        assert _stream_deliveries(client, topology) == before == 1
