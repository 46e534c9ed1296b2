"""hh.ru vacancies and JobSpy rows, on hand-written payloads of their public shape."""

from datetime import UTC, datetime, timedelta, timezone

from services.normalizer.formats import detect_format, parse

HH_VACANCY = {
    "id": "900001",
    "name": "Инженер\u00a0данных",
    "area": {"id": "2", "name": "Санкт-Петербург"},
    "employer": {"id": "77", "name": "Северный Ветер"},
    "salary": {"from": 150000, "to": None, "currency": "RUR", "gross": True},
    "employment": {"id": "full", "name": "Полная занятость"},
    "schedule": {"id": "remote", "name": "Удаленная работа"},
    "experience": {"id": "between1And3", "name": "От 1 года до 3 лет"},
    "key_skills": [{"name": "SQL"}, {"name": "Airflow"}],
    "published_at": "2026-02-03T12:30:00+0300",
    "alternate_url": "https://hh.ru/vacancy/900001",
    "description": "<p><strong>Обязанности:</strong></p><ul><li>Строить витрины</li></ul>"
    "<p><strong>Требования:</strong></p><ul><li>SQL</li></ul><p><strong>Условия:</strong></p>"
    "<ul><li>ДМС</li></ul>",
}


def test_hh_vacancy_fields_and_russian_sections() -> None:
    assert detect_format(HH_VACANCY) == "hh"
    posting = parse("hh", HH_VACANCY)
    assert posting.title == "Инженер данных"
    assert posting.company == "Северный Ветер"
    assert posting.locations == ["Санкт-Петербург"]
    assert posting.employment_type == ["full"]
    assert posting.workplace == "remote"
    assert posting.experience == "between1And3"
    assert posting.skills == ["SQL", "Airflow"]
    assert posting.hint_fields["skills"] == "key_skills[].name"
    assert posting.salary is not None
    assert (posting.salary.min, posting.salary.max, posting.salary.currency) == (
        150000,
        None,
        "RUR",
    )
    assert posting.date_posted == datetime(2026, 2, 3, 12, 30, tzinfo=timezone(timedelta(hours=3)))
    kinds = [(s.kind, s.items) for s in posting.description.sections]
    assert kinds == [
        ("responsibilities", ["Строить витрины"]),
        ("requirements", ["SQL"]),
        ("benefits", ["ДМС"]),
    ]


def test_hh_search_item_snippet_and_work_format() -> None:
    item = {
        "id": "5",
        "name": "Тестировщик",
        "area": {"name": "Казань"},
        "employer": {"name": "Волга Софт"},
        "work_format": [{"id": "HYBRID", "name": "Гибрид"}],
        "salary_range": {"from": 90000, "to": 120000, "currency": "RUR", "mode": {"id": "MONTH"}},
        "snippet": {"requirement": "Опыт <highlighttext>тестирования</highlighttext> API."},
        "published_at": "2026-05-01T09:00:00+0300",
    }
    posting = parse("auto", item)
    assert posting.workplace == "HYBRID"
    assert posting.salary is not None and posting.salary.period == "MONTH"
    assert posting.description.sections[0].kind == "requirements"
    assert posting.description.sections[0].items == ["Опыт тестирования API."]


def test_jobspy_row_with_empty_csv_cells() -> None:
    row = {
        "id": "in-abc",
        "site": "indeed",
        "job_url": "https://in.indeed.com/viewjob?jk=abc",
        "title": "Accounts Executive",
        "company": "Lotus Traders",
        "location": "Pune, MH, IN",
        "job_type": "fulltime, parttime",
        "date_posted": "2026-01-09",
        "interval": "monthly",
        "min_amount": 25000.0,
        "max_amount": float("nan"),
        "currency": "INR",
        "is_remote": False,
        "description": "**Responsibilities**\n\n* Prepare invoices\n* Reconcile GST\n\n"
        "**Job Type:** Full\\-time",
    }
    assert detect_format(row) == "jobspy"
    posting = parse("jobspy", row)
    assert posting.employment_type == ["fulltime", "parttime"]
    assert posting.workplace is None
    assert posting.salary is not None
    assert (posting.salary.min, posting.salary.max, posting.salary.period) == (
        25000,
        None,
        "monthly",
    )
    assert posting.date_posted == datetime(2026, 1, 9, tzinfo=UTC)
    assert posting.description.sections[0].items[:2] == ["Prepare invoices", "Reconcile GST"]
    assert posting.hint_fields["employment_type"] == "job_type"
    assert "Full-time" in posting.description.text
