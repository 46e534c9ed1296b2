"""Mean JSON size of each pipeline message, built by the real code from the committed postings."""

from __future__ import annotations

from datetime import UTC, datetime
from statistics import mean
from typing import Any

from services.enricher.handlers import enrich_posting
from services.indexer.documents import build_document
from services.normalizer.handlers import normalize_payload
from shared.messages import PostingChanged, PostingReceived
from tests.bench.offline import fetched, sample_payloads

# What each message is, in pipeline order: the gateway publishes the first, each hop one more.
MESSAGES = ("received", "fetched", "normalized", "enriched", "event")


def _sizes(fmt: str, payload: Any) -> dict[str, int]:
    fetched_msg = fetched(fmt, payload)
    received = PostingReceived(**fetched_msg.model_dump())
    normalized = normalize_payload(fetched_msg)
    enriched = enrich_posting(normalized)
    document = build_document(enriched, datetime.now(UTC))
    event = PostingChanged(
        id="0" * 32,
        source="/jobstream/indexer",
        type="posting.created",
        subject=document["_id"],
        time=document["indexed_at"],
        data=document,
    )
    models = (received, fetched_msg, normalized, enriched, event)
    return {name: len(m.model_dump_json()) for name, m in zip(MESSAGES, models, strict=True)}


def message_sizes() -> dict[str, int]:
    """Mean bytes per message type over the committed postings."""
    per_posting = [_sizes(fmt, payload) for fmt, payload in sample_payloads()]
    return {name: round(mean(s[name] for s in per_posting)) for name in MESSAGES}
