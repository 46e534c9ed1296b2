"""What every format parser shares: field access, dates, and the Draft that records provenance."""

from __future__ import annotations

import hashlib
import html
from collections.abc import Iterable
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from typing import Any

import orjson

from shared.errors import InvalidPayload
from shared.posting import Description, NormalizedPosting, SalaryHint

from ..sections import build_sections, mark_text_headings
from ..text import Line, decode_escaped_markup, html_to_lines, looks_like_html, text_to_lines
from .labels import read_labels

# Fields recorded in hint_fields with their source; title, company and url are not hints.
HINTS = frozenset(
    {
        "employment_type",
        "workplace",
        "salary",
        "department",
        "skills",
        "experience",
        "seniority",
        "education",
        "country_hint",
        "date_posted",
        "valid_through",
        "locations",
        "language",
    }
)


def get(obj: Any, path: str) -> Any:
    """obj["a"]["b"] for path "a.b", None when any step is missing or not a mapping."""
    for key in path.split("."):
        if not isinstance(obj, dict):
            return None
        obj = obj.get(key)
    return obj


def mapping(value: Any) -> dict[str, Any]:
    """value when it is a JSON object, else an empty one (absent or malformed sub-objects)."""
    return value if isinstance(value, dict) else {}


def string(value: Any) -> str | None:
    """A non-empty stripped string, entities decoded; None for anything else."""
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, int | float):
        return None if value != value else str(value)  # NaN: an empty cell of a CSV export
    if not isinstance(value, str):
        return None
    text = " ".join(html.unescape(value).split()) if "&" in value else " ".join(value.split())
    return text or None


def strings(values: Iterable[Any]) -> list[str]:
    """Non-empty strings in order, without duplicates."""
    seen: dict[str, None] = {}
    for value in values:
        text = string(value)
        if text is not None:
            seen.setdefault(text, None)
    return list(seen)


def place(*parts: Any) -> str | None:
    """One place from its structured parts, most specific first ("Lisbon", "Lisbon", "Portugal"
    reads "Lisbon, Portugal": a region named as its city adds nothing)."""
    names: list[str] = []
    for part in strings(parts):
        if part.casefold() not in (name.casefold() for name in names):
            names.append(part)
    return ", ".join(names) or None


def number(value: Any) -> float | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        return float(value) if value == value else None
    if isinstance(value, str):
        try:
            return float(value.replace(",", "").replace(" ", ""))
        except ValueError:
            return None
    return None


def parse_date(value: Any) -> datetime | None:
    """ISO 8601, RFC 2822 or epoch (ms or s) into an aware datetime; None when unreadable."""
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, int | float):
        if value != value:
            return None
        seconds = value / 1000 if value > 1e11 else value
        try:
            return datetime.fromtimestamp(seconds, tz=UTC)
        except (OverflowError, OSError, ValueError):
            return None
    if not isinstance(value, str) or not (text := value.strip()):
        return None
    if text.endswith(" UTC"):
        text = text[:-4] + "+00:00"
    parsed: datetime | None
    try:
        parsed = datetime.fromisoformat(text)
    except ValueError:
        try:
            parsed = parsedate_to_datetime(text)
        except (TypeError, ValueError, IndexError):
            parsed = _written_date(text)
    if parsed is None:
        return None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


def _written_date(text: str) -> datetime | None:
    """A date as pages write it ("October 1, 2026", "1 Oct 2026", "01.10.2026", "2026/10/01");
    an order that could be either ("05/10/2026") is left unread rather than guessed."""
    for layout in _DATE_LAYOUTS:
        try:
            return datetime.strptime(text, layout)
        except ValueError:
            continue
    return None


# Written dates with one reading; month names are English ("%B"/"%b" in the C locale).
_DATE_LAYOUTS = ("%B %d, %Y", "%b %d, %Y", "%d %B %Y", "%d %b %Y", "%d.%m.%Y", "%Y/%m/%d")


def load_json(payload: Any) -> Any:
    """A JSON string or bytes decoded; anything else returned as is."""
    if isinstance(payload, bytes | bytearray | str):
        try:
            return orjson.loads(payload)
        except orjson.JSONDecodeError as exc:
            raise InvalidPayload(f"payload is not valid JSON: {exc}") from exc
    return payload


def require_dict(payload: Any, fmt: str) -> dict[str, Any]:
    data = load_json(payload)
    if not isinstance(data, dict):
        raise InvalidPayload(f"{fmt} payload must be a JSON object, got {type(data).__name__}")
    return data


def content_id(payload: Any) -> str:
    """A stable id for a posting whose source gives none."""
    raw = payload if isinstance(payload, bytes) else str(payload).encode("utf-8", "replace")
    return hashlib.sha1(raw, usedforsecurity=False).hexdigest()[:16]


def salary_hint(
    low: Any, high: Any, currency: Any = None, period: Any = None, raw: Any = None
) -> SalaryHint | None:
    hint = SalaryHint(
        min=number(low),
        max=number(high),
        currency=string(currency),
        period=string(period),
        raw=string(raw),
    )
    return hint if hint.min is not None or hint.max is not None or hint.raw else None


def range_hint(low: Any, high: Any, currency: Any, period: Any = None) -> SalaryHint | None:
    """A pay range from structured amounts. When the source states no period, a range in the
    thousands goes on as the statement its page shows ("USD 165,000 - 195,000"): the salary
    reader then applies the one rule it has for a bare range, as it would to the page's text."""
    lo, hi, code = number(low), number(high), string(currency)
    if string(period) or code is None or lo is None or lo < 1000 or lo % 1 or (hi or 0) % 1:
        return salary_hint(low, high, currency, period)
    shown = f"{lo:,.0f} - {hi:,.0f}" if hi is not None and hi != lo else f"{lo:,.0f}"
    return SalaryHint(raw=f"{code.upper()} {shown}")


class Draft:
    """Collects one posting's fields; the first source to fill a hint wins and is recorded."""

    def __init__(self, fmt: str) -> None:
        self.fmt = fmt
        self.fields: dict[str, Any] = {}
        self.sources: dict[str, str] = {}
        self.lines: list[Line] = []

    def set(self, name: str, value: Any, source: str) -> None:
        if value is None or value == [] or name in self.fields:
            return
        self.fields[name] = value
        if name in HINTS:
            self.sources[name] = source

    def add_heading(self, heading: Any) -> None:
        if text := string(heading):
            self.lines.append(Line(text.rstrip(":").strip(), heading=True))

    def add_html(self, markup: Any) -> None:
        if text := string_raw(markup):
            self.lines.extend(html_to_lines(decode_escaped_markup(text)))

    def add_text(self, text: Any) -> None:
        if raw := string_raw(text):
            raw = decode_escaped_markup(raw)
            lines = html_to_lines(raw) if looks_like_html(raw) else text_to_lines(raw)
            self.lines.extend(lines)

    def build(
        self, url: str | None = None, *, label_title: bool = False, first_line: bool = False
    ) -> NormalizedPosting:
        """The posting; ``label_title`` lets "Job Title :" / "Company :" lines fill a missing
        title or company, ``first_line`` lets the first short line stand in for a title."""
        lines = mark_text_headings(self.lines)
        labels = read_labels(lines, title=label_title, first_line=first_line)
        for name, (value, label) in labels.items():
            self.set(name, value, f"text:{label}")
        if url:
            self.set("url", url, "request.url")
        if not self.fields.get("title") and not lines:
            raise InvalidPayload(f"{self.fmt} payload has neither a title nor a description")
        description = Description(
            text="\n".join(line.text for line in lines), sections=build_sections(lines)
        )
        return NormalizedPosting(description=description, hint_fields=self.sources, **self.fields)


def string_raw(value: Any) -> str | None:
    """A non-blank string kept as is (markup and line breaks matter to the caller)."""
    return value if isinstance(value, str) and value.strip() else None
