"""Skills on postings written for a held-out pass: vendor lists, name-only bullets, other
languages, ordinary words in prose and "nice to have" clauses."""

from __future__ import annotations

import pytest

from services.enricher.skills import extract_skills
from shared.posting import Description, NormalizedPosting, Skill


def skills(text: str, title: str | None = None) -> dict[str, Skill]:
    posting = NormalizedPosting(title=title, description=Description(text=text))
    return {s.name: s for s in extract_skills(posting)}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Requirements:\n- AWS (EC2, S3, IAM, VPC)",
            {"Amazon Web Services", "Amazon EC2", "Amazon S3", "AWS IAM", "Amazon VPC"},
        ),
        (
            "We use AWS: ECS, DynamoDB, SQS/SNS.",
            {"Amazon Web Services", "Amazon ECS", "Amazon SNS"},
        ),
        (
            "Требования:\n- Spring (Boot, Data, Security), Hibernate",
            {"Spring Framework", "Spring Boot", "Spring Data", "Spring Security", "Hibernate"},
        ),
        (
            "- Azure (App Service, Functions, Service Bus)",
            {"Microsoft Azure", "Azure App Service", "Azure Functions", "Azure Service Bus"},
        ),
        ("- Azure (Data Factory, Synapse)", {"Azure Data Factory", "Azure Synapse Analytics"}),
    ],
)
def test_a_vendor_before_a_list_of_its_services_keeps_both(text: str, expected: set[str]) -> None:
    assert expected <= set(skills(text))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Requirements\n- Dagger/Hilt, Retrofit, Room", {"Dagger", "Retrofit", "Room"}),
        ("Wymagania:\n- Core Data lub Realm", {"Core Data", "Realm"}),
        ("Das bringst du mit\n- Vue.js 3 und Nuxt", {"Vue.js", "Nuxt.js"}),
        ("- API-Tests mit Postman bzw. REST Assured", {"Postman", "REST Assured"}),
        ("- Combine, async/await", {"Combine framework"}),
        ("- State management: Bloc, Riverpod or Provider", {"BLoC", "Riverpod"}),
        ("Chef and Puppet for configuration management.", {"Chef", "Puppet"}),
        ("Bonus points\n- Julia or R for statistics", {"Julia language", "R"}),
        ("- Distributed consensus (Raft, Paxos)", {"Raft", "Paxos"}),
    ],
)
def test_ambiguous_names_count_in_a_list_of_names(text: str, expected: set[str]) -> None:
    assert expected <= set(skills(text))


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("- min. 3 lata doświadczenia w programowaniu w Swift", "Swift"),
        ("- опыт разработки на Go от 3 лет", "Go"),
        ("- Excel на продвинутом уровне", "Microsoft Excel"),
        ("- Goda kunskaper i Rust", "Rust"),
        ("- Menu costing in Excel", "Microsoft Excel"),
        ("- Strong Go skills", "Go"),
        ("- A/B тестирование", "A/B testing"),
        ("- разработка и поддержка микросервисов на Java", "Microservices"),
        ("- MVVM / Clean Architecture, MockK", "MVVM"),
        ("- Publishing apps on Google Play", "Google Play"),
        ("- Experience with ARM Cortex-M", "ARM Cortex-M"),
        ("- Kenntnisse in SPS (Siemens S7 / TIA Portal)", "TIA Portal"),
        ("- Tidyverse, ggplot2 and PyMC", "PyMC"),
        ("- Knowledge of IFRS and UK GAAP", "international financial reporting standards"),
        ("- Knowledge of HACCP and food safety", "apply HACCP"),
        ("- BLS and ACLS certification", "resuscitation"),
        ("- знание 1С и CRM", "use customer relationship management software"),
        ("- User research and usability testing", "measure software usability"),
    ],
)
def test_names_and_phrasings_real_postings_use(text: str, name: str) -> None:
    assert name in skills(text)


@pytest.mark.parametrize(
    ("title", "text", "absent"),
    [
        ("Chef", "Join our kitchen team.", "Chef"),
        (None, "- 5 years experience as Head Chef or Sous Chef", "Chef"),
        (None, "Our people excel at client service.", "Microsoft Excel"),
        (None, "Excel at building relationships with customers.", "Microsoft Excel"),
        (None, "Where You'll Excel\nOwning the roadmap.", "Microsoft Excel"),
        (
            None,
            "We react quickly to user feedback.",
            "react to events in time-critical environments",
        ),
        (None, "- ECS/CSCS card\n- Full UK driving licence", "Amazon ECS"),
        (None, "Reporting to Julia, our Head of Treasury.", "Julia language"),
        (None, "We don't do kafkaesque processes and value swift decisions.", "Swift"),
        (None, "Ruby, our office dog, will greet you every morning.", "Ruby"),
        (None, "We spring into action when customers need us.", "Spring Framework"),
        (None, "We go the extra mile; the go-to person for storage is you.", "Go"),
        (None, "Grade C or higher in A-level Mathematics.", "C"),
        (None, "Combine your passion for food with a career.", "Combine framework"),
        (None, "A room with a view and a raft of benefits.", "Room"),
    ],
)
def test_ordinary_words_stay_words(title: str | None, text: str, absent: str) -> None:
    assert absent not in skills(text, title)


def test_a_role_word_in_the_title_cues_a_language() -> None:
    assert "Go" in skills("We build payment rails.", title="Senior Backend Engineer (Go)")


def test_years_go_to_the_skill_they_lead_to() -> None:
    found = skills("- 5+ years of backend development, at least 3 years with Go")
    assert found["Go"].min_years == 3
    assert found["Backend development"].min_years == 5


def test_years_writing_a_language() -> None:
    assert skills("- 3+ years writing Go in production")["Go"].min_years == 3


@pytest.mark.parametrize(
    ("text", "required", "preferred"),
    [
        ("- Advanced Excel and Power Query; VBA is a plus", {"Microsoft Excel"}, {"VBA"}),
        ("- BLS certification required; PALS preferred", {"resuscitation"}, set()),
        ("Nice to have: Swift or Kotlin; CI with Codemagic.", set(), {"Swift", "Codemagic"}),
        ("Services in Go and Python. Rust is a nice to have.", {"Go"}, {"Rust"}),
    ],
)
def test_a_marker_covers_its_own_clause(text: str, required: set[str], preferred: set[str]) -> None:
    found = skills(text)
    assert {n for n in required if found[n].required} == required
    assert {n for n in preferred if not found[n].required} == preferred


def test_a_list_of_words_split_by_semicolons_stays_a_list() -> None:
    found = skills("- Testing with Jest and React Testing Library; Cypress or Playwright for E2E")
    assert {"Jest", "Cypress", "Playwright"} <= set(found)


def test_an_abbreviation_does_not_end_the_sentence_or_its_marker() -> None:
    found = skills("Nice to have: cloud platforms, e.g. AWS or GCP")
    assert not found["Amazon Web Services"].required
    assert not found["Google Cloud Platform"].required
