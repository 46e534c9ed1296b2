"""Generic business skills that Russian, Polish, German and Swedish boards tag ("Продажи",
"Ведение переговоров", "Sprzedaż", "Vertrieb", "Försäljning") and descriptions say in their own
inflections map onto ESCO concepts (scripts/data/esco_labels/*.json). A word that is ordinary prose
in a description ("продажи компании выросли") counts only as an employer tag ("tag_only")."""

from __future__ import annotations

import pytest

from services.enricher.skills import extract_skills, tag_skills
from services.enricher.skills.taxonomy import load_taxonomy
from shared.posting import Description, NormalizedPosting

SELL = "esco:29a50780-f81b-429c-b410-7f23a492e19d"  # sell products
NEGOTIATE = "esco:87de6e49-ca1c-42a4-8751-5ff0b991966b"  # negotiate with stakeholders
CONTRACTS = "esco:92721092-fe7c-4689-96bd-4f02385bc0e7"  # manage contracts
TEAMS = "esco:60c78287-22eb-4103-9c8c-28deaa460da0"  # work in teams
ENGLISH = "esco:6d3edede-8951-4621-a835-e04323300fa0"  # English
GERMAN = "esco:4812a4ea-dc55-4dc6-b9b0-4a59bba2c647"  # German
SWEDISH = "esco:7ee51257-8947-4b69-9bdf-322baf0a6398"  # Swedish
CUSTOMERS = "esco:2239694b-771a-4586-8b54-2794e361a9ae"  # maintain relationship with customers
LOGISTICS = "esco:e843973c-23dd-416a-8a9c-9e89512542fb"  # logistics
PURCHASING = "esco:650f44e2-cb4c-41ba-9095-581fe6bea4b1"  # coordinate purchasing activities
ACCOUNTING = "esco:ecc18804-a466-40d9-98b4-fba5cd67dd4b"  # accounting
STATEMENTS = "esco:4a460161-eaea-4fe2-bd0e-164ccc635be1"  # financial statements
DOCUMENTS = "esco:ea1bf5e5-e7f0-4d2c-a415-1c39c00512b1"  # document management
RESPONSIBILITY = "esco:199f7919-5114-41b6-b6a5-41e0e4896ec1"  # show responsibility
ARCHITECTURE = "esco:80c042de-bc1a-4d78-b266-35bc80ba3093"  # architectural design
SOCIAL_MEDIA = "esco:64e09849-a7db-4d6b-a932-66264420eb97"  # apply social media marketing


def ids_of(text: str) -> set[str]:
    posting = NormalizedPosting(description=Description(text=text))
    return {s.id for s in extract_skills(posting)}


def tag_ids(tag: str) -> set[str]:
    return {s.id for s in tag_skills(tag, load_taxonomy())}


def name_of(skill_id: str) -> str:
    return next(s.name for s in load_taxonomy().skills if s.id == skill_id)


def test_constants_are_the_esco_concepts() -> None:
    assert name_of(SELL) == "sell products"
    assert name_of(CUSTOMERS) == "maintain relationship with customers"
    assert name_of(PURCHASING) == "coordinate purchasing activities"
    assert name_of(ENGLISH) == "English"


@pytest.mark.parametrize(
    ("tag", "expected"),
    [
        ("Продажи", {SELL}),
        ("B2B продажи", {SELL}),
        ("Ведение переговоров", {NEGOTIATE}),
        ("Переговоры", {NEGOTIATE}),
        ("Продажи, переговоры", {SELL, NEGOTIATE}),
        ("Заключение договоров", {CONTRACTS}),
        ("Работа в команде", {TEAMS}),
        ("Работа с клиентами", {CUSTOMERS}),
        ("Английский язык", {ENGLISH}),
        ("Логистика", {LOGISTICS}),
        ("Закупки", {PURCHASING}),
        ("Первичная документация", {ACCOUNTING}),
        ("Бухгалтерская отчетность", {STATEMENTS}),
        ("Документооборот", {DOCUMENTS}),
        ("Ответственность", {RESPONSIBILITY}),
        ("Архитектурное проектирование", {ARCHITECTURE}),
        ("SMM", {SOCIAL_MEDIA}),
        ("Sprzedaż", {SELL}),
        ("Negocjacje", {NEGOTIATE}),
        ("Praca w zespole", {TEAMS}),
        ("Język angielski", {ENGLISH}),
        ("Vertrieb", {SELL}),
        ("Einkauf", {PURCHASING}),
        ("Englisch", {ENGLISH}),
        ("Försäljning", {SELL}),
        ("Engelska", {ENGLISH}),
        ("Svenska", {SWEDISH}),
        ("Logistik", {LOGISTICS}),
    ],
)
def test_tags(tag: str, expected: set[str]) -> None:
    assert tag_ids(tag) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Требования: опыт продаж от года, умение вести переговоры с клиентами и заключать "
            "договоры, знание английского языка.",
            {SELL, NEGOTIATE, CONTRACTS, ENGLISH},
        ),
        (
            "Обязанности: работа с клиентской базой, прямые продажи оборудования, ведение "
            "первичной документации, составление договоров.",
            {CUSTOMERS, SELL, ACCOUNTING, CONTRACTS},
        ),
        (
            "Мы ждём: опыт работы в закупках, знание логистики, командный игрок.",
            {PURCHASING, LOGISTICS, TEAMS},
        ),
        (
            "Wymagania: doświadczenie w sprzedaży B2B, znajomość języka angielskiego, "
            "umiejętności negocjacyjne.",
            {SELL, ENGLISH, NEGOTIATE},
        ),
        (
            "Ihr Profil: Vertriebserfahrung im B2B, Verhandlungen mit Kunden, sehr gute "
            "Englischkenntnisse, Sie sind ein Teamplayer.",
            {SELL, NEGOTIATE, ENGLISH, TEAMS},
        ),
        (
            "Vi söker dig med erfarenhet av försäljning som talar svenska i tal och skrift och "
            "är en teamspelare.",
            {SELL, SWEDISH, TEAMS},
        ),
    ],
)
def test_descriptions(text: str, expected: set[str]) -> None:
    assert expected <= ids_of(text)


@pytest.mark.parametrize(
    "text",
    [
        "О компании: продажи компании выросли вдвое в 2023 году, продажа бизнеса завершена.",
        "Работа в команде профессионалов, дружный коллектив, бесплатные курсы английского языка.",
        "Оформление: заключение договора ГПХ. Настоящий договор оферты не является публичной "
        "офертой.",
        "Мы крупная логистика и закупки для ресторанов; ответственность за качество — наша.",
        "Sprzedaż naszych produktów rośnie, praca w zespole, logistyka po naszej stronie.",
        "Unser Vertrieb und Einkauf sitzen in Hamburg; Verkauf an Endkunden über Händler.",
        "Vår försäljning växer och vi tar socialt ansvarstagande på allvar.",
    ],
)
def test_prose_gives_no_business_skill(text: str) -> None:
    ours = {
        SELL,
        NEGOTIATE,
        CONTRACTS,
        TEAMS,
        ENGLISH,
        LOGISTICS,
        PURCHASING,
        RESPONSIBILITY,
    }
    assert not ids_of(text) & ours
