"""One module per source kind; each exposes ``CONNECTOR``. Adding a kind is adding a module."""

from __future__ import annotations

import importlib
import pkgutil
from functools import cache

from services.fetcher.pull.connector import Connector


@cache
def connectors() -> dict[str, Connector]:
    found: dict[str, Connector] = {}
    for module in pkgutil.iter_modules(__path__):
        connector = importlib.import_module(f"{__name__}.{module.name}").CONNECTOR
        found[connector.kind] = connector
    return found


def connector_for(kind: str) -> Connector:
    known = connectors()
    if kind not in known:
        raise ValueError(f"unknown source kind {kind!r}; known: {', '.join(sorted(known))}")
    return known[kind]
