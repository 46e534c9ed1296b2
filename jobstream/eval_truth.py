"""What a labelled record's truth says, per evaluated field, in jobstream's vocabulary.

Truth keys follow the labelled-set schema (``location_country``, ``salary_min``,
``seniority_source``...). Values a source spells its own way are mapped to the posting document's
enums; a source value that maps to more than one enum (SmartRecruiters' ``mid_senior_level``)
becomes the set of values a correct extraction may give.

A truth value that the source computed from the posting's own text rather than held in a field is
not truth: JobSpy sets Indeed's ``is_remote`` when "remote", "wfh" or "work from home" occurs
anywhere in the description or location ("remotely monitor the site", "Remote Hands requests"),
so a JobSpy workplace of "remote" (``truth_source_fields["remote"] == "is_remote==True"``) is
dropped.
"""

from __future__ import annotations

from typing import Any

from jobstream.eval_norm import country_code

FIELDS = (
    "title",
    "company",
    "employment_type",
    "country",
    "city",
    "salary",
    "seniority",
    "experience",
    "skills",
    "workplace",
    "education",
)

_EMPLOYMENT = {
    "full_time": "FULL_TIME",
    "fulltime": "FULL_TIME",
    "full time": "FULL_TIME",
    "full-time": "FULL_TIME",
    "part_time": "PART_TIME",
    "parttime": "PART_TIME",
    "part time": "PART_TIME",
    "part-time": "PART_TIME",
    "contract": "CONTRACTOR",
    "contractor": "CONTRACTOR",
    "temporary": "TEMPORARY",
    "internship": "INTERN",
    "intern": "INTERN",
}
_SENIORITY = {
    "intern": {"intern"},
    "internship": {"intern"},
    "trainee": {"intern"},
    "entry_level": {"junior"},
    "junior": {"junior"},
    "mid": {"mid"},
    "associate": {"mid"},
    "mid_senior_level": {"mid", "senior"},
    "senior": {"senior"},
    "lead": {"lead"},
    "principal": {"principal"},
    "manager": {"manager"},
    "director": {"director"},
    "executive": {"executive"},
}
_WORKPLACE = {
    "remote": "remote",
    "hybrid": "hybrid",
    "onsite": "onsite",
    "on_site": "onsite",
    "office": "onsite",
}
# hh.ru's experience buckets: the employer picked a range, so any minimum inside it is right.
_EXPERIENCE_BUCKETS = {
    "noExperience": (0.0, 0.0),
    "between1And3": (1.0, 3.0),
    "between3And6": (3.0, 6.0),
    "moreThan6": (6.0, float("inf")),
}
_PERIOD = {"hour": "HOUR", "day": "DAY", "week": "WEEK", "month": "MONTH", "year": "YEAR"}
# Source fields derived by keyword search of the text: not a statement of the value.
_TEXT_DERIVED = {("remote", "is_remote==True")}
# Sources that use a pre-1998 code for the same currency.
_CURRENCY = {"RUR": "RUB", "BYR": "BYN"}  # hh writes withdrawn codes for today's currencies


def _as_list(value: Any) -> list[Any]:
    if value is None or value == "" or value == []:
        return []
    return list(value) if isinstance(value, list | tuple | set | frozenset) else [value]


def _mapped(values: Any, table: dict[str, Any]) -> frozenset[str]:
    out: set[str] = set()
    for value in _as_list(values):
        hit = table.get(str(value).strip().casefold())
        if isinstance(hit, set):
            out |= hit
        elif hit:
            out.add(hit)
    return frozenset(out)


def currency(code: Any) -> str | None:
    if not code:
        return None
    text = str(code).strip().upper()
    return _CURRENCY.get(text, text)


def _salary(truth: dict[str, Any]) -> dict[str, Any] | None:
    low, high = truth.get("salary_min"), truth.get("salary_max")
    if low is None and high is None:
        return None
    period = _PERIOD.get(str(truth.get("salary_period") or "").casefold())
    return {
        "min": float(low) if low is not None else None,
        "max": float(high) if high is not None else None,
        "currency": currency(truth.get("salary_currency")),
        "period": period,
    }


def _experience(truth: dict[str, Any]) -> tuple[float, float] | None:
    """(lowest, highest) min_years a correct extraction may give."""
    bucket = _EXPERIENCE_BUCKETS.get(str(truth.get("experience_bucket_source")))
    if bucket:
        return bucket
    years = truth.get("experience_years_min")
    return (float(years), float(years)) if years is not None else None


def _countries(truth: dict[str, Any]) -> frozenset[str]:
    codes = (country_code(str(v)) for v in _as_list(truth.get("location_country")))
    return frozenset(code for code in codes if code)


def _cities(truth: dict[str, Any]) -> tuple[str, ...]:
    names = _as_list(truth.get("location_city")) + _as_list(truth.get("location_cities"))
    return tuple(str(n) for n in names if str(n).strip() and str(n).casefold() != "remote")


def expected(truth: dict[str, Any], sources: dict[str, Any] | None = None) -> dict[str, Any]:
    """Field -> expected value, or None where the truth states nothing for that field.
    ``sources`` is the record's ``truth_source_fields``, to drop text-derived values."""
    if sources:
        truth = {
            key: value
            for key, value in truth.items()
            if (key, str(sources.get(key))) not in _TEXT_DERIVED
        }
    employment = _mapped(truth.get("employment_type"), _EMPLOYMENT) or _mapped(
        truth.get("employment_type_source"), _EMPLOYMENT
    )
    seniority = _mapped(truth.get("seniority"), _SENIORITY) or _mapped(
        truth.get("seniority_source"), _SENIORITY
    )
    skills = _as_list(truth.get("skills")) or _as_list(truth.get("skills_required"))
    values: dict[str, Any] = {
        "title": (truth.get("title") or "").strip() or None,
        "company": (truth.get("company") or "").strip() or None,
        "employment_type": employment or None,
        "country": _countries(truth) or None,
        "city": _cities(truth) or None,
        "salary": _salary(truth),
        "seniority": seniority or None,
        "experience": _experience(truth),
        "skills": [str(s) for s in skills] or None,
        "workplace": _mapped(truth.get("remote"), _WORKPLACE) or None,
        "education": frozenset(_as_list(truth.get("education_level"))) or None,
    }
    return values
