"""Phrasings from a held-out pass on board-style descriptions (Indeed footers, hh.ru conditions,
ATS pay-transparency lines, Polish boards): salary and employment type as a careful reader takes
them from the text alone, and what stays null. All examples are written for these tests."""

import pytest

from services.enricher import employment, salary

# --- salary ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "low", "high", "currency", "period"),
    [
        # "т.р." names thousand rubles; "з/п" is a pay word
        ("Условия: з/п от 90 т.р., официальное трудоустройство.", 90_000, None, "RUB", "MONTH"),
        # a Russian pay word fixes the month where no period is written
        ("Официальный доход (оклад 41500 + премии по KPI)", 41_500, None, None, "MONTH"),
        # a benefit before the salary line is skipped, not taken
        (
            "Perks include a $1,200 annual learning stipend.\n"
            "The base salary range for this role is $140,000—$175,000 USD.",
            140_000,
            175_000,
            "USD",
            "YEAR",
        ),
        ("Interns receive a $3,000 monthly stipend.", 3_000, None, "USD", "MONTH"),
        # pay per shift or per rotation: the amount, with no period (the schema has none)
        ("Оплата 3000 рублей за смену, выплаты 2 раза в месяц.", 3_000, None, "RUB", None),
        ("Заработная плата за вахту от 180 000 рублей.", 180_000, None, "RUB", None),
        ("Pay: $160 per shift", 160, None, "USD", None),
        # "pcm" and a "pa" written right after the amount are periods
        ("Salary: £2,400pcm", 2_400, None, "GBP", "MONTH"),
        ("Salary: £31,000pa plus overtime", 31_000, None, "GBP", "YEAR"),
        # a time of day after an hourly amount is not "per month"
        ("Pay: £12.40, shifts 9am-5pm", 12.4, None, "GBP", "HOUR"),
    ],
)
def test_salary_on_board_descriptions(
    text: str, low: float | None, high: float | None, currency: str | None, period: str | None
) -> None:
    found = salary.from_text(text)
    assert found is not None
    assert (found.min, found.max, found.currency, found.period) == (low, high, currency, period)


@pytest.mark.parametrize(
    "text",
    [
        "We help 5,000 firms move over $300B in payments each year.",  # a "B"/"M" figure
        "The platform processed $12M in orders last quarter.",
        "Benefits: $750 per year for conference travel, 30 days holiday.",
        "Salary packaging of up to $15,900 per year",  # an Australian tax benefit
        "Fertility HRA (up to $12,000 per year)",
        "Tuition reimbursement up to $5,250 annually",
        "We offer a $2,000 home-office stipend and a $60 monthly phone credit.",
        "Стабильная з/п, выплачивается 2 раза в месяц.",  # a count, not an amount
        "Drivers earn £11.90 - £12.60 plus excellent Acmepa benefits",  # "pa" inside a word
        "Shift differential $2/hr for nights; 401k match up to 4%; pay DOE.",
    ],
)
def test_no_salary_in_benefits_counts_and_company_figures(text: str) -> None:
    assert salary.from_text(text) is None


# --- employment type ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Oferujemy: umowę zlecenie i elastyczne godziny.", ["CONTRACTOR"]),
        ("Praca w niepełnym wymiarze godzin, 20 h tygodniowo.", ["PART_TIME"]),
        ("Zatrudnienie na pełnym wymiarze czasu pracy.", ["FULL_TIME"]),
        ("Oferujemy płatny staż w dziale marketingu.", ["INTERN"]),
        ("Staż, umowa zlecenie, Kraków", ["INTERN"]),  # the internship's form, not a 2nd type
        ("Приглашаем дизайнера на проектную работу по редизайну сайта.", ["CONTRACTOR"]),
        ("Частичная занятость или полная по выбору кандидата.", ["PART_TIME", "FULL_TIME"]),
        ("Oferujemy płatne praktyki (3 miesiące) w zespole QA.", ["INTERN"]),
        ("Per diem position covering weekend shifts.", ["PER_DIEM"]),
    ],
)
def test_employment_stated_in_polish_and_russian(text: str, expected: list[str]) -> None:
    found = employment.from_text(text)
    assert found is not None and sorted(found[0]) == sorted(expected)


@pytest.mark.parametrize(
    "text",
    [
        "Проектная работа в команде архитекторов над жилыми комплексами.",  # design work
        "Wymagany staż pracy min. 2 lata.",  # "staż pracy": years of work
        "Umowa o pracę, Warszawa.",  # an employment contract names no hours
        "Wymagamy 2 lat praktyki zawodowej.",  # "praktyka": practice, not an internship
        "Travel nurses receive a per diem allowance for meals.",
        "Оплачиваемая работа вахтой 30/30, оформление по ТК РФ.",
    ],
)
def test_no_employment_type_stated(text: str) -> None:
    assert employment.from_text(text) is None


def test_polish_intern_title() -> None:
    assert employment.from_title("Stażysta w dziale HR") == (["INTERN"], "Stażysta w dziale HR")
    assert employment.from_title("Stażystka ds. marketingu") is not None
    assert employment.from_title("Opiekun stażystów") is None  # a mentor of interns
