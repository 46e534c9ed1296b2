import pytest

from services.enricher.workplace import from_text, from_title, normalize


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Удалённый формат работы, гибкое начало дня", "remote"),
        ("Удаленная занятость, график 5/2", "remote"),
        ("формат работы: удаленка из любого города", "remote"),
        ("Комфортный офис (формат работы на выбор: офис или удаленный)", "remote"),
        ("The team is in-person five days a week in our Austin office.", "onsite"),
        ("You will be in the office 5 days a week.", "onsite"),
        ("We meet 2 days a week in the office.", "hybrid"),
        ("Engineers are in-person at the plant.", "onsite"),
    ],
)
def test_statements(text: str, expected: str) -> None:
    found = from_text(text)
    assert found is not None and found[0] == expected


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("Python разработчик, удаленно", "remote"),
        ("Backend-разработчик (офис)", "onsite"),
        ("Field Technician - TX - On Site", "onsite"),
        ("Product Designer (Remote)", "remote"),
        ("Data Engineer | Hybrid", "hybrid"),
        ("Remote Sensing Analyst", None),  # a discipline, not a workplace
        ("Remote Hands Technician", None),
        ("Office Manager", None),
    ],
)
def test_from_title(title: str, expected: str | None) -> None:
    found = from_title(title)
    assert (found[0] if found else None) == expected


def test_office_in_russian_is_onsite() -> None:
    assert normalize("Офис") == "onsite"


def test_days_in_office_after_the_office() -> None:
    hybrid = from_text("You will be in the office 3 days a week.")
    assert hybrid is not None and hybrid[0] == "hybrid"
