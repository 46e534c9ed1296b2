"""The frame of a worker service: broker, topology, one hop, and an HTTP side for ops.

Each worker's ``main.py`` supplies ``resources``: an async context manager that opens the clients
the hop needs, registers their readiness checks and yields the wired ``Hop``.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import AbstractAsyncContextManager, asynccontextmanager
from dataclasses import dataclass, field
from typing import Any

import structlog
from fastapi import FastAPI, Response
from faststream.middlewares import AckPolicy
from faststream.rabbit import RabbitBroker
from faststream.rabbit.message import RabbitMessage
from prometheus_client import CONTENT_TYPE_LATEST, generate_latest

from shared.broker import make_broker
from shared.hop import Hop, HopRunner
from shared.logging import configure_logging
from shared.metrics import Metrics
from shared.ops_metrics import QueueProbe
from shared.settings import ServiceSettings
from shared.topology import Topology, topology_for

Check = Callable[[], Awaitable[Any]]
SCRAPE_HOOK_TIMEOUT_S = 2.0
READY_TIMEOUT_S = 3.0


@dataclass
class Runtime:
    """What a service's resources may use and extend while starting."""

    name: str
    settings: ServiceSettings
    metrics: Metrics
    broker: RabbitBroker
    topology: Topology
    checks: dict[str, Check] = field(default_factory=dict)
    # Run before each /metrics scrape, to refresh gauges read from elsewhere (queue depths).
    scrape_hooks: list[Check] = field(default_factory=list)


Resources = Callable[[Runtime], AbstractAsyncContextManager[Hop[Any]]]


async def consumer_count(broker: RabbitBroker, queue_name: str) -> int:
    """Consumers RabbitMQ sees on the queue: a connection can be up with no consumer attached.

    A passive declare on a fresh channel, because FastStream caches its own declarations.
    """
    connection = broker._connection  # FastStream exposes it as the `Connection` annotation
    if connection is None:
        return 0
    async with connection.channel() as channel:
        queue = await channel.declare_queue(queue_name, passive=True)
        result = queue.declaration_result
        return int(result.consumer_count or 0)


async def readiness(runtime: Runtime, queue_name: str | None) -> dict[str, str]:
    failures: dict[str, str] = {}
    if not await runtime.broker.ping(timeout=2.0):
        failures["rabbitmq"] = "not connected"
    elif queue_name is not None and await consumer_count(runtime.broker, queue_name) < 1:
        failures["consumer"] = f"no consumer on {queue_name}"
    for name, check in runtime.checks.items():
        try:
            await check()
        except Exception as exc:
            failures[name] = f"{type(exc).__name__}: {exc}"[:300]
    return failures


async def undecoded(message: Any) -> bytes:
    """The hop validates the body itself. FastStream's own JSON decoding raised on a malformed
    body before the hop ran, which under manual acks left the delivery unacked: never
    dead-lettered, redelivered on every reconnect, holding a prefetch slot meanwhile."""
    return bytes(message.body)


def ops_routes(app: FastAPI, runtime: Runtime, queue_name: str | None) -> None:
    @app.get("/healthz", tags=["ops"])
    async def healthz() -> dict[str, str]:
        return {"status": "ok", "service": runtime.name}

    @app.get("/readyz", tags=["ops"])
    async def readyz(response: Response) -> dict[str, Any]:
        failures = await readiness(runtime, queue_name)
        runtime.metrics.ready.set(0 if failures else 1)
        if failures:
            response.status_code = 503
            return {"status": "not ready", "service": runtime.name, "failures": failures}
        return {"status": "ready", "service": runtime.name}

    @app.get("/metrics", tags=["ops"])
    async def metrics() -> Response:
        # Readiness is re-checked per scrape, so jobstream_ready never reports a stale answer.
        try:
            failures = await asyncio.wait_for(readiness(runtime, queue_name), READY_TIMEOUT_S)
        except TimeoutError:
            failures = {"readiness": "timed out"}
        runtime.metrics.ready.set(0 if failures else 1)
        for hook in runtime.scrape_hooks:
            try:
                await asyncio.wait_for(hook(), SCRAPE_HOOK_TIMEOUT_S)
            except TimeoutError:
                # A slow broker must not make the scrape itself fail: serve what we have.
                runtime.metrics.queue_probe_errors.inc()
        return Response(generate_latest(runtime.metrics.registry), media_type=CONTENT_TYPE_LATEST)


def worker_app(name: str, settings: ServiceSettings, resources: Resources) -> FastAPI:
    """A worker: consumes its hop's queue; serves /healthz, /readyz and /metrics."""
    metrics = Metrics()
    broker = make_broker(settings, metrics, app_id=f"jobstream-{name}", apply_types=False)
    topology = topology_for(
        settings.namespace, settings.retry_delays_ms, settings.intake_max_length
    )
    runtime = Runtime(name, settings, metrics, broker, topology)
    runtime.scrape_hooks.append(QueueProbe(broker, topology, name, metrics))

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        configure_logging(name, settings.log_level, settings.log_format)
        log = structlog.get_logger("jobstream.service")
        async with resources(runtime) as hop:
            await broker.connect()
            await topology.declare(broker)
            runner = HopRunner(hop, broker, topology, metrics)
            subscriber = broker.subscriber(
                topology.queue(hop.name),
                topology.pipeline,
                ack_policy=AckPolicy.MANUAL,
                decoder=undecoded,
            )

            # No FastDepends (apply_types=False): an annotated RabbitMessage parameter was
            # resolved in a worker thread on every delivery, a quarter of a hop's CPU.
            async def consume(_body: bytes) -> None:
                message: RabbitMessage = broker.context.get_local("message")
                await runner(message)

            subscriber(consume)
            await broker.start()
            log.info(
                "service.started", queue=topology.queue_name(hop.name), port=settings.http_port
            )
            yield
            log.info("service.stopping")
            await broker.stop()

    app = FastAPI(title=f"jobstream {name}", lifespan=lifespan)
    ops_routes(app, runtime, topology.queue_name(name))
    return app
