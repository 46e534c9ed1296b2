"""Per-field counts and the rates reported by the evaluation.

For a field, ``n`` counts records whose truth has a value, ``given`` those of them where jobstream
gave one, ``correct`` those where it matched. Coverage = given/n, precision = correct/given,
recall = correct/n, wrong = (given - correct)/n. Skills are counted per truth tag instead
(micro-averaged): recall = tags matched / tags, precision = tags matched / tags of records where
jobstream gave any skill; extra skills are not counted wrong, since truth tags list only some.
In board-push mode, ``unstated`` counts records whose truth the pushed content does not state
(kept out of ``n``), and ``unstated_differs`` those of them where jobstream gave a value that does
not match the truth (a misreading, or the text saying otherwise than the source's field).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from jobstream.eval_match import correct, given, skill_hits
from jobstream.eval_truth import FIELDS


@dataclass
class FieldCount:
    n: int = 0
    given: int = 0
    correct: int = 0
    tags: int = 0
    tags_given: int = 0
    tags_hit: int = 0
    unstated: int = 0
    unstated_differs: int = 0
    misses: list[dict[str, Any]] = field(default_factory=list)

    def rates(self, name: str) -> dict[str, Any]:
        if name == "skills":
            return {
                "n": self.n,
                "coverage": _ratio(self.given, self.n),
                "precision": _ratio(self.tags_hit, self.tags_given),
                "recall": _ratio(self.tags_hit, self.tags),
                "wrong": None,
            }
        return {
            "n": self.n,
            "coverage": _ratio(self.given, self.n),
            "precision": _ratio(self.correct, self.given),
            "recall": _ratio(self.correct, self.n),
            "wrong": _ratio(self.given - self.correct, self.n),
        }


def _ratio(num: int, den: int) -> float | None:
    return round(num / den, 4) if den else None


@dataclass
class Tally:
    fields: dict[str, FieldCount] = field(default_factory=lambda: {f: FieldCount() for f in FIELDS})
    failures: list[tuple[str, str]] = field(default_factory=list)
    records: int = 0

    def add(
        self,
        record_id: str,
        doc: dict[str, Any] | None,
        truth: dict[str, Any],
        unstated: dict[str, Any] | None = None,
    ) -> None:
        """Score one record; ``doc`` is None when the pipeline failed on it. ``unstated`` holds
        the truth values the input does not state: counted apart, never in ``n``."""
        self.records += 1
        for name, want in (unstated or {}).items():
            count = self.fields[name]
            count.unstated += 1
            got = given(doc, name)
            if got is not None and not (
                skill_hits(got, want) == len(want) if name == "skills" else correct(name, got, want)
            ):
                count.unstated_differs += 1
        for name, want in truth.items():
            if want is None:
                continue
            count = self.fields[name]
            count.n += 1
            got = given(doc, name)
            if got is not None:
                count.given += 1
            if name == "skills":
                hits = skill_hits(got, want)
                count.tags += len(want)
                count.tags_hit += hits
                count.tags_given += len(want) if got else 0
                ok = hits == len(want)
            else:
                ok = correct(name, got, want)
                count.correct += ok
            if not ok:
                count.misses.append({"id": record_id, "given": _brief(got), "truth": _brief(want)})

    def summary(self) -> dict[str, Any]:
        return {
            "records": self.records,
            "fields": {name: count.rates(name) for name, count in self.fields.items()},
            "unstated": {
                name: {"n": count.unstated, "differs": count.unstated_differs}
                for name, count in self.fields.items()
                if count.unstated
            },
            "failures": [{"id": rid, "error": err} for rid, err in self.failures],
        }


def _brief(value: Any) -> Any:
    if isinstance(value, frozenset | set):
        return sorted(value)
    if isinstance(value, list) and value and isinstance(value[0], dict):
        return [v.get("name") for v in value]
    return value


def _pct(value: float | None) -> str:
    return "-" if value is None else f"{100 * value:.1f}"


def table(summary: dict[str, Any]) -> str:
    """The fixed-width table printed by the CLI."""
    lines = [
        f"{'field':<16}{'n':>6}{'cover%':>9}{'prec%':>9}{'recall%':>9}{'wrong%':>9}"
        f"{'unstated':>10}{'differs':>9}"
    ]
    unstated = summary.get("unstated") or {}
    for name, r in summary["fields"].items():
        u = unstated.get(name) or {"n": 0, "differs": 0}
        lines.append(
            f"{name:<16}{r['n']:>6}{_pct(r['coverage']):>9}{_pct(r['precision']):>9}"
            f"{_pct(r['recall']):>9}{_pct(r['wrong']):>9}{u['n']:>10}{u['differs']:>9}"
        )
    return "\n".join(lines)
