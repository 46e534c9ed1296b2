"""Build tests/data/dedup/dedup_set.jsonl, the set ``python -m jobstream.eval_dedup`` scores.

Every base posting is a real, committable one (tests/data/ats/*.json, tests/data/seeds/*.txt). Each
becomes a true cluster of copies as other sources would send it: the native ATS object, a board's
generic push with the same HTML, a Markdown or labelled-text rendition, a job page with reformatted
HTML and JSON-LD, a copy with its about-company or benefits section trimmed, an aggregator's
snippet (the first half of the text), a copy with small edits (a gender marker in the title, a
board footer, a sentence dropped, the company's legal form); each with the board's own link or the
source's link with tracking parameters. Then true non-duplicates that look alike: the same company
and title in another city, and the same company and title for another team (the company's sections
shared, the role's sections from another posting). Seeded, so every run writes the same file:

    .venv/bin/python scripts/build_dedup_set.py
"""

from __future__ import annotations

import argparse
import html
import json
import random
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from services.normalizer.formats import parse, split_listing
from services.normalizer.sections import classify_heading, mark_text_headings
from services.normalizer.text import Line, html_to_lines, text_to_lines

ROOT = Path(__file__).resolve().parents[1]
ATS = ROOT / "tests" / "data" / "ats"
SEEDS = ROOT / "tests" / "data" / "seeds"
OUT = ROOT / "tests" / "data" / "dedup" / "dedup_set.jsonl"
SEED = 8
# Lever and Ashby objects do not name the employer; boards show the name behind the board's slug.
EMPLOYERS = dict(
    idealistconsulting="Idealist Consulting", matchgroup="Match Group", highlightta="HighlightTA",
    linear="Linear",
)  # fmt: skip
CITIES = [
    "Berlin, Germany", "Austin, TX", "Toronto, Ontario", "Dublin, Ireland", "Sydney, Australia",
    "Paris, France", "Göteborg, Västra Götalands län", "Malmö, Skåne län", "Pune, India",
]  # fmt: skip
TEAMS = ["Platform Infrastructure", "Growth Marketing", "Payments", "Data Science", "Security"]
BOILERPLATE = ("about_company", "benefits")
Record = dict[str, Any]


@dataclass(frozen=True)
class Base:
    key: str  # short id of the job, unique in the set
    fmt: str  # its native format
    payload: Any
    title: str
    company: str | None
    location: str | None
    department: str | None
    posted: str | None
    url: str | None
    lines: tuple[Line, ...]

    @property
    def source(self) -> str:
        return "seed-board" if self.fmt == "text" else self.fmt

    @property
    def origin(self) -> str:
        """The employer's own ATS, or a board (JobTech's is the employment service's board)."""
        return "ats" if self.fmt in ("greenhouse", "lever", "ashby") else "board"


def _jobs(path: Path) -> list[Record]:
    """The postings of a committed listing, split as the fetcher splits a pulled one."""
    listing = json.loads(path.read_text(encoding="utf-8"))
    return [job for _, job in split_listing(path.stem.split("_")[0], listing)]


def _slug_employer(url: str) -> str:
    return EMPLOYERS[url.split("/")[3].lower()]


def _iso(value: Any) -> str | None:
    if isinstance(value, int | float):
        return datetime.fromtimestamp(value / 1000, tz=UTC).isoformat()
    return str(value) if value else None


def _greenhouse(job: Record) -> Base:
    department = (job.get("departments") or [{}])[0].get("name")
    lines = html_to_lines(html.unescape(job["content"]))
    return Base(f"gh{job['id']}", "greenhouse", job, job["title"].strip(),
                job["company_name"].strip(), job["location"]["name"], department,
                job.get("first_published"), job["absolute_url"], tuple(lines))  # fmt: skip


def _lever(job: Record) -> Base:
    cats = job.get("categories") or {}
    parts = [job.get("description") or ""]
    for block in job.get("lists") or []:
        parts.append(f"<h3>{html.escape(block['text'])}</h3><ul>{block['content']}</ul>")
    parts.append(job.get("additional") or "")
    return Base(f"lv{job['id'][:8]}", "lever", job, job["text"].strip(),
                _slug_employer(job["hostedUrl"]), cats.get("location"), cats.get("department"),
                _iso(job.get("createdAt")), job["hostedUrl"],
                tuple(html_to_lines("".join(parts))))  # fmt: skip


def _ashby(job: Record) -> Base:
    return Base(f"ab{job['id'][:8]}", "ashby", job, job["title"].strip(),
                _slug_employer(job["jobUrl"]), job.get("location"), job.get("department"),
                job.get("publishedAt"), job["jobUrl"],
                tuple(html_to_lines(job["descriptionHtml"])))  # fmt: skip


def _jobtech(ad: Record) -> Base:
    lines = mark_text_headings(text_to_lines(ad["beskrivning"]["annonstext"]))
    return Base(f"jt{ad['id']}", "jobtech", ad, ad["rubrik"].strip(), ad["arbetsgivare"]["namn"],
                ad["arbetsplatsadress"]["kommun"], None, ad.get("publiceringsdatum"),
                f"https://arbetsformedlingen.se/platsbanken/annonser/{ad['id']}",
                tuple(lines))  # fmt: skip


def _seed(path: Path) -> Base:
    text = path.read_text(encoding="utf-8")
    lines = tuple(mark_text_headings(text_to_lines(text)))
    title = parse("text", text).title or path.stem
    url = f"https://jobs.example.org/listing/{path.stem}"
    return Base(f"sd{path.stem[:24]}", "text", text, title, None, None, None, None, url, lines)


def bases() -> list[Base]:
    readers: dict[str, Callable[[Record], Base]] = dict(
        greenhouse=_greenhouse, lever=_lever, ashby=_ashby, jobtech=_jobtech
    )
    found = [
        readers[p.stem.split("_")[0]](job) for p in sorted(ATS.glob("*.json")) for job in _jobs(p)
    ]
    return found + [_seed(p) for p in sorted(SEEDS.glob("*.txt"))]


# Renditions of a base's lines ------------------------------------------------------------------


def sections(lines: tuple[Line, ...]) -> list[tuple[str | None, list[str]]]:
    found: list[tuple[str | None, list[str]]] = [(None, [])]
    for line in lines:
        if line.heading:
            found.append((line.text, []))
        else:
            found[-1][1].append(line.text)
    return [s for s in found if s[0] is not None or s[1]]


def flatten(parts: list[tuple[str | None, list[str]]]) -> tuple[Line, ...]:
    out: list[Line] = []
    for heading, items in parts:
        if heading:
            out.append(Line(heading, heading=True))
        out.extend(Line(item) for item in items)
    return tuple(out)


def as_html(lines: tuple[Line, ...], style: str) -> str:
    out = []
    for heading, items in sections(lines):
        if style == "div":  # a page builder's markup: bold divs and line breaks
            head = f"<div><b>{html.escape(heading)}</b></div>" if heading else ""
            body = "<br>\n".join(html.escape(i) for i in items)
            out.append(f'<div class="section">{head}<div>{body}</div></div>')
        else:
            head = f"<h3>{html.escape(heading)}</h3>" if heading else ""
            body = "".join(f"<li>{html.escape(i)}</li>" for i in items)
            out.append(f"{head}<ul>{body}</ul>")
    return "\n".join(out)


def as_text(base: Base, lines: tuple[Line, ...], markdown: bool) -> str:
    head = [f"# {base.title}" if markdown else f"Job Title : {base.title}"]
    labels = {"Company": base.company, "Location": base.location, "Department": base.department}
    for label, value in labels.items():
        if value:
            head.append(f"{label}: {value}" if markdown else f"{label} : {value}")
    body = []
    for heading, items in sections(lines):
        if heading:
            body.append(f"\n## {heading}\n" if markdown else f"\n{heading}")
        body.extend(f"- {i}" if markdown else i for i in items)
    return "\n".join(head + body) + "\n"


def generic(
    base: Base, lines: tuple[Line, ...] | None, url: str | None, posted: str | None
) -> Record:
    """A board's push: the fields it knows, the description as HTML (the source's own if None)."""
    description = _native_html(base) if lines is None else as_html(lines, "list")
    payload = dict(title=base.title, company=base.company, location=base.location,
                   department=base.department, description=description, url=url,
                   date_posted=posted)  # fmt: skip
    return {key: value for key, value in payload.items() if value is not None}


def job_page(base: Base, lines: tuple[Line, ...], url: str | None, posted: str | None) -> str:
    """A job page of a board: reformatted HTML in schema.org JSON-LD."""
    posting: Record = {"@context": "https://schema.org", "@type": "JobPosting",
                       "title": base.title, "description": as_html(lines, "div"),
                       "datePosted": posted, "url": url}  # fmt: skip
    if base.company:
        posting["hiringOrganization"] = {"@type": "Organization", "name": base.company}
    if base.location:
        posting["jobLocation"] = {"@type": "Place", "address": base.location}
    script = json.dumps({k: v for k, v in posting.items() if v is not None}, ensure_ascii=False)
    title = html.escape(base.title)
    return (f'<html><head><title>{title}</title><script type="application/ld+json">{script}'
            f"</script></head><body><h1>{title}</h1></body></html>")  # fmt: skip


def _native_html(base: Base) -> str:
    if base.fmt == "greenhouse":
        return html.unescape(base.payload["content"])
    if base.fmt == "ashby":
        return str(base.payload["descriptionHtml"])
    return as_html(base.lines, "list")


# Edits a board makes -----------------------------------------------------------------------------


def tracked(base: Base, rng: random.Random, board: str) -> str | None:
    """The link a board gives: most often its own page for the job, else the source's page
    with the board's tracking parameters."""
    if base.url is None or rng.random() < 0.6:
        return f"https://{board}.example.net/job/{rng.randrange(10**9)}?utm_source=feed"
    host = rng.choice(["boards.greenhouse.io", "job-boards.greenhouse.io"])
    url = base.url.replace("job-boards.greenhouse.io", host)
    apply = {"lever": "/apply", "ashby": "/application"}.get(base.fmt, "/")
    suffix = apply if rng.random() < 0.5 else ""
    params = rng.choice([f"utm_source={board}&utm_medium=feed", f"ref={board}",
                         f"gh_src={rng.randrange(10**8):08x}", f"source={board}&utm_campaign=jobs",
                         f"lever-source={board}"])  # fmt: skip
    return f"{url.rstrip('/')}{suffix}?{params}#apply"


def shifted(base: Base, rng: random.Random, days: int) -> str | None:
    if base.posted is None:
        return None
    moment = datetime.fromisoformat(base.posted.replace("Z", "+00:00"))
    return (moment + timedelta(days=rng.randint(0, days))).isoformat()


def trimmed(lines: tuple[Line, ...]) -> tuple[Line, ...] | None:
    """Without the about-company or benefits sections (a board keeps the role only)."""
    parts = sections(lines)
    kept = [s for s in parts if not _boilerplate(s)]
    return flatten(kept) if len(kept) < len(parts) and kept else None


def snippet(lines: tuple[Line, ...]) -> tuple[Line, ...]:
    """The first half of the text and a link onwards, as an aggregator shows it."""
    total = sum(len(line.text) for line in lines)
    kept: list[Line] = []
    for line in lines:
        if sum(len(k.text) for k in kept) >= total // 2:
            break
        kept.append(line)
    return (*kept, Line("Read the full job description on the employer's site."))


def edited(base: Base, rng: random.Random) -> tuple[Base, tuple[Line, ...]]:
    """A gender marker or a place in the title, a legal form, one item gone, a footer added."""
    items = [i for i, line in enumerate(base.lines) if not line.heading and len(line.text) > 40]
    lines = list(base.lines)
    if len(items) > 4:
        del lines[rng.choice(items)]
    lines.append(Line(f"Apply today via our job board. Reference {rng.randrange(10**6):06d}."))
    title = base.title + rng.choice([" (m/w/d)", " (f/m/x)", " (all genders)"])
    company = base.company
    if company and not company.endswith((" AB", " Inc.")):
        company += rng.choice([" Inc.", " GmbH", " Ltd"])
    elif company:
        company = company.rsplit(" ", 1)[0]
    return replace(base, title=title, company=company), tuple(lines)


# The set ---------------------------------------------------------------------------------------


def _record(rid: str, fmt: str, payload: Any, cluster: str, origin: str, url: Any = None) -> Record:
    """One line of the set; the source is the id's prefix."""
    record = dict(id=rid, format=fmt, payload=payload, source=rid.split(":")[0], cluster=cluster,
                  origin=origin)  # fmt: skip
    return record if url is None else {**record, "url": url}


def copies(base: Base, rng: random.Random) -> Iterator[Record]:
    """The same job as several sources send it."""
    key = base.key
    url = base.url if base.fmt == "text" else None  # the other formats carry their own link
    yield _record(f"{base.source}:{key}", base.fmt, base.payload, key, base.origin, url)
    pushed = generic(base, None, tracked(base, rng, "board-a"), shifted(base, rng, 2))
    yield _record(f"board-a:{key}", "generic", pushed, key, "board")
    variants = ["markdown", "text", "page", "trimmed", "edited", "snippet"]
    if base.company is None:  # only identical content or the URL can join a posting without one
        variants = ["markdown", "page"]
    for variant in rng.sample(variants, k=min(3, len(variants))):
        rid = f"board-{variant}:{key}"
        url = tracked(base, rng, rid.split(":")[0])
        if variant in ("markdown", "text"):
            text = as_text(base, base.lines, variant == "markdown")
            yield _record(rid, variant, text, key, "board", url)
        elif variant == "page":
            yield _record(rid, "html", job_page(base, base.lines, url, shifted(base, rng, 3)),
                          key, "board")  # fmt: skip
        elif variant == "edited":
            changed, edits = edited(base, rng)
            yield _record(rid, "generic", generic(changed, edits, url, shifted(base, rng, 5)),
                          key, "board")  # fmt: skip
        elif cut := trimmed(base.lines) if variant == "trimmed" else snippet(base.lines):
            yield _record(rid, "generic", generic(base, cut, url, shifted(base, rng, 5)),
                          key, "board")  # fmt: skip


def elsewhere(base: Base, rng: random.Random) -> Iterator[Record]:
    """The same company and title, another city: a different job with the same text."""
    city = rng.choice([c for c in CITIES if c.split(",")[0] not in (base.location or "")])
    old = (base.location or "").split(",")[0]
    lines = tuple(
        line._replace(text=line.text.replace(old, city.split(",")[0])) for line in base.lines
    )
    other = replace(
        base, key=base.key + "-city", location=city, lines=lines, url=_other_url(base.url, rng)
    )
    yield from _lookalike(other, rng)


def other_team(base: Base, donor: Base, rng: random.Random) -> Iterator[Record]:
    """The same company and title for another team: the company's own sections shared, the
    role's sections (summary, duties, requirements) another posting's."""
    own = [s for s in sections(base.lines) if _boilerplate(s)]
    role = [s for s in sections(donor.lines) if not _boilerplate(s)]
    swap = [
        (h, [i.replace(donor.company or "\0", base.company or "") for i in items])
        for h, items in role
    ]
    team = rng.choice([t for t in TEAMS if t != base.department])
    other = replace(
        base,
        key=base.key + "-team",
        department=team,
        lines=flatten(swap + own),
        url=_other_url(base.url, rng),
    )
    yield from _lookalike(other, rng)


def _other_url(url: str | None, rng: random.Random) -> str | None:
    """The address of another job on the same board: the job id replaced."""
    if url is None:
        return None
    head, _, job = url.rstrip("/").rpartition("/")
    if job.isdigit():
        return f"{head}/{rng.randrange(10 ** (len(job) - 1), 10 ** len(job))}"
    if len(job) == 36 and job.count("-") == 4:  # a UUID
        return f"{head}/{uuid.UUID(int=rng.getrandbits(128))}"
    return f"{head}/{job}-{rng.randrange(1000, 10000)}"


def _role(base: Base) -> int:
    """Characters of the role's own sections."""
    return sum(len(i) for s in sections(base.lines) if not _boilerplate(s) for i in s[1])


def _boilerplate(section: tuple[str | None, list[str]]) -> bool:
    """About the company or its benefits: the same in every posting of the company."""
    return section[0] is not None and classify_heading(section[0]) in BOILERPLATE


def _lookalike(job: Base, rng: random.Random) -> Iterator[Record]:
    # The employer's own careers site states the department; the board's copy leaves it out.
    posted = generic(job, job.lines, job.url, job.posted)
    yield _record(f"careers:{job.key}", "generic", posted, job.key, "ats")
    url, date = tracked(job, rng, "board-page"), shifted(job, rng, 3)
    page = job_page(replace(job, department=None), job.lines, url, date)
    yield _record(f"board-page:{job.key}", "html", page, job.key, "board")


def build(seed: int = SEED) -> list[Record]:
    rng = random.Random(seed)
    found = bases()
    records = [r for base in found for r in copies(base, rng)]
    placed = [b for b in found if b.company and b.location]
    for base in rng.sample(placed, k=8):
        records.extend(elsewhere(base, rng))
    teams = [b for b in placed if any(_boilerplate(s) for s in sections(b.lines))]
    for base in rng.sample(teams, k=min(6, len(teams))):
        # Another team's role is described at a length like this one's (one of the three closest).
        others = [d for d in found if d.company not in (None, base.company)]
        donors = sorted(others, key=lambda d: (abs(_role(d) - _role(base)), d.key))[:3]
        records.extend(other_team(base, rng.choice(donors), rng))
    return records


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--seed", type=int, default=SEED, help="another seed: another draw of edits"
    )
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()
    records = build(args.seed)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    with args.out.open("w", encoding="utf-8") as handle:
        for record in records:
            handle.write(json.dumps(record, ensure_ascii=False, sort_keys=True) + "\n")
    clusters = len({r["cluster"] for r in records})
    print(f"wrote {len(records)} records in {clusters} clusters to {args.out}")


if __name__ == "__main__":
    main()
