"""Hand-written fakes for pull sources: a scripted web, a memory snapshot store, a publisher."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import httpx

from services.fetcher.pull.connector import SourceConfig, Validators
from services.fetcher.pull.http import PoliteClient, Politeness
from services.fetcher.pull.poll import Ports
from services.fetcher.pull.snapshot import Entry
from shared.messages import PostingReceived

DATA = Path(__file__).parent / "data"
ATS = Path(__file__).parents[2] / "data" / "ats"
Reply = httpx.Response | Callable[[httpx.Request], httpx.Response]


@dataclass
class Web:
    """URL -> replies, served in order (the last one repeats); records every request."""

    routes: dict[str, list[Reply]] = field(default_factory=dict)
    requests: list[httpx.Request] = field(default_factory=list)

    def on(self, url: str, *replies: Reply) -> Web:
        self.routes[url] = list(replies)
        return self

    def handle(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        replies = self.routes.get(str(request.url))
        if not replies:
            return httpx.Response(404, text=f"no route for {request.url}")
        reply = replies.pop(0) if len(replies) > 1 else replies[0]
        return reply(request) if callable(reply) else reply

    def urls(self) -> list[str]:
        return [str(r.url) for r in self.requests]


@dataclass
class Sleeps:
    waits: list[float] = field(default_factory=list)

    async def __call__(self, seconds: float) -> None:
        self.waits.append(seconds)


def polite(
    web: Web, sleeps: Sleeps | None = None, hosts: frozenset[str] | None = None, **rules: float
) -> PoliteClient:
    """A client on the scripted web; its hosts (by default those routed so far) are allowed."""
    client = httpx.AsyncClient(transport=httpx.MockTransport(web.handle))
    hosts = hosts if hosts is not None else frozenset(httpx.URL(u).host for u in web.routes)
    politeness = Politeness(**{"per_host_interval_s": 0.0, **rules})  # type: ignore[arg-type]
    return PoliteClient(client, politeness, hosts, sleeps or Sleeps())


def json_reply(path: Path, **headers: str) -> httpx.Response:
    return httpx.Response(
        200, content=path.read_bytes(), headers={"content-type": "application/json", **headers}
    )


def source(kind: str, **kw: object) -> SourceConfig:
    return SourceConfig(name=kw.pop("name", f"{kind}-test"), kind=kind, **kw)  # type: ignore[arg-type]


@dataclass
class MemoryStore:
    snaps: dict[str, dict[str, Entry]] = field(default_factory=dict)
    cache: dict[str, Validators] = field(default_factory=dict)
    empties: dict[str, int] = field(default_factory=dict)

    async def load(self, source: str) -> dict[str, Entry]:
        return dict(self.snaps.get(source, {}))

    async def put(self, source: str, external_id: str, entry: Entry) -> None:
        self.snaps.setdefault(source, {})[external_id] = entry

    async def validators(self, source: str) -> Validators:
        return self.cache.get(source, Validators())

    async def set_validators(self, source: str, validators: Validators) -> None:
        self.cache[source] = validators

    async def empty_streak(self, source: str, empty: bool) -> int:
        self.empties[source] = self.empties.get(source, 0) + 1 if empty else 0
        return self.empties[source]


@dataclass
class Published:
    messages: list[PostingReceived] = field(default_factory=list)
    fail_after: int | None = None

    async def __call__(self, message: PostingReceived) -> None:
        if self.fail_after is not None and len(self.messages) >= self.fail_after:
            raise ConnectionError("broker away")
        self.messages.append(message)

    def events(self) -> list[tuple[str, str]]:
        return [(m.event, m.external_id) for m in self.messages]


def ports(http: PoliteClient, store: MemoryStore, published: Published) -> Ports:
    counter = iter(range(1, 1_000_000))
    return Ports(http, store, published, lambda: next(counter))
