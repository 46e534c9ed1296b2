"""The five services as processes (`jobstream run`) on real RabbitMQ, Redis and MongoDB."""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator, Iterator
from typing import Any

import aio_pika
import httpx
import pytest
import websockets

from jobstream.demo import sample_postings
from jobstream.services import SERVICES
from services.gateway.keys import new_key
from tests.helpers import drain, eventually, jobstream_run

pytestmark = pytest.mark.e2e

MUMBAI, PRODUCT = (f"demo:{p['external_id']}" for p in sample_postings())
# The gateway refuses unauthenticated pushes: the stack gets the hashed entry, the test the key.
API_KEY, API_KEY_ENTRY = new_key("ingest+read")


@pytest.fixture
def stack(service_env, tmp_path, amqp) -> Iterator[str]:
    """`jobstream run` in the test's namespace; stopped before `amqp` deletes the topology."""
    env = {**service_env, "JOBSTREAM_API_KEYS": json.dumps([API_KEY_ENTRY])}
    with jobstream_run(env, tmp_path) as base:
        yield f"http://127.0.0.1:{base}"


@pytest.fixture
async def events(amqp, topology, stack) -> AsyncIterator[str]:
    """A consumer's queue bound to every public event."""
    exchange = await amqp.get_exchange(topology.events.name)
    queue = await amqp.declare_queue(f"{topology.namespace}.test-events", exclusive=True)
    await queue.bind(exchange, routing_key="#")
    yield queue.name


async def event_bodies(amqp: aio_pika.abc.AbstractChannel, queue: str) -> list[dict[str, Any]]:
    return [json.loads(m.body) for m in await drain(amqp, queue)]


async def event_types(amqp: aio_pika.abc.AbstractChannel, queue: str) -> list[tuple[str, str]]:
    return [(body["type"], body["subject"]) for body in await event_bodies(amqp, queue)]


async def post(stack: str, postings: list[dict[str, Any]]) -> None:
    async with httpx.AsyncClient() as client:
        response = await client.post(
            f"{stack}/v1/postings", json={"postings": postings}, headers={"X-API-Key": API_KEY}
        )
    assert response.status_code == 202, response.text


async def dropped_by_normalizer(stack: str) -> float:
    normalizer = stack.rsplit(":", 1)[0] + f":{int(stack.rsplit(':', 1)[1]) + 2}"
    async with httpx.AsyncClient() as client:
        text = (await client.get(f"{normalizer}/metrics")).text
    for line in text.splitlines():
        if line.startswith('jobstream_hop_messages_total{hop="normalizer",outcome="dropped"}'):
            return float(line.split()[-1])
    return 0.0


def skill_names(doc: dict[str, Any]) -> set[str]:
    return {s["name"] for s in doc["skills"]}


async def test_samples_flow_to_mongodb_and_events_exactly_once(
    stack, events, amqp, mongo, database_name
):
    postings = mongo[database_name]["postings"]
    seeds = sample_postings()
    await post(stack, seeds)

    async def both_indexed() -> list[dict[str, Any]]:
        docs = await postings.find({}).to_list()
        return docs if len(docs) == 2 else []

    docs = {d["_id"]: d for d in await eventually(both_indexed, within=30)}
    mumbai, product = docs[MUMBAI], docs[PRODUCT]
    assert mumbai["title"] == "Senior Backend Engineer"
    assert product["title"] == "Senior Backend Developer"
    assert mumbai["company"] is None and product["company"] is None  # neither states one
    assert [(loc["city"], loc["country"]) for loc in mumbai["locations"]] == [("Mumbai", "IN")]
    assert product["locations"] == []
    assert (mumbai["experience"]["min_years"], mumbai["experience"]["max_years"]) == (5, 10)
    assert (product["experience"]["min_years"], product["experience"]["max_years"]) == (6, None)
    assert mumbai["employment_type"] == product["employment_type"] == ["FULL_TIME"]
    for doc in (mumbai, product):
        assert {"Node.js", "Express.js", "MongoDB"} <= skill_names(doc)
    assert "Redis" in skill_names(mumbai)
    assert sorted(await eventually(lambda: event_types(amqp, events))) == sorted(
        [("posting.created", MUMBAI), ("posting.created", PRODUCT)]
    )

    # The same postings again: no new document, no new event.
    await post(stack, seeds)
    await eventually(lambda: _at_least(dropped_by_normalizer(stack), 2))
    assert await postings.count_documents({}) == 2
    assert await event_types(amqp, events) == []

    # One posting changed: exactly one update.
    changed = {**seeds[1], "payload": seeds[1]["payload"] + "\nLocation : Pune, India\n"}
    await post(stack, [changed])
    [update] = await eventually(lambda: event_bodies(amqp, events))
    assert (update["type"], update["subject"]) == ("posting.updated", PRODUCT)
    changes = {c["field"]: c for c in update["data"]["changes"]}
    assert "locations" in changes and "title" not in changes
    assert changes["locations"]["old"] == []
    assert [loc["city"] for loc in changes["locations"]["new"]] == ["Pune"]
    updated = await postings.find_one({"_id": PRODUCT})
    assert updated["version"] > product["version"]
    assert await postings.count_documents({}) == 2

    # The Mumbai posting again, from another board: indexed, and it joins the first copy.
    copy = {**seeds[0], "source": "other-board", "external_id": "m-77"}
    await post(stack, [copy])
    bodies: list[dict[str, Any]] = []

    async def both_events() -> bool:  # their confirms are awaited together: any order
        bodies.extend(await event_bodies(amqp, events))
        return len(bodies) >= 2

    await eventually(both_events)
    assert sorted(b["type"] for b in bodies) == ["posting.cluster_joined", "posting.created"]
    joined = next(b for b in bodies if b["type"] == "posting.cluster_joined")
    assert joined["subject"] == "other-board:m-77"
    assert joined["data"]["cluster"]["duplicate_of"] == MUMBAI
    assert joined["data"]["cluster"]["size"] == 2
    assert joined["data"]["cluster_id"] == mumbai["cluster_id"]
    cluster = await mongo[database_name]["clusters"].find_one({"_id": mumbai["cluster_id"]})
    assert cluster is not None
    assert {m["posting_id"] for m in cluster["members"]} == {MUMBAI, "other-board:m-77"}
    assert await postings.count_documents({}) == 3


async def _at_least(value: Any, minimum: float) -> bool:
    return (await value) >= minimum


async def test_a_websocket_client_of_the_served_api_gets_what_it_subscribed_to(stack):
    """The API process itself (uvicorn), not an in-process test client, speaks WebSocket."""
    base = int(stack.rsplit(":", 1)[1])
    url = f"ws://127.0.0.1:{base + SERVICES['api']}/v1/stream"
    async with websockets.connect(url) as anonymous:
        with pytest.raises(websockets.ConnectionClosed) as refused:
            await asyncio.wait_for(anonymous.recv(), 10)
    assert refused.value.rcvd is not None and refused.value.rcvd.code == 4401

    async with websockets.connect(f"{url}?api_key={API_KEY}") as ws:
        await ws.send(json.dumps({"subscribe": {"country": ["IN"]}}))
        control = json.loads(await asyncio.wait_for(ws.recv(), 10))
        assert control == {
            "control": "subscribed",
            "filter": {**control["filter"], "country": ["IN"]},
        }
        await post(stack, sample_postings())
        event = json.loads(await asyncio.wait_for(ws.recv(), 30))
        assert (event["type"], event["subject"]) == ("posting.created", MUMBAI)
        assert [loc["country"] for loc in event["data"]["locations"]] == ["IN"]
        # The other sample states no country: the filter keeps it from this client.
        with pytest.raises(TimeoutError):
            await asyncio.wait_for(ws.recv(), 3)
