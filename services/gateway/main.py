"""Composition root of the gateway."""

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI

from services.gateway.api import intake_routes
from services.gateway.settings import GatewaySettings
from shared.broker import make_broker
from shared.clients import redis_client
from shared.logging import configure_logging
from shared.metrics import Metrics
from shared.service import Runtime, ops_routes
from shared.topology import topology_for


def create_app(settings: GatewaySettings | None = None) -> FastAPI:
    settings = settings or GatewaySettings()
    metrics = Metrics()
    broker = make_broker(settings, metrics, app_id="jobstream-gateway")
    runtime = Runtime(
        "gateway",
        settings,
        metrics,
        broker,
        topology_for(settings.namespace, settings.retry_delays_ms),
    )

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        configure_logging("gateway", settings.log_level, settings.log_format)
        redis = redis_client(str(settings.redis_url))
        runtime.checks["redis"] = redis.ping
        await broker.connect()
        # Declared here too, so postings queue up even before the first worker starts.
        await runtime.topology.declare(broker)
        try:
            yield
        finally:
            await broker.stop()
            await redis.aclose()

    app = FastAPI(
        title="jobstream gateway",
        version="0.1.0",
        description="Push job postings into jobstream.",
        lifespan=lifespan,
    )
    ops_routes(app, runtime, queue_name=None)
    intake_routes(app, runtime, settings)
    return app
