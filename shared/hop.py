"""One hop of the pipeline: consume, call the pure handler, publish with a confirm, then ack.

A failure is never caught and acked: the message is first re-published (with a confirm) to the
hop's next retry queue or, after the last retry or for a permanent error, to its dead-letter
queue with the reason in headers. Only then is the original acked. If even that publish fails,
the original is nacked back onto its queue.
"""

from __future__ import annotations

import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, Generic, TypeVar

import structlog
from faststream.rabbit import RabbitBroker
from faststream.rabbit.message import RabbitMessage
from pydantic import ValidationError

from shared.broker import publish_confirmed
from shared.errors import PermanentError
from shared.messages import PostingRef
from shared.metrics import Metrics
from shared.topology import Topology

ATTEMPT = "x-jobstream-attempt"
REASON = "x-jobstream-reason"
ERROR = "x-jobstream-error"
HOP = "x-jobstream-hop"
FAILED_AT = "x-jobstream-failed-at"
ROUTING_KEY = "x-jobstream-routing-key"

# Headers RabbitMQ adds on dead-lettering and redelivery; they must not pile up across retries.
_BROKER_HEADERS = ("x-death", "x-first-death", "x-last-death", "x-delivery-count")

M = TypeVar("M", bound=PostingRef)

log = structlog.get_logger("jobstream.hop")


@dataclass(frozen=True)
class Hop(Generic[M]):
    """A hop's wiring: which message it reads, its handler, where the result goes."""

    name: str
    model: type[M]
    handle: Callable[[M], Awaitable[PostingRef | None]]
    output_key: str | None = None
    # Runs after the result is confirmed downstream and before the ack: state that must only
    # be recorded once the next hop surely has the message (e.g. a content fingerprint).
    after_publish: Callable[[PostingRef], Awaitable[None]] | None = None


class HopRunner(Generic[M]):
    def __init__(self, hop: Hop[M], broker: RabbitBroker, topology: Topology, metrics: Metrics):
        self.hop = hop
        self.broker = broker
        self.topology = topology
        self.metrics = metrics

    async def __call__(self, msg: RabbitMessage) -> None:
        started = time.perf_counter()
        try:
            incoming = self.hop.model.model_validate_json(msg.body)
        except ValidationError as exc:
            await self._settle_failure(msg, "invalid_message", exc, permanent=True)
            return
        with structlog.contextvars.bound_contextvars(
            posting_id=incoming.posting_id, correlation_id=incoming.correlation_id
        ):
            outcome = await self._process(msg, incoming)
            elapsed = time.perf_counter() - started
            self.metrics.hop_seconds.labels(self.hop.name).observe(elapsed)
            log.info("hop.done", hop=self.hop.name, outcome=outcome, ms=round(elapsed * 1e3, 2))

    async def _process(self, msg: RabbitMessage, incoming: M) -> str:
        try:
            result = await self.hop.handle(incoming)
            if result is not None and self.hop.output_key is not None:
                await publish_confirmed(
                    self.broker,
                    result,
                    exchange=self.topology.pipeline,
                    routing_key=self.hop.output_key,
                    message_id=result.message_id,
                    correlation_id=result.correlation_id,
                )
            if result is not None and self.hop.after_publish is not None:
                await self.hop.after_publish(result)
        except PermanentError as exc:
            return await self._settle_failure(msg, exc.reason, exc, permanent=True)
        except Exception as exc:
            return await self._settle_failure(msg, type(exc).__name__, exc, permanent=False)
        await msg.ack()
        outcome = "ok" if result is not None or self.hop.output_key is None else "dropped"
        self.metrics.messages.labels(self.hop.name, outcome).inc()
        return outcome

    async def _settle_failure(
        self, msg: RabbitMessage, reason: str, exc: BaseException, *, permanent: bool
    ) -> str:
        attempt = int((msg.headers or {}).get(ATTEMPT, 0)) + 1
        retry = not permanent and attempt <= len(self.topology.retry_delays_ms)
        outcome = "retried" if retry else "dead_lettered"
        log.warning(
            "hop.failed",
            hop=self.hop.name,
            reason=reason,
            error=str(exc)[:500],
            attempt=attempt,
            outcome=outcome,
        )
        headers = self._failure_headers(msg, reason, exc, attempt)
        try:
            if retry:
                target = self.topology.retry_queue(self.hop.name, attempt).name
                await self._republish(msg, "", target, headers)
                self.metrics.retries.labels(self.hop.name, str(attempt), reason).inc()
            else:
                await self._republish(
                    msg,
                    self.topology.dead_letters.name,
                    self.topology.queue_name(self.hop.name),
                    headers,
                )
                self.metrics.dead_letters.labels(self.hop.name, reason).inc()
            await msg.ack()
        except Exception:
            # The failure could not be parked; put the message back rather than lose it.
            log.exception("hop.requeued", hop=self.hop.name)
            await msg.nack(requeue=True)
            outcome = "requeued"
        self.metrics.messages.labels(self.hop.name, outcome).inc()
        return outcome

    def _failure_headers(
        self, msg: RabbitMessage, reason: str, exc: BaseException, attempt: int
    ) -> dict[str, Any]:
        headers = {
            k: v for k, v in (msg.headers or {}).items() if not k.startswith(_BROKER_HEADERS)
        }
        headers.update(
            {
                ATTEMPT: attempt,
                REASON: reason,
                ERROR: f"{type(exc).__name__}: {exc}"[:1000],
                HOP: self.hop.name,
                FAILED_AT: datetime.now(UTC).isoformat(),
                ROUTING_KEY: headers.get(ROUTING_KEY) or msg.raw_message.routing_key or "",
            }
        )
        return headers

    async def _republish(
        self, msg: RabbitMessage, exchange: str, routing_key: str, headers: dict[str, Any]
    ) -> None:
        await self.broker.publish(
            msg.body,
            exchange=exchange or None,
            routing_key=routing_key,
            persist=True,
            mandatory=True,
            content_type=msg.content_type or "application/json",
            message_id=msg.message_id,
            correlation_id=msg.correlation_id,
            headers=headers,
        )
