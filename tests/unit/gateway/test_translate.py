"""Native Greenhouse and Ashby events as intake items: lifecycle, inline or fetch, ignored."""

import pytest

from services.gateway.intake import parse_items
from services.gateway.problems import Problem
from services.gateway.sources import Source
from services.gateway.translate import ashby, greenhouse, intake

GH = Source(name="gh", payload="greenhouse", signature="greenhouse", secrets_env="X")
GH_FETCH = GH.model_copy(
    update={"fetch_url": "https://boards-api.greenhouse.io/v1/boards/a/jobs/{id}"}
)
ASHBY = Source(name="ab", payload="ashby", signature="ashby", secrets_env="X")


def events(translated):
    items, errors = parse_items(translated.items)
    assert errors == []
    return [(i.posting_id, i.event, i.format, i.url and str(i.url)) for i in items]


def test_an_inline_greenhouse_job_post_is_passed_on_as_it_is():
    post = {"id": 5, "title": "SRE", "content": "&lt;p&gt;Go&lt;/p&gt;", "live": True}
    translated = greenhouse(GH, {"action": "job_post_created", "payload": {"job_post": post}})
    assert translated.items[0]["payload"] == post
    assert events(translated) == [("gh:5", "upsert", "greenhouse", None)]


def test_a_thin_greenhouse_event_becomes_a_fetch_of_the_board_api_or_the_page():
    thin = {
        "action": "job_post_updated",
        "payload": {"job_post": {"id": 5, "absolute_url": "https://x.example/5"}},
    }
    assert events(greenhouse(GH_FETCH, thin)) == [
        ("gh:5", "upsert", "greenhouse", "https://boards-api.greenhouse.io/v1/boards/a/jobs/5")
    ]
    assert events(greenhouse(GH, thin)) == [("gh:5", "upsert", "html", "https://x.example/5")]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ({"action": "job_post_deleted", "payload": {"job_post": {"id": 5}}}, [("gh:5", "close")]),
        (
            {"action": "job_post_updated", "payload": {"job_post": {"id": 5, "live": False}}},
            [("gh:5", "close")],
        ),
        (
            {"action": "job_deleted", "payload": {"job": {"id": 1, "job_posts": [{"id": 5}]}}},
            [("gh:5", "close")],
        ),
        (
            {
                "action": "job_updated",
                "payload": {
                    "job": {"status": "open", "job_posts": [{"id": 5}, {"id": 6, "live": False}]}
                },
            },
            [("gh:5", "upsert"), ("gh:6", "close")],
        ),
    ],
    ids=["post-deleted", "post-unpublished", "job-deleted", "job-reopened"],
)
def test_greenhouse_lifecycle(body, expected):
    assert [(p, e) for p, e, *_ in events(greenhouse(GH_FETCH, body))] == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            {
                "action": "jobPostingPublish",
                "data": {"jobPosting": {"id": "p", "descriptionPlain": "Go"}},
            },
            [("ab:p", "upsert", "ashby", None)],
        ),
        (
            {"action": "jobPostingUnpublish", "data": {"jobPosting": {"id": "p"}}},
            [("ab:p", "close", "auto", None)],
        ),
        (
            {
                "action": "jobPostingUpdate",
                "data": {"jobPosting": {"id": "p", "jobUrl": "https://jobs.ashbyhq.com/a/p"}},
            },
            [("ab:p", "upsert", "html", "https://jobs.ashbyhq.com/a/p")],
        ),
        (
            {
                "action": "jobUpdate",
                "data": {"job": {"status": "Closed", "jobPostingIds": ["p", "q"]}},
            },
            [("ab:p", "close", "auto", None), ("ab:q", "close", "auto", None)],
        ),
    ],
    ids=["publish", "unpublish", "thin-update", "job-closed"],
)
def test_ashby_lifecycle(body, expected):
    assert events(ashby(ASHBY, body)) == expected


def test_other_events_are_ignored_and_malformed_ones_name_the_field():
    assert greenhouse(GH, {"action": "candidate_hired", "payload": {}}).ignored
    assert ashby(ASHBY, {"action": "ping", "data": {}}).ignored
    with pytest.raises(Problem) as error:
        ashby(ASHBY, {"action": "jobPostingPublish", "data": {}})
    assert error.value.extra["field"] == "data.jobPosting.id"
    with pytest.raises(Problem) as error:
        greenhouse(GH, ["not", "an", "event"])
    assert error.value.extra["field"] == "action"


def test_intake_items_default_to_the_webhook_source():
    translated = intake(
        GH,
        {
            "postings": [
                {"external_id": "1", "payload": "x"},
                {"source": "other", "external_id": "2", "payload": "y"},
            ]
        },
    )
    assert [i["source"] for i in translated.items] == ["gh", "other"]
