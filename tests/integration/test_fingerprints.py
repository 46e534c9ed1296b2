"""The normalizer's fingerprint store on real Redis: the newest version's content wins."""

import pytest

from services.normalizer.adapters import RedisFingerprints
from shared.clients import RedisKeys

pytestmark = pytest.mark.integration


@pytest.fixture
def store(redis, namespace) -> RedisFingerprints:
    return RedisFingerprints(redis, RedisKeys(namespace), ttl_s=60)


async def test_unknown_posting_has_no_fingerprint(store):
    assert await store.current("s:1") is None


async def test_a_newer_version_replaces_the_fingerprint(store):
    await store.remember("s:1", 1, "aaa")
    await store.remember("s:1", 2, "bbb")
    assert await store.current("s:1") == "bbb"


async def test_a_late_older_version_does_not_replace_the_newest(store):
    await store.remember("s:1", 2, "bbb")
    await store.remember("s:1", 1, "aaa")  # v1 arrived after v2
    assert await store.current("s:1") == "bbb"  # so a v3 with v1's content is not "unchanged"


async def test_the_fingerprint_expires(store, redis, namespace):
    await store.remember("s:1", 1, "aaa")
    ttl = await redis.ttl(RedisKeys(namespace).fingerprint("s:1"))
    assert 0 < ttl <= 60
