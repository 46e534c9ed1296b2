"""Two links to one job page come out equal; links to two jobs stay apart."""

import pytest

from services.normalizer.dedup import canonical_url
from services.normalizer.dedup.canonical import board_company


@pytest.mark.parametrize(
    ("url", "canonical"),
    [
        # Greenhouse: both board hosts, tracking, the embed form, any case of the board token.
        (
            "https://job-boards.greenhouse.io/gitlab/jobs/8503792002?gh_src=a1b2&utm_source=li",
            "https://boards.greenhouse.io/gitlab/jobs/8503792002",
        ),
        (
            "http://boards.greenhouse.io/GitLab/jobs/8503792002/#app",
            "https://boards.greenhouse.io/gitlab/jobs/8503792002",
        ),
        (
            "https://boards.greenhouse.io/embed/job_app?for=gitlab&token=8503792002",
            "https://boards.greenhouse.io/gitlab/jobs/8503792002",
        ),
        # Lever: the apply page is the job page.
        (
            "https://jobs.lever.co/matchgroup/3414ba28-35f7-45d3-8e13-35c883959635/apply"
            "?lever-source=LinkedIn&lever-origin=applied",
            "https://jobs.lever.co/matchgroup/3414ba28-35f7-45d3-8e13-35c883959635",
        ),
        # LinkedIn: the slug is decoration, the number is the job; country hosts are one site.
        (
            "https://www.linkedin.com/jobs/view/senior-backend-engineer-at-acme-3812345678/"
            "?refId=abc%3D%3D&trackingId=xyz&trk=public_jobs",
            "https://linkedin.com/jobs/view/3812345678",
        ),
        (
            "https://de.linkedin.com/jobs/view/3812345678",
            "https://linkedin.com/jobs/view/3812345678",
        ),
        (
            "https://www.linkedin.com/jobs/search/?currentJobId=3812345678&keywords=node",
            "https://linkedin.com/jobs/view/3812345678",
        ),
        # Indeed: only jk names the job.
        (
            "https://www.indeed.com/viewjob?jk=5f1b2c3d4e5f6a7b&from=serp&vjs=3&tk=1h2",
            "https://indeed.com/viewjob?jk=5f1b2c3d4e5f6a7b",
        ),
        (
            "https://www.indeed.com/rc/clk?jk=5F1B2C3D4E5F6A7B&fccid=abc",
            "https://indeed.com/viewjob?jk=5f1b2c3d4e5f6a7b",
        ),
        # Workable: the apply page, and the older company subdomain.
        (
            "https://apply.workable.com/acme/j/3F2A1B0C9D/apply/?utm_medium=social",
            "https://apply.workable.com/acme/j/3F2A1B0C9D",
        ),
        ("https://acme.workable.com/j/3f2a1b0c9d", "https://apply.workable.com/acme/j/3F2A1B0C9D"),
        # Ashby.
        (
            "https://jobs.ashbyhq.com/Linear/d3bc1ced-3ce4-4086-a050-555055dbb1ff/application",
            "https://jobs.ashbyhq.com/linear/d3bc1ced-3ce4-4086-a050-555055dbb1ff",
        ),
        # Any other site: host case, www, default port, fragment, trailing slash, tracking,
        # parameter order; the job's own parameters stay.
        (
            "HTTPS://WWW.Example.COM:443/careers/job/?utm_campaign=x&id=42&gclid=1&fbclid=2#top",
            "https://example.com/careers/job?id=42",
        ),
        ("http://example.com:80/jobs?b=2&a=1&ref=board", "https://example.com/jobs?a=1&b=2"),
        ("example.com/jobs/7/?source=indeed&refId=9", "https://example.com/jobs/7"),
        ("https://example.com:8443/jobs/7", "https://example.com:8443/jobs/7"),
    ],
)
def test_canonical_form(url: str, canonical: str) -> None:
    assert canonical_url(url) == canonical


def test_links_to_different_jobs_stay_different() -> None:
    assert canonical_url("https://boards.greenhouse.io/gitlab/jobs/8503792002") != canonical_url(
        "https://boards.greenhouse.io/gitlab/jobs/8565469002"
    )
    assert canonical_url("https://example.com/jobs?id=1") != canonical_url(
        "https://example.com/jobs?id=2"
    )
    # An id with a suffix is another page, not the board's job page with decoration.
    assert canonical_url("https://boards.greenhouse.io/gitlab/jobs/8503792002-2") != (
        "https://boards.greenhouse.io/gitlab/jobs/8503792002"
    )


@pytest.mark.parametrize(
    "url", [None, "", "   ", "mailto:jobs@example.com", "javascript:void(0)", "ftp://x.org/a"]
)
def test_no_canonical_form_for_what_is_not_a_web_link(url: str | None) -> None:
    assert canonical_url(url) is None


def test_board_company_names_the_slug_of_an_ats_link() -> None:
    assert board_company(
        "https://jobs.lever.co/matchgroup/3414ba28-35f7-45d3-8e13-35c883959635"
    ) == ("matchgroup")
    assert board_company("https://job-boards.greenhouse.io/GitLab/jobs/8503792002") == "gitlab"
    assert board_company("https://acme.workable.com/j/3f2a1b0c9d") == "acme"
    assert board_company("https://example.com/careers/42") is None
    assert board_company(None) is None
