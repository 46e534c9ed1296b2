"""`jobstream process`: JSON Lines in, one posting document (or error) per line, in order."""

import io
from pathlib import Path

import orjson

from jobstream.process import process_stream

SEEDS = Path(__file__).parents[1] / "data" / "seeds"


def run(lines: list[bytes], **options: bool) -> list[dict]:
    out = io.BytesIO()
    read, failed = process_stream(io.BytesIO(b"\n".join(lines)), out, progress=False, **options)
    results = [orjson.loads(line) for line in out.getvalue().splitlines()]
    assert read == len(results)
    assert failed == sum("error" in r for r in results)
    return results


def record(source: str, text: str, external_id: str) -> bytes:
    return orjson.dumps(
        {"source": source, "format": "text", "payload": text, "external_id": external_id}
    )


def test_each_line_gives_its_document_in_order_and_a_bad_line_its_error():
    texts = sorted(p.read_text() for p in SEEDS.glob("*.txt"))
    results = run([record("a", texts[0], "1"), b"{not json", record("a", texts[1], "2")])
    assert [r.get("id") for r in results] == ["a:1", None, "a:2"]
    assert results[1]["line"] == 2 and "JSONDecodeError" in results[1]["error"]
    assert results[0]["title"] and results[0]["skills"]


def test_the_same_job_from_two_sources_shares_a_cluster():
    text = sorted(p.read_text() for p in SEEDS.glob("*.txt"))[0]
    reformatted = "\n\n".join(line.strip() for line in text.splitlines() if line.strip())
    first, copy, other = run(
        [
            record("board-a", text, "1"),
            record("board-b", reformatted, "x9"),
            record("board-a", sorted(p.read_text() for p in SEEDS.glob("*.txt"))[1], "2"),
        ]
    )
    assert copy["cluster_id"] == first["cluster_id"] != other["cluster_id"]
    assert copy["duplicate_of"] == "board-a:1" and first["duplicate_of"] is None
    assert copy["dedup"]["kind"] in {"same_content", "near"}


def test_clustering_can_be_switched_off():
    text = sorted(p.read_text() for p in SEEDS.glob("*.txt"))[0]
    first, second = run([record("a", text, "1"), record("b", text, "1")], cluster=False)
    assert "cluster_id" not in first and "cluster_id" not in second
