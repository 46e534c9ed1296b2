"""What a reader may ask for: the filters of ``GET /v1/postings`` and ``GET /v1/stats``."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from shared.posting import Seniority, Workplace

Status = Literal["open", "closed", "any"]
Sort = Literal["-date_posted", "date_posted", "-indexed_at", "indexed_at", "-salary", "salary"]

SORT_FIELDS = {
    "date_posted": "date_posted",
    "indexed_at": "indexed_at",
    "salary": "salary.annual_max",
}
"""Public sort name -> document field; ties break on ``_id`` in the same direction."""


class PostingFilter(BaseModel):
    model_config = ConfigDict(extra="forbid")

    skill: list[str] = Field(
        [],
        description="Skill id ('tech:python') or name ('Python', any case); repeat for several",
    )
    skill_match: Literal["any", "all"] = Field("any", description="Several skills: any or all")
    country: list[str] = Field([], description="ISO 3166-1 alpha-2, any case")
    city: list[str] = Field([], description="City as the gazetteer names it ('Berlin')")
    workplace: list[Workplace] = []
    seniority: list[Seniority] = []
    employment_type: list[str] = Field([], description="schema.org value: FULL_TIME, ...")
    max_experience: float | None = Field(
        None, ge=0, description="Postings asking at most this many years (stated minimum <= X)"
    )
    salary_min: float | None = Field(None, ge=0, description="Annual pay reaching at least this")
    salary_max: float | None = Field(None, ge=0, description="Annual pay starting at most at this")
    currency: str | None = Field(None, pattern=r"^[A-Za-z]{3}$", description="ISO 4217")
    posted_since: datetime | None = Field(None, description="date_posted on or after (ISO 8601)")
    source: list[str] = Field([], description="Source name, as in source.name")
    status: Status = "open"
    keyword: str | None = Field(
        None, max_length=200, description="Words matched against title words and skills (all)"
    )

    @field_validator("country")
    @classmethod
    def _upper(cls, value: list[str]) -> list[str]:
        return [v.upper() for v in value]

    @field_validator("currency")
    @classmethod
    def _currency(cls, value: str | None) -> str | None:
        return value.upper() if value else value

    @field_validator("posted_since")
    @classmethod
    def _aware(cls, value: datetime | None) -> datetime | None:
        # A bare date-time is read as UTC: stored dates are UTC.
        return value.replace(tzinfo=UTC) if value and value.tzinfo is None else value


class SearchParams(PostingFilter):
    sort: Sort = Field("-date_posted", description="Field, '-' for descending; ties by id")
    limit: int = Field(20, ge=1, le=100)
    cursor: str | None = Field(None, max_length=2000, description="next_cursor of the last page")


class StatsParams(PostingFilter):
    window_days: int = Field(30, ge=1, le=3650, description="Postings posted in the last N days")
    top: int = Field(20, ge=1, le=200, description="How many skills to list")

    def since(self, now: datetime) -> datetime:
        start = now - timedelta(days=self.window_days)
        return max(start, self.posted_since) if self.posted_since else start
