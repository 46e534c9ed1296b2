"""The registry of webhook sources: a YAML file for the shape, the environment for secrets."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Literal

import structlog
import yaml
from pydantic import BaseModel, ConfigDict, Field

from services.gateway.signatures import Scheme

log = structlog.get_logger("jobstream.gateway")

SOURCE_NAME = r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,99}$"
PayloadKind = Literal["intake", "greenhouse", "ashby"]


class Source(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    name: str = Field(pattern=SOURCE_NAME)
    payload: PayloadKind
    signature: Scheme
    secrets_env: str = Field(pattern=r"^[A-Z_][A-Z0-9_]*$")
    rate_limit: int | None = Field(None, ge=1)
    fetch_url: str | None = Field(None, description="Download URL of a thin event; '{id}' is set")
    secrets: tuple[str, ...] = ()


def load_sources(path: Path, environ: Mapping[str, str]) -> dict[str, Source]:
    """Sources by name, each with its secrets; a missing file means no webhook source."""
    if not path.exists():
        log.warning("webhooks.no_registry", path=str(path))
        return {}
    document = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    sources: dict[str, Source] = {}
    for name, entry in (document.get("sources") or {}).items():
        source = Source.model_validate({**entry, "name": name})
        secrets = tuple(environ.get(source.secrets_env, "").split())
        if not secrets:
            log.warning("webhooks.source_disabled", source=name, missing=source.secrets_env)
        sources[name] = source.model_copy(update={"secrets": secrets})
    return sources
