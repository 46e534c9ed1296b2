"""Collects concurrent submissions into batches: one bulk write serves many deliveries."""

import asyncio
from collections.abc import Awaitable, Callable
from typing import Generic, TypeVar

T = TypeVar("T")


class Batcher(Generic[T]):
    def __init__(
        self, flush: Callable[[list[T]], Awaitable[None]], max_size: int, max_wait_s: float
    ) -> None:
        self.flush = flush
        self.max_size = max_size
        self.max_wait_s = max_wait_s
        self._queue: asyncio.Queue[tuple[T, asyncio.Future[None]]] = asyncio.Queue()
        self._task: asyncio.Task[None] | None = None

    async def submit(self, item: T) -> None:
        """Returns once the batch holding ``item`` is flushed; raises what the flush raised."""
        if self._task is None or self._task.done():
            self._task = asyncio.create_task(self._run())
        future: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        await self._queue.put((item, future))
        await future

    async def close(self) -> None:
        if self._task is not None:
            self._task.cancel()
            await asyncio.gather(self._task, return_exceptions=True)

    async def _run(self) -> None:
        while True:
            batch = [await self._queue.get()]
            if self._queue.qsize() < self.max_size - 1:
                await asyncio.sleep(self.max_wait_s)
            while len(batch) < self.max_size and not self._queue.empty():
                batch.append(self._queue.get_nowait())
            await self._flush(batch)

    async def _flush(self, batch: list[tuple[T, asyncio.Future[None]]]) -> None:
        try:
            await self.flush([item for item, _ in batch])
        except Exception as exc:
            for _, future in batch:
                if not future.done():
                    future.set_exception(exc)
            return
        for _, future in batch:
            if not future.done():
                future.set_result(None)
