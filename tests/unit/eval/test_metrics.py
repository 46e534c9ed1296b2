"""The evaluation's arithmetic, on tiny hand-made records."""

from __future__ import annotations

import json
import sys
import types
from pathlib import Path
from typing import Any

import pytest

from jobstream import eval_match
from jobstream import evaluate as cli
from jobstream.eval_match import correct, skill_hits
from jobstream.eval_metrics import Tally
from jobstream.eval_norm import country_code, same_city
from jobstream.eval_truth import expected


def _doc(**fields: Any) -> dict[str, Any]:
    return {"title": None, "company": {"name": None}, "locations": [], **fields}


def test_wrong_value_counts_as_given_but_not_correct() -> None:
    tally = Tally()
    tally.add("a", _doc(title="Data Analyst"), expected({"title": "Backend Engineer"}))
    rates = tally.summary()["fields"]["title"]
    assert rates == {"n": 1, "coverage": 1.0, "precision": 0.0, "recall": 0.0, "wrong": 1.0}


def test_missing_value_lowers_coverage_not_precision() -> None:
    tally = Tally()
    tally.add("a", _doc(title="Backend Engineer"), expected({"title": "backend  engineer"}))
    tally.add("b", _doc(), expected({"title": "Nurse"}))
    rates = tally.summary()["fields"]["title"]
    assert rates == {"n": 2, "coverage": 0.5, "precision": 1.0, "recall": 0.5, "wrong": 0.0}


def test_records_without_truth_for_a_field_are_not_counted() -> None:
    tally = Tally()
    tally.add("a", _doc(title="Cook", seniority="senior"), expected({"title": "Cook"}))
    assert tally.summary()["fields"]["seniority"]["n"] == 0
    assert tally.summary()["fields"]["seniority"]["coverage"] is None


@pytest.mark.parametrize(
    ("written", "code"),
    [("US", "US"), ("USA", "US"), ("United States", "US"), ("POL", "PL"), ("Poland", "PL"),
     ("Sverige", "SE"), ("UK", "GB"), ("pl", "PL"), ("European Union", None), ("", None)],
)  # fmt: skip
def test_country_as_sources_write_it_becomes_iso_alpha2(written: str, code: str | None) -> None:
    assert country_code(written) == code


def test_truth_country_in_alpha3_matches_extracted_alpha2() -> None:
    want = expected({"location_country": "POL"})["country"]
    assert correct("country", "PL", want)
    assert not correct("country", "DE", want)


def test_cities_match_across_case_diacritics_and_languages() -> None:
    assert same_city("krakow", "Kraków")
    assert same_city("LODZ", "Łódź")
    assert same_city("Moscow", "Москва")
    assert not same_city("Moscow", "Warszawa")


def test_salary_matches_within_one_percent_same_currency_and_period() -> None:
    want = expected(
        {"salary_min": 100000, "salary_max": 120000, "salary_currency": "RUR",
         "salary_period": "month"}
    )["salary"]  # fmt: skip
    base = {"min": 100500.0, "max": 119000.0, "currency": "RUB", "period": "MONTH"}
    assert correct("salary", base, want)
    assert not correct("salary", {**base, "min": 98000.0}, want)
    assert not correct("salary", {**base, "currency": "USD"}, want)
    assert not correct("salary", {**base, "period": "YEAR"}, want)


def test_employment_type_given_must_be_among_truth_values() -> None:
    want = expected({"employment_type": ["part_time", "full_time"]})["employment_type"]
    assert correct("employment_type", ["FULL_TIME"], want)
    assert not correct("employment_type", ["FULL_TIME", "CONTRACTOR"], want)


def test_mid_senior_level_accepts_mid_or_senior_only() -> None:
    want = expected({"seniority_source": "mid_senior_level"})["seniority"]
    assert correct("seniority", "senior", want)
    assert correct("seniority", "mid", want)
    assert not correct("seniority", "junior", want)


def test_skills_recall_is_micro_averaged_over_tags(monkeypatch: pytest.MonkeyPatch) -> None:
    # Stand-in taxonomy: the tag "Golang" resolves to the id of an extracted skill named "Go".
    aliases = {"Golang": frozenset({"x:go"})}
    monkeypatch.setattr(eval_match, "_taxonomy_ids", lambda name: aliases.get(name, frozenset()))
    assert skill_hits([{"id": "x:go", "name": "Go"}], ["Golang", "Gopher"]) == 1
    tally = Tally()
    got = [{"id": "x:nodejs", "name": "NodeJS"}, {"id": "x:openapi", "name": "OpenAPI"}]
    tally.add("a", _doc(skills=got), expected({"skills": ["Node.js", "Swagger/OpenAPI", "Go"]}))
    tally.add("b", _doc(), expected({"skills": ["Rust"]}))
    rates = tally.summary()["fields"]["skills"]
    assert rates["recall"] == 0.5  # 2 of 4 tags
    assert rates["precision"] == round(2 / 3, 4)  # tags of records that gave skills
    assert rates["coverage"] == 0.5
    assert skill_hits(got, ["node js"]) == 1


def test_failed_record_counts_as_no_value_and_is_listed() -> None:
    def pipeline(record: dict[str, Any]) -> dict[str, Any]:
        if record["payload"]["title"] == "Bad":
            raise ValueError("unusable")
        return _doc(title=record["payload"]["title"])

    records = [
        {"id": f"rocketjobs:{title}", "source_format": "rocketjobs_api_list",
         "raw": {"title": title}, "truth": {"title": title}}
        for title in ("Good", "Bad")
    ]  # fmt: skip
    tally = cli.evaluate(iter(records), pipeline, board=True)
    assert tally.summary()["fields"]["title"]["coverage"] == 0.5
    assert tally.summary()["failures"] == [
        {"id": "rocketjobs:Bad", "error": "ValueError: unusable"}
    ]


def test_cli_exits_1_when_a_field_falls_below_threshold(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    data = tmp_path / "set.jsonl"
    raw = {"title": "Welder", "companyName": "Acme", "city": "Gdańsk"}
    truth = {"title": "Welder", "company": "Acme", "location_city": "Gdansk"}
    data.write_text(json.dumps({"id": "r:1", "source_format": "rocketjobs_api_list",
                                "raw": raw, "truth": truth}) + "\n")  # fmt: skip
    fake = types.ModuleType("jobstream.offline")
    fake.process_record = lambda record: _doc(title=record["payload"]["title"])  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "jobstream.offline", fake)
    limits = tmp_path / "limits.json"
    limits.write_text(json.dumps({"title": {"recall": 0.9}, "city": {"recall": 0.5}}))
    out = tmp_path / "out.json"

    assert cli.main([str(data), "--board-push", "--json", str(out)]) == 0
    assert json.loads(out.read_text())["fields"]["title"]["recall"] == 1.0
    assert cli.main([str(data), "--board-push", "--min-thresholds", str(limits)]) == 1
    assert "city: recall 0.000 < minimum 0.5" in capsys.readouterr().err


def test_title_matches_once_bracketed_asides_are_dropped() -> None:
    want = expected({"title": "(1099 Contract) Solution Architect"})["title"]
    assert correct("title", "Solution Architect", want)
    assert not correct("title", "Solution Engineer", want)


def test_salary_truncated_to_whole_units_by_the_source_still_matches() -> None:
    want = expected({"salary_min": 16, "salary_max": 18, "salary_currency": "USD"})["salary"]
    assert correct("salary", {"min": 16.55, "max": 18.0, "currency": "USD"}, want)
    assert not correct("salary", {"min": 17.2, "max": 18.0, "currency": "USD"}, want)


def test_experience_bucket_accepts_any_minimum_inside_it() -> None:
    bucket = expected({"experience_bucket_source": "between1And3", "experience_years_min": 1})
    assert correct("experience", 2.0, bucket["experience"])
    assert not correct("experience", 5.0, bucket["experience"])
    exact = expected({"experience_years_min": 5, "experience_years_max": 10})["experience"]
    assert correct("experience", 5.0, exact)
    assert not correct("experience", 7.0, exact)
