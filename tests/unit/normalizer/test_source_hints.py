"""Source fields that the extraction eval found misread: periods, levels, labels, skill terms."""

from pathlib import Path

import pytest

from services.normalizer.formats import parse

SEEDS = Path(__file__).parents[2] / "data" / "seeds"


@pytest.mark.parametrize(
    ("interval", "period"),
    [
        ("1 HOUR", "HOUR"),
        ("1 DAY", "DAY"),
        ("1 WEEK", "WEEK"),
        ("1 MONTH", "MONTH"),
        ("1 YEAR", "YEAR"),
        ("2 WEEK", "2 WEEK"),
    ],
)
def test_ashby_interval_becomes_period(interval: str, period: str) -> None:
    part = {
        "compensationType": "Salary",
        "interval": interval,
        "currencyCode": "EUR",
        "minValue": 10,
        "maxValue": 20,
    }
    job = {
        "title": "Barista",
        "compensation": {"summaryComponents": [part]},
        "descriptionPlain": "Make coffee.",
    }
    salary = parse("ashby", job).salary
    assert salary is not None and salary.period == period


def test_pushed_seed_text_reads_its_title_label() -> None:
    text = (SEEDS / "senior-backend-engineer-mumbai.txt").read_text()
    posting = parse("generic", {"description": text, "location": "Mumbai"})
    assert posting.title == "Senior Backend Engineer"
    assert posting.experience == "5-10 Years"
    assert posting.locations == ["Mumbai"]


def test_pushed_title_field_wins_over_label_line() -> None:
    payload = {
        "title": "Backend Engineer II",
        "description": "Job Title : Something Else\nCompany : Kite Ltd\nWrite services.",
    }
    posting = parse("generic", payload)
    assert posting.title == "Backend Engineer II"
    assert posting.company == "Kite Ltd"


def test_pushed_description_without_label_guesses_no_title() -> None:
    posting = parse(
        "generic", {"company": "Kite Ltd", "description": "Backend Engineer\nWrite services."}
    )
    assert posting.title is None


def test_jobtech_skill_terms_lose_their_qualifier() -> None:
    ad = {
        "rubrik": "Utvecklare",
        "krav": {"kompetenser": [{"term": "Java, programmeringsspråk"}, {"term": "Git"}]},
        "meriterande": {"kompetenser": [{"term": "Grafiska gränssnitt, GUI"}]},
        "beskrivning": {"annonstext": "Vi söker en utvecklare."},
    }
    posting = parse("jobtech", ad)
    assert posting.skills == ["Java", "Git", "Grafiska gränssnitt"]
    hit = {
        "headline": "Developer",
        "must_have": {"skills": [{"label": "SQL, programmeringsspråk"}]},
        "workplace_address": {},
        "description": {"text": "Build things."},
    }
    assert parse("jobtech", hit).skills == ["SQL"]


def test_objects_without_a_company_field_leave_company_empty() -> None:
    workable = {
        "shortcode": "AB12",
        "title": "Designer",
        "city": "Kraków",
        "country": "Poland",
        "telecommuting": False,
        "url": "https://apply.workable.com/j/AB12",
    }
    lever = {
        "id": "x",
        "text": "Designer",
        "categories": {"location": "Kraków"},
        "hostedUrl": "https://jobs.lever.co/acme/x",
        "descriptionPlain": "Design things.",
    }
    assert parse("workable", workable).company is None
    assert parse("lever", lever).company is None


def test_lever_remote_workplace_type_is_passed_as_remote() -> None:
    lever = {
        "text": "Support Engineer",
        "workplaceType": "remote",
        "description": "<p>Our Hybrid Work Policy lets office staff choose.</p>",
    }
    posting = parse("lever", lever)
    assert posting.workplace == "remote"
    assert posting.hint_fields["workplace"] == "workplaceType"


@pytest.mark.parametrize(
    ("fmt", "payload", "level", "field"),
    [
        (
            "smartrecruiters",
            {"name": "QA", "experienceLevel": {"id": "mid_senior_level", "label": "Kadra"}},
            "mid_senior_level",
            "experienceLevel.id",
        ),
        (
            "personio",
            "<position><name>QA</name><seniority>experienced</seniority></position>",
            "experienced",
            "seniority",
        ),
        (
            "jsonld",
            {"@type": "JobPosting", "title": "QA", "experienceLevel": "Entry level"},
            "Entry level",
            "experienceLevel",
        ),
        (
            "workable",
            {"shortcode": "Q1", "title": "QA", "experience": "Mid-Senior level"},
            "Mid-Senior level",
            "experience",
        ),
        (
            "recruitee",
            {"title": "QA", "experience_code": "senior_level", "careers_url": "u"},
            "senior_level",
            "experience_code",
        ),
    ],
)
def test_stated_level_becomes_seniority_hint(
    fmt: str, payload: object, level: str, field: str
) -> None:
    posting = parse(fmt, payload)
    assert posting.seniority == level
    assert posting.hint_fields["seniority"] == field
    assert posting.experience is None


def test_hh_experience_stays_experience() -> None:
    vacancy = {"name": "QA", "experience": {"id": "between1And3"}, "key_skills": []}
    posting = parse("hh", vacancy)
    assert posting.experience == "between1And3"
    assert posting.seniority is None
