"""Enricher: canonical fields -> skills, experience, seniority, locations, salary, ..."""

from services.enricher.enrich import enrich
from shared.messages import PostingEnriched, PostingNormalized
from shared.posting import Enrichment


def enrich_posting(msg: PostingNormalized) -> PostingEnriched:
    """The pure part, shared with `jobstream process`. A close carries no content to enrich."""
    enrichment = Enrichment() if msg.event == "close" else enrich(msg.posting)
    return PostingEnriched(
        **msg.carried(),
        posting=msg.posting,
        fingerprint=msg.fingerprint,
        enrichment=enrichment,
        dedup=msg.dedup,
    )


async def enrich_message(msg: PostingNormalized) -> PostingEnriched:
    return enrich_posting(msg)
