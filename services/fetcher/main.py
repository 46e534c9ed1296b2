"""Composition root of the fetcher."""

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

import httpx
from fastapi import FastAPI

from services.fetcher.adapters import HttpxDownloader
from services.fetcher.pull.wiring import pull_sources
from services.fetcher.router import fetcher_hop
from services.fetcher.settings import FetcherSettings
from shared.hop import Hop
from shared.ops_metrics import fetch_observer, observed
from shared.service import Runtime, worker_app


def create_app(settings: FetcherSettings | None = None) -> FastAPI:
    settings = settings or FetcherSettings()

    @asynccontextmanager
    async def resources(runtime: Runtime) -> AsyncIterator[Hop[Any]]:
        timeout = httpx.Timeout(settings.fetch_timeout_s)
        headers = {"user-agent": "jobstream-fetcher/0.1 (+https://github.com/jobstream)"}
        async with httpx.AsyncClient(timeout=timeout, headers=headers) as client:
            downloader = HttpxDownloader(
                client,
                settings.fetch_max_bytes,
                settings.fetch_max_redirects,
                settings.fetch_allow_hosts,
            )
            async with pull_sources(runtime, settings, client):
                yield observed(fetcher_hop(downloader), fetch_observer(runtime.metrics))

    return worker_app("fetcher", settings, resources)
