"""The pipeline without broker or database: the same pure steps the services run.

Used by `jobstream process` (backfills, debugging) and by `make eval`.
"""

from __future__ import annotations

import hashlib
import uuid
from datetime import UTC, datetime
from typing import Any

import orjson

from services.enricher.handlers import enrich_posting
from services.indexer.documents import build_document
from services.normalizer.handlers import normalize_payload
from shared.errors import InvalidPayload
from shared.messages import PostingFetched


def _external_id(record: dict[str, Any]) -> str:
    given = record.get("external_id")
    if given not in (None, ""):
        return str(given)
    return hashlib.blake2b(orjson.dumps(record.get("payload")), digest_size=8).hexdigest()


def process_record(record: dict[str, Any], *, now: datetime | None = None) -> dict[str, Any]:
    """``{"source", "format", "payload", "external_id"?}`` -> the posting document, JSON-ready."""
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
    document = build_document(enrich_posting(normalize_payload(fetched)), now)
    document.pop("_id")
    document.pop("keywords")
    result: dict[str, Any] = orjson.loads(orjson.dumps(document))
    return result
