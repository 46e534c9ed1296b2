"""The poll loop: every source on its own interval with jitter, one replica at a time."""

from __future__ import annotations

import asyncio
import random
import time

import structlog

from services.fetcher.pull.config import PullFile
from services.fetcher.pull.connector import SourceConfig
from services.fetcher.pull.errors import PollError, RateLimited
from services.fetcher.pull.kinds import connector_for
from services.fetcher.pull.lock import SourceLocks
from services.fetcher.pull.metrics import PullMetrics
from services.fetcher.pull.poll import Outcome, Ports, poll_source

log = structlog.get_logger("jobstream.fetcher.pull")


class Poller:
    def __init__(
        self, pull: PullFile, ports: Ports, locks: SourceLocks, metrics: PullMetrics
    ) -> None:
        self.pull, self.ports, self.locks, self.metrics = pull, ports, locks, metrics

    async def run(self) -> None:
        """Poll every source until cancelled."""
        async with asyncio.TaskGroup() as group:
            for source in self.pull.source_configs():
                group.create_task(self._loop(source))

    async def _loop(self, source: SourceConfig) -> None:
        # Spread the first polls, so a restart does not hit every board at the same instant.
        await asyncio.sleep(random.uniform(0, source.interval_s * self.pull.jitter))
        while True:
            try:
                await self.tick(source)
            except Exception as exc:
                # Redis or the broker is away: nothing was closed; the next tick tries again.
                self.metrics.errors.labels(source.name, type(exc).__name__).inc()
                log.exception("pull.tick_failed", source=source.name)
            spread = source.interval_s * self.pull.jitter
            await asyncio.sleep(max(1.0, source.interval_s + random.uniform(-spread, spread)))

    async def tick(self, source: SourceConfig) -> Outcome | None:
        """Poll ``source`` if no other replica holds it and it is due; never raises a poll error."""
        token = await self.locks.acquire(source.name, int(self.pull.lock_ttl_s * 1000))
        if token is None:
            return None
        try:
            if not await self.locks.due(source.name):
                return None
            outcome, next_in = await self._poll(source)
            await self.locks.set_due(source.name, next_in)
            return outcome
        finally:
            await self.locks.release(source.name, token)

    async def _poll(self, source: SourceConfig) -> tuple[Outcome | None, float]:
        started, m = time.monotonic(), self.metrics
        # Due a little early, so the jittered local timers of the replicas find it due.
        next_in = source.interval_s * (1 - self.pull.jitter)
        try:
            outcome = await poll_source(source, connector_for(source.kind), self.ports)
        except PollError as exc:
            m.polls.labels(source.name, "error").inc()
            m.errors.labels(source.name, exc.error_class).inc()
            log.warning("pull.failed", source=source.name, error=str(exc), kind=exc.error_class)
            if isinstance(exc, RateLimited):
                next_in = max(next_in, exc.retry_after_s)
            return None, next_in
        finally:
            m.seconds.labels(source.name).observe(time.monotonic() - started)
        self._record(source, outcome)
        return outcome, next_in

    def _record(self, source: SourceConfig, outcome: Outcome) -> None:
        m, name = self.metrics, source.name
        m.polls.labels(name, outcome.kind).inc()
        if outcome.kind == "empty_unconfirmed":
            m.errors.labels(name, "empty_unconfirmed").inc()
            return
        m.last_healthy.labels(name).set(time.time())
        for change in ("seen", "new", "changed", "reopened", "closed"):
            m.count(name, change, getattr(outcome, change))
        log.info("pull.polled", source=name, outcome=outcome.kind, closed=outcome.closed)
