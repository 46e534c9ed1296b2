"""URL canonicalization: two links to one job page compare equal.

Tracking parameters, fragments, default ports, ``www.``, the scheme and trailing slashes go;
known job-board URL shapes are reduced to the board's job id, so a link a board decorated with its
own tracking, an apply page and the job page itself all come out the same.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from urllib.parse import parse_qsl, urlencode, urlsplit

# Parameter names (compared lowercased) that say who sent the visitor, never which job.
_TRACKING = frozenset(
    {
        "gclid", "gclsrc", "dclid", "fbclid", "msclkid", "yclid", "igshid", "twclid", "ttclid",
        "li_fat_id", "mc_cid", "mc_eid", "_hsenc", "_hsmi", "hsctatracking", "_ga", "_gl",
        "gh_src", "lever-source", "lever-origin", "lever-via", "ashby_src", "ref", "refid",
        "referer", "referrer", "ref_src", "trk", "trkinfo", "trackingid", "tracking_id", "source",
        "src", "source_id", "sourceid", "campaign", "campaignid", "cmp", "utm", "from", "via",
        "share", "shared_from", "spm", "recommendedflavor", "origin", "lipi", "ebp",
    }
)  # fmt: skip
_TRACKING_PREFIXES = ("utm_", "pk_", "mtm_", "hsa_", "trk_")
_DEFAULT_PORTS = {"http": 80, "https": 443}
_UUID = r"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}"
_SLUG = r"[A-Za-z0-9][A-Za-z0-9_.-]*"

_GREENHOUSE_HOSTS = frozenset(
    {"boards.greenhouse.io", "job-boards.greenhouse.io", "boards.eu.greenhouse.io",
     "job-boards.eu.greenhouse.io"}
)  # fmt: skip
_GREENHOUSE_PATH = re.compile(rf"^/({_SLUG})/jobs/(\d+)/?$")
_LEVER_PATH = re.compile(rf"^/({_SLUG})/({_UUID})(?:/apply)?/?$")
_ASHBY_PATH = re.compile(rf"^/({_SLUG})/({_UUID})(?:/application)?/?$")
_WORKABLE_PATH = re.compile(rf"^/({_SLUG})/j/([0-9A-Za-z]+)(?:/apply)?/?$")
_WORKABLE_SUBDOMAIN_PATH = re.compile(r"^/j/([0-9A-Za-z]+)(?:/apply)?/?$")
_SMARTRECRUITERS_PATH = re.compile(rf"^/({_SLUG})/(\d+)(?:-[^/]*)?/?$")
_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*://")
_OTHER_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:(?!\d)")
_LINKEDIN_VIEW = re.compile(r"^/(?:comm/)?jobs/view/(?:[^/]*?-)?(\d+)/?$")


def canonical_url(url: str | None) -> str | None:
    """``url`` in canonical form, or None when it is empty or not an http(s) URL with a host."""
    parts = _split(url)
    if parts is None:
        return None
    scheme, host, port, path, query = parts
    for matches, shape in _SHAPES:
        if matches(host) and (shaped := shape(host, path, query)) is not None:
            return shaped
    netloc = host if port is None or port == _DEFAULT_PORTS.get(scheme) else f"{host}:{port}"
    kept = sorted((k, v) for k, v in query if v != "" and not _is_tracking(k))
    path = path.rstrip("/")
    return f"https://{netloc}{path}" + (f"?{urlencode(kept)}" if kept else "")


def board_company(url: str | None) -> str | None:
    """The company slug a known ATS board URL names (``jobs.lever.co/<slug>/...``), if any."""
    canonical = canonical_url(url)
    if canonical is None:
        return None
    host, _, path = canonical.removeprefix("https://").partition("/")
    if host in _SLUG_HOSTS:
        slug = path.split("/", 1)[0]
        return slug or None
    return None


Query = list[tuple[str, str]]


def _split(url: str | None) -> tuple[str, str, int | None, str, Query] | None:
    if not url or not (url := url.strip()):
        return None
    if url.startswith("//"):
        url = "https:" + url
    elif _SCHEME.match(url) is None:
        if _OTHER_SCHEME.match(url) is not None:  # mailto:, javascript:, tel:
            return None
        url = "https://" + url
    try:
        split = urlsplit(url)
        port = split.port
    except ValueError:
        return None
    scheme = split.scheme.lower()
    host = (split.hostname or "").rstrip(".")
    if scheme not in _DEFAULT_PORTS or not host:
        return None
    host = host.removeprefix("www.")
    return scheme, host, port, split.path or "/", parse_qsl(split.query, keep_blank_values=True)


def _is_tracking(name: str) -> bool:
    lowered = name.lower()
    return lowered in _TRACKING or lowered.startswith(_TRACKING_PREFIXES)


def _param(query: Query, name: str) -> str | None:
    return next((v for k, v in query if k == name and v), None)


def _greenhouse(host: str, path: str, query: Query) -> str | None:
    if (match := _GREENHOUSE_PATH.match(path)) is not None:
        company, job = match.groups()
    elif path.rstrip("/").endswith("/embed/job_app"):
        company, job = _param(query, "for") or "", _param(query, "token") or ""
        if not (company and job.isdigit()):
            return None
    else:
        return None
    return f"https://boards.greenhouse.io/{company.lower()}/jobs/{job}"


def _lever(host: str, path: str, query: Query) -> str | None:
    if (match := _LEVER_PATH.match(path)) is None:
        return None
    company, job = match.groups()
    return f"https://{host}/{company.lower()}/{job.lower()}"


def _ashby(host: str, path: str, query: Query) -> str | None:
    if (match := _ASHBY_PATH.match(path)) is None:
        return None
    company, job = match.groups()
    return f"https://jobs.ashbyhq.com/{company.lower()}/{job.lower()}"


def _workable(host: str, path: str, query: Query) -> str | None:
    if host == "apply.workable.com":
        if (match := _WORKABLE_PATH.match(path)) is None:
            return None
        company, job = match.groups()
    else:  # <company>.workable.com/j/<id>: the older address of the same page
        if (match := _WORKABLE_SUBDOMAIN_PATH.match(path)) is None:
            return None
        company, job = host.split(".", 1)[0], match.group(1)
    return f"https://apply.workable.com/{company.lower()}/j/{job.upper()}"


def _smartrecruiters(host: str, path: str, query: Query) -> str | None:
    if (match := _SMARTRECRUITERS_PATH.match(path)) is None:
        return None
    company, job = match.groups()
    return f"https://jobs.smartrecruiters.com/{company.lower()}/{job}"


def _linkedin(host: str, path: str, query: Query) -> str | None:
    if (match := _LINKEDIN_VIEW.match(path)) is not None:
        job: str | None = match.group(1)
    else:
        job = _param(query, "currentJobId")
    return f"https://linkedin.com/jobs/view/{job}" if job and job.isdigit() else None


def _indeed(host: str, path: str, query: Query) -> str | None:
    job = _param(query, "jk") or _param(query, "vjk")
    if job is None or not re.fullmatch(r"[0-9a-fA-F]{8,32}", job):
        return None
    return f"https://{host}/viewjob?jk={job.lower()}"


def _is_linkedin(host: str) -> bool:
    return host == "linkedin.com" or host.endswith(".linkedin.com")


def _is_indeed(host: str) -> bool:
    return host == "indeed.com" or host.endswith(".indeed.com") or host.startswith("indeed.")


def _is_workable(host: str) -> bool:
    return host.endswith(".workable.com")


_SHAPES: tuple[tuple[Callable[[str], bool], Callable[[str, str, Query], str | None]], ...] = (
    (_GREENHOUSE_HOSTS.__contains__, _greenhouse),
    (lambda host: host in ("jobs.lever.co", "jobs.eu.lever.co"), _lever),
    (lambda host: host == "jobs.ashbyhq.com", _ashby),
    (_is_workable, _workable),
    (lambda host: host == "jobs.smartrecruiters.com", _smartrecruiters),
    (_is_linkedin, _linkedin),
    (_is_indeed, _indeed),
)
_SLUG_HOSTS = frozenset(
    {"boards.greenhouse.io", "jobs.lever.co", "jobs.eu.lever.co", "jobs.ashbyhq.com",
     "apply.workable.com", "jobs.smartrecruiters.com"}
)  # fmt: skip
