"""Break one thing mid-stream, let it recover, then prove nothing was lost or doubled.

Each scenario pushes a stream of distinct postings through the gateway while a fault hits the
private servers or one service. Assertions are on correctness only, never on time.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import time
from collections.abc import Awaitable, Callable
from typing import Any

import httpx
import pytest
import websockets

from tests.chaos.conftest import Chaos
from tests.chaos.stack import API_KEY
from tests.chaos.stream import (
    Board,
    N,
    as_raw,
    poison_messages,
    posting_id,
    publish_raw,
    received,
    token,
)
from tests.chaos.verify import ROWS, EventLog, Outcome, Row, check, dead_letters, events_queue

pytestmark = pytest.mark.chaos

OUTAGE_S = 3.0
RECOVERY_LIMIT_S = 90.0
Fault = Callable[[Chaos, Board], Awaitable[None]]


async def _pause() -> None:
    await asyncio.sleep(OUTAGE_S)


async def restart_rabbitmq(c: Chaos, board: Board) -> None:
    await asyncio.to_thread(c.infra.rabbit.stop)
    await _pause()
    await asyncio.to_thread(c.infra.rabbit.start)


async def stop_redis(c: Chaos, board: Board) -> None:
    await asyncio.to_thread(c.infra.redis.stop)
    await _pause()
    await asyncio.to_thread(c.infra.redis.start)


async def stop_mongodb(c: Chaos, board: Board) -> None:
    await asyncio.to_thread(c.infra.mongo.stop)
    await _pause()
    await asyncio.to_thread(c.infra.mongo.start)


async def memory_alarm(c: Chaos, board: Board) -> None:
    await asyncio.to_thread(c.infra.rabbit.memory_alarm, True)
    await _pause()
    await asyncio.to_thread(c.infra.rabbit.memory_alarm, False)


def sigkill(service: str) -> Fault:
    async def fault(c: Chaos, board: Board) -> None:
        await asyncio.to_thread(c.stack.kill, service)
        await asyncio.sleep(1.0)
        c.stack.start(service)
        await asyncio.to_thread(c.stack.wait_ready, [service])

    return fault


async def inject_poison(c: Chaos, board: Board) -> None:
    await publish_raw(c.infra.rabbit.url, c.topology, poison_messages())


async def run_scenario(
    c: Chaos,
    name: str,
    fault: Fault,
    expected_dead: set[str] | None = None,
    limit_s: float = RECOVERY_LIMIT_S,
) -> tuple[Board, EventLog]:
    queue = await events_queue(c.infra.rabbit.url, c.topology, name)
    events = EventLog(c.infra.rabbit.url, queue)
    board = Board(c.stack.gateway, name)
    stream = asyncio.create_task(board.push_stream())
    await board.reached(N // 3)
    await fault(c, board)
    recovered_from = time.monotonic()
    await stream
    await settle(c, name, board, events, recovered_from, expected_dead or set(), limit_s)
    return board, events


async def settle(
    c: Chaos,
    name: str,
    board: Board,
    events: EventLog,
    since: float,
    expected_dead: set[str],
    limit_s: float = RECOVERY_LIMIT_S,
) -> Outcome:
    await asyncio.to_thread(c.stack.wait_ready, list(c.stack.processes), RECOVERY_LIMIT_S)
    deadline = since + limit_s
    outcome = await check(c.mongo, c.database, board.accepted, events)
    while not outcome.complete and time.monotonic() < deadline:
        await asyncio.sleep(0.5)
        outcome = await check(c.mongo, c.database, board.accepted, events)
    recover_s = time.monotonic() - since
    # Whatever straggles in after recovery must not change the verdict: look once more.
    await asyncio.sleep(1.0)
    outcome = await check(c.mongo, c.database, board.accepted, events)
    ROWS.append(
        Row(
            name,
            len(board.accepted),
            outcome.indexed,
            len(outcome.lost),
            len(outcome.duplicated),
            recover_s,
            outcome.event_copies,
            board.rejected_attempts,
        )
    )
    dead = await dead_letters(c.infra.rabbit.url, c.topology)
    assert_outcome(outcome, dead, expected_dead)
    return outcome


def assert_outcome(outcome: Outcome, dead: list[dict[str, Any]], expected: set[str]) -> None:
    assert outcome.lost == [], f"lost {len(outcome.lost)}: {outcome.lost[:5]}"
    assert outcome.duplicated == [], f"duplicated: {outcome.duplicated[:5]}"
    assert outcome.event_mismatch == [], f"events not 1:1: {outcome.event_mismatch[:5]}"
    assert {d["message_id"] for d in dead} == expected, dead[:5]
    assert len(dead) == len(expected), dead
    for letter in dead:
        assert letter["reason"] and letter["hop"] == letter["queue"], letter


SCENARIOS: dict[str, Fault] = {
    "rabbitmq_restart": restart_rabbitmq,
    "kill_gateway": sigkill("gateway"),
    "kill_fetcher": sigkill("fetcher"),
    "kill_normalizer": sigkill("normalizer"),
    "kill_enricher": sigkill("enricher"),
    "kill_indexer": sigkill("indexer"),
    "redis_stop": stop_redis,
    "mongodb_stop": stop_mongodb,
}


@pytest.mark.parametrize("name", list(SCENARIOS))
async def test_fault_mid_stream_loses_and_doubles_nothing(chaos: Chaos, name: str) -> None:
    await run_scenario(chaos, name, SCENARIOS[name])


async def test_poison_messages_and_only_they_are_dead_lettered(chaos: Chaos) -> None:
    expected = {message_id for _, _, message_id in poison_messages()}
    await run_scenario(chaos, "poison", inject_poison, expected)


async def test_memory_alarm_makes_the_gateway_push_back(chaos: Chaos) -> None:
    """While RabbitMQ blocks publishers the gateway answers 503 + Retry-After, then recovers."""
    board, _ = await run_scenario(chaos, "memory_alarm", memory_alarm)
    assert board.rejected_attempts > 0, "the gateway accepted everything during the alarm"


def reordered(name: str, first: int, count: int) -> list[tuple[str, bytes, str]]:
    """Per posting v2 before v1, each delivered twice, older than anything the gateway stamps."""
    base = time.time_ns() // 1_000 - 60_000_000
    messages = []
    for i in range(first, first + count):
        v1, v2 = received(name, i, 1, base + 2 * i), received(name, i, 2, base + 2 * i + 1)
        messages += [as_raw(v2), as_raw(v2), as_raw(v1), as_raw(v1)]
    return messages


def injector(name: str, first: int, count: int) -> Fault:
    async def inject(c: Chaos, board: Board) -> None:
        await publish_raw(c.infra.rabbit.url, c.topology, reordered(name, first, count))
        for i in range(first, first + count):
            board.accepted[posting_id(name, i)] = token(name, i, 2)

    return inject


async def test_duplicates_and_out_of_order_versions(chaos: Chaos) -> None:
    """The newest version wins, once, however often and in whatever order versions arrive."""
    await run_scenario(chaos, "reorder", injector("reorder", N, max(20, N // 6)))


async def test_reverting_to_older_content_after_reordering(chaos: Chaos) -> None:
    name, count = "revert", 20
    board, events = await run_scenario(chaos, name, injector(name, N, count), limit_s=20)
    async with httpx.AsyncClient(timeout=10.0) as client:
        await board.push(client, [(i, 1) for i in range(N, N + count)])
    await settle(chaos, f"{name}_after", board, events, time.monotonic(), set(), limit_s=20)


async def test_a_live_stream_client_keeps_receiving_after_a_rabbitmq_restart(chaos: Chaos) -> None:
    """The stream is live, not durable: what is published during the outage may pass a client
    by, but once the broker is back its queue and binding are too, on the same WebSocket."""
    name, count = "stream", 20
    url = chaos.stack.url("api").replace("http://", "ws://") + f"/v1/stream?api_key={API_KEY}"
    board = Board(chaos.stack.gateway, name)
    async with websockets.connect(url, ping_interval=None) as ws:
        await ws.send(json.dumps({"subscribe": {"types": ["created"]}}))
        assert json.loads(await asyncio.wait_for(ws.recv(), 10))["control"] == "subscribed"
        await restart_rabbitmq(chaos, board)
        await asyncio.to_thread(
            chaos.stack.wait_ready, list(chaos.stack.processes), RECOVERY_LIMIT_S
        )
        async with httpx.AsyncClient(timeout=10.0) as client:
            await board.push(client, [(i, 1) for i in range(count)])
        expected = {posting_id(name, i) for i in range(count)}
        seen: set[str] = set()
        deadline = time.monotonic() + RECOVERY_LIMIT_S
        while not expected <= seen and time.monotonic() < deadline:
            with contextlib.suppress(TimeoutError):
                frame = json.loads(await asyncio.wait_for(ws.recv(), 1.0))
                seen.add(frame.get("subject", ""))
        assert sorted(expected - seen) == []
