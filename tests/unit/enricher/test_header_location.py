"""A text posting states its place on the short lines under its title, often without a label."""

from __future__ import annotations

from services.enricher.enrich import enrich
from services.enricher.geo import from_header
from services.normalizer.formats import parse


def _places(payload: str, fmt: str = "text") -> list[tuple[str | None, str | None]]:
    posting = parse(fmt, payload, url=None)
    return [(loc.city, loc.country) for loc in enrich(posting).locations]


def test_a_city_and_state_under_the_employer_is_the_location() -> None:
    text = (
        "Registered Nurse - ICU\nMemorial Hermann, Houston, TX\n\nPay: $42 - $58 an hour\n"
        "Work Location: In person\n"
    )
    assert _places(text) == [("Houston", "US")]


def test_a_large_city_alone_on_its_line_is_the_location_in_any_script() -> None:
    assert _places("Бухгалтер\nСанкт-Петербург\n\nЗарплата: 80 000 ₽\n") == [
        ("Saint Petersburg", "RU")
    ]
    assert _places("Frontendutvecklare\nGöteborg\n\nHeltid\n") == [("Gothenburg", "SE")]


def test_segments_of_a_header_line_and_state_codes_outside_the_us() -> None:
    html = "<h1>Backend Engineer</h1><p>Acme GmbH · Berlin, Germany (Hybrid)</p><p>Go.</p>"
    assert _places(html, "html") == [("Berlin", "DE")]
    assert _places("Pastry Chef\nHotel Adlon\nSydney NSW 2000\n\nJoin us.") == [("Sydney", "AU")]


def test_a_remote_line_with_its_country() -> None:
    posting = parse("text", "Senior DevOps Engineer\nPolska (zdalnie)\n\n100% zdalnie\n", url=None)
    locations = enrich(posting).locations
    assert [(loc.kind, loc.country) for loc in locations] == [("remote", "PL")]


def test_names_that_are_not_places_give_no_location() -> None:
    for head in ("Memorial Hermann", "Phoenix Group", "Lincoln Electric", "Full-time, Mobile"):
        assert from_header(f"Nurse\n{head}\n\nWe are hiring.", "Nurse") is None, head
    # A sentence that names a city, or a city further down, is not the header's place.
    assert from_header("Analyst\nParis, Texas is where we began.\nJoin us.", "Analyst") is None
    body = "Analyst\nAcme\nFull-time\nGreat team\nGood pay\nBenefits\nOffice in Berlin, Germany"
    assert from_header(body, "Analyst") is None
    assert from_header("Nurse\nGeorgia\n", "Nurse") is None  # the country or the US state


def test_a_stated_location_field_wins_and_the_header_names_its_evidence() -> None:
    text = "Data Engineer\nLocation: Munich, Germany\nBerlin, Germany\n\nWe build pipelines."
    enriched = enrich(parse("text", text, url=None))
    assert [(loc.city, loc.country) for loc in enriched.locations] == [("Munich", "DE")]
    header = enrich(parse("text", "Data Engineer\nAcme\nBerlin, Germany\n\nWe build.", url=None))
    assert header.provenance["locations"].evidence == "Berlin, Germany"
    assert header.provenance["locations"].method == "rule"
