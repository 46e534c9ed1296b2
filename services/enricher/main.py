"""Composition root of the enricher: no state but the taxonomy data shipped in the repo."""

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from fastapi import FastAPI

from services.enricher.router import enricher_hop
from services.enricher.settings import EnricherSettings
from shared.hop import Hop
from shared.ops_metrics import enrichment_observer, observed
from shared.service import Runtime, worker_app


def create_app(settings: EnricherSettings | None = None) -> FastAPI:
    settings = settings or EnricherSettings()

    @asynccontextmanager
    async def resources(runtime: Runtime) -> AsyncIterator[Hop[Any]]:
        yield observed(enricher_hop(), enrichment_observer(runtime.metrics))

    return worker_app("enricher", settings, resources)
