"""Source formats: one posting payload of any supported source into a NormalizedPosting.

``parse`` is the single entry point; ``split_listing`` turns a board's API response into the
postings it lists; ``detect_format`` names the format of a payload from its shape.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from shared.errors import UnsupportedFormat
from shared.posting import NormalizedPosting

from .aggregators import parse_hh, parse_jobspy
from .boards import parse_ashby, parse_greenhouse, parse_lever
from .detect import detect_format
from .feeds import parse_indeed_xml, parse_jobtech, parse_personio
from .generic import parse_generic
from .itboards import parse_justjoin, parse_nofluffjobs
from .jsonld import parse_html, parse_jsonld
from .listing import split_listing
from .plain import parse_text
from .widgets import parse_recruitee, parse_smartrecruiters, parse_workable

Parser = Callable[[Any, str | None], NormalizedPosting]

_PARSERS: dict[str, Parser] = {
    "text": lambda payload, url: parse_text(payload, "text", url),
    "markdown": lambda payload, url: parse_text(payload, "markdown", url),
    "html": parse_html,
    "jsonld": parse_jsonld,
    "generic": parse_generic,
    "greenhouse": parse_greenhouse,
    "lever": parse_lever,
    "ashby": parse_ashby,
    "workable": parse_workable,
    "smartrecruiters": parse_smartrecruiters,
    "recruitee": parse_recruitee,
    "personio": parse_personio,
    "indeed-xml": parse_indeed_xml,
    "jobtech": parse_jobtech,
    "hh": parse_hh,
    "jobspy": parse_jobspy,
    "nofluffjobs": parse_nofluffjobs,
    "justjoin": parse_justjoin,
}

FORMATS: tuple[str, ...] = (*_PARSERS, "auto")


def parse(fmt: str, payload: Any, *, url: str | None = None) -> NormalizedPosting:
    """One posting payload in format ``fmt`` (or "auto") as a NormalizedPosting.

    Raises UnsupportedFormat for an unknown format name and InvalidPayload for a payload the
    format cannot use.
    """
    if fmt == "auto":
        fmt = detect_format(payload)
    parser = _PARSERS.get(fmt)
    if parser is None:
        raise UnsupportedFormat(f"unknown format {fmt!r}; supported: {', '.join(FORMATS)}")
    return parser(payload, url)


__all__ = ["FORMATS", "detect_format", "parse", "split_listing"]
