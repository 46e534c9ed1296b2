"""Currency markers, ISO 4217 codes, and the pay conventions of markets."""

from __future__ import annotations

CURRENCIES = {
    "$": "USD",
    "us$": "USD",
    "usd": "USD",
    "a$": "AUD",
    "au$": "AUD",
    "aud": "AUD",
    "c$": "CAD",
    "ca$": "CAD",
    "cad": "CAD",
    "nz$": "NZD",
    "£": "GBP",
    "gbp": "GBP",
    "€": "EUR",
    "eur": "EUR",
    "euro": "EUR",
    "₹": "INR",
    "rs": "INR",
    "rs.": "INR",
    "inr": "INR",
    "₽": "RUB",
    "руб": "RUB",
    "руб.": "RUB",
    "рублей": "RUB",
    "р.": "RUB",
    "rub": "RUB",
    "rur": "RUB",
    "zł": "PLN",
    "zl": "PLN",
    "pln": "PLN",
    "kr": "SEK",
    "sek": "SEK",
    "nok": "NOK",
    "dkk": "DKK",
    "chf": "CHF",
    "₸": "KZT",
    "тенге": "KZT",
    "тг": "KZT",
    "тг.": "KZT",
    "kzt": "KZT",
    "сум": "UZS",
    "uzs": "UZS",
    "сом": "KGS",
    "kgs": "KGS",
    "₴": "UAH",
    "грн": "UAH",
    "uah": "UAH",
    "¥": "JPY",
    "jpy": "JPY",
}
MONTHLY_MARKETS = {"RUB", "KZT", "UZS", "KGS", "UAH", "BYN"}
# Markets where a bare "60k" is a yearly figure; elsewhere ("₹25k", "45k kr", "15k zł") it is as
# often monthly, so no period is implied.
YEARLY_K_MARKETS = {"USD", "GBP", "EUR", "CAD", "AUD", "NZD", "CHF"}
# The currency of a country's postings, used when the text states an amount in a salary context
# but no currency: a posting located only in Kazakhstan pays in tenge.
COUNTRY_CURRENCY = {
    "US": "USD",
    "GB": "GBP",
    "IE": "EUR",
    "IN": "INR",
    "AU": "AUD",
    "NZ": "NZD",
    "CA": "CAD",
    "RU": "RUB",
    "KZ": "KZT",
    "UZ": "UZS",
    "KG": "KGS",
    "UA": "UAH",
    "BY": "BYN",
    "PL": "PLN",
    "SE": "SEK",
    "NO": "NOK",
    "DK": "DKK",
    "CH": "CHF",
    "JP": "JPY",
    "DE": "EUR",
    "FR": "EUR",
    "NL": "EUR",
    "ES": "EUR",
    "IT": "EUR",
    "AT": "EUR",
    "BE": "EUR",
    "FI": "EUR",
    "PT": "EUR",
    "CZ": "CZK",
}


def of_country(country: str | None) -> str | None:
    """The currency a country's postings pay in, or None when it is not one we know."""
    return COUNTRY_CURRENCY.get(country or "")
