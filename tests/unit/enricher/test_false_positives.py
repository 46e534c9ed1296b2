"""Values said of something other than this job (the company, its product, customers, other
teams, its past, benefits, legal text) state nothing; the role's own statement wins."""

from __future__ import annotations

import pytest

from services.enricher import education, employment, experience, salary, workplace
from services.enricher.textscan import scope


def _scope_of(text: str, value: str) -> int:
    low = text.lower()
    at = low.rindex(value)
    return scope(low, at, at + len(value))


@pytest.mark.parametrize(
    ("text", "value", "expected"),
    [
        ("We are a remote-first company, but this role is remote.", "remote.", 1),
        ("We are a remote-first company, but this role is based in Berlin.", "remote", -1),
        ("Although many of our teams are remote, this position is on-site", "on-site", 1),
        ("Although many of our teams are remote, this position is on-site", "remote", -1),
        ("Acme helps 2,000 remote workers stay connected.", "remote", -1),
        ("Our hybrid cloud platform runs on AWS.", "hybrid", -1),
        ("You will work remotely.", "remotely", 1),
        ("This position is part-time.", "position is part-time", 1),
        ("Flexible hours and a hybrid model.", "hybrid", 0),
        ("This is a full-time position.", "full-time position", 1),
        ("You will join a team of remote engineers.", "remote", 1),
        ("We are a remote company.", "remote", -1),
        ("You are a remote engineer.", "remote", 1),
        ("Join our fully remote team.", "fully remote", 0),
        ("Previously a part-time role, this position is now full-time.", "part-time", -1),
    ],
)
def test_scope(text: str, value: str, expected: int) -> None:
    assert _scope_of(text, value) == expected


# ---------------------------------------------------------------------------------- workplace
@pytest.mark.parametrize(
    "text",
    [
        "We are a remote-first company. You will build our billing APIs in Python.",
        "Acme helps 2,000 remote workers stay connected. You will own our Android app.",
        "We build tools for remote work. As a backend engineer you will scale our pipeline.",
        "Our customers are hybrid workplaces that need better meeting rooms.",
        "Our product helps companies manage hybrid work schedules. You will write Go services.",
        "Our app lets employees work from home securely. You will improve our VPN client.",
        "We sell work from home equipment to businesses. You will run our warehouse.",
    ],
)
def test_workplace_of_others_states_none(text: str) -> None:
    assert workplace.from_text(text) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Acme is a fully remote company. This position is hybrid: 3 days a week in our office.",
            "hybrid",
        ),
        (
            "Most of our engineering team works remotely, however this role is on-site in Austin.",
            "onsite",
        ),
        (
            "Although many of our teams are remote, this position requires working on-site.",
            "onsite",
        ),
        (
            "We moved to a remote-first model. The successful candidate will work from our London "
            "office.",
            "onsite",
        ),
        (
            "We run a hybrid work model for our corporate staff; this warehouse role is fully "
            "on-site.",
            "onsite",
        ),
        (
            "The rest of the team is fully remote. You will be working on-site with our clients.",
            "onsite",
        ),
        ("Our company offers remote work to most staff. This role, however, is onsite.", "onsite"),
        ("Our engineers work hybrid. This role: fully remote.", "remote"),
        (
            "Some of our roles are remote. This role is hybrid, 2 days per week in the office.",
            "hybrid",
        ),
        ("Other openings in our London office are hybrid; this one is remote.", "remote"),
        ("Remote-first since 2015. This role is fully remote within the EU.", "remote"),
    ],
)
def test_workplace_of_the_role_wins(text: str, expected: str) -> None:
    found = workplace.from_text(text)
    assert found is not None and found[0] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Join our fully remote team of 40 engineers.", "remote"),
        (
            "Acme is remote-first. The role requires working on-site three days a week in Oslo.",
            "hybrid",
        ),
        ("You will be on-site 2 days per week.", "hybrid"),
        ("You will be on-site five days a week.", "onsite"),
        ("We hire in countries around the world. All of our roles are remote.", "remote"),
        ("We offer hybrid working with 2 days in the office.", "hybrid"),
        ("We have a hybrid work model: 3 days a week in the office.", "hybrid"),
        ("Help us build the future of remote work. This role is hybrid in Berlin.", "hybrid"),
        ("You will work from home with occasional travel to our Leeds office.", "remote"),
        (
            "Founded in 2010, Acme employs 300. You will work remotely from anywhere in Canada.",
            "remote",
        ),
        ("The team is in-person five days a week in our Austin office.", "onsite"),
    ],
)
def test_workplace_statements_still_read(text: str, expected: str) -> None:
    found = workplace.from_text(text)
    assert found is not None and found[0] == expected


# ---------------------------------------------------------------------------------- employment
@pytest.mark.parametrize(
    "text",
    [
        "Our product supports part-time and contract workers across Europe.",
        "Our payroll app helps freelancers and part-time staff get paid on time.",
        "EEO: we consider applicants regardless of race, religion, age or part-time status.",
        "We help 10,000 freelancers find work. You will improve our search.",
    ],
)
def test_employment_of_others_states_none(text: str) -> None:
    assert employment.from_text(text) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "We offer part-time and full-time roles in our stores. This position is part-time "
            "(20 hours).",
            ["PART_TIME"],
        ),
        (
            "We are an equal opportunity employer and consider all applicants regardless of "
            "part-time or full-time status. This is a full-time position.",
            ["FULL_TIME"],
        ),
        (
            "Flexible part-time hours are available for other roles; this role is full-time.",
            ["FULL_TIME"],
        ),
        (
            "We help small businesses hire part-time staff. This is a full-time position.",
            ["FULL_TIME"],
        ),
        ("The team includes contractors and interns. This position is full-time.", ["FULL_TIME"]),
    ],
)
def test_employment_of_the_role_wins(text: str, expected: list[str]) -> None:
    found = employment.from_text(text)
    assert found is not None and found[0] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("We are a temp agency. Our client is hiring a full-time receptionist.", ["FULL_TIME"]),
        ("Our client, a bank in Zurich, is looking for a full-time Java developer.", ["FULL_TIME"]),
        ("We are looking for a part-time bookkeeper to join us.", ["PART_TIME"]),
        (
            "Our volunteers run the food bank. This is a paid part-time role, 20 hours per week.",
            ["PART_TIME"],
        ),
    ],
)
def test_employment_statements_still_read(text: str, expected: list[str]) -> None:
    found = employment.from_text(text)
    assert found is not None and found[0] == expected


# ---------------------------------------------------------------------------------- salary
@pytest.mark.parametrize(
    "text",
    [
        "The average salary in the region is £30,000.",
        "The median salary for software engineers in Berlin is €65,000.",
        "Our customers save an average of $40,000 per year using our platform.",
        "Our clients pay $150/hour for our consultants.",
        "We help candidates earn $100k+ salaries in tech.",
        "Acme donated $1,000,000 to local schools.",
    ],
)
def test_salary_of_others_states_none(text: str) -> None:
    assert salary.from_text(text) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Average salary in the region is £30,000. We pay £38,000 - £42,000 per year.",
            (38000, 42000, "GBP"),
        ),
        (
            "Our clients pay $150/hour for our consultants; you will earn $70/hour.",
            (70, None, "USD"),
        ),
        (
            "The salary is $60,000 a year, above the regional average salary of $45,000.",
            (60000, None, "USD"),
        ),
        ("Our customers love us. Salary: £40,000 per annum.", (40000, None, "GBP")),
        (
            "Our salary range for this role is $100,000 - $120,000 per year.",
            (100000, 120000, "USD"),
        ),
    ],
)
def test_salary_of_the_role_still_read(text: str, expected: tuple[object, ...]) -> None:
    found = salary.from_text(text)
    assert found is not None and (found.min, found.max, found.currency) == expected


# ---------------------------------------------------------------------------------- experience
@pytest.mark.parametrize(
    "text",
    [
        "Acme has 25 years of experience delivering infrastructure projects.",
        "You will mentor engineers with 1-2 years of experience.",
        "You'll lead a team of engineers, each with 5+ years of experience.",
    ],
)
def test_experience_of_others_states_none(text: str) -> None:
    assert experience.from_text(text) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Our ideal candidate has 5+ years of experience in SQL.", 5),
        (
            "Our engineers have 10+ years of experience on average; we're looking for someone "
            "with 3+ years of experience.",
            3,
        ),
        ("Acme brings 30 years of expertise. Candidates need 2 years of experience.", 2),
        (
            "We have 20+ years of experience in logistics. You need 3+ years of experience with "
            "Python.",
            3,
        ),
        ("Minimum 2 years of experience as an electrician.", 2),
    ],
)
def test_experience_of_the_role_still_read(text: str, expected: int) -> None:
    found = experience.from_text(text)
    assert found is not None and found.experience.min_years == expected


# ---------------------------------------------------------------------------------- education
@pytest.mark.parametrize(
    "text",
    [
        "Our PhD-level research team publishes at NeurIPS. You will build data pipelines.",
        "Our team includes 20 PhDs. You will write production code.",
        "We help students earn their bachelor's degree online.",
        "Founded by two PhD students from ETH Zurich.",
        "Tuition reimbursement for bachelor's and master's degrees.",
        "You will recruit MBA graduates for our clients.",
        "Our tutoring app helps students pass their high school diploma exams.",
    ],
)
def test_education_of_others_states_none(text: str) -> None:
    found = education.from_text(text)
    assert found is None or found[0].level is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "We teach high school students to code. Bachelor's degree in education required.",
            "bachelor",
        ),
        ("Master's degree required. Our founders both hold PhDs.", "master"),
        ("We require a bachelor's degree in finance.", "bachelor"),
        ("Candidates should hold a bachelor's degree in accounting.", "bachelor"),
    ],
)
def test_education_of_the_role_still_read(text: str, expected: str) -> None:
    found = education.from_text(text)
    assert found is not None and found[0].level == expected
