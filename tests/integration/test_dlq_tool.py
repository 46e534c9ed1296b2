"""`jobstream dlq`: dead letters can be listed, inspected, replayed through their hop and purged."""

from __future__ import annotations

import pytest

from jobstream.dlq import dead_letters
from shared.errors import InvalidPayload
from shared.messages import PostingNormalized, PostingRef
from tests.helpers import (
    drain,
    enriched,
    eventually,
    normalized_message,
    publish_normalized,
    running_hop,
)

pytestmark = pytest.mark.integration


async def test_dead_letter_is_shown_then_replayed_once_the_cause_is_fixed(amqp_url, amqp, topology):
    broken = {"now": True}

    async def handler(msg: PostingNormalized) -> PostingRef:
        if broken["now"]:
            raise InvalidPayload("taxonomy missing")
        return enriched(msg)

    message = normalized_message()
    async with running_hop(amqp_url, topology, handler), dead_letters(amqp_url, topology) as dlq:
        await publish_normalized(amqp, topology, message.model_dump_json().encode())
        await eventually(lambda: _count(dlq, "enricher", 1))

        [letter] = await dlq.show("enricher", limit=10)
        assert (letter.posting_id, letter.reason, letter.attempts) == (
            message.posting_id,
            "invalid_payload",
            1,
        )
        assert "taxonomy missing" in letter.error
        assert (await dlq.counts())["enricher"] == 1  # showing takes nothing away

        broken["now"] = False
        assert await dlq.replay("enricher", limit=None) == 1
        out = await eventually(lambda: drain(amqp, topology.queue_name("indexer")))
        assert [PostingNormalized.model_validate_json(m.body).posting_id for m in out] == [
            message.posting_id
        ]
        assert (await dlq.counts())["enricher"] == 0


async def test_purge_empties_one_hop(amqp_url, amqp, topology):
    async def refuse(msg: PostingNormalized) -> PostingRef:
        raise InvalidPayload("bad")

    async with running_hop(amqp_url, topology, refuse), dead_letters(amqp_url, topology) as dlq:
        for _ in range(3):
            await publish_normalized(
                amqp, topology, normalized_message().model_dump_json().encode()
            )
        await eventually(lambda: _count(dlq, "enricher", 3))
        assert await dlq.purge("enricher") == 3
        assert (await dlq.counts())["enricher"] == 0


async def _count(dlq, hop: str, expected: int) -> bool:
    return (await dlq.counts())[hop] == expected
