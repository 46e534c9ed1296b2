"""The read API on the MongoDB wire server: filters, pagination, explain, JSON-LD."""

from __future__ import annotations

import itertools
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
import pytest

from services.api.filters import SearchParams, StatsParams
from services.api.jsonld import missing_required
from services.api.main import create_app
from services.api.queries import search_pipeline
from services.api.reader import stats_pipelines
from services.api.settings import ApiSettings
from services.gateway.keys import new_key
from services.indexer.adapters import INDEXES
from shared.events import EVENT_TYPES

pytestmark = pytest.mark.integration
NOW = datetime(2025, 6, 1, tzinfo=UTC)
_seq = itertools.count()


def posting(**fields: Any) -> dict[str, Any]:
    n = next(_seq)
    pid = fields.pop("id", f"t:{n}")
    doc = {
        "_id": pid,
        "id": pid,
        "source": {"name": "board", "external_id": str(n), "url": f"https://jobs.example/{n}"},
        "status": "open",
        "title": "Engineer",
        "company": {"name": "Acme"},
        "seniority": None,
        "workplace": None,
        "employment_type": [],
        "locations": [],
        "experience": {"min_years": None, "max_years": None},
        "salary": None,
        "skills": [],
        "date_posted": NOW - timedelta(days=n % 20),
        "valid_through": None,
        "description": {"text": "Build things.", "sections": []},
        "keywords": ["engineer"],
        "indexed_at": NOW,
    }
    return doc | fields


def loc(country: str, city: str | None = None) -> dict[str, Any]:
    return {"raw": city or country, "city": city, "region": None, "country": country}


def skill(sid: str, name: str) -> dict[str, Any]:
    return {"id": sid, "name": name, "category": "tech", "required": True}


KEYS = {scope: new_key(scope) for scope in ("read", "ingest")}


@pytest.fixture
async def collection(mongo, database_name):
    col = mongo[database_name]["postings"]
    await col.create_indexes(INDEXES)
    return col


@pytest.fixture
async def api(mongo_url, database_name, amqp_url, namespace) -> AsyncIterator[httpx.AsyncClient]:
    settings = ApiSettings(
        mongo_url=mongo_url,
        mongo_database=database_name,
        amqp_url=amqp_url,
        namespace=namespace,
        api_keys=[entry for _, entry in KEYS.values()],
        log_format="console",
    )
    app = create_app(settings)
    async with app.router.lifespan_context(app):
        transport = httpx.ASGITransport(app=app)
        headers = {"X-API-Key": KEYS["read"][0]}
        async with httpx.AsyncClient(
            transport=transport, base_url="http://api", headers=headers
        ) as client:
            yield client


CORPUS = [
    posting(id="py-de", skills=[skill("tech:python", "Python")], locations=[loc("DE", "Berlin")],
            seniority="senior", workplace="remote", employment_type=["FULL_TIME"],
            experience={"min_years": 5, "max_years": None}, keywords=["backend", "python"],
            salary={"currency": "EUR", "annual_min": 70000, "annual_max": 90000}),
    posting(id="go-fr", skills=[skill("tech:go", "Go")], locations=[loc("FR", "Paris")],
            seniority="junior", workplace="onsite", employment_type=["PART_TIME"],
            experience={"min_years": 1, "max_years": None}, keywords=["go", "platform"],
            salary={"currency": "EUR", "annual_min": 40000, "annual_max": None},
            source={"name": "other", "external_id": "x", "url": None}),
    posting(id="both-de", skills=[skill("tech:python", "Python"), skill("tech:go", "Go")],
            locations=[loc("DE", "Munich"), loc("AT", "Vienna")], seniority="mid",
            workplace="hybrid", employment_type=["FULL_TIME", "CONTRACTOR"],
            keywords=["backend", "go", "python"], date_posted=NOW - timedelta(days=90)),
    posting(id="closed", status="closed", skills=[skill("tech:python", "Python")],
            locations=[loc("DE", "Berlin")], keywords=["python"]),
]  # fmt: skip

FILTERS = [
    ({"skill": ["tech:python"]}, {"py-de", "both-de"}),
    ({"skill": ["tech:python", "tech:go"], "skill_match": "all"}, {"both-de"}),
    ({"skill": ["tech:python", "Go"]}, {"py-de", "go-fr", "both-de"}),
    ({"skill": ["python"]}, {"py-de", "both-de"}),
    ({"country": ["de"]}, {"py-de", "both-de"}),
    ({"country": ["at", "fr"]}, {"go-fr", "both-de"}),
    ({"city": ["Berlin"]}, {"py-de"}),
    ({"workplace": ["remote", "hybrid"]}, {"py-de", "both-de"}),
    ({"seniority": ["junior"]}, {"go-fr"}),
    ({"employment_type": ["CONTRACTOR"]}, {"both-de"}),
    ({"max_experience": 2}, {"go-fr"}),
    ({"salary_min": 60000}, {"py-de"}),
    ({"salary_min": 35000, "currency": "eur"}, {"py-de", "go-fr"}),
    ({"salary_max": 50000}, {"go-fr"}),
    ({"posted_since": (NOW - timedelta(days=30)).isoformat()}, {"py-de", "go-fr"}),
    ({"source": ["other"]}, {"go-fr"}),
    ({"status": "closed"}, {"closed"}),
    ({"status": "any", "city": ["Berlin"]}, {"py-de", "closed"}),
    # City and country together name one location: Munich is in DE, not AT.
    ({"city": ["Munich"], "country": ["AT"]}, set()),
    ({"city": ["Munich"], "country": ["de"]}, {"both-de"}),
    ({"keyword": "Backend Go"}, {"both-de"}),
    ({}, {"py-de", "go-fr", "both-de"}),
]


@pytest.mark.parametrize(("query", "expected"), FILTERS, ids=lambda v: str(v)[:40])
async def test_every_filter_returns_the_right_postings(api, collection, query, expected):
    await collection.insert_many([dict(d) for d in CORPUS])
    response = await api.get("/v1/postings", params=query)
    assert response.status_code == 200, response.text
    assert {p["id"] for p in response.json()["items"]} == expected


async def _explain(collection, pipeline) -> dict[str, Any]:
    db = collection.database
    result = await db.command("explain", {"aggregate": collection.name, "pipeline": pipeline,
                                          "cursor": {}})  # fmt: skip
    return result["queryPlanner"]["winningPlan"]


def _stages(plan: dict[str, Any]) -> list[str]:
    out = [plan.get("stage", "")]
    if "inputStage" in plan:
        out += _stages(plan["inputStage"])
    return out


@pytest.mark.parametrize("query", [q for q, _ in FILTERS], ids=lambda v: str(v)[:40])
async def test_every_query_shape_uses_an_index(collection, query):
    await collection.insert_many([dict(d) for d in CORPUS])
    params = SearchParams.model_validate(query)
    plan = await _explain(collection, search_pipeline(params, None))
    assert "IXSCAN" in _stages(plan), plan
    stats = StatsParams.model_validate(query)
    for name, pipeline in stats_pipelines(stats, NOW).items():
        plan = await _explain(collection, pipeline)
        assert "IXSCAN" in _stages(plan), (name, plan)


async def test_pagination_is_stable_under_inserts(api, collection):
    await collection.insert_many([posting(keywords=["x"]) for _ in range(25)])
    seen: list[str] = []
    cursor = None
    while True:
        params = {"limit": 7, **({"cursor": cursor} if cursor else {})}
        body = (await api.get("/v1/postings", params=params)).json()
        seen += [p["id"] for p in body["items"]]
        # Newer postings arrive between pages: they belong before the cursor, not in later pages.
        await collection.insert_one(posting(date_posted=NOW + timedelta(days=1)))
        cursor = body["next_cursor"]
        if cursor is None:
            break
    assert len(seen) == len(set(seen)) == 25


async def test_a_null_sort_value_is_not_lost_across_pages(api, collection):
    await collection.insert_many([posting(date_posted=None) for _ in range(3)] + [posting()])
    ids: list[str] = []
    cursor = None
    for _ in range(5):
        body = (await api.get("/v1/postings", params={"limit": 1, "cursor": cursor} if cursor
                              else {"limit": 1})).json()  # fmt: skip
        ids += [p["id"] for p in body["items"]]
        if not (cursor := body["next_cursor"]):
            break
    assert len(set(ids)) == 4


async def test_json_ld_meets_googles_required_fields(api, collection):
    await collection.insert_many([dict(d) for d in CORPUS])
    response = await api.get("/v1/postings/py-de", headers={"Accept": "application/ld+json"})
    assert response.headers["content-type"].startswith("application/ld+json")
    ld = response.json()
    assert missing_required(ld) == []
    assert ld["jobLocationType"] == "TELECOMMUTE"
    assert ld["applicantLocationRequirements"] == [{"@type": "Country", "name": "DE"}]
    assert ld["hiringOrganization"]["name"] == "Acme" and ld["employmentType"] == ["FULL_TIME"]
    plain = (await api.get("/v1/postings/py-de")).json()
    assert plain["id"] == "py-de" and "keywords" not in plain and "_id" not in plain


async def test_stats_counts_over_the_window(api, collection):
    await collection.insert_many([dict(d) for d in CORPUS])
    # Relative to now: the corpus dates are fixed, so ask a window wide enough to hold them.
    days = (datetime.now(UTC) - NOW).days + 30
    body = (await api.get("/v1/stats", params={"window_days": days})).json()
    assert body["total"] == 2
    assert body["top_skills"] == [
        {"id": "tech:go", "name": "Go", "count": 1},
        {"id": "tech:python", "name": "Python", "count": 1},
    ]
    assert {r["value"]: r["count"] for r in body["seniority"]} == {"senior": 1, "junior": 1}
    assert {r["value"]: r["count"] for r in body["country"]} == {"DE": 1, "FR": 1}


async def test_read_scope_is_required(api):
    assert (await api.get("/v1/postings", headers={"X-API-Key": "nope"})).status_code == 401
    ingest = {"X-API-Key": KEYS["ingest"][0]}
    assert (await api.get("/v1/postings", headers=ingest)).status_code == 403
    assert (await api.get("/v1/postings", params={"cursor": "garbage"})).status_code == 400
    assert (await api.get("/v1/postings/none")).status_code == 404


async def test_copies_of_one_job_count_once_in_unique_jobs(api, collection):
    copies = [
        posting(id=f"copy-{n}", cluster_id="c-7", duplicate_of=None if n == 0 else "copy-0")
        for n in range(3)
    ]
    await collection.insert_many([*copies, posting(id="lone", cluster_id="c-8"), posting()])
    days = (datetime.now(UTC) - NOW).days + 30
    body = (await api.get("/v1/stats", params={"window_days": days})).json()
    assert (body["total"], body["unique_jobs"]) == (5, 3)


async def test_a_cluster_lists_every_copy_and_names_the_canonical_one(api, collection):
    def member(pid: str, origin: str, first_seen: datetime) -> dict[str, Any]:
        evidence = {"kind": "near", "similarity": 0.9, "rule": "same-title-place", "origin": origin}
        return posting(id=pid, cluster_id="c-9", dedup=evidence, first_indexed_at=first_seen)

    await collection.insert_many(
        [member("board-a", "board", NOW), member("ats-a", "ats", NOW + timedelta(hours=1))]
    )
    response = await api.get("/v1/clusters/c-9")
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["size"] == 2 and body["canonical_id"] == "ats-a"
    assert [m["posting_id"] for m in body["members"]] == ["board-a", "ats-a"]  # first seen first
    assert body["members"][0]["url"].startswith("https://jobs.example/")
    assert (await api.get("/v1/clusters/c-404")).status_code == 404
    assert (await api.get("/v1/clusters/c-9", headers={"X-API-Key": "no"})).status_code == 401


async def test_the_asyncapi_document_describes_every_public_event(api):
    response = await api.get("/v1/asyncapi.json", headers={"X-API-Key": ""})
    assert response.status_code == 200
    document = response.json()
    assert document["asyncapi"] == "3.0.0"
    assert set(document["channels"]) == set(EVENT_TYPES)
    for name, channel in document["channels"].items():
        assert channel["address"] == f"{name}.<country>.<seniority>"
        assert channel["bindings"]["amqp"]["exchange"]["type"] == "topic"
        [message] = channel["messages"].values()
        payload = _resolve(document, _resolve(document, message)["payload"])
        assert payload["properties"]["type"]["const"] == name
        data = _resolve(document, payload["properties"]["data"])
        assert {"id", "title", "locations", "skills", "changes", "cluster"} <= set(
            data["properties"]
        )
    page = await api.get("/v1/asyncapi")
    assert page.status_code == 200 and "asyncapi" in page.text.lower()


def _resolve(document: dict[str, Any], node: dict[str, Any]) -> dict[str, Any]:
    """Follow a local ``$ref``; every one in the document must point at something."""
    while "$ref" in node:
        target: Any = document
        for part in node["$ref"].removeprefix("#/").split("/"):
            target = target[part]
        node = target
    return node


async def test_the_cluster_query_uses_an_index(collection):
    await collection.insert_many([posting(cluster_id=f"c-{n % 3}") for n in range(9)])
    db = collection.database
    result = await db.command("explain", {"find": collection.name, "filter": {"cluster_id": "c-1"}})
    assert "IXSCAN" in _stages(result["queryPlanner"]["winningPlan"]), result
