"""Which truth values a board push states (jobstream.eval_stated), on invented postings."""

from __future__ import annotations

from jobstream.eval_metrics import Tally
from jobstream.eval_stated import split_stated
from jobstream.eval_truth import expected


def _payload(description: str, title: str = "Cook") -> dict[str, str]:
    return {"title": title, "location": "Leeds, GB", "description": description}


def test_salary_is_stated_only_when_every_amount_is_written() -> None:
    truth = expected({"salary_min": 50_000, "salary_max": 60_000, "salary_currency": "GBP"})
    kept, _ = split_stated(truth, _payload("<p>Salary: £50,000 - £60,000 a year</p>"))
    assert kept["salary"] is not None
    kept, unstated = split_stated(truth, _payload("Pay: from £50,000"))  # the top is not written
    assert kept["salary"] is None and "salary" in unstated


def test_salary_notations() -> None:
    truth = expected({"salary_min": 100_000, "salary_max": 150_000, "salary_currency": "RUB"})
    kept, _ = split_stated(truth, _payload("Доход 100-150 тыс. руб. на руки"))
    assert kept["salary"] is not None


def test_employment_mention_about_staff_is_not_stated() -> None:
    truth = expected({"employment_type": "full_time"})
    kept, _ = split_stated(truth, _payload("Benefits for all full-time Acme employees."))
    assert kept["employment_type"] is None
    kept, _ = split_stated(truth, _payload("Full-time, Monday to Friday."))
    assert kept["employment_type"] == frozenset({"FULL_TIME"})


def test_workplace_and_zero_experience() -> None:
    truth = expected({"remote": "remote", "experience_bucket_source": "noExperience"})
    kept, _ = split_stated(truth, _payload("Работа удалённо. Опыт: 15 лет на рынке."))
    assert kept["workplace"] == frozenset({"remote"})
    assert kept["experience"] is None  # a company's 15 years is not "no experience"
    kept, _ = split_stated(truth, _payload("Берём без опыта, всему научим."))
    assert kept["experience"] == (0.0, 0.0)


def test_fields_pushed_as_fields_are_always_stated() -> None:
    truth = expected({"title": "Cook", "location_country": "GB", "location_city": "Leeds"})
    kept, unstated = split_stated(truth, _payload(""))
    assert kept["title"] == "Cook" and kept["country"] and kept["city"] and not unstated


def test_jobspy_keyword_remote_flag_is_not_truth() -> None:
    truth = expected({"remote": "remote"}, {"remote": "is_remote==True"})
    assert truth["workplace"] is None
    assert expected({"remote": "remote"}, {"remote": "workplaceType"})["workplace"]


def test_unstated_values_are_counted_apart() -> None:
    tally = Tally()
    doc = {"employment_type": ["PART_TIME"]}
    tally.add("a", doc, {"employment_type": None}, {"employment_type": frozenset({"FULL_TIME"})})
    summary = tally.summary()
    assert summary["fields"]["employment_type"]["n"] == 0
    assert summary["unstated"]["employment_type"] == {"n": 1, "differs": 1}
