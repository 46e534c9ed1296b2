"""The services `jobstream run` starts, in start order, and how to build each one's app."""

import importlib
from collections.abc import Callable

from fastapi import FastAPI

SERVICES: dict[str, int] = {
    "api": 5,
    "indexer": 4,
    "enricher": 3,
    "normalizer": 2,
    "fetcher": 1,
    "gateway": 0,
}
"""Service name -> offset of its HTTP port from the base port (gateway on the base port)."""


def app_factory(name: str) -> Callable[[], FastAPI]:
    if name not in SERVICES:
        raise SystemExit(f"unknown service {name!r}; one of: {', '.join(SERVICES)}")
    module = importlib.import_module(f"services.{name}.main")
    factory: Callable[[], FastAPI] = module.create_app
    return factory
