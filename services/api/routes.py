"""The read side over HTTP: search, one posting (JSON or JSON-LD), stats. ``read`` scope."""

from datetime import UTC, datetime
from typing import Annotated, Any

from fastapi import Depends, FastAPI, Query, Request
from fastapi.encoders import jsonable_encoder
from fastapi.responses import HTMLResponse, JSONResponse
from faststream.specification.asyncapi import get_asyncapi_html

from services.api.cursor import BadCursor
from services.api.filters import SearchParams, StatsParams
from services.api.jsonld import job_posting, missing_required
from services.api.reader import PostingReader
from services.gateway.auth import Authenticator, Principal, require
from services.gateway.problems import Problem
from shared.events import asyncapi_spec
from shared.topology import Topology

JSON_LD = "application/ld+json"


def _wants_json_ld(request: Request) -> bool:
    accept = request.headers.get("accept", "")
    return any(part.split(";")[0].strip() == JSON_LD for part in accept.split(","))


def contract_routes(app: FastAPI, topology: Topology) -> None:
    """The AsyncAPI document of the public events, generated from the code, open to all."""
    spec = asyncapi_spec(topology, version=app.version)
    document = spec.to_jsonable()
    # FastStream's page: the browser loads the renderer script; the server fetches nothing.
    page = get_asyncapi_html(spec, try_it_out_path=None)

    @app.get("/v1/asyncapi.json", tags=["contract"], summary="AsyncAPI 3.0 of the public events")
    async def asyncapi_json() -> dict[str, Any]:
        return document

    @app.get("/v1/asyncapi", tags=["contract"], summary="The AsyncAPI document, rendered")
    async def asyncapi_html() -> HTMLResponse:
        return HTMLResponse(page)


def read_routes(app: FastAPI, reader: PostingReader, auth: Authenticator) -> None:
    Reader = Annotated[Principal, Depends(require(auth, "read"))]

    @app.get("/v1/postings", tags=["read"], summary="Search postings, newest first by default")
    async def search(_: Reader, params: Annotated[SearchParams, Query()]) -> dict[str, Any]:
        try:
            return await reader.search(params)
        except BadCursor as exc:
            raise Problem(400, "Bad cursor", str(exc), field="cursor") from None

    @app.get(
        "/v1/postings/{posting_id}",
        tags=["read"],
        summary="One posting; `Accept: application/ld+json` for a schema.org JobPosting",
        responses={200: {"content": {JSON_LD: {}}}},
    )
    async def get_posting(_: Reader, posting_id: str, request: Request) -> Any:
        doc = await reader.get(posting_id)
        if doc is None:
            raise Problem(404, "Not found", f"no posting {posting_id!r}", field="posting_id")
        headers = {"Vary": "Accept"}
        if not _wants_json_ld(request):
            del doc["_id"]
            return JSONResponse(jsonable_encoder(doc), headers=headers)
        ld = job_posting(doc)
        if missing := missing_required(ld):
            # Served anyway, nothing guessed; the header says why Google would refuse it.
            headers["X-JobPosting-Missing"] = ",".join(missing)
        return JSONResponse(ld, media_type=JSON_LD, headers=headers)

    @app.get(
        "/v1/clusters/{cluster_id}",
        tags=["read"],
        summary="Every indexed copy of one job, where each was seen, and the canonical one",
    )
    async def get_cluster(_: Reader, cluster_id: str) -> Any:
        cluster = await reader.cluster(cluster_id, datetime.now(UTC))
        if cluster is None:
            raise Problem(404, "Not found", f"no cluster {cluster_id!r}", field="cluster_id")
        return JSONResponse(jsonable_encoder(cluster))

    @app.get("/v1/stats", tags=["read"], summary="Top skills and counts over a window")
    async def stats(_: Reader, params: Annotated[StatsParams, Query()]) -> dict[str, Any]:
        return await reader.stats(params, datetime.now(UTC))
