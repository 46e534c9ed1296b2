"""Composition root of the read API: MongoDB reads, the live stream, ops routes."""

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import structlog
from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse

from services.api.hub import Hub
from services.api.reader import PostingReader
from services.api.routes import contract_routes, read_routes
from services.api.settings import ApiSettings
from services.api.stream import StreamBinding, stream_routes, subscribe_events
from services.gateway.auth import Authenticator
from services.gateway.problems import Problem, problem, problem_handler
from services.gateway.settings import GatewaySettings
from shared.broker import make_broker
from shared.clients import mongo_client
from shared.logging import configure_logging
from shared.metrics import Metrics
from shared.service import Runtime, ops_routes
from shared.topology import topology_for

POSTINGS = "postings"


async def _invalid_request(_: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, RequestValidationError)
    errors = [{"loc": list(e["loc"]), "msg": e["msg"]} for e in exc.errors()]
    where = ".".join(str(p) for p in errors[0]["loc"]) if errors else "request"
    return problem(422, "Invalid request", f"{where}: {errors[0]['msg']}", errors=errors)


def authenticator(settings: ApiSettings) -> Authenticator:
    """The gateway's authenticator over this service's credential settings (same names)."""
    names = ("api_keys", "jwt_issuer", "jwt_audience", "jwt_hs256_secret", "jwt_jwks_file")
    return Authenticator(
        GatewaySettings.model_construct(**{n: getattr(settings, n) for n in names})
    )


def create_app(settings: ApiSettings | None = None) -> FastAPI:
    settings = settings or ApiSettings()
    metrics = Metrics()
    broker = make_broker(settings, metrics, app_id="jobstream-api", apply_types=False)
    topology = topology_for(settings.namespace, settings.retry_delays_ms)
    runtime = Runtime("api", settings, metrics, broker, topology)
    client = mongo_client(str(settings.mongo_url))
    reader = PostingReader(client[settings.mongo_database][POSTINGS])
    auth = authenticator(settings)
    hub = Hub(settings.stream_buffer, settings.stream_max_clients)
    binding = StreamBinding(broker, topology)

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        configure_logging("api", settings.log_level, settings.log_format)
        if not auth.configured:
            structlog.get_logger("jobstream.api").warning(
                "auth.unconfigured", hint="set JOBSTREAM_API_KEYS or JOBSTREAM_JWT_ISSUER"
            )
        runtime.checks["mongodb"] = lambda: client.admin.command("ping")
        await broker.connect()
        await broker.declare_exchange(topology.events)
        subscribe_events(broker, binding, hub)
        await broker.start()
        try:
            yield
        finally:
            await hub.close()
            await broker.stop()
            await client.close()

    app = FastAPI(
        title="jobstream api",
        version="0.1.0",
        description="Read enriched postings: search, one posting (JSON or schema.org JSON-LD), "
        "stats, and a WebSocket stream of public events. Needs a credential with the `read` "
        "scope. Every error is `application/problem+json` (RFC 9457).",
        lifespan=lifespan,
        exception_handlers={Problem: problem_handler, RequestValidationError: _invalid_request},
    )
    ops_routes(app, runtime, queue_name=None)
    read_routes(app, reader, auth)
    contract_routes(app, topology)
    stream_routes(app, hub, auth, binding)
    return app
