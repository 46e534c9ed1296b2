"""Reads of the ``postings`` collection: search, one posting, and stats (MongoDB adapter)."""

from __future__ import annotations

import asyncio
from datetime import datetime
from typing import Any

from pymongo.asynchronous.collection import AsyncCollection

from services.api.cursor import Position, decode, encode, value_at
from services.api.filters import SearchParams, StatsParams
from services.api.queries import INTERNAL, search_pipeline, sort_of, stats_head
from services.indexer.documents import MEMBER, cluster_document

Pipeline = list[dict[str, Any]]


def _counts(field: str) -> Pipeline:
    return [
        {"$group": {"_id": f"${field}", "count": {"$sum": 1}}},
        {"$sort": {"count": -1, "_id": 1}},
    ]


def stats_pipelines(params: StatsParams, now: datetime) -> dict[str, Pipeline]:
    head = stats_head(params, params.since(now))
    return {
        "total": [*head, {"$count": "count"}],
        # Copies of one job across sources count once: analysts want both numbers.
        "unique": [
            *head,
            {"$group": {"_id": {"$ifNull": ["$cluster_id", "$_id"]}}},
            {"$count": "count"},
        ],
        "skills": [
            *head,
            {"$unwind": "$skills"},
            {
                "$group": {
                    "_id": "$skills.id",
                    "name": {"$first": "$skills.name"},
                    "count": {"$sum": 1},
                }
            },
            {"$sort": {"count": -1, "_id": 1}},
            {"$limit": params.top},
        ],
        # A posting with two offices in one country counts once for it.
        "country": [
            *head,
            {"$unwind": "$locations"},
            {"$group": {"_id": {"posting": "$_id", "country": "$locations.country"}}},
            {"$project": {"country": "$_id.country"}},
            *_counts("country"),
        ],
        "seniority": [*head, *_counts("seniority")],
        "workplace": [*head, *_counts("workplace")],
    }


class PostingReader:
    def __init__(self, collection: AsyncCollection[dict[str, Any]]) -> None:
        self.collection = collection

    async def get(self, posting_id: str) -> dict[str, Any] | None:
        return await self.collection.find_one({"_id": posting_id}, INTERNAL)

    async def cluster(self, cluster_id: str, now: datetime) -> dict[str, Any] | None:
        """Every indexed copy of one job, rebuilt from the postings (the ``cluster_id`` index)."""
        members = [m async for m in self.collection.find({"cluster_id": cluster_id}, MEMBER)]
        if not members:
            return None
        document = cluster_document(cluster_id, members, now)
        del document["_id"]
        return document

    async def search(self, params: SearchParams) -> dict[str, Any]:
        """One page and the cursor of the next, or None on the last page."""
        position = decode(params.cursor, params.sort) if params.cursor else None
        cursor = await self.collection.aggregate(search_pipeline(params, position))
        page = await cursor.to_list(None)
        more = len(page) > params.limit
        page = page[: params.limit]
        next_cursor = None
        if more:
            field, _ = sort_of(params.sort)
            last = page[-1]
            next_cursor = encode(Position(params.sort, value_at(last, field), last["_id"]))
        for doc in page:
            del doc["_id"]
        return {"items": page, "next_cursor": next_cursor}

    async def stats(self, params: StatsParams, now: datetime) -> dict[str, Any]:
        pipelines = stats_pipelines(params, now)
        results = await asyncio.gather(*(self._run(p) for p in pipelines.values()))
        rows = dict(zip(pipelines, results, strict=True))
        total = rows["total"][0]["count"] if rows["total"] else 0
        unique = rows["unique"][0]["count"] if rows["unique"] else 0
        return {
            "window": {"since": params.since(now), "until": now, "days": params.window_days},
            "total": total,
            "unique_jobs": unique,
            "top_skills": [
                {"id": r["_id"], "name": r["name"], "count": r["count"]} for r in rows["skills"]
            ],
            **{
                key: [{"value": r["_id"], "count": r["count"]} for r in rows[key]]
                for key in ("country", "seniority", "workplace")
            },
        }

    async def _run(self, pipeline: Pipeline) -> list[dict[str, Any]]:
        cursor = await self.collection.aggregate(pipeline)
        return await cursor.to_list(None)
