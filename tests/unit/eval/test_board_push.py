"""What the evaluation hands the pipeline for each source format (hand-written raw objects)."""

from __future__ import annotations

from typing import Any

import pytest

from jobstream.eval_input import NATIVE_FORMATS, board_push, pipeline_record

CASES: list[tuple[str, Any, dict[str, str]]] = [
    (
        "jobspy_csv_indeed",
        {"title": "Barista", "company": "Bean Co", "location": "Leeds, ENG, GB",
         "description": "Make **coffee**.", "job_type": "parttime"},
        {"title": "Barista", "company": "Bean Co", "location": "Leeds, ENG, GB",
         "description": "Make **coffee**."},
    ),
    (
        "hh_api_vacancy_full",
        {"name": "Повар", "employer": {"name": "Кафе"}, "area": {"name": "Казань"},
         "description": "<p>Готовить</p>", "salary": {"from": 1, "to": 2}},
        {"title": "Повар", "company": "Кафе", "location": "Казань",
         "description": "<p>Готовить</p>"},
    ),
    (
        "hh_api_search_item",
        {"name": "Курьер", "employer": {"name": "Доставка"}, "area": {"name": "Омск"},
         "snippet": {"requirement": "Велосипед.", "responsibility": None}},
        {"title": "Курьер", "company": "Доставка", "location": "Омск",
         "description": "Велосипед."},
    ),
    (
        "greenhouse_job_board_api",
        {"title": "Chemist", "company_name": "Lab Inc", "location": {"name": "Basel"},
         "content": "&lt;p&gt;Mix &amp;amp; test&lt;/p&gt;"},
        {"title": "Chemist", "company": "Lab Inc", "location": "Basel",
         "description": "<p>Mix &amp; test</p>"},
    ),
    (
        "ashby_posting_api",
        {"title": "Pilot", "location": "Oslo", "descriptionHtml": "<p>Fly</p>",
         "employmentType": "FullTime"},
        {"title": "Pilot", "location": "Oslo", "description": "<p>Fly</p>"},
    ),
    (
        "smartrecruiters_postings_api_list",
        {"name": "Driver", "company": {"name": "Trux"},
         "location": {"city": "Lyon", "region": "", "country": "fr"}},
        {"title": "Driver", "company": "Trux", "location": "Lyon, fr"},
    ),
    (
        "workable_widget_api",
        {"title": "Tutor", "city": "", "country": "Spain", "telecommuting": True},
        {"title": "Tutor", "location": "Spain"},
    ),
    (
        "nofluffjobs_api_search",
        {"title": "Tester", "name": "QA House",
         "location": {"places": [{"city": "Łódź", "country": {"code": "POL", "name": "Poland"}},
                                 {"city": "Remote"}]}},
        {"title": "Tester", "company": "QA House", "location": "Łódź, Poland"},
    ),
    (
        "rocketjobs_api_list",
        {"title": "Nurse", "companyName": "Clinic", "city": "Poznań"},
        {"title": "Nurse", "company": "Clinic", "location": "Poznań"},
    ),
    (
        "jobtech_search_hit",
        {"rubrik": "Snickare", "arbetsgivare": {"namn": "Trä AB"},
         "arbetsplatsadress": {"kommun": "Umeå", "land": None},
         "beskrivning": {"annonstext": "Bygga hus."}},
        {"title": "Snickare", "company": "Trä AB", "location": "Umeå", "description": "Bygga hus."},
    ),
    ("seed_text", "Title: Welder\nWeld things.", {"description": "Title: Welder\nWeld things."}),
]  # fmt: skip


@pytest.mark.parametrize(("source_format", "raw", "payload"), CASES, ids=[c[0] for c in CASES])
def test_board_push_keeps_only_what_a_board_pushes(
    source_format: str, raw: Any, payload: dict[str, str]
) -> None:
    assert board_push(source_format, raw) == payload


def test_lever_pushes_description_lists_and_additional_as_one_html() -> None:
    raw = {
        "text": "Welder",
        "categories": {"location": "Austin, TX"},
        "description": "<p>Intro</p>",
        "lists": [{"text": "You bring", "content": "<li>MIG welding</li>"}],
        "additional": "<p>Benefits</p>",
    }
    payload = board_push("lever_postings_api", raw)
    assert payload["title"] == "Welder" and payload["location"] == "Austin, TX"
    assert "company" not in payload
    body = payload["description"]
    assert (
        body.index("Intro") < body.index("You bring") < body.index("MIG") < body.index("Benefits")
    )


def test_native_mode_hands_native_formats_raw_and_maps_others_to_generic(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    raw = {"title": "Chemist", "content": "x"}
    record = {"id": "greenhouse:42", "source_format": "greenhouse_job_board_api", "raw": raw}
    assert pipeline_record(record, board=False) == {
        "source": "greenhouse", "format": "greenhouse", "payload": raw, "external_id": "42"
    }  # fmt: skip
    pushed = pipeline_record(record, board=True)
    assert pushed["format"] == "generic" and pushed["payload"]["title"] == "Chemist"
    other = {"id": "rocketjobs:7", "source_format": "rocketjobs_api_list", "raw": {"title": "Cook"}}
    assert pipeline_record(other, board=False)["format"] == "justjoin"
    listed = {"id": "nofluffjobs:x", "source_format": "nofluffjobs_api_search", "raw": raw}
    assert pipeline_record(listed, board=False)["format"] == "nofluffjobs"
    # A source jobstream has no parser of its own for goes in as what a board would push.
    monkeypatch.delitem(NATIVE_FORMATS, "rocketjobs_api_list")
    assert pipeline_record(other, board=False)["format"] == "generic"


def test_unknown_source_format_is_refused() -> None:
    with pytest.raises(ValueError, match="no board-push mapping"):
        board_push("monster_xml", {})
