"""``/v1/stream``: a WebSocket that pushes public events matching the client's filter.

One exclusive, auto-delete queue per API process is bound ``#`` to the events exchange while
at least one client is connected; the process fans each event out to its clients in memory
(``Hub``). The queue dies with the process, so a restart loses nothing that was promised: the
stream is live, not durable.

Protocol: authenticate with ``?api_key=``, ``X-API-Key`` or ``Authorization: Bearer``; send
``{"subscribe": {<StreamFilter>}}`` (again to change it); receive CloudEvents as sent on the
exchange, and control frames ``{"control": "subscribed" | "dropped" | "error", ...}``.
"""

from __future__ import annotations

import asyncio
import json
import uuid
from typing import Any

from fastapi import FastAPI, WebSocket, WebSocketDisconnect
from faststream.middlewares import AckPolicy
from faststream.rabbit import RabbitBroker, RabbitQueue
from faststream.rabbit.message import RabbitMessage
from pydantic import ValidationError

from services.api.hub import Client, Hub, HubFull, StreamFilter
from services.gateway.auth import Authenticator
from services.gateway.problems import Problem
from shared.logging import get_logger
from shared.topology import Topology

_log = get_logger("jobstream.api.stream")

UNAUTHORIZED, FORBIDDEN, TRY_LATER = 4401, 4403, 1013


class StreamBinding:
    """The process's stream queue is bound to the events exchange only while a client is
    connected: without one, every public event (~14 KB) would still cross RabbitMQ and be
    decoded here for no one."""

    def __init__(self, broker: RabbitBroker, topology: Topology) -> None:
        self.broker = broker
        self.topology = topology
        self.queue: RabbitQueue = topology.stream_queue(uuid.uuid4().hex[:12])
        self.bound = False
        self._lock = asyncio.Lock()

    async def follow(self, hub: Hub) -> None:
        """Bind or unbind to match whether ``hub`` has clients now (idempotent, serialized).

        Shielded: a session ends by cancellation, and an AMQP call cancelled halfway closes
        the channel every consumer of this process shares."""
        await asyncio.shield(self._follow(hub))

    async def _follow(self, hub: Hub) -> None:
        async with self._lock:
            wanted = bool(hub.clients)
            if wanted == self.bound:
                return
            queue = await self.broker.declare_queue(self.queue)
            exchange = await self.broker.declare_exchange(self.topology.events)
            if wanted:
                await queue.bind(exchange, routing_key="#")
            else:
                await queue.unbind(exchange, routing_key="#")
            self.bound = wanted


def subscribe_events(broker: RabbitBroker, binding: StreamBinding, hub: Hub) -> None:
    # Acked on receipt: a live stream has no one to redeliver to once the moment has passed.
    subscriber = broker.subscriber(binding.queue, ack_policy=AckPolicy.ACK_FIRST)

    async def on_event(_body: object) -> None:
        # Without FastDepends (apply_types=False): the delivery comes from the context.
        message: RabbitMessage = broker.context.get_local("message")
        frame = message.body.decode()
        event = json.loads(frame)
        data = event.get("data") if isinstance(event, dict) else None
        hub.publish(message.raw_message.routing_key or "", frame, data or {})

    subscriber(on_event)


def _token(ws: WebSocket) -> str | None:
    bearer = ws.headers.get("authorization", "")
    if bearer.lower().startswith("bearer "):
        return bearer[7:].strip()
    return ws.query_params.get("api_key") or ws.headers.get("x-api-key")


def _refusal(auth: Authenticator, token: str | None) -> tuple[int, str] | None:
    if not token:
        return UNAUTHORIZED, "send an API key (api_key, X-API-Key or Authorization: Bearer)"
    try:
        principal = auth.authenticate(token)
    except Problem as exc:
        return UNAUTHORIZED, exc.detail
    if "read" not in principal.scopes:
        return FORBIDDEN, "this credential lacks the 'read' scope"
    return None


async def _receive(ws: WebSocket, client: Client) -> None:
    while True:
        raw = await ws.receive_text()
        try:
            body = json.loads(raw)
            client.filter = StreamFilter.model_validate(body["subscribe"])
        except (ValueError, KeyError, TypeError, ValidationError) as exc:
            detail = str(exc) if isinstance(exc, ValidationError) else "expected {'subscribe': {}}"
            await ws.send_json({"control": "error", "detail": detail[:500]})
            continue
        await ws.send_json({"control": "subscribed", "filter": client.filter.model_dump()})


async def _send(ws: WebSocket, client: Client) -> None:
    while True:
        dropped, frames = await client.take()
        if dropped:
            await ws.send_json({"control": "dropped", "count": dropped})
        for frame in frames:
            await ws.send_text(frame)


async def _serve(ws: WebSocket, client: Client) -> None:
    sender = asyncio.create_task(_send(ws, client))
    # A send on a socket the client just closed fails; the receive below ends the session.
    sender.add_done_callback(lambda task: task.cancelled() or task.exception())
    try:
        await _receive(ws, client)
    except WebSocketDisconnect:
        pass
    finally:
        # Not awaited: the session ends in the step the disconnect arrives in.
        sender.cancel()


def stream_routes(app: FastAPI, hub: Hub, auth: Authenticator, binding: StreamBinding) -> None:
    @app.websocket("/v1/stream")
    async def stream(ws: WebSocket) -> Any:
        await ws.accept()
        if refusal := _refusal(auth, _token(ws)):
            await ws.close(code=refusal[0], reason=refusal[1])
            return
        try:
            client = hub.join()
        except HubFull as exc:
            await ws.close(code=TRY_LATER, reason=str(exc))
            return
        try:
            try:
                await binding.follow(hub)
            except Exception as exc:  # the broker is unreachable: no stream to give now
                _log.warning("stream binding failed", error=repr(exc))
                await ws.close(code=TRY_LATER, reason="the event stream is unavailable; retry")
                return
            await _serve(ws, client)
        finally:
            hub.leave(client)
            try:
                await binding.follow(hub)
            except Exception as exc:  # the next join or leave binds or unbinds again
                _log.warning("stream unbinding failed", error=repr(exc))
