"""Pure parts of the services: versions, fingerprints, newest-version selection, fetch rules."""

import asyncio
import socket
from datetime import UTC, datetime

import pytest

from jobstream.embedded_mongo import _ephemeral_low, free_port, free_port_block
from services.fetcher.adapters import _check_host
from services.fetcher.handlers import fetch
from services.fetcher.ports import Downloaded
from services.gateway.versions import VersionClock
from services.indexer.handlers import latest_versions
from services.normalizer.fingerprint import fingerprint
from shared.errors import FetchRefused
from shared.messages import PostingEnriched, PostingReceived
from shared.posting import Description, Enrichment, NormalizedPosting


def test_versions_strictly_increase_even_within_one_microsecond():
    clock = VersionClock()
    versions = [clock.next() for _ in range(1000)]
    assert versions == sorted(set(versions))


def test_fingerprint_depends_on_content_and_status_only():
    a = NormalizedPosting(title="Engineer", description=Description(text="Python"))
    same = NormalizedPosting(title="Engineer", description=Description(text="Python"))
    other = NormalizedPosting(title="Engineer", description=Description(text="Python, Go"))
    assert fingerprint(a, "open") == fingerprint(same, "open")
    assert fingerprint(a, "open") != fingerprint(other, "open")
    assert fingerprint(a, "open") != fingerprint(a, "closed")


def _enriched(posting_id: str, version: int) -> PostingEnriched:
    return PostingEnriched(
        correlation_id="c",
        posting_id=posting_id,
        source="s",
        external_id=posting_id,
        version=version,
        received_at=datetime.now(UTC),
        posting=NormalizedPosting(),
        fingerprint=str(version),
        enrichment=Enrichment(),
    )


def test_latest_versions_keeps_the_newest_of_each_posting():
    batch = [_enriched("a", 2), _enriched("b", 1), _enriched("a", 5), _enriched("a", 3)]
    assert sorted((m.posting_id, m.version) for m in latest_versions(batch)) == [("a", 5), ("b", 1)]


class FakeDownloader:
    def __init__(self, downloaded: Downloaded) -> None:
        self.downloaded = downloaded
        self.urls: list[str] = []

    async def download(self, url: str) -> Downloaded:
        self.urls.append(url)
        return self.downloaded


def _received(**fields: object) -> PostingReceived:
    base = dict(
        correlation_id="c",
        posting_id="s:1",
        source="s",
        external_id="1",
        version=1,
        received_at=datetime.now(UTC),
    )
    return PostingReceived.model_validate({**base, **fields})


async def test_inline_payload_passes_without_a_download():
    downloader = FakeDownloader(Downloaded("https://x", "text/html", "<p>x</p>"))
    fetched = await fetch(_received(format="text", payload="Engineer"), downloader)
    assert (fetched.format, fetched.payload, downloader.urls) == ("text", "Engineer", [])


async def test_url_reference_is_downloaded_and_html_recognised():
    downloader = FakeDownloader(
        Downloaded("https://jobs.example/1", "text/html; charset=utf-8", "<h1>Engineer</h1>")
    )
    fetched = await fetch(_received(url="https://jobs.example/1"), downloader)
    assert downloader.urls == ["https://jobs.example/1"]
    assert (fetched.format, fetched.payload) == ("html", "<h1>Engineer</h1>")


async def test_json_download_is_decoded_for_format_detection():
    downloader = FakeDownloader(Downloaded("https://x", "application/json", '{"title": "Dev"}'))
    fetched = await fetch(_received(url="https://x"), downloader)
    assert fetched.payload == {"title": "Dev"}


@pytest.mark.parametrize(
    "url",
    [
        "http://127.0.0.1/admin",
        "http://10.0.0.8/",
        "http://169.254.169.254/latest/meta-data/",
        "http://[::1]/",
        "file:///etc/passwd",
        "gopher://example.com/",
    ],
)
def test_private_and_non_http_targets_are_refused(url):
    with pytest.raises(FetchRefused):
        asyncio.run(_check_host(url, frozenset()))


def test_allowlisted_host_may_be_private():
    asyncio.run(_check_host("http://127.0.0.1:8080/job", frozenset({"127.0.0.1"})))


def test_a_port_block_for_jobstream_run_is_free_and_outside_the_ephemeral_range() -> None:
    """Outgoing connections take their local ports from the ephemeral range; a block chosen
    there can be taken before `jobstream run` binds it."""
    base = free_port_block(8)
    assert base + 8 <= _ephemeral_low()
    for port in range(base, base + 8):
        with socket.socket() as sock:
            sock.bind(("127.0.0.1", port))  # raises if taken
    assert free_port() < _ephemeral_low()


def test_ports_picked_before_any_server_binds_are_all_distinct() -> None:
    """A stack picks one port per service before starting any: a shared port let one service
    answer the other's readiness check while the other failed to bind (chaos, CI)."""
    ports = [free_port() for _ in range(400)]
    base = free_port_block(8)
    assert len(set(ports)) == len(ports)
    assert set(ports).isdisjoint(range(base, base + 8))
