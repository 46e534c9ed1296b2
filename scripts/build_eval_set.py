"""Build tests/data/eval/committed.jsonl, the labelled set ``make eval`` scores by default.

Only committable samples go in: the ATS responses under tests/data/ats/ (truth read from each job's
own structured fields, named in ``truth_source_fields``) and the two seed postings (truth from the
table in the samples README, which a careful reader extracted). Run from the repository root:

    .venv/bin/python scripts/build_eval_set.py
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
ATS = ROOT / "tests" / "data" / "ats"
SEEDS = ROOT / "tests" / "data" / "seeds"
OUT = ROOT / "tests" / "data" / "eval" / "committed.jsonl"

REPOS = {"careerkit": "omoji-personal/careerkit", "tech-salary-radar": "midat-fx/tech-salary-radar"}
EMPLOYMENT = {
    "fulltime": "full_time",
    "full-time": "full_time",
    "parttime": "part_time",
    "part-time": "part_time",
    "contract": "contract",
    "contractor": "contract",
    "intern": "internship",
    "internship": "internship",
    "temporary": "temporary",
    "heltid": "full_time",
    "deltid": "part_time",
}
WORKPLACE = {"remote": "remote", "hybrid": "hybrid", "onsite": "onsite", "on-site": "onsite"}
SALARY_PERIOD = {"per-year-salary": "year", "per-month-salary": "month", "per-hour-wage": "hour",
                 "1 YEAR": "year", "1 MONTH": "month", "1 HOUR": "hour"}  # fmt: skip
# JobTech's education levels (SUN): "two years or longer" admits an associate or a bachelor.
JOBTECH_EDUCATION = {
    "Gymnasial utbildning": ["high_school"],
    "Eftergymnasial utbildning kortare än två år": ["associate"],
    "Eftergymnasial utbildning två år eller längre": ["associate", "bachelor"],
}
Record = dict[str, Any]


def _put(truth: Record, fields: Record, key: str, value: Any, source: str) -> None:
    """Record a truth value and the source field it came from, skipping empty values."""
    if value is None or value == "" or value == []:
        return
    truth[key] = value.strip() if isinstance(value, str) else value
    fields[key] = source


def _split_location(text: str) -> tuple[str | None, str | None]:
    """("City, Region, Country") -> (first part unless it says remote, last part)."""
    parts = [p.strip() for p in text.split(",") if p.strip()]
    if not parts:
        return None, None
    city = None if parts[0].casefold() == "remote" or len(parts) == 1 else parts[0]
    return city, parts[-1] if len(parts) > 1 else None


def greenhouse(job: Record) -> tuple[Record, Record]:
    truth: Record = {}
    fields: Record = {}
    _put(truth, fields, "title", job.get("title"), "title")
    _put(truth, fields, "company", job.get("company_name"), "company_name")
    where = (job.get("location") or {}).get("name") or ""
    _put(truth, fields, "location_raw", where, "location.name")
    city, country = _split_location(where)
    _put(truth, fields, "location_city", city, "location.name[0]")
    _put(truth, fields, "location_country", country, "location.name[-1]")
    if "remote" in [p.strip().casefold() for p in where.split(",")]:
        _put(truth, fields, "remote", "remote", "location.name")
    _put(truth, fields, "date_posted", (job.get("first_published") or "")[:10], "first_published")
    return truth, fields


def lever(job: Record) -> tuple[Record, Record]:
    truth: Record = {}
    fields: Record = {}
    cats = job.get("categories") or {}
    _put(truth, fields, "title", job.get("text"), "text")
    _put(truth, fields, "location_raw", cats.get("location"), "categories.location")
    _put(truth, fields, "location_city", _split_location(cats.get("location") or "")[0],
         "categories.location[0]")  # fmt: skip
    _put(truth, fields, "location_country", job.get("country"), "country")
    commitment = (cats.get("commitment") or "").casefold()
    _put(truth, fields, "employment_type", EMPLOYMENT.get(commitment), "categories.commitment")
    _put(truth, fields, "remote", WORKPLACE.get(job.get("workplaceType") or ""), "workplaceType")
    pay = job.get("salaryRange") or {}
    if pay.get("min") is not None or pay.get("max") is not None:
        _put(truth, fields, "salary_min", pay.get("min"), "salaryRange.min")
        _put(truth, fields, "salary_max", pay.get("max"), "salaryRange.max")
        _put(truth, fields, "salary_currency", pay.get("currency"), "salaryRange.currency")
        _put(truth, fields, "salary_period", SALARY_PERIOD.get(pay.get("interval") or ""),
             "salaryRange.interval")  # fmt: skip
    return truth, fields


def ashby(job: Record) -> tuple[Record, Record]:
    truth: Record = {}
    fields: Record = {}
    address = (job.get("address") or {}).get("postalAddress") or {}
    _put(truth, fields, "title", job.get("title"), "title")
    _put(truth, fields, "location_raw", job.get("location"), "location")
    _put(truth, fields, "location_city", address.get("addressLocality"),
         "address.postalAddress.addressLocality")  # fmt: skip
    _put(truth, fields, "location_country", address.get("addressCountry"),
         "address.postalAddress.addressCountry")  # fmt: skip
    kind = (job.get("employmentType") or "").casefold()
    _put(truth, fields, "employment_type", EMPLOYMENT.get(kind), "employmentType")
    _put(truth, fields, "remote", WORKPLACE.get((job.get("workplaceType") or "").casefold()),
         "workplaceType")  # fmt: skip
    pays = (job.get("compensation") or {}).get("summaryComponents") or []
    salary = next((c for c in pays if c.get("compensationType") == "Salary"), None)
    if salary:
        source = "compensation.summaryComponents[Salary]"
        _put(truth, fields, "salary_min", salary.get("minValue"), source + ".minValue")
        _put(truth, fields, "salary_max", salary.get("maxValue"), source + ".maxValue")
        _put(truth, fields, "salary_currency", salary.get("currencyCode"), source + ".currencyCode")
        _put(truth, fields, "salary_period", SALARY_PERIOD.get(salary.get("interval") or ""),
             source + ".interval")  # fmt: skip
    return truth, fields


def jobtech(ad: Record) -> tuple[Record, Record]:
    truth: Record = {}
    fields: Record = {}
    where = ad.get("arbetsplatsadress") or {}
    needs = ad.get("krav") or {}
    _put(truth, fields, "title", ad.get("rubrik"), "rubrik")
    _put(truth, fields, "company", (ad.get("arbetsgivare") or {}).get("namn"), "arbetsgivare.namn")
    _put(truth, fields, "location_city", where.get("kommun"), "arbetsplatsadress.kommun")
    _put(truth, fields, "location_country", where.get("land"), "arbetsplatsadress.land")
    hours = ((ad.get("arbetstidstyp") or {}).get("term") or "").casefold()
    _put(truth, fields, "employment_type", EMPLOYMENT.get(hours), "arbetstidstyp.term")
    # Terms read "Java, programmeringsspråk": the part before the comma is the skill.
    skills = [k["term"].split(",")[0].strip() for k in needs.get("kompetenser") or []]
    _put(truth, fields, "skills", skills, "krav.kompetenser[].term")
    levels = [lvl.get("term") for lvl in needs.get("utbildningsniva") or []]
    education = next((JOBTECH_EDUCATION[t] for t in levels if t in JOBTECH_EDUCATION), None)
    _put(truth, fields, "education_level", education, "krav.utbildningsniva[].term")
    _put(truth, fields, "date_posted", (ad.get("publiceringsdatum") or "")[:10],
         "publiceringsdatum")  # fmt: skip
    return truth, fields


# What a careful reader extracts from the seeds: the table in the samples README, as given there.
SEED_TRUTH: dict[str, Record] = {
    "senior-backend-engineer-mumbai": {
        "title": "Senior Backend Engineer",
        "seniority": "senior",
        "experience_years_min": 5,
        "experience_years_max": 10,
        "location_city": "Mumbai",
        "location_country": "IN",
        "employment_type": "full_time",
        "skills": [
            "Node.js", "Express.js", "MongoDB", "Mongoose", "Redis", "JavaScript",
            "Azure Event Hubs", "Azure DevOps", "Azure Pipelines", "GCP Compute Engine",
            "Cloud Storage", "Pub/Sub", "Docker", "WebSocket", "SocketCluster", "AMQP",
            "RabbitMQ", "Agenda", "Bull", "JWT", "OAuth", "OWASP", "bcrypt", "Swagger/OpenAPI",
            "Git", "Jest", "ESLint", "Prettier", "Prometheus",
        ],
    },
    "senior-backend-developer-product-company": {
        "title": "Senior Backend Developer",
        "seniority": "senior",
        "experience_years_min": 6,
        "employment_type": "full_time",
        "skills": [
            "Node.js", "Spring Boot", "FastAPI", "Express.js", "PostgreSQL", "MySQL", "MongoDB",
            "microservices", "distributed systems", "system design", "DDD",
            "event-driven architecture", "CI/CD",
        ],
        "education_level": ["bachelor", "master"],
    },
}  # fmt: skip


def seeds() -> Iterator[Record]:
    for stem, truth in SEED_TRUTH.items():
        yield {
            "id": f"seed:{stem}",
            "source_format": "seed_text",
            "raw": (SEEDS / f"{stem}.txt").read_text(encoding="utf-8"),
            "truth": truth,
            "truth_source_fields": {key: "samples README table" for key in truth},
        }


def _jobs(path: Path) -> list[Record]:
    data = json.loads(path.read_text(encoding="utf-8"))
    if isinstance(data, list):
        return data
    if "hits" in data:
        return [hit["_source"] for hit in data["hits"]["hits"]]
    return list(data["jobs"])


FORMATS = {
    "greenhouse": ("greenhouse_job_board_api", greenhouse),
    "lever": ("lever_postings_api", lever),
    "ashby": ("ashby_posting_api", ashby),
    "jobtech": ("jobtech_search_hit", jobtech),
}


def ats_records() -> Iterator[Record]:
    for path in sorted(ATS.glob("*.json")):
        board, _, origin = path.stem.partition("_")
        source_format, label = FORMATS[board]
        for job in _jobs(path):
            truth, fields = label(job)
            record: Record = {"id": f"{board}:{job['id']}", "source_format": source_format}
            if origin in REPOS:
                record["source_repo"] = REPOS[origin]
            record.update(raw=job, truth=truth, truth_source_fields=fields)
            yield record


def main() -> None:
    records = [*ats_records(), *seeds()]
    OUT.parent.mkdir(parents=True, exist_ok=True)
    with OUT.open("w", encoding="utf-8") as handle:
        for record in records:
            handle.write(json.dumps(record, ensure_ascii=False, sort_keys=True) + "\n")
    print(f"wrote {len(records)} records to {OUT.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
