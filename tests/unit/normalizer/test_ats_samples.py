"""Every committed board response splits and parses; stated fields come out."""

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest

from services.normalizer.formats import detect_format, parse, split_listing

ATS = Path(__file__).parents[2] / "data" / "ats"
SAMPLES = sorted(ATS.glob("*.json"))


def jobs(path: Path) -> list[tuple[str, object]]:
    return split_listing(path.name.split("_")[0], path.read_text(encoding="utf-8"))


@pytest.mark.parametrize("path", SAMPLES, ids=lambda p: p.name)
def test_every_sample_job_parses(path: Path) -> None:
    fmt = path.name.split("_")[0]
    listed = jobs(path)
    assert listed
    for external_id, payload in listed:
        assert external_id
        assert detect_format(payload) == fmt
        posting = parse(fmt, payload)
        assert posting.title
        assert posting.locations
        assert posting.date_posted is not None and posting.date_posted.tzinfo is not None
        assert posting.description.sections
        assert "&lt;" not in posting.description.text
        assert "&amp;" not in posting.description.text


def test_greenhouse_company_location_and_department() -> None:
    _, payload = jobs(ATS / "greenhouse_careerkit.json")[0]
    posting = parse("greenhouse", payload)
    assert posting.title == "Customer Data Scientist - Experimentation"
    assert posting.company == "Amplitude"
    assert posting.locations == ["London, UK"]
    assert posting.department == "Solutions Consulting"
    assert posting.hint_fields["department"] == "departments[].name"
    assert posting.date_posted == datetime(2026, 7, 16, 15, 55, 32, tzinfo=UTC)
    assert "<div" not in posting.description.text


def test_lever_categories_and_salary_range() -> None:
    postings = [parse("lever", p) for _, p in jobs(ATS / "lever_tech-salary-radar.json")]
    android = next(p for p in postings if p.title == "Android Engineer III")
    assert android.locations == ["New York, New York"]
    assert android.employment_type == ["Full-time"]
    assert android.workplace == "hybrid"
    assert android.department == "Hinge"
    assert android.country_hint == "US"
    assert android.salary is not None
    assert (android.salary.min, android.salary.max, android.salary.currency) == (
        150000,
        180000,
        "USD",
    )
    assert android.hint_fields["employment_type"] == "categories.commitment"
    kinds = {s.heading: s.kind for s in android.description.sections}
    assert kinds["Responsibilities"] == "responsibilities"


def test_lever_created_at_is_epoch_milliseconds() -> None:
    raw = json.loads((ATS / "lever_careerkit.json").read_text(encoding="utf-8"))[0]
    posting = parse("lever", raw)
    assert posting.date_posted == datetime.fromtimestamp(raw["createdAt"] / 1000, tz=UTC)


def test_ashby_compensation_becomes_salary_hint() -> None:
    postings = [parse("ashby", p) for _, p in jobs(ATS / "ashby_careerkit.json")]
    sre = next(p for p in postings if p.title == "Senior Site Reliability Engineer")
    assert sre.salary is not None
    assert (sre.salary.min, sre.salary.max) == (102800, 137000)
    assert sre.salary.currency == "CAD"
    assert sre.salary.period == "YEAR"
    assert sre.hint_fields["salary"] == "compensation.summaryComponents"
    assert sre.locations == ["Toronto, Ontario"]
    assert sre.workplace == "Hybrid"
    recruiter = next(p for p in postings if p.title == "Senior Technical Recruiter")
    assert recruiter.salary is None


def test_jobtech_ad_fields() -> None:
    postings = [parse("jobtech", p) for _, p in jobs(ATS / "jobtech_sokannonser-api.json")]
    first = postings[0]
    assert first.title == "Java-utvecklare"
    assert first.company == "Chas Visual Management AB"
    assert first.locations == ["Stockholm, Stockholms län"]
    assert first.employment_type == ["Vanlig anställning", "Heltid"]
    assert first.valid_through is not None
    assert any(s.kind == "requirements" and s.heading == "Krav" for s in first.description.sections)
    assert any(p.skills for p in postings)
