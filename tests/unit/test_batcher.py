import asyncio

import pytest

from services.indexer.batcher import Batcher


async def test_concurrent_submissions_share_a_flush():
    flushed: list[list[int]] = []

    async def flush(items: list[int]) -> None:
        flushed.append(items)

    batcher = Batcher(flush, max_size=10, max_wait_s=0.01)
    await asyncio.gather(*(batcher.submit(i) for i in range(25)))
    await batcher.close()
    assert sorted(i for batch in flushed for i in batch) == list(range(25))
    assert max(len(b) for b in flushed) <= 10
    assert len(flushed) < 25


async def test_a_failed_flush_fails_every_submission_in_it():
    async def flush(items: list[int]) -> None:
        raise ConnectionError("mongo down")

    batcher = Batcher(flush, max_size=5, max_wait_s=0.01)
    results = await asyncio.gather(*(batcher.submit(i) for i in range(3)), return_exceptions=True)
    await batcher.close()
    assert all(isinstance(r, ConnectionError) for r in results)


async def test_the_batcher_keeps_working_after_a_failure():
    calls = 0

    async def flush(items: list[int]) -> None:
        nonlocal calls
        calls += 1
        if calls == 1:
            raise ConnectionError("once")

    batcher = Batcher(flush, max_size=5, max_wait_s=0.0)
    with pytest.raises(ConnectionError):
        await batcher.submit(1)
    await batcher.submit(2)
    await batcher.close()
    assert calls == 2


async def test_items_that_queue_during_a_flush_go_out_together_in_the_next():
    flushed: list[list[int]] = []
    started, gate = asyncio.Event(), asyncio.Event()

    async def flush(items: list[int]) -> None:
        flushed.append(items)
        started.set()
        await gate.wait()

    batcher = Batcher(flush, max_size=10, max_wait_s=0.0)
    first = asyncio.create_task(batcher.submit(0))
    await started.wait()  # the first flush is running and holds the gate
    queued = [asyncio.create_task(batcher.submit(i)) for i in range(1, 6)]
    await asyncio.sleep(0)
    gate.set()
    await asyncio.gather(first, *queued)
    await batcher.close()
    assert flushed == [[0], [1, 2, 3, 4, 5]]
