"""The matcher's spelling, list and ambiguity rules, and postings in other languages."""

from __future__ import annotations

import pytest

from services.enricher.skills import extract_skills
from services.enricher.skills.taxonomy import load_taxonomy
from services.enricher.skills.textnorm import normalize
from shared.posting import Description, NormalizedPosting


def names(text: str, title: str | None = None) -> set[str]:
    posting = NormalizedPosting(title=title, description=Description(text=text))
    return {s.name for s in extract_skills(posting)}


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("We use NodeJS daily.", "Node.js"),
        ("We use Node.js daily.", "Node.js"),
        ("We use node js daily.", "Node.js"),
        ("Hosted on GCP.", "Google Cloud Platform"),
        ("Hosted on Google Cloud Platform.", "Google Cloud Platform"),
        ("Events flow through Pub/Sub.", "Google Cloud Pub/Sub"),
        ("Events flow through Pub / Sub.", "Google Cloud Pub/Sub"),
        ("We run k8s in production.", "Kubernetes"),
        ("We run Kubernetes in production.", "Kubernetes"),
        ("Services are written in C#.", "C#"),
        ("Services are written in C++.", "C++"),
        ("Services are written in F#.", "F#"),
        ("Services run on .NET and ASP.NET Core.", ".NET"),
        ("Services run on .NET and ASP.NET Core.", "ASP.NET Core"),
        ("You own our CI / CD.", "CI/CD"),
        ("You own our CI/CD.", "CI/CD"),
        ("Strong Postgres skills.", "PostgreSQL"),
        ("Experience with JavaScript (ES6+).", "JavaScript"),
        ("Уверенное владение MSOffice.", "Microsoft Office"),
        ("Experience with neural networks.", "Neural networks"),
        ("Опыт обучения нейросетей и работы с нейронными сетями.", "Neural networks"),
        ("Erfahrung mit neuronalen Netzen.", "Neural networks"),
    ],
)
def test_aliases_and_punctuation(text: str, name: str) -> None:
    assert name in names(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Spring Boot / FastAPI / Express.js", {"Spring Boot", "FastAPI", "Express.js"}),
        ("Java, Kotlin or Scala", {"Java", "Kotlin", "Scala"}),
        ("Python, Go, Rust", {"Python", "Go", "Rust"}),
        ("Languages: C/C++ and Python", {"C", "C++", "Python"}),
        ("We write services in Golang.", {"Go"}),
        ("Statistics in R language.", {"R"}),
        ("Strong C programming skills.", {"C"}),
        ("Go developer wanted.", {"Go"}),
        ("Experience with Spring and Hibernate.", {"Spring Framework", "Hibernate"}),
        ("Backends with Express, MongoDB and Redis.", {"Express.js", "MongoDB", "Redis"}),
        ("Mobile apps in Swift and Kotlin.", {"Swift", "Kotlin"}),
        ("Frontend in Elm, TypeScript.", {"Elm", "TypeScript"}),
        ("Flutter and Dart for mobile.", {"Flutter", "Dart"}),
        ("Знание Rhino и Grasshopper.", {"Rhinoceros 3D", "Grasshopper"}),
        ("Уверенное владение Go.", {"Go"}),
        ("Dobra znajomość Rust.", {"Rust"}),
        ("Administering Linux and Windows servers.", {"Linux", "Microsoft Windows"}),
        ("Базовые знания операционных систем Linux и Windows.", {"Microsoft Windows"}),
        ("Знание ГОСТ, СНиП, AutoCAD.", {"GOST standards", "SNiP building codes", "AutoCAD"}),
    ],
)
def test_ambiguous_names_count_in_tech_context(text: str, expected: set[str]) -> None:
    assert expected <= names(text)


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        ("Go the extra mile for our customers.", "Go"),
        ("We are ready to go live next week.", "Go"),
        ("Grade C or above in mathematics.", "C"),
        ("Plan A, plan B, plan C.", "C"),
        ("R&D department, Python.", "R"),
        ("Please express your interest by email.", "Express.js"),
        ("Express your ideas clearly.", "Express.js"),
        ("Remove rust from metal parts.", "Rust"),
        ("A swift response to customer requests.", "Swift"),
        ("Our spring offsite is in May.", "Spring Framework"),
        ("Spring is our busiest season.", "Spring Framework"),
        ("Ruby is our office dog.", "Ruby"),
        ("Play darts on Fridays; the dart board is in the lobby.", "Dart"),
        ("An elm tree shades the parking lot.", "Elm"),
        ("Must be able to lift a flask of 5 litres.", "Flask"),
        ("Wear latex gloves at all times.", "LaTeX"),
        ("Registered Nurse (RN) license required.", "React Native"),
        ("Top secret clearance (TS/SCI) required.", "TypeScript"),
        ("The agenda for the day, and a bull market.", "Agenda"),
        ("Знание Go-to-market стратегий.", "Go"),
        ("Experience with Go-to-market strategy.", "Go"),
        ("Go-live support and hypercare; experience with Go-live cutovers.", "Go"),
        ("You are a go-getter with experience in sales.", "Go"),
        ("We install windows and doors; Windows of opportunity open daily.", "Microsoft Windows"),
        ("Продукция сертифицирована и соответствует ГОСТ.", "GOST standards"),
    ],
)
def test_ordinary_words_do_not_fire(text: str, absent: str) -> None:
    assert absent not in names(text)


def test_generic_esco_words_do_not_flood() -> None:
    found = names("You will communicate with the team, manage your time and be responsible.")
    assert found == set()


def test_precise_esco_skills_are_found() -> None:
    found = names("You will handle customer service and apply risk management.")
    assert {"customer service", "risk management"} <= found


def test_title_is_searched() -> None:
    assert "Go" in names("Join our platform team.", title="Senior Go Developer")


def test_russian_posting() -> None:
    text = (
        "Требования:\n"
        "- опыт работы с Python от 3 лет\n"
        "- знание PostgreSQL и Redis\n"
        "- Docker, Kubernetes\n"
        "Будет плюсом:\n"
        "- опыт с Kafka\n"
    )
    posting = NormalizedPosting(description=Description(text=text))
    skills = {s.name: s for s in extract_skills(posting)}
    assert skills["Python"].min_years == 3
    assert {"PostgreSQL", "Redis", "Docker", "Kubernetes"} <= set(skills)
    assert skills["Apache Kafka"].required is False
    assert skills["Python"].required is True


def test_swedish_posting() -> None:
    text = (
        "Vi söker en utvecklare med erfarenhet av Java och Spring Boot.\n"
        "Kunskap i AWS och Terraform.\n"
        "Erfarenhet av React är meriterande."
    )
    skills = {
        s.name: s for s in extract_skills(NormalizedPosting(description=Description(text=text)))
    }
    assert {"Java", "Spring Boot", "Amazon Web Services", "Terraform"} <= set(skills)
    assert skills["React"].required is False


def test_german_posting() -> None:
    text = (
        "Dein Profil:\n"
        "- Mindestens 3 Jahre Erfahrung mit TypeScript und Angular\n"
        "- Kenntnisse in PostgreSQL\n"
        "- Erfahrung mit Azure ist von Vorteil\n"
    )
    skills = {
        s.name: s for s in extract_skills(NormalizedPosting(description=Description(text=text)))
    }
    assert {"TypeScript", "Angular", "PostgreSQL"} <= set(skills)
    assert skills["Microsoft Azure"].required is False
    assert skills["TypeScript"].min_years == 3


def test_polish_posting() -> None:
    text = (
        "Wymagania:\n"
        "- 2 lata doświadczenia z C# i .NET\n"
        "- znajomość SQL Server\n"
        "Mile widziane:\n"
        "- Docker\n"
    )
    skills = {
        s.name: s for s in extract_skills(NormalizedPosting(description=Description(text=text)))
    }
    assert {"C#", ".NET", "Microsoft SQL Server"} <= set(skills)
    assert skills["Docker"].required is False
    assert skills["C#"].min_years == 2


def test_key_offsets_in_non_ascii_text_are_character_offsets() -> None:
    taxonomy = load_taxonomy()
    _, lower = normalize("På Åland och i Мурманск: erfarenhet av Python och Kubernetes")
    found = {lower[start : end + 1]: entry for start, end, entry in taxonomy.find(lower)}
    assert {" python ", " kubernetes "} <= set(found)
    assert taxonomy.lookup(" python ") == found[" python "]
    assert taxonomy.lookup(" python kubernetes ") is None
