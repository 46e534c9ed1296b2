"""Golden JSON of every message version must keep parsing: consumers depend on it."""

import json
from pathlib import Path
from typing import Any

import pytest
from pydantic import ValidationError

from shared.messages import (
    PostingChanged,
    PostingEnriched,
    PostingFetched,
    PostingNormalized,
    PostingReceived,
)

GOLDEN = Path(__file__).parent / "golden"
MODELS = {
    "posting_received.v1.json": PostingReceived,
    "posting_fetched.v1.json": PostingFetched,
    "posting_normalized.v1.json": PostingNormalized,
    "posting_enriched.v1.json": PostingEnriched,
    "posting_changed.v1.json": PostingChanged,
}


def _missing(golden: Any, dumped: Any, path: str = "") -> list[str]:
    """Paths where the re-dump lost or changed a golden value (added fields are fine)."""
    if isinstance(golden, dict) and isinstance(dumped, dict):
        return [m for k, v in golden.items() for m in _missing(v, dumped.get(k), f"{path}.{k}")]
    if isinstance(golden, list) and isinstance(dumped, list) and len(golden) == len(dumped):
        return [
            m
            for i, (g, d) in enumerate(zip(golden, dumped, strict=True))
            for m in _missing(g, d, f"{path}[{i}]")
        ]
    return [] if golden == dumped else [path or "."]


@pytest.mark.parametrize("name", sorted(MODELS))
def test_golden_messages_parse_and_keep_every_value(name):
    raw = json.loads((GOLDEN / name).read_text())
    message = MODELS[name].model_validate(raw)
    assert _missing(raw, json.loads(message.model_dump_json())) == []


def test_a_changed_value_is_noticed():
    assert _missing({"a": {"b": [1, 2]}}, {"a": {"b": [1, 3]}, "c": 0}) == [".a.b[1]"]


def test_every_model_has_a_golden_file():
    assert sorted(p.name for p in GOLDEN.glob("*.json")) == sorted(MODELS)


def test_messages_are_frozen():
    raw = json.loads((GOLDEN / "posting_received.v1.json").read_text())
    message = PostingReceived.model_validate(raw)
    with pytest.raises(ValidationError):
        message.version = 2  # type: ignore[misc]


def test_unknown_fields_from_a_newer_producer_are_ignored():
    raw = json.loads((GOLDEN / "posting_received.v1.json").read_text())
    message = PostingReceived.model_validate({**raw, "added_in_v1_1": True})
    assert message.posting_id == raw["posting_id"]
