"""RSS 2.0 and Atom feeds of job postings: each entry becomes a ``generic`` posting."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from typing import Any

from services.fetcher.pull.connector import Found, OneDocument, SourceConfig, require
from services.fetcher.pull.errors import BadListing
from services.fetcher.pull.http import Answer
from services.fetcher.pull.xmlfeed import local, xml_root


def _text(node: ET.Element, *names: str) -> str | None:
    for child in node:
        if local(child.tag) in names:
            if local(child.tag) == "link" and child.get("href"):
                return child.get("href")
            if child.text and child.text.strip():
                return child.text.strip()
    return None


def _entry(node: ET.Element, company: str | None) -> Found:
    link = _text(node, "link")
    ident = _text(node, "guid", "id") or link
    if not ident:
        raise BadListing("a feed entry has neither guid/id nor link")
    payload: dict[str, Any] = {
        "title": _text(node, "title"),
        "url": link,
        "description": _text(node, "description", "content", "summary", "encoded"),
        "date_posted": _text(node, "pubDate", "published", "updated"),
    }
    if company:
        payload["company"] = company
    return Found(ident, "generic", payload, link)


class Feed(OneDocument):
    kind = "feed"

    def listing_url(self, source: SourceConfig) -> str:
        return require(source.url, "a feed url", source)

    def parse(self, answer: Answer, url: str, source: SourceConfig) -> list[Found]:
        root = xml_root(answer)
        kind = local(root.tag)
        if kind == "rss":
            entries = [n for n in root.iter() if local(n.tag) == "item"]
        elif kind == "feed":
            entries = [n for n in root if local(n.tag) == "entry"]
        else:
            raise BadListing(f"{url}: root element <{kind}> is neither RSS nor Atom")
        company = source.options.get("company")
        return [_entry(n, company) for n in entries]


CONNECTOR = Feed()
