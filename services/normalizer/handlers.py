"""Normalizer: payload -> canonical fields and a fingerprint; unchanged re-deliveries stop here."""

from services.normalizer.fingerprint import fingerprint
from services.normalizer.formats import parse
from services.normalizer.ports import FingerprintStore
from shared.messages import PostingFetched, PostingNormalized
from shared.posting import NormalizedPosting


def normalize_payload(msg: PostingFetched) -> PostingNormalized:
    """The pure part, shared with `jobstream process`."""
    if msg.event == "close":
        posting, status = NormalizedPosting(), "closed"
    else:
        posting, status = parse(msg.format, msg.payload, url=msg.url), "open"
    return PostingNormalized(
        **msg.carried(),
        posting=posting,
        fingerprint=fingerprint(posting, status),
    )


async def normalize(
    msg: PostingFetched, fingerprints: FingerprintStore
) -> PostingNormalized | None:
    normalized = normalize_payload(msg)
    if await fingerprints.current(msg.posting_id) == normalized.fingerprint:
        return None
    return normalized
