"""Places stated on the short lines that open a posting written as one text."""

from __future__ import annotations

import re

from services.enricher.geo_context import Context
from services.enricher.geo_index import (
    City,
    cities,
    city_key,
    countries,
    fold,
    region_name,
    subdivisions,
)
from services.enricher.geo_read import (
    CODED,
    PARENS,
    REMOTE,
    Reading,
    best_reading,
    city_in_region,
    find_city,
    remote,
    to_location,
)
from shared.posting import Location

# The head of a posting written as one text: its title, then lines like "Memorial Hermann",
# "Houston, TX", "Acme GmbH · Berlin, Germany (Hybrid)", "Full-time". A place stands there
# without a label; a segment is read as one only when every comma part of it is explained.
_HEAD_LINES = 6
_HEAD_MAX_CHARS = 90
_BIG_CITY = 200_000
_MID_CITY = 50_000  # read alone only where the rest of the posting points to its country
_SEGMENT = re.compile(r"\s+[·•|–—/-]\s+|\s*[·•|]\s*")
_SENTENCE_END = re.compile(r"[.!?]$|\b(?:we|you|our|is|are|will)\b", re.I)
# A postcode closing the place: "Boise, ID 83712", "Reading RG1 5AN", "London WC2", "Bristol BS1".
# A British one (full or outward code) also places a town too small to be read alone.
# A city's district closes it too: "Dublin 9", "Dublin 6W", "Paris 8e", "Lyon 3ème".
_POSTCODE = re.compile(
    r"\s+(?:\d{5}(?:-\d{4})?|(?P<uk>[A-Z]{1,2}\d[A-Z\d]?(?:\s*\d[A-Z]{2})?)|"
    r"\d{1,2}(?:W|e|er|ème|eme)?)$"
)
# "UK wide", "UK-wide", "across the UK": the whole country.
_WIDE = re.compile(r"[\s-]+(?:wide|nationwide)$|^(?:across|throughout)\s+(?:the\s+)?", re.I)
# A district after a city: "Köln-Ehrenfeld", "Durban North".
_COMPASS = (" North", " South", " East", " West", " Central", " CBD")
_DISTRICT = re.compile(r"^(\w[\w.' ]*?)(?:-[\w-]+|\s+(?:North|South|East|West|Central|CBD))$")
# "Whistler, BC": a town the gazetteer does not hold, placed by its province's code. Not a
# company ("Acme Corp, CA"): letters only, and none of these words.
_TOWN = re.compile(r"^[A-Z][a-z'.-]+(?: [A-Z][a-z'.-]+)?$")
_NOT_TOWN = re.compile(
    r"\b(?:Inc|LLC|Ltd|Corp|Co|Company|Group|Hospital|Health|Healthcare|Bank|University|College|"
    r"School|Center|Centre|Services|Solutions|Systems|Technologies|Partners|Clinic|Store|Stores|"
    r"Memorial|Medical|Regional|Community|Mining|Resources|Energy|Homes|Construction|Consulting)\b"
)
# Not the US: its small towns are too many, and "Company Name, TX" lines too common, to tell.
_STATE_COUNTRIES = ("CA", "AU")


def from_header(text: str, title: str | None) -> tuple[list[Location], str] | None:
    """Places stated on the short lines that open a text posting, and the line they were on."""
    context = Context(text)
    seen = 0
    for raw_line in text.split("\n"):
        line = raw_line.strip(" *_#")
        if not line:
            continue
        seen += 1
        if seen > _HEAD_LINES:
            return None
        if seen == 1 and title and line == title.strip():
            continue
        # A label ("Salary: ...") is not a place; "London SW1A 2HQ (Hybrid: 3 days)" is one.
        if len(line) > _HEAD_MAX_CHARS or (":" in line and ":" in PARENS.sub("", line)):
            continue
        if _SENTENCE_END.search(line):
            continue
        found = [loc for part in _SEGMENT.split(line) for loc in _stated_place(part, context)]
        if found:
            return found, line
    return None


def _stated_place(segment: str, context: Context | None = None) -> list[Location]:
    """A city with its region or country ("Houston, TX", "Berlin, Germany", "Sydney NSW 2000"),
    a large city or a country alone, or a remote place with its country ("Polska (zdalnie)");
    every part explained, though a company may open the segment ("Memorial Hermann, Houston,
    TX"). A name that is not a large city ("Memorial Hermann") is never read as a place."""
    bare = PARENS.sub(" ", segment).strip(" ,")
    if not bare:
        return []
    if REMOTE.search(segment):
        inner = " ".join(PARENS.findall(segment))
        loc = remote(segment.strip(), REMOTE.sub(",", f"{bare},{inner}"), None)
        return [loc] if loc.country or loc.region else []
    parts = [p.strip() for p in bare.split(",") if p.strip()]
    if len(parts) > 4:
        return []
    postal = _POSTCODE.search(parts[-1])
    if postal:
        parts[-1] = parts[-1][: postal.start()]
        if postal.group("uk") and (town := find_city(parts[-1], "GB", None)):
            name = region_name("GB", town.admin1)
            region = (town.admin1, name) if name else None
            placed = Reading(city=town, region=region, country="GB", score=2, explained=1)
            return [to_location(parts[-1], placed)]
    for skip in range(min(2, len(parts))):
        rest = parts[skip:]
        reading = _whole_reading(rest, context)
        if reading is not None:
            return [to_location(", ".join(rest), reading)]
    singles = [_whole_reading([p], context) for p in parts]  # "Berlin, Munich"
    if len(parts) > 1 and all(r is not None and r.city for r in singles):
        return [to_location(p, r) for p, r in zip(parts, singles, strict=True) if r]
    return []


def _whole_reading(parts: list[str], context: Context | None = None) -> Reading | None:
    """A reading of ``parts`` that explains every one of them, or None."""
    if len(parts) == 1:
        name = parts[0]
        if (coded := CODED.match(name)) is not None:
            return city_in_region([coded.group(1), coded.group(2)])
        whole = _WIDE.sub("", name) if "wide" in name or name[:1] in "AaTt" else name
        key = fold(whole)
        country = countries().get(key) if (len(name) > 3 or whole != name) else None
        if country and name[0].isupper() and key not in subdivisions().get("US", {}):
            return Reading(country=country, score=3, explained=1)  # not "Georgia" alone
        return _city_or_district(name, context)
    if len(parts) > 3:
        return None
    reading = best_reading(parts, None)
    if reading.explained == len(parts) and reading.city:
        return reading
    district = _district_of(parts[0]) if parts[0].endswith(_COMPASS) or "-" in parts[0] else ""
    if district:  # "Durban North, KwaZulu-Natal"
        reading = best_reading([district, *parts[1:]], None)
        if reading.explained == len(parts) and reading.city:
            return reading
    return _town_in_state(parts)


def _city_or_district(name: str, context: Context | None) -> Reading | None:
    """A city alone, or the city a district is written after: "Köln-Ehrenfeld" is in Köln, and
    "Hamburg-Altona" is read as Hamburg though the gazetteer holds the borough too."""
    whole = _big_city(name, context)
    head = (
        _big_city(_district_of(name), context) if "-" in name or name.endswith(_COMPASS) else None
    )
    if whole is None or head is None or whole.city is None or head.city is None:
        return whole or head
    inside = (whole.city.country, whole.city.admin1) == (head.city.country, head.city.admin1)
    return head if inside else whole


def _district_of(name: str) -> str:
    """The city a district is written after ("Köln-Ehrenfeld" -> "Köln"), or ""."""
    match = _DISTRICT.match(name)
    return match.group(1) if match else ""


def _town_in_state(parts: list[str]) -> Reading | None:
    """ "Whistler, BC": a town name with the code of a province or state that only one of the
    countries written this way has, and that no US state has (not "WA": Washington or Western
    Australia; not "NT": Northwest Territories or Northern Territory)."""
    if len(parts) != 2 or not parts[1].isupper() or not 2 <= len(parts[1]) <= 3:
        return None
    if not _TOWN.match(parts[0]) or _NOT_TOWN.search(parts[0]):
        return None
    code = fold(parts[1])
    if code in subdivisions().get("US", {}):
        return None
    owners = [
        c for c in _STATE_COUNTRIES if subdivisions().get(c, {}).get(code, ("",))[0] == parts[1]
    ]
    if len(owners) != 1:
        return None
    sub = subdivisions()[owners[0]][code]
    return Reading(city_name=parts[0], region=sub, country=owners[0], score=2, explained=2)


def _big_city(name: str, context: Context | None = None) -> Reading | None:
    """A city named alone ("München", "Санкт-Петербург", "Göteborg"): only a large one, written
    as a name, so a company or a word on that line ("Memorial Hermann", "Mobile") is not read as
    a town. Where the posting's currency or words point to a country, a smaller town there is
    read too ("Limerick" with "€"), and of two large cities of one name, the one there
    ("Valencia" with "€" is in Spain, not Venezuela)."""
    if not name or len(name.split()) > 3 or not name[0].isupper() or countries().get(fold(name)):
        return None
    city = _city_in_context(name, context)
    if city is None:
        return None
    name_of_region = region_name(city.country, city.admin1)
    region = (city.admin1, name_of_region) if name_of_region else None
    return Reading(city=city, region=region, country=city.country, score=2, explained=1)


def _city_in_context(name: str, context: Context | None) -> City | None:
    primary, alternate = cities()
    key = city_key(name)
    found = primary.get(key) or alternate.get(key) or []
    if not found:
        return None
    top = found[0]
    # Only a name some other country's city shares on a comparable scale, or a town under the
    # size read alone, asks the rest of the posting.
    rivals = [
        c for c in found[1:] if c.country != top.country and c.population * 10 >= top.population
    ]
    if context is not None and (rivals or _MID_CITY <= top.population < _BIG_CITY):
        for city in found:
            if city.population >= _MID_CITY and context.supports(city.country):
                return city
    return top if top.population >= _BIG_CITY else None
