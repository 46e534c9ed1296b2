"""MongoDB store with a version guard, and the public event publisher.

A write and its event cannot be one transaction across MongoDB and RabbitMQ, so the write marks
the document ``pending_event``; the marker is cleared only after RabbitMQ confirmed the event. A
crash in between leaves the marker, and the redelivered message publishes the event then.
"""

import asyncio
import hashlib
from typing import Any

from faststream.rabbit import RabbitBroker
from pymongo import ASCENDING, DESCENDING, IndexModel, UpdateOne
from pymongo.asynchronous.collection import AsyncCollection
from pymongo.errors import BulkWriteError

from services.indexer.ports import PendingEvent
from shared.broker import publish_confirmed
from shared.messages import PostingChanged
from shared.topology import Topology, event_routing_key

DUPLICATE_KEY = 11000
INTERNAL_FIELDS = ("_id", "pending_event", "keywords")

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
]


def _upsert(doc: dict[str, Any], event_type: str) -> UpdateOne:
    fields = {k: v for k, v in doc.items() if k != "_id"}
    return UpdateOne(
        # Same content (fingerprint) or an older version matches nothing, so the upsert's
        # insert hits the unique _id and the write is skipped: no overwrite, no event.
        {
            "_id": doc["_id"],
            "version": {"$lt": doc["version"]},
            "fingerprint": {"$ne": doc["fingerprint"]},
        },
        {
            "$set": {**fields, "pending_event": event_type},
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
            }
        },
    )


class MongoPostingStore:
    def __init__(self, collection: AsyncCollection[dict[str, Any]]) -> None:
        self.collection = collection

    async def ensure_indexes(self) -> None:
        await self.collection.create_indexes(INDEXES)

    async def write(self, documents: list[dict[str, Any]]) -> list[PendingEvent]:
        ids = [d["_id"] for d in documents]
        before = {
            d["_id"]: d.get("status")
            async for d in self.collection.find({"_id": {"$in": ids}}, {"status": 1})
        }
        ops = []
        for doc in documents:
            if doc["status"] == "closed":
                ops.append(_close(doc))
            elif doc["_id"] not in before:
                ops.append(_upsert(doc, "posting.created"))
            else:
                reopened = before[doc["_id"]] == "closed"
                ops.append(_upsert(doc, "posting.reopened" if reopened else "posting.updated"))
        try:
            await self.collection.bulk_write(ops, ordered=False)
        except BulkWriteError as exc:
            errors = exc.details.get("writeErrors", [])
            if any(e.get("code") != DUPLICATE_KEY for e in errors):
                raise
        pending = self.collection.find({"_id": {"$in": ids}, "pending_event": {"$exists": True}})
        return [PendingEvent(d["pending_event"], d) async for d in pending]

    async def mark_published(self, events: list[PendingEvent]) -> None:
        if not events:
            return
        ops = [
            UpdateOne(
                {
                    "_id": e.document["_id"],
                    "version": e.document["version"],
                    "pending_event": e.type,
                },
                {"$unset": {"pending_event": ""}},
            )
            for e in events
        ]
        await self.collection.bulk_write(ops, ordered=False)


def cloud_event(event: PendingEvent) -> PostingChanged:
    doc = event.document
    key = f"{doc['_id']}:{doc['version']}:{event.type}"
    return PostingChanged(
        id=hashlib.sha256(key.encode()).hexdigest()[:32],
        source="/jobstream/indexer",
        type=event.type,
        subject=doc["_id"],
        time=doc["indexed_at"],
        data={k: v for k, v in doc.items() if k not in INTERNAL_FIELDS},
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
