"""The clusterer on the in-process index: copies join, lookalikes do not, repeats change nothing."""

import asyncio
import html
import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest

from services.normalizer.dedup import Clusterer, ClusterLockTimeout, MemoryClusterIndex
from services.normalizer.dedup.clusterer import cluster_id_for
from services.normalizer.dedup.features import extract
from services.normalizer.dedup.record import Lookup, StoredPosting
from services.normalizer.formats import parse
from shared.posting import Dedup, NormalizedPosting

ATS = Path(__file__).parents[2] / "data" / "ats"
GITLAB_AE = 0  # "Account Executive - Italy", Remote, Italy, department "EMEA - Commercial"


def greenhouse_job(index: int = GITLAB_AE) -> dict[str, Any]:
    jobs: list[dict[str, Any]] = json.loads(
        (ATS / "greenhouse_tech-salary-radar.json").read_text()
    )["jobs"]
    return jobs[index]


def board_copy(job: dict[str, Any], **changes: Any) -> NormalizedPosting:
    """What a job board pushes for a Greenhouse job: its fields, the HTML, a tracking link."""
    payload = {
        "title": job["title"],
        "company": job["company_name"],
        "location": job["location"]["name"],
        "description": html.unescape(job["content"]),
        "url": job["absolute_url"] + "?utm_source=board&gh_src=77",
        "date_posted": job["first_published"],
    } | changes
    return parse("generic", {k: v for k, v in payload.items() if v is not None})


@pytest.fixture
def clusterer() -> Clusterer:
    return Clusterer(MemoryClusterIndex())


async def test_a_board_copy_joins_the_ats_posting(clusterer: Clusterer) -> None:
    job = greenhouse_job()
    first = await clusterer.assign("greenhouse:1", parse("greenhouse", job), origin="ats")
    copy = await clusterer.assign("board:1", board_copy(job), origin="board")
    assert first.kind == "new" and first.duplicate_of is None
    assert first.cluster_id == cluster_id_for("greenhouse:1")
    assert copy.cluster_id == first.cluster_id
    assert copy.duplicate_of == "greenhouse:1"
    assert copy.kind == "same_content" and copy.rule == "same-content"
    assert (first.origin, copy.origin) == ("ats", "board")
    assert copy.canonical_url == "https://boards.greenhouse.io/gitlab/jobs/8503792002"


async def test_an_edited_copy_joins_as_near_duplicate(clusterer: Clusterer) -> None:
    job = greenhouse_job()
    await clusterer.assign("greenhouse:1", parse("greenhouse", job), origin="ats")
    edited = board_copy(
        job,
        title=job["title"] + " (m/w/d)",
        company="GitLab Inc.",
        url="https://board.example.net/job/1",
        description=html.unescape(job["content"]) + "<p>Apply today on Example Board.</p>",
    )
    copy = await clusterer.assign("board:2", edited, origin="board")
    assert copy.cluster_id == cluster_id_for("greenhouse:1")
    assert copy.kind == "near" and copy.rule == "near-text"
    assert copy.similarity is not None and copy.similarity >= 0.6


async def test_same_job_in_another_city_is_another_cluster(clusterer: Clusterer) -> None:
    job = greenhouse_job()
    italy = await clusterer.assign("greenhouse:1", parse("greenhouse", job), origin="ats")
    spain = board_copy(job, location="Remote, Spain", url=None)
    other = await clusterer.assign("careers:es", spain, origin="ats")
    assert other.cluster_id != italy.cluster_id
    assert other.kind == "new"


async def test_same_title_for_another_team_is_another_cluster(clusterer: Clusterer) -> None:
    job = greenhouse_job()
    await clusterer.assign("greenhouse:1", parse("greenhouse", job), origin="ats")
    team = board_copy(job, department="Public Sector", url=None)
    other = await clusterer.assign("careers:ps", team, origin="ats")
    assert other.cluster_id != cluster_id_for("greenhouse:1")


async def test_redelivery_returns_the_same_assignment(clusterer: Clusterer) -> None:
    job = greenhouse_job()
    await clusterer.assign("greenhouse:1", parse("greenhouse", job), origin="ats")
    first = await clusterer.assign("board:1", board_copy(job), origin="board")
    again = await clusterer.assign("board:1", board_copy(job), origin="board")
    assert again == first


async def test_an_updated_posting_keeps_its_cluster_and_is_found_by_its_new_text(
    clusterer: Clusterer,
) -> None:
    job = greenhouse_job()
    founded = await clusterer.assign("greenhouse:1", parse("greenhouse", job), origin="ats")
    other_text = html.unescape(greenhouse_job(1)["content"])  # another job's description
    updated = await clusterer.assign(
        "greenhouse:1", board_copy(job, description=other_text, url=None), origin="ats"
    )
    assert updated.cluster_id == founded.cluster_id
    # The index now holds the new text: a copy of it joins, a copy of the old text does not.
    joined = await clusterer.assign(
        "board:new", board_copy(job, description=other_text, url=None), origin="board"
    )
    assert joined.cluster_id == founded.cluster_id and joined.rule == "same-content"
    stale = await clusterer.assign("board:old", board_copy(job, url=None), origin="board")
    assert stale.cluster_id != founded.cluster_id


async def test_copies_assigned_concurrently_found_one_cluster() -> None:
    clusterer = Clusterer(MemoryClusterIndex())
    job = greenhouse_job()
    results = await asyncio.gather(
        clusterer.assign("greenhouse:1", parse("greenhouse", job), origin="ats"),
        clusterer.assign("board:1", board_copy(job), origin="board"),
        clusterer.assign("board:2", board_copy(job, url=None), origin="board"),
    )
    assert len({r.cluster_id for r in results}) == 1
    assert sorted(r.kind for r in results) == ["new", "same_content", "same_content"]


async def test_records_expire_after_the_ttl() -> None:
    now = [0.0]
    clusterer = Clusterer(MemoryClusterIndex(ttl_s=100, clock=lambda: now[0]))
    job = greenhouse_job()
    first = await clusterer.assign("greenhouse:1", parse("greenhouse", job), origin="ats")
    now[0] = 101.0
    late = await clusterer.assign("board:1", board_copy(job), origin="board")
    assert late.cluster_id != first.cluster_id and late.kind == "new"


async def test_a_held_lock_times_out_with_a_retryable_error() -> None:
    index = MemoryClusterIndex(lock_wait_s=0.05)
    held = await index.open("company:gitlab", "x:1", [], 10)
    with pytest.raises(ClusterLockTimeout):
        await index.open("company:gitlab", "x:2", [], 10)
    await index.close(held, None)
    again = await index.open("company:gitlab", "x:2", [], 10)
    await index.close(again, None)


def test_settings_that_do_not_fit_the_signature_are_refused() -> None:
    with pytest.raises(ValueError, match="bands x rows"):
        Clusterer(MemoryClusterIndex(), bands=64, rows=3)


def test_a_stored_record_reads_back_equal() -> None:
    # A redelivery compares the stored features with fresh ones: equal means nothing to write.
    features = extract(parse("greenhouse", greenhouse_job()))
    record = StoredPosting("greenhouse:1", "c-1", features, ("b1", "b2"), "near", "x:1", 0.9, "r")
    assert StoredPosting.from_bytes(record.to_bytes()) == record


class _CountingIndex(MemoryClusterIndex):
    """The in-process index, counting the candidate fetches (round trips on Redis)."""

    def __init__(self) -> None:
        super().__init__()
        self.fetches: list[int] = []

    async def fetch(self, posting_ids: Sequence[str]) -> list[StoredPosting]:
        self.fetches.append(len(posting_ids))
        return await super().fetch(posting_ids)


LOOKALIKES = 8


async def _copy_behind_lookalikes(clusterer: Clusterer, index: _CountingIndex) -> Dedup:
    """One boilerplate text for eight different jobs of a company, then an edited copy of the
    last: every earlier job is a candidate of the copy, and the one it copies may rank last.
    Returns the copy's assignment, with the index's fetch count cleared before it."""
    job = greenhouse_job()
    roles = ["Data", "Web", "Cloud", "Mobile", "Game", "Audio", "Video", "Test"][:LOOKALIKES]
    for n, role in enumerate(roles):
        lookalike = board_copy(job, title=f"{role} Engineer", url=None)
        assert (await clusterer.assign(f"board:{n}", lookalike, origin="board")).kind == "new"
    index.fetches.clear()
    edited = html.unescape(job["content"]) + "<p>Apply today: we answer within a week.</p>"
    copy = board_copy(job, title=f"{roles[-1]} Engineer", url=None, description=edited)
    return await clusterer.assign("board:copy", copy, origin="board")


async def test_a_copy_behind_many_lookalikes_is_found_in_few_fetches() -> None:
    index = _CountingIndex()
    copy = await _copy_behind_lookalikes(Clusterer(index, max_candidates=2, max_pages=8), index)
    assert (copy.kind, copy.duplicate_of) == ("near", f"board:{LOOKALIKES - 1}")
    # The lookalikes' gists (other titles) rule them out: only the copy's record is fetched.
    assert index.fetches == [1]


class _GistlessIndex(_CountingIndex):
    """Records stored by code older than gists: every candidate's record must decide."""

    async def open(self, *args: Any, **kwargs: Any) -> Lookup:
        found = await super().open(*args, **kwargs)
        found.gists.clear()
        return found


async def test_without_gists_every_candidate_is_fetched_in_pages_that_double() -> None:
    index = _GistlessIndex()
    clusterer = Clusterer(index, max_candidates=2, max_pages=8, prefetch=0)
    copy = await _copy_behind_lookalikes(clusterer, index)
    assert (copy.kind, copy.duplicate_of) == ("near", f"board:{LOOKALIKES - 1}")
    # Every lookalike was looked at, the copy last, in pages that double: 3 fetches, not 4.
    assert index.fetches == [2, 4, 2]
