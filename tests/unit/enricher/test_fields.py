import pytest

from services.enricher import education, employment, language, workplace


@pytest.mark.parametrize(
    ("values", "expected"),
    [
        (["Full-Time"], ["FULL_TIME"]),
        (["full_time"], ["FULL_TIME"]),
        # "Permanent" states the contract's duration, not its hours: a permanent job may be
        # part-time, so it maps to no employment type.
        (["Permanent"], []),
        (["Part-time, Permanent"], ["PART_TIME"]),
        (["Part-time, Casual, Zero hours contract"], ["PART_TIME"]),
        (["Temporary contract"], ["TEMPORARY"]),
        (["Full-time, Fixed term, Freelance"], ["FULL_TIME", "CONTRACTOR"]),
        (["full", "part", "project"], ["FULL_TIME", "PART_TIME", "CONTRACTOR"]),  # hh.ru ids
        (["fullDay"], ["FULL_TIME"]),
        (["Vollzeit"], ["FULL_TIME"]),
        (["Heltid"], ["FULL_TIME"]),
        (["Pełny etat"], ["FULL_TIME"]),
        (["Полная занятость"], ["FULL_TIME"]),
        (["contract"], ["CONTRACTOR"]),
        (["B2B"], ["CONTRACTOR"]),
        (["Internship"], ["INTERN"]),
        (["Part-time, Temporary"], ["PART_TIME", "TEMPORARY"]),
        (["nonsense"], []),
    ],
)
def test_employment_normalize(values: list[str], expected: list[str]) -> None:
    assert employment.normalize(values) == expected


def test_employment_from_text() -> None:
    assert employment.from_text("Job Types: Full-time, Part-time")[0] == [  # type: ignore[index]
        "FULL_TIME",
        "PART_TIME",
    ]
    assert employment.from_text("This is a part-time position.")[0] == [  # type: ignore[index]
        "PART_TIME"
    ]
    assert employment.from_text("Our full-time staff of 40 people") is None
    labelled = employment.from_text("Hours: Part time, 16 hours per week\nContract type: Permanent")
    assert labelled is not None and labelled[0] == ["PART_TIME"]
    assert employment.from_text("") is None


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("remote", "remote"),
        ("Hybrid", "hybrid"),
        ("On-site", "onsite"),
        ("zdalna", "remote"),
        ("Удалённая работа", "remote"),
        ("hybrydowa", "hybrid"),
        ("ON_SITE", "onsite"),  # hh.ru work_format ids
        ("FIELD_WORK", None),
        ("", None),
    ],
)
def test_workplace_normalize(value: str, expected: str | None) -> None:
    assert workplace.normalize(value) == expected


def test_workplace_text_and_conflict() -> None:
    assert workplace.from_text("Work Location: In person")[0] == "onsite"  # type: ignore[index]
    stated = workplace.from_text("This role is hybrid, 3 days in office.")
    value, evidence = workplace.reconcile("remote", stated)
    assert value == "hybrid" and "remote" in evidence
    perk = workplace.from_text("Benefits: flexible hours and a hybrid work model for some teams.")
    assert workplace.reconcile("remote", perk) == ("remote", "")
    assert workplace.from_text("We build accounting software.") is None


@pytest.mark.parametrize(
    ("text", "level", "fields"),
    [
        (
            "Bachelor's or Master's degree in Computer Science or Engineering",
            "bachelor",
            ["computer science", "engineering"],
        ),
        ("PhD in Physics", "doctorate", ["physics"]),
        ("High school diploma or GED required", "high_school", []),
        ("Высшее техническое образование", "bachelor", []),
        ("Wykształcenie wyższe", "bachelor", []),
        ("Master's degree in Statistics", "master", ["statistics"]),
    ],
)
def test_education(text: str, level: str, fields: list[str]) -> None:
    found = education.from_text(text)
    assert found is not None
    assert (found[0].level, found[0].fields) == (level, fields)


@pytest.mark.parametrize("text", ["Scrum Master certification", "Help us master the market", ""])
def test_no_education(text: str) -> None:
    assert education.from_text(text) is None


def test_language() -> None:
    en = language.detect("We are looking for an experienced engineer to join our growing team.")
    ru = language.detect("Мы ищем опытного инженера в нашу растущую команду разработки.")
    assert en is not None and en[0] == "en" and 0 < en[1] <= 1
    assert ru is not None and ru[0] == "ru"
    assert language.detect("ok") is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("In-office perks: lunch, snacks, drinks", None),
        ("Attend to Remote Hands requests and remote monitoring", None),
        ("You will work closely with the onsite security team.", None),
        ("This is a fully remote position.", "remote"),
        ("This is an on-site role in Leeds.", "onsite"),
        ("Work Location: Remote", "remote"),
    ],
)
def test_workplace_needs_a_statement_about_the_role(text: str, expected: str | None) -> None:
    found = workplace.from_text(text)
    assert (found[0] if found else None) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("This position is full-time, with a flexible schedule.", ["FULL_TIME"]),
        ("We are looking for a Part Time Night Auditor to join us.", ["PART_TIME"]),
        ("Work Patterns: Part Time, Nights", ["PART_TIME"]),
        ("Benefits for our full-time employees include dental.", None),
    ],
)
def test_employment_statements(text: str, expected: list[str] | None) -> None:
    found = employment.from_text(text)
    assert (found[0] if found else None) == expected


def test_employment_from_title() -> None:
    assert employment.from_title("Part-Time Caregiver (Lombard, IL)") is not None
    assert employment.from_title("Direct Hire//Full time//X-Ray Technologist")[0] == [  # type: ignore[index]
        "FULL_TIME"
    ]
    assert employment.from_title("Data Engineer") is None
