"""From validated intake items to ``posting.received`` messages RabbitMQ has confirmed."""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime
from typing import Any

import structlog
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field

from services.gateway.idempotency import Answer, Idempotency
from services.gateway.intake import IntakeItem, ItemError, parse_items
from services.gateway.problems import PROBLEM, Problem
from services.gateway.settings import GatewaySettings
from services.gateway.versions import VersionClock
from shared.broker import publish_confirmed
from shared.messages import PostingReceived
from shared.service import Runtime
from shared.topology import RECEIVED

log = structlog.get_logger("jobstream.gateway")


class AcceptedPosting(BaseModel):
    posting_id: str = Field(examples=["acme-board:42"])
    message_id: str = Field(examples=["5f0c9f6b2f7e4c0e9a1d3b7c8e6f4a21"])
    version: int = Field(examples=[1767225600000000])


class Accepted(BaseModel):
    accepted: list[AcceptedPosting]
    ignored: str | None = Field(None, description="Why a webhook event queued nothing")


def _received(item: IntakeItem, version: int, correlation_id: str) -> PostingReceived:
    now = datetime.now(UTC)
    return PostingReceived(
        correlation_id=correlation_id,
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


class Publisher:
    def __init__(self, runtime: Runtime, settings: GatewaySettings) -> None:
        self.runtime, self.settings = runtime, settings
        self.clock = VersionClock()

    async def _publish(self, message: PostingReceived) -> None:
        await publish_confirmed(
            self.runtime.broker,
            message,
            exchange=self.runtime.topology.pipeline,
            routing_key=RECEIVED,
            message_id=message.message_id,
            correlation_id=message.correlation_id,
        )

    async def accept(
        self,
        raw_items: list[Any],
        correlation_id: str | None,
        extra_errors: list[ItemError] | None = None,
    ) -> Answer:
        """202 once every item is confirmed; a Problem for a bad batch or an unavailable broker."""
        settings, received = self.settings, self.runtime.metrics.received
        if not raw_items:
            raise Problem(422, "Empty batch", "send at least one posting", field="postings")
        if len(raw_items) > settings.max_batch:
            detail = f"at most {settings.max_batch} postings"
            raise Problem(413, "Batch too large", detail, field="postings")
        items, errors = parse_items(raw_items)
        errors = sorted([*errors, *(extra_errors or [])], key=lambda e: e.index)
        if errors:
            for item in items:
                received.labels(item.source, "rejected").inc()
            bad = len({e.index for e in errors})
            raise Problem(
                422,
                "Invalid postings",
                f"{bad} of {len(raw_items)} item(s) are invalid; nothing was queued",
                errors=[e.model_dump() for e in errors],
            )
        cid = correlation_id or uuid.uuid4().hex
        messages = [_received(item, self.clock.next(), cid) for item in items]
        try:
            async with asyncio.timeout(settings.publish_timeout_s):
                await asyncio.gather(*(self._publish(m) for m in messages))
        except Exception as exc:
            log.error("intake.unavailable", error=f"{type(exc).__name__}: {exc}"[:300])
            for item in items:
                received.labels(item.source, "unavailable").inc()
            raise Problem(
                503,
                "Broker unavailable",
                "postings were not queued; retry the whole request",
                headers={"Retry-After": str(settings.retry_after_s)},
            ) from None
        for m in messages:
            received.labels(m.source, "accepted").inc()
            log.info("intake.accepted", posting_id=m.posting_id, correlation_id=m.correlation_id)
        accepted = [
            AcceptedPosting(posting_id=m.posting_id, message_id=m.message_id, version=m.version)
            for m in messages
        ]
        return Answer(202, Accepted(accepted=accepted).model_dump(exclude_none=True))


async def once(
    idempotency: Idempotency,
    scope: str,
    key: str | None,
    body: bytes,
    work: Callable[[], Awaitable[Answer]],
) -> JSONResponse:
    """Run ``work`` at most once per ``key``: a repeat gets the first answer back."""
    if key is not None and (first := await idempotency.claim(scope, key, body)) is not None:
        return first.response(replayed=True)
    try:
        answer = await work()
    except Problem as problem:
        if key is not None:
            answer = Answer(problem.status, problem.body(), PROBLEM)
            await idempotency.settle(scope, key, body, answer)
        raise
    except BaseException:
        if key is not None:
            await idempotency.release(scope, key)
        raise
    if key is not None:
        await idempotency.settle(scope, key, body, answer)
    return answer.response()
