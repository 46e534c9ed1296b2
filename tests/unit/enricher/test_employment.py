import pytest

from services.enricher.employment import from_text, from_title, normalize


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Full-time, $19/hr, some weekends required.", ["FULL_TIME"]),
        ("Shifts on offer:\n* Part Time, Evenings", ["PART_TIME"]),
        ("* Full-time or part-time available", ["FULL_TIME", "PART_TIME"]),
        ("**Contract**, 9 months", ["CONTRACTOR"]),
        ("Условия:\nполный рабочий день;\nофис в центре", ["FULL_TIME"]),
        ("Частичная занятость, свободный график", ["PART_TIME"]),
    ],
)
def test_a_line_opening_with_the_type_states_it(text: str, expected: list[str]) -> None:
    found = from_text(text)
    assert found is not None and found[0] == expected


@pytest.mark.parametrize(
    "text",
    [
        "Full-time employees get 30 days of leave.",
        "Benefits available to all full-time Acme employees",
        "Great for people with full-time jobs who want extra income.",
        "Those hired into full-time positions are eligible for our benefits plan.",
        "Contract length: 6 months",
        "We review every supplier contract carefully.",
    ],
)
def test_prose_about_staff_or_contracts_states_no_type(text: str) -> None:
    assert from_text(text) is None


def test_plural_statement_about_the_roles() -> None:
    found = from_text("All full-time roles in this team are based in Lisbon.")
    assert found is not None and found[0] == ["FULL_TIME"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("We are looking for part time and fulltime CNAs.", ["PART_TIME", "FULL_TIME"]),
        ("We're hiring full-time/part-time baristas.", ["FULL_TIME", "PART_TIME"]),
        ("Seeking a part-time bookkeeper.", ["PART_TIME"]),
    ],
)
def test_who_the_employer_is_looking_for(text: str, expected: list[str]) -> None:
    found = from_text(text)
    assert found is not None and found[0] == expected


def test_a_1099_position_is_a_contractor() -> None:
    found = from_text("This is a 1099 position with flexible hours.")
    assert found is not None and found[0] == ["CONTRACTOR"]


def test_hours_named_with_a_contract_kind_give_both() -> None:
    assert normalize(["Temporary Full Time"]) == ["TEMPORARY", "FULL_TIME"]
    assert normalize(["Полная занятость и частичная занятость"]) == ["FULL_TIME", "PART_TIME"]


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("(1099 Contract) Salesforce Architect", ["CONTRACTOR"]),
        ("Data Analyst - Freelance", ["CONTRACTOR"]),
        ("Warehouse Operative [Temporary]", ["TEMPORARY"]),
        ("Part Time Barista", ["PART_TIME"]),
        ("Contract Manager", None),  # manages contracts
        ("Internal Communications Lead", None),
    ],
)
def test_from_title(title: str, expected: list[str] | None) -> None:
    found = from_title(title)
    assert (found[0] if found else None) == expected
