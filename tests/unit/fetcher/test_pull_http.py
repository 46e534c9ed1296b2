"""Politeness and the SSRF guard of the pull client."""

import httpx
import pytest

from services.fetcher.pull.connector import Validators
from services.fetcher.pull.errors import BadListing, RateLimited, Refused, SourceUnavailable
from services.fetcher.pull.http import PoliteClient, Politeness, retry_after_s
from services.fetcher.pull.kinds import connector_for

from .fakes import ATS, Sleeps, Web, json_reply, polite, source

URL = "https://boards.example/jobs"


async def test_429_retry_after_is_waited_out():
    sleeps = Sleeps()
    web = Web().on(URL, httpx.Response(429, headers={"retry-after": "7"}), httpx.Response(200))
    answer = await polite(web, sleeps).get(URL)
    assert answer.status == 200
    assert sleeps.waits == [7.0]
    assert len(web.requests) == 2


async def test_429_asking_for_too_long_fails_the_poll_with_the_wait():
    web = Web().on(URL, httpx.Response(429, headers={"retry-after": "3600"}))
    with pytest.raises(RateLimited) as caught:
        await polite(web, max_retry_after_s=60).get(URL)
    assert caught.value.retry_after_s == 3600
    assert len(web.requests) == 1


def test_retry_after_http_date():
    assert retry_after_s("Wed, 21 Oct 2015 07:28:10 GMT", now=1445412480.0) == 10.0
    assert retry_after_s("soon", now=0) is None


async def test_5xx_backs_off_exponentially_then_gives_up():
    sleeps = Sleeps()
    web = Web().on(URL, httpx.Response(503))
    with pytest.raises(SourceUnavailable, match="503"):
        await polite(web, sleeps, max_attempts=3, backoff_s=2.0).get(URL)
    assert sleeps.waits == [2.0, 4.0]
    assert len(web.requests) == 3


async def test_5xx_then_success_recovers():
    web = Web().on(URL, httpx.Response(502), httpx.Response(200, text="ok"))
    assert (await polite(web).get(URL)).text == "ok"


async def test_timeout_is_unavailable():
    def slow(request: httpx.Request) -> httpx.Response:
        raise httpx.ReadTimeout("timed out", request=request)

    with pytest.raises(SourceUnavailable, match="ReadTimeout"):
        await polite(Web().on(URL, slow), max_attempts=2).get(URL)


async def test_4xx_is_a_bad_listing():
    with pytest.raises(BadListing, match="404"):
        await polite(Web().on(URL, httpx.Response(404))).get(URL)


async def test_size_cap():
    web = Web().on(URL, httpx.Response(200, content=b"x" * 2_000))
    with pytest.raises(Refused, match="larger than 1000 bytes"):
        await polite(web, max_bytes=1_000).get(URL)


async def test_redirects_are_bounded():
    web = Web().on(URL, httpx.Response(302, headers={"location": URL}))
    with pytest.raises(Refused, match="more than 2 redirects"):
        await polite(web, max_redirects=2).get(URL)


def unguarded(web: Web) -> PoliteClient:
    """A client whose allowlist is empty: every host goes through the address check."""
    client = httpx.AsyncClient(transport=httpx.MockTransport(web.handle))
    return PoliteClient(client, Politeness(per_host_interval_s=0), frozenset(), Sleeps())


@pytest.mark.parametrize(
    "url",
    [
        "http://127.0.0.1/jobs",
        "http://10.1.2.3/jobs",
        "http://169.254.169.254/latest/meta-data/",
        "http://[::1]/jobs",
        "file:///etc/passwd",
    ],
)
async def test_ssrf_targets_are_refused_before_any_request(url):
    web = Web().on(url, httpx.Response(200))
    with pytest.raises(Refused) as caught:
        await unguarded(web).get(url)
    assert "refused" in str(caught.value)
    assert web.requests == []


@pytest.mark.parametrize("target", ["http://169.254.169.254/latest/", "http://10.0.0.7/admin"])
async def test_a_redirect_to_a_private_address_is_refused(target):
    # 93.184.215.14 is a public literal: no DNS, and the guard lets it through.
    start = "http://93.184.215.14/jobs"
    web = Web().on(start, httpx.Response(302, headers={"location": target}))
    web.on(target, httpx.Response(200))
    with pytest.raises(Refused, match="non-public address"):
        await unguarded(web).get(start)
    assert web.urls() == [start]


async def test_conditional_request_and_304_means_not_modified():
    url = "https://boards-api.greenhouse.io/v1/boards/acme/jobs?content=true"
    web = Web().on(
        url,
        json_reply(ATS / "greenhouse_careerkit.json", etag='"v1"'),
        httpx.Response(304),
    )
    http, src, gh = polite(web), source("greenhouse", board="acme"), connector_for("greenhouse")
    first = await gh.list(http, src, Validators())
    assert first.validators.etag == '"v1"' and len(first.postings) == 2
    second = await gh.list(http, src, first.validators)
    assert second.not_modified and second.postings == []
    assert web.requests[1].headers["if-none-match"] == '"v1"'
