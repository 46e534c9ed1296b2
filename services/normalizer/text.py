"""Text cleanup: HTML, Markdown and board-export artifacts into clean lines.

Both paths (HTML and plain text) end in the same shape, a list of ``Line``: one paragraph, list
item or heading per entry, so section splitting and label reading do not care where text came from.
"""

from __future__ import annotations

import html
import re
from itertools import pairwise
from typing import NamedTuple

from selectolax.lexbor import LexborHTMLParser


class Line(NamedTuple):
    text: str
    heading: bool = False
    item: bool = False
    sub: bool = False  # a heading that introduces a sub-list of the section it sits in


# Marks a list item; survives selectolax's text() untouched and cannot occur in real postings.
_LI = "\x05"
_BLOCK_TAGS = (
    "h1,h2,h3,h4,h5,h6,p,div,br,tr,td,th,section,article,blockquote,pre,table,ul,ol,dl,dt,dd,hr"
    ",header,footer"
)
_HEADING_TAGS = "h1,h2,h3,h4,h5,h6"
_DROP_TAGS = ["script", "style", "noscript", "template", "svg", "iframe", "head", "button", "form"]

_INVISIBLE = ("\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad")
_TAG_HINT = re.compile(r"<(?:p|div|br|li|ul|ol|h[1-6]|span|strong|b|em|a|table)\b[^>]*>", re.I)
_MD_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|~>=&$:])")
_MD_LINK = re.compile(r"!?\[([^\]\n]{0,300})\]\([^)\n]{0,500}\)")
_MD_HEADING = re.compile(r"^#{1,6}\s+")
_BULLET = re.compile(r"^(?:[-*+•·▪◦●○■□►▸➤✓✔→–—]|\d{1,2}[.)]|[a-z][.)])\s+")
_RULE_CHARS = frozenset("-*_=")
_RULE = re.compile(r"^(?:[-*_=]\s*){3,}$")
_TERMINAL = (".", ",", ";", "!", "?")
# "Label : value" items glued together ("...developmentExpress.js : ..."), and a short heading
# glued onto the last value ("...design patternsCloud & Infrastructure").
_RUN_IN_START = re.compile(r"^[^:\n]{1,40} : ")
_GLUE = re.compile(r"(?<=[a-z\d)])[A-Z]")
_SMALL = frozenset({"and", "of", "for", "the", "to", "in", "with", "und", "och", "i", "и", "w"})


def looks_like_html(text: str) -> bool:
    return _TAG_HINT.search(text[:5000]) is not None


def clean_inline(text: str) -> str:
    """Collapse whitespace of one line (str.split knows Unicode spaces, and is C-fast)."""
    return " ".join(text.split())


def drop_invisible(text: str) -> str:
    for char in _INVISIBLE:
        if char in text:
            text = text.replace(char, "")
    return text


def unescape_markup(escaped: str) -> str:
    """HTML that was entity-escaped once more (Greenhouse ``content``), decoded by lexbor."""
    if "<" in escaped:
        return html.unescape(escaped)
    root = LexborHTMLParser(escaped).body
    return root.text(deep=True, separator="") if root is not None else ""


def html_to_lines(markup: str) -> list[Line]:
    """Blocks of an HTML fragment or page as lines; h1-h6 and whole-line bold mark headings.

    Few DOM edits on purpose: each inserted text node slows lexbor's text() down, so headings
    and bold runs are recognised by their text rather than by markers around them.
    """
    tree = LexborHTMLParser(markup)
    tree.strip_tags(_DROP_TAGS)
    root = tree.body or tree.root
    if root is None:
        return []
    bold = {_key(node.text(deep=True)) for node in root.css("strong,b")}
    headings = set()
    for node in root.css(_HEADING_TAGS):
        headings.add(_key(node.text(deep=True)))
        node.insert_after("\n")
    for node in root.css("li"):
        node.insert_before("\n" + _LI)
    for node in root.css(_BLOCK_TAGS):
        node.insert_before("\n")
    raw = drop_invisible(root.text(deep=True, separator=""))
    lines = (_html_line(chunk, headings, bold) for chunk in raw.split("\n"))
    return [line for line in lines if line is not None]


def _key(text: str) -> str:
    return clean_inline(text).rstrip(":").rstrip()


def _html_line(chunk: str, headings: set[str], bold: set[str]) -> Line | None:
    if not chunk or chunk.isspace():
        return None
    item = _LI in chunk
    text = " ".join((chunk.replace(_LI, "") if item else chunk).split())
    if not text or (text[0] in _RULE_CHARS and _RULE.match(text)):
        return None
    if item:
        return Line(text, item=True)
    if text.count(" ") >= 12:
        return Line(text)
    key = text.rstrip(":").rstrip()
    if key in headings and key:
        return Line(key, heading=True)
    if text.endswith(":") and key:
        return Line(key, heading=True, sub=True)
    if key in bold and not ends_sentence(key):
        return Line(key, heading=True)
    bullet = _BULLET.match(text)
    return Line(text[bullet.end() :], item=True) if bullet else Line(text)


def text_to_lines(text: str) -> list[Line]:
    """Lines of a plain-text or Markdown posting, with Markdown removed and run-ins split."""
    text = drop_invisible(html.unescape(text) if "&" in text else text)
    lines: list[Line] = []
    for raw in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        lines.extend(_text_line(raw))
    return _join_wrapped(lines)


def _text_line(raw: str) -> list[Line]:
    text = raw.strip()
    if not text or (text[0] in _RULE_CHARS and _RULE.match(text)):
        return []
    heading = text[0] == "#" and (mark := _MD_HEADING.match(text)) is not None
    if heading:
        text = text[mark.end() :]  # type: ignore[union-attr]
    bullet = _BULLET.match(text)
    if bullet:
        text = text[bullet.end() :]
    text = " ".join(strip_markdown(text).split())
    if not text:
        return []
    if heading:
        return [Line(text.rstrip(":").rstrip(), heading=True)]
    if " : " in text:
        return split_run_in(text, item=bullet is not None)
    return [Line(text, item=bullet is not None)]


def strip_markdown(text: str) -> str:
    """Drop Markdown emphasis, escapes, links and code marks from one line."""
    if "](" in text:
        text = _MD_LINK.sub(r"\1", text)
    if "\\" in text:
        text = _MD_ESCAPE.sub(r"\1", text)
    if "*" in text:
        text = text.replace("*", "")
    if "__" in text:
        text = text.replace("__", "")
    if "`" in text:
        text = text.replace("`", "")
    return text


def split_run_in(text: str, *, item: bool = False) -> list[Line]:
    """Split "A : xB : y" into items and a trailing glued heading into its own heading line."""
    first = _RUN_IN_START.match(text)
    if first is None:
        return [Line(text, item=item)]
    starts, floor = [0], first.end()
    while (colon := text.find(" : ", floor)) != -1:
        start = _label_start(text, max(floor, colon - 40), colon)
        if start is not None:
            starts.append(start)
        floor = colon + 3
    if len(starts) == 1:
        return [Line(text, item=item)]
    bounds = [*starts, len(text)]
    lines = [Line(text[a:b].strip(), item=True) for a, b in pairwise(bounds)]
    last = lines[-1].text
    tail = _label_start(last, last.find(" : ") + 3, len(last))
    if tail is not None and len(last) - tail <= 40:
        lines[-1] = Line(last[:tail].strip(), item=True)
        lines.append(Line(last[tail:].strip(), heading=True, sub=True))
    return lines


def _label_start(text: str, low: int, end: int) -> int | None:
    """Leftmost glued start (lower case then upper case) in text[low:end] of a title-cased label."""
    for match in _GLUE.finditer(text, low, end):
        if _title_words(text[match.start() : end]):
            return match.start()
    return None


def _title_words(label: str) -> bool:
    return all(not w[:1].isalpha() or w[:1].isupper() or w in _SMALL for w in label.split())


def _join_wrapped(lines: list[Line]) -> list[Line]:
    """Re-join hard-wrapped paragraphs: a line continuing in lower case belongs to the previous."""
    out: list[Line] = []
    for line in lines:
        prev = out[-1] if out else None
        if (
            prev is not None
            and not line.heading
            and not line.item
            and not prev.heading
            and line.text[:1].islower()
            and not prev.text.endswith((*_TERMINAL, ":"))
        ):
            out[-1] = prev._replace(text=f"{prev.text} {line.text}")
        else:
            out.append(line)
    return out


def ends_sentence(text: str) -> bool:
    return text.endswith(_TERMINAL)
