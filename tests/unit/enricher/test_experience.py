import pytest

from services.enricher.experience import from_text, parse_statement


@pytest.mark.parametrize(
    ("statement", "low", "high"),
    [
        ("5-10 Years", 5, 10),
        ("6+ years", 6, None),
        ("3 to 5 yrs", 3, 5),
        ("от 1 года до 3 лет", 1, 3),
        ("up to 2 years", None, 2),
    ],
)
def test_parse_statement(statement: str, low: float | None, high: float | None) -> None:
    exp = parse_statement(statement)
    assert exp is not None and (exp.min_years, exp.max_years) == (low, high)


@pytest.mark.parametrize(
    ("text", "low", "high"),
    [
        ("You have at least three years of experience in sales.", 3, None),
        ("A minimum of 2 years experience is required.", 2, None),
        ("3 to 5 yrs of experience in retail", 3, 5),
        ("Sie bringen mindestens 3 Jahre Berufserfahrung mit.", 3, None),
        ("Wymagamy min. 3 lata doświadczenia.", 3, None),
        ("Du har minst 3 års erfarenhet av försäljning.", 3, None),
        ("Опыт работы от 3 лет.", 3, None),
        ("Требуемый опыт работы: от 1 года до 3 лет", 1, 3),
        ("Опыт более 6 лет в разработке", 6, None),
        ("Experience: 5-10 Years", 5, 10),
    ],
)
def test_from_text(text: str, low: float | None, high: float | None) -> None:
    found = from_text(text)
    assert found is not None
    assert (found.experience.min_years, found.experience.max_years) == (low, high)


def test_posting_level_statement_beats_per_skill_one() -> None:
    text = "3+ years experience with MongoDB.\n6+ years of software development experience."
    found = from_text(text)
    assert found is not None and found.experience.min_years == 6


def test_labelled_line_wins() -> None:
    text = "Experience Required : 5-10 Years\nMongoDB : 3+ years experience with MongoDB"
    found = from_text(text)
    assert found is not None and found.experience.max_years == 10


@pytest.mark.parametrize(
    "text", ["We have been in business for 20 years.", "A team of 12 engineers.", ""]
)
def test_no_experience_stated(text: str) -> None:
    assert from_text(text) is None


@pytest.mark.parametrize(
    ("statement", "low", "high"),
    [
        ("between1And3", 1, 3),
        ("between3And6", 3, 6),
        ("moreThan6", 6, None),
        ("noExperience", 0, None),
    ],
)
def test_parse_hh_experience_ids(statement: str, low: float, high: float | None) -> None:
    exp = parse_statement(statement)
    assert exp is not None and (exp.min_years, exp.max_years) == (low, high)


@pytest.mark.parametrize(
    "text",
    [
        "A construction company with over 15 years of experience in housing.",
        "We have 20 years of experience serving hotels.",
    ],
)
def test_company_describing_itself_states_no_requirement(text: str) -> None:
    assert from_text(text) is None


def test_we_are_looking_for_someone_is_a_requirement() -> None:
    found = from_text("We are looking for someone with 3+ years of experience in QA.")
    assert found is not None and found.experience.min_years == 3


@pytest.mark.parametrize(
    "text", ["No experience required, we train you.", "Рассматриваем кандидатов без опыта работы."]
)
def test_no_experience_needed_is_zero_years(text: str) -> None:
    found = from_text(text)
    assert found is not None and found.experience.min_years == 0


@pytest.mark.parametrize(
    ("text", "low"),
    [
        ("Опыт разработки на Go от 2-х лет", 2),
        ("требуется опыт работы от 5-ти лет", 5),
        ("опыт продаж не менее 3-х лет", 3),
    ],
)
def test_russian_case_endings_after_the_number(text: str, low: float) -> None:
    found = from_text(text)
    assert found is not None and found.experience.min_years == low
