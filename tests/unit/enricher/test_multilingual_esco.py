"""Business and transversal skills in Russian, German, Polish and Swedish postings map onto ESCO
concepts (scripts/data/esco_labels/*.json); names stay ESCO's English preferred labels."""

from __future__ import annotations

import pytest

from services.enricher.skills import extract_skills, tag_skills
from services.enricher.skills.taxonomy import load_taxonomy
from shared.posting import Description, NormalizedPosting

NEGOTIATE = "esco:87de6e49-ca1c-42a4-8751-5ff0b991966b"  # negotiate with stakeholders
CUSTOMER_SERVICE = "esco:15a33d76-4640-438d-ae64-fdc0c1d3eebc"
PROJECT_MANAGEMENT = "tech:project-management"  # a curated practice: one id in every language
WORK_IN_TEAMS = "esco:60c78287-22eb-4103-9c8c-28deaa460da0"
PROSPECT = "esco:6d97bf55-6fb6-4795-8282-3ef915ae0bb8"  # prospect new customers
COMPUTER_LITERACY = "esco:d15ce60f-ddab-41ce-ba56-398451b77b60"
MANAGE_STAFF = "esco:339ac029-066a-4985-9f9d-b3d7c8fea0bb"
COMMUNICATION = "esco:15d76317-c71a-4fa2-aadc-2ecc34e627b7"
ANALYTICAL = "esco:4707da90-9cfc-46ca-8de0-38a0b7bfb137"
FORKLIFT = "esco:28cb374e-6261-4133-8371-f9a5470145da"
ACTIVE_SELLING = "esco:c81c9ea3-4689-4146-9076-24dd175c69bc"
OURS = {
    NEGOTIATE,
    CUSTOMER_SERVICE,
    PROJECT_MANAGEMENT,
    WORK_IN_TEAMS,
    PROSPECT,
    COMPUTER_LITERACY,
    MANAGE_STAFF,
    COMMUNICATION,
    ANALYTICAL,
    FORKLIFT,
    ACTIVE_SELLING,
}


def skill_ids(text: str) -> set[str]:
    posting = NormalizedPosting(description=Description(text=text))
    return {s.id for s in extract_skills(posting)}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Требования: опыт ведения переговоров с поставщиками, уверенный пользователь ПК, "
            "умение работать в команде, грамотная речь. Обязанности: поиск и привлечение "
            "клиентов, управление проектами.",
            {
                NEGOTIATE,
                COMPUTER_LITERACY,
                WORK_IN_TEAMS,
                COMMUNICATION,
                PROSPECT,
                PROJECT_MANAGEMENT,
            },
        ),
        (
            "Ihr Profil: Erfahrung im Projektmanagement, Verhandlungsgeschick, Teamfähigkeit "
            "und analytisches Denkvermögen; Erfahrung in der Kundenbetreuung und Kaltakquise.",
            {PROJECT_MANAGEMENT, NEGOTIATE, WORK_IN_TEAMS, ANALYTICAL, CUSTOMER_SERVICE, PROSPECT},
        ),
        (
            "Wymagania: doświadczenie w obsłudze klienta, umiejętność pracy w zespole, "
            "zarządzanie projektami, prowadzenie negocjacji, uprawnienia na wózki widłowe.",
            {CUSTOMER_SERVICE, WORK_IN_TEAMS, PROJECT_MANAGEMENT, NEGOTIATE, FORKLIFT},
        ),
        (
            "Vi söker dig med erfarenhet av projektledning och kundservice. Du har god "
            "samarbetsförmåga, förhandlingsvana och personalansvar sedan tidigare.",
            {PROJECT_MANAGEMENT, CUSTOMER_SERVICE, WORK_IN_TEAMS, NEGOTIATE, MANAGE_STAFF},
        ),
    ],
    ids=["ru", "de", "pl", "sv"],
)
def test_requirements_yield_esco_skills(text: str, expected: set[str]) -> None:
    assert expected <= skill_ids(text)


def test_name_stays_english_and_evidence_keeps_the_original() -> None:
    posting = NormalizedPosting(description=Description(text="Навыки: ведение переговоров."))
    (skill,) = [s for s in extract_skills(posting) if s.id == NEGOTIATE]
    assert skill.name == "negotiate with stakeholders"
    assert skill.esco_uri == "http://data.europa.eu/esco/skill/" + NEGOTIATE.removeprefix("esco:")
    assert "ведение переговоров" in skill.evidence


@pytest.mark.parametrize(
    ("tag", "skill_id"),
    [
        ("Ведение переговоров", NEGOTIATE),
        ("Активные продажи", ACTIVE_SELLING),
        ("Пользователь ПК", COMPUTER_LITERACY),
        ("Projektmanagement", PROJECT_MANAGEMENT),
        ("obsługa klienta", CUSTOMER_SERVICE),
        ("samarbetsförmåga", WORK_IN_TEAMS),
    ],
)
def test_employer_tags_map_to_the_same_concept(tag: str, skill_id: str) -> None:
    skills = tag_skills(tag, load_taxonomy())
    assert [s.id for s in skills] == [skill_id]
    assert skills[0].evidence == tag


@pytest.mark.parametrize(
    "text",
    [
        "Мы расширяем отдел продаж и отдел активных продаж. Компания основана в 1998 году.",
        "Условия: работа в команде профессионалов, корпоративные обеды, без холодных звонков.",
        "Устали от поиска клиентов? У нас только входящие заявки.",
        "Unser Vertrieb wächst. Gemeinsames Mittagessen mit dem Team, seit 1950 am Markt.",
        "Oferujemy: pracę w zespole profesjonalistów, wspólne lunche, firma istnieje od 1990 r.",
        "Vi erbjuder gemensam lunch med teamet. Företaget grundades 1920 och har en säljavdelning.",
    ],
)
def test_company_prose_yields_none_of_them(text: str) -> None:
    assert not OURS & skill_ids(text)
