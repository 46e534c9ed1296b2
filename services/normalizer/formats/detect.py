"""Which format a payload is in, read from its shape (keys, XML root, markup)."""

from __future__ import annotations

import re
from typing import Any

import orjson

from shared.errors import InvalidPayload

from ..text import looks_like_html
from .generic import ALIASES

_MARKDOWN = re.compile(r"\\[-+*_.#()|!]|\*\*|^#{1,6} |\]\(https?:", re.M)
# Key sets that only one source's native object carries; the first match wins.
_SIGNATURES: tuple[tuple[str, tuple[frozenset[str], ...]], ...] = (
    ("jsonld", (frozenset({"@type"}), frozenset({"@graph"}), frozenset({"@context"}))),
    (
        "jobtech",
        (
            frozenset({"rubrik"}),
            frozenset({"headline", "workplace_address"}),
            frozenset({"_source"}),
        ),
    ),
    ("lever", (frozenset({"text", "categories"}), frozenset({"hostedUrl"}))),
    ("greenhouse", (frozenset({"absolute_url"}), frozenset({"internal_job_id"}))),
    (
        "ashby",
        (
            frozenset({"descriptionHtml"}),
            frozenset({"descriptionPlain"}),
            frozenset({"jobUrl", "publishedAt"}),
        ),
    ),
    (
        "smartrecruiters",
        (frozenset({"jobAd"}), frozenset({"typeOfEmployment"}), frozenset({"releasedDate"})),
    ),
    ("workable", (frozenset({"shortcode"}),)),
    ("recruitee", (frozenset({"employment_type_code"}), frozenset({"careers_url"}))),
    ("hh", (frozenset({"key_skills"}), frozenset({"name", "area", "employer"}))),
    ("jobspy", (frozenset({"site", "job_url"}), frozenset({"min_amount", "job_url"}))),
    ("nofluffjobs", (frozenset({"tiles", "posted"}), frozenset({"location", "posted", "salary"}))),
    (
        "justjoin",
        (
            frozenset({"employmentTypes", "workplaceType"}),
            frozenset({"requiredSkills", "companyName"}),
            frozenset({"employment_types", "company_name"}),
        ),
    ),
)


# A pushed object: a title under one of its usual names, and one more posting field.
_GENERIC_TITLE = frozenset(ALIASES["title"])
_GENERIC_FIELDS = frozenset(
    name for field in ("company", "url", "location", "description") for name in ALIASES[field]
)
# Elements of a Personio <position> that other XML feeds do not use.
_PERSONIO_TAGS = ("<jobDescriptions", "<recruitingCategory", "<subcompany", "<office>")
# The root element of an XML document, past its declaration, comments and doctype.
_XML_ROOT = re.compile(r"<(?![?!])([A-Za-z_][\w.:-]*)")


def detect_format(payload: Any) -> str:
    """The format name of ONE posting payload; InvalidPayload when nothing fits."""
    if isinstance(payload, bytes | bytearray):
        payload = bytes(payload).decode("utf-8", "replace")
    if isinstance(payload, str):
        return _detect_string(payload)
    if isinstance(payload, dict):
        return _detect_object(payload)
    if isinstance(payload, list) and payload:
        return _detect_object(payload[0]) if isinstance(payload[0], dict) else _fail(payload)
    return _fail(payload)


def _detect_string(text: str) -> str:
    text = text.lstrip("\ufeff")  # a byte-order mark left by a UTF-8 export
    head = text.lstrip()[:2000]
    if head[:1] in "{[":
        try:
            return detect_format(orjson.loads(text))
        except orjson.JSONDecodeError:
            pass
    if head.startswith("<"):
        if "<position" in head and any(tag in text for tag in _PERSONIO_TAGS):
            return "personio"
        if "<job>" in head or "<job " in head:
            return "indeed-xml"
    if looks_like_html(text):
        return "html"
    if head.startswith("<?xml") or (head.startswith("<") and text.rstrip().endswith(">")):
        return _detect_xml(head)
    if not head:
        return _fail(text)
    return "markdown" if _MARKDOWN.search(text[:20000]) else "text"


def _detect_xml(head: str) -> str:
    """A feed named by its root alone (Personio's ``<workzag-jobs>`` with no position yet), else
    a clear refusal: an XML document is never a text posting."""
    root = _XML_ROOT.search(head)
    name = root.group(1) if root else "?"
    if name in ("workzag-jobs", "position"):
        return "personio"
    raise InvalidPayload(f"XML payload with root <{name}> is not a supported feed")


def _detect_object(data: dict[str, Any]) -> str:
    keys = data.keys()
    for fmt, signatures in _SIGNATURES:
        if any(signature <= keys for signature in signatures):
            return fmt
    if keys & _GENERIC_TITLE and keys & _GENERIC_FIELDS:
        return "generic"
    return _fail(data)


def _fail(payload: Any) -> str:
    shape = sorted(payload)[:8] if isinstance(payload, dict) else type(payload).__name__
    raise InvalidPayload(f"cannot detect the format of a payload shaped {shape}")
