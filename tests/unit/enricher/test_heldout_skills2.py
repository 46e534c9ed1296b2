"""Skills on a second held-out pass: tools of non-tech trades, QA/security/game/ERP names,
list words of Romance languages and Dutch, years and "nice to have" in Spanish, French and
Dutch, and ordinary words that a lower-case list must not swallow."""

from __future__ import annotations

import pytest

from services.enricher.skills import TAXONOMY_VERSION, extract_skills
from services.enricher.skills.taxonomy import load_taxonomy
from shared.posting import Description, NormalizedPosting, Skill


def skills(text: str, title: str | None = None) -> dict[str, Skill]:
    posting = NormalizedPosting(title=title, description=Description(text=text))
    return {s.name: s for s in extract_skills(posting)}


def test_the_taxonomy_carries_the_new_version() -> None:
    assert TAXONOMY_VERSION.endswith(".4")
    assert load_taxonomy().version == TAXONOMY_VERSION


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("- Semgrep, Burp Suite, OWASP ZAP", {"Semgrep", "Burp Suite"}),
        ("- MITRE ATT&CK, CrowdStrike Falcon", {"MITRE ATT&CK"}),
        ("- Apex, SOQL, Copado or Gearset", {"SOQL", "Copado", "Gearset"}),
        ("- X++ development, AX 2012", {"X++"}),
        ("- ABAP OO, ABAP Core Data Services", {"ABAP CDS"}),
        ("- IDocs and BAPIs", {"IDoc", "BAPI"}),
        ("- Google Ads, LinkedIn Ads, Semrush or Ahrefs", {"LinkedIn Ads", "Semrush", "Ahrefs"}),
        ("- Revit, Navisworks, BIMcollab; ISO 19650", {"BIMcollab", "ISO 19650"}),
        ("- GD&T, FEA with ANSYS", {"GD&T", "Finite element analysis"}),
        ("- FreeRTOS or embOS, JTAG debugging", {"embOS", "JTAG"}),
        ("- Linux performance tooling (perf, eBPF)", {"eBPF", "perf"}),
        ("- Core Data, CloudKit", {"Core Data", "CloudKit"}),
        (
            "- Unity Ads, AdMob, ironSource; PlayFab",
            {"Unity Ads", "AdMob", "ironSource", "PlayFab"},
        ),
        ("- Unit tests with Unity/Ceedling", {"Ceedling", "Unity"}),
        ("Nice to have: Ray, Triton Inference Server", {"Ray framework"}),
        ("- Charting in Epic (Cerner experience accepted)", {"Epic Systems", "Cerner"}),
        ("- Incoterms 2020, customs documentation", {"Incoterms"}),
        ("- OSCP, CRTO or CKA", {"CRTO", "CKA"}),
        ("- Selenide, REST Assured; BrowserStack", {"Selenide", "BrowserStack"}),
        ("- Checkov, tfsec", {"Checkov", "tfsec"}),
        ("- опыт автоматизации тестирования от 3 лет", {"Automation testing"}),
    ],
)
def test_names_added_in_the_second_pass_are_found(text: str, expected: set[str]) -> None:
    assert expected <= set(skills(text))


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        ("We had an epic quarter and shipped every story.", "Epic Systems"),
        ("Our trailer was built with Unreal Engine 5 by Epic Games.", "Epic Systems"),
        ("Ray tracing, Vulkan and DirectX 12.", "Ray framework"),
        ("Ray will onboard you in your first week.", "Ray framework"),
        ("The expo in May is where we meet customers.", "Expo"),
        ("Our clients want pest control on a weekly schedule.", "Pest"),
        ("Tools for dovetail joints and a router table.", "Dovetail"),
        ("You'll make our shell scripts less fragile.", "Less CSS"),
        ("Word of mouth brings us most customers.", "Microsoft Word"),
        ("- ROS 2 weeks of onboarding", "ROS"),
    ],
)
def test_ordinary_words_stay_words(text: str, absent: str) -> None:
    assert absent not in skills(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("- Experiência com Flutter e Dart", {"Flutter", "Dart"}),
        ("- Conhecimento em Kotlin ou Swift", {"Kotlin", "Swift"}),
        ("- Kennis van Angular of React en Go", {"Angular", "React", "Go"}),
        ("- Conocimientos de Python y Go", {"Python", "Go"}),
        ("- python, linux, less", {"Python", "Linux", "Less CSS"}),
        ("опыт работы с bash, linux;", {"Bash", "Linux"}),
        ("Understanding of Scrum and Kanban.", {"Scrum"}),
        ("Some R knowledge helps.", {"R"}),
        ("Dynamo scripting is a bonus.", {"Dynamo"}),
        ("Bonus\n- ROS 2", {"ROS"}),
        ("- Word, Excel and PowerPoint", {"Microsoft Word", "Microsoft Excel"}),
    ],
)
def test_context_names_in_other_languages_lists_and_cues(text: str, expected: set[str]) -> None:
    assert expected <= set(skills(text))


def test_the_kotlin_dsl_of_gradle_is_no_groovy() -> None:
    found = skills("- Gradle (Kotlin DSL)")
    assert "Gradle" in found
    assert "Groovy DSL" not in found


def test_an_english_of_between_words_is_no_list() -> None:
    assert "Go" not in skills("A mix of Go-getters and planners.")


@pytest.mark.parametrize(
    ("text", "name", "years"),
    [
        ("- Al menos 3 años de experiencia con Python", "Python", 3.0),
        ("- Minimaal 4 jaar ervaring met Java", "Java", 4.0),
        ("- 5 ans d'expérience en Java", "Java", 5.0),
        ("- 2 anos de experiência com Kotlin", "Kotlin", 2.0),
    ],
)
def test_years_in_spanish_dutch_french_portuguese(text: str, name: str, years: float) -> None:
    assert skills(text)[name].min_years == years


def test_years_in_other_words_stay_unattached() -> None:
    assert skills("- Hace 3 años migramos a Python")["Python"].min_years is None


@pytest.mark.parametrize(
    "text",
    [
        "Requisitos\n- Docker\nSe valorará\n- Terraform",
        "Profil\n- Docker\nUn plus : Terraform",
        "Requisitos\n- Docker\nDiferenciais\n- Terraform",
        "- Docker\n- Terraform is een pluspunt",
    ],
)
def test_nice_to_have_in_spanish_french_portuguese_dutch(text: str) -> None:
    found = skills(text)
    assert found["Docker"].required
    assert not found["Terraform"].required


def test_a_pre_requisite_is_no_marker() -> None:
    assert skills("- Pré-requisito: Docker")["Docker"].required


def test_a_technology_named_like_an_esco_concept_is_one_skill() -> None:
    found = extract_skills(
        NormalizedPosting(title=None, description=Description(text="- Unreal Engine 4/5"))
    )
    unreal = [s for s in found if s.name == "Unreal Engine"]
    assert len(unreal) == 1
    assert unreal[0].id == "tech:unreal-engine"
    assert unreal[0].esco_uri is not None
