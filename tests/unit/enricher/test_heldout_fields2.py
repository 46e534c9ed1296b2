"""Phrasings from a second held-out pass (healthcare, retail, trades, hospitality, public sector;
English from UK/IE/ZA/SG/AU/CA and French, Spanish, Italian, Dutch, Portuguese): what a careful
reader takes from each, and what stays null."""

import pytest

from services.enricher import employment, experience, salary, workplace
from services.enricher.geo import from_header

# --- salary ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "low", "high", "currency", "period"),
    [
        ("Salaire : 2 300 € à 2 700 € brut mensuel", 2_300, 2_700, "EUR", "MONTH"),
        ("Salario: 1.650 € brutos al mes", 1_650, None, "EUR", "MONTH"),
        ("Retribuzione: 1.500-1.700 € netti mensili", 1_500, 1_700, "EUR", "MONTH"),
        ("Salaris: € 2.400 tot € 2.700 bruto per maand", 2_400, 2_700, "EUR", "MONTH"),
        ("Remuneração: 1.400€ a 1.800€ mensais", 1_400, 1_800, "EUR", "MONTH"),
        ("Retribuzione: 9 € lordi all'ora", 9, None, "EUR", "HOUR"),
        ("Salary: S$3,200 - S$3,800 monthly", 3_200, 3_800, "SGD", "MONTH"),
        ("Salary: R28 000 - R35 000 per month", 28_000, 35_000, "ZAR", "MONTH"),
        # working time in another language is not the pay period
        ("Salaris: € 15 per uur, 32 uur per week", 15, None, "EUR", "HOUR"),
    ],
)
def test_salary_in_more_markets_and_languages(
    text: str, low: float | None, high: float | None, currency: str, period: str
) -> None:
    found = salary.from_text(text)
    assert found is not None
    assert (found.min, found.max, found.currency, found.period) == (low, high, currency, period)


@pytest.mark.parametrize(
    "text",
    [
        "Rémunération : selon profil",
        "Salario: competitivo",
        "Requires R2 clearance and 3 years in role",  # a letter before a digit is not the rand
        "Ideal for 2 people",
    ],
)
def test_no_salary_stated_here(text: str) -> None:
    assert salary.from_text(text) is None


# --- experience --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "low", "high"),
    [
        ("Une expérience de 2 ans minimum en bloc opératoire est souhaitée.", 2, None),
        ("Profil : Bac+5, 5 à 7 ans d'expérience en développement web.", 5, 7),
        ("Requisitos: al menos 3 años de experiencia en venta B2B.", 3, None),
        ("Experiencia mínima de 1 año en puesto similar.", 1, None),
        ("Richiesta esperienza di almeno 2 anni nella ristorazione.", 2, None),
        ("Minimaal 3 jaar ervaring als timmerman.", 3, None),
        ("Requisitos: experiência mínima de 5 anos em obra.", 5, None),
        ("Diploma di scuola superiore. Non è richiesta esperienza.", 0, None),
    ],
)
def test_experience_in_romance_languages_and_dutch(
    text: str, low: float, high: float | None
) -> None:
    found = experience.from_text(text)
    assert found is not None
    assert (found.experience.min_years, found.experience.max_years) == (low, high)


@pytest.mark.parametrize(
    "text",
    [
        "Fondée il y a 20 ans, notre entreprise compte 300 salariés.",  # no experience word
        "Contrato de 2 años.",
    ],
)
def test_years_without_an_experience_word_state_none(text: str) -> None:
    assert experience.from_text(text) is None


# --- workplace ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Télétravail partiel (2 jours par semaine)", "hybrid"),
        ("Nantes – Télétravail complet possible", "remote"),
        ("Teletrabajo 2 días a la semana. Contrato indefinido.", "hybrid"),
        ("Barcelona – Teletrabajo 100%", "remote"),
        ("Contratto part-time 20 ore settimanali, lavoro da remoto.", "remote"),
        ("Parttime (24-32 uur), gedeeltelijk thuiswerken mogelijk.", "hybrid"),
        ("Lisboa – Híbrido", "hybrid"),
        ("Full time, in-office 4 days per week.", "hybrid"),
        ("Poste sur site, horaires en journée.", "onsite"),
        ("London, UK · Full-time · Hybrid", "hybrid"),
    ],
)
def test_workplace_in_more_languages(text: str, value: str) -> None:
    found = workplace.from_text(text)
    assert found is not None and found[0] == value


@pytest.mark.parametrize(
    "text",
    ["Voiture hybride de fonction.", "Full time, in-office 5 days per week, no remote.", "thuis"],
)
def test_workplace_words_that_state_no_arrangement(text: str) -> None:
    found = workplace.from_text(text)
    assert found is None or found[0] == "onsite"


# --- employment type ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("Type de contrat : CDI\nTemps plein", ["FULL_TIME"]),
        ("Contrat : CDD de 6 mois", ["TEMPORARY"]),
        ("Contrato: temporal (mayo a octubre), jornada completa", ["FULL_TIME", "TEMPORARY"]),
        ("Contratto a tempo indeterminato, full time.", ["FULL_TIME"]),
        ("Contrato sem termo, tempo inteiro.", ["FULL_TIME"]),
        ("$21.00/hr | Full time, permanent | Afternoon shift", ["FULL_TIME"]),
        ("Salary: €32,000 - €48,000 per annum. Permanent, Whole-time.", ["FULL_TIME"]),
        ("This is an unpaid volunteer role, 4 hours per week.", ["VOLUNTEER"]),
        ("Seasonal positions available from October through January.", ["TEMPORARY"]),
        ("Temp assignment, 2 weeks, immediate start.", ["TEMPORARY"]),
    ],
)
def test_employment_type_in_more_phrasings(text: str, values: list[str]) -> None:
    found = employment.from_text(text)
    assert found is not None and sorted(found[0]) == values


@pytest.mark.parametrize(
    "text",
    [
        "We offer volunteer days and seasonal events.",
        "Full-time employees | Benefits",
        "Contrat : CDI",  # permanent states no hours
        "Contratto a tempo indeterminato.",
    ],
)
def test_employment_type_not_stated(text: str) -> None:
    assert employment.from_text(text) is None


# --- locations in the header of a text posting -------------------------------------------------


@pytest.mark.parametrize(
    ("line", "places"),
    [
        ("St. Luke's Regional Medical Center - Boise, ID 83712", [("Boise", "US")]),
        ("Royal Berkshire NHS Foundation Trust, Reading RG1 5AN", [("Reading", "GB")]),
        ("DHL Supply Chain, Daventry NN11 8UH", [("Daventry", "GB")]),
        ("The Ivy, Covent Garden, London WC2", [("London", "GB")]),
        ("Stripe - Toronto, ON / Seattle, WA", [("Toronto", "CA"), ("Seattle", "US")]),
    ],
)
def test_header_places_with_postcodes_and_slashes(line: str, places: list[tuple[str, str]]) -> None:
    found = from_header(f"Job title\n{line}\nFull time", "Job title")
    assert found is not None
    assert [(loc.city, loc.country) for loc in found[0]] == places


@pytest.mark.parametrize("line", ["Acme Ltd, Unit B4", "Meet us at Booth A12"])
def test_header_codes_that_are_not_postcodes_place_nothing(line: str) -> None:
    assert from_header(f"Job title\n{line}\nFull time", "Job title") is None
