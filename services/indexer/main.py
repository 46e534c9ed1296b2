"""Composition root of the indexer."""

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import UTC, datetime
from typing import Any

from fastapi import FastAPI

from services.indexer.adapters import MongoPostingStore, RabbitEventPublisher
from services.indexer.batcher import Batcher
from services.indexer.handlers import index_batch
from services.indexer.router import indexer_hop
from services.indexer.settings import IndexerSettings
from shared.clients import mongo_client
from shared.hop import Hop
from shared.messages import PostingEnriched
from shared.ops_metrics import observe_indexed
from shared.service import Runtime, worker_app

POSTINGS = "postings"


def create_app(settings: IndexerSettings | None = None) -> FastAPI:
    settings = settings or IndexerSettings()

    @asynccontextmanager
    async def resources(runtime: Runtime) -> AsyncIterator[Hop[Any]]:
        client = mongo_client(str(settings.mongo_url))
        store = MongoPostingStore(client[settings.mongo_database][POSTINGS])
        await store.ensure_indexes()
        runtime.checks["mongodb"] = lambda: client.admin.command("ping")
        events = RabbitEventPublisher(runtime.broker, runtime.topology)
        metrics = runtime.metrics

        async def flush(messages: list[PostingEnriched]) -> None:
            pending = await index_batch(messages, store, events)
            now = datetime.now(UTC)
            written = 0
            for event in pending:
                metrics.events.labels(event.type).inc()
                if event.cluster is not None:  # counted once per posting, when it joins
                    metrics.duplicates.labels(event.cluster["kind"] or "near").inc()
                    metrics.cluster_size.observe(event.cluster["size"])
                    continue
                written += 1
                metrics.indexed.labels(event.type.removeprefix("posting.")).inc()
                metrics.end_to_end.observe((now - event.document["received_at"]).total_seconds())
                observe_indexed(metrics, event.type, event.document)
            metrics.indexed.labels("unchanged_or_stale").inc(len(messages) - written)

        batcher = Batcher(flush, settings.batch_size, settings.batch_wait_ms / 1000)
        try:
            yield indexer_hop(batcher)
        finally:
            await batcher.close()
            await client.close()

    return worker_app("indexer", settings, resources)
