"""XML listings read strictly: the wrong root element is an error page, not an empty board.

ElementTree resolves no external entities, and the expat it ships refuses entity expansion
bombs, so an untrusted feed cannot make us read files or exhaust memory.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

from services.fetcher.pull.errors import BadListing
from services.fetcher.pull.http import Answer


def xml_root(answer: Answer) -> ET.Element:
    try:
        return ET.fromstring(answer.body)
    except ET.ParseError as exc:
        raise BadListing(f"{answer.url} is not well-formed XML: {exc}") from exc


def local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def xml_items(
    answer: Answer, root: str, item: str, id_tag: str
) -> list[tuple[str, str, str | None]]:
    """(external id, the item's XML, its url) for each ``item`` under a ``root`` element."""
    tree = xml_root(answer)
    if local(tree.tag) != root:
        raise BadListing(f"{answer.url}: root element <{local(tree.tag)}>, expected <{root}>")
    out = []
    for node in tree.iter(item):
        ident = (node.findtext(id_tag) or "").strip()
        link = (node.findtext("url") or "").strip() or None
        if not (ident or link):
            raise BadListing(f"{answer.url}: a <{item}> has neither <{id_tag}> nor <url>")
        out.append((ident or str(link), ET.tostring(node, encoding="unicode"), link))
    return out
