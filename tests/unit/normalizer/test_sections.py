"""Heading classification and section splitting."""

import pytest

from services.normalizer.sections import build_sections, classify_heading, mark_text_headings
from services.normalizer.text import html_to_lines, text_to_lines


@pytest.mark.parametrize(
    ("heading", "kind"),
    [
        ("About the Role", "summary"),
        ("Role Overview", "summary"),
        ("About us", "about_company"),
        ("About Acme Robotics", "about_company"),
        ("Responsibilities", "responsibilities"),
        ("What you'll do", "responsibilities"),
        ("Required Skills", "requirements"),
        ("Must Have", "requirements"),
        ("What we're looking for", "requirements"),
        ("Preferred Qualifications", "preferred"),
        ("Nice to have", "preferred"),
        ("Good to Have", "preferred"),
        ("Bonus points", "preferred"),
        ("Perks & Benefits", "benefits"),
        ("What we offer", "benefits"),
        ("Требования", "requirements"),
        ("Обязанности", "responsibilities"),
        ("Условия", "benefits"),
        ("Anforderungen", "requirements"),
        ("Deine Aufgaben", "responsibilities"),
        ("Wymagania", "requirements"),
        ("Obowiązki", "responsibilities"),
        ("Kvalifikationer", "requirements"),
        ("Arbetsuppgifter", "responsibilities"),
        ("Our Culture", "other"),
    ],
)
def test_classify_heading(heading: str, kind: str) -> None:
    assert classify_heading(heading) == kind


def test_text_list_intro_items_are_not_headings() -> None:
    text = "Requirements\nExperience with frameworks such as:\nSpring Boot\nFastAPI\nDone."
    sections = build_sections(mark_text_headings(text_to_lines(text)))
    assert {s.kind for s in sections} == {"requirements"}
    assert sections[-1].items == ["Spring Boot", "FastAPI", "Done."]


def test_requirement_sentence_is_not_taken_for_a_heading() -> None:
    lines = mark_text_headings(
        text_to_lines("Requirements\nExperience with event-driven design\nGo")
    )
    assert [line.heading for line in lines] == [True, False, False]


def test_html_headings_bold_lines_and_list_items() -> None:
    lines = html_to_lines(
        "<div><h2>Обязанности</h2><ul><li>Писать код</li><li>Ревью</li></ul>"
        "<p><b>Мы предлагаем</b></p><p>ДМС &amp; спорт</p><p>This is <b>bold</b> inside.</p></div>"
    )
    sections = build_sections(lines)
    assert [(s.kind, s.items) for s in sections] == [
        ("responsibilities", ["Писать код", "Ревью"]),
        ("benefits", ["ДМС & спорт", "This is bold inside."]),
    ]


def test_unknown_sub_heading_inside_a_group_keeps_the_group_kind() -> None:
    lines = mark_text_headings(
        text_to_lines(
            "Required Skills\nCore Stack\nGo : 3+ yearsKafka : streamingCloud & Ops\nAWS : EKS"
        )
    )
    kinds = {s.heading: s.kind for s in build_sections(lines)}
    assert kinds == {
        "Required Skills": "requirements",
        "Core Stack": "requirements",
        "Cloud & Ops": "requirements",
    }


@pytest.mark.parametrize(
    ("heading", "kind"),
    [
        ("Vos missions", "responsibilities"),
        ("Profil recherché", "requirements"),
        ("Ce que nous offrons", "benefits"),
        ("Qui sommes-nous ?", "about_company"),
        ("Requisitos", "requirements"),
        ("Se valorará", "preferred"),
        ("Diferenciais", "preferred"),
        ("Cosa offriamo", "benefits"),
        ("Requisiti", "requirements"),
        ("Wat vragen wij", "requirements"),
        ("Jouw taken", "responsibilities"),
        ("Over ons", "about_company"),
    ],
)
def test_headings_in_french_spanish_italian_portuguese_and_dutch(heading: str, kind: str) -> None:
    assert classify_heading(heading) == kind


def test_a_spanish_posting_marks_its_nice_to_haves_as_preferred() -> None:
    lines = mark_text_headings(
        text_to_lines("Requisitos\nPython y Django\nSe valorará\nExperiencia con Kubernetes\n")
    )
    assert [(s.kind, s.items) for s in build_sections(lines)] == [
        ("requirements", ["Python y Django"]),
        ("preferred", ["Experiencia con Kubernetes"]),
    ]


def test_permissions_is_no_missions_heading() -> None:
    assert classify_heading("Permissions") == "other"
