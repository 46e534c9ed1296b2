"""The pull-sources file: the shipped example loads; mistakes are refused with a reason."""

from pathlib import Path

import pytest
from pydantic import ValidationError

from services.fetcher.pull.config import PullFile, load_pull_file

EXAMPLE = Path(__file__).parents[3] / "config" / "pull_sources.yaml"


def test_the_example_file_loads_with_every_kind():
    pull = load_pull_file(EXAMPLE)
    sources = {s.name: s for s in pull.source_configs()}
    assert len({s.kind for s in sources.values()}) == 10
    assert sources["lever-example-eu"].options == {"region": "eu"}
    assert sources["lever-example-eu"].interval_s == 1800
    assert sources["greenhouse-example"].interval_s == 900


@pytest.mark.parametrize(
    ("source", "reason"),
    [
        ({"name": "x", "kind": "monster"}, "unknown kind 'monster'"),
        ({"name": "x", "kind": "greenhouse"}, "needs a board or a url"),
        ({"name": "Bad Name", "kind": "greenhouse", "board": "a"}, "name"),
    ],
)
def test_bad_sources_are_refused(source, reason):
    with pytest.raises(ValidationError, match=reason):
        PullFile.model_validate({"sources": [source]})


def test_duplicate_names_are_refused():
    one = {"name": "x", "kind": "greenhouse", "board": "a"}
    with pytest.raises(ValidationError, match="unique"):
        PullFile.model_validate({"sources": [one, one]})
