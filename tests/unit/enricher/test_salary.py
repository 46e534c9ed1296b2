import pytest

from services.enricher.salary import from_hint, from_text
from shared.posting import SalaryHint


@pytest.mark.parametrize(
    ("text", "low", "high", "currency", "period"),
    [
        ("$120k-$150k", 120_000, 150_000, "USD", "YEAR"),
        ("$120,000 - $150,000 a year", 120_000, 150_000, "USD", "YEAR"),
        ("£45,000 per annum", 45_000, None, "GBP", "YEAR"),
        ("€60.000 brutto/Jahr", 60_000, None, "EUR", "YEAR"),
        ("₹12-18 LPA", 1_200_000, 1_800_000, "INR", "YEAR"),
        ("от 150 000 руб.", 150_000, None, "RUB", "MONTH"),
        ("150 000 – 200 000 ₽ на руки", 150_000, 200_000, "RUB", "MONTH"),
        ("25-30 zł/h netto (B2B)", 25, 30, "PLN", "HOUR"),
        ("$40/hour", 40, None, "USD", "HOUR"),
        ("5 000 EUR miesięcznie", 5_000, None, "EUR", "MONTH"),
        ("Pay: $18.00 - $22.00 per hour", 18, 22, "USD", "HOUR"),
        # The opening words and currency before the first digit of a long line still count.
        (
            "The pay for this role, " + "as agreed, " * 20 + "is from US$ 90 000 a year",
            90_000,
            None,
            "USD",
            "YEAR",
        ),
        ("Salary: up to   € 5 000 monthly", None, 5_000, "EUR", "MONTH"),
    ],
)
def test_from_text(text: str, low: float, high: float | None, currency: str, period: str) -> None:
    salary = from_text(text)
    assert salary is not None
    assert (salary.min, salary.max, salary.currency, salary.period) == (low, high, currency, period)


def test_annualized() -> None:
    hourly = from_text("$40/hour")
    monthly = from_text("5 000 EUR miesięcznie")
    assert hourly is not None and hourly.annual_min == 40 * 2080
    assert monthly is not None and monthly.annual_min == 60_000


@pytest.mark.parametrize(
    "text",
    [
        "We raised $50M in our Series B.",
        "6+ years of experience",
        "A team of 12 engineers since 2015.",
        "Knowledge of OWASP Top 10 and rate limiting",
        "Enjoy a $5 coffee voucher",
        "$1.2M ARR",
    ],
)
def test_no_salary_from_unrelated_numbers(text: str) -> None:
    assert from_text(text) is None


def test_from_hint() -> None:
    salary = from_hint(SalaryHint(min=100_000, max=150_000, currency="RUR", period="month"))
    assert salary is not None
    assert (salary.currency, salary.period, salary.annual_max) == ("RUB", "MONTH", 1_800_000)


def test_retirement_plan_is_not_pay() -> None:
    assert from_text("Benefits: 401K matching, dental insurance") is None


def test_shift_differentials_are_not_the_salary() -> None:
    text = (
        "Shift Differentials: $1.50/hour for PM shift\n"
        "$2.25/hour for NOC shift\n"
        "Job Type: Full-time\n"
        "Pay: $28.00 - $35.00 per hour"
    )
    salary = from_text(text)
    assert salary is not None and (salary.min, salary.max, salary.period) == (28, 35, "HOUR")


def test_labelled_pay_line_wins_over_an_earlier_amount() -> None:
    salary = from_text("Earn up to $500 in tips a week.\nSalary: £30,000 - £35,000 per annum")
    assert salary is not None and (salary.min, salary.currency) == (30_000, "GBP")


def test_tenge_abbreviation() -> None:
    salary = from_text("заработная плата от 170 000 до 900 000 тг. в месяц")
    assert salary is not None
    assert (salary.min, salary.max, salary.currency, salary.period) == (
        170_000,
        900_000,
        "KZT",
        "MONTH",
    )


def test_k_amounts_imply_a_year_only_where_that_is_the_convention() -> None:
    dollars, rupees = from_text("Salary: $90k - $110k"), from_text("Salary: ₹20K to ₹27K")
    assert dollars is not None and dollars.period == "YEAR"
    assert rupees is not None and rupees.period is None


def test_amount_under_a_pay_heading_on_the_line_before() -> None:
    text = "What we pay\n\nThe typical pay range for this role is:\n\n$19.00 - $24.50\nPlus tips."
    salary = from_text(text)
    assert salary is not None
    assert (salary.min, salary.max, salary.currency, salary.period) == (19, 24.5, "USD", "HOUR")


def test_a_bare_small_amount_without_a_heading_is_not_pay() -> None:
    assert from_text("Parking costs $12.00 - $15.00 near the site.") is None


@pytest.mark.parametrize(
    ("text", "period"),
    [
        ("Pay: £12.40", "HOUR"),  # a wage under 100 in a pound market is hourly
        ("Salary: $92,000", "YEAR"),  # 20,000 or more is a yearly salary there
        ("Compensation: €3,200", None),  # monthly or yearly: the magnitude does not say
        ("Salary: ₹45,000", None),  # not a dollar, pound or euro market
    ],
)
def test_period_from_the_magnitude(text: str, period: str | None) -> None:
    salary = from_text(text)
    assert salary is not None and salary.period == period


def test_thousand_rubles_shorthand() -> None:
    salary = from_text("Зарплата: от 85 т.р. плюс премии")
    assert salary is not None
    assert (salary.min, salary.max, salary.currency, salary.period) == (
        85_000,
        None,
        "RUB",
        "MONTH",
    )


@pytest.mark.parametrize(
    "text",
    [
        "Оклад 45 0000 руб. и бонусы",  # a malformed number
        "доход от 90 000 – 30 000 руб.",  # a range whose top is below its bottom
    ],
)
def test_malformed_amounts_state_no_pay(text: str) -> None:
    assert from_text(text) is None
