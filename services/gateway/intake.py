"""The generic intake format of ``POST /v1/postings``: one posting, a list, or {"postings": []}."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, HttpUrl, ValidationError, model_validator

from services.normalizer.formats import FORMATS


class IntakeItem(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    source: str = Field(
        pattern=r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,99}$",
        description="Who sent it, e.g. 'acme-board'",
        examples=["acme-board"],
    )
    external_id: str = Field(min_length=1, max_length=256, description="The posting's id there")
    event: Literal["upsert", "close"] = "upsert"
    format: str = Field("auto", description=f"One of: {', '.join(FORMATS)}")
    payload: Any = Field(None, description="The posting, inline")
    url: HttpUrl | None = Field(None, description="Where to download the posting instead")

    @model_validator(mode="after")
    def _payload_or_url(self) -> IntakeItem:
        if self.format not in FORMATS:
            raise ValueError(f"format {self.format!r} is not one of {', '.join(FORMATS)}")
        if self.event == "upsert" and (self.payload is None) == (self.url is None):
            raise ValueError("an upsert needs exactly one of 'payload' or 'url'")
        return self

    @property
    def posting_id(self) -> str:
        return f"{self.source}:{self.external_id}"


class ItemError(BaseModel):
    index: int
    loc: list[str | int]
    msg: str


def items_of(body: Any) -> list[Any]:
    if isinstance(body, dict) and "postings" in body:
        body = body["postings"]
    return body if isinstance(body, list) else [body]


def parse_items(raw_items: list[Any]) -> tuple[list[IntakeItem], list[ItemError]]:
    items: list[IntakeItem] = []
    errors: list[ItemError] = []
    for index, raw in enumerate(raw_items):
        try:
            items.append(IntakeItem.model_validate(raw))
        except ValidationError as exc:
            errors.extend(
                ItemError(index=index, loc=list(e["loc"]), msg=e["msg"]) for e in exc.errors()
            )
    return items, errors
