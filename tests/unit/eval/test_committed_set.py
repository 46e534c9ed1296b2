"""The committed labelled set is what its builder makes, and every record can be evaluated."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path
from types import ModuleType

from jobstream.eval_input import BOARD_PUSH, board_push
from jobstream.eval_truth import expected
from jobstream.evaluate import DEFAULT_DATA

ROOT = Path(__file__).resolve().parents[3]


def _builder() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "build_eval_set", ROOT / "scripts" / "build_eval_set.py"
    )
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_committed_set_is_up_to_date_with_its_builder() -> None:
    builder = _builder()
    built = [*builder.ats_records(), *builder.seeds()]
    committed = [json.loads(line) for line in DEFAULT_DATA.read_text().splitlines()]
    assert committed == json.loads(json.dumps(built))


def test_every_committed_record_has_a_mapping_and_scoreable_truth() -> None:
    for line in DEFAULT_DATA.read_text().splitlines():
        record = json.loads(line)
        assert record["source_format"] in BOARD_PUSH
        assert board_push(record["source_format"], record["raw"]).get("description")
        truth = expected(record["truth"])
        assert any(value is not None for value in truth.values()), record["id"]
        assert set(record["truth"]) == set(record["truth_source_fields"]), record["id"]
