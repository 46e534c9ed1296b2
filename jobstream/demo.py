"""`jobstream demo`: push the two sample postings to a running stack and show what was indexed."""

from __future__ import annotations

import json
import os
import time
from importlib import resources
from typing import Any

import httpx
from pymongo import MongoClient

from jobstream.runner import STATE_FILE

SAMPLES = ("senior-backend-engineer-mumbai", "senior-backend-developer-product-company")


def sample_postings() -> list[dict[str, Any]]:
    data = resources.files("jobstream") / "data"
    return [
        {
            "source": "demo",
            "external_id": name,
            "format": "text",
            "payload": (data / f"{name}.txt").read_text(encoding="utf-8"),
        }
        for name in SAMPLES
    ]


def _years(experience: dict[str, Any]) -> str:
    low, high = experience.get("min_years"), experience.get("max_years")
    if low is None and high is None:
        return "not stated"
    if high is None:
        return f"{low:g}+ years"
    return f"{low or 0:g}-{high:g} years"


def _summary(doc: dict[str, Any]) -> str:
    locations = ", ".join(
        f"{loc.get('city') or loc.get('raw')}/{loc.get('country') or '?'}"
        for loc in doc["locations"]
    )
    experience = _years(doc.get("experience") or {})
    skills = ", ".join(s["name"] for s in doc.get("skills", [])[:15])
    company = (doc.get("company") or {}).get("name") or "company not stated"
    return (
        f"- {doc['id']} v{doc['version']}: {doc.get('title')} "
        f"[{doc.get('seniority')}] at {company}\n"
        f"    location: {locations or 'not stated'}; experience: {experience}; "
        f"employment: {', '.join(doc.get('employment_type') or []) or 'not stated'}\n"
        f"    skills ({len(doc.get('skills', []))}): {skills}"
    )


def demo(gateway_url: str | None, mongo_url: str | None, database: str, timeout_s: float) -> int:
    state = json.loads(STATE_FILE.read_text()) if STATE_FILE.exists() else {}
    gateway_url = gateway_url or state.get("urls", {}).get("gateway", "http://127.0.0.1:8000")
    mongo_url = mongo_url or state.get("mongo_url", "mongodb://127.0.0.1:27017/")
    # The gateway wants an ingest key: JOBSTREAM_API_KEY, else the dev key `jobstream run` saved.
    api_key = os.environ.get("JOBSTREAM_API_KEY") or state.get("api_key", "")
    response = httpx.post(
        f"{gateway_url}/v1/postings",
        json={"postings": sample_postings()},
        headers={"X-API-Key": api_key},
    )
    print(f"POST {gateway_url}/v1/postings -> {response.status_code} {response.text}")
    if response.status_code != 202:
        return 1
    accepted = {a["posting_id"]: a["version"] for a in response.json()["accepted"]}
    postings = MongoClient(mongo_url, tz_aware=True)[database]["postings"]
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        docs = list(postings.find({"_id": {"$in": list(accepted)}}))
        if len(docs) == len(accepted):
            print("Indexed:")
            for doc in docs:
                print(_summary(doc))
            return 0
        time.sleep(0.3)
    print(f"not indexed within {timeout_s}s; is `make run` running?")
    return 1
