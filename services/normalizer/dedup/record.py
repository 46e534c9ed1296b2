"""What the index keeps per posting: its cluster, the evidence it joined with, its features."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field

import orjson

from shared.posting import DuplicateKind

from .features import Features


@dataclass(frozen=True, slots=True)
class StoredPosting:
    posting_id: str
    cluster_id: str
    features: Features
    bands: tuple[str, ...] = ()
    kind: DuplicateKind = "new"
    duplicate_of: str | None = None
    similarity: float | None = None
    rule: str | None = None

    def to_bytes(self) -> bytes:
        return orjson.dumps(
            {
                "id": self.posting_id,
                "cluster": self.cluster_id,
                "kind": self.kind,
                "of": self.duplicate_of,
                "sim": self.similarity,
                "rule": self.rule,
                "bands": list(self.bands),
                "f": self.features.to_json(),
            }
        )

    def gist_bytes(self) -> bytes:
        """The features without the signature, kept beside the record for a cheap first look."""
        return orjson.dumps(self.features.gist_json())

    @classmethod
    def from_bytes(cls, data: bytes) -> StoredPosting:
        raw = orjson.loads(data)
        return cls(
            posting_id=raw["id"],
            cluster_id=raw["cluster"],
            features=Features.from_json(raw["f"]),
            bands=tuple(raw.get("bands") or ()),
            kind=raw.get("kind") or "new",
            duplicate_of=raw.get("of"),
            similarity=raw.get("sim"),
            rule=raw.get("rule"),
        )

    def set_keys(self) -> tuple[str, ...]:
        """The lookup sets this posting belongs to: its exact sets (content, URL), then its
        band sets (``b:...``)."""
        # The same text posted for several places is several jobs: the content set is per place.
        places = hashlib.blake2b("|".join(sorted(self.features.places)).encode(), digest_size=6)
        found = [f"h:{self.features.content_hash}:{places.hexdigest()}"]
        if self.features.canonical_url is not None:
            found.append(f"u:{url_key(self.features.canonical_url)}")
        found.extend(f"b:{band}" for band in self.bands)
        return tuple(found)


def url_key(url: str) -> str:
    return hashlib.blake2b(url.encode(), digest_size=12).hexdigest()


@dataclass(slots=True)
class Lookup:
    """What the index holds that may concern an arriving posting: its own earlier record, the
    members of its exact sets (content, URL), and the members of its band sets ranked by how
    many bands they share with it (more shared bands, higher Jaccard similarity), then by id."""

    own: StoredPosting | None = None
    exact: list[str] = field(default_factory=list)
    near: list[str] = field(default_factory=list)
    lock: str = ""  # the lock held until ``ClusterIndex.close``
    token: str = ""  # proves the holder
    records: dict[str, StoredPosting] = field(default_factory=dict)
    """Candidates' records fetched with the lookup (the first of ``candidates``), by id."""
    prefetched: frozenset[str] = frozenset()
    """The ids whose records the lookup asked for: found in ``records``, or gone (expired)."""
    gists: dict[str, Features] = field(default_factory=dict)
    """Candidates' features without signatures (``Features.gist_json``), by id: enough to rule
    most of them out before their records are fetched."""

    def candidates(self, posting_id: str) -> list[str]:
        """The ids to compare, in order: the exact members, then the band members; never the
        posting itself."""
        queue = dict.fromkeys(pid for pid in (*self.exact, *self.near) if pid != posting_id)
        return list(queue)


class ClusterLockTimeout(Exception):
    """Another replica held the lock for too long; the message is retried (not permanent)."""
