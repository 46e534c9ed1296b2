"""NoFluffJobs and Just Join IT (rocketjobs.pl) list items: their fields are the posting."""

from __future__ import annotations

from typing import Any

import pytest

from services.enricher.enrich import enrich
from services.normalizer.formats import detect_format, parse
from shared.errors import InvalidPayload


def nofluff(**changes: Any) -> dict[str, Any]:
    item: dict[str, Any] = {
        "id": "qa-automation-engineer-northwind-lodz",
        "name": "Northwind",
        "title": "QA Automation Engineer",
        "technology": "Java",
        "seniority": ["Mid", "Senior"],
        "url": "qa-automation-engineer-northwind-lodz",
        "posted": 1_790_000_000_000,
        "location": {
            "places": [
                {
                    "country": {"code": "POL", "name": "Poland"},
                    "city": "Łódź",
                    "street": "Piotrkowska 1",
                },
                {"country": {"code": "POL", "name": "Poland"}, "city": "Katowice"},
            ],
            "fullyRemote": False,
            "hybridDesc": "",
        },
        "fullyRemote": False,
        "salary": {"from": 14000, "to": 19000, "type": "permanent", "currency": "PLN"},
        "tiles": {
            "values": [
                {"value": "testing", "type": "category"},
                {"value": "Selenium", "type": "requirement"},
                {"value": "English", "type": "jobLanguage"},
            ]
        },
    }
    item.update(changes)
    return item


def test_nofluffjobs_item_gives_places_monthly_pay_level_and_tags() -> None:
    posting = parse("nofluffjobs", nofluff())
    assert posting.title == "QA Automation Engineer"
    assert posting.company == "Northwind"
    assert posting.locations == ["Łódź, Poland", "Katowice, Poland"]
    assert posting.salary is not None
    assert (posting.salary.min, posting.salary.max) == (14000, 19000)
    assert (posting.salary.currency, posting.salary.period) == ("PLN", "MONTH")
    assert posting.seniority == "Mid"
    assert posting.skills == ["Java", "Selenium"]  # the language tile is no skill
    assert posting.url == "https://nofluffjobs.com/job/qa-automation-engineer-northwind-lodz"
    assert posting.date_posted is not None and posting.date_posted.year == 2026
    assert posting.workplace is None  # neither remote nor a hybrid arrangement is stated


def test_nofluffjobs_b2b_is_a_contractor_and_remote_needs_every_flag() -> None:
    remote = nofluff(
        salary={"from": 150, "to": 190, "type": "b2b", "currency": "PLN"},
        location={"places": [{"city": "Remote"}], "fullyRemote": True},
        fullyRemote=True,
    )
    document = enrich(parse("nofluffjobs", remote))
    assert document.employment_type == ["CONTRACTOR"]
    assert document.workplace == "remote"
    mixed = nofluff(location={"places": [], "fullyRemote": True}, fullyRemote=False)
    assert parse("nofluffjobs", mixed).workplace is None
    hybrid = nofluff(location={"places": [], "hybridDesc": "3 days a week in the office"})
    assert parse("nofluffjobs", hybrid).workplace == "hybrid"


def justjoin(**changes: Any) -> dict[str, Any]:
    item: dict[str, Any] = {
        "guid": "5f7c",
        "slug": "contoso-devops-engineer-gdansk",
        "title": "DevOps Engineer",
        "workplaceType": "hybrid",
        "workingTime": "full_time",
        "experienceLevel": "senior",
        "city": "Gdańsk",
        "companyName": "Contoso",
        "publishedAt": "2026-10-02T08:30:00Z",
        "employmentTypes": [
            {
                "from": 5200,
                "to": 6400,
                "currency": "EUR",
                "currencySource": "conversion",
                "type": "b2b",
                "unit": "month",
                "gross": False,
            },
            {
                "from": 120,
                "to": 150,
                "currency": "PLN",
                "currencySource": "original",
                "type": "b2b",
                "unit": "hour",
                "gross": False,
            },
        ],
        "requiredSkills": [{"name": "Kubernetes", "level": 4}, {"name": "Terraform", "level": 3}],
        "niceToHaveSkills": [{"name": "Go", "level": 2}],
        "multilocation": [{"city": "Gdańsk", "slug": "a"}, {"city": "Gdynia", "slug": "b"}],
    }
    item.update(changes)
    return item


def test_justjoin_offer_pays_in_the_employers_currency_and_unit() -> None:
    posting = parse("justjoin", justjoin())
    assert posting.company == "Contoso"
    assert posting.locations == ["Gdańsk", "Gdynia"]
    assert posting.workplace == "hybrid"
    assert posting.salary is not None
    assert (posting.salary.min, posting.salary.max) == (120, 150)
    assert (posting.salary.currency, posting.salary.period) == ("PLN", "HOUR")
    assert posting.seniority == "senior"
    assert posting.url == "https://justjoin.it/job-offer/contoso-devops-engineer-gdansk"


def test_justjoin_nice_to_have_skills_are_not_required() -> None:
    document = enrich(parse("justjoin", justjoin()))
    required = {skill.name: skill.required for skill in document.skills}
    assert required["Kubernetes"] is True and required["Terraform"] is True
    assert required["Go"] is False
    assert document.employment_type == ["FULL_TIME", "CONTRACTOR"]
    assert document.salary is not None and document.salary.period == "HOUR"


def test_justjoin_undisclosed_pay_and_any_contract_state_nothing() -> None:
    item = justjoin(
        employmentTypes=[
            {
                "from": None,
                "to": None,
                "currency": "PLN",
                "currencySource": "original",
                "type": "any",
                "unit": "month",
            }
        ],
        workingTime=None,
    )
    posting = parse("justjoin", item)
    assert posting.salary is None
    assert posting.employment_type == []


def test_justjoin_v1_snake_case_offer() -> None:
    item = {
        "id": "fabrikam-python-developer-1a2b",
        "title": "Python Developer",
        "city": "Poznań",
        "country_code": "PL",
        "workplace_type": "remote",
        "company_name": "Fabrikam",
        "experience_level": "mid",
        "published_at": "2025-03-01T12:00:00.000Z",
        "employment_types": [
            {"type": "permanent", "salary": {"from": 15000, "to": 19000, "currency": "pln"}}
        ],
        "skills": [{"name": "Python", "level": 4}, {"name": "Django", "level": 3}],
    }
    posting = parse("justjoin", item)
    assert posting.locations == ["Poznań, PL"]
    assert posting.workplace == "remote"
    assert posting.salary is not None
    assert (posting.salary.min, posting.salary.currency, posting.salary.period) == (
        15000,
        "PLN",
        "MONTH",
    )
    assert posting.skills == ["Python", "Django"]


@pytest.mark.parametrize("fmt", ["nofluffjobs", "justjoin"])
def test_an_item_with_neither_title_nor_anything_to_read_is_refused(fmt: str) -> None:
    with pytest.raises(InvalidPayload):
        parse(fmt, {"name": "Acme"})
    with pytest.raises(InvalidPayload):
        parse(fmt, ["not", "an", "object"])


def test_auto_detects_both_boards() -> None:
    assert detect_format(nofluff()) == "nofluffjobs"
    assert detect_format(justjoin()) == "justjoin"
    snake = {"title": "x", "company_name": "y", "employment_types": [], "city": "Kraków"}
    assert detect_format(snake) == "justjoin"


@pytest.mark.parametrize(
    "odd",
    [
        {"location": {"places": 5}},
        {"tiles": {"values": 7}},
        {"seniority": "Senior"},
        {"location": {"places": [{"city": "Remote"}], "fullyRemote": False}},
    ],
)
def test_odd_nofluffjobs_shapes_give_a_posting_not_a_crash(odd: dict[str, Any]) -> None:
    posting = parse("nofluffjobs", nofluff(**odd))
    assert posting.title == "QA Automation Engineer"
    assert "Remote" not in " ".join(posting.locations)
    assert posting.seniority in (None, "Mid", "Senior")
    if "seniority" in odd:
        assert posting.seniority == "Senior"
