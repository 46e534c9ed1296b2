"""Filters -> MongoDB aggregation pipelines in which an index drives every query.

A pipeline starts with a ``$match`` on ONE indexed field (the driving clause, picked by
selectivity), then a second ``$match`` with every other condition. MongoDB coalesces the two
and plans freely; SecantusDB's planner only uses an index for a single-field (or compound
prefix) filter, so the split is what makes every query an index scan on both.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from services.api.cursor import Position, after
from services.api.filters import SORT_FIELDS, PostingFilter, SearchParams

Clause = dict[str, Any]
INTERNAL = {"keywords": 0}
"""Fields no reader sees (``_id`` stays for the cursor; ``id`` is the public one)."""

_WORD = re.compile(r"[^\W_]+(?:[.+#][^\W_]*)*", re.UNICODE)
# Most selective first: the first present one drives the query.
_DRIVERS = (
    "skills.id",
    "keywords",
    "locations.city",
    "locations.country",
    "source.name",
    "employment_type",
    "seniority",
    "workplace",
)


@dataclass(frozen=True)
class Keyed:
    """A condition on one indexed field, usable as the driving clause."""

    field: str
    condition: Any

    def clause(self) -> Clause:
        return {self.field: self.condition}


def _any(values: Sequence[str]) -> Any:
    return values[0] if len(values) == 1 else {"$in": values}


def _skill_clauses(f: PostingFilter) -> tuple[list[Keyed], list[Clause]]:
    """Ids match ``skills.id``; a name rides the ``keywords`` index, then matches exactly."""
    keyed: list[Keyed] = []
    ids = [s for s in f.skill if ":" in s]
    names = [s.strip() for s in f.skill if ":" not in s and s.strip()]
    by_name = [{"skills.name": {"$regex": f"^{re.escape(n)}$", "$options": "i"}} for n in names]
    if f.skill_match == "all":
        keyed += [Keyed("skills.id", i) for i in ids]
        keyed += [Keyed("keywords", n.lower()) for n in names]
        return keyed, by_name
    if ids and not names:
        return [Keyed("skills.id", _any(ids))], []
    if names and not ids:
        return [Keyed("keywords", _any([n.lower() for n in names]))], [{"$or": by_name}]
    if not ids:
        return [], []
    return [], [{"$or": [{"skills.id": {"$in": ids}}, *by_name]}]


def _salary(f: PostingFilter) -> list[Clause]:
    out: list[Clause] = []
    if f.salary_min is not None:
        # A posting stating only a minimum still reaches the asked pay if that minimum does.
        out.append(
            {
                "$or": [
                    {"salary.annual_max": {"$gte": f.salary_min}},
                    {"salary.annual_max": None, "salary.annual_min": {"$gte": f.salary_min}},
                ]
            }
        )
    if f.salary_max is not None:
        out.append({"salary.annual_min": {"$lte": f.salary_max}})
    if f.currency:
        out.append({"salary.currency": f.currency})
    return out


def conditions(f: PostingFilter) -> tuple[list[Keyed], list[Clause]]:
    """Indexed conditions and the rest; together they are the filter (an AND of all)."""
    keyed, rest = _skill_clauses(f)
    words = sorted({w.lower() for w in _WORD.findall(f.keyword or "")})
    keyed += [Keyed("keywords", w) for w in words]
    for field, values in (
        ("locations.city", f.city),
        ("locations.country", f.country),
        ("source.name", f.source),
        ("employment_type", f.employment_type),
        ("seniority", f.seniority),
        ("workplace", f.workplace),
    ):
        if values:
            keyed.append(Keyed(field, _any(values)))
    if f.city and f.country:
        # "Berlin, DE" means one location in both, not a Berlin somewhere and an office in DE.
        same = {"city": {"$in": f.city}, "country": {"$in": f.country}}
        rest.append({"locations": {"$elemMatch": same}})
    if f.max_experience is not None:
        rest.append({"experience.min_years": {"$lte": f.max_experience}})
    return keyed, rest + _salary(f)


def _status(f: PostingFilter, since: datetime | None) -> Clause:
    status: Any = {"$in": ["open", "closed"]} if f.status == "any" else f.status
    clause: Clause = {"status": status}
    if since is not None:
        clause["date_posted"] = {"$gte": since}
    return clause


def split(f: PostingFilter, since: datetime | None) -> tuple[Clause, list[Clause]]:
    """The driving ``$match`` and the remaining ones."""
    keyed, rest = conditions(f)
    status = _status(f, since)
    ranked = sorted(keyed, key=lambda k: _DRIVERS.index(k.field))
    if ranked:
        return ranked[0].clause(), [k.clause() for k in ranked[1:]] + [status, *rest]
    if f.status == "any" and since is not None:
        # No compound prefix for a $in status and a date range: drive by status alone.
        return {"status": status["status"]}, [{"date_posted": status["date_posted"]}, *rest]
    return status, rest


def _pipeline_head(driving: Clause, rest: list[Clause]) -> list[dict[str, Any]]:
    head: list[dict[str, Any]] = [{"$match": driving}]
    if rest:
        head.append({"$match": {"$and": rest}})
    return head


def search_pipeline(params: SearchParams, position: Position | None) -> list[dict[str, Any]]:
    driving, rest = split(params, params.posted_since)
    field, direction = sort_of(params.sort)
    if position is not None:
        rest = [*rest, after(field, direction, position)]
    return [
        *_pipeline_head(driving, rest),
        {"$sort": {field: direction, "_id": direction}},
        {"$limit": params.limit + 1},
        {"$project": INTERNAL},
    ]


def sort_of(sort: str) -> tuple[str, int]:
    return SORT_FIELDS[sort.removeprefix("-")], -1 if sort.startswith("-") else 1


def stats_head(f: PostingFilter, since: datetime) -> list[dict[str, Any]]:
    return _pipeline_head(*split(f, since))
