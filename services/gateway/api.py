"""HTTP routes of the gateway."""

from __future__ import annotations

import asyncio
import uuid
from datetime import UTC, datetime
from typing import Any

import orjson
import structlog
from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse
from pydantic import BaseModel

from services.gateway.intake import IntakeItem, items_of, parse_items
from services.gateway.problems import PROBLEM, problem
from services.gateway.settings import GatewaySettings
from services.gateway.versions import VersionClock
from shared.broker import publish_confirmed
from shared.messages import PostingReceived
from shared.service import Runtime
from shared.topology import RECEIVED

log = structlog.get_logger("jobstream.gateway")


class AcceptedPosting(BaseModel):
    posting_id: str
    message_id: str
    version: int


class Accepted(BaseModel):
    accepted: list[AcceptedPosting]


def _problem_doc(description: str) -> dict[str, Any]:
    return {"description": description, "content": {PROBLEM: {}}}


async def _read_capped(request: Request, limit: int) -> bytes | None:
    declared = request.headers.get("content-length")
    if declared is not None and declared.isdigit() and int(declared) > limit:
        return None
    body = bytearray()
    async for chunk in request.stream():
        body.extend(chunk)
        if len(body) > limit:
            return None
    return bytes(body)


def _received(item: IntakeItem, version: int, correlation_id: str | None) -> PostingReceived:
    now = datetime.now(UTC)
    return PostingReceived(
        correlation_id=correlation_id or uuid.uuid4().hex,
        occurred_at=now,
        posting_id=item.posting_id,
        source=item.source,
        external_id=item.external_id,
        event=item.event,
        version=version,
        received_at=now,
        format=item.format,
        payload=item.payload,
        url=str(item.url) if item.url else None,
    )


def intake_routes(app: FastAPI, runtime: Runtime, settings: GatewaySettings) -> None:
    clock = VersionClock()
    metrics = runtime.metrics

    async def publish(message: PostingReceived) -> None:
        await publish_confirmed(
            runtime.broker,
            message,
            exchange=runtime.topology.pipeline,
            routing_key=RECEIVED,
            message_id=message.message_id,
            correlation_id=message.correlation_id,
        )

    @app.post(
        "/v1/postings",
        status_code=202,
        response_model=Accepted,
        tags=["intake"],
        summary="Push one posting or a batch",
        openapi_extra={
            "requestBody": {
                "required": True,
                "content": {"application/json": {"schema": IntakeItem.model_json_schema()}},
            }
        },
        responses={
            400: _problem_doc("Body is not JSON"),
            413: _problem_doc("Body or batch too large"),
            415: _problem_doc("Not application/json"),
            422: _problem_doc("Invalid postings; `errors` names each item and field"),
            503: _problem_doc("Broker unavailable; nothing was accepted, retry later"),
        },
    )
    async def post_postings(request: Request) -> Any:
        if not request.headers.get("content-type", "").startswith("application/json"):
            return problem(415, "Unsupported media type", "send the postings as application/json")
        body = await _read_capped(request, settings.max_body_bytes)
        if body is None:
            return problem(413, "Body too large", f"at most {settings.max_body_bytes} bytes")
        try:
            raw_items = items_of(orjson.loads(body))
        except orjson.JSONDecodeError as exc:
            return problem(400, "Malformed JSON", str(exc))
        if not raw_items:
            return problem(422, "Empty batch", "send at least one posting")
        if len(raw_items) > settings.max_batch:
            return problem(413, "Batch too large", f"at most {settings.max_batch} postings")
        items, errors = parse_items(raw_items)
        if errors:
            for item in items:
                metrics.received.labels(item.source, "rejected").inc()
            return problem(
                422,
                "Invalid postings",
                f"{len({e.index for e in errors})} item(s) are invalid",
                errors=[e.model_dump() for e in errors],
            )
        correlation_id = request.headers.get("x-correlation-id")
        messages = [_received(item, clock.next(), correlation_id) for item in items]
        try:
            await asyncio.gather(*(publish(m) for m in messages))
        except Exception as exc:
            log.error("intake.unavailable", error=f"{type(exc).__name__}: {exc}"[:300])
            for item in items:
                metrics.received.labels(item.source, "unavailable").inc()
            return problem(
                503,
                "Broker unavailable",
                "postings were not queued; retry the whole request",
                headers={"Retry-After": str(settings.retry_after_s)},
            )
        for m in messages:
            metrics.received.labels(m.source, "accepted").inc()
            log.info("intake.accepted", posting_id=m.posting_id, correlation_id=m.correlation_id)
        accepted = [
            AcceptedPosting(posting_id=m.posting_id, message_id=m.message_id, version=m.version)
            for m in messages
        ]
        return JSONResponse(Accepted(accepted=accepted).model_dump(), status_code=202)
