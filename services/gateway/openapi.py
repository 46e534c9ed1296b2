"""The gateway's OpenAPI document, completed where FastAPI cannot infer the truth.

The ops routes come from ``shared.service`` and return raw responses, so their media types and
the 503 of /readyz are stated here.
"""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI
from fastapi.openapi.utils import get_openapi

_READY = {
    "type": "object",
    "properties": {
        "status": {"type": "string"},
        "service": {"type": "string"},
        "failures": {"type": "object", "additionalProperties": {"type": "string"}},
    },
}


def _complete(document: dict[str, Any]) -> dict[str, Any]:
    paths = document.get("paths", {})
    if metrics := paths.get("/metrics", {}).get("get"):
        metrics["responses"] = {
            "200": {
                "description": "Prometheus text exposition format",
                "content": {"text/plain": {"schema": {"type": "string"}}},
            }
        }
    if ready := paths.get("/readyz", {}).get("get"):
        ready["responses"] = {
            "200": {"description": "Ready", "content": {"application/json": {"schema": _READY}}},
            "503": {
                "description": "Not ready; `failures` names each failing dependency",
                "content": {"application/json": {"schema": _READY}},
            },
        }
    return document


def install(app: FastAPI) -> None:
    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            document = get_openapi(
                title=app.title,
                version=app.version,
                description=app.description,
                routes=app.routes,
                tags=[
                    {"name": "intake", "description": "Authenticated pushes (scope `ingest`)"},
                    {"name": "webhooks", "description": "Signed deliveries from job boards"},
                    {"name": "ops", "description": "Health, readiness and metrics"},
                ],
            )
            app.openapi_schema = _complete(document)
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]
