from pathlib import Path

import pytest

from services.enricher.enrich import ENRICHER_VERSION, enrich
from services.enricher.skills import TAXONOMY_VERSION
from services.normalizer.formats import parse
from shared.posting import Description, NormalizedPosting

SEEDS = Path(__file__).parents[2] / "data" / "seeds"


@pytest.fixture(scope="module")
def mumbai():  # type: ignore[no-untyped-def]
    return enrich(parse("text", (SEEDS / "senior-backend-engineer-mumbai.txt").read_text()))


@pytest.fixture(scope="module")
def product():  # type: ignore[no-untyped-def]
    text = (SEEDS / "senior-backend-developer-product-company.txt").read_text()
    return enrich(parse("text", text))


def test_seed_mumbai(mumbai) -> None:  # type: ignore[no-untyped-def]
    assert (mumbai.title, mumbai.seniority) == ("Senior Backend Engineer", "senior")
    assert mumbai.title_normalized == "backend engineer"
    assert (mumbai.experience.min_years, mumbai.experience.max_years) == (5, 10)
    [loc] = mumbai.locations
    assert (loc.city, loc.region, loc.country) == ("Mumbai", "Maharashtra", "IN")
    assert mumbai.employment_type == ["FULL_TIME"]
    assert mumbai.salary is None
    assert mumbai.language == "en"
    assert mumbai.provenance["experience"].method == "rule"


def test_seed_product_company(product) -> None:  # type: ignore[no-untyped-def]
    assert (product.title, product.seniority) == ("Senior Backend Developer", "senior")
    assert (product.experience.min_years, product.experience.max_years) == (6, None)
    assert product.locations == []
    assert product.employment_type == ["FULL_TIME"]
    assert product.education.level == "bachelor"
    assert product.education.fields == ["computer science", "engineering"]
    assert "locations" not in product.provenance


def test_version() -> None:
    out = enrich(NormalizedPosting(title="Cashier"))
    assert out.enrichment_version == f"{ENRICHER_VERSION}+{TAXONOMY_VERSION}"


def test_source_hints_win_over_text() -> None:
    posting = NormalizedPosting(
        title="Support Agent",
        employment_type=["part_time"],
        workplace="remote",
        hint_fields={"employment_type": "job_type", "workplace": "is_remote"},
        description=Description(text="This is a full-time position. Fully remote team."),
    )
    out = enrich(posting)
    assert out.employment_type == ["PART_TIME"]
    assert out.provenance["employment_type"].method == "source_field"
    assert out.provenance["employment_type"].source_field == "job_type"
    assert out.workplace == "remote"


def test_remote_flag_contradicted_by_text() -> None:
    posting = NormalizedPosting(
        title="Analyst",
        workplace="remote",
        hint_fields={"workplace": "workplaceType"},
        description=Description(text="The role is hybrid, 3 days in office each week."),
    )
    out = enrich(posting)
    assert out.workplace == "hybrid"
    assert "remote" in (out.provenance["workplace"].evidence or "")


def test_nothing_stated_stays_empty() -> None:
    out = enrich(NormalizedPosting(title="Cashier", description=Description(text="Join us.")))
    assert out.salary is None and out.locations == [] and out.employment_type == []
    assert out.experience.min_years is None and out.education.level is None
    assert out.workplace is None and "salary" not in out.provenance


def test_source_seniority_wins_over_title() -> None:
    posting = NormalizedPosting(
        title="Business Development Manager",
        seniority="mid_senior_level",
        hint_fields={"seniority": "experienceLevel.id"},
    )
    out = enrich(posting)
    assert out.seniority == "senior"
    assert out.provenance["seniority"].method == "source_field"
    assert out.provenance["seniority"].source_field == "experienceLevel.id"


def test_hh_ids_in_hints_map() -> None:
    posting = NormalizedPosting(
        title="Python Developer",
        employment_type=["full"],
        experience="between1And3",
        workplace="remote",
        hint_fields={"employment_type": "employment.id", "experience": "experience.id"},
    )
    out = enrich(posting)
    assert out.employment_type == ["FULL_TIME"] and out.workplace == "remote"
    assert (out.experience.min_years, out.experience.max_years) == (1, 3)


def test_salary_without_currency_takes_the_only_country_s() -> None:
    text = "Заработная плата от 50 000 – 120 000 на руки."
    located = enrich(
        NormalizedPosting(title="QA", locations=["Москва"], description=Description(text=text))
    )
    assert located.salary is not None and located.salary.currency == "RUB"
    assert located.provenance["salary"].confidence < 0.7
    nowhere = enrich(NormalizedPosting(title="QA", description=Description(text=text)))
    assert nowhere.salary is None
