"""Occupation codes: ESCO, ISCO-08 and O*NET-SOC, each only where the data names the title."""

from __future__ import annotations

import pytest

from scripts.build_occupations import example_titles, onet_titles
from services.enricher.enrich import enrich
from services.enricher.occupation import _DATA as DATA
from services.enricher.occupation import _index, lookup
from services.normalizer.formats import parse

ESCO = "http://data.europa.eu/esco/occupation/"


def codes(title: str) -> tuple[str | None, str | None, str | None] | None:
    found = lookup(title)
    if found is None:
        return None
    occupation = found[0]
    return occupation.title, occupation.isco08, occupation.onet_soc


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("accountant", ("accountant", "2411", "13-2011.00")),
        ("backend engineer", ("software developer", "2512", "15-1252.00")),
        ("security officer", ("security guard", "5414", "33-9032.00")),
        ("electrician", ("electrician", "7411", "47-2111.00")),
        ("cashier", ("cashier", "5230", "41-2011.00")),
        # Codes from the title when ESCO has no occupation for it.
        ("heavy truck driver", ("Heavy truck and lorry drivers", "8332", None)),
        ("barista", ("Baristas", None, "35-3023.01")),
        # An ESCO occupation whose label neither classification names gets no code.
        ("registered nurse", ("nurse responsible for general care", None, "29-1141.00")),
    ],
)
def test_codes_where_the_classification_names_the_title(
    title: str, expected: tuple[str, str | None, str | None]
) -> None:
    assert codes(title) == expected


def test_a_plural_title_is_the_occupation_not_an_isco_group_posing_as_one() -> None:
    found = lookup("software developers")
    assert found is not None
    occupation = found[0]
    assert occupation.title == "software developer"
    assert occupation.esco_uri is not None and occupation.esco_uri.startswith(ESCO)
    assert "isco" not in occupation.esco_uri
    assert occupation.isco08 == "2512"


@pytest.mark.parametrize(
    ("title", "narrower"),
    [
        ("security engineer", "embedded systems security engineer"),
        ("site supervisor", "aquaculture site supervisor"),
        ("quality inspector", "clothing quality inspector"),
        ("general manager", "inland water transport general manager"),
    ],
)
def test_a_generic_title_is_not_given_a_narrower_occupation(title: str, narrower: str) -> None:
    found = lookup(title)
    assert found is None or found[0].title != narrower


@pytest.mark.parametrize(
    "title", ["technical program manager", "call centre assistant", "production floor supervisor"]
)
def test_no_occupation_from_a_label_run_that_shares_no_word(title: str) -> None:
    found = lookup(title)
    assert found is None or set(found[0].title.lower().split()) & set(title.split())


def test_a_qualifier_is_not_dropped_to_reach_a_code() -> None:
    """A night auditor works a hotel's front desk: not one of "Accountants and Auditors"."""
    assert codes("night auditor") == ("night auditor", None, None)
    assert lookup("manager") is None  # "Managers" is an ISCO major group, not a job


def test_every_alias_names_an_esco_preferred_label() -> None:
    index = _index()
    assert index.aliases
    assert {label for label in index.aliases.values() if label not in index.preferred} == set()


def test_the_posting_document_carries_the_codes_with_provenance() -> None:
    posting = parse(
        "generic",
        {
            "title": "Senior Backend Engineer",
            "company": "Acme",
            "location": "Berlin, Germany",
            "description": "Build APIs in Go.",
        },
    )
    document = enrich(posting)
    assert document.occupation is not None
    assert (document.occupation.isco08, document.occupation.onet_soc) == ("2512", "15-1252.00")
    assert document.provenance["occupation"].source_field == "title"


def test_isco_example_lines_name_titles_and_qualified_ones_name_none() -> None:
    assert example_titles("-  Security patrolman/woman") == [
        "security patrolman",
        "security patrolwoman",
    ]
    assert example_titles("- Commercial sales representatives") == [
        "commercial sales representative"
    ]
    assert example_titles("- Captain (army)") == []
    assert example_titles("- Erector, structural metal") == []


def test_onet_titles_are_singular_and_share_their_qualifier() -> None:
    assert onet_titles("Food Scientists and Technologists") == [
        "food scientist",
        "food technologist",
    ]
    assert onet_titles("Accountants and Auditors") == ["accountant", "auditor"]
    assert onet_titles("Computer and Information Research Scientists") == [
        "computer and information research scientist"
    ]
    assert onet_titles("Managers, All Other") == []


@pytest.mark.parametrize(
    ("title", "occupation"),
    [
        ("python-разработчик", "software developer"),
        ("программист python", "software developer"),
        ("менеджер по продажам", "commercial sales representative"),
        ("softwareentwickler java", "software developer"),
        ("programista java", "software developer"),
        ("księgowa", "accountant"),
        ("systemutvecklare", "software developer"),
        ("développeur python", "software developer"),
    ],
)
def test_titles_in_other_languages_find_their_occupation(title: str, occupation: str) -> None:
    found = lookup(title)
    assert found is not None and found[0].title == occupation


def test_an_english_title_is_not_read_word_by_word() -> None:
    """Only other languages' occupation words count anywhere in a title: a developer advocate
    is not a software developer, nor a test automation engineer an industrial one."""
    assert lookup("developer advocate") is None
    found = lookup("python test automation engineer")
    assert found is not None and found[0].title == "software tester"


def test_every_other_language_word_names_an_esco_preferred_label() -> None:
    index = _index()
    assert len(index.words_in_titles) > 100
    labels = {label for label, _alone in index.words_in_titles.values()}
    assert {label for label in labels if label not in index.preferred} == set()


@pytest.mark.parametrize(
    ("title", "wrong"),
    [
        ("data architect", "architect"),
        ("technical writer", "writer"),
        ("team lead", "fruit production team leader"),
        ("machine operator", "machine operator supervisor"),
        ("marketing director", "Producers and Directors"),
        ("quality controller", "Treasurers and Controllers"),
        ("engineering manager", "foundry manager"),
        ("koch industries analyst", "cook"),
        ("food tester", "software tester"),
        ("développeur d'affaires", "software developer"),
        ("архитектор по", "architect"),
    ],
)
def test_common_titles_are_not_given_a_wrong_occupation(title: str, wrong: str) -> None:
    """Reached by dropping words that make the occupation, by a bare last word, or by another
    language's word inside an English title: each would state a wrong value."""
    found = lookup(title)
    assert found is None or found[0].title != wrong


def test_codes_come_from_one_occupation() -> None:
    found = lookup("medical assistant")
    assert found is not None
    assert (found[0].isco08, found[0].onet_soc) == ("3256", "31-9092.00")
    architect = lookup("архитектор")
    assert architect is not None and architect[0].title == "architect"


def test_aliases_are_unique_and_each_is_no_esco_label_itself() -> None:
    """A duplicate key keeps only its last row; a key that is a preferred label never fires."""
    rows = [
        line.split("\t")[0]
        for line in (DATA / "title_aliases.tsv").read_text(encoding="utf-8").splitlines()
        if line and not line.startswith("#")
    ]
    assert len(rows) == len(set(rows))
    assert [key for key in rows if key in _index().preferred] == []
