"""Format detection and listing splitting."""

import json

import pytest

from services.normalizer.formats import FORMATS, detect_format, parse, split_listing
from shared.errors import InvalidPayload


@pytest.mark.parametrize(
    ("payload", "fmt"),
    [
        ("Senior Engineer\nLocation: Pune\nWe build things.", "text"),
        ("## Role\nBuild \\*things\\*", "markdown"),
        ("<div><p>Hello</p><ul><li>x</li></ul></div>", "html"),
        ('{"@context": "https://schema.org", "@type": "JobPosting", "title": "x"}', "jsonld"),
        ({"text": "x", "categories": {}, "hostedUrl": "u"}, "lever"),
        ({"absolute_url": "u", "title": "x", "content": ""}, "greenhouse"),
        ({"title": "x", "descriptionHtml": "<p>y</p>"}, "ashby"),
        ({"name": "x", "jobAd": {}}, "smartrecruiters"),
        ({"title": "x", "shortcode": "AB"}, "workable"),
        ({"title": "x", "employment_type_code": "fulltime"}, "recruitee"),
        ({"_source": {"rubrik": "x"}}, "jobtech"),
        ("<position><name>x</name><jobDescriptions/></position>", "personio"),
        ("<job><title>x</title><referencenumber>1</referencenumber></job>", "indeed-xml"),
        ({"title": "x", "company": "y", "description": "z"}, "generic"),
    ],
)
def test_detect_format(payload: object, fmt: str) -> None:
    assert detect_format(payload) == fmt
    assert fmt in FORMATS


def test_undetectable_payload() -> None:
    with pytest.raises(InvalidPayload):
        detect_format({"foo": 1})


def test_auto_parses_what_it_detects() -> None:
    posting = parse("auto", {"title": "Welder", "location": "Gdynia", "description": "Spawanie."})
    assert posting.title == "Welder"
    assert posting.locations == ["Gdynia"]


def test_split_lever_grouped_and_workable_account() -> None:
    grouped = [{"title": "Eng", "postings": [{"id": "a", "text": "A"}, {"id": "b", "text": "B"}]}]
    assert [i for i, _ in split_listing("lever", grouped)] == ["a", "b"]
    account = {"name": "Netfish", "jobs": [{"shortcode": "X1", "title": "Cook"}]}
    [(ident, job)] = split_listing("workable", json.dumps(account))
    assert ident == "X1"
    assert parse("workable", job).company == "Netfish"


def test_split_xml_feeds() -> None:
    feed = (
        "<workzag-jobs><position><id>1</id><name>A</name></position>"
        "<position><id>2</id><name>B</name></position></workzag-jobs>"
    )
    listed = split_listing("personio", feed)
    assert [i for i, _ in listed] == ["1", "2"]
    assert parse("personio", listed[1][1]).title == "B"
    source = "<source><job><referencenumber>r9</referencenumber><title>T</title></job></source>"
    assert split_listing("indeed-xml", source)[0][0] == "r9"


def test_split_auto_detects_the_listing_items() -> None:
    listing = {"jobs": [{"id": 5, "absolute_url": "u", "title": "x", "content": "<p>y</p>"}]}
    [(ident, job)] = split_listing("auto", listing)
    assert ident == "5"
    assert parse("auto", job).title == "x"


def test_single_text_posting_gets_a_stable_content_id() -> None:
    first = split_listing("text", "Cook\nMake food.")
    assert first == split_listing("text", "Cook\nMake food.")
    assert first[0][0] != split_listing("text", "Baker\nMake bread.")[0][0]
