"""Phrasings from a third held-out pass: qualifications as other countries write them, experience
in months or without the word "experience", places that need the rest of the posting or a
county, inline labels, and titles whose brackets mix terms with the job. What a careful reader
takes from each, and what stays null."""

import pytest

from services.enricher import education, experience, title, workplace
from services.enricher.geo import from_header, parse_location

# --- education ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "level"),
    [
        ("Profil : Bac+2 commercial, 2 ans d'expérience.", "associate"),
        ("Profil : BTS/DUT assistant de gestion ou équivalent.", "associate"),
        ("Profil : Bac+3 minimum en comptabilité (DCG).", "bachelor"),
        ("Titulaire d'une licence professionnelle en banque-assurance.", "bachelor"),
        ("Diplômé d'un Bac+5 (école d'ingénieur ou master).", "master"),
        ("Requisiti: laurea in Informatica o equivalente.", "bachelor"),
        ("Laurea triennale in Biotecnologie.", "bachelor"),
        ("Requisiti: laurea magistrale in Economia.", "master"),
        ("Diploma di scuola superiore.", "high_school"),
        ("Requisitos: grado universitario en ADE o similar.", "bachelor"),
        ("Se requiere Bachillerato o Ciclo Formativo de Grado Medio.", "high_school"),
        ("Requisitos: licenciatura em Engenharia Informática.", "bachelor"),
        ("Mestrado em Estatística ou Ciência de Dados.", "master"),
        ("Requisitos: 12.º ano de escolaridade; carta de condução.", "high_school"),
        ("Minimaal 3 jaar ervaring; HBO of WO opleiding Informatica.", "bachelor"),
        ("Wij vragen: MBO 4 diploma.", "high_school"),
        ("Matric (Grade 12) essential.", "high_school"),
        ("Candidates must have a Leaving Certificate or equivalent.", "high_school"),
        ("GCSE English and Maths grade C/4 or equivalent.", "high_school"),
        ("A-levels or equivalent.", "high_school"),
        ("Graduate in any stream. 0-2 years of experience.", "bachelor"),
        ("Doctor of Physical Therapy (DPT) from an accredited program.", "doctorate"),
        ("Doctor of Pharmacy (PharmD) required.", "doctorate"),
        # In the US a graduate degree is a master's or higher, never a bachelor's.
        ("Graduate degree in Statistics required.", "master"),
        ("A graduate degree (MS or PhD) is preferred.", "master"),
    ],
)
def test_education_as_other_countries_write_it(text: str, level: str) -> None:
    found = education.from_text(text)
    assert found is not None and found[0].level == level


@pytest.mark.parametrize(
    "text",
    [
        "A valid driving licence and a licence de conduire are required.",
        "Feedback loops at a level of detail few teams reach.",
        "Experience with BTS site rollout and HBO Max streaming.",
        "Within a year you will have a graduate scheme place.",  # no degree named
    ],
)
def test_words_that_name_no_qualification(text: str) -> None:
    assert education.from_text(text) is None


@pytest.mark.parametrize(
    "text",
    [
        "Degree in Computer Science or equivalent experience.",
        "Bachelor's degree in Computer Science or equivalent practical experience.",
        "BS/MS in CS or related field, or 4+ years of relevant experience.",
    ],
)
def test_a_degree_with_experience_accepted_instead_states_no_level(text: str) -> None:
    found = education.from_text(text)
    assert found is not None
    assert found[0].level is None
    assert found[0].fields  # the field the degree would be in is still stated


@pytest.mark.parametrize(
    ("text", "level"),
    [
        (
            "Degree in Computer Science or related field. 3+ years of relevant experience.",
            "bachelor",
        ),
        ("High school diploma or equivalent required.", "high_school"),
        ("BS in Chemistry and 3 years of laboratory experience.", "bachelor"),
    ],
)
def test_experience_elsewhere_leaves_the_degree_required(text: str, level: str) -> None:
    found = education.from_text(text)
    assert found is not None and found[0].level == level
    assert not any(ch.isdigit() for field in found[0].fields for ch in field)


# --- experience --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "low", "high"),
    [
        ("Minimum 6 months post-registration experience in an acute hospital.", 0.5, None),
        ("Valid Class A CDL, minimum 6 months of verifiable OTR experience.", 0.5, None),
        ("Minimum 18 months supervisory experience in manufacturing.", 1.5, None),
        ("6-12 months experience in a call centre.", 0.5, 1),
        ("Experience: 18 months", 1.5, None),
        ("Une première expérience de 6 mois minimum en secrétariat.", 0.5, None),
        ("Esperienza minima di 6 mesi in laboratorio.", 0.5, None),
        ("Minimum 5 years as site manager on residential schemes.", 5, None),
        ("Own tools and transport. 4+ years on commercial fitouts.", 4, None),
        ("At least 3 years as a legal secretary in a City firm.", 3, None),
        # the first statement is the requirement; the second narrows part of it
        ("5+ years retail experience with at least 2 years in a store management role", 5, None),
        ("Experiência mínima de 1 ano em armazém.", 1, None),
        ("No previous retail experience necessary, full training provided.", 0, None),
    ],
)
def test_experience_in_months_and_without_the_word(
    text: str, low: float, high: float | None
) -> None:
    found = experience.from_text(text)
    assert found is not None
    assert (found.experience.min_years, found.experience.max_years) == (low, high)


@pytest.mark.parametrize(
    "text",
    [
        "6-month contract. Experience with SAP required.",
        "A 6 month contract with experience of Jira is a plus.",
        "Minimum 12 month contract, experience in retail welcome.",
        "Contrato de 6 meses. Experiencia en ventas.",
        "Minimum 2 years contract, extension likely.",
        "Minimum 2 year contract commitment to our graduate scheme.",
        "Must have lived in the UK for at least 5 years.",
        "We have at least 20 years in the industry.",
        "We are a company with 6 months of experience in this market.",
    ],
)
def test_durations_that_are_not_experience_state_none(text: str) -> None:
    assert experience.from_text(text) is None


# --- places ------------------------------------------------------------------------------------


def _places(text: str) -> list[tuple[str | None, str | None]]:
    found = from_header(text, "Title")
    return [(loc.city, loc.country) for loc in found[0]] if found else []


@pytest.mark.parametrize(
    ("text", "places"),
    [
        # the posting's currency and words point to the country of a name two countries share
        ("Title\nHospital Quirónsalud, Valencia\nSalario: 2.100 € brutos.", [("Valencia", "ES")]),
        ("Title\nCórdoba\nSueldo: 1.900 € brutos al mes en España.", [("Córdoba", "ES")]),
        # a town under the size read alone, where the posting's currency is its country's
        ("Title\nLimerick\n€40,000 per annum.", [("Limerick", "IE")]),
        ("Title\nBergamo\nRetribuzione: 1.450 € netti al mese.", [("Bergamo", "IT")]),
        # counties, Irish forms, districts
        ("Title\nPersimmon Homes - Exeter, Devon\n£55,000", [("Exeter", "GB")]),
        ("Title\nHealth Service Executive, Letterkenny, Co. Donegal\n", [("Letterkenny", "IE")]),
        ("Title\nKilkenny, Co. Kilkenny\n", [("Kilkenny", "IE")]),
        ("Title\nBeaumont Hospital, Dublin 9\n", [("Dublin", "IE")]),
        ("Title\nCabinet Fiduciaire, Paris 8e – Île-de-France\n", [("Paris", "FR")]),
        ("Title\n**REWE Markt GmbH** · Köln-Ehrenfeld\n", [("Köln", "DE")]),
        ("Title\nHotel am Markt · Hamburg-Altona\n", [("Hamburg", "DE")]),
        ("Title\nWoolworths - Durban North, KwaZulu-Natal\n", [("Durban", "ZA")]),
        ("Title\nCape Town, Western Cape\n", [("Cape Town", "ZA")]),
        # a town the gazetteer lacks, placed by a province code only one country has
        ("Title\nWhistler, BC\n", [("Whistler", "CA")]),
        ("Title\nByron Bay, NSW\n", [("Byron Bay", "AU")]),
        # a label inside brackets does not make the line a label
        ("Title\nHM Treasury - London SW1A 2HQ (Hybrid: 3 days)\n", [("London", "GB")]),
        ("Title\nSky - UK wide\n", [(None, "GB")]),
    ],
)
def test_header_places_read_with_context_counties_and_districts(
    text: str, places: list[tuple[str | None, str]]
) -> None:
    assert _places(text) == places


@pytest.mark.parametrize(
    ("text", "places"),
    [
        # without a currency or a country of its own, the larger Valencia stays the reading
        ("Title\nValencia\nSalario: 2.100 $ al mes.", [("Valencia", "VE")]),
        # "Newcastle" alone is in Australia by size; the hyphenated name is the English city
        ("Title\nNewcastle-upon-Tyne\n", [("Newcastle upon Tyne", "GB")]),
    ],
)
def test_context_does_not_override_a_stated_or_sized_reading(
    text: str, places: list[tuple[str | None, str]]
) -> None:
    assert _places(text) == places


@pytest.mark.parametrize(
    "text",
    [
        "Title\nBergamo\nRetribuzione competitiva.",  # a small town, nothing points to Italy
        "Title\nPlant in Mobile\nPay: $28 per hour.",
        "Title\nAcme Corp, CA\n",  # a company, not a town
        "Title\nPerth Health Clinic, WA\n",
        "Title\nMemorial Hermann, TX\n",  # US towns outside the gazetteer are not guessed
        "Title\nSmalltown, WA\n",  # Washington or Western Australia
        "Title\nAcme Mining, QLD\n",
        "Title\nSalary: £30,000 (London weighting: £4,000)\n",  # a label outside brackets
        "Title\nBuilding 7\n",
        "Title\nFull-time\n",
    ],
)
def test_header_lines_that_place_nothing(text: str) -> None:
    assert _places(text) == []


@pytest.mark.parametrize(
    ("raw", "region", "country"),
    [
        ("Lisbon, Portugal", "Lisboa", "PT"),  # GeoNames "14" is Lisbon; ISO PT-14 is Santarém
        ("Cape Town, South Africa", "Western Cape", "ZA"),
        ("Milano, Italia", "Lombardia", "IT"),
        ("Tokyo, Japan", None, "JP"),  # GeoNames "40"; ISO JP-40 is Fukuoka: no region
    ],
)
def test_regions_are_iso_subdivisions_or_none(raw: str, region: str | None, country: str) -> None:
    (loc,) = parse_location(raw)
    assert (loc.region, loc.country) == (region, country)


# --- workplace ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Experience: 4 to 8 years. Notice period: immediate. Work mode: Hybrid.", "hybrid"),
        ("Salary 10 LPA. Working model - Remote | Notice: 15 days", "remote"),
        ("HM Treasury - London SW1A 2HQ (Hybrid: minimum 60% of time in the office)", "hybrid"),
        ("Hybrid: 3 days a week in our Boston office.", "hybrid"),
        # a sentence of terms with more sentences after it on the line
        ("Full time, on-site. Minimum 3 years bookkeeping experience.", "onsite"),
        ("Contract / remote. Start ASAP.", "remote"),
    ],
)
def test_workplace_labels_inside_a_line(text: str, value: str) -> None:
    found = workplace.from_text(text)
    assert found is not None and found[0] == value


@pytest.mark.parametrize(
    "text",
    [
        "Great team. Work location: Pune. Apply now.",  # a place, not an arrangement
        "Acme Robotics (Remote: No)",
        "We build apps (iOS, Android, hybrid).",
        "Free lunch, parking, on-site. Great team.",  # not a sentence of terms
    ],
)
def test_inline_labels_without_an_arrangement(text: str) -> None:
    assert workplace.from_text(text) is None


# --- title -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "cleaned"),
    [
        ("Care Assistant (Part-Time, Nights)", "Care Assistant (Nights)"),
        ("Driver (Part Time / Weekends)", "Driver (Weekends)"),
        ("Nurse (Full-Time)", "Nurse"),
        ("Chef (Nights)", "Chef (Nights)"),
        ("Senior Backend Developer (6+ Years Experience)", "Senior Backend Developer"),
    ],
)
def test_title_keeps_what_the_brackets_say_about_the_job(raw: str, cleaned: str) -> None:
    assert title.clean(raw) == cleaned


@pytest.mark.parametrize(
    ("raw", "level"),
    [("Store Manager", "manager"), ("Site Manager", "manager"), ("Ward Manager", "manager")],
)
def test_managers_of_a_place_are_managers(raw: str, level: str) -> None:
    found = title.seniority(raw)
    assert found is not None and found[0] == level


@pytest.mark.parametrize("raw", ["Account Manager", "Product Manager", "Website Manager"])
def test_manager_as_a_function_states_no_level(raw: str) -> None:
    assert title.seniority(raw) is None
