"""Phrasings from a held-out pass over hand-written postings (US, UK, India, Australia, Canada,
Russian, German, Polish, Swedish): what a careful reader takes from each, and what stays null."""

from typing import Any

import pytest

from services.enricher import education, employment, experience, salary, title, workplace
from services.enricher.enrich import enrich
from services.enricher.geo import geocode
from services.normalizer.formats import parse
from shared.posting import Enrichment


def _pushed(location: str, description: str, **fields: Any) -> Enrichment:
    return enrich(
        parse(
            "generic",
            {"title": "Engineer", "location": location, "description": description, **fields},
        )
    )


# --- salary ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "low", "high", "currency", "period"),
    [
        ("Salary: ₹8,00,000 - ₹12,00,000 per annum", 800_000, 1_200_000, "INR", "YEAR"),  # lakhs
        ("Lohn: CHF 110'000 - 130'000 pro Jahr", 110_000, 130_000, "CHF", "YEAR"),
        ("Budget: 25-30 LPA", 2_500_000, 3_000_000, "INR", "YEAR"),  # LPA is pay, and Indian
        ("Wynagrodzenie: 6 500 - 8 000 zł brutto", 6_500, 8_000, "PLN", "MONTH"),
        ("Lön: 42 000 kr", 42_000, None, "SEK", "MONTH"),
        ("Зарплата: от 2000 до 3000 USD", 2_000, 3_000, "USD", "MONTH"),
        ("Gehalt: bis zu 80.000 € brutto im Jahr", None, 80_000, "EUR", "YEAR"),
        ("Base pay: $50,000 - $60,000 + commission", 50_000, 60_000, "USD", "YEAR"),
        ("£26,000 - £28,000 pro rata. Part-time, 3 days per week", 26_000, 28_000, "GBP", "YEAR"),
        # working time is not the pay period; a rate named before the amount is
        ("Pay: $25 - $30, 40 hours per week", 25, 30, "USD", "HOUR"),
        ("Salary: £30,000. Overtime paid at £15 per hour", 30_000, None, "GBP", "YEAR"),
        ("Day rate: £450, 3 days a week", 450, None, "GBP", "DAY"),
        ("Timlön 165 kr", 165, None, "SEK", "HOUR"),
        ("Salary $140,000 - $160,000 NZD", 140_000, 160_000, "NZD", "YEAR"),  # code over "$"
    ],
)
def test_salary_amounts_markets_and_periods(
    text: str, low: float | None, high: float | None, currency: str, period: str
) -> None:
    found = salary.from_text(text)
    assert found is not None
    assert (found.min, found.max, found.currency, found.period) == (low, high, currency, period)


@pytest.mark.parametrize(
    "text",
    [
        "Salary: DOE",
        "Compensation: Competitive, commensurate with experience.",
        "Gehalt: nach Vereinbarung",
        "Lön: enligt överenskommelse",
        "Årligt friskvårdsbidrag upp till 10000kr.",  # a wellness allowance, not pay
        "Project budget of 5 lakhs",
        "$500 sign-on bonus",
    ],
)
def test_no_salary_stated(text: str) -> None:
    assert salary.from_text(text) is None


def test_a_magnitude_outside_the_monthly_band_states_no_period() -> None:
    yearly = salary.from_text("Wynagrodzenie: 180 000 zł")
    assert yearly is not None and yearly.period is None


def test_a_labelled_line_with_its_period_wins_over_one_without() -> None:
    found = salary.from_text("Salary : 16k + incentive\nPay: ₹15,500 - ₹16,500 per month")
    assert found is not None and (found.min, found.max, found.period) == (15_500, 16_500, "MONTH")


@pytest.mark.parametrize(
    ("location", "currency"),
    [
        ("Sydney NSW", "AUD"),
        ("Vancouver, BC", "CAD"),
        ("Auckland, New Zealand", "NZD"),
        ("Seattle, WA", "USD"),
        ("Sydney, NSW or Seattle, WA", "USD"),  # no single country: the "$" stays as written
    ],
)
def test_a_bare_dollar_is_the_local_dollar(location: str, currency: str) -> None:
    out = _pushed(location, "Salary: $85,000 - $95,000 per year")
    assert out.salary is not None and out.salary.currency == currency


def test_a_dollar_named_as_us_stays_us() -> None:
    out = _pushed("Toronto, ON", "Salary: US$85,000 - US$95,000 per year")
    assert out.salary is not None and out.salary.currency == "USD"


# --- employment type ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Contract: Permanent, Full Time", ["FULL_TIME"]),  # a label, not a contract role
        ("Type: Full-time", ["FULL_TIME"]),
        ("0-2 years experience with React. Full-time.", ["FULL_TIME"]),
        ("Permanent, full-time. Remote within Canada.", ["FULL_TIME"]),
        ("Part time or full time considered.", ["PART_TIME", "FULL_TIME"]),
        ("Part time barista wanted.", ["PART_TIME"]),
        ("6 month contract, fully on-site.", ["CONTRACTOR"]),
        ("Duration: 6 months internship", ["INTERN"]),
        ("140-170 zł/h netto (B2B)", ["CONTRACTOR"]),
        ("Festanstellung in Vollzeit", ["FULL_TIME"]),
        ("Wir suchen dich in Voll- oder Teilzeit", ["FULL_TIME", "PART_TIME"]),
        ("Стажировка, 3 месяца.", ["INTERN"]),
        ("График 2/2, частичная занятость", ["PART_TIME"]),
        ("Staż, umowa zlecenie, hybrydowo", ["INTERN"]),
        ("zatrudnienie na umowę o pracę, pełen etat", ["FULL_TIME"]),
        ("Deltid 75 %, visstidsanställning", ["PART_TIME", "TEMPORARY"]),
        ("Vi erbjuder en tillsvidareanställning på heltid", ["FULL_TIME"]),
    ],
)
def test_employment_stated(text: str, expected: list[str]) -> None:
    found = employment.from_text(text)
    assert found is not None and found[0] == expected


@pytest.mark.parametrize(
    "text",
    [
        "Contract: 6 months",
        "12 month fixed term contract",  # fixed term states no schema.org type
        "We sell B2B software to retailers.",
        "Full-time employees receive benefits.",
        "Contract type: Permanent",
    ],
)
def test_employment_not_stated(text: str) -> None:
    assert employment.from_text(text) is None


def test_every_labelled_line_counts_beside_the_normalizer_hint() -> None:
    text = "Omfattning: Deltid 50 %\nAnställningsform: Visstidsanställning"
    out = enrich(parse("text", f"Kundtjänstmedarbetare\n{text}"))
    assert out.employment_type == ["PART_TIME", "TEMPORARY"]


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Data Analyst Intern", ["INTERN"]),
        ("Software Engineering Intern (Summer 2025)", ["INTERN"]),
        ("Стажер-разработчик", ["INTERN"]),
        ("Intern Coordinator", None),  # coordinates interns
        ("Internal Auditor", None),
    ],
)
def test_an_intern_title(raw: str, expected: list[str] | None) -> None:
    found = employment.from_title(raw)
    assert (found[0] if found else None) == expected


# --- workplace ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Part-time position, 20-25 hours per week, on site.", "onsite"),
        ("Boston, MA (Hybrid)", "hybrid"),
        ("Pensum 80-100%, hybrid", "hybrid"),
        ("Full time, Monday to Friday, office based.", "onsite"),
        ("Work from office (5 days)", "onsite"),
        ("Working from our Adelaide CBD office.", "onsite"),
        ("Hybrid (2 days/week in office)", "hybrid"),
        ("up to 3 days per week home office", "hybrid"),
        ("Work from home 2 days a week", "hybrid"),
        ("Mode: Remote", "remote"),
        ("Remote within Canada.", "remote"),
        ("Remote innerhalb Deutschlands möglich", "remote"),
        ("Hybrid: 2 Tage pro Woche im Büro, der Rest im Homeoffice", "hybrid"),
        ("Mobiles Arbeiten bis zu 3 Tage pro Woche", "hybrid"),
        ("Hybrid, 2-3 dagar på kontoret", "hybrid"),
        ("Arbetet sker på plats på avdelningen.", "onsite"),
        ("Distansarbete: ja, 100 %", "remote"),
        ("hybrydowo (2 dni w biurze)", "hybrid"),
        ("Praca w 100% zdalna", "remote"),
        ("Гибрид: 2 дня в неделю в офисе", "hybrid"),
        ("График: пятидневка, офис.", "onsite"),
    ],
)
def test_workplace_stated(text: str, expected: str) -> None:
    found = workplace.from_text(text)
    assert found is not None and found[0] == expected


@pytest.mark.parametrize(
    "text",
    [
        "Remote: No",
        "We build native and hybrid apps (iOS, Android, hybrid) for fintech clients.",
        "Free parking, on-site gym",
        "Perks: remote-friendly culture",
    ],
)
def test_workplace_not_stated(text: str) -> None:
    assert workplace.from_text(text) is None


def test_a_remote_area_location_is_a_remote_workplace() -> None:
    assert _pushed("Remote - EMEA", "Backend work on our payments platform.").workplace == "remote"
    assert _pushed("EMEA", "Backend work on our payments platform.").workplace is None


# --- experience --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "low", "high"),
    [
        ("minimum three (3) years of hospital pharmacy experience", 3, None),
        ("Requires 7-10 yrs exp", 7, 10),
        ("co najmniej 3-letnie doświadczenie", 3, None),
        ("3-jährige Berufserfahrung im Vertrieb", 3, None),
        ("Doświadczenie: do 1 roku", None, 1),
        ("Nie wymagamy doświadczenia.", 0, None),
        ("Freshers can apply", 0, None),
        ("- 5+ years Python", 5, None),
        ("8+ years with Java, Spring.", 8, None),
    ],
)
def test_experience_stated(text: str, low: float | None, high: float | None) -> None:
    found = experience.from_text(text)
    assert found is not None
    assert (found.experience.min_years, found.experience.max_years) == (low, high)


@pytest.mark.parametrize(
    "text",
    [
        "abgeschlossene 3-jährige Ausbildung und Berufserfahrung",  # training, not experience
        "Duration: 2+ years",
        "Our firm has 25+ years in the market",
        "mehrjährige Berufserfahrung",
        "Freshers need not apply",
    ],
)
def test_experience_not_stated(text: str) -> None:
    assert experience.from_text(text) is None


# --- education ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "level"),
    [
        ("Degree educated, ideally in Marketing", "bachelor"),
        ("Be educated to a degree level in a related scientific discipline", "bachelor"),
        ("Education: Any Graduate", "bachelor"),
        ("BSEE required. PE license preferred.", "bachelor"),
        ("MSN required; DNP preferred", "master"),
        ("Educated to Master's degree level", "master"),
        ("12th pass / any graduate", "high_school"),  # the lowest degree stated
    ],
)
def test_education_stated(text: str, level: str) -> None:
    found = education.from_text(text)
    assert found is not None and found[0].level == level


def test_graduates_welcome_states_no_degree() -> None:
    assert education.from_text("Graduates welcome") is None


# --- location ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "city", "region", "country"),
    [
        ("Chennai, TN", "Chennai", "Tamil Nadu", "IN"),  # not Tennessee
        ("Indore, MP", "Indore", "Madhya Pradesh", "IN"),  # not the Northern Mariana Islands
        ("Hyderabad, TG", "Hyderabad", "Telangana", "IN"),  # not Togo
        ("Bhubaneswar, OR", "Bhubaneswar", "Odisha", "IN"),  # Orissa's old code
        ("Mumbai, MH", "Mumbai", "Maharashtra", "IN"),  # not the Marshall Islands
        ("Perth, WA", "Perth", "Western Australia", "AU"),
        ("London, ON", "London", "Ontario", "CA"),
        ("Victoria, BC", "Victoria", "British Columbia", "CA"),
        ("Melbourne VIC", "Melbourne", "Victoria", "AU"),
        ("Sydney NSW 2000", "Sydney", "New South Wales", "AU"),
        ("Salem, OR", "Salem", "Oregon", "US"),  # "OR" is Oregon, not "or"
        ("Springfield, IL", "Springfield", "Illinois", "US"),
        ("Melbourne, FL", "Melbourne", "Florida", "US"),
        ("London", "London", "England", "GB"),
    ],
)
def test_a_city_and_its_state_code(raw: str, city: str, region: str, country: str) -> None:
    [loc] = geocode([raw])
    assert (loc.city, loc.region, loc.country) == (city, region, country)


@pytest.mark.parametrize(
    ("raw", "country"),
    [
        ("Remote (US only)", "US"),
        ("Remote within Canada", "CA"),
        ("Anywhere in the UK", "GB"),
        ("Polska (zdalnie)", "PL"),
        ("Remote - Anywhere", None),
    ],
)
def test_the_country_of_a_remote_place(raw: str, country: str | None) -> None:
    [loc] = geocode([raw])
    assert (loc.kind, loc.country) == ("remote", country)


def test_berlin_or_munich_are_two_places() -> None:
    assert [loc.city for loc in geocode(["Berlin or Munich"])] == ["Berlin", "Munich"]


# --- title and seniority -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "level", "normalized"),
    [
        ("Lead Generation Specialist", None, "lead generation specialist"),
        ("Senior/Lead Java Developer", "lead", "java developer"),
        ("Junior+ Java Developer", "junior", "java developer"),
        ("Seniorutvecklare Java", "senior", "utvecklare java"),
        ("Juniorkonsult", "junior", "konsult"),
        ("New Grad Registered Nurse", "junior", "new grad registered nurse"),
        ("Abteilungsleiter Einkauf", "director", "abteilungsleiter einkauf"),
        ("Seniors Living Coordinator", None, "seniors living coordinator"),
    ],
)
def test_title_level_and_occupation(raw: str, level: str | None, normalized: str) -> None:
    found = title.seniority(raw)
    assert (found[0] if found else None) == level
    assert title.normalized(raw) == normalized
