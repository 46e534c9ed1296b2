"""What the clusterer compares of a posting, computed once when it arrives and kept in the index."""

from __future__ import annotations

import base64
import hashlib
from dataclasses import dataclass
from typing import Any

from shared.posting import NormalizedPosting

from . import keys
from .canonical import board_company, canonical_url
from .sketch import Sketch, sketch
from .words import word_hashes, words_digest


@dataclass(frozen=True, slots=True)
class Features:
    content_hash: str  # normalized title + company + description words
    canonical_url: str | None
    company: str | None  # company key; from the ATS URL's slug when the posting names none
    title: tuple[str, ...]
    places: tuple[str, ...]
    department: frozenset[str]
    posted: float | None  # date_posted as epoch seconds
    sketch: Sketch | None

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "h": self.content_hash,
            "u": self.canonical_url,
            "c": self.company,
            "t": list(self.title),
            "p": list(self.places),
            "d": sorted(self.department),
            "dt": self.posted,
        }
        if self.sketch is not None:
            data["s"] = base64.b64encode(self.sketch.to_bytes()).decode()
            data["n"] = self.sketch.shingles
        return data

    def gist_json(self) -> dict[str, Any]:
        """The fields without the signature: what ``rules.viable`` reads, ~10x smaller."""
        return {k: v for k, v in self.to_json().items() if k not in ("s", "n")}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Features:
        signature = data.get("s")
        return cls(
            content_hash=data["h"],
            canonical_url=data.get("u"),
            company=data.get("c"),
            title=tuple(data.get("t") or ()),
            places=tuple(data.get("p") or ()),
            department=frozenset(data.get("d") or ()),
            posted=data.get("dt"),
            sketch=Sketch.from_bytes(base64.b64decode(signature), int(data["n"]))
            if signature
            else None,
        )


def extract(posting: NormalizedPosting) -> Features:
    url = canonical_url(posting.url)
    company = keys.company_key(posting.company) or keys.company_key(board_company(url))
    title = keys.title_words(posting.title)
    words = word_hashes(posting.description.text)
    content = hashlib.blake2b(digest_size=16)
    for part in (" ".join(title).encode(), (company or "").encode(), words_digest(words)):
        content.update(len(part).to_bytes(4, "little") + part)
    return Features(
        content_hash=content.hexdigest(),
        canonical_url=url,
        company=company,
        title=title,
        places=keys.place_keys(posting.locations),
        department=keys.department_words(posting.department),
        posted=posting.date_posted.timestamp() if posting.date_posted else None,
        sketch=sketch(words),
    )
