"""One poll of one source: list, compare with the snapshot, publish what changed, then close.

Order matters. Upserts go first and each updates the snapshot only once its publish is
confirmed; closes come after, only once the whole listing is in hand; the HTTP validators are
saved last, so a poll that fails halfway is simply done again, never skipped by a 304.
"""

from __future__ import annotations

import uuid
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Literal

from services.fetcher.pull.connector import Connector, Found, SourceConfig
from services.fetcher.pull.http import PoliteClient
from services.fetcher.pull.snapshot import Entry, SnapshotStore, content_hash, diff
from shared.messages import PostingReceived

Publish = Callable[[PostingReceived], Awaitable[None]]
CLOSE_REASON = "vanished_from_listing"


@dataclass(frozen=True)
class Ports:
    http: PoliteClient
    store: SnapshotStore
    publish: Publish
    next_version: Callable[[], int]
    # An empty listing closes a non-empty board only after this many empty polls in a row.
    confirm_empty_polls: int = 2


@dataclass(frozen=True)
class Outcome:
    kind: Literal["healthy", "not_modified", "empty_unconfirmed"]
    seen: int = 0
    new: int = 0
    changed: int = 0
    reopened: int = 0
    closed: int = 0


def _message(
    source: SourceConfig, found: Found | None, external_id: str, version: int
) -> PostingReceived:
    now = datetime.now(UTC)
    base = {
        "correlation_id": uuid.uuid4().hex,
        "occurred_at": now,
        "posting_id": f"{source.name}:{external_id}",
        "source": source.name,
        "external_id": external_id,
        "received_at": now,
        "version": version,
    }
    if found is None:
        reason = {"reason": CLOSE_REASON, "closed_at": now.isoformat()}
        return PostingReceived(**base, event="close", payload=reason)
    return PostingReceived(**base, event="upsert", format=found.format, payload=found.payload)


async def poll_source(source: SourceConfig, connector: Connector, ports: Ports) -> Outcome:
    """Raises PollError (nothing closed) or returns what the poll did."""
    cache = await ports.store.validators(source.name)
    listing = await connector.list(ports.http, source, cache)
    if listing.not_modified:
        return Outcome("not_modified")
    snapshot = await ports.store.load(source.name)
    changes = diff(snapshot, listing.postings)
    for found in changes.upserts:
        await _upsert(source, connector, ports, found)
    streak = await ports.store.empty_streak(source.name, not listing.postings)
    confirmed = (
        bool(listing.postings) or not changes.vanished or streak >= ports.confirm_empty_polls
    )
    if not confirmed:
        # Maybe empty by error: poll again (without a 304 shortcut) before closing a whole board.
        return Outcome("empty_unconfirmed")
    closed = await _close(source, ports, changes.vanished)
    await ports.store.set_validators(source.name, listing.validators)
    return Outcome(
        "healthy",
        seen=len(listing.postings),
        new=len(changes.new),
        changed=len(changes.changed),
        reopened=len(changes.reopened),
        closed=closed,
    )


async def _upsert(source: SourceConfig, connector: Connector, ports: Ports, found: Found) -> None:
    # The hash is of what the listing showed, so an unchanged summary needs no detail request.
    digest = content_hash(found.payload)
    full = await connector.detail(ports.http, found)
    await ports.publish(_message(source, full, found.external_id, ports.next_version()))
    await ports.store.put(source.name, found.external_id, Entry(digest))


async def _close(source: SourceConfig, ports: Ports, vanished: list[str]) -> int:
    for external_id in vanished:
        message = _message(source, None, external_id, ports.next_version())
        await ports.publish(message)
        payload = message.payload
        entry = Entry("", open=False, closed_at=payload["closed_at"], reason=payload["reason"])
        await ports.store.put(source.name, external_id, entry)
    return len(vanished)
