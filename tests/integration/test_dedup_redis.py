"""The cluster index in the real Redis: replicas agree, every key expires, the lock is owned."""

import asyncio
import json
from pathlib import Path
from typing import Any

import pytest
from redis.asyncio import Redis

from jobstream.eval_dedup import cluster
from services.normalizer.dedup import (
    Clusterer,
    ClusterLockTimeout,
    MemoryClusterIndex,
    RedisClusterIndex,
)
from services.normalizer.formats import parse
from shared.posting import NormalizedPosting

pytestmark = pytest.mark.integration

DEDUP_SET = Path(__file__).parents[1] / "data" / "dedup" / "dedup_set.jsonl"
TTL_S = 3600


def records() -> list[dict[str, Any]]:
    return [json.loads(line) for line in DEDUP_SET.read_text().splitlines()]


def group(label: str) -> list[tuple[str, NormalizedPosting]]:
    """The postings of one true cluster of the committed duplicate set."""
    return [
        (r["id"], parse(r["format"], r["payload"], url=r.get("url")))
        for r in records()
        if r["cluster"] == label
    ]


@pytest.fixture
async def other_client(redis_url: str) -> Any:
    client = Redis.from_url(redis_url)
    yield client
    await client.aclose()


async def test_two_replicas_assigning_copies_at_once_found_one_cluster(
    redis: Redis, other_client: Redis, namespace: str
) -> None:
    replicas = [
        Clusterer(RedisClusterIndex(client, f"{namespace}:dd", TTL_S))
        for client in (redis, other_client)
    ]
    for label in ("gh8503792002", "lv3414ba28", "jt23115679"):
        (first_id, first), (second_id, second) = group(label)[:2]
        a, b = await asyncio.gather(
            replicas[0].assign(first_id, first, origin="ats"),
            replicas[1].assign(second_id, second, origin="board"),
        )
        assert a.cluster_id == b.cluster_id, label
        assert [a.kind, b.kind].count("new") == 1  # exactly one founded it


async def test_every_key_written_expires(redis: Redis, namespace: str) -> None:
    prefix = f"{namespace}:dd"
    index = RedisClusterIndex(redis, prefix, TTL_S, lock_ttl_ms=5000)
    clusterer = Clusterer(index)
    for posting_id, posting in group("gh8565469002"):
        await clusterer.assign(posting_id, posting, origin="board")
    held = await index.open("company:gitlab", "x:1", [], 10)
    keys = [key async for key in redis.scan_iter(match=f"{prefix}:*", count=1000)]
    kinds = {key.decode().split(":")[len(prefix.split(":"))] for key in keys}
    assert kinds == {"p", "g", "h", "u", "b", "lock"}
    for key in keys:
        ttl = await redis.pttl(key)
        limit = 5000 if b":lock:" in key else TTL_S * 1000
        assert 0 < ttl <= limit, key
    await index.close(held, None)
    assert not [k async for k in redis.scan_iter(match=f"{prefix}:lock:*")]


async def test_redis_and_memory_indexes_give_the_same_assignments(
    redis: Redis, namespace: str
) -> None:
    chosen = [r for r in records() if r["cluster"].startswith(("ab", "gh"))]
    assert len({r["cluster"] for r in chosen}) >= 8  # copies and lookalikes of several jobs
    in_redis = await cluster(chosen, Clusterer(RedisClusterIndex(redis, f"{namespace}:dd", TTL_S)))
    in_memory = await cluster(chosen, Clusterer(MemoryClusterIndex()))
    assert in_redis.assigned == in_memory.assigned
    assert len({d.cluster_id for d in in_redis.assigned.values()}) < len(chosen)


async def test_an_update_keeps_the_cluster_and_replaces_the_indexed_text(
    redis: Redis, namespace: str
) -> None:
    clusterer = Clusterer(RedisClusterIndex(redis, f"{namespace}:dd", TTL_S))
    (ats_id, ats), (_, copy) = group("gh8503792002")[:2]
    founded = await clusterer.assign(ats_id, ats, origin="ats")
    other_text = group("gh8565469002")[0][1].description
    updated = await clusterer.assign(ats_id, ats.model_copy(update={"description": other_text}),
                                     origin="ats")  # fmt: skip
    assert updated.cluster_id == founded.cluster_id
    stale = await clusterer.assign(
        "board:old", copy.model_copy(update={"url": None}), origin="board"
    )
    assert stale.cluster_id != founded.cluster_id


async def test_a_lock_is_released_only_by_its_owner(redis: Redis, namespace: str) -> None:
    index = RedisClusterIndex(redis, f"{namespace}:dd", TTL_S, lock_ttl_ms=100, lock_wait_s=1.0)
    first = await index.open("company:acme", "a:1", [], 10)
    await asyncio.sleep(0.15)  # the first holder stalled past its lock's expiry
    second = await index.open("company:acme", "a:2", [], 10)
    await index.close(first, None)  # too late: must not free the second holder's lock
    impatient = RedisClusterIndex(redis, f"{namespace}:dd", TTL_S, lock_wait_s=0.02)
    with pytest.raises(ClusterLockTimeout):
        await impatient.open("company:acme", "a:3", [], 10)
    await index.close(second, None)
    third = await impatient.open("company:acme", "a:3", [], 10)
    await impatient.close(third, None)


async def test_copies_of_one_company_in_one_process_wait_without_polling_redis(
    redis: Redis, namespace: str
) -> None:
    index = RedisClusterIndex(redis, f"{namespace}:dd", TTL_S, lock_wait_s=30.0)
    attempts = 0
    take_lock_and_look_up = index._open

    async def counted(**kwargs: Any) -> Any:
        nonlocal attempts
        attempts += 1
        return await take_lock_and_look_up(**kwargs)

    index._open = counted  # type: ignore[method-assign]
    clusterer = Clusterer(index)
    postings = [(pid, p) for label in ("gh8503792002", "lv3414ba28") for pid, p in group(label)]
    results = await asyncio.gather(
        *(clusterer.assign(pid, posting, origin="board") for pid, posting in postings)
    )
    assert attempts == len(postings)  # the Redis lock was free every time it was asked
    assert len(clusterer.local) == 0  # nothing held, nothing left behind
    by_label = {
        label: {r.cluster_id for (pid, _), r in zip(postings, results, strict=True) if pid in ids}
        for label in ("gh8503792002", "lv3414ba28")
        for ids in [{pid for pid, _ in group(label)}]
    }
    assert all(len(clusters) == 1 for clusters in by_label.values()), by_label


class _CountingRedisIndex(RedisClusterIndex):
    fetched: list[list[str]]

    async def fetch(self, posting_ids: Any) -> Any:
        self.fetched.append(list(posting_ids))
        return await super().fetch(posting_ids)


async def test_the_lookup_brings_the_first_candidates_records_along(
    redis: Redis, namespace: str
) -> None:
    """One round trip for the lock, the lookup and the first page of candidates: a copy whose
    twin is among them needs no fetch; one ranked further needs fetches for the rest only."""
    index = _CountingRedisIndex(redis, f"{namespace}:pf", TTL_S)
    index.fetched = []
    clusterer = Clusterer(index, max_candidates=2)
    (ats_id, ats), (copy_id, copy) = group("gh8503792002")[:2]
    await clusterer.assign(ats_id, ats, origin="ats")
    joined = await clusterer.assign(copy_id, copy, origin="board")
    assert joined.duplicate_of == ats_id
    assert index.fetched == []  # the twin came with the lookup
    # Three more jobs with the same text under other titles: candidates of each other, no copies.
    for role in ("Data", "Web", "Cloud"):
        lookalike = ats.model_copy(update={"title": f"{role} Engineer", "url": None})
        assert (await clusterer.assign(f"board:{role}", lookalike, origin="board")).kind == "new"
    (stored,) = await index.fetch(["board:Cloud"])
    found = await index.open("company:x", "board:Cloud", stored.set_keys(), 10, prefetch=2)
    await index.close(found, None)
    candidates = found.candidates("board:Cloud")
    assert len(candidates) == 4 and "board:Cloud" not in candidates
    assert list(found.records) == candidates[:2]
    assert [r.posting_id for r in found.records.values()] == candidates[:2]
    assert found.prefetched == set(candidates[:2])
    assert set(found.gists) == set(candidates)  # every candidate's gist came along
    assert all(
        found.gists[pid].title == found.records[pid].features.title for pid in candidates[:2]
    )
    # Another title: every candidate is ruled out by its gist, and no record is fetched.
    index.fetched = []
    another = ats.model_copy(update={"title": "Sales Engineer", "url": None})
    assert (await clusterer.assign("board:Sales", another, origin="board")).kind == "new"
    assert index.fetched == []
    # A record that expired before its set member: asked for with the lookup, not again.
    gone = candidates[0]
    await redis.delete(f"{namespace}:pf:p:{gone}")
    same_title = ats.model_copy(update={"title": f"{gone.split(':')[1]} Engineer", "url": None})
    assert (await clusterer.assign("board:Again", same_title, origin="board")).kind == "new"
    assert index.fetched == []
