"""The pull-sources file: politeness rules, defaults and one entry per source."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ConfigDict, Field, model_validator

from services.fetcher.pull.connector import SourceConfig
from services.fetcher.pull.http import Politeness
from services.fetcher.pull.kinds import connectors


class PolitenessModel(BaseModel):
    model_config = ConfigDict(extra="forbid")

    per_host_concurrency: int = Field(2, ge=1)
    per_host_interval_s: float = Field(1.0, ge=0)
    max_attempts: int = Field(3, ge=1)
    backoff_s: float = Field(1.0, ge=0)
    max_retry_after_s: float = Field(60.0, ge=0)


class SourceModel(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: str = Field(pattern=r"^[a-z0-9][a-z0-9_.-]{0,62}$")
    kind: str
    board: str | None = None
    url: str | None = None
    interval_s: float | None = Field(None, ge=1)
    options: dict[str, Any] = Field(default_factory=dict)

    @model_validator(mode="after")
    def _known_kind(self) -> SourceModel:
        if self.kind not in connectors():
            raise ValueError(
                f"unknown kind {self.kind!r}; known: {', '.join(sorted(connectors()))}"
            )
        if not (self.board or self.url):
            raise ValueError(f"source {self.name!r} needs a board or a url")
        return self


class PullFile(BaseModel):
    model_config = ConfigDict(extra="forbid")

    politeness: PolitenessModel = Field(default_factory=PolitenessModel)
    interval_s: float = Field(900.0, ge=1, description="Default interval between polls")
    jitter: float = Field(0.1, ge=0, le=0.5, description="Fraction of the interval, +/-")
    confirm_empty_polls: int = Field(2, ge=1)
    lock_ttl_s: float = Field(600.0, ge=1, description="Longest a poll may hold its lock")
    sources: list[SourceModel]

    @model_validator(mode="after")
    def _unique(self) -> PullFile:
        names = [s.name for s in self.sources]
        if len(names) != len(set(names)):
            raise ValueError("source names must be unique")
        return self

    def source_configs(self) -> list[SourceConfig]:
        return [
            SourceConfig(s.name, s.kind, s.board, s.url, s.interval_s or self.interval_s, s.options)
            for s in self.sources
        ]

    def rules(self, max_bytes: int, max_redirects: int) -> Politeness:
        return Politeness(
            **self.politeness.model_dump(), max_bytes=max_bytes, max_redirects=max_redirects
        )


def load_pull_file(path: Path) -> PullFile:
    return PullFile.model_validate(yaml.safe_load(path.read_text()))
