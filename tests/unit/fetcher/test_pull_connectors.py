"""Every source kind lists its real (or fixture) payload, and each posting parses downstream."""

import json

import httpx
import pytest

from services.fetcher.pull.connector import Validators
from services.fetcher.pull.errors import BadListing
from services.fetcher.pull.kinds import connector_for, connectors
from services.normalizer.formats import parse

from .fakes import ATS, DATA, Web, json_reply, polite, source

GH = "https://boards-api.greenhouse.io/v1/boards/acme/jobs?content=true"
ASHBY = "https://api.ashbyhq.com/posting-api/job-board/acme?includeCompensation=true"
LEVER_EU = "https://api.eu.lever.co/v0/postings/acme?mode=json"
SR = "https://api.smartrecruiters.com/v1/companies/ContosoLtd/postings"


async def listed(kind: str, web: Web, **config: object):
    src = source(kind, **config)
    connector = connector_for(kind)
    http = polite(web)
    listing = await connector.list(http, src, Validators())
    return [await connector.detail(http, f) for f in listing.postings]


def titles(found) -> list[str | None]:
    return [parse(f.format, f.payload, url=f.url).title for f in found]


def test_every_kind_is_registered():
    assert set(connectors()) >= {
        "greenhouse", "lever", "ashby", "workable", "smartrecruiters", "recruitee",
        "personio", "indeed-xml", "feed", "jsonld-page",
    }  # fmt: skip


@pytest.mark.parametrize("sample", ["greenhouse_careerkit", "greenhouse_tech-salary-radar"])
async def test_greenhouse_real_payloads(sample):
    path = ATS / f"{sample}.json"
    found = await listed("greenhouse", Web().on(GH, json_reply(path)), board="acme")
    jobs = json.loads(path.read_text())["jobs"]
    assert [f.external_id for f in found] == [str(j["id"]) for j in jobs]
    assert titles(found) == [j["title"].strip() for j in jobs]


@pytest.mark.parametrize("sample", ["ashby_careerkit", "ashby_tech-salary-radar"])
async def test_ashby_real_payloads(sample):
    path = ATS / f"{sample}.json"
    found = await listed("ashby", Web().on(ASHBY, json_reply(path)), board="acme")
    jobs = json.loads(path.read_text())["jobs"]
    assert [f.external_id for f in found] == [j["id"] for j in jobs]
    assert titles(found) == [j["title"].strip() for j in jobs]


@pytest.mark.parametrize("sample", ["lever_careerkit", "lever_tech-salary-radar"])
async def test_lever_eu_host_follows_pages(sample):
    jobs = json.loads((ATS / f"{sample}.json").read_text())
    web = Web()
    for skip in range(len(jobs) + 1):
        page = jobs[skip : skip + 1]
        web.on(f"{LEVER_EU}&skip={skip}&limit=1", httpx.Response(200, json=page))
    found = await listed("lever", web, board="acme", options={"region": "eu", "page_size": 1})
    assert [f.external_id for f in found] == [j["id"] for j in jobs]
    assert titles(found) == [j["text"].strip() for j in jobs]
    assert len(web.requests) == len(jobs) + 1  # the short last page ends the paging


async def test_lever_global_host_by_default():
    web = Web().on("https://api.lever.co/v0/postings/acme?mode=json&skip=0&limit=100",
                   httpx.Response(200, json=[]))  # fmt: skip
    assert await listed("lever", web, board="acme") == []


async def test_smartrecruiters_pages_then_fetches_details():
    web = Web()
    web.on(f"{SR}?limit=1&offset=0", json_reply(DATA / "smartrecruiters_page1.json"))
    web.on(f"{SR}?limit=1&offset=1", json_reply(DATA / "smartrecruiters_page2.json"))
    web.on(f"{SR}/744000011111111", json_reply(DATA / "smartrecruiters_detail1.json"))
    web.on(f"{SR}/744000022222222", json_reply(DATA / "smartrecruiters_detail2.json"))
    found = await listed("smartrecruiters", web, board="ContosoLtd", options={"page_size": 1})
    assert titles(found) == ["Data Analyst", "Support Engineer"]
    assert "SQL" in parse("smartrecruiters", found[0].payload).description.text
    assert found[0].url == "https://jobs.smartrecruiters.com/ContosoLtd/744000011111111"


async def test_smartrecruiters_short_page_is_a_partial_listing():
    web = Web().on(f"{SR}?limit=1&offset=0", httpx.Response(200, json={
        "offset": 0, "limit": 1, "totalFound": 5, "content": []}))  # fmt: skip
    with pytest.raises(BadListing, match="empty page"):
        await listed("smartrecruiters", web, board="ContosoLtd", options={"page_size": 1})


async def test_workable_names_the_company_on_each_job():
    url = "https://apply.workable.com/api/v1/widget/accounts/northwind?details=true"
    found = await listed(
        "workable", Web().on(url, json_reply(DATA / "workable.json")), board="northwind"
    )
    assert [f.external_id for f in found] == ["A1B2C3D4E5", "F6G7H8J9K0"]
    first = parse("workable", found[0].payload)
    assert (first.title, first.company) == ("Embedded Software Engineer", "Northwind Robotics")


async def test_recruitee():
    url = "https://fabrikam.recruitee.com/api/offers/"
    found = await listed(
        "recruitee", Web().on(url, json_reply(DATA / "recruitee.json")), board="fabrikam"
    )
    assert [f.external_id for f in found] == ["1820001", "1820002"]
    assert titles(found) == ["Frontend Developer", "Office Manager"]


@pytest.mark.parametrize(
    ("kind", "file", "config", "ids", "names"),
    [
        ("personio", "personio.xml", {"board": "tailspin"}, ["1400001", "1400002"],
         ["Accountant (m/w/d)", "Backend Developer (m/w/d)"]),
        ("indeed-xml", "indeed.xml", {"url": "https://careers.litware.example/feed.xml"},
         ["LW-301", "LW-302"], ["Warehouse Supervisor", "Forklift Driver"]),
        ("feed", "rss.xml", {"url": "https://jobs.adatum.example/rss"},
         ["adatum-17", "adatum-18"], ["QA Engineer", "Product Designer"]),
        ("feed", "atom.xml", {"url": "https://wingtip.example/atom"},
         ["urn:wingtip:job:5"], ["Nurse"]),
        ("jsonld-page", "jobpage.html", {"url": "https://careers.margiestravel.example/jobs/88"},
         ["MT-88"], ["Chef de partie"]),
    ],
)  # fmt: skip
async def test_document_kinds(kind, file, config, ids, names):
    url = config.get("url") or "https://tailspin.jobs.personio.de/xml"
    web = Web().on(url, httpx.Response(200, content=(DATA / file).read_bytes()))
    found = await listed(kind, web, **config)
    assert [f.external_id for f in found] == ids
    assert titles(found) == names


@pytest.mark.parametrize(
    ("kind", "body"),
    [
        ("greenhouse", b'{"error": "board not found"}'),
        ("greenhouse", b"<html>maintenance</html>"),
        ("personio", b"<html><body>Login</body></html>"),
        ("jsonld-page", b"<html><body>Sorry, something went wrong</body></html>"),
    ],
)
async def test_an_error_shaped_answer_is_a_bad_listing_not_an_empty_board(kind, body):
    url = {"greenhouse": GH, "personio": "https://acme.jobs.personio.de/xml"}.get(
        kind, "https://acme.example/job"
    )
    with pytest.raises(BadListing):
        await listed(
            kind,
            Web().on(url, httpx.Response(200, content=body)),
            board="acme",
            url=None if kind != "jsonld-page" else url,
        )
