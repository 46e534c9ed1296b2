"""API keys stored hashed, with scopes; JSON depth without recursion."""

import pytest

from services.gateway.guards import depth
from services.gateway.keys import KeyRing, new_key, parse_entry


def test_a_minted_key_is_found_by_its_entry_and_the_entry_holds_no_secret():
    key, entry = new_key("ingest")
    ring = KeyRing([entry])
    stored = ring.find(key)
    assert stored is not None and stored.scopes == {"ingest"}
    assert key.split(".", 1)[1] not in entry


@pytest.mark.parametrize(
    "mangle",
    [lambda k: k[:-1] + ("B" if k.endswith("A") else "A"), lambda k: k + "x", lambda k: "jsk_x.y"],
)
def test_a_wrong_key_is_not_found(mangle):
    key, entry = new_key()
    assert KeyRing([entry]).find(mangle(key)) is None


@pytest.mark.parametrize(
    "entry", ["abc:short:ingest", "abc:" + "0" * 64 + ":admin", "abc:" + "0" * 64 + ":", "abc"]
)
def test_malformed_entries_are_refused(entry):
    with pytest.raises(ValueError):
        parse_entry(entry)


def test_depth_counts_nesting_without_recursion():
    assert depth("x") == 1
    assert depth({"a": [1, {"b": []}]}) == 4
    deep: object = 1
    for _ in range(100_000):
        deep = [deep]
    assert depth(deep) == 100_001
