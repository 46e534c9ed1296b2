"""Enricher: canonical fields -> skills, experience, seniority, locations, salary, ..."""

from datetime import UTC, datetime

from services.enricher.enrich import enrich
from shared.messages import PostingEnriched, PostingNormalized
from shared.posting import Enrichment


def enrich_posting(msg: PostingNormalized) -> PostingEnriched:
    """The pure part, shared with `jobstream process`. A close carries no content to enrich."""
    enrichment = Enrichment() if msg.event == "close" else enrich(msg.posting)
    return PostingEnriched(
        correlation_id=msg.correlation_id,
        occurred_at=datetime.now(UTC),
        posting_id=msg.posting_id,
        source=msg.source,
        external_id=msg.external_id,
        event=msg.event,
        version=msg.version,
        received_at=msg.received_at,
        posting=msg.posting,
        fingerprint=msg.fingerprint,
        enrichment=enrichment,
    )


async def enrich_message(msg: PostingNormalized) -> PostingEnriched:
    return enrich_posting(msg)
