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

_SPLIT = re.compile(r"\s*(?:\||;|\n|/|\bor\b|\boder\b|\blub\b|\beller\b|\bили\b|\+)\s*", re.I)
_PARENS = re.compile(r"\(([^)]*)\)")
_REMOTE = re.compile(
    r"\b(?:remote|fully remote|work from home|wfh|anywhere|home[- ]?office|zdalnie|praca zdalna|"
    r"distans|på distans|удал[её]нн?о|удал[её]нная работа)\b",
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
        return [_remote(place, _REMOTE.sub(" ", bare) + " " + inner, hint)]
    parts = [p.strip() for p in re.split(r"\s*,\s*|\s+-\s+", _NOISE.sub(" ", bare)) if p.strip()]
    if not parts:
        return [Location(raw=place, kind="unknown", country=hint)] if inner else []
    best = _best_reading(parts, hint)
    if len(parts) > 1 and best.explained < len(parts):
        # "Berlin, Munich": a list of places reads better than one place.
        singles = [_best_reading([p], hint) for p in parts]
        if all(s.city or s.country for s in singles):
            return [_to_location(p, s) for p, s in zip(parts, singles, strict=True)]
    return [_to_location(place, best)]


def _remote(place: str, rest: str, hint: str | None) -> Location:
    parts = [p.strip() for p in re.split(r"[,\-–:()]", rest) if p.strip()]
    country = None
    for part in parts:
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
    return max(readings, key=lambda r: (r.score, r.country == hint))


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
