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
    posting, enrichment = msg.posting, msg.enrichment
    fields = enrichment.model_dump(mode="python", exclude={"provenance", "enrichment_version"})
    return {
        "_id": msg.posting_id,
        "id": msg.posting_id,
        "source": {"name": msg.source, "external_id": msg.external_id, "url": posting.url},
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
    }
