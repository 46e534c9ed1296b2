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


def origin(msg: PostingFetched) -> Origin:
    fmt = detect_format(msg.payload) if msg.format == "auto" else msg.format
    return "ats" if fmt in ATS_FORMATS else "board"


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
    msg: PostingFetched, fingerprints: FingerprintStore, clusters: Clusterer | None = None
) -> PostingNormalized | None:
    """None for unchanged content; otherwise the canonical posting and, for an upsert, its cluster.

    The cluster is assigned only after the unchanged check, so a redelivery costs no lookup.
    """
    normalized = normalize_payload(msg)
    if await fingerprints.current(msg.posting_id) == normalized.fingerprint:
        return None
    if clusters is None or msg.event == "close":
        return normalized
    dedup = await clusters.assign(msg.posting_id, normalized.posting, origin=origin(msg))
    return normalized.model_copy(update={"dedup": dedup})
