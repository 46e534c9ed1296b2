"""The read side over HTTP: search, one posting (JSON or JSON-LD), stats. ``read`` scope."""

from datetime import UTC, datetime
from typing import Annotated, Any

from fastapi import Depends, FastAPI, Query, Request
from fastapi.encoders import jsonable_encoder
from fastapi.responses import JSONResponse

from services.api.cursor import BadCursor
from services.api.filters import SearchParams, StatsParams
from services.api.jsonld import job_posting, missing_required
from services.api.reader import PostingReader
from services.gateway.auth import Authenticator, Principal, require
from services.gateway.problems import Problem

JSON_LD = "application/ld+json"


def _wants_json_ld(request: Request) -> bool:
    accept = request.headers.get("accept", "")
    return any(part.split(";")[0].strip() == JSON_LD for part in accept.split(","))


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

    @app.get("/v1/stats", tags=["read"], summary="Top skills and counts over a window")
    async def stats(_: Reader, params: Annotated[StatsParams, Query()]) -> dict[str, Any]:
        return await reader.stats(params, datetime.now(UTC))
