"""Offline geocoding of raw location strings into Location(city, region, country, lat, lon, kind).

A string may hold several places ("Berlin, Munich or Remote", "London | New York"). Each place is
read right to left: the last part is tried as a country, then (two-letter codes are ambiguous) as
a US state, and the reading that explains most parts wins ("KA, IN" is Karnataka, India;
"Springfield, IL" is Illinois). A city alone is the most populous match, within the country hint
when one is given ("Mumbai" -> Mumbai, Maharashtra, IN).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from services.enricher.geo_index import (
    AREAS,
    City,
    cities,
    city_key,
    countries,
    fold,
    region_name,
    subdivisions,
)
from shared.posting import Location

# "or" but not "OR": "Salem, OR" is Oregon, not a list of two places.
_SPLIT = re.compile(
    r"\s*(?:\||;|\n|/|\b(?-i:[oO]r)\b|\boder\b|\blub\b|\beller\b|\bили\b|\+)\s*", re.I
)
_PARENS = re.compile(r"\(([^)]*)\)")
_REMOTE = re.compile(
    r"\b(?:remote|fully remote|work from home|wfh|anywhere|home[- ]?office|zdalnie|praca zdalna|"
    r"distans|på distans|удал[её]нн?о|удал[её]нная работа)\b",
    re.I,
)
_CODED = re.compile(r"^(.+?)\s+([A-Z]{2,3})(?:\s+\d{3,6})?$")
# Words around a remote place's country: "Remote (US only)", "Remote within Canada".
_QUALIFIER = re.compile(
    r"^(?:(?:only|within|in|inside|from|across|the|based|innerhalb|w|в|i)\s+)+|"
    r"(?:\s+(?:only|based|wide|nur))+$",
    re.I,
)
_NOISE = re.compile(
    r"\b(?:hq|headquarters|office|hybrid|on-?site|in person|area|greater|metro)\b", re.I
)


@dataclass
class _Reading:
    city: City | None = None
    city_name: str | None = None  # stated in a "city, region" slot but not in the gazetteer
    region: tuple[str, str] | None = None  # (ISO suffix, name)
    country: str | None = None
    score: int = 0
    explained: int = 0  # how many of the comma parts this reading accounts for


def geocode(raw_locations: list[str], country_hint: str | None = None) -> list[Location]:
    """All places named in the raw strings, in order, without duplicates."""
    hint = countries().get(fold(country_hint)) if country_hint else None
    found: list[Location] = []
    for raw in raw_locations:
        for loc in _parsed(raw, hint):
            if loc not in found:
                found.append(loc.model_copy())  # the cached value stays as parsed
    return found


# The head of a posting written as one text: its title, then lines like "Memorial Hermann",
# "Houston, TX", "Acme GmbH · Berlin, Germany (Hybrid)", "Full-time". A place stands there
# without a label; a segment is read as one only when every comma part of it is explained.
_HEAD_LINES = 6
_HEAD_MAX_CHARS = 90
_BIG_CITY = 200_000
_SEGMENT = re.compile(r"\s+[·•|–—/-]\s+|\s*[·•|]\s*")
_SENTENCE_END = re.compile(r"[.!?]$|\b(?:we|you|our|is|are|will)\b", re.I)
# A postcode closing the place: "Boise, ID 83712", "Reading RG1 5AN", "London WC2", "Bristol BS1".
# A British one (full or outward code) also places a town too small to be read alone.
_POSTCODE = re.compile(r"\s+(?:\d{5}(?:-\d{4})?|(?P<uk>[A-Z]{1,2}\d[A-Z\d]?(?:\s*\d[A-Z]{2})?))$")


def from_header(text: str, title: str | None) -> tuple[list[Location], str] | None:
    """Places stated on the short lines that open a text posting, and the line they were on."""
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
        if len(line) > _HEAD_MAX_CHARS or ":" in line or _SENTENCE_END.search(line):
            continue
        found = [loc for part in _SEGMENT.split(line) for loc in _stated_place(part)]
        if found:
            return found, line
    return None


def _stated_place(segment: str) -> list[Location]:
    """A city with its region or country ("Houston, TX", "Berlin, Germany", "Sydney NSW 2000"),
    a large city or a country alone, or a remote place with its country ("Polska (zdalnie)");
    every part explained, though a company may open the segment ("Memorial Hermann, Houston,
    TX"). A name that is not a large city ("Memorial Hermann") is never read as a place."""
    bare = _PARENS.sub(" ", segment).strip(" ,")
    if not bare:
        return []
    if _REMOTE.search(segment):
        inner = " ".join(_PARENS.findall(segment))
        loc = _remote(segment.strip(), _REMOTE.sub(",", f"{bare},{inner}"), None)
        return [loc] if loc.country or loc.region else []
    parts = [p.strip() for p in bare.split(",") if p.strip()]
    if len(parts) > 4:
        return []
    postal = _POSTCODE.search(parts[-1])
    if postal:
        parts[-1] = parts[-1][: postal.start()]
        if postal.group("uk") and (town := _find_city(parts[-1], "GB", None)):
            name = region_name("GB", town.admin1)
            region = (town.admin1, name) if name else None
            placed = _Reading(city=town, region=region, country="GB", score=2, explained=1)
            return [_to_location(parts[-1], placed)]
    for skip in range(min(2, len(parts))):
        rest = parts[skip:]
        reading = _whole_reading(rest)
        if reading is not None:
            return [_to_location(", ".join(rest), reading)]
    singles = [_whole_reading([p]) for p in parts]  # "Berlin, Munich"
    if len(parts) > 1 and all(r is not None and r.city for r in singles):
        return [_to_location(p, r) for p, r in zip(parts, singles, strict=True) if r]
    return []


def _whole_reading(parts: list[str]) -> _Reading | None:
    """A reading of ``parts`` that explains every one of them, or None."""
    if len(parts) == 1:
        name = parts[0]
        if (coded := _CODED.match(name)) is not None:
            return _city_in_region([coded.group(1), coded.group(2)])
        key = fold(name)
        country = countries().get(key) if len(name) > 3 and name[0].isupper() else None
        if country and key not in subdivisions().get("US", {}):  # "Georgia" alone: unclear
            return _Reading(country=country, score=3, explained=1)
        return _big_city(name)
    if len(parts) > 3:
        return None
    reading = _best_reading(parts, None)
    return reading if reading.explained == len(parts) and reading.city else None


def _big_city(name: str) -> _Reading | None:
    """A city named alone ("München", "Санкт-Петербург", "Göteborg"): only a large one, written
    as a name, so a company or a word on that line ("Memorial Hermann", "Mobile") is not read as
    a town."""
    if len(name.split()) > 3 or not name[0].isupper() or countries().get(fold(name)):
        return None
    city = _find_city(name, None, None)
    if city is None or city.population < _BIG_CITY:
        return None
    name_of_region = region_name(city.country, city.admin1)
    region = (city.admin1, name_of_region) if name_of_region else None
    return _Reading(city=city, region=region, country=city.country, score=2, explained=1)


def parse_location(raw: str, hint: str | None = None) -> list[Location]:
    return [loc.model_copy() for loc in _parsed(raw, hint)]


@lru_cache(maxsize=4096)
def _parsed(raw: str, hint: str | None) -> tuple[Location, ...]:
    """Postings name the same few thousand places over and over: each string is read once."""
    return tuple(_parse(raw, hint))


def _parse(raw: str, hint: str | None) -> list[Location]:
    text = raw.strip()
    if not text:
        return []
    places = [p for p in _SPLIT.split(text) if p and p.strip(" ,-")]
    out: list[Location] = []
    for place in places:
        out.extend(_parse_place(place.strip(" ,-"), hint))
    return out


def _parse_place(place: str, hint: str | None) -> list[Location]:
    inner = " ".join(_PARENS.findall(place))
    bare = _PARENS.sub(" ", place)
    if _REMOTE.search(place):
        return [_remote(place, _REMOTE.sub(",", f"{bare},{inner}"), hint)]
    parts = [p.strip() for p in re.split(r"\s*,\s*|\s+-\s+", _NOISE.sub(" ", bare)) if p.strip()]
    if not parts:
        return [Location(raw=place, kind="unknown", country=hint)] if inner else []
    best = _best_reading(parts, hint)
    coded = _CODED.match(parts[0]) if len(parts) == 1 and best.score == 0 else None
    if coded:  # "Melbourne VIC", "Sydney NSW 2000": a city and its state's code, no comma
        best = _city_in_region([coded.group(1), coded.group(2)]) or best
    if len(parts) > 1 and best.explained < len(parts):
        # "Berlin, Munich": a list of places reads better than one place.
        singles = [_best_reading([p], hint) for p in parts]
        if all(s.explained for s in singles):  # a hint alone explains nothing
            return [_to_location(p, s) for p, s in zip(parts, singles, strict=True)]
    return [_to_location(place, best)]


def _remote(place: str, rest: str, hint: str | None) -> Location:
    parts = [p.strip() for p in re.split(r"[,\-–:()]", rest) if p.strip()]
    country = None
    for part in parts:
        part = _QUALIFIER.sub("", part)
        key = fold(part)
        if key in AREAS:
            return Location(raw=place, kind="area", region=part)
        country = country or countries().get(key)
    return Location(raw=place, kind="remote", country=country or hint)


def _best_reading(parts: list[str], hint: str | None) -> _Reading:
    key = fold(parts[-1])
    if len(parts) == 1 and key in AREAS:
        return _Reading(score=1, region=("", parts[-1]))
    readings: list[_Reading] = []
    country = countries().get(key)
    if country:
        # A country alone outranks a city alternate name ("USA" is not Usa, Japan).
        readings.append(_read(parts[:-1], country, 3 if len(parts) == 1 else 1))
    if "US" in subdivisions() and key in subdivisions()["US"] and len(parts) > 1:
        readings.append(_read(parts, "US", 0))
    readings.append(_read(parts, hint, 0))
    if len(parts) == 2 and (anchored := _city_in_region(parts)):
        readings.append(anchored)
    return max(readings, key=lambda r: (r.score, r.country == hint))


def _city_in_region(parts: list[str]) -> _Reading | None:
    """A known city in the state or province the second part names, in any country: "Chennai,
    TN" is in Tamil Nadu, not Tennessee; "London, ON" in Ontario, not England."""
    key, region = city_key(parts[0]), fold(parts[1])
    for index in cities():
        for city in index.get(key, []):
            sub = subdivisions().get(city.country, {}).get(region)
            if sub and sub[0] == city.admin1:
                return _Reading(city=city, region=sub, country=city.country, score=5, explained=2)
    return None


def _read(parts: list[str], country: str | None, score: int) -> _Reading:
    """Read the parts as [city, [region]] inside country (None: anywhere)."""
    reading = _Reading(country=country, score=score, explained=int(score > 0))
    rest = list(parts)
    if rest and country:
        sub = subdivisions().get(country, {}).get(fold(rest[-1]))
        city_too = _find_city(rest[-1], country, None) if len(rest) == 1 else None
        if sub and not city_too:
            reading.region, reading.score = sub, reading.score + 2
            reading.explained += 1
            rest = rest[:-1]
    if rest:
        admin1 = reading.region[0] if reading.region else None
        city = _find_city(rest[0], country, admin1)
        if city:
            reading.city, reading.country = city, city.country
            reading.score += 2 + (admin1 is not None)
            reading.explained += 1
            if reading.region is None:
                name = region_name(city.country, city.admin1)
                reading.region = (city.admin1, name) if name else None
        elif reading.region and len(rest) == 1:
            reading.city_name = rest[0]
            reading.explained += 1
    return reading


def _find_city(name: str, country: str | None, admin1: str | None) -> City | None:
    primary, alternate = cities()
    key = city_key(name)
    for index in (primary, alternate):
        found = index.get(key, [])
        if country:
            found = [c for c in found if c.country == country]
        if admin1:
            found = [c for c in found if c.admin1 == admin1] or found[:0]
        if found:
            return found[0]
    return None


def _to_location(raw: str, reading: _Reading) -> Location:
    region = reading.region[1] if reading.region else None
    if reading.city:
        c = reading.city
        return Location(
            raw=raw,
            city=c.name,
            region=region,
            country=c.country,
            lat=c.lat,
            lon=c.lon,
            kind="city",
        )
    if reading.city_name:
        return Location(
            raw=raw, city=reading.city_name, region=region, country=reading.country, kind="city"
        )
    if reading.region and not reading.region[0]:
        return Location(raw=raw, region=region, kind="area")
    if reading.region:
        return Location(raw=raw, region=region, country=reading.country, kind="region")
    if reading.country and reading.score > 0:
        return Location(raw=raw, country=reading.country, kind="country")
    return Location(raw=raw, country=reading.country, kind="unknown")
