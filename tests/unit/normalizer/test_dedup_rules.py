"""The keys two sources' values are compared on, and the rules that call two postings one job."""

import os
import subprocess
import sys
from datetime import UTC, datetime, timedelta

import pytest

from services.normalizer.dedup import keys
from services.normalizer.dedup.features import Features, extract
from services.normalizer.dedup.rules import Thresholds, compare
from services.normalizer.dedup.sketch import jaccard
from services.normalizer.dedup.words import word_hashes
from shared.posting import Description, NormalizedPosting

DUTIES = (
    "You will design and build the payment platform that settles millions of transactions a day. "
    "You will own services end to end, from the first design document to the on-call rotation. "
    "You will work with product managers and designers to ship features our merchants love. "
    "We expect five years of backend experience with Python or Go and PostgreSQL in production. "
    "Experience with event-driven systems, Kafka or RabbitMQ, and observability is a plus. "
)
ABOUT = (
    "Acme is a fintech company with offices in Berlin, London and Lisbon. We are a diverse team "
    "of four hundred people from forty countries and we care about craft, kindness and impact. "
)
BENEFITS = (
    "We offer thirty days of paid vacation, a learning budget of two thousand euros a year, a "
    "public transport ticket, a pension plan with employer matching, flexible hours and the "
    "option to work from anywhere in the European Union for up to eight weeks every year. "
)
OTHER_DUTIES = (
    "You will run the data warehouse and the pipelines that feed our fraud detection models. "
    "You will write dbt models, tune Spark jobs and keep the analysts' dashboards fast and right. "
    "We expect experience with Airflow, Snowflake or BigQuery and strong SQL across large tables. "
)
LIMITS = Thresholds()


def posting(**fields: object) -> NormalizedPosting:
    defaults: dict[str, object] = {
        "title": "Senior Backend Engineer",
        "company": "Acme GmbH",
        "locations": ["Berlin, Germany"],
        "description": Description(text=ABOUT + DUTIES),
        "date_posted": datetime(2026, 3, 1, tzinfo=UTC),
    }
    return NormalizedPosting.model_validate(defaults | fields)


def features(**fields: object) -> Features:
    return extract(posting(**fields))


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Acme GmbH", "ACME"),
        ("Telenor Sverige AB", "telenor sverige"),
        ("AB Svenska Spel", "Svenska Spel AB (publ)"),
        ("Match Group, Inc.", "matchgroup"),
        ("Smörgås Ltd.", "Smorgas"),
    ],
)
def test_company_keys_ignore_legal_form_case_punctuation(a: str, b: str) -> None:
    assert keys.company_key(a) == keys.company_key(b)


def test_company_keys_of_different_companies_differ() -> None:
    assert keys.company_key("Acme GmbH") != keys.company_key("Acme Robotics GmbH")
    assert keys.company_key(None) is None


@pytest.mark.parametrize(
    ("a", "b", "same_job"),
    [
        ("Backend Engineer (m/w/d)", "backend engineer", True),
        ("Backend-Entwickler (f/m/x)", "Backend Entwickler (all genders)", True),
        ("Account Executive", "Account Executive - Italy", True),
        ("Senior Backend Engineer", "Backend Engineer", False),
        ("Android Engineer II", "Android Engineer III", False),
        ("Data Engineer", "Data Scientist", False),
    ],
)
def test_title_compatibility(a: str, b: str, same_job: bool) -> None:
    assert keys.titles_compatible(keys.title_words(a), keys.title_words(b)) is same_job


def test_place_keys_are_city_level() -> None:
    assert keys.place_keys(["Göteborg, Västra Götalands län"]) == ("goteborg",)
    assert keys.place_keys(["London (Hybrid), UK"]) == ("london",)
    assert keys.place_keys(["Remote, Italy"]) == ("remote italy",)
    assert keys.place_keys(["Remote - US", "US, Remote"]) == ("remote us",)
    assert keys.place_keys(["Remote (EMEA)"]) == ("remote",)


@pytest.mark.parametrize(
    ("a", "b", "overlap"),
    [
        (["London, UK"], ["London, England, United Kingdom"], True),
        (["Washington"], ["Washington D.C."], True),
        (["Remote, US"], ["Remote (EMEA)"], True),
        (["Remote, Italy"], ["Remote, Spain"], False),
        (["Berlin, Germany"], [], True),
        (["Berlin, Germany"], ["Munich, Germany"], False),
        (["Europe"], ["North America"], False),
    ],
)
def test_places_overlap(a: list[str], b: list[str], overlap: bool) -> None:
    assert keys.places_overlap(keys.place_keys(a), keys.place_keys(b)) is overlap


def test_departments_compatible_unless_both_stated_and_different() -> None:
    engineering = keys.department_words("Engineering")
    assert keys.departments_compatible(engineering, keys.department_words("Engineering - Backend"))
    assert keys.departments_compatible(engineering, keys.department_words(None))
    assert not keys.departments_compatible(engineering, keys.department_words("Payments"))


def test_word_hashes_ignore_case_spacing_and_punctuation_style() -> None:
    a = word_hashes("You’ll build APIs — fast,\u00a0safe.")
    b = word_hashes("you'll  build apis - fast, safe")
    assert a.tolist() == b.tolist()
    assert len(word_hashes("Göteborg och Malmö")) == 3


def test_word_hash_is_the_polynomial_hash_of_the_bytes() -> None:
    prime, expected = 0x100000001B3, 0
    for position, byte in enumerate(b"node"):
        expected = (expected + (byte + 1) * prime**position) % 2**64
    assert word_hashes("Node").tolist() == [expected]


def test_bands_are_the_same_in_every_process() -> None:
    # Python's hash() is salted per process; a replica with other bands would find no twin.
    script = (
        "from services.normalizer.dedup.features import extract;"
        "from services.normalizer.dedup.sketch import band_keys;"
        "from shared.posting import NormalizedPosting, Description;"
        f"p = NormalizedPosting(description=Description(text={DUTIES!r}));"
        "print(band_keys('acme', extract(p).sketch, 42, 3))"
    )
    outputs = {
        subprocess.run(
            [sys.executable, "-c", script],
            env={**os.environ, "PYTHONHASHSEED": seed},
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        for seed in ("1", "2")
    }
    assert len(outputs) == 1


def test_same_content_from_another_source() -> None:
    match = compare(features(), features(company="ACME"), "board:1", LIMITS)
    assert match is not None
    assert (match.kind, match.rule, match.similarity) == ("same_content", "same-content", 1.0)


def test_near_copy_with_a_gender_marker_and_a_footer() -> None:
    copy = features(
        title="Senior Backend Engineer (m/w/d)",
        description=Description(text=ABOUT + DUTIES + "Apply now on Jobboard! Ref 2291."),
    )
    match = compare(features(), copy, "board:2", LIMITS)
    assert match is not None
    assert (match.kind, match.rule) == ("near", "near-text")
    assert match.similarity is not None and LIMITS.near_jaccard <= match.similarity < 1.0


def test_trimmed_copy_is_contained_in_the_full_posting() -> None:
    trimmed = features(description=Description(text=DUTIES))
    full = features(description=Description(text=ABOUT + DUTIES + BENEFITS))
    match = compare(trimmed, full, "ats:1", LIMITS)
    assert match is not None
    assert match.rule == "contained-text"


def test_same_url_is_evidence_for_a_compatible_title() -> None:
    a = features(url="https://jobs.lever.co/acme/3414ba28-35f7-45d3-8e13-35c883959635")
    b = features(
        url="https://jobs.lever.co/acme/3414ba28-35f7-45d3-8e13-35c883959635/apply?lever-source=x",
        description=Description(text=OTHER_DUTIES),
    )
    match = compare(a, b, "board:3", LIMITS)
    assert match is not None and match.rule == "same-url"
    other_title = features(title="Office Manager", url=b.canonical_url)
    assert compare(a, other_title, "board:4", LIMITS) is None


@pytest.mark.parametrize(
    "changed",
    [
        {"locations": ["Munich, Germany"]},
        {"company": "Globex Corporation"},
        {"department": "Payments"},
        {"date_posted": datetime(2026, 3, 1, tzinfo=UTC) + timedelta(days=61)},
        {"title": "Junior Backend Engineer"},
        {"description": Description(text=ABOUT + OTHER_DUTIES)},
    ],
    ids=["other city", "other company", "other team", "too far apart", "other level", "other text"],
)
def test_lookalikes_are_not_duplicates(changed: dict[str, object]) -> None:
    original = features(department="Engineering")
    assert compare(original, features(**changed), "other:1", LIMITS) is None


def test_without_a_company_on_both_sides_only_near_identical_text_matches() -> None:
    copy = features(company=None, description=Description(text=ABOUT + DUTIES + "Apply now."))
    near = compare(features(company=None), copy, "board:5", LIMITS)
    assert near is not None and near.rule == "near-text" and (near.similarity or 0) >= 0.8
    other = features(company=None, description=Description(text=ABOUT + OTHER_DUTIES))
    assert compare(features(company=None), other, "board:7", LIMITS) is None
    # One side naming a company and the other not is not enough for a text match.
    assert compare(features(), copy, "board:8", LIMITS) is None
    # The same content still matches.
    same = compare(features(company=None), features(company=None), "board:6", LIMITS)
    assert same is not None and same.rule == "same-content"


def test_jaccard_estimate_tracks_shared_text() -> None:
    a, b, c = (features(description=Description(text=t)).sketch for t in
               (ABOUT + DUTIES, ABOUT + DUTIES + "Apply now.", ABOUT + OTHER_DUTIES))  # fmt: skip
    assert a is not None and b is not None and c is not None
    assert jaccard(a, a) == 1.0
    assert jaccard(a, b) > 0.8 > 0.5 > jaccard(a, c)
