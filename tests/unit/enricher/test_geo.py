import pytest

from services.enricher.geo import geocode


@pytest.mark.parametrize(
    ("raw", "city", "region", "country", "kind"),
    [
        ("KA, IN", None, "Karnataka", "IN", "region"),
        ("Springfield, IL", "Springfield", "Illinois", "US", "city"),
        ("Mumbai", "Mumbai", "Maharashtra", "IN", "city"),
        ("Chicago, IL, US", "Chicago", "Illinois", "US", "city"),
        ("Sydney, NSW, AU", "Sydney", "New South Wales", "AU", "city"),
        ("Toronto, ON", "Toronto", "Ontario", "CA", "city"),
        ("Москва", "Moscow", None, "RU", "city"),
        ("Remote - EMEA", None, "EMEA", None, "area"),
        ("Sverige", None, None, "SE", "country"),
        ("Deutschland", None, None, "DE", "country"),
        ("Россия", None, None, "RU", "country"),
        ("United Kingdom", None, None, "GB", "country"),
        ("UK", None, None, "GB", "country"),
        ("USA", None, None, "US", "country"),
        ("POL", None, None, "PL", "country"),
    ],
)
def test_single_place(
    raw: str, city: str | None, region: str | None, country: str | None, kind: str
) -> None:
    [loc] = geocode([raw])
    assert (loc.city, loc.region, loc.country, loc.kind) == (city, region, country, kind)


def test_city_has_coordinates() -> None:
    [loc] = geocode(["Mumbai"])
    assert loc.lat is not None and 18 < loc.lat < 20


def test_several_places() -> None:
    locs = geocode(["Berlin, Munich or Remote"])
    assert [(x.city, x.kind) for x in locs] == [
        ("Berlin", "city"),
        ("Munich", "city"),
        (None, "remote"),
    ]
    assert [x.country for x in geocode(["London | New York"])] == ["GB", "US"]


def test_remote_with_country() -> None:
    [loc] = geocode(["Remote (Poland)"])
    assert (loc.kind, loc.country) == ("remote", "PL")


def test_country_hint_disambiguates() -> None:
    [loc] = geocode(["Manchester"], country_hint="US")
    assert loc.country == "US"


def test_unknown_place_is_not_guessed() -> None:
    [loc] = geocode(["Foo, Bar"])
    assert (loc.city, loc.country, loc.kind) == (None, None, "unknown")


def test_a_place_read_again_is_the_same_and_its_own_copy() -> None:
    first = geocode(["Mumbai"])
    first[0].city = "changed by a caller"
    again = geocode(["Mumbai"])
    assert (again[0].city, again[0].country) == ("Mumbai", "IN")
    assert geocode(["Manchester"], country_hint="US")[0].country == "US"
    assert geocode(["Manchester"])[0].country == "GB"


def test_a_region_the_gazetteer_lacks_is_not_a_place_of_its_own() -> None:
    """ "City, Region, Country" where the region's name is unknown: one city, with or without a
    country hint (the hint alone used to make each part a "place" of that country)."""
    for raw, country in [
        ("Athens, Attica, Greece", "GR"),
        ("Amsterdam, North Holland, Netherlands", "NL"),
        ("Kraków, Lesser Poland Voivodeship, Poland", "PL"),
    ]:
        for hint in (None, country):
            found = geocode([raw], hint)
            assert [(loc.kind, loc.country) for loc in found] == [("city", country)], (raw, hint)
    # A list of two cities is still two places.
    assert [loc.city for loc in geocode(["Berlin, Munich"], "DE")] == ["Berlin", "Munich"]
