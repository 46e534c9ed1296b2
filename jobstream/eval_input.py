"""Turn a labelled record's raw source object into the record ``process_record`` takes.

Board-push mode hands the pipeline only what a job board pushes (title, company, one location
string, the description as the source has it), so the fields measured are the ones jobstream reads
out of text. Native mode hands formats jobstream parses natively as they are.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from typing import Any

Raw = dict[str, Any]

NATIVE_FORMATS = {
    "greenhouse_job_board_api": "greenhouse",
    "lever_postings_api": "lever",
    "ashby_posting_api": "ashby",
    "smartrecruiters_postings_api_list": "smartrecruiters",
    "workable_widget_api": "workable",
    "jobtech_search_hit": "jobtech",
    "jobspy_csv_indeed": "jobspy",
    "hh_api_vacancy_full": "hh",
    "hh_api_search_item": "hh",
    "nofluffjobs_api_search": "nofluffjobs",
    "rocketjobs_api_list": "justjoin",
    "seed_text": "text",
}


def _get(raw: Any, *path: str) -> Any:
    for key in path:
        if not isinstance(raw, dict):
            return None
        raw = raw.get(key)
    return raw


def _join(*parts: Any, sep: str = ", ") -> str | None:
    text = sep.join(str(p).strip() for p in parts if p and str(p).strip())
    return text or None


def _indeed(raw: Raw) -> tuple[Any, ...]:
    return raw.get("title"), raw.get("company"), raw.get("location"), raw.get("description")


def _hh_full(raw: Raw) -> tuple[Any, ...]:
    return (
        raw.get("name"),
        _get(raw, "employer", "name"),
        _get(raw, "area", "name"),
        raw.get("description"),
    )


def _hh_item(raw: Raw) -> tuple[Any, ...]:
    # A search item carries only the snippet: that is all a board listing would push.
    snippet = _join(_get(raw, "snippet", "requirement"), _get(raw, "snippet", "responsibility"))
    return raw.get("name"), _get(raw, "employer", "name"), _get(raw, "area", "name"), snippet


def _greenhouse(raw: Raw) -> tuple[Any, ...]:
    # The Job Board API sends content HTML-escaped once more; a board would push the HTML.
    content = html.unescape(raw["content"]) if raw.get("content") else None
    return raw.get("title"), raw.get("company_name"), _get(raw, "location", "name"), content


def _lever(raw: Raw) -> tuple[Any, ...]:
    parts = [raw.get("description") or ""]
    for block in raw.get("lists") or []:
        parts.append(f"<h3>{block.get('text') or ''}</h3><ul>{block.get('content') or ''}</ul>")
    parts += [raw.get("additional") or "", raw.get("salaryDescription") or ""]
    body = "\n".join(p for p in parts if p.strip()) or None
    return raw.get("text"), None, _get(raw, "categories", "location"), body


def _ashby(raw: Raw) -> tuple[Any, ...]:
    return raw.get("title"), None, raw.get("location"), raw.get("descriptionHtml")


def _smartrecruiters(raw: Raw) -> tuple[Any, ...]:
    loc = raw.get("location") or {}
    where = _join(loc.get("city"), loc.get("region"), loc.get("country"))
    return raw.get("name"), _get(raw, "company", "name"), where, None


def _workable(raw: Raw) -> tuple[Any, ...]:
    return raw.get("title"), None, _join(raw.get("city"), raw.get("country")), None


def _nofluffjobs(raw: Raw) -> tuple[Any, ...]:
    places = _get(raw, "location", "places") or [{}]
    first = places[0]
    where = _join(first.get("city"), _get(first, "country", "name"))
    return raw.get("title"), raw.get("name"), where, None


def _rocketjobs(raw: Raw) -> tuple[Any, ...]:
    return raw.get("title"), raw.get("companyName"), raw.get("city"), None


def _jobtech(raw: Raw) -> tuple[Any, ...]:
    where = _join(_get(raw, "arbetsplatsadress", "kommun"), _get(raw, "arbetsplatsadress", "land"))
    text = _get(raw, "beskrivning", "annonstext")
    return raw.get("rubrik"), _get(raw, "arbetsgivare", "namn"), where, text


def _seed_text(raw: Any) -> tuple[Any, ...]:
    return None, None, None, raw


BOARD_PUSH: dict[str, Callable[[Any], tuple[Any, ...]]] = {
    "jobspy_csv_indeed": _indeed,
    "hh_api_vacancy_full": _hh_full,
    "hh_api_search_item": _hh_item,
    "greenhouse_job_board_api": _greenhouse,
    "lever_postings_api": _lever,
    "ashby_posting_api": _ashby,
    "smartrecruiters_postings_api_list": _smartrecruiters,
    "workable_widget_api": _workable,
    "nofluffjobs_api_search": _nofluffjobs,
    "rocketjobs_api_list": _rocketjobs,
    "jobtech_search_hit": _jobtech,
    "seed_text": _seed_text,
}


def board_push(source_format: str, raw: Any) -> dict[str, Any]:
    """The generic payload a board would push for this raw object (empty values dropped)."""
    if source_format not in BOARD_PUSH:
        raise ValueError(f"no board-push mapping for source_format {source_format!r}")
    title, company, location, description = BOARD_PUSH[source_format](raw)
    payload = {"title": title, "company": company, "location": location, "description": description}
    return {key: value for key, value in payload.items() if value not in (None, "")}


def pipeline_record(record: dict[str, Any], *, board: bool) -> dict[str, Any]:
    """The ``process_record`` input for a labelled record, in board-push or native mode."""
    source_format = str(record["source_format"])
    native = None if board else NATIVE_FORMATS.get(source_format)
    if native:
        fmt, payload = native, record["raw"]
    else:
        fmt, payload = "generic", board_push(source_format, record["raw"])
    record_id = str(record.get("id") or "")
    return {
        "source": record_id.split(":", 1)[0] or source_format,
        "format": fmt,
        "payload": payload,
        "external_id": record_id.split(":", 1)[-1] or None,
    }
