"""Offline geocoding of raw location strings into Location(city, region, country, lat, lon, kind).

A string may hold several places ("Berlin, Munich or Remote", "London | New York"). Each place is
read right to left: the last part is tried as a country, then (two-letter codes are ambiguous) as
a US state, and the reading that explains most parts wins ("KA, IN" is Karnataka, India;
"Springfield, IL" is Illinois). A city alone is the most populous match, within the country hint
when one is given ("Mumbai" -> Mumbai, Maharashtra, IN).
"""

from __future__ import annotations

import re
from functools import lru_cache

from services.enricher.geo_header import from_header
from services.enricher.geo_index import countries, fold
from services.enricher.geo_read import (
    CODED,
    PARENS,
    REMOTE,
    best_reading,
    city_in_region,
    remote,
    to_location,
)
from shared.posting import Location

__all__ = ["from_header", "geocode", "parse_location"]

# "or" but not "OR": "Salem, OR" is Oregon, not a list of two places.
_SPLIT = re.compile(
    r"\s*(?:\||;|\n|/|\b(?-i:[oO]r)\b|\boder\b|\blub\b|\beller\b|\bили\b|\+)\s*", re.I
)
_NOISE = re.compile(
    r"\b(?:hq|headquarters|office|hybrid|on-?site|in person|area|greater|metro)\b", re.I
)

_PARTS = re.compile(r"\s*,\s*|\s+-\s+")


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
    inner = " ".join(PARENS.findall(place))
    bare = PARENS.sub(" ", place)
    if REMOTE.search(place):
        return [remote(place, REMOTE.sub(",", f"{bare},{inner}"), hint)]
    parts = [p.strip() for p in _PARTS.split(_NOISE.sub(" ", bare)) if p.strip()]
    if not parts:
        return [Location(raw=place, kind="unknown", country=hint)] if inner else []
    best = best_reading(parts, hint)
    coded = CODED.match(parts[0]) if len(parts) == 1 and best.score == 0 else None
    if coded:  # "Melbourne VIC", "Sydney NSW 2000": a city and its state's code, no comma
        best = city_in_region([coded.group(1), coded.group(2)]) or best
    if len(parts) > 1 and best.explained < len(parts):
        # "Berlin, Munich": a list of places reads better than one place.
        singles = [best_reading([p], hint) for p in parts]
        if all(s.explained for s in singles):  # a hint alone explains nothing
            return [to_location(p, s) for p, s in zip(parts, singles, strict=True)]
    return [to_location(place, best)]
