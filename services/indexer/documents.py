"""The posting document as stored and announced (DESIGN.md: the posting document)."""

import re
from datetime import datetime
from typing import Any

from shared.messages import PostingEnriched

_WORD = re.compile(r"[^\W_]+(?:[.+#][^\W_]*)*", re.UNICODE)


def keywords(msg: PostingEnriched) -> list[str]:
    """Multikey search terms: title words, skill ids and names (``$text`` is not available)."""
    words = {w.lower() for w in _WORD.findall(msg.enrichment.title or msg.posting.title or "")}
    for skill in msg.enrichment.skills:
        words.add(skill.id)
        words.add(skill.name.lower())
    return sorted(w for w in words if len(w) > 1)


def build_document(msg: PostingEnriched, indexed_at: datetime) -> dict[str, Any]:
    posting, enrichment, dedup = msg.posting, msg.enrichment, msg.dedup
    fields = enrichment.model_dump(mode="python", exclude={"provenance", "enrichment_version"})
    source = {"name": msg.source, "external_id": msg.external_id, "url": posting.url}
    clustering: dict[str, Any] = {}
    if dedup is not None:  # a close carries none: the posting keeps its cluster
        source["canonical_url"] = dedup.canonical_url
        clustering = {
            "cluster_id": dedup.cluster_id,
            "duplicate_of": dedup.duplicate_of,
            "dedup": dedup.model_dump(
                mode="python", exclude={"cluster_id", "duplicate_of", "canonical_url"}
            ),
        }
    return {
        "_id": msg.posting_id,
        "id": msg.posting_id,
        "source": source,
        "status": "closed" if msg.event == "close" else "open",
        **fields,
        "title": enrichment.title or posting.title,
        "company": {"name": posting.company} if posting.company else None,
        "department": posting.department,
        "date_posted": posting.date_posted,
        "valid_through": posting.valid_through,
        "description": posting.description.model_dump(mode="python"),
        "provenance": {k: v.model_dump(mode="python") for k, v in enrichment.provenance.items()},
        "keywords": keywords(msg),
        "fingerprint": msg.fingerprint,
        "version": msg.version,
        "received_at": msg.received_at,
        "indexed_at": indexed_at,
        "enrichment_version": enrichment.enrichment_version,
        **clustering,
    }


MEMBER = dict.fromkeys(
    ("source", "status", "first_indexed_at", "indexed_at", "dedup", "duplicate_of"), 1
)
"""The fields of a posting that its cluster document lists."""


def _seen(member: dict[str, Any], name: str) -> datetime | None:
    value = member.get(name)
    return value if isinstance(value, datetime) else None


def cluster_document(
    cluster_id: str, members: list[dict[str, Any]], updated_at: datetime
) -> dict[str, Any]:
    """Every indexed copy of one job, and the canonical one: open first, then the employer's own
    ATS, then the first seen."""
    rows = []
    for m in members:
        source, dedup = m.get("source") or {}, m.get("dedup") or {}
        rows.append(
            {
                "posting_id": m["_id"],
                "source": source.get("name"),
                "external_id": source.get("external_id"),
                "url": source.get("url"),
                "canonical_url": source.get("canonical_url"),
                "origin": dedup.get("origin", "board"),
                "status": m.get("status"),
                "first_seen": _seen(m, "first_indexed_at"),
                "last_seen": _seen(m, "indexed_at"),
                "duplicate_of": m.get("duplicate_of"),
                "kind": dedup.get("kind"),
                "similarity": dedup.get("similarity"),
                "rule": dedup.get("rule"),
            }
        )
    rows.sort(key=lambda r: (r["first_seen"] or updated_at, r["posting_id"]))
    canonical = min(
        rows,
        key=lambda r: (r["status"] != "open", r["origin"] != "ats", rows.index(r)),
        default=None,
    )
    return {
        "_id": cluster_id,
        "cluster_id": cluster_id,
        "size": len(rows),
        "canonical_id": canonical["posting_id"] if canonical else None,
        "members": rows,
        "updated_at": updated_at,
    }
