"""Duplicate clustering evaluation: pairwise precision and recall on a labelled duplicate set.

    python -m jobstream.eval_dedup [FILE] [--min 0.95] [--examples N]

FILE is JSON Lines of ``{id, format, payload, source, cluster, origin, url?}`` (default: the
committed set, built by scripts/build_dedup_set.py). Each record is normalized with the real
parser and assigned by the Clusterer on an in-memory index, in file order. A pair of records is
a true pair when both carry the same ``cluster`` label, a predicted pair when both got the same
``cluster_id``; precision and recall count pairs.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from itertools import combinations
from pathlib import Path
from typing import Any

from services.normalizer.dedup import Clusterer, MemoryClusterIndex
from services.normalizer.formats import parse
from shared.posting import Dedup, Origin

DEFAULT_DATA = Path(__file__).resolve().parents[1] / "tests" / "data" / "dedup" / "dedup_set.jsonl"


@dataclass
class Outcome:
    truth: dict[str, str] = field(default_factory=dict)  # record id -> true cluster label
    assigned: dict[str, Dedup] = field(default_factory=dict)

    def pairs(self) -> tuple[set[tuple[str, str]], set[tuple[str, str]]]:
        ids = sorted(self.truth)
        true = {(a, b) for a, b in combinations(ids, 2) if self.truth[a] == self.truth[b]}
        cluster = {i: self.assigned[i].cluster_id for i in ids}
        predicted = {(a, b) for a, b in combinations(ids, 2) if cluster[a] == cluster[b]}
        return true, predicted

    def summary(self) -> dict[str, Any]:
        true, predicted = self.pairs()
        hits = len(true & predicted)
        kinds = Counter(d.kind for d in self.assigned.values())
        return {
            "records": len(self.truth),
            "true_clusters": len(set(self.truth.values())),
            "predicted_clusters": len({d.cluster_id for d in self.assigned.values()}),
            "true_pairs": len(true),
            "predicted_pairs": len(predicted),
            "precision": hits / len(predicted) if predicted else 1.0,
            "recall": hits / len(true) if true else 1.0,
            "kinds": dict(sorted(kinds.items())),
            "rules": dict(
                sorted(Counter(d.rule for d in self.assigned.values() if d.rule).items())
            ),
        }


def read_records(path: Path) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


async def cluster(records: Iterable[dict[str, Any]], clusterer: Clusterer | None = None) -> Outcome:
    clusterer = clusterer or Clusterer(MemoryClusterIndex())
    outcome = Outcome()
    for record in records:
        posting = parse(record["format"], record["payload"], url=record.get("url"))
        origin: Origin = "ats" if record.get("origin") == "ats" else "board"
        outcome.assigned[record["id"]] = await clusterer.assign(
            record["id"], posting, origin=origin
        )
        outcome.truth[record["id"]] = str(record["cluster"])
    return outcome


def mistakes(outcome: Outcome, limit: int) -> list[str]:
    """Pairs joined that are different jobs, then pairs of one job left apart."""
    true, predicted = outcome.pairs()
    lines = []
    for a, b in sorted(predicted - true)[:limit]:
        dedup = outcome.assigned[b]
        lines.append(f"  joined, different jobs: {a} ~ {b} (rule {dedup.rule}, {dedup.similarity})")
    for a, b in sorted(true - predicted)[:limit]:
        lines.append(f"  apart, same job: {a} / {b}")
    return lines


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m jobstream.eval_dedup", description=__doc__)
    parser.add_argument("data", nargs="?", type=Path, default=DEFAULT_DATA)
    parser.add_argument(
        "--min", type=float, default=0.95, help="exit 1 below this precision/recall"
    )
    parser.add_argument(
        "--examples", type=int, default=5, help="list up to N wrong pairs of each kind"
    )
    parser.add_argument("--json", type=Path, help="write the numbers to this file")
    return parser


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    outcome = asyncio.run(cluster(read_records(args.data)))
    summary = outcome.summary()
    print(
        f"{args.data}: {summary['records']} records, {summary['true_clusters']} true clusters, "
        f"{summary['predicted_clusters']} predicted clusters"
    )
    print(
        f"pairwise precision {summary['precision']:.3f}  recall {summary['recall']:.3f}  "
        f"({summary['true_pairs']} true pairs, {summary['predicted_pairs']} predicted pairs)"
    )
    print("duplicates by kind: " + ", ".join(f"{k} {n}" for k, n in summary["kinds"].items()))
    print("by rule: " + ", ".join(f"{k} {n}" for k, n in summary["rules"].items()))
    if args.examples and (wrong := mistakes(outcome, args.examples)):
        print("\n".join(["wrong pairs:", *wrong]))
    if args.json:
        args.json.write_text(json.dumps(summary, indent=2) + "\n")
    if min(summary["precision"], summary["recall"]) < args.min:
        print(f"BELOW MINIMUM {args.min}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
