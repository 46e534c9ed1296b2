"""Composition root of the gateway."""

import os
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import structlog
from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse

from services.gateway.api import intake_routes
from services.gateway.auth import Authenticator
from services.gateway.gate import Gate
from services.gateway.guards import RateLimiter
from services.gateway.idempotency import Idempotency
from services.gateway.openapi import install as install_openapi
from services.gateway.problems import Problem, problem, problem_handler
from services.gateway.publishing import Publisher
from services.gateway.settings import GatewaySettings
from services.gateway.sources import load_sources
from services.gateway.webhooks import webhook_routes
from shared.broker import make_broker
from shared.clients import redis_client
from shared.logging import configure_logging
from shared.metrics import Metrics
from shared.service import Runtime, ops_routes
from shared.topology import topology_for


async def _invalid_request(_: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, RequestValidationError)
    errors = [{"loc": list(e["loc"]), "msg": e["msg"]} for e in exc.errors()]
    where = ".".join(str(p) for p in errors[0]["loc"]) if errors else "request"
    return problem(422, "Invalid request", f"{where}: {errors[0]['msg']}", errors=errors)


def create_app(settings: GatewaySettings | None = None) -> FastAPI:
    settings = settings or GatewaySettings()
    metrics = Metrics()
    broker = make_broker(settings, metrics, app_id="jobstream-gateway")
    runtime = Runtime(
        "gateway",
        settings,
        metrics,
        broker,
        topology_for(settings.namespace, settings.retry_delays_ms, settings.intake_max_length),
    )
    # Created here but connected lazily: the first command opens the connection.
    redis = redis_client(str(settings.redis_url))
    gate = Gate(
        settings=settings,
        publisher=Publisher(runtime, settings),
        idempotency=Idempotency(
            redis,
            settings.namespace,
            settings.idempotency_ttl_s,
            on_replay=metrics.duplicates.labels("delivery").inc,
        ),
        limiter=RateLimiter(redis, settings.namespace, settings.rate_window_s),
        auth=Authenticator(settings),
        sources=load_sources(settings.sources_file, os.environ),
    )

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        configure_logging("gateway", settings.log_level, settings.log_format)
        if not gate.auth.configured:
            structlog.get_logger("jobstream.gateway").warning(
                "auth.unconfigured", hint="set JOBSTREAM_API_KEYS or JOBSTREAM_JWT_ISSUER"
            )
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
        version="0.2.0",
        description="Push job postings into jobstream: authenticated batches on "
        "`/v1/postings`, signed webhooks from job boards and ATSs on `/v1/webhooks/{source}`. "
        "Every error is `application/problem+json` (RFC 9457) naming the failing field.",
        lifespan=lifespan,
        exception_handlers={Problem: problem_handler, RequestValidationError: _invalid_request},
    )
    ops_routes(app, runtime, queue_name=None)
    intake_routes(app, gate)
    webhook_routes(app, gate)
    install_openapi(app)
    return app
