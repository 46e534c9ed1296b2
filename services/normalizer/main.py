"""Composition root of the normalizer."""

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from fastapi import FastAPI

from services.normalizer.adapters import RedisFingerprints
from services.normalizer.dedup import Clusterer, RedisClusterIndex
from services.normalizer.router import normalizer_hop
from services.normalizer.settings import NormalizerSettings
from shared.clients import RedisKeys, redis_client
from shared.hop import Hop
from shared.ops_metrics import duplicate_observer, observed
from shared.service import Runtime, worker_app


def create_app(settings: NormalizerSettings | None = None) -> FastAPI:
    settings = settings or NormalizerSettings()

    @asynccontextmanager
    async def resources(runtime: Runtime) -> AsyncIterator[Hop[Any]]:
        redis = redis_client(str(settings.redis_url))
        runtime.checks["redis"] = redis.ping
        store = RedisFingerprints(redis, RedisKeys(settings.namespace), settings.fingerprint_ttl_s)
        clusters = None
        if settings.dedup_enabled:
            index = RedisClusterIndex(redis, f"{settings.namespace}:dd", settings.dedup_ttl_s)
            clusters = Clusterer(index, window_days=settings.dedup_window_days)
        try:
            yield observed(normalizer_hop(store, clusters), duplicate_observer(runtime.metrics))
        finally:
            await redis.aclose()

    return worker_app("normalizer", settings, resources)
