"""`jobstream process`: JSON Lines in, posting documents out, one line each, in order."""

from __future__ import annotations

import sys
from typing import IO, Any

import orjson
from tqdm import tqdm

from jobstream.offline import process_record


def _line_result(number: int, line: bytes) -> dict[str, Any]:
    try:
        return process_record(orjson.loads(line))
    except Exception as exc:
        return {"line": number, "error": f"{type(exc).__name__}: {exc}"[:1000]}


def process_stream(source: IO[bytes], out: IO[bytes], progress: bool = True) -> tuple[int, int]:
    """Returns (lines read, lines failed); a failing line is reported in place, the run goes on."""
    read = failed = 0
    bar = tqdm(unit=" postings", disable=not progress, file=sys.stderr)
    for number, line in enumerate(source, start=1):
        if not line.strip():
            continue
        result = _line_result(number, line)
        read += 1
        failed += "error" in result and "line" in result
        out.write(orjson.dumps(result) + b"\n")
        bar.update()
    bar.close()
    return read, failed
