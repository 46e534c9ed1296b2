"""``POST /v1/postings``: authenticated pushes of generic intake items."""

from typing import Annotated, Any

from fastapi import Depends, FastAPI, Header, Request

from services.gateway.auth import Principal, require
from services.gateway.gate import Gate
from services.gateway.guards import decode_json, read_body, require_json
from services.gateway.idempotency import Answer
from services.gateway.intake import IntakeItem, items_of
from services.gateway.problems import problem_doc
from services.gateway.publishing import Accepted, once
from services.normalizer.formats import FORMATS

_ITEM = IntakeItem.model_json_schema()
_ITEM["properties"]["format"]["enum"] = list(FORMATS)
_EXAMPLE = {
    "source": "acme-board",
    "external_id": "42",
    "event": "upsert",
    "format": "text",
    "payload": "Senior Backend Engineer\nBerlin\nWe build ...",
}
REQUEST_BODY = {
    "required": True,
    "content": {
        "application/json": {
            "schema": {
                "anyOf": [
                    _ITEM,
                    {"type": "array", "items": _ITEM, "minItems": 1},
                    {
                        "type": "object",
                        "required": ["postings"],
                        "properties": {
                            "postings": {"type": "array", "items": _ITEM, "minItems": 1}
                        },
                    },
                ]
            },
            "examples": {
                "one": {"summary": "One posting, inline", "value": _EXAMPLE},
                "batch": {
                    "summary": "A batch: a fetch by URL and a close",
                    "value": {
                        "postings": [
                            {
                                "source": "acme-board",
                                "external_id": "43",
                                "format": "html",
                                "url": "https://jobs.example.com/43",
                            },
                            {"source": "acme-board", "external_id": "41", "event": "close"},
                        ]
                    },
                },
            },
        }
    },
}

AUTH_RESPONSES: dict[int | str, dict[str, Any]] = {
    401: problem_doc(
        "No credential, or an unknown, expired or invalid one",
        {"title": "Unauthorized", "status": 401, "detail": "unknown or revoked API key"},
    ),
    403: problem_doc(
        "The credential lacks the scope",
        {"title": "Forbidden", "status": 403, "detail": "this credential lacks the 'ingest' scope"},
    ),
}

INTAKE_RESPONSES: dict[int | str, dict[str, Any]] = {
    400: problem_doc(
        "Body is not JSON",
        {
            "title": "Malformed JSON",
            "status": 400,
            "detail": "unexpected character: line 1 column 2 (char 1)",
            "field": "body",
        },
    ),
    409: problem_doc("The same Idempotency-Key or webhook-id is still being processed"),
    413: problem_doc(
        "Body, batch or JSON nesting too large",
        {
            "title": "Batch too large",
            "status": 413,
            "detail": "at most 500 postings",
            "field": "postings",
        },
    ),
    415: problem_doc("Not application/json"),
    422: problem_doc(
        "Invalid postings; `errors` names each bad item and field, and nothing was queued",
        {
            "title": "Invalid postings",
            "status": 422,
            "detail": "1 of 2 item(s) are invalid; nothing was queued",
            "errors": [
                {
                    "index": 1,
                    "loc": ["external_id"],
                    "msg": "String should have at least 1 character",
                }
            ],
        },
    ),
    429: problem_doc("Rate limit exceeded; see Retry-After"),
    503: problem_doc(
        "Broker unavailable; nothing was accepted, retry later (see Retry-After)",
        {
            "title": "Broker unavailable",
            "status": 503,
            "detail": "postings were not queued; retry the whole request",
        },
    ),
}


def intake_routes(app: FastAPI, gate: Gate) -> None:
    settings = gate.settings
    ingest = require(gate.auth, "ingest")

    @app.post(
        "/v1/postings",
        status_code=202,
        response_model=Accepted,
        response_model_exclude_none=True,
        tags=["intake"],
        summary="Push one posting or a batch",
        description="All or nothing: 202 only once RabbitMQ confirmed every posting. A repeat "
        "with the same `Idempotency-Key` returns the first answer and queues nothing.",
        openapi_extra={"requestBody": REQUEST_BODY},
        responses={**AUTH_RESPONSES, **INTAKE_RESPONSES},
    )
    async def post_postings(
        request: Request,
        principal: Annotated[Principal, Depends(ingest)],
        idempotency_key: Annotated[
            str | None, Header(alias="Idempotency-Key", max_length=255)
        ] = None,
        correlation_id: Annotated[
            str | None, Header(alias="X-Correlation-Id", max_length=128)
        ] = None,
    ) -> Any:
        await gate.limiter.check(principal.subject, settings.rate_limit)
        require_json(request)
        body = await read_body(request, settings.max_body_bytes)

        async def work() -> Answer:
            raw_items = items_of(decode_json(body, settings.max_json_depth))
            return await gate.publisher.accept(raw_items, correlation_id)

        return await once(gate.idempotency, principal.subject, idempotency_key, body, work)
