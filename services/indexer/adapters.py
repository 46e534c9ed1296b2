"""MongoDB store with a version guard, and the public event publisher.

A write and its event cannot be one transaction across MongoDB and RabbitMQ, so the write marks
the document ``pending_event``; the marker is cleared only after RabbitMQ confirmed the event. A
crash in between leaves the marker, and the redelivered message publishes the event then.
"""

import asyncio
import hashlib
from datetime import UTC, datetime
from typing import Any

from faststream.rabbit import RabbitBroker
from pymongo import ASCENDING, DESCENDING, IndexModel, ReplaceOne, UpdateOne
from pymongo.asynchronous.collection import AsyncCollection
from pymongo.errors import BulkWriteError

from services.indexer.documents import MEMBER, cluster_document
from services.indexer.ports import PendingEvent
from shared.broker import publish_confirmed
from shared.events import CHANGE_TRACKED, PostingEventData, PublicEvent
from shared.topology import Topology, event_routing_key

DUPLICATE_KEY = 11000
PENDING = ("pending_event", "pending_changes", "pending_join")
INTERNAL_FIELDS = ("_id", "keywords", *PENDING)

INDEXES = [
    IndexModel([("status", ASCENDING), ("date_posted", DESCENDING)]),
    IndexModel([("locations.country", ASCENDING)]),
    IndexModel([("skills.id", ASCENDING)]),
    IndexModel([("seniority", ASCENDING)]),
    IndexModel([("keywords", ASCENDING)]),
    IndexModel([("source.name", ASCENDING), ("source.external_id", ASCENDING)]),
    # Read API filters (services/api/queries.py drives each query with one of these).
    IndexModel([("locations.city", ASCENDING)]),
    IndexModel([("workplace", ASCENDING)]),
    IndexModel([("employment_type", ASCENDING)]),
    IndexModel([("cluster_id", ASCENDING)]),
]
_BEFORE = {name: 1 for name in (*CHANGE_TRACKED, "cluster_id")}


def _comparable(value: Any) -> Any:
    """Stored and fresh values compare equal: MongoDB keeps milliseconds, and absent is null."""
    if isinstance(value, datetime):
        return value.astimezone(UTC).replace(microsecond=value.microsecond // 1000 * 1000)
    if isinstance(value, dict):
        return {k: _comparable(v) for k, v in value.items() if v not in (None, [], {})}
    if isinstance(value, list):
        return [_comparable(v) for v in value]
    return value


def changed_fields(before: dict[str, Any], after: dict[str, Any]) -> list[dict[str, Any]]:
    """``{field, old, new}`` for each tracked document field whose value differs."""
    return [
        {"field": name, "old": before.get(name), "new": after.get(name)}
        for name in CHANGE_TRACKED
        if _comparable({"v": before.get(name)}) != _comparable({"v": after.get(name)})
    ]


def _upsert(
    doc: dict[str, Any], event_type: str, changes: list[dict[str, Any]], joined: bool
) -> UpdateOne:
    fields = {k: v for k, v in doc.items() if k != "_id"}
    pending: dict[str, Any] = {"pending_event": event_type, "pending_changes": changes}
    if joined:
        pending["pending_join"] = True
    return UpdateOne(
        # Same content (fingerprint) or an older version matches nothing, so the upsert's
        # insert hits the unique _id and the write is skipped: no overwrite, no event.
        {
            "_id": doc["_id"],
            "version": {"$lt": doc["version"]},
            "fingerprint": {"$ne": doc["fingerprint"]},
        },
        {
            "$set": {**fields, **pending},
            "$unset": {"closed_at": ""},
            "$setOnInsert": {"first_indexed_at": doc["indexed_at"]},
        },
        upsert=True,
    )


def _close(doc: dict[str, Any]) -> UpdateOne:
    keep = ("status", "version", "fingerprint", "received_at", "indexed_at")
    return UpdateOne(
        {"_id": doc["_id"], "version": {"$lt": doc["version"]}, "status": {"$ne": "closed"}},
        {
            "$set": {
                **{k: doc[k] for k in keep},
                "closed_at": doc["indexed_at"],
                "pending_event": "posting.closed",
                "pending_changes": [],
            }
        },
    )


def _operation(doc: dict[str, Any], before: dict[str, Any] | None) -> UpdateOne:
    if doc["status"] == "closed":
        return _close(doc)
    if before is None:
        return _upsert(doc, "posting.created", [], joined=doc.get("duplicate_of") is not None)
    reopened = before.get("status") == "closed"
    event_type = "posting.reopened" if reopened else "posting.updated"
    # A posting keeps its cluster; it joins one only when it is first indexed.
    return _upsert(doc, event_type, changed_fields(before, doc), joined=False)


class MongoPostingStore:
    """Postings, and the cluster documents derived from them (``clusters`` beside them)."""

    def __init__(
        self,
        collection: AsyncCollection[dict[str, Any]],
        clusters: AsyncCollection[dict[str, Any]] | None = None,
    ) -> None:
        self.collection = collection
        self.clusters = clusters if clusters is not None else collection.database["clusters"]

    async def ensure_indexes(self) -> None:
        await self.collection.create_indexes(INDEXES)

    async def write(self, documents: list[dict[str, Any]]) -> list[PendingEvent]:
        ids = [d["_id"] for d in documents]
        before = {d["_id"]: d async for d in self.collection.find({"_id": {"$in": ids}}, _BEFORE)}
        ops = [_operation(doc, before.get(doc["_id"])) for doc in documents]
        try:
            await self.collection.bulk_write(ops, ordered=False)
        except BulkWriteError as exc:
            errors = exc.details.get("writeErrors", [])
            if any(e.get("code") != DUPLICATE_KEY for e in errors):
                raise
        query = {"_id": {"$in": ids}, "pending_event": {"$exists": True}}
        pending = [d async for d in self.collection.find(query)]
        clusters = await self._refresh_clusters(pending)
        events = [
            PendingEvent(d["pending_event"], d, list(d.get("pending_changes") or []))
            for d in pending
        ]
        for d in pending:
            if d.get("pending_join") and d.get("cluster_id") in clusters:
                events.append(
                    PendingEvent("posting.cluster_joined", d, cluster=_joined(d, clusters))
                )
        return events

    async def _refresh_clusters(self, pending: list[dict[str, Any]]) -> dict[str, Any]:
        """Rebuild, from the postings, each cluster document a pending write touches.

        Only clusters with a copy, or with a document already, are written: a lone posting's
        cluster is itself. Rebuilding from the postings makes this idempotent on redelivery.
        """
        touched = {d["cluster_id"] for d in pending if d.get("cluster_id")}
        if not touched:
            return {}
        joined = {d["cluster_id"] for d in pending if d.get("duplicate_of")}
        existing = {
            c["_id"]
            async for c in self.clusters.find({"_id": {"$in": sorted(touched)}}, {"_id": 1})
        }
        wanted = sorted(joined | existing)
        if not wanted:
            return {}
        members: dict[str, list[dict[str, Any]]] = {cid: [] for cid in wanted}
        async for m in self.collection.find(
            {"cluster_id": {"$in": wanted}}, MEMBER | {"cluster_id": 1}
        ):
            members[m["cluster_id"]].append(m)
        now = datetime.now(UTC)
        documents = {cid: cluster_document(cid, rows, now) for cid, rows in members.items()}
        await self.clusters.bulk_write(
            [ReplaceOne({"_id": cid}, doc, upsert=True) for cid, doc in documents.items()],
            ordered=False,
        )
        return documents

    async def mark_published(self, events: list[PendingEvent]) -> None:
        versions = {e.document["_id"]: e.document for e in events}
        if not versions:
            return
        ops = [
            UpdateOne(
                {
                    "_id": doc["_id"],
                    "version": doc["version"],
                    "pending_event": doc["pending_event"],
                },
                {"$unset": dict.fromkeys(PENDING, "")},
            )
            for doc in versions.values()
        ]
        await self.collection.bulk_write(ops, ordered=False)


def _joined(doc: dict[str, Any], clusters: dict[str, Any]) -> dict[str, Any]:
    cluster = clusters[doc["cluster_id"]]
    dedup = doc.get("dedup") or {}
    return {
        "cluster_id": doc["cluster_id"],
        "duplicate_of": doc.get("duplicate_of"),
        "kind": dedup.get("kind"),
        "similarity": dedup.get("similarity"),
        "rule": dedup.get("rule"),
        "size": cluster["size"],
        "canonical_id": cluster["canonical_id"],
    }


def cloud_event(event: PendingEvent) -> PublicEvent:
    doc = event.document
    key = f"{doc['_id']}:{doc['version']}:{event.type}"
    data = {k: v for k, v in doc.items() if k not in INTERNAL_FIELDS}
    data["changes"] = event.changes
    data["cluster"] = event.cluster
    return PublicEvent(
        id=hashlib.sha256(key.encode()).hexdigest()[:32],
        source="/jobstream/indexer",
        type=event.type,
        subject=doc["_id"],
        time=doc["indexed_at"],
        data=PostingEventData.model_validate(data),
    )


class RabbitEventPublisher:
    def __init__(self, broker: RabbitBroker, topology: Topology) -> None:
        self.broker = broker
        self.topology = topology

    async def publish(self, events: list[PendingEvent]) -> None:
        # Confirms awaited together: one round trip for the batch, not one per event.
        await asyncio.gather(*(self._publish_one(e) for e in events))

    async def _publish_one(self, event: PendingEvent) -> None:
        body = cloud_event(event)
        doc = event.document
        locations = doc.get("locations") or []
        country = locations[0].get("country") if locations else None
        await publish_confirmed(
            self.broker,
            body,
            exchange=self.topology.events,
            routing_key=event_routing_key(event.type, country, doc.get("seniority")),
            message_id=body.id,
            correlation_id=doc["_id"],
            headers={"cloudEvents:type": body.type, "cloudEvents:id": body.id},
            mandatory=False,
            content_type="application/cloudevents+json",
        )
