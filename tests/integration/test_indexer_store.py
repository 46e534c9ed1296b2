"""The indexer's guarded writes on the MongoDB wire server."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest

from services.indexer.adapters import MongoPostingStore
from services.indexer.documents import build_document
from services.indexer.handlers import index_batch
from services.indexer.ports import PendingEvent
from shared.messages import PostingEnriched
from shared.posting import Enrichment, NormalizedPosting
from tests.helpers import normalized_message

pytestmark = pytest.mark.integration


def enriched(external_id: str, version: int, title: str, event: str = "upsert") -> PostingEnriched:
    msg = normalized_message(external_id, title=title, version=version)
    return PostingEnriched(
        **msg.model_dump(exclude={"message_id", "fingerprint", "event", "posting"}),
        event=event,
        posting=NormalizedPosting() if event == "close" else msg.posting,
        fingerprint=f"{event}:{title}",
        enrichment=Enrichment(title=title),
    )


class RecordingPublisher:
    def __init__(self) -> None:
        self.events: list[PendingEvent] = []

    async def publish(self, events: list[PendingEvent]) -> None:
        self.events.extend(events)


@pytest.fixture
async def store(mongo, database_name) -> MongoPostingStore:
    store = MongoPostingStore(mongo[database_name]["postings"])
    await store.ensure_indexes()
    return store


async def index(store: MongoPostingStore, *messages: PostingEnriched) -> list[str]:
    publisher = RecordingPublisher()
    await index_batch(list(messages), store, publisher)
    return [e.type for e in publisher.events]


async def stored(store: MongoPostingStore, external_id: str) -> dict[str, Any]:
    doc = await store.collection.find_one({"_id": f"test:{external_id}"})
    assert doc is not None
    return doc


async def test_lifecycle_events_one_per_change(store):
    assert await index(store, enriched("a", 1, "Backend Engineer")) == ["posting.created"]
    assert await index(store, enriched("a", 2, "Backend Engineer")) == []
    assert await index(store, enriched("a", 3, "Senior Backend Engineer")) == ["posting.updated"]
    assert await index(store, enriched("a", 4, "", event="close")) == ["posting.closed"]
    assert await index(store, enriched("a", 5, "", event="close")) == []
    assert await index(store, enriched("a", 6, "Senior Backend Engineer")) == ["posting.reopened"]
    doc = await stored(store, "a")
    assert (doc["status"], doc["version"], doc["title"]) == ("open", 6, "Senior Backend Engineer")
    assert "pending_event" not in doc and "closed_at" not in doc


async def test_an_older_version_never_overwrites_a_newer_one(store):
    await index(store, enriched("b", 10, "Newer title"))
    assert await index(store, enriched("b", 9, "Older title")) == []
    doc = await stored(store, "b")
    assert (doc["version"], doc["title"]) == (10, "Newer title")


async def test_newest_version_in_a_batch_wins(store):
    events = await index(store, enriched("c", 2, "Second"), enriched("c", 1, "First"))
    assert events == ["posting.created"]
    assert (await stored(store, "c"))["title"] == "Second"


async def test_closing_an_unknown_posting_writes_nothing(store):
    assert await index(store, enriched("ghost", 1, "", event="close")) == []
    assert await store.collection.count_documents({}) == 0


async def test_event_lost_in_a_crash_is_published_on_redelivery(store):
    message = enriched("d", 1, "Data Engineer")
    document = build_document(message, datetime.now(UTC))
    pending = await store.write([document])  # crash here: published never, marker left
    assert [e.type for e in pending] == ["posting.created"]
    assert await index(store, message) == ["posting.created"]
    assert await index(store, message) == []
