"""Extraction evaluation: run labelled postings through jobstream and score each field.

    python -m jobstream.evaluate [DATA] [--board-push] [--json OUT] [--min-thresholds FILE]

DATA is a JSONL labelled set (``{id, source_format, raw, truth, truth_source_fields}``); the
default is the committed set. Match rules: ``jobstream.eval_match``; rates:
``jobstream.eval_metrics``. With --board-push a field is scored only where the pushed content
states its truth value (``jobstream.eval_stated``); the rest is counted as "unstated".
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from jobstream.eval_input import pipeline_record
from jobstream.eval_metrics import Tally, table
from jobstream.eval_stated import split_stated
from jobstream.eval_truth import expected

DEFAULT_DATA = Path(__file__).resolve().parents[1] / "tests" / "data" / "eval" / "committed.jsonl"

Pipeline = Callable[[dict[str, Any]], dict[str, Any]]


def read_records(path: Path) -> Iterator[dict[str, Any]]:
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, 1):
            if line.strip():
                try:
                    yield json.loads(line)
                except json.JSONDecodeError as exc:
                    raise SystemExit(f"{path}:{number}: not JSON: {exc}") from exc


def evaluate(records: Iterator[dict[str, Any]], pipeline: Pipeline, *, board: bool) -> Tally:
    """Score every record; a record the pipeline rejects counts as 'no value' for each field."""
    tally = Tally()
    for record in records:
        record_id = str(record.get("id"))
        doc: dict[str, Any] | None
        piped: dict[str, Any] | None = None
        try:
            piped = pipeline_record(record, board=board)
            doc = pipeline(piped)
        except Exception as exc:  # a failing record is data for the report, not a crash
            message = " ".join(str(exc).split())  # one line per failure in the listing
            tally.failures.append((record_id, f"{type(exc).__name__}: {message}"[:300]))
            doc = None
        truth = expected(record.get("truth") or {}, record.get("truth_source_fields") or {})
        unstated: dict[str, Any] = {}
        if board and piped is not None:  # score only the values the pushed content states
            truth, unstated = split_stated(truth, piped["payload"])
        tally.add(record_id, doc, truth, unstated)
    return tally


def below_thresholds(summary: dict[str, Any], thresholds: dict[str, Any]) -> list[str]:
    """One message per field whose recall is below, or wrong rate above, its threshold."""
    problems = []
    for name, limits in thresholds.items():
        rates = summary["fields"].get(name)
        if rates is None or not rates["n"]:
            problems.append(f"{name}: no record of the set has truth for it")
            continue
        if "recall" in limits and (rates["recall"] or 0.0) < limits["recall"]:
            problems.append(f"{name}: recall {rates['recall']:.3f} < minimum {limits['recall']}")
        wrong = rates["wrong"]
        if "max_wrong" in limits and wrong is not None and wrong > limits["max_wrong"]:
            problems.append(f"{name}: wrong rate {wrong:.3f} > maximum {limits['max_wrong']}")
    return problems


def _misses_text(tally: Tally, limit: int) -> str:
    lines = []
    for name, count in tally.fields.items():
        for miss in count.misses[:limit]:
            got, want = miss["given"], miss["truth"]
            lines.append(f"  {name:<16}{miss['id']}: given={got!r} truth={want!r}")
    return "\n".join(lines)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m jobstream.evaluate", description=__doc__)
    parser.add_argument("data", nargs="?", type=Path, default=DEFAULT_DATA)
    parser.add_argument(
        "--board-push",
        action="store_true",
        help="hand only title, company, location and description, as a job board pushes them",
    )
    parser.add_argument("--json", type=Path, help="write the numbers to this file")
    parser.add_argument(
        "--min-thresholds",
        type=Path,
        help='JSON {field: {"recall": x, "max_wrong": y}}; exit 1 when a field falls short',
    )
    parser.add_argument("--examples", type=int, default=0, help="list N misses per field")
    return parser


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    from jobstream.offline import process_record  # the pipeline is loaded only when run

    tally = evaluate(read_records(args.data), process_record, board=args.board_push)
    summary = tally.summary()
    summary.update(data=str(args.data), board_push=args.board_push)
    mode = "board-push" if args.board_push else "native"
    print(f"{args.data} ({summary['records']} records, {mode})")
    print(table(summary))
    if args.examples:
        print(f"\nmisses (wrong or missing), up to {args.examples} per field:")
        print(_misses_text(tally, args.examples))
    if tally.failures:
        print(f"\n{len(tally.failures)} record(s) failed to process:")
        print("\n".join(f"  {rid}: {err}" for rid, err in tally.failures))
    if args.json:
        args.json.write_text(json.dumps(summary, indent=2, ensure_ascii=False) + "\n")
    if args.min_thresholds:
        problems = below_thresholds(summary, json.loads(args.min_thresholds.read_text()))
        if problems:
            print("\nBELOW THRESHOLD (" + str(args.min_thresholds) + "):", file=sys.stderr)
            print("\n".join("  " + p for p in problems), file=sys.stderr)
            return 1
        print(f"\nall fields meet {args.min_thresholds}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
