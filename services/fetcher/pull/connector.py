"""The one interface every source kind implements, and the helpers most kinds share.

A connector lists a source's postings: it returns a complete listing or raises a PollError.
There is no third outcome; a listing that may be partial is an error, because the poller
closes every posting a complete listing leaves out.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, ClassVar, Protocol

import orjson

from services.fetcher.pull.errors import BadListing
from services.fetcher.pull.http import Answer, PoliteClient


@dataclass(frozen=True)
class SourceConfig:
    name: str
    kind: str
    board: str | None = None
    url: str | None = None
    interval_s: float = 900.0
    options: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Validators:
    """HTTP cache validators of the last complete listing (single-request sources only)."""

    etag: str | None = None
    last_modified: str | None = None

    def headers(self) -> dict[str, str]:
        headers = {}
        if self.etag:
            headers["if-none-match"] = self.etag
        if self.last_modified:
            headers["if-modified-since"] = self.last_modified
        return headers


@dataclass(frozen=True)
class Found:
    external_id: str
    format: str
    payload: Any
    url: str | None = None
    # Where the full posting is when the listing carries only a summary (SmartRecruiters).
    detail_url: str | None = None


@dataclass(frozen=True)
class Listing:
    """A complete listing, or ``not_modified`` when the source said nothing changed."""

    postings: list[Found]
    validators: Validators = Validators()
    not_modified: bool = False


class Connector(Protocol):
    kind: ClassVar[str]

    async def list(self, http: PoliteClient, source: SourceConfig, cache: Validators) -> Listing:
        """Every posting the source lists now; raises PollError rather than return less."""
        ...

    async def detail(self, http: PoliteClient, found: Found) -> Found:
        """The full posting for a new or changed summary; most kinds already have it."""
        ...


def require(value: str | None, what: str, source: SourceConfig) -> str:
    if not value:
        raise BadListing(f"source {source.name!r} of kind {source.kind!r} needs {what}")
    return value


def json_body(answer: Answer) -> Any:
    try:
        return orjson.loads(answer.body)
    except orjson.JSONDecodeError as exc:
        raise BadListing(f"{answer.url} did not answer JSON: {exc}") from exc


def items_at(data: Any, key: str | None, url: str) -> list[dict[str, Any]]:
    """The list of postings under ``key`` (or the top-level list), strictly: an error object
    or a missing key is a bad listing, never an empty board."""
    items = data.get(key) if key is not None and isinstance(data, dict) else data
    if not isinstance(items, list) or not all(isinstance(i, dict) for i in items):
        where = f"'{key}'" if key else "the top level"
        raise BadListing(f"{url}: no list of postings at {where}")
    return items


def postings(
    items: list[dict[str, Any]], fmt: str, id_key: str, url_key: str | None = None
) -> list[Found]:
    out = []
    for item in items:
        ident = item.get(id_key)
        if ident in (None, ""):
            raise BadListing(f"a {fmt} posting has no {id_key!r}")
        link = item.get(url_key) if url_key else None
        out.append(Found(str(ident), fmt, item, link if isinstance(link, str) else None))
    return out


async def conditional_get(
    http: PoliteClient, url: str, cache: Validators
) -> tuple[Answer | None, Validators]:
    """One GET with the cached validators: ``None`` means 304, nothing changed."""
    answer = await http.get(url, cache.headers())
    if answer.status == 304:
        return None, cache
    fresh = Validators(answer.headers.get("etag"), answer.headers.get("last-modified"))
    return answer, fresh


class OneDocument:
    """A source whose whole listing is one document at one URL, fetched with a conditional GET:
    a 304 is an unchanged listing. Subclasses say where it is and how to read it."""

    kind: ClassVar[str]

    def listing_url(self, source: SourceConfig) -> str:
        raise NotImplementedError

    def parse(self, answer: Answer, url: str, source: SourceConfig) -> list[Found]:
        raise NotImplementedError

    async def list(self, http: PoliteClient, source: SourceConfig, cache: Validators) -> Listing:
        url = self.listing_url(source)
        answer, fresh = await conditional_get(http, url, cache)
        if answer is None:
            return Listing([], cache, not_modified=True)
        return Listing(self.parse(answer, url, source), fresh)

    async def detail(self, http: PoliteClient, found: Found) -> Found:
        return found


class SinglePage(OneDocument):
    """A one-document listing in JSON: the postings under ``items_key``."""

    fmt: ClassVar[str]
    items_key: ClassVar[str | None] = "jobs"
    id_key: ClassVar[str] = "id"
    url_key: ClassVar[str | None] = None

    def parse(self, answer: Answer, url: str, source: SourceConfig) -> list[Found]:
        data = json_body(answer)
        items = [self.enrich(data, item) for item in items_at(data, self.items_key, url)]
        return postings(items, self.fmt, self.id_key, self.url_key)

    def enrich(self, listing: Any, item: dict[str, Any]) -> dict[str, Any]:
        return item
