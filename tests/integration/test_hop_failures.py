"""A hop on real RabbitMQ: results published with confirms, failures retried, then dead-lettered."""

from __future__ import annotations

import pytest

from shared.errors import InvalidPayload
from shared.hop import ATTEMPT, ERROR, HOP, REASON
from shared.messages import PostingEnriched, PostingNormalized, PostingRef
from tests.helpers import (
    drain,
    enriched,
    eventually,
    normalized_message,
    publish_normalized,
    running_hop,
)

pytestmark = pytest.mark.integration


async def test_result_is_published_and_input_acked(amqp_url, amqp, topology):
    async def handle(msg: PostingNormalized) -> PostingRef:
        return enriched(msg)

    async with running_hop(amqp_url, topology, handle):
        message = normalized_message()
        await publish_normalized(amqp, topology, message.model_dump_json().encode())
        out = await eventually(lambda: drain(amqp, topology.queue_name("indexer")))
    assert [PostingEnriched.model_validate_json(m.body).posting_id for m in out] == [
        message.posting_id
    ]
    assert await drain(amqp, topology.queue_name("enricher")) == []


async def test_transient_failure_is_retried_until_it_succeeds(amqp_url, amqp, topology):
    calls: list[int] = []

    async def flaky(msg: PostingNormalized) -> PostingRef:
        calls.append(1)
        if len(calls) < 3:
            raise ConnectionError("database blinked")
        return enriched(msg)

    async with running_hop(amqp_url, topology, flaky):
        await publish_normalized(amqp, topology, normalized_message().model_dump_json().encode())
        out = await eventually(lambda: drain(amqp, topology.queue_name("indexer")))
    assert len(out) == 1
    assert len(calls) == 3
    assert await drain(amqp, topology.dead_letter_queue("enricher").name) == []


async def test_exhausted_retries_dead_letter_with_the_reason(amqp_url, amqp, topology):
    calls: list[int] = []

    async def broken(msg: PostingNormalized) -> PostingRef:
        calls.append(1)
        raise RuntimeError("enrichment exploded")

    async with running_hop(amqp_url, topology, broken):
        message = normalized_message()
        await publish_normalized(amqp, topology, message.model_dump_json().encode())
        dead = await eventually(lambda: drain(amqp, topology.dead_letter_queue("enricher").name))
    assert len(dead) == 1
    headers = dead[0].headers
    assert headers[REASON] == "RuntimeError"
    assert "enrichment exploded" in headers[ERROR]
    assert headers[HOP] == "enricher"
    assert headers[ATTEMPT] == len(topology.retry_delays_ms) + 1
    assert len(calls) == len(topology.retry_delays_ms) + 1
    assert PostingNormalized.model_validate_json(dead[0].body).posting_id == message.posting_id
    assert await drain(amqp, topology.queue_name("indexer")) == []


async def test_permanent_error_is_dead_lettered_without_retries(amqp_url, amqp, topology):
    calls: list[int] = []

    async def refuse(msg: PostingNormalized) -> PostingRef:
        calls.append(1)
        raise InvalidPayload("no title and no description")

    async with running_hop(amqp_url, topology, refuse):
        await publish_normalized(amqp, topology, normalized_message().model_dump_json().encode())
        dead = await eventually(lambda: drain(amqp, topology.dead_letter_queue("enricher").name))
    assert dead[0].headers[REASON] == "invalid_payload"
    assert dead[0].headers[ATTEMPT] == 1
    assert calls == [1]


async def test_a_malformed_message_is_dead_lettered(amqp_url, amqp, topology):
    async def never(msg: PostingNormalized) -> PostingRef:
        raise AssertionError("a malformed message must not reach the handler")

    async with running_hop(amqp_url, topology, never):
        await publish_normalized(amqp, topology, b'{"not": "a posting"}')
        dead = await eventually(lambda: drain(amqp, topology.dead_letter_queue("enricher").name))
    assert dead[0].headers[REASON] == "invalid_message"
    assert dead[0].body == b'{"not": "a posting"}'
