"""A vendor or framework name before a list of its parts: "AWS (EC2, S3, Lambda)", "Spring (Boot,
Data, Security)", "Azure: Functions, Service Bus".

Normalization drops the bracket, so "AWS (EC2" reads " aws ec2 " and the longer key "AWS EC2"
swallows AWS, while "Boot" and "Data" alone name nothing. Writing the name again before each part
that forms a key with it ("AWS (AWS EC2, AWS S3", "Spring (Spring Boot, Spring Data") keeps both.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

_OPENERS = ("(", ":")
_TOKEN = re.compile(r"[^\W_]+(?:[.+#][^\W_]*)*")
_SEPARATOR = re.compile(
    r"[,;/|&]|\s(?:or|and|und|oder|sowie|lub|albo|oraz|i|или|и|och|eller|samt)\s", re.IGNORECASE
)
_REACH = 300
"""How far a list of parts may run after its opener."""


def distribute(text: str, prefixes: Mapping[str, frozenset[str]]) -> str:
    """``text`` with the name before "(" or ":" repeated before each of its listed parts."""
    inserts: list[tuple[int, str]] = []
    for opener in _OPENERS:
        at = text.find(opener, 1)
        while at != -1:
            end = at - 1 if text[at - 1] == " " else at  # "AWS (EC2", "AWS: EC2"
            # A name is the word before the opener, read within 30 characters: a run of
            # brackets or colons without spaces must not make each look back to the start.
            window = max(0, end - 30)
            space = text.rfind(" ", window, end)
            word = text[space + 1 if space != -1 else window : end].lstrip("([")
            parts = prefixes.get(word.lower())
            if parts:
                inserts.extend((start, word) for start in _part_starts(text, at, parts))
            at = text.find(opener, at + 1)
    if not inserts:
        return text
    pieces, last = [], 0
    for start, name in sorted(inserts):
        pieces += [text[last:start], name, " "]
        last = start
    pieces.append(text[last:])
    return "".join(pieces)


def _part_starts(text: str, opener: int, parts: frozenset[str]) -> list[int]:
    """Offsets of the listed items after ``opener`` that begin with one of ``parts``."""
    closer = ")" if text[opener] == "(" else "\n"
    end = text.find(closer, opener + 1, opener + _REACH)
    if end == -1:
        if closer == ")":
            return []
        end = min(len(text), opener + _REACH)
    starts: list[int] = []
    begin = opener + 1
    for separator in [*_SEPARATOR.finditer(text, begin, end), None]:
        stop = separator.start() if separator else end
        item = text[begin:stop]
        offset = len(item) - len(item.lstrip())
        tokens = _TOKEN.findall(item[offset : offset + 60].lower())
        if tokens and tokens[0][0].isalpha() and _begins_with_part(tokens, parts):
            starts.append(begin + offset)
        begin = separator.end() if separator else end
    return starts


def _begins_with_part(tokens: list[str], parts: frozenset[str]) -> bool:
    return any(" ".join(tokens[:size]) in parts for size in (3, 2, 1) if size <= len(tokens))
