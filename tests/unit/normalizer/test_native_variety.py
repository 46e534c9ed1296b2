"""Values the native sources produce beyond the dev set: hh.ru's newer fields and modes, JobSpy
rows without a currency, JobTech durations, NoFluffJobs contract codes. Payloads hand-written."""

from typing import Any

import pytest

from services.enricher import employment, salary
from services.enricher.enrich import enrich
from services.normalizer.formats import parse
from shared.posting import SalaryHint


def _hh(**fields: Any) -> dict[str, Any]:
    job: dict[str, Any] = {
        "id": "1",
        "name": "Оператор склада",
        "employer": {"name": "Ромашка"},
        "area": {"id": "1", "name": "Москва"},
        "employment": {"id": "full", "name": "Полная занятость"},
        "schedule": {"id": "fullDay", "name": "Полный день"},
        "description": "<p>Приём и отгрузка товара.</p>",
    }
    job.update(fields)
    return job


def _row(**fields: Any) -> dict[str, Any]:
    row: dict[str, Any] = {
        "site": "indeed",
        "job_url": "https://www.indeed.com/viewjob?jk=1",
        "title": "Warehouse Associate",
        "company": "Acme",
        "location": "Dallas, TX, US",
        "job_type": "fulltime",
        "interval": "yearly",
        "min_amount": 28000.0,
        "max_amount": 32000.0,
        "currency": "",
        "is_remote": "False",
        "description": "Pick and pack orders.",
    }
    row.update(fields)
    return row


# hh.ru employment_form and internship: read when the deprecated employment is absent.
@pytest.mark.parametrize(
    ("form", "expected"),
    [("PART", ["PART_TIME"]), ("PROJECT", ["CONTRACTOR"]), ("FULL", ["FULL_TIME"])],
)
def test_hh_employment_form_stands_in_for_employment(form: str, expected: list[str]) -> None:
    posting = parse("hh", _hh(employment=None, employment_form={"id": form, "name": "x"}))
    assert posting.hint_fields["employment_type"] == "employment_form.id"
    assert enrich(posting).employment_type == expected


def test_hh_fly_in_fly_out_form_states_no_hours() -> None:
    job = _hh(employment=None, employment_form={"id": "FLY_IN_FLY_OUT", "name": "Вахта"})
    assert enrich(parse("hh", job)).employment_type == []


def test_hh_employment_id_wins_over_form_and_internship_flag() -> None:
    job = _hh(employment_form={"id": "PART", "name": "Частичная"}, internship=True)
    assert enrich(parse("hh", job)).employment_type == ["FULL_TIME"]


def test_hh_internship_flag_alone_is_an_internship() -> None:
    assert enrich(parse("hh", _hh(employment=None, internship=True))).employment_type == ["INTERN"]
    assert parse("hh", _hh(employment=None, internship=False)).employment_type == []


# hh.ru work_format: the first id that names a workplace; FIELD_WORK names none.
def test_hh_field_work_is_skipped_for_the_next_format() -> None:
    formats = [{"id": "FIELD_WORK", "name": "Разъездной"}, {"id": "REMOTE", "name": "Удалённо"}]
    posting = parse("hh", _hh(work_format=formats))
    assert posting.workplace == "REMOTE"
    assert enrich(posting).workplace == "remote"


def test_hh_field_work_alone_states_no_workplace() -> None:
    posting = parse("hh", _hh(work_format=[{"id": "FIELD_WORK", "name": "Разъездной"}]))
    assert posting.workplace is None
    both = [{"id": "ON_SITE", "name": "x"}, {"id": "HYBRID", "name": "y"}]
    assert enrich(parse("hh", _hh(work_format=both))).workplace == "onsite"


# hh.ru pay: the deprecated salary is monthly; salary_range's mode decides, non-periods stay null.
def test_hh_deprecated_salary_is_monthly() -> None:
    job = _hh(salary={"from": 60000, "to": None, "currency": "RUR", "gross": False})
    pay = enrich(parse("hh", job)).salary
    assert pay is not None
    assert (pay.currency, pay.period, pay.annual_min) == ("RUB", "MONTH", 720000)


def test_hh_salary_range_mode_wins_over_deprecated_salary() -> None:
    old = {"from": 400, "to": 600, "currency": "RUR", "gross": False}
    hourly = {**old, "mode": {"id": "HOUR", "name": "За час"}, "frequency": {"id": "WEEKLY"}}
    pay = enrich(parse("hh", _hh(salary=old, salary_range=hourly))).salary
    assert pay is not None and pay.period == "HOUR"


@pytest.mark.parametrize("mode", ["SHIFT", "FLY_IN_FLY_OUT", "SERVICE"])
def test_hh_modes_that_are_no_period_stay_null(mode: str) -> None:
    old = {"from": 3500, "to": None, "currency": "RUR", "gross": False}
    shift = {**old, "mode": {"id": mode, "name": "x"}, "frequency": None}
    pay = enrich(parse("hh", _hh(salary=old, salary_range=shift))).salary
    assert pay is not None
    assert (pay.min, pay.period, pay.annual_min) == (3500, None, None)


def test_hh_byr_is_todays_belarusian_ruble() -> None:
    job = _hh(area={"id": "1002", "name": "Минск"}, salary={"from": 1500, "currency": "BYR"})
    pay = enrich(parse("hh", job)).salary
    assert pay is not None and pay.currency == "BYN"
    for code, expected in (("BYN", "BYN"), ("KZT", "KZT"), ("UZS", "UZS"), ("EUR", "EUR")):
        found = salary.from_hint(SalaryHint(min=9, currency=code))
        assert found is not None and found.currency == expected


# JobSpy: amounts without a currency are in the row's country's currency, when it names one.
@pytest.mark.parametrize(
    ("location", "code"),
    [("Leeds, ENG, GB", "GBP"), ("KA, IN", "INR"), ("Sydney, NSW, AU", "AUD"), ("IN", "INR")],
)
def test_jobspy_empty_currency_is_the_indeed_countrys(location: str, code: str) -> None:
    posting = parse("jobspy", _row(location=location, currency=float("nan")))
    assert posting.salary is not None and posting.salary.currency == code


def test_jobspy_stated_currency_is_kept() -> None:
    posting = parse("jobspy", _row(location="Leeds, ENG, GB", currency="USD"))
    assert posting.salary is not None and posting.salary.currency == "USD"


@pytest.mark.parametrize(
    ("site", "location"),
    [
        ("linkedin", "San Jose, CA"),
        ("glassdoor", "Indianapolis, IN"),
        ("indeed", "Remote"),
        ("indeed", ""),
    ],
)
def test_jobspy_no_country_no_currency(site: str, location: str) -> None:
    posting = parse("jobspy", _row(site=site, location=location))
    assert posting.salary is not None and posting.salary.currency is None


def test_jobspy_three_part_location_of_another_site_names_its_country() -> None:
    posting = parse("jobspy", _row(site="linkedin", location="Toronto, ON, CA"))
    assert posting.salary is not None and posting.salary.currency == "CAD"


# JobTech: a stated duration makes the employment fixed-term; "Tills vidare" does not.
def _ad(**fields: Any) -> dict[str, Any]:
    ad: dict[str, Any] = {
        "headline": "Lagerarbetare",
        "employer": {"name": "Lager AB"},
        "description": {"text": "Vi söker en lagerarbetare."},
        "employment_type": {"label": "Vanlig anställning"},
        "working_hours_type": {"label": "Heltid"},
        "workplace_address": {"municipality": "Göteborg", "country": "Sverige"},
    }
    ad.update(fields)
    return ad


@pytest.mark.parametrize(
    "label", ["3 - 6 månader", "Upp till 10 dagar", "12 månader - upp till 2 år"]
)
def test_jobtech_duration_is_fixed_term(label: str) -> None:
    posting = parse("jobtech", _ad(duration={"label": label}))
    assert enrich(posting).employment_type == ["FULL_TIME", "TEMPORARY"]


@pytest.mark.parametrize("duration", [{"label": "Tills vidare"}, None, {"label": "Heltid"}])
def test_jobtech_open_ended_or_no_duration_is_not_fixed_term(duration: Any) -> None:
    assert enrich(parse("jobtech", _ad(duration=duration))).employment_type == ["FULL_TIME"]


def test_swedish_summer_and_seasonal_jobs_are_temporary() -> None:
    assert employment.normalize(["Sommarjobb / feriejobb"]) == ["TEMPORARY"]
    assert employment.normalize(["Säsongsanställning"]) == ["TEMPORARY"]
    assert employment.normalize(["Behovsanställning"]) == []
    assert employment.normalize(["Tillsvidareanställning (inkl. eventuell provanställning)"]) == []


# NoFluffJobs contract codes: civil-law contracts are contractors; "permanent" names no hours.
def _nfj(kind: str) -> dict[str, Any]:
    return {
        "id": "x",
        "title": "Tester",
        "name": "Firma",
        "url": "tester-firma",
        "location": {"places": [{"city": "Łódź", "country": {"code": "POL", "name": "Poland"}}]},
        "salary": {"from": 6000, "to": 8000, "type": kind, "currency": "PLN"},
    }


@pytest.mark.parametrize(
    ("kind", "expected"),
    [("zlecenie", ["CONTRACTOR"]), ("uod", ["CONTRACTOR"]), ("b2b", ["CONTRACTOR"])],
)
def test_nofluffjobs_civil_contracts_are_contractors(kind: str, expected: list[str]) -> None:
    assert enrich(parse("nofluffjobs", _nfj(kind))).employment_type == expected


def test_nofluffjobs_permanent_states_no_employment_type() -> None:
    posting = parse("nofluffjobs", _nfj("permanent"))
    assert posting.employment_type == ["permanent"]
    assert enrich(posting).employment_type == []
