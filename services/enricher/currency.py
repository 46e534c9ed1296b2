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
    "s$": "SGD",
    "r": "ZAR",  # "R28 000": the rand sign, read only before a digit
    "r$": "BRL",
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
    # hh.ru still codes the Belarusian ruble BYR, the code withdrawn at the 2016 redenomination:
    # its amounts are in today's rubles (BYN).
    "byr": "BYN",
    "byn": "BYN",
    "¥": "JPY",
    "jpy": "JPY",
}
MONTHLY_MARKETS = {"RUB", "KZT", "UZS", "KGS", "UAH", "BYN"}
# Markets where a bare "60k" is a yearly figure; elsewhere ("₹25k", "45k kr", "15k zł") it is as
# often monthly, so no period is implied.
YEARLY_K_MARKETS = {"USD", "GBP", "EUR", "CAD", "AUD", "NZD", "CHF"}
# Markets that state pay per month but rarely say so: an amount in this band is a monthly
# salary ("6 500 - 8 000 zł brutto", "Lön: 42 000 kr"); outside it (an hourly rate, a yearly
# figure) the amount does not fix the period.
MONTHLY_BY_SIZE = {
    "PLN": (1_500, 70_000),
    "SEK": (10_000, 150_000),
    "NOK": (10_000, 150_000),
    "DKK": (10_000, 150_000),
    "CZK": (10_000, 200_000),
}
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
    "SG": "SGD",
    "HK": "HKD",
    "MX": "MXN",
}


# Countries whose own currency is written "$": a bare "$85,000" in a posting located only in
# Sydney is in Australian dollars.
DOLLAR_COUNTRIES = {"AU": "AUD", "CA": "CAD", "NZ": "NZD", "SG": "SGD", "HK": "HKD", "MX": "MXN"}
_US_DOLLAR = ("us$", "usd", "u.s.", "us dollar")


def local_dollar(raw: str | None, country: str | None) -> str | None:
    """The local dollar a bare "$" amount in a posting located in ``country`` is in, or None
    when the amount names US dollars ("US$", "USD") or the country does not write "$"."""
    text = (raw or "").lower()
    if "$" not in text or any(marker in text for marker in _US_DOLLAR):
        return None
    return DOLLAR_COUNTRIES.get(country or "")


def of_country(country: str | None) -> str | None:
    """The currency a country's postings pay in, or None when it is not one we know."""
    return COUNTRY_CURRENCY.get(country or "")
