"""Domain metrics observed around a hop, and the queue-depth probe each worker runs on scrape.

The hop handlers stay pure: a composition root wraps its ``Hop`` with ``observed`` and an
observer that reads the message, the result or the error, and counts what ops need to see.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any, TypeVar

import httpx
import structlog
from faststream.rabbit import RabbitBroker

from shared.errors import FetchRefused
from shared.hop import Hop
from shared.messages import PostingEnriched, PostingFetched, PostingReceived, PostingRef
from shared.metrics import Metrics
from shared.posting import Enrichment
from shared.topology import Topology

M = TypeVar("M", bound=PostingRef)
Observer = Callable[[M, PostingRef | None, BaseException | None], None]

log = structlog.get_logger("jobstream.ops_metrics")

# How each Enrichment field counts as filled; a field the posting does not state stays empty.
FILLED: dict[str, Callable[[Enrichment], bool]] = {
    "title": lambda e: e.title is not None,
    "title_normalized": lambda e: e.title_normalized is not None,
    "seniority": lambda e: e.seniority is not None,
    "occupation": lambda e: e.occupation is not None,
    "employment_type": lambda e: bool(e.employment_type),
    "workplace": lambda e: e.workplace is not None,
    "locations": lambda e: bool(e.locations),
    "country": lambda e: any(loc.country for loc in e.locations),
    "experience": lambda e: (
        e.experience.min_years is not None or e.experience.max_years is not None
    ),
    "education": lambda e: e.education.level is not None,
    "salary": lambda e: e.salary is not None,
    "skills": lambda e: bool(e.skills),
    "language": lambda e: e.language is not None,
}

# The downloader names the status of a refused 4xx answer only in its message.
_ANSWERED = re.compile(r" answered (\d)\d\d\b")


def observed(hop: Hop[M], observe: Observer[M]) -> Hop[M]:
    """The same hop, calling ``observe(message, result, error)`` after each handler call."""
    handle = hop.handle

    async def handle_observed(message: M) -> PostingRef | None:
        try:
            result = await handle(message)
        except Exception as exc:
            observe(message, None, exc)
            raise
        observe(message, result, None)
        return result

    return dataclasses.replace(hop, handle=handle_observed)


def fetch_status(error: BaseException | None) -> str:
    """Status class of a download: 2xx, 4xx, 5xx, refused, timeout, network or error."""
    if error is None:
        return "2xx"
    if isinstance(error, httpx.HTTPStatusError):
        return f"{error.response.status_code // 100}xx"
    if isinstance(error, FetchRefused):
        answered = _ANSWERED.search(str(error))
        return f"{answered.group(1)}xx" if answered else "refused"
    if isinstance(error, httpx.TimeoutException):
        return "timeout"
    if isinstance(error, httpx.TransportError):
        return "network"
    return "error"


def fetch_observer(metrics: Metrics) -> Observer[Any]:
    """Every posting passes the fetcher: the freshness of its source, and the download's status.

    Only downloads count as fetches: an inline payload or a close passes through without one.
    """
    newest: dict[str, float] = {}

    def observe(msg: Any, _: PostingRef | None, error: BaseException | None) -> None:
        if not isinstance(msg, PostingReceived):
            return
        received = msg.received_at.timestamp()
        if received > newest.get(msg.source, 0.0):
            newest[msg.source] = received
            metrics.source_last_received.labels(msg.source).set(received)
        if msg.event == "upsert" and msg.payload is None and msg.url is not None:
            metrics.fetches.labels(msg.source, fetch_status(error)).inc()

    return observe


def duplicate_observer(metrics: Metrics) -> Observer[Any]:
    """The normalizer returns nothing for a posting whose content fingerprint is unchanged."""
    unchanged = metrics.duplicates.labels("unchanged")

    def observe(msg: Any, result: PostingRef | None, error: BaseException | None) -> None:
        if error is None and result is None and isinstance(msg, PostingFetched):
            unchanged.inc()

    return observe


def enrichment_observer(metrics: Metrics) -> Observer[Any]:
    """Fill rate per field over upserts; a close carries no content to enrich."""
    counters = {
        (name, filled): metrics.enrichment_fields.labels(name, "true" if filled else "false")
        for name in FILLED
        for filled in (True, False)
    }

    def observe(_: Any, result: PostingRef | None, error: BaseException | None) -> None:
        if error is None and isinstance(result, PostingEnriched) and result.event == "upsert":
            for name, is_filled in FILLED.items():
                counters[name, is_filled(result.enrichment)].inc()

    return observe


def age_seconds(now: datetime, posted: datetime) -> float:
    """A date_posted without a zone is taken as UTC; one in the future counts as zero."""
    if posted.tzinfo is None:
        posted = posted.replace(tzinfo=UTC)
    return max(0.0, (now - posted).total_seconds())


def observe_indexed(metrics: Metrics, event_type: str, document: dict[str, Any]) -> None:
    """Lag from date_posted to the first indexing of a posting, by source."""
    posted = document.get("date_posted")
    if event_type == "posting.created" and isinstance(posted, datetime):
        source = (document.get("source") or {}).get("name") or "unknown"
        metrics.posting_age.labels(source).observe(age_seconds(datetime.now(UTC), posted))


class QueueProbe:
    """Depth and consumers of a hop's queues (main, retries, dead letters), on each scrape.

    A passive declare on a fresh channel: it never creates a queue and FastStream's cached
    declarations cannot answer for it. Several replicas report the same queue; dashboards
    take the max.
    """

    def __init__(self, broker: RabbitBroker, topology: Topology, hop: str, metrics: Metrics):
        self.broker = broker
        self.metrics = metrics
        retries = range(1, len(topology.retry_delays_ms) + 1)
        self.queues = [
            (topology.queue_name(hop), "main"),
            *((topology.retry_queue(hop, n).name, "retry") for n in retries),
            (topology.dead_letter_queue(hop).name, "dead_letter"),
        ]
        self.hop = hop

    async def __call__(self) -> None:
        connection = self.broker._connection  # FastStream exposes it as the `Connection` annotation
        try:
            if connection is None:
                raise ConnectionError("broker not connected")
            async with connection.channel() as channel:
                for name, kind in self.queues:
                    result = (await channel.declare_queue(name, passive=True)).declaration_result
                    labels = (name, self.hop, kind)
                    self.metrics.queue_messages.labels(*labels).set(result.message_count or 0)
                    self.metrics.queue_consumers.labels(*labels).set(result.consumer_count or 0)
        except Exception as exc:
            # Stale depths would hide a backlog: drop them until the broker answers again.
            self.metrics.queue_probe_errors.inc()
            self.metrics.queue_messages.clear()
            self.metrics.queue_consumers.clear()
            log.warning("queue_probe.failed", hop=self.hop, error=f"{type(exc).__name__}: {exc}")
