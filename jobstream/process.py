"""`jobstream process`: JSON Lines in, posting documents out, one line each, in order."""

from __future__ import annotations

import sys
from typing import IO, Any

import orjson
from tqdm import tqdm

from jobstream.offline import OfflineClusters, process_record


def _line_result(number: int, line: bytes, clusters: OfflineClusters | None) -> dict[str, Any]:
    try:
        return process_record(orjson.loads(line), clusters=clusters)
    except Exception as exc:
        return {"line": number, "error": f"{type(exc).__name__}: {exc}"[:1000]}


def process_stream(
    source: IO[bytes], out: IO[bytes], progress: bool = True, cluster: bool = True
) -> tuple[int, int]:
    """Returns (lines read, lines failed); a failing line is reported in place, the run goes on.

    With ``cluster``, copies of one job within the run share a ``cluster_id`` as in the pipeline.
    """
    read = failed = 0
    clusters = OfflineClusters() if cluster else None
    bar = tqdm(unit=" postings", disable=not progress, file=sys.stderr)
    try:
        for number, line in enumerate(source, start=1):
            if not line.strip():
                continue
            result = _line_result(number, line, clusters)
            read += 1
            failed += "error" in result and "line" in result
            out.write(orjson.dumps(result) + b"\n")
            bar.update()
    finally:
        bar.close()
        if clusters is not None:
            clusters.close()
    return read, failed
