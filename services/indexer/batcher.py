"""Collects concurrent submissions into batches: one bulk write serves many deliveries."""

import asyncio
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Generic, TypeVar

T = TypeVar("T")


@dataclass(frozen=True)
class _Submission(Generic[T]):
    item: T
    future: asyncio.Future[None]
    arrived: float  # event-loop time


class Batcher(Generic[T]):
    """At most ``max_size`` items per flush, one flush at a time; an item waits at most
    ``max_wait_s`` for others to join its batch, counted from its own arrival: items that
    queued up while the previous flush ran have waited already, so they go at once."""

    def __init__(
        self, flush: Callable[[list[T]], Awaitable[None]], max_size: int, max_wait_s: float
    ) -> None:
        self.flush = flush
        self.max_size = max_size
        self.max_wait_s = max_wait_s
        self._queue: asyncio.Queue[_Submission[T]] = asyncio.Queue()
        self._task: asyncio.Task[None] | None = None

    async def submit(self, item: T) -> None:
        """Returns once the batch holding ``item`` is flushed; raises what the flush raised."""
        if self._task is None or self._task.done():
            self._task = asyncio.create_task(self._run())
        loop = asyncio.get_running_loop()
        submission = _Submission(item, loop.create_future(), loop.time())
        self._queue.put_nowait(submission)
        await submission.future

    async def close(self) -> None:
        if self._task is not None:
            self._task.cancel()
            await asyncio.gather(self._task, return_exceptions=True)

    async def _run(self) -> None:
        loop = asyncio.get_running_loop()
        while True:
            first = await self._queue.get()
            wait = first.arrived + self.max_wait_s - loop.time()
            if wait > 0 and self._queue.qsize() < self.max_size - 1:
                await asyncio.sleep(wait)
            batch = [first]
            while len(batch) < self.max_size and not self._queue.empty():
                batch.append(self._queue.get_nowait())
            await self._flush(batch)

    async def _flush(self, batch: list[_Submission[T]]) -> None:
        try:
            await self.flush([s.item for s in batch])
        except Exception as exc:
            for s in batch:
                if not s.future.done():
                    s.future.set_exception(exc)
            return
        for s in batch:
            if not s.future.done():
                s.future.set_result(None)
