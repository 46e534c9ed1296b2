"""Per-source metrics of pull sources, on the runtime's registry."""

from __future__ import annotations

from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram

from shared.metrics import LATENCY_BUCKETS


class PullMetrics:
    def __init__(self, registry: CollectorRegistry) -> None:
        self.polls = Counter(
            "jobstream_pull_polls_total",
            "Polls of a pull source, by outcome (healthy, not_modified, error)",
            ["source", "outcome"],
            registry=registry,
        )
        self.postings = Counter(
            "jobstream_pull_postings_total",
            "Postings a poll saw, by change (seen, new, changed, reopened, closed)",
            ["source", "change"],
            registry=registry,
        )
        self.errors = Counter(
            "jobstream_pull_errors_total",
            "Failed polls by error class (unavailable, rate_limited, bad_listing, refused, ...)",
            ["source", "error_class"],
            registry=registry,
        )
        self.seconds = Histogram(
            "jobstream_pull_poll_duration_seconds",
            "Time of one poll, listing and publishes included",
            ["source"],
            buckets=LATENCY_BUCKETS,
            registry=registry,
        )
        self.last_healthy = Gauge(
            "jobstream_pull_last_healthy_poll_timestamp_seconds",
            "Unix time of the last poll that ended with a complete listing or a 304",
            ["source"],
            registry=registry,
        )

    def count(self, source: str, change: str, n: int) -> None:
        if n:
            self.postings.labels(source, change).inc(n)
