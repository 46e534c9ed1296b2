"""The public contract on ``<ns>.events``: CloudEvents 1.0 whose data is the posting document.

The AsyncAPI document that the read API serves is generated from these models and from
``EVENT_TYPES`` (``asyncapi_document``), so the contract and the code cannot drift apart.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any, Literal

from faststream.rabbit import RabbitBroker
from faststream.specification import AsyncAPI
from faststream.specification.base import Specification
from pydantic import BaseModel, ConfigDict, Field

from shared.messages import PostingChanged
from shared.posting import (
    Description,
    Education,
    Experience,
    Location,
    Occupation,
    Provenance,
    Salary,
    Skill,
)
from shared.topology import Topology

EVENT_TYPES: dict[str, str] = {
    "posting.created": "A posting was indexed for the first time.",
    "posting.updated": "A posting's content changed; `data.changes` lists each changed field.",
    "posting.closed": "The source closed the posting (or it vanished from a polled board).",
    "posting.reopened": "A closed posting is open again; `data.changes` lists what changed.",
    "posting.cluster_joined": "A posting was found to be a copy of a job already indexed from "
    "another source; `data.cluster` names the cluster and the evidence.",
}

CHANGE_TRACKED = (
    "status",
    "title",
    "title_normalized",
    "seniority",
    "occupation",
    "company",
    "department",
    "employment_type",
    "workplace",
    "locations",
    "experience",
    "education",
    "salary",
    "skills",
    "language",
    "date_posted",
    "valid_through",
    "description",
    "source",
)
"""Document fields compared old against new for ``posting.updated``/``posting.reopened``."""


class _Open(BaseModel):
    model_config = ConfigDict(extra="allow")


class SourceRef(_Open):
    name: str | None = None
    external_id: str | None = None
    url: str | None = None


class CompanyRef(_Open):
    name: str | None = None


class FieldChange(_Open):
    field: str = Field(description="Top-level document field, e.g. 'salary'")
    old: Any = Field(None, description="The value before this version (null if absent)")
    new: Any = Field(None, description="The value in this version (null if removed)")


class DedupEvidence(_Open):
    kind: str | None = Field(None, description="'new', 'same_content' or 'near'")
    similarity: float | None = Field(None, description="Estimated Jaccard of the descriptions")
    rule: str | None = Field(None, description="The rule that matched")
    origin: str | None = Field(None, description="'ats' (the employer's own) or 'board'")


class ClusterJoin(_Open):
    cluster_id: str
    duplicate_of: str | None = Field(None, description="The earlier twin this copy matched")
    kind: str | None = Field(None, description="'same_content' or 'near'")
    similarity: float | None = None
    rule: str | None = None
    size: int | None = Field(None, description="Members of the cluster after this one joined")
    canonical_id: str | None = Field(None, description="The member named canonical")


class PostingDocument(_Open):
    """The posting document of DESIGN.md as indexed; fields a posting does not state are null."""

    id: str
    source: SourceRef | None = None
    status: Literal["open", "closed"] | None = None
    title: str | None = None
    title_normalized: str | None = None
    seniority: str | None = None
    occupation: Occupation | None = None
    company: CompanyRef | None = None
    department: str | None = None
    employment_type: list[str] = Field(default_factory=list)
    workplace: str | None = None
    locations: list[Location] = Field(default_factory=list)
    experience: Experience | None = None
    education: Education | None = None
    salary: Salary | None = None
    skills: list[Skill] = Field(default_factory=list)
    language: str | None = None
    date_posted: datetime | None = None
    valid_through: datetime | None = None
    description: Description | None = None
    provenance: dict[str, Provenance] = Field(default_factory=dict)
    cluster_id: str | None = None
    duplicate_of: str | None = None
    dedup: DedupEvidence | None = None
    fingerprint: str | None = None
    version: int | None = None
    received_at: datetime | None = None
    indexed_at: datetime | None = None
    first_indexed_at: datetime | None = None
    closed_at: datetime | None = None
    enrichment_version: str | None = None


class PostingEventData(PostingDocument):
    changes: list[FieldChange] = Field(
        default_factory=list, description="Updated and reopened events: each changed field"
    )
    cluster: ClusterJoin | None = Field(None, description="cluster_joined events only")


class PublicEvent(PostingChanged):
    """What a consumer receives: ``PostingChanged`` with typed data."""

    data: PostingEventData  # type: ignore[assignment]


def asyncapi_document(topology: Topology, *, version: str = "1.0.0") -> dict[str, Any]:
    """AsyncAPI 3.0 of every public event as JSON-ready data."""
    document: dict[str, Any] = asyncapi_spec(topology, version=version).to_jsonable()
    return document


def asyncapi_spec(topology: Topology, *, version: str = "1.0.0") -> Specification:
    """AsyncAPI 3.0 of every public event, generated by FastStream from the models above."""
    broker = RabbitBroker(
        "amqp://guest:guest@localhost:5672/",
        description="RabbitMQ; bind a queue of yours to the events exchange",
    )
    for event_type, summary in EVENT_TYPES.items():
        model = type(
            event_type.replace(".", "_").title().replace("_", ""),
            (PublicEvent,),
            {
                "__annotations__": {"type": Literal[event_type]},
                "__doc__": summary,
                "type": event_type,
            },
        )
        broker.publisher(
            exchange=topology.events,
            routing_key=f"{event_type}.<country>.<seniority>",
            title=event_type,
            description=f"{summary} Routing key `{event_type}.<country>.<seniority>`: ISO "
            "3166-1 alpha-2 country in lower case ('xx' when unknown) and the seniority "
            "('unknown' when not stated); bind e.g. `posting.*.de.senior` or `posting.created.#`."
            " Body: CloudEvents 1.0 structured JSON (`application/cloudevents+json`).",
            schema=model,
        )
    return AsyncAPI(
        broker,
        title="jobstream public events",
        version=version,
        description="Enriched job postings as CloudEvents 1.0 on the topic exchange "
        f"`{topology.events.name}`. `data` is the posting document; `id` is stable per "
        "posting version and type, so a consumer can drop redeliveries by it.",
        schema_version="3.0.0",
    ).to_specification()
