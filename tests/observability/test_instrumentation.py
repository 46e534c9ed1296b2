"""Domain metrics as ops read them: what one posting, fetch, duplicate or enrichment counts."""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from datetime import UTC, datetime, timedelta
from types import SimpleNamespace
from typing import Any

import httpx
import pytest

from services.fetcher.adapters import HttpxDownloader
from services.fetcher.handlers import fetch
from shared.hop import Hop
from shared.messages import PostingEnriched, PostingFetched, PostingReceived, PostingRef
from shared.metrics import Metrics
from shared.ops_metrics import (
    QueueProbe,
    duplicate_observer,
    enrichment_observer,
    fetch_observer,
    fetch_status,
    observe_indexed,
    observed,
)
from shared.posting import Enrichment, Experience, NormalizedPosting, Skill
from shared.topology import Topology

NOW = datetime(2026, 3, 1, 12, 0, tzinfo=UTC)


def value(metrics: Metrics, name: str, **labels: str) -> float:
    found = metrics.registry.get_sample_value(name, labels)
    return 0.0 if found is None else found


def received(**fields: Any) -> PostingReceived:
    defaults: dict[str, Any] = {
        "correlation_id": "c1",
        "posting_id": "acme:1",
        "source": "acme",
        "external_id": "1",
        "version": 1,
        "received_at": NOW,
    }
    return PostingReceived(**{**defaults, **fields})


def downloader(handler: Callable[[httpx.Request], httpx.Response]) -> HttpxDownloader:
    client = httpx.AsyncClient(transport=httpx.MockTransport(handler))
    return HttpxDownloader(client, 10_000, 2, ["jobs.example"])


async def fetch_with(handler: Callable[[httpx.Request], httpx.Response]) -> Metrics:
    metrics = Metrics()
    hop = observed(
        Hop("fetcher", PostingReceived, lambda m: fetch(m, downloader(handler))),
        fetch_observer(metrics),
    )
    # A failed fetch raises for the hop runner to retry or dead-letter; here only the count matters.
    with contextlib.suppress(Exception):
        await hop.handle(received(url="http://jobs.example/1"))
    return metrics


@pytest.mark.parametrize(
    ("status", "expected"), [(200, "2xx"), (404, "4xx"), (410, "4xx"), (503, "5xx"), (429, "4xx")]
)
async def test_a_download_counts_by_source_and_status_class(status: int, expected: str) -> None:
    metrics = await fetch_with(lambda _: httpx.Response(status, text="Engineer"))
    assert value(metrics, "jobstream_fetch_total", source="acme", status=expected) == 1
    assert value(metrics, "jobstream_source_last_received_timestamp_seconds", source="acme") == (
        NOW.timestamp()
    )


async def test_timeouts_and_network_errors_have_their_own_class() -> None:
    def timeout(request: httpx.Request) -> httpx.Response:
        raise httpx.ReadTimeout("slow", request=request)

    def refused(request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectError("refused", request=request)

    assert value(
        await fetch_with(timeout), "jobstream_fetch_total", source="acme", status="timeout"
    )
    assert value(
        await fetch_with(refused), "jobstream_fetch_total", source="acme", status="network"
    )


async def test_a_private_address_is_refused_not_an_http_class() -> None:
    client = httpx.AsyncClient(transport=httpx.MockTransport(lambda _: httpx.Response(200)))
    with pytest.raises(Exception) as caught:
        await HttpxDownloader(client, 10, 0, []).download("http://127.0.0.1/x")
    assert fetch_status(caught.value) == "refused"


async def test_an_inline_posting_is_no_fetch_but_keeps_its_source_fresh() -> None:
    metrics = Metrics()
    observe = fetch_observer(metrics)
    observe(received(payload="Engineer", received_at=NOW), None, None)
    observe(received(payload="Engineer", received_at=NOW - timedelta(hours=1)), None, None)
    assert metrics.registry.get_sample_value("jobstream_fetch_total", {}) is None
    newest = value(metrics, "jobstream_source_last_received_timestamp_seconds", source="acme")
    assert newest == NOW.timestamp()  # an older, redelivered posting does not turn the clock back


async def test_an_unchanged_posting_counts_as_a_duplicate_only_when_dropped() -> None:
    metrics = Metrics()
    fetched = PostingFetched(**received(format="text").model_dump(exclude={"payload", "url"}))

    async def unchanged(_: PostingFetched) -> PostingRef | None:
        return None

    async def changed(message: PostingFetched) -> PostingRef | None:
        return message

    for handle in (unchanged, changed, unchanged):
        await observed(
            Hop("normalizer", PostingFetched, handle), duplicate_observer(metrics)
        ).handle(fetched)
    assert value(metrics, "jobstream_duplicates_total", kind="unchanged") == 2


def enriched(enrichment: Enrichment, event: str = "upsert") -> PostingEnriched:
    return PostingEnriched(
        **received(event=event).model_dump(exclude={"payload", "url", "format"}),
        posting=NormalizedPosting(title="Backend Engineer"),
        fingerprint="f",
        enrichment=enrichment,
    )


def test_fill_rate_counts_each_field_filled_or_not_over_upserts() -> None:
    metrics = Metrics()
    observe = enrichment_observer(metrics)
    skill = Skill(id="python", name="Python", category="language", required=True)
    full = Enrichment(title="Backend Engineer", skills=[skill], experience=Experience(min_years=3))
    observe(None, enriched(full), None)
    observe(None, enriched(Enrichment(title="Engineer")), None)
    observe(None, enriched(Enrichment(), event="close"), None)  # a close has nothing to enrich

    def filled(field: str, state: str) -> float:
        return value(metrics, "jobstream_enrichment_fields_total", field=field, filled=state)

    assert (filled("title", "true"), filled("title", "false")) == (2, 0)
    assert (filled("skills", "true"), filled("skills", "false")) == (1, 1)
    assert (filled("experience", "true"), filled("experience", "false")) == (1, 1)
    assert (filled("salary", "true"), filled("salary", "false")) == (0, 2)


def test_posting_age_is_observed_at_first_indexing_only() -> None:
    metrics = Metrics()
    two_days_ago = datetime.now(UTC) - timedelta(days=2, minutes=1)
    document = {"source": {"name": "acme"}, "date_posted": two_days_ago}
    observe_indexed(metrics, "posting.created", document)
    observe_indexed(metrics, "posting.updated", document)
    observe_indexed(metrics, "posting.created", {"source": {"name": "acme"}, "date_posted": None})
    naive = {"source": {"name": "acme"}, "date_posted": datetime.now(UTC).replace(tzinfo=None)}
    observe_indexed(metrics, "posting.created", naive)

    def bucket(le: str) -> float:
        name = "jobstream_posting_age_at_index_seconds_bucket"
        return value(metrics, name, source="acme", le=le)

    assert value(metrics, "jobstream_posting_age_at_index_seconds_count", source="acme") == 2
    assert bucket("300.0") == 1  # the naive "now" counts as UTC: minutes, not hours off
    assert (bucket("86400.0"), bucket("604800.0")) == (1, 2)


class FakeQueue:
    def __init__(self, messages: int, consumers: int) -> None:
        self.declaration_result = SimpleNamespace(message_count=messages, consumer_count=consumers)


class FakeChannel:
    def __init__(self, depths: dict[str, tuple[int, int]]) -> None:
        self.depths = depths

    async def declare_queue(self, name: str, passive: bool) -> FakeQueue:
        assert passive, "the probe must never create a queue"
        if name not in self.depths:
            raise LookupError(f"NOT_FOUND - no queue '{name}'")
        return FakeQueue(*self.depths[name])


class FakeConnection:
    def __init__(self, depths: dict[str, tuple[int, int]]) -> None:
        self.depths = depths

    @asynccontextmanager
    async def channel(self) -> AsyncIterator[FakeChannel]:
        yield FakeChannel(self.depths)


async def test_the_queue_probe_reports_depth_and_consumers_of_a_hops_queues() -> None:
    topology = Topology("js", (100, 200))
    depths = {
        "js.enricher": (40, 2),
        "js.enricher.retry.1": (3, 0),
        "js.enricher.retry.2": (0, 0),
        "js.enricher.dlq": (1, 0),
    }
    broker = SimpleNamespace(_connection=FakeConnection(depths))
    metrics = Metrics()
    probe = QueueProbe(broker, topology, "enricher", metrics)  # type: ignore[arg-type]
    await probe()

    def gauge(name: str, queue: str, kind: str) -> float:
        return value(metrics, name, queue=queue, hop="enricher", kind=kind)

    assert gauge("jobstream_queue_messages", "js.enricher", "main") == 40
    assert gauge("jobstream_queue_consumers", "js.enricher", "main") == 2
    assert gauge("jobstream_queue_messages", "js.enricher.retry.1", "retry") == 3
    assert gauge("jobstream_queue_messages", "js.enricher.dlq", "dead_letter") == 1

    # A queue gone (or the broker): no stale depth stays behind to hide a backlog.
    del depths["js.enricher.dlq"]
    await probe()
    assert (
        metrics.registry.get_sample_value(
            "jobstream_queue_messages", {"queue": "js.enricher", "hop": "enricher", "kind": "main"}
        )
        is None
    )
    assert value(metrics, "jobstream_queue_probe_errors_total") == 1
