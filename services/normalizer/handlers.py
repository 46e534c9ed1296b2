"""Normalizer: payload -> canonical fields and a fingerprint; unchanged re-deliveries stop here."""

from services.normalizer.dedup import Clusterer
from services.normalizer.fingerprint import fingerprint
from services.normalizer.formats import detect_format, parse
from services.normalizer.ports import FingerprintStore
from shared.messages import PostingFetched, PostingNormalized
from shared.posting import NormalizedPosting, Origin

ATS_FORMATS = frozenset(
    {"greenhouse", "lever", "ashby", "workable", "smartrecruiters", "recruitee", "personio"}
)
"""Formats only an employer's own applicant tracking system speaks: the canonical copy of a job."""


def resolved_format(msg: PostingFetched) -> str:
    """The payload's format: detected, once, when the source said 'auto'."""
    if msg.format == "auto" and msg.event != "close":
        return detect_format(msg.payload)
    return msg.format


def origin_of(fmt: str) -> Origin:
    return "ats" if fmt in ATS_FORMATS else "board"


def normalize_payload(msg: PostingFetched, fmt: str | None = None) -> PostingNormalized:
    """The pure part, shared with `jobstream process`; ``fmt`` is the resolved format if known."""
    if msg.event == "close":
        posting, status = NormalizedPosting(), "closed"
    else:
        fmt = fmt or resolved_format(msg)
        posting, status = parse(fmt, msg.payload, url=msg.url), "open"
    return PostingNormalized(
        **msg.carried(),
        posting=posting,
        fingerprint=fingerprint(posting, status),
    )


async def normalize(
    msg: PostingFetched, fingerprints: FingerprintStore, clusters: Clusterer | None = None
) -> PostingNormalized | None:
    """None for unchanged content; otherwise the canonical posting and, for an upsert, its cluster.

    The cluster is assigned only after the unchanged check, so a redelivery costs no lookup.
    """
    fmt = resolved_format(msg)
    normalized = normalize_payload(msg, fmt)
    if await fingerprints.current(msg.posting_id) == normalized.fingerprint:
        return None
    if clusters is None or msg.event == "close":
        return normalized
    dedup = await clusters.assign(msg.posting_id, normalized.posting, origin=origin_of(fmt))
    return normalized.model_copy(update={"dedup": dedup})
