import pytest

from services.enricher import education, employment, language, workplace


@pytest.mark.parametrize(
    ("values", "expected"),
    [
        (["Full-Time"], ["FULL_TIME"]),
        (["full_time"], ["FULL_TIME"]),
        (["Permanent"], ["FULL_TIME"]),
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
