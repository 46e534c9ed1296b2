"""Pipeline messages: one envelope, one frozen model per event, past-tense names.

Additive changes keep ``schema_version``; a breaking change is a new model on a new routing key.
Golden JSON of each version lives in tests/unit/golden and must keep parsing.
"""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from shared.posting import Dedup, Enrichment, NormalizedPosting

PostingEvent = Literal["upsert", "close"]


def _new_id() -> str:
    return uuid.uuid4().hex


def _now() -> datetime:
    return datetime.now(UTC)


class Envelope(BaseModel):
    model_config = ConfigDict(frozen=True, extra="ignore")

    message_id: str = Field(default_factory=_new_id, description="Unique per message")
    occurred_at: datetime = Field(default_factory=_now, description="When the event happened")
    correlation_id: str = Field(description="Follows one posting delivery across every hop")
    schema_version: int = Field(1, description="Bumped only by a breaking change")


class PostingRef(Envelope):
    posting_id: str = Field(description="Stable id: '<source>:<external_id>'")
    source: str = Field(description="Source name, e.g. 'greenhouse-acme'")
    external_id: str = Field(description="The posting's id at its source")
    event: PostingEvent = Field("upsert", description="'upsert' a posting or 'close' it")
    version: int = Field(description="Monotonic per posting: an older version never wins")
    received_at: datetime = Field(description="When jobstream accepted the posting")

    def carried(self) -> dict[str, Any]:
        """What the next hop's message keeps of this one; ids and occurrence time are its own."""
        return {name: getattr(self, name) for name in _CARRIED}


_CARRIED = (
    "correlation_id",
    "posting_id",
    "source",
    "external_id",
    "event",
    "version",
    "received_at",
)


class PostingReceived(PostingRef):
    """A board pushed (or a poll found) a posting; the payload is inline or behind ``url``."""

    format: str = Field("auto", description="Payload format, e.g. 'text', 'html', 'greenhouse'")
    payload: Any = Field(None, description="The posting as the source sent it")
    url: str | None = Field(None, description="Where to download the payload when not inline")


class PostingFetched(PostingRef):
    """The payload is in hand."""

    format: str
    payload: Any = None
    url: str | None = Field(None, description="The posting's public URL, if known")


class PostingNormalized(PostingRef):
    """Canonical fields extracted from the payload, with a content fingerprint."""

    posting: NormalizedPosting
    fingerprint: str = Field(description="Hash of the canonical content and status")
    dedup: Dedup | None = Field(None, description="Cluster assignment; none for a close")


class PostingEnriched(PostingRef):
    """Enrichment added: skills, experience, seniority, locations, salary..."""

    posting: NormalizedPosting
    fingerprint: str
    enrichment: Enrichment
    dedup: Dedup | None = None


class PostingChanged(BaseModel):
    """Public event on ``jobstream.events``: a CloudEvents 1.0 structured-mode body."""

    model_config = ConfigDict(frozen=True)

    specversion: Literal["1.0"] = "1.0"
    id: str = Field(description="Derived from posting id, version and type: stable on redelivery")
    source: str = Field(description="URI reference of the producer, '/jobstream/indexer'")
    type: str = Field(description="'posting.created', 'posting.updated' or 'posting.closed'")
    subject: str = Field(description="The posting id")
    time: datetime
    datacontenttype: Literal["application/json"] = "application/json"
    data: dict[str, Any] = Field(description="The posting document as indexed")
