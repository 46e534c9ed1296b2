"""One poll: only new and changed postings flow on; closes only after a complete listing."""

import httpx
import pytest

from services.fetcher.pull.errors import BadListing, SourceUnavailable
from services.fetcher.pull.kinds import connector_for
from services.fetcher.pull.poll import CLOSE_REASON, poll_source

from .fakes import MemoryStore, Published, Web, polite, ports, source

URL = "https://boards-api.greenhouse.io/v1/boards/acme/jobs?content=true"
SRC = source("greenhouse", board="acme", name="gh-acme")
GH = connector_for("greenhouse")


def board(*jobs: tuple[int, str], etag: str | None = None) -> httpx.Response:
    body = {
        "jobs": [{"id": i, "title": t, "absolute_url": f"https://x.example/{i}"} for i, t in jobs]
    }
    return httpx.Response(200, json=body, headers={"etag": etag} if etag else {})


class Board:
    """A board whose next answers the test scripts, polled with shared state between polls."""

    def __init__(self) -> None:
        self.store, self.published, self.web = MemoryStore(), Published(), Web()
        self.http = polite(self.web, hosts=frozenset({httpx.URL(URL).host}), max_attempts=2)

    async def poll(self, *replies: httpx.Response):
        self.web.on(URL, *replies)
        return await poll_source(SRC, GH, ports(self.http, self.store, self.published))

    def take(self) -> list[tuple[str, str]]:
        events, self.published.messages = self.published.events(), []
        return events


async def test_first_poll_publishes_every_posting_then_nothing_while_unchanged():
    b = Board()
    outcome = await b.poll(board((1, "A"), (2, "B")))
    assert (outcome.kind, outcome.seen, outcome.new) == ("healthy", 2, 2)
    messages = b.published.messages
    assert [(m.posting_id, m.event, m.format) for m in messages] == [
        ("gh-acme:1", "upsert", "greenhouse"), ("gh-acme:2", "upsert", "greenhouse")
    ]  # fmt: skip
    assert messages[0].payload["title"] == "A" and messages[1].version > messages[0].version
    b.take()
    outcome = await b.poll(board((1, "A"), (2, "B")))
    assert (outcome.seen, outcome.new, outcome.changed, b.take()) == (2, 0, 0, [])


async def test_a_changed_posting_is_published_again():
    b = Board()
    await b.poll(board((1, "A"), (2, "B")))
    b.take()
    outcome = await b.poll(board((1, "A"), (2, "B, retitled")))
    assert outcome.changed == 1
    assert b.take() == [("upsert", "2")]


async def test_vanished_posting_is_closed_once_and_reopened_when_back():
    b = Board()
    await b.poll(board((1, "A"), (2, "B")))
    b.take()
    await b.poll(board((1, "A")))
    closes = b.published.messages
    assert b.take() == [("close", "2")]
    assert closes[0].payload["reason"] == CLOSE_REASON and closes[0].payload["closed_at"]
    entry = b.store.snaps["gh-acme"]["2"]
    assert not entry.open and entry.reason == CLOSE_REASON
    await b.poll(board((1, "A")))
    assert b.take() == []  # closed once, not on every poll
    outcome = await b.poll(board((1, "A"), (2, "B")))
    assert outcome.reopened == 1
    assert b.take() == [("upsert", "2")]
    assert b.store.snaps["gh-acme"]["2"].open


@pytest.mark.parametrize(
    ("reply", "error"),
    [
        (httpx.Response(500), SourceUnavailable),
        (httpx.Response(200, json={"error": "maintenance"}), BadListing),
        (httpx.Response(200, text="<html>Service unavailable</html>"), BadListing),
        (httpx.Response(403), BadListing),
    ],
)
async def test_a_failed_poll_closes_nothing(reply, error):
    b = Board()
    await b.poll(board((1, "A"), (2, "B")))
    b.take()
    with pytest.raises(error):
        await b.poll(reply)
    assert b.take() == []
    assert all(e.open for e in b.store.snaps["gh-acme"].values())


async def test_a_timeout_closes_nothing():
    def timeout(request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectTimeout("no answer", request=request)

    b = Board()
    await b.poll(board((1, "A")))
    b.take()
    with pytest.raises(SourceUnavailable):
        await b.poll(timeout)  # type: ignore[arg-type]
    assert b.take() == []


async def test_an_empty_listing_closes_only_once_confirmed():
    b = Board()
    await b.poll(board((1, "A"), (2, "B")))
    b.take()
    first = await b.poll(board())
    assert (first.kind, b.take()) == ("empty_unconfirmed", [])
    second = await b.poll(board())
    assert second.kind == "healthy"
    assert sorted(b.take()) == [("close", "1"), ("close", "2")]


async def test_an_empty_streak_is_broken_by_a_full_listing():
    b = Board()
    await b.poll(board((1, "A")))
    await b.poll(board())
    await b.poll(board((1, "A")))
    b.take()
    assert (await b.poll(board())).kind == "empty_unconfirmed"
    assert b.take() == []


async def test_304_makes_no_work():
    b = Board()
    await b.poll(board((1, "A"), etag='"e1"'))
    b.take()
    outcome = await b.poll(httpx.Response(304))
    assert outcome.kind == "not_modified"
    assert b.take() == []
    assert b.web.requests[-1].headers["if-none-match"] == '"e1"'


async def test_a_failed_publish_closes_nothing_and_keeps_no_validators():
    b = Board()
    await b.poll(board((1, "A"), (2, "B"), etag='"e1"'))
    b.take()
    b.published.fail_after = 0
    with pytest.raises(ConnectionError):
        await b.poll(board((3, "C"), etag='"e2"'))
    assert b.store.cache["gh-acme"].etag == '"e1"'
    assert all(e.open for e in b.store.snaps["gh-acme"].values())
    assert "3" not in b.store.snaps["gh-acme"]  # published on the next poll
