import pytest

from services.enricher.occupation import lookup
from services.enricher.title import (
    clean,
    normalized,
    seniority,
    seniority_from_hint,
    seniority_from_years,
)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (
            "Job Description – Senior Backend Developer (6\\+ Years Experience) \\| Acme",
            "Senior Backend Developer",
        ),
        ("Softwareentwickler (m/w/d)", "Softwareentwickler"),
        ("Data Engineer (f/m/x)", "Data Engineer"),
        ("Junior Developer [REQ-12345]", "Junior Developer"),
        ("Platform Engineer (Remote) | Example Corp", "Platform Engineer"),
        ("Nurse Practitioner", "Nurse Practitioner"),
    ],
)
def test_clean(raw: str, expected: str) -> None:
    assert clean(raw) == expected


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("Senior Backend Engineer", "backend engineer"),
        ("Sr. Data Analyst", "data analyst"),
        ("Software Engineer II", "software engineer"),
        ("Lead Data Scientist", "data scientist"),
        ("Старший разработчик", "разработчик"),
        ("Product Manager", "product manager"),
    ],
)
def test_normalized_drops_level_words(title: str, expected: str) -> None:
    assert normalized(title) == expected


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("Senior Backend Engineer", "senior"),
        ("Старший аналитик", "senior"),
        ("Ведущий инженер", "lead"),
        ("Младший бухгалтер", "junior"),
        ("Junior Frontend Developer", "junior"),
        ("Stażysta w dziale IT", "intern"),
        ("Software Engineering Intern", "intern"),
        ("Staff Software Engineer", "principal"),
        ("Engineering Manager", "manager"),
        ("Head of Data", "director"),
        ("VP of Engineering", "executive"),
        ("Tech Lead", "lead"),
        ("Regular Java Developer", "mid"),
    ],
)
def test_seniority_from_title(title: str, expected: str) -> None:
    found = seniority(title)
    assert found is not None and found[0] == expected


@pytest.mark.parametrize(
    "title",
    [
        "Product Manager",
        "Account Executive",
        "Staff Nurse",
        "Data Engineer",
        "Cashier",
        "Business Development Manager",
    ],
)
def test_no_seniority_when_title_states_none(title: str) -> None:
    assert seniority(title) is None


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("mid_senior_level", "senior"),
        ("Entry level", "junior"),
        ("Internship", "intern"),
        ("Senior", "senior"),
        ("director", "director"),
        ("Associate", None),
        ("not_applicable", None),
    ],
)
def test_seniority_from_source_value(raw: str, expected: str | None) -> None:
    assert seniority_from_hint(raw) == expected


def test_seniority_from_years_rule() -> None:
    assert seniority_from_years(None) is None
    assert seniority_from_years(0) == "junior"
    assert seniority_from_years(3) == "mid"
    assert seniority_from_years(6) == "senior"


def test_occupation_maps_to_esco() -> None:
    found = lookup("backend engineer")
    assert found is not None
    assert found[0].title == "software developer"
    assert found[0].esco_uri and found[0].esco_uri.startswith("http://data.europa.eu/esco/")
    assert (found[0].isco08, found[0].onet_soc) == ("2512", "15-1252.00")
    accountant = lookup("accountant")
    assert accountant is not None and accountant[0].title == "accountant"


def test_occupation_unknown_title() -> None:
    assert lookup("zzz qqq") is None
