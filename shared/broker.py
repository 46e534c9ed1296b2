"""The RabbitMQ broker every service uses: confirms, mandatory publishes, bounded prefetch."""

import logging
from typing import Any

from faststream.rabbit import Channel, RabbitBroker, RabbitExchange
from faststream.rabbit.prometheus import RabbitPrometheusMiddleware
from pydantic import BaseModel

from shared.metrics import Metrics
from shared.settings import ServiceSettings


def make_broker(
    settings: ServiceSettings, metrics: Metrics, app_id: str, *, apply_types: bool = True
) -> RabbitBroker:
    """``apply_types=False`` calls handlers with the decoded body and nothing else: no
    FastDepends per message (it resolved each ``Context`` field in a worker thread)."""
    return RabbitBroker(
        str(settings.amqp_url),
        # Unroutable publishes must raise, or a missing binding loses postings quietly.
        default_channel=Channel(prefetch_count=settings.prefetch, on_return_raises=True),
        app_id=app_id,
        graceful_timeout=settings.graceful_timeout_s,
        reconnect_interval=1.0,
        middlewares=[
            RabbitPrometheusMiddleware(
                registry=metrics.registry, app_name=app_id, metrics_prefix="jobstream"
            )
        ],
        # FastStream logs every message at this level; per-posting lines come from our hops.
        log_level=logging.DEBUG,
        apply_types=apply_types,
    )


async def publish_confirmed(
    broker: RabbitBroker,
    message: BaseModel,
    *,
    exchange: RabbitExchange | str,
    routing_key: str,
    message_id: str,
    correlation_id: str,
    headers: dict[str, Any] | None = None,
    mandatory: bool = True,
    content_type: str = "application/json",
) -> None:
    """Persistent publish that returns only once RabbitMQ has confirmed it.

    ``mandatory`` (the default) makes an unroutable message raise instead of vanishing; only
    public events, which may have no subscriber yet, are published without it.
    """
    await broker.publish(
        message.model_dump_json().encode(),
        exchange=exchange,
        routing_key=routing_key,
        persist=True,
        mandatory=mandatory,
        content_type=content_type,
        message_id=message_id,
        correlation_id=correlation_id,
        headers=headers,
    )
