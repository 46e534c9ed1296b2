"""MongoDB store with a version guard, and the public event publisher.

A write and its event cannot be one transaction across MongoDB and RabbitMQ, so each write that
will change a posting first records its event in an outbox collection beside the postings; the
entry is deleted only after RabbitMQ confirmed the event. A crash anywhere in between leaves the
entry, and the redelivered message publishes the event then. The outbox is a collection of its
own, not a marker in the posting, because clearing a field of a 10 KB posting rewrites every
index entry of it: on the embedded SecantusDB that cost more than the write itself.
"""

import asyncio
import hashlib
from datetime import UTC, datetime
from typing import Any

from faststream.rabbit import RabbitBroker
from pymongo import ASCENDING, DESCENDING, IndexModel, InsertOne, ReplaceOne, UpdateOne
from pymongo.asynchronous.collection import AsyncCollection
from pymongo.errors import BulkWriteError

from services.indexer.documents import MEMBER, cluster_document
from services.indexer.outbox import entry_id, outbox_entry
from services.indexer.ports import PendingEvent
from shared.broker import publish_confirmed
from shared.events import CHANGE_TRACKED, PostingEventData, PublicEvent
from shared.topology import Topology, event_routing_key

DUPLICATE_KEY = 11000
INTERNAL_FIELDS = ("_id", "keywords")
WriteOp = InsertOne[dict[str, Any]] | UpdateOne

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
_BEFORE = dict.fromkeys((*CHANGE_TRACKED, "cluster_id", "status", "version", "fingerprint"), 1)


def _insert(doc: dict[str, Any]) -> InsertOne[dict[str, Any]]:
    # A posting not stored yet is inserted: an insert costs SecantusDB a third of an upsert.
    return InsertOne({**doc, "first_indexed_at": doc["indexed_at"]})


def _upsert(doc: dict[str, Any]) -> UpdateOne:
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
            "$set": fields,
            "$unset": {"closed_at": ""},
            "$setOnInsert": {"first_indexed_at": doc["indexed_at"]},
        },
        upsert=True,
    )


def _close(doc: dict[str, Any]) -> UpdateOne:
    keep = ("status", "version", "fingerprint", "received_at", "indexed_at")
    return UpdateOne(
        {"_id": doc["_id"], "version": {"$lt": doc["version"]}, "status": {"$ne": "closed"}},
        {"$set": {**{k: doc[k] for k in keep}, "closed_at": doc["indexed_at"]}},
    )


def _operation(doc: dict[str, Any], before: dict[str, Any] | None) -> WriteOp:
    if doc["status"] == "closed":
        return _close(doc)
    return _insert(doc) if before is None else _upsert(doc)


async def _bulk(collection: AsyncCollection[dict[str, Any]], ops: list[Any]) -> list[int]:
    """Unordered bulk write; the positions of the operations refused as duplicate keys."""
    try:
        await collection.bulk_write(ops, ordered=False)
    except BulkWriteError as exc:
        errors = exc.details.get("writeErrors", [])
        if any(e.get("code") != DUPLICATE_KEY for e in errors):
            raise
        return [int(e["index"]) for e in errors]
    return []


class MongoPostingStore:
    """Postings, and the cluster documents derived from them (``clusters`` beside them)."""

    def __init__(
        self,
        collection: AsyncCollection[dict[str, Any]],
        clusters: AsyncCollection[dict[str, Any]] | None = None,
        outbox: AsyncCollection[dict[str, Any]] | None = None,
    ) -> None:
        self.collection = collection
        self.clusters = clusters if clusters is not None else collection.database["clusters"]
        database = collection.database
        self.outbox = outbox if outbox is not None else database[f"{collection.name}_outbox"]

    async def ensure_indexes(self) -> None:
        await self.collection.create_indexes(INDEXES)
        await self.outbox.create_indexes([IndexModel([("posting_id", ASCENDING)])])

    async def write(self, documents: list[dict[str, Any]]) -> list[PendingEvent]:
        ids = [d["_id"] for d in documents]
        # The stored versions, and entries a crash left behind, in one round trip.
        found, left = await asyncio.gather(
            self.collection.find({"_id": {"$in": ids}}, _BEFORE).to_list(),
            self.outbox.find({"posting_id": {"$in": ids}}).to_list(),
        )
        before = {d["_id"]: d for d in found}
        entries = [e for d in documents if (e := outbox_entry(d, before.get(d["_id"])))]
        if entries:  # before the postings: a crash after them must leave the entries behind
            await _bulk(self.outbox, [InsertOne(e) for e in entries])
        ops = [_operation(d, before.get(d["_id"])) for d in documents]
        refused = await _bulk(self.collection, ops)
        # Inserted meanwhile by another replica: the guarded upsert decides who wins.
        raced = [_upsert(documents[i]) for i in refused if isinstance(ops[i], InsertOne)]
        if raced:
            await _bulk(self.collection, raced)
        return await self._pending(list({e["_id"]: e for e in [*left, *entries]}.values()))

    async def _pending(self, entries: list[dict[str, Any]]) -> list[PendingEvent]:
        """Events of the outbox entries whose version is the stored one, left by this write or
        by an earlier one that crashed before its event was confirmed."""
        if not entries:
            return []
        wanted = sorted({e["posting_id"] for e in entries})
        stored = {d["_id"]: d async for d in self.collection.find({"_id": {"$in": wanted}})}
        live = [
            e for e in entries if stored.get(e["posting_id"], {}).get("version") == e["version"]
        ]
        # Superseded by a newer stored version, the event will never be due. A newer entry
        # than the stored version may belong to a write in flight elsewhere: it stays.
        stale = [
            e["_id"]
            for e in entries
            if e["posting_id"] in stored and e["version"] < stored[e["posting_id"]]["version"]
        ]
        if stale:
            await self.outbox.delete_many({"_id": {"$in": stale}})
        docs = [stored[e["posting_id"]] for e in live]
        clusters = await self._refresh_clusters(docs)
        events = [
            PendingEvent(e["type"], stored[e["posting_id"]], list(e["changes"])) for e in live
        ]
        for e in live:
            d = stored[e["posting_id"]]
            if e.get("join") and d.get("cluster_id") in clusters:
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
        done = sorted({entry_id(e.document["_id"], e.document["version"]) for e in events})
        if done:
            await self.outbox.delete_many({"_id": {"$in": done}})


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
