"""The pipeline without broker or database: the same pure steps the services run.

Used by `jobstream process` (backfills, debugging) and by `make eval`.
"""

from __future__ import annotations

import asyncio
import hashlib
import uuid
from datetime import UTC, datetime
from typing import Any

import orjson

from services.enricher.handlers import enrich_posting
from services.indexer.documents import build_document
from services.normalizer.dedup import Clusterer, MemoryClusterIndex
from services.normalizer.handlers import normalize, normalize_payload
from shared.errors import InvalidPayload
from shared.messages import PostingFetched, PostingNormalized


class _Unseen:
    """Fingerprints for one offline run: every line is new content."""

    async def current(self, posting_id: str) -> str | None:
        return None

    async def remember(self, posting_id: str, version: int, fingerprint: str) -> None:
        return None


class OfflineClusters:
    """Clusters one offline run's postings with the normalizer's own handler, index in memory."""

    def __init__(self) -> None:
        self._runner = asyncio.Runner()
        self._clusterer = Clusterer(MemoryClusterIndex())

    def normalize(self, fetched: PostingFetched) -> PostingNormalized:
        normalized = self._runner.run(normalize(fetched, _Unseen(), self._clusterer))
        assert normalized is not None  # nothing is ever unchanged in one run
        return normalized

    def close(self) -> None:
        self._runner.close()


def _external_id(record: dict[str, Any]) -> str:
    given = record.get("external_id")
    if given not in (None, ""):
        return str(given)
    return hashlib.blake2b(orjson.dumps(record.get("payload")), digest_size=8).hexdigest()


def process_record(
    record: dict[str, Any],
    *,
    now: datetime | None = None,
    clusters: OfflineClusters | None = None,
) -> dict[str, Any]:
    """``{"source", "format", "payload", "external_id"?}`` -> the posting document, JSON-ready.

    With ``clusters``, the document also says which earlier record of the run it copies.
    """
    if not isinstance(record, dict) or record.get("payload") is None:
        raise InvalidPayload("a record is an object with a 'payload'")
    now = now or datetime.now(UTC)
    source = str(record.get("source") or "local")
    external_id = _external_id(record)
    fetched = PostingFetched(
        correlation_id=uuid.uuid4().hex,
        posting_id=f"{source}:{external_id}",
        source=source,
        external_id=external_id,
        version=0,
        received_at=now,
        format=str(record.get("format") or "auto"),
        payload=record["payload"],
    )
    normalized = normalize_payload(fetched) if clusters is None else clusters.normalize(fetched)
    document = build_document(enrich_posting(normalized), now)
    document.pop("_id")
    document.pop("keywords")
    result: dict[str, Any] = orjson.loads(orjson.dumps(document))
    return result
