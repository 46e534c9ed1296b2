"""When is an indexed posting a copy of the one arriving: the rules and their evidence.

Levels, strongest first: the same canonical content (normalized title, company and description
words); the same canonical URL with a compatible title; near-identical descriptions (MinHash
estimate) of the same company under a compatible title, with a stricter bar when neither names
one. Every level is vetoed by the field rules: another company, places that do not overlap,
other departments, or dates too far apart.
"""

from __future__ import annotations

from dataclasses import dataclass

from shared.posting import DuplicateKind

from . import keys
from .features import Features
from .sketch import containment, jaccard

SAME_CONTENT = "same-content"
SAME_URL = "same-url"
NEAR_TEXT = "near-text"
CONTAINED_TEXT = "contained-text"
_PRIORITY = {SAME_CONTENT: 0, SAME_URL: 1, NEAR_TEXT: 2, CONTAINED_TEXT: 2}
_DAY_S = 86_400.0


@dataclass(frozen=True, slots=True)
class Thresholds:
    """``near_jaccard``: estimated Jaccard of description shingles for a near copy.
    ``containment`` with at least ``min_jaccard``: a copy with part of the text trimmed away
    (boilerplate), most of its shingles found in the other posting. ``anonymous_jaccard``: the
    bar when neither posting names its employer (a board's text push), where text is all there
    is to go on."""

    window_days: int = 60
    near_jaccard: float = 0.6
    containment: float = 0.75
    min_jaccard: float = 0.25
    anonymous_jaccard: float = 0.8


@dataclass(frozen=True, slots=True)
class Match:
    posting_id: str
    kind: DuplicateKind
    rule: str
    similarity: float | None

    def rank(self) -> tuple[int, float, str]:
        """Sort key: the strongest rule, then the most similar, then the smallest id."""
        return _PRIORITY[self.rule], -(self.similarity or 0.0), self.posting_id


def viable(new: Features, old: Features, limits: Thresholds) -> bool:
    """Whether ``old`` may be a copy of ``new`` at all, from the fields alone (no signature):
    the field rules, and a compatible title unless the content is the same."""
    if not compatible(new, old, limits.window_days):
        return False
    # The same content has the same title words; any other copy needs a compatible title, which
    # is checked before the similarity: most candidates of a company are its other jobs.
    return new.content_hash == old.content_hash or keys.titles_compatible(new.title, old.title)


def compare(new: Features, old: Features, old_id: str, limits: Thresholds) -> Match | None:
    """The rule by which ``old`` is a copy of ``new``, or None."""
    if not viable(new, old, limits):
        return None
    same_content = new.content_hash == old.content_hash
    similarity = None
    if new.sketch is not None and old.sketch is not None:
        similarity = jaccard(new.sketch, old.sketch)
    evidence = None if similarity is None else round(similarity, 3)
    if same_content:
        return Match(old_id, "same_content", SAME_CONTENT, evidence)
    if new.canonical_url is not None and new.canonical_url == old.canonical_url:
        return Match(old_id, "near", SAME_URL, evidence)
    if new.sketch is None or old.sketch is None or similarity is None:
        return None
    if new.company is None and old.company is None:
        if similarity >= limits.anonymous_jaccard:
            return Match(old_id, "near", NEAR_TEXT, evidence)
        return None
    if new.company is None or old.company is None:
        return None
    if similarity >= limits.near_jaccard:
        return Match(old_id, "near", NEAR_TEXT, evidence)
    if (
        similarity >= limits.min_jaccard
        and containment(new.sketch, old.sketch, similarity) >= limits.containment
    ):
        return Match(old_id, "near", CONTAINED_TEXT, evidence)
    return None


def compatible(a: Features, b: Features, window_days: int) -> bool:
    """The field rules: nothing stated on both sides says these are different jobs."""
    if a.company is not None and b.company is not None and a.company != b.company:
        return False
    if not keys.places_overlap(a.places, b.places):
        return False
    if not keys.departments_compatible(a.department, b.department):
        return False
    return a.posted is None or b.posted is None or abs(a.posted - b.posted) <= window_days * _DAY_S
