"""What the rest of a posting says about where it is: the currency it pays in and the countries
it names. A city named alone that several countries share ("Valencia": Venezuela and Spain) is
read in the country the posting's own words point to; a town too small to be read alone
("Limerick", "Bergamo") is read as one only where they point to its country."""

from __future__ import annotations

import re
from functools import cache

import pycountry

from services.enricher.currency import CURRENCIES, of_country
from services.enricher.geo_index import COUNTRY_ALIASES, fold

# Markers several currencies share ("$", "kr") or that are short words ("r", "rs") say nothing.
_SHARED = {"$", "r", "kr", "rs", "rs.", "р.", "zl"}


@cache
def _currency_markers() -> dict[str, re.Pattern[str]]:
    """ISO 4217 code -> a pattern for its markers in lower-cased text, as whole words."""
    markers: dict[str, list[str]] = {}
    for marker, code in CURRENCIES.items():
        if marker not in _SHARED:
            markers.setdefault(code, []).append(re.escape(marker))
    markers.setdefault("ZAR", []).append(r"r\s?\d")  # "R28 000": the rand sign before a digit
    return {
        code: re.compile(rf"(?<![a-z])(?:{'|'.join(found)})(?![a-z])")
        for code, found in markers.items()
    }


@cache
def _country_names(country: str) -> re.Pattern[str] | None:
    """The folded names of a country as whole words: "spain", "espana"."""
    record = pycountry.countries.get(alpha_2=country)
    names = {alias for alias, code in COUNTRY_ALIASES.items() if code == country and len(alias) > 3}
    for attr in ("name", "common_name", "official_name"):
        value = getattr(record, attr, None) if record else None
        if value:
            names.add(fold(value))
    if not names:
        return None
    return re.compile(rf"\b(?:{'|'.join(re.escape(n) for n in sorted(names))})\b")


class Context:
    """The posting's text, read for a country only when a place name needs it."""

    def __init__(self, text: str) -> None:
        self._text = text
        self._low: str | None = None
        self._folded: str | None = None
        self._seen: dict[str, bool] = {}

    def supports(self, country: str) -> bool:
        if country not in self._seen:
            self._seen[country] = self._currency(country) or self._named(country)
        return self._seen[country]

    def _currency(self, country: str) -> bool:
        pattern = _currency_markers().get(of_country(country) or "")
        if pattern is None:
            return False
        if self._low is None:
            self._low = self._text.lower()
        return pattern.search(self._low) is not None

    def _named(self, country: str) -> bool:
        pattern = _country_names(country)
        if pattern is None:
            return False
        if self._folded is None:
            self._folded = fold(self._text)
        return pattern.search(self._folded) is not None
