"""Pure parts of the read API: cursors, query plans, JSON-LD, the stream hub."""

from datetime import UTC, datetime

import pytest

from services.api.cursor import BadCursor, Position, decode, encode
from services.api.filters import SearchParams
from services.api.hub import Hub, StreamFilter
from services.api.jsonld import job_posting, missing_required
from services.api.queries import split


def test_a_cursor_round_trips_and_refuses_another_sort_or_garbage():
    position = Position("-date_posted", datetime(2025, 1, 2, tzinfo=UTC), "src:1")
    assert decode(encode(position), "-date_posted") == position
    with pytest.raises(BadCursor):
        decode(encode(position), "salary")
    with pytest.raises(BadCursor):
        decode("not-a-cursor", "-date_posted")


def test_the_most_selective_indexed_filter_drives_the_query():
    driving, rest = split(SearchParams(seniority=["senior"], skill=["tech:python"]), None)
    assert driving == {"skills.id": "tech:python"}
    assert {"status": "open"} in rest and {"seniority": "senior"} in rest
    assert split(SearchParams(), None) == ({"status": "open"}, [])


def test_json_ld_leaves_out_what_the_posting_does_not_state():
    ld = job_posting({"title": "Engineer", "description": {"text": "a <b>\n\nc"}})
    assert ld["description"] == "<p>a &lt;b&gt;</p><p>c</p>"
    assert missing_required(ld) == ["datePosted", "hiringOrganization", "jobLocation"]
    assert "baseSalary" not in ld and "employmentType" not in ld


def test_a_full_buffer_drops_the_oldest_and_says_how_many():
    hub = Hub(buffer=2, max_clients=1)
    client = hub.join()
    client.filter = StreamFilter(country=["de"])
    data = {"locations": [{"country": "DE"}]}
    for n in range(4):
        hub.publish("posting.created.de.unknown", str(n), data)
    assert hub.publish("posting.created.fr.unknown", "x", {"locations": [{"country": "FR"}]}) == 0
    assert list(client.pending) == ["2", "3"] and client.dropped == 2
