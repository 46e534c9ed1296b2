"""Reading a place's comma parts against the gazetteer: right to left, the last part as a
country, then as a US state, the reading that explains most parts winning. Shared by the
structured locations (geo) and the places at the head of a text posting (geo_header)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from services.enricher.geo_index import (
    AREAS,
    City,
    cities,
    city_key,
    counties,
    countries,
    county_key,
    fold,
    region_name,
    subdivisions,
)
from shared.posting import Location

PARENS = re.compile(r"\(([^)]*)\)")
REMOTE = re.compile(
    r"\b(?:remote|fully remote|work from home|wfh|anywhere|home[- ]?office|zdalnie|praca zdalna|"
    r"distans|på distans|удал[её]нн?о|удал[её]нная работа)\b",
    re.I,
)
CODED = re.compile(r"^(.+?)\s+([A-Z]{2,3})(?:\s+\d{3,6})?$")
# Words around a remote place's country: "Remote (US only)", "Remote within Canada".
_QUALIFIER = re.compile(
    r"^(?:(?:only|within|in|inside|from|across|the|based|innerhalb|w|в|i)\s+)+|"
    r"(?:\s+(?:only|based|wide|nur))+$",
    re.I,
)


@dataclass
class Reading:
    city: City | None = None
    city_name: str | None = None  # stated in a "city, region" slot but not in the gazetteer
    region: tuple[str, str] | None = None  # (ISO suffix, name)
    country: str | None = None
    score: int = 0
    explained: int = 0  # how many of the comma parts this reading accounts for


_REST_PARTS = re.compile(r"[,\-–:()]")


def remote(place: str, rest: str, hint: str | None) -> Location:
    parts = [p.strip() for p in _REST_PARTS.split(rest) if p.strip()]
    country = None
    for part in parts:
        part = _QUALIFIER.sub("", part)
        key = fold(part)
        if key in AREAS:
            return Location(raw=place, kind="area", region=part)
        country = country or countries().get(key)
    return Location(raw=place, kind="remote", country=country or hint)


def best_reading(parts: list[str], hint: str | None) -> Reading:
    key = fold(parts[-1])
    if len(parts) == 1 and key in AREAS:
        return Reading(score=1, region=("", parts[-1]))
    readings: list[Reading] = []
    country = countries().get(key)
    if country:
        # A country alone outranks a city alternate name ("USA" is not Usa, Japan).
        readings.append(_read(parts[:-1], country, 3 if len(parts) == 1 else 1))
    if "US" in subdivisions() and key in subdivisions()["US"] and len(parts) > 1:
        readings.append(_read(parts, "US", 0))
    readings.append(_read(parts, hint, 0))
    if len(parts) == 2 and (anchored := city_in_region(parts)):
        readings.append(anchored)
    return max(readings, key=lambda r: (r.score, r.country == hint))


def city_in_region(parts: list[str]) -> Reading | None:
    """A known city in the state or province the second part names, in any country: "Chennai,
    TN" is in Tamil Nadu, not Tennessee; "London, ON" in Ontario, not England."""
    key, region = city_key(parts[0]), fold(parts[1])
    for index in cities():
        for city in index.get(key, []):
            sub = subdivisions().get(city.country, {}).get(region)
            if sub and sub[0] == city.admin1:
                return Reading(city=city, region=sub, country=city.country, score=5, explained=2)
    county = county_key(parts[1])
    for index in cities():
        for city in index.get(key, []):
            if counties().get(city.country, {}).get(county) == city.admin1:
                # "Exeter, Devon": the county places the town; its region stays the first level
                name = region_name(city.country, city.admin1)
                sub = (city.admin1, name) if name else None
                return Reading(city=city, region=sub, country=city.country, score=4, explained=2)
    return None


def _read(parts: list[str], country: str | None, score: int) -> Reading:
    """Read the parts as [city, [region]] inside country (None: anywhere)."""
    reading = Reading(country=country, score=score, explained=int(score > 0))
    rest = list(parts)
    if rest and country:
        sub = subdivisions().get(country, {}).get(fold(rest[-1]))
        city_too = find_city(rest[-1], country, None) if len(rest) == 1 else None
        if sub and not city_too:
            reading.region, reading.score = sub, reading.score + 2
            reading.explained += 1
            rest = rest[:-1]
    if rest:
        admin1 = reading.region[0] if reading.region else None
        city = find_city(rest[0], country, admin1)
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


def find_city(name: str, country: str | None, admin1: str | None) -> City | None:
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


def to_location(raw: str, reading: Reading) -> Location:
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
