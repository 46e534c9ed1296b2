"""The indexer's guarded writes on the MongoDB wire server."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest

from services.indexer.adapters import MongoPostingStore, cloud_event
from services.indexer.documents import build_document
from services.indexer.handlers import index_batch
from services.indexer.outbox import outbox_entry
from services.indexer.ports import PendingEvent
from shared.messages import PostingEnriched
from shared.posting import Dedup, Enrichment, NormalizedPosting, Origin
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
    assert "closed_at" not in doc
    assert await store.outbox.count_documents({}) == 0  # every event confirmed


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
    pending = await store.write([document])  # crash here: never published, outbox entry left
    assert [e.type for e in pending] == ["posting.created"]
    assert await store.outbox.count_documents({}) == 1
    assert await index(store, message) == ["posting.created"]
    assert await index(store, message) == []
    assert await store.outbox.count_documents({}) == 0


async def test_a_crash_between_outbox_and_posting_write_loses_nothing(store):
    message = enriched("e", 1, "ML Engineer")
    document = build_document(message, datetime.now(UTC))
    entry = outbox_entry(document, None)
    assert entry is not None
    await store.outbox.insert_one(entry)  # crash here: the posting itself was never written
    assert await store.collection.count_documents({}) == 0
    assert await index(store, message) == ["posting.created"]
    assert (await stored(store, "e"))["title"] == "ML Engineer"
    assert await store.outbox.count_documents({}) == 0


async def test_an_entry_superseded_by_a_newer_version_is_dropped_unpublished(store):
    old = build_document(enriched("f", 1, "Old"), datetime.now(UTC))
    await store.outbox.insert_one(outbox_entry(old, None) or {})  # crashed before writing v1
    assert await index(store, enriched("f", 2, "New")) == ["posting.created"]
    assert await store.outbox.count_documents({}) == 0


def copy_of(
    external_id: str,
    title: str,
    *,
    cluster_id: str,
    duplicate_of: str | None = None,
    origin: Origin = "board",
    version: int = 1,
) -> PostingEnriched:
    """A posting the normalizer placed in a cluster (``duplicate_of`` None: it founded it)."""
    message = enriched(external_id, version, title)
    dedup = Dedup(
        cluster_id=cluster_id,
        duplicate_of=duplicate_of,
        kind="near" if duplicate_of else "new",
        similarity=0.91 if duplicate_of else None,
        rule="same-title-place" if duplicate_of else None,
        origin=origin,
        canonical_url=f"https://jobs.example.com/{external_id}",
    )
    return message.model_copy(update={"dedup": dedup})


async def test_an_update_lists_each_changed_field_with_old_and_new(store):
    first = enriched("u", 1, "Backend Engineer")
    await index(store, first)
    second = enriched("u", 2, "Senior Backend Engineer")
    second = second.model_copy(
        update={"enrichment": second.enrichment.model_copy(update={"seniority": "senior"})}
    )
    publisher = RecordingPublisher()
    await index_batch([second], store, publisher)
    [event] = publisher.events
    assert event.type == "posting.updated"
    by_field = {c["field"]: (c["old"], c["new"]) for c in event.changes}
    assert by_field == {
        "title": ("Backend Engineer", "Senior Backend Engineer"),
        "seniority": (None, "senior"),
    }
    body = cloud_event(event).model_dump(mode="json")
    assert {c["field"] for c in body["data"]["changes"]} == {"title", "seniority"}
    assert "keywords" not in body["data"] and "_id" not in body["data"]
    assert await store.outbox.count_documents({}) == 0


async def test_changes_survive_a_crash_between_write_and_publish(store):
    await index(store, enriched("v", 1, "Data Engineer"))
    message = enriched("v", 2, "Data Platform Engineer")
    await store.write([build_document(message, datetime.now(UTC))])  # crash: never published
    publisher = RecordingPublisher()
    await index_batch([message], store, publisher)  # the redelivery
    [event] = publisher.events
    assert event.type == "posting.updated"
    assert event.changes == [
        {"field": "title", "old": "Data Engineer", "new": "Data Platform Engineer"}
    ]


async def test_a_copy_joins_the_cluster_and_the_cluster_lists_every_member(store):
    assert await index(store, copy_of("board1", "SRE", cluster_id="c-1")) == ["posting.created"]
    assert await store.clusters.count_documents({}) == 0  # a lone posting is its own cluster
    publisher = RecordingPublisher()
    joining = copy_of("ats1", "SRE", cluster_id="c-1", duplicate_of="test:board1", origin="ats")
    await index_batch([joining], store, publisher)
    assert [e.type for e in publisher.events] == ["posting.created", "posting.cluster_joined"]
    joined = publisher.events[1]
    assert joined.cluster == {
        "cluster_id": "c-1",
        "duplicate_of": "test:board1",
        "kind": "near",
        "similarity": 0.91,
        "rule": "same-title-place",
        "size": 2,
        "canonical_id": "test:ats1",  # the employer's own ATS copy, though seen second
    }
    body = cloud_event(joined).model_dump(mode="json")
    assert body["type"] == "posting.cluster_joined"
    assert body["data"]["cluster"]["size"] == 2
    assert body["id"] != cloud_event(publisher.events[0]).id

    cluster = await store.clusters.find_one({"_id": "c-1"})
    assert cluster is not None
    assert cluster["canonical_id"] == "test:ats1"
    members = {m["posting_id"]: m for m in cluster["members"]}
    assert set(members) == {"test:board1", "test:ats1"}
    assert members["test:ats1"]["canonical_url"] == "https://jobs.example.com/ats1"
    assert members["test:ats1"]["origin"] == "ats"
    assert members["test:board1"]["first_seen"] <= members["test:ats1"]["first_seen"]
    assert (await stored(store, "ats1"))["cluster_id"] == "c-1"

    # Redelivered: nothing new is written or announced.
    assert await index(store, joining) == []


async def test_a_closed_copy_stays_in_its_cluster_but_is_not_canonical(store):
    await index(store, copy_of("ats2", "QA", cluster_id="c-2", origin="ats"))
    await index(store, copy_of("board2", "QA", cluster_id="c-2", duplicate_of="test:ats2"))
    assert await index(store, enriched("ats2", 2, "", event="close")) == ["posting.closed"]
    cluster = await store.clusters.find_one({"_id": "c-2"})
    assert cluster is not None
    assert cluster["size"] == 2
    assert cluster["canonical_id"] == "test:board2"
    assert (await stored(store, "ats2"))["cluster_id"] == "c-2"
