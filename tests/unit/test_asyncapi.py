"""The committed AsyncAPI document is the one the code generates (`make asyncapi` rewrites it)."""

import json
from pathlib import Path

from jobstream.cli import main

COMMITTED = Path(__file__).parents[2] / "docs" / "asyncapi.json"


def test_the_committed_asyncapi_document_is_current(tmp_path, monkeypatch):
    monkeypatch.delenv("JOBSTREAM_NAMESPACE", raising=False)
    out = tmp_path / "asyncapi.json"
    assert main(["asyncapi", "--namespace", "jobstream", "-o", str(out)]) == 0
    assert json.loads(out.read_text()) == json.loads(COMMITTED.read_text()), (
        "docs/asyncapi.json is stale: run `make asyncapi`"
    )
