"""Prometheus metrics shared by every hop; names follow conventions with a ``jobstream_`` prefix.

One registry per process, created by the composition root and passed on, so tests can run
several services in one process without clashing.
"""

from dataclasses import dataclass, field

from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram

LATENCY_BUCKETS = (0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0, 60.0)
# Postings are indexed minutes to weeks after their board published them.
_HOUR, _DAY = 3600.0, 86400.0
AGE_BUCKETS = (
    300.0,
    _HOUR,
    6 * _HOUR,
    _DAY,
    2 * _DAY,
    7 * _DAY,
    14 * _DAY,
    30 * _DAY,
    60 * _DAY,
    90 * _DAY,
)


@dataclass
class Metrics:
    registry: CollectorRegistry = field(default_factory=CollectorRegistry)

    def __post_init__(self) -> None:
        r = self.registry
        self.messages = Counter(
            "jobstream_hop_messages_total",
            "Messages handled by a hop, by outcome (ok, dropped, retried, dead_lettered)",
            ["hop", "outcome"],
            registry=r,
        )
        self.hop_seconds = Histogram(
            "jobstream_hop_duration_seconds",
            "Time from delivery to ack in a hop",
            ["hop"],
            buckets=LATENCY_BUCKETS,
            registry=r,
        )
        self.dead_letters = Counter(
            "jobstream_dead_letters_total", "Messages dead-lettered", ["hop", "reason"], registry=r
        )
        self.retries = Counter(
            "jobstream_retries_total",
            "Messages sent to a retry queue, by attempt and failure reason",
            ["hop", "attempt", "reason"],
            registry=r,
        )
        self.received = Counter(
            "jobstream_postings_received_total",
            "Postings offered to the gateway, by source and outcome",
            ["source", "outcome"],
            registry=r,
        )
        self.duplicates = Counter(
            "jobstream_duplicates_total",
            "Duplicates by kind: delivery and unchanged are dropped; same_content and near are "
            "indexed and clustered",
            ["kind"],
            registry=r,
        )
        self.cluster_size = Histogram(
            "jobstream_cluster_size",
            "Members of a cluster when a posting joins it (copies of one job across sources)",
            buckets=(2, 3, 4, 5, 8, 13, 21, 50, 100),
            registry=r,
        )
        self.indexed = Counter(
            "jobstream_postings_indexed_total",
            "Posting writes by result (created, updated, closed, unchanged, stale)",
            ["result"],
            registry=r,
        )
        self.events = Counter(
            "jobstream_events_published_total", "Public events published", ["type"], registry=r
        )
        self.end_to_end = Histogram(
            "jobstream_end_to_end_seconds",
            "From receipt at the gateway to the indexed write",
            buckets=LATENCY_BUCKETS,
            registry=r,
        )
        self.fetches = Counter(
            "jobstream_fetch_total",
            "URL downloads by source and status class (2xx, 4xx, 5xx, refused, timeout, network)",
            ["source", "status"],
            registry=r,
        )
        self.ready = Gauge("jobstream_ready", "1 when the service is ready", registry=r)
        self._observability(r)

    def _observability(self, r: CollectorRegistry) -> None:
        self.posting_age = Histogram(
            "jobstream_posting_age_at_index_seconds",
            "From the posting's date_posted to its first indexing, by source",
            ["source"],
            buckets=AGE_BUCKETS,
            registry=r,
        )
        self.source_last_received = Gauge(
            "jobstream_source_last_received_timestamp_seconds",
            "Receipt time of the newest posting from a source that reached the fetcher",
            ["source"],
            registry=r,
        )
        self.enrichment_fields = Counter(
            "jobstream_enrichment_fields_total",
            "Enriched postings per field, filled or not: the enricher's fill rate",
            ["field", "filled"],
            registry=r,
        )
        self.queue_messages = Gauge(
            "jobstream_queue_messages",
            "Messages ready in a queue (kind: main, retry, dead_letter), from a passive declare",
            ["queue", "hop", "kind"],
            registry=r,
        )
        self.queue_consumers = Gauge(
            "jobstream_queue_consumers",
            "Consumers RabbitMQ sees on a queue",
            ["queue", "hop", "kind"],
            registry=r,
        )
        self.queue_probe_errors = Counter(
            "jobstream_queue_probe_errors_total",
            "Queue-depth probes that failed (broker down, queue missing)",
            registry=r,
        )
