"""text / markdown: the two seed postings and the artifacts they carry."""

from pathlib import Path

import pytest

from services.normalizer.formats import parse
from shared.errors import InvalidPayload, UnsupportedFormat

SEEDS = Path(__file__).parents[2] / "data" / "seeds"


def seed(name: str) -> str:
    return (SEEDS / f"{name}.txt").read_text(encoding="utf-8")


def test_mumbai_seed_labels_become_hints() -> None:
    posting = parse("text", seed("senior-backend-engineer-mumbai"))
    assert posting.title == "Senior Backend Engineer"
    assert posting.locations == ["Mumbai"]
    assert posting.experience == "5-10 Years"
    assert posting.employment_type == ["Full-Time"]
    assert posting.department == "Engineering - Backend Development"
    assert posting.hint_fields["locations"] == "text:Location"
    assert posting.hint_fields["experience"] == "text:Experience Required"


def test_mumbai_seed_run_in_values_are_split_into_items() -> None:
    posting = parse("text", seed("senior-backend-engineer-mumbai"))
    items = [item for s in posting.description.sections for item in s.items]
    assert any(item.startswith("Express.js : Strong expertise") for item in items)
    assert any(item.startswith("Redis : Experience with caching") for item in items)
    assert any(item.startswith("WebSocket : ") for item in items)
    assert "developmentExpress.js" not in posting.description.text
    headings = {s.heading: s.kind for s in posting.description.sections}
    assert headings["Cloud & Infrastructure"] == "requirements"
    assert headings["Key Responsibilities"] == "responsibilities"
    assert headings["About the Role"] == "summary"


def test_product_company_seed_markdown_escapes_are_removed() -> None:
    posting = parse("markdown", seed("senior-backend-developer-product-company"))
    assert posting.title == "Senior Backend Developer"
    assert posting.locations == []
    assert "locations" not in posting.hint_fields
    assert posting.experience == "6+ Years"
    assert posting.employment_type == ["Full-Time"]
    text = posting.description.text
    assert "\\" not in text and "*" not in text
    assert "Product-Based Company" in text
    kinds = {s.heading: s.kind for s in posting.description.sections}
    assert kinds["Role Overview"] == "summary"
    assert kinds["Required Qualifications"] == "requirements"
    assert kinds["Preferred Qualifications"] == "preferred"


def test_title_falls_back_to_first_line() -> None:
    posting = parse("text", "Data Engineer\nWe build pipelines.\nRequirements\n- Python\n- SQL")
    assert posting.title == "Data Engineer"
    requirements = [s for s in posting.description.sections if s.kind == "requirements"]
    assert requirements[0].items == ["Python", "SQL"]


def test_markdown_headings_links_and_bullets() -> None:
    payload = (
        "# Platform Engineer\n\n**Location:** Berlin\n\n## What you'll do\n"
        "* Run [Kubernetes](https://kubernetes.io) clusters\n* Keep `terraform` tidy\n"
        "## Benefits\n1. Remote days\n"
    )
    posting = parse("markdown", payload)
    assert posting.title == "Platform Engineer"
    assert posting.locations == ["Berlin"]
    sections = {s.kind: s.items for s in posting.description.sections}
    assert sections["responsibilities"] == ["Run Kubernetes clusters", "Keep terraform tidy"]
    assert sections["benefits"] == ["Remote days"]


def test_multilingual_label_lines() -> None:
    posting = parse("text", "Backend-Entwickler\nStandort: Hamburg\nAnforderungen\n- Go")
    assert posting.locations == ["Hamburg"]
    assert posting.hint_fields["locations"] == "text:Standort"
    assert posting.description.sections[-1].kind == "requirements"


def test_label_in_text_does_not_override_structured_value() -> None:
    posting = parse(
        "generic", {"title": "QA", "location": "Oslo", "description": "Location: Bergen"}
    )
    assert posting.locations == ["Oslo"]
    assert posting.hint_fields["locations"] == "location"


@pytest.mark.parametrize("payload", ["", "   \n", 42, None])
def test_unusable_text_payload_is_rejected(payload: object) -> None:
    with pytest.raises(InvalidPayload):
        parse("text", payload)


def test_unknown_format_name() -> None:
    with pytest.raises(UnsupportedFormat):
        parse("docx", "whatever")


def test_no_title_is_guessed_from_prose() -> None:
    posting = parse("text", "About the Role\nWe need a cook for our kitchen.\nLine Cook\n")
    assert posting.title is None
