"""Text cleanup: HTML, Markdown and board-export artifacts into clean lines.

Both paths (HTML and plain text) end in the same shape, a list of ``Line``: one paragraph, list
item or heading per entry, so section splitting and label reading do not care where text came from.
"""

from __future__ import annotations

import html
import re
from itertools import pairwise
from typing import NamedTuple

from selectolax.lexbor import LexborHTMLParser, LexborNode


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
_MARKED_TAGS = "strong,b," + _HEADING_TAGS
_DROP_TAGS = [
    "script",
    "style",
    "noscript",
    "template",
    "svg",
    "iframe",
    "head",
    "button",
    "form",
    "nav",
]

# Site chrome around a job page's content: footers, side bars and what ARIA marks as such.
_CHROME_TAGS = "footer,aside,[role=contentinfo],[role=complementary]"
_INVISIBLE = ("\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad")
# A whole page counts by its doctype or root: its head (styles, scripts) can fill the first 5000
# characters before any body tag.
_TAG_HINT = re.compile(
    r"<(?:!doctype\s+html|html|body|p|div|br|li|ul|ol|h[1-6]|span|strong|b|em|a|table)\b[^>]*>",
    re.I,
)
_ESCAPED_TAG = re.compile(r"&lt;/?(?:p|div|br|li|ul|ol|h[1-6]|span|strong|b|em|table)\b", re.I)
# Replacements are plain strings, never templates: a template costs a Python call per match.
_MD_ESCAPE = re.compile(r"\\(?=[`*_{}\[\]()#+\-.!|~>=&$:])")
_BACKSLASH = "\x01"
_MD_LINK = re.compile(r"!?\[([^\]\n]{0,300})\]\([^)\n]{0,500}\)")
# Line-start patterns run over the whole text with a newline before every line (and after the
# last): the literal "\n" lets the regex engine jump from line to line.
_MD_HEADING = re.compile(r"\n[^\S\n]*#{1,6}[^\S\n]+")
_BULLET_MARK = r"(?:[-*+•·▪◦●○■□►▸➤✓✔→–—]|\d{1,2}[.)]|[a-z][.)])"
_BULLET = re.compile(r"\n[^\S\n]*" + _BULLET_MARK + r"[^\S\n]+")
_HEADED_BULLET = re.compile(r"\n\x07" + _BULLET_MARK + r"[^\S\n]+")
_TABLE_RULE = re.compile(r"^:?-{2,}:?$|^$")
_RULE = re.compile(r"\n[^\S\n]*(?:[-*_=][^\S\n]*){3,}(?=\n)")
# The same marks at the start of one line of an HTML page's text.
_HTML_BULLET = re.compile("^" + _BULLET_MARK + r"\s+")
_HTML_RULE = re.compile(r"^(?:[-*_=]\s*){3,}$")
_BULLET_LEAD = frozenset("-*+•·▪◦●○■□►▸➤✓✔→–—")  # the regex runs only when a bullet may start
_RULE_CHARS = frozenset("-*_=")
# Markers of a heading line and of an item line in the text path (never in real text).
_HEAD = "\x07"
_ITEM = "\x06"
_TERMINAL = (".", ",", ";", "!", "?")
# "Label : value" items glued together ("...developmentExpress.js : ..."), and a short heading
# glued onto the last value ("...design patternsCloud & Infrastructure").
_RUN_IN_START = re.compile(r"^[^:\n]{1,40} : ")
_GLUE = re.compile(r"(?<=[a-z\d)])[A-Z]")
_SMALL = frozenset({"and", "of", "for", "the", "to", "in", "with", "und", "och", "i", "и", "w"})


def looks_like_html(text: str) -> bool:
    return _TAG_HINT.search(text[:5000]) is not None


def decode_escaped_markup(text: str) -> str:
    """HTML whose tags arrive entity-escaped ("&lt;p&gt;Build..."), as many JSON-LD descriptions
    and pushed objects carry it, decoded once; text with real tags or none comes back as is."""
    if "&lt;" in text and _ESCAPED_TAG.search(text[:5000]) and not looks_like_html(text):
        return html.unescape(text)
    return text


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


def html_tree(markup: str) -> LexborHTMLParser:
    """The parsed page, for ``tree_lines`` (read the head first if needed: that drops it)."""
    return LexborHTMLParser(markup)


def html_to_lines(markup: str) -> list[Line]:
    """Blocks of an HTML fragment or page as lines; h1-h6 and whole-line bold mark headings."""
    return tree_lines(html_tree(markup))


def tree_lines(tree: LexborHTMLParser) -> list[Line]:
    """The lines of a parsed page, scripts, styles, forms and head dropped.

    Few DOM edits on purpose: each inserted text node slows lexbor's text() down, so headings
    and bold runs are recognised by their text rather than by markers around them.
    """
    tree.strip_tags(_DROP_TAGS)
    root = tree.body or tree.root
    return [] if root is None else _node_lines(root)


def page_lines(tree: LexborHTMLParser) -> list[Line]:
    """The lines of a whole job page: its main region (the one ``<main>`` or ``<article>``) when
    it has one that holds most of the page's text, and never the site's footer or side bars
    ("Similar jobs", "© 2026 ...") nor, without a main region, a header that is not the title's."""
    tree.strip_tags(_DROP_TAGS)
    root = tree.body or tree.root
    if root is None:
        return []
    for node in root.css(_CHROME_TAGS):
        node.decompose()
    region = _main_region(root)
    if region is None:
        for node in root.css("header"):
            if node.css_first("h1") is None:
                node.decompose()
    return _node_lines(region or root)


def _main_region(root: LexborNode) -> LexborNode | None:
    for selector in ("main, [role=main]", "article"):
        found = root.css(selector)
        if len(found) == 1:
            inside = len(found[0].text(deep=True).strip())
            return found[0] if inside and inside * 2 >= len(root.text(deep=True).strip()) else None
    return None


def _node_lines(root: LexborNode) -> list[Line]:
    bold, headings = set(), set()
    for node in root.css(_MARKED_TAGS):  # one walk of the tree for both kinds
        if node.tag in ("strong", "b"):
            bold.add(_key(node.text(deep=True)))
        else:
            headings.add(_key(node.text(deep=True)))
            node.insert_after("\n")
    for node in root.css("li"):
        node.insert_before("\n" + _LI)
    for node in root.css(_BLOCK_TAGS):
        node.insert_before("\n")
    raw = drop_invisible(root.text(deep=True, separator=""))
    lines: list[Line] = []
    for chunk in raw.split("\n"):
        if (text := " ".join(chunk.split())) and (line := _html_line(text, headings, bold)):
            lines.append(line)
    return lines


def _key(text: str) -> str:
    return clean_inline(text).rstrip(":").rstrip()


def _html_line(text: str, headings: set[str], bold: set[str]) -> Line | None:
    """One whitespace-collapsed chunk of the page's text as a line."""
    item = text[0] == _LI
    if item:
        text = text.replace(_LI, "").strip()
    if not text or (text[0] in _RULE_CHARS and _HTML_RULE.match(text)):
        return None
    if item:
        return Line(text, item=True)
    if text.count(" ") >= 12:
        return Line(text)
    key = text.rstrip(":").rstrip()
    if key in headings and key:
        return Line(key, heading=True)
    if text[-1] == ":" and key:
        return Line(key, heading=True, sub=True)
    if key in bold and not ends_sentence(key):
        return Line(key, heading=True)
    if text[0] in _BULLET_LEAD or text[1:2] in ".)" or text[2:3] in ".)":
        bullet = _HTML_BULLET.match(text)
        if bullet:
            return Line(text[bullet.end() :], item=True)
    return Line(text)


def text_to_lines(text: str) -> list[Line]:
    """Lines of a plain-text or Markdown posting, with Markdown removed and run-ins split.

    Line starts (rules, heading marks, bullets) and inline Markdown are handled by a few C
    passes over the whole text, which leave a marker at the start of heading and item lines;
    the loop per line then only collapses whitespace and reads the markers.
    """
    text = drop_invisible(html.unescape(text) if "&" in text else text)
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    for marker in (_HEAD, _ITEM, _BACKSLASH):
        if marker in text:
            text = text.replace(marker, "")
    text = _mark_line_starts(f"\n{text}\n")
    lines: list[Line] = []
    for raw in text.split("\n"):
        line = " ".join(raw.split())
        if not line:
            continue
        lead = line[0]
        if lead == _HEAD:
            if heading := line.lstrip(_HEAD + _ITEM + " ").rstrip(":").rstrip():
                lines.append(Line(heading, heading=True))
        elif lead == _ITEM:
            if item := line[1:].lstrip():
                lines.extend(
                    split_run_in(item, item=True) if " : " in item else [Line(item, item=True)]
                )
        elif lead == "|":
            if row := table_row(line):
                lines.append(Line(row))
        elif " : " in line:
            for part in split_run_in(line):
                _append(lines, part)
        elif lines and lead.islower():
            _append(lines, Line(line))
        else:
            lines.append(Line(line))
    return lines


def table_row(line: str) -> str | None:
    """One row of a Markdown table as text: a two-cell row reads as a labelled line ("| Location |
    Berlin |" is "Location: Berlin"), a wider one as its cells; rule and empty rows are dropped."""
    cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
    if not any(cells) or all(_TABLE_RULE.match(cell) for cell in cells):
        return None
    if len(cells) == 2 and all(cells):
        return f"{cells[0].rstrip(':').rstrip()}: {cells[1]}"
    return " | ".join(cell for cell in cells if cell)


def _mark_line_starts(text: str) -> str:
    """Rules dropped, heading marks and bullets replaced by markers, inline Markdown removed
    (escapes only after bullets: an escaped "\\-" starts no list)."""
    text = _RULE.sub("\n", text)
    if "#" in text:
        text = _HEADED_BULLET.sub("\n" + _HEAD + _ITEM, _MD_HEADING.sub("\n" + _HEAD, text))
    text = _BULLET.sub("\n" + _ITEM, text)
    if "](" in text:
        text = _MD_LINK.sub(r"\1", text)
    if "\\" in text:
        # An escaped backslash stays one; the other escapes lose their backslash.
        text = _MD_ESCAPE.sub("", text.replace("\\\\", _BACKSLASH)).replace(_BACKSLASH, "\\")
    for mark in ("*", "__", "`"):
        if mark in text:
            text = text.replace(mark, "")
    return text


def _append(lines: list[Line], line: Line) -> None:
    """Add a line, re-joining a hard-wrapped paragraph: a plain line continuing in lower case
    belongs to the previous plain line unless that one ended a sentence or opened a list."""
    if lines and line.text[0].islower() and not (line.heading or line.item):
        prev = lines[-1]
        if not prev.heading and not prev.text.endswith((*_TERMINAL, ":")):
            lines[-1] = prev._replace(text=f"{prev.text} {line.text}")
            return
    lines.append(line)


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


def ends_sentence(text: str) -> bool:
    return text.endswith(_TERMINAL)
