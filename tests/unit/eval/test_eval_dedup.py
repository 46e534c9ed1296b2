"""The duplicate set is what its builder makes, and the clustering scores above the minimum."""

import asyncio
import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType

from jobstream.eval_dedup import DEFAULT_DATA, Outcome, cluster, main, read_records
from shared.posting import Dedup

ROOT = Path(__file__).resolve().parents[3]


def _builder() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "build_dedup_set", ROOT / "scripts" / "build_dedup_set.py"
    )
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up
    spec.loader.exec_module(module)
    return module


def test_committed_set_meets_the_minimum() -> None:
    assert main([str(DEFAULT_DATA), "--min", "0.95"]) == 0
    summary = asyncio.run(cluster(read_records(DEFAULT_DATA))).summary()
    assert summary["precision"] >= 0.95 and summary["recall"] >= 0.95
    assert summary["kinds"]["same_content"] and summary["kinds"]["near"]


def test_committed_set_is_what_its_builder_makes() -> None:
    builder = _builder()
    built = builder.build()
    assert json.dumps(built, sort_keys=True) == json.dumps(builder.build(), sort_keys=True)
    shape = [(r["id"], r["format"], r["cluster"], r["origin"]) for r in built]
    committed = read_records(DEFAULT_DATA)
    assert shape == [(r["id"], r["format"], r["cluster"], r["origin"]) for r in committed]


def test_set_holds_copies_across_formats_and_lookalikes() -> None:
    committed = read_records(DEFAULT_DATA)
    clusters: dict[str, list[dict[str, object]]] = {}
    for record in committed:
        clusters.setdefault(str(record["cluster"]), []).append(record)
    assert {r["format"] for r in committed} >= {
        "greenhouse", "lever", "ashby", "jobtech", "text", "markdown", "html", "generic",
    }  # fmt: skip
    assert sum(len(members) > 2 for members in clusters.values()) >= 20
    # Lookalikes: the same company and title elsewhere or for another team, a cluster of its own.
    assert sum(label.endswith("-city") for label in clusters) >= 5
    assert sum(label.endswith("-team") for label in clusters) >= 5


def test_a_clustering_that_joins_different_jobs_fails(tmp_path: Path) -> None:
    payload = {"title": "Driver", "company": "Acme", "description": "Drive our vans. " * 20}
    lines = [
        {"id": f"b:{n}", "format": "generic", "payload": payload, "source": "b",
         "cluster": f"job-{n}", "origin": "board"}
        for n in range(2)
    ]  # fmt: skip
    data = tmp_path / "set.jsonl"
    data.write_text("\n".join(json.dumps(line) for line in lines) + "\n")
    assert main([str(data), "--min", "0.95"]) == 1


def test_pairwise_precision_and_recall() -> None:
    outcome = Outcome(
        truth={"a": "1", "b": "1", "c": "1", "d": "2"},
        assigned={
            k: Dedup(cluster_id=c) for k, c in {"a": "x", "b": "x", "c": "y", "d": "y"}.items()
        },
    )
    summary = outcome.summary()
    # True pairs ab, ac, bc; predicted ab, cd: one right of two predicted, one found of three.
    assert (summary["precision"], round(summary["recall"], 3)) == (0.5, 0.333)
    assert (summary["true_clusters"], summary["predicted_clusters"]) == (2, 2)
