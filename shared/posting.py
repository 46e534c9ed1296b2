"""The canonical posting: what the normalizer hands the enricher, and what the indexer stores.

Field names follow the posting document of DESIGN.md; they are a contract with downstream
consumers. A value the posting does not state stays ``None`` (or an empty list), never a guess.
"""

from __future__ import annotations

from datetime import datetime
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

SectionKind = Literal[
    "summary", "about_company", "responsibilities", "requirements", "preferred", "benefits", "other"
]
Seniority = Literal[
    "intern", "junior", "mid", "senior", "lead", "principal", "manager", "director", "executive"
]
Workplace = Literal["onsite", "hybrid", "remote"]
EducationLevel = Literal["none", "high_school", "associate", "bachelor", "master", "doctorate"]
SalaryPeriod = Literal["HOUR", "DAY", "WEEK", "MONTH", "YEAR"]
Method = Literal["source_field", "rule", "taxonomy", "gazetteer", "model", "default"]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Section(_Model):
    heading: str | None = None
    kind: SectionKind = "other"
    items: list[str] = Field(default_factory=list, description="Bullet items or paragraphs.")


class Description(_Model):
    text: str = Field("", description="Plain text, Markdown escapes and HTML removed.")
    sections: list[Section] = Field(default_factory=list)


class SalaryHint(_Model):
    """A salary as a source's structured fields state it, before normalization."""

    min: float | None = None
    max: float | None = None
    currency: str | None = None
    period: str | None = Field(None, description="As the source wrote it: 'year', 'HOUR', ...")
    raw: str | None = None


class NormalizedPosting(_Model):
    """What the normalizer extracts from one source payload: canonical fields, no inference.

    ``hint_fields`` maps each hint (``employment_type``, ``salary``, ``workplace``, ``skills``,
    ``department``, ``experience``, ``education``, ``locations``, ``date_posted``...) to the
    source field it was read from, so the enricher can record provenance. Hints from structured
    source fields win over what the enricher reads in the text.
    """

    title: str | None = None
    company: str | None = None
    locations: list[str] = Field(default_factory=list, description="Raw location strings.")
    description: Description = Field(default_factory=Description)
    url: str | None = None
    date_posted: datetime | None = None
    valid_through: datetime | None = None
    employment_type: list[str] = Field(default_factory=list, description="Raw source values.")
    workplace: str | None = Field(None, description="Raw source value: 'remote', 'Hybrid'...")
    salary: SalaryHint | None = None
    department: str | None = None
    skills: list[str] = Field(default_factory=list, description="Employer-tagged skills.")
    experience: str | None = Field(None, description="Raw experience statement, e.g. '5-10 Years'.")
    education: str | None = None
    seniority: str | None = Field(None, description="Raw level stated by the source, if any.")
    country_hint: str | None = Field(None, description="Country stated by a structured field.")
    language: str | None = Field(None, description="ISO 639-1 stated by the source, if any.")
    hint_fields: dict[str, str] = Field(default_factory=dict)


class Provenance(_Model):
    method: Method
    confidence: float = Field(ge=0.0, le=1.0)
    source_field: str | None = None
    evidence: str | None = None


class Location(_Model):
    raw: str
    city: str | None = None
    region: str | None = None
    country: str | None = Field(None, description="ISO 3166-1 alpha-2")
    lat: float | None = None
    lon: float | None = None
    kind: Literal["city", "region", "country", "area", "remote", "unknown"] = "unknown"


class Experience(_Model):
    min_years: float | None = None
    max_years: float | None = None


class Education(_Model):
    level: EducationLevel | None = None
    fields: list[str] = Field(default_factory=list)


class Salary(_Model):
    min: float | None = None
    max: float | None = None
    currency: str | None = Field(None, description="ISO 4217")
    period: SalaryPeriod | None = None
    annual_min: float | None = None
    annual_max: float | None = None
    raw: str | None = None


class Skill(_Model):
    id: str = Field(description="Stable taxonomy id, e.g. 'tech:nodejs'.")
    name: str
    category: str
    esco_uri: str | None = None
    required: bool = True
    min_years: float | None = None
    evidence: str = ""


class Occupation(_Model):
    title: str | None = None
    esco_uri: str | None = None
    isco08: str | None = None
    onet_soc: str | None = None


DuplicateKind = Literal["new", "same_content", "near"]
Origin = Literal["ats", "board"]


class Dedup(_Model):
    """Where a posting stands among the copies of one job (issue 8): its cluster and the evidence.

    ``kind`` is ``new`` for the first posting of a cluster, ``same_content`` when another source
    sent the identical canonical content, ``near`` when shingle similarity plus field rules matched.
    """

    cluster_id: str = Field(description="Shared by every copy of one job")
    duplicate_of: str | None = Field(None, description="Posting id of the earlier twin, if any")
    kind: DuplicateKind = "new"
    similarity: float | None = Field(None, description="Estimated Jaccard of description shingles")
    rule: str | None = Field(None, description="The rule that matched, e.g. 'same-title-place'")
    origin: Origin = Field("board", description="'ats' when the employer's own ATS sent it")
    canonical_url: str | None = Field(None, description="The URL without tracking parameters")


class Enrichment(_Model):
    """Everything the enricher derives from a NormalizedPosting; provenance keyed by field name."""

    title: str | None = None
    title_normalized: str | None = None
    seniority: Seniority | None = None
    occupation: Occupation | None = None
    employment_type: list[str] = Field(default_factory=list)
    workplace: Workplace | None = None
    locations: list[Location] = Field(default_factory=list)
    experience: Experience = Field(default_factory=Experience)
    education: Education = Field(default_factory=Education)
    salary: Salary | None = None
    skills: list[Skill] = Field(default_factory=list)
    language: str | None = None
    provenance: dict[str, Provenance] = Field(default_factory=dict)
    enrichment_version: str = ""
