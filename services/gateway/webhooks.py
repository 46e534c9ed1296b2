"""``POST /v1/webhooks/{source}``: signed pushes from job boards and ATSs.

Order of checks: the source exists, the body is JSON of a bearable size, the signature is
valid (the caller is authenticated before it can spend the source's rate), the rate, then the
delivery id: a redelivery gets the first answer and publishes nothing.
"""

from __future__ import annotations

import hashlib
import time
from typing import Any

from fastapi import FastAPI, Path, Request

from services.gateway.api import INTAKE_RESPONSES
from services.gateway.gate import Gate
from services.gateway.guards import decode_json, read_body, require_json
from services.gateway.idempotency import Answer
from services.gateway.intake import ItemError
from services.gateway.problems import Problem, problem_doc
from services.gateway.publishing import Accepted, once
from services.gateway.signatures import SignatureError, verify
from services.gateway.sources import SOURCE_NAME, Source
from services.gateway.translate import TRANSLATORS

_HEADERS = [
    ("webhook-id", "Standard Webhooks: the delivery id (also the idempotency key)"),
    ("webhook-timestamp", "Standard Webhooks: Unix seconds of the signature"),
    ("webhook-signature", "Standard Webhooks: `v1,<base64 HMAC-SHA256>`, space-separated"),
    ("Signature", "Greenhouse: `sha256 <hex HMAC-SHA256 of the body>`"),
    ("Ashby-Signature", "Ashby: `sha256=<hex HMAC-SHA256 of the body>`"),
    ("Idempotency-Key", "Delivery id for schemes without one (else the body's hash is used)"),
]
_EXAMPLES = {
    "greenhouse": {
        "summary": "Greenhouse: a job post was published",
        "value": {
            "action": "job_post_created",
            "payload": {
                "job_post": {
                    "id": 4012345,
                    "title": "Backend Engineer",
                    "location": {"name": "Berlin"},
                    "content": "&lt;p&gt;We build ...&lt;/p&gt;",
                    "live": True,
                }
            },
        },
    },
    "ashby": {
        "summary": "Ashby: a job posting was unpublished",
        "value": {"action": "jobPostingUnpublish", "data": {"jobPosting": {"id": "a1b2c3"}}},
    },
    "intake": {
        "summary": "Standard Webhooks source sending generic items",
        "value": {"postings": [{"external_id": "42", "format": "text", "payload": "..."}]},
    },
}
_OPENAPI = {
    "parameters": [
        {
            "name": n,
            "in": "header",
            "required": False,
            "description": d,
            "schema": {"type": "string"},
        }
        for n, d in _HEADERS
    ],
    "requestBody": {
        "required": True,
        "content": {"application/json": {"schema": {}, "examples": _EXAMPLES}},
    },
}
_RESPONSES: dict[int | str, dict[str, Any]] = {
    200: {"description": "A valid event about something other than postings: nothing queued"},
    401: problem_doc(
        "Signature missing, wrong, or its timestamp outside the tolerance",
        {
            "title": "Invalid signature",
            "status": 401,
            "detail": "webhook-timestamp is more than 300s from now",
            "field": "webhook-timestamp",
        },
    ),
    404: problem_doc("No such source, or it has no secret configured"),
    **INTAKE_RESPONSES,
}


def _source(gate: Gate, name: str) -> Source:
    source = gate.sources.get(name)
    if source is None or not source.secrets:
        raise Problem(
            404, "Unknown source", f"no webhook source {name!r} is enabled", field="source"
        )
    return source


def _verified_id(gate: Gate, source: Source, request: Request, body: bytes) -> str:
    try:
        verified = verify(
            source.signature,
            request.headers,
            body,
            source.secrets,
            now=time.time(),
            tolerance_s=gate.settings.webhook_tolerance_s,
        )
    except SignatureError as exc:
        raise Problem(401, "Invalid signature", exc.detail, field=exc.field) from None
    return (
        verified.delivery_id
        or request.headers.get("greenhouse-event-id")
        or request.headers.get("idempotency-key")
        or "sha256:" + hashlib.sha256(body).hexdigest()
    )


def _foreign(source: Source, raw_items: list[Any]) -> list[ItemError]:
    """A signed source speaks for itself only, never under another source's name."""
    return [
        ItemError(index=i, loc=["source"], msg=f"must be {source.name!r}, the webhook's source")
        for i, raw in enumerate(raw_items)
        if isinstance(raw, dict) and raw.get("source") != source.name
    ]


def webhook_routes(app: FastAPI, gate: Gate) -> None:
    settings = gate.settings

    @app.post(
        "/v1/webhooks/{source}",
        status_code=202,
        response_model=Accepted,
        response_model_exclude_none=True,
        tags=["webhooks"],
        summary="Receive a signed webhook from a registered source",
        description="The source's registry entry names its payload kind (generic items, "
        "Greenhouse or Ashby events) and signature scheme (Standard Webhooks, Greenhouse, "
        "Ashby). Created, updated and reopened postings become upserts; closed, deleted and "
        "unpublished ones become closes; an event carrying only an id or URL becomes a fetch.",
        openapi_extra=_OPENAPI,
        responses=_RESPONSES,
    )
    async def post_webhook(
        request: Request, source: str = Path(pattern=SOURCE_NAME, examples=["acme-board"])
    ) -> Any:
        registered = _source(gate, source)
        require_json(request)
        body = await read_body(request, settings.max_body_bytes)
        delivery_id = _verified_id(gate, registered, request, body)
        await gate.limiter.check(
            f"source:{registered.name}", registered.rate_limit or settings.rate_limit
        )
        correlation_id = request.headers.get("x-correlation-id")

        async def work() -> Answer:
            translated = TRANSLATORS[registered.payload](
                registered, decode_json(body, settings.max_json_depth)
            )
            if translated.ignored is not None:
                return Answer(200, {"accepted": [], "ignored": translated.ignored})
            errors = _foreign(registered, translated.items)
            return await gate.publisher.accept(translated.items, correlation_id, errors)

        return await once(gate.idempotency, f"webhook:{registered.name}", delivery_id, body, work)
