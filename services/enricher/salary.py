"""Salary from the structured hint, else from the text.

A number in the text counts as pay only with a currency marker next to it (or a salary keyword
in the same line, or a pay heading on the line before: "The pay range for this role is:" then
"$16.00 - $26.00"), never when it is a funding or revenue figure ("raised $50M") or a malformed
number ("25 0000"). A period the text does not state is inferred only where the notation or the
magnitude fixes it: "k" amounts and "LPA" are yearly, ruble/tenge/som amounts are monthly (the
convention of those markets), and in dollar, pound and euro markets an amount under 100 is an
hourly wage and one of 20,000 or more a yearly salary.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from services.enricher import salary_context
from services.enricher.currency import (
    CURRENCIES,
    MONTHLY_BY_SIZE,
    MONTHLY_MARKETS,
    YEARLY_K_MARKETS,
)
from services.enricher.textscan import lines_with, register
from shared.posting import Salary, SalaryHint, SalaryPeriod

ANNUAL_FACTOR: dict[str, int] = {"HOUR": 2080, "DAY": 260, "WEEK": 52, "MONTH": 12, "YEAR": 1}

_PERIODS = [
    (
        r"/\s?h(?:ou)?r\b|/\s?h\b|per hour|an hour|hourly|/godz|za godzin|в час|/час|"
        r"pro stunde|/tim|de l'heure|/\s?heure|par heure|por hora|/\s?hora|all'ora|per uur|/\s?uur",
        "HOUR",
    ),
    (
        r"per day|a day|/\s?day|daily|per diem|за день|в день|dziennie|pro tag|par jour|"
        r"por d[ií]a|al giorno|per dag",
        "DAY",
    ),
    (r"per week|a week|/\s?week|weekly|в неделю|par semaine|por semana|a settimana", "WEEK"),
    (
        # "p.m.", "pcm" and "p.a." stand after an amount, never inside a word ("bupa") or after
        # a time ("5pm").
        r"per month|a month|/\s?mo(?:nth)?\b|monthly|(?<![a-z\d:])p\.?m\.?\b|(?<![a-z\d])pcm\b|"
        r"miesi[eę]cznie|/\s?mies|mies\.|"
        r"в месяц|/\s?мес|ежемесячно|pro monat|/\s?monat|im monat|monatlich|i månaden|/\s?mån|"
        # French, Spanish, Italian, Portuguese and Dutch: "brut mensuel", "brutos al mes",
        # "netti mensili", "mensais", "bruto per maand".
        r"per månad|par mois|/\s?mois|mensu|mensil|mensal|mensais|al mes\b|/\s?mes\b|al mese|"
        r"por m[eê]s|per maand|/\s?maand",
        "MONTH",
    ),
    (
        r"per annum|per year|a year|/\s?y(?:ea)?r\b|annual(?:ly)?|yearly|(?<![a-z\d])p\.?a\.?\b|"
        r"lpa\b|"
        r"rocznie|w skali roku|в год|/\s?jahr|pro jahr|im jahr|jährlich|brutto/jahr|per år|/\s?år|"
        r"par an\b|annuel|anual|al año|/\s?año|annu[io]\b|all'anno|per jaar|jaarlijks|por ano|"
        r"ao ano",
        "YEAR",
    ),
]
_HINT_PERIODS: list[tuple[str, SalaryPeriod]] = [
    ("hour", "HOUR"),
    ("day", "DAY"),
    ("daily", "DAY"),
    ("week", "WEEK"),
    ("month", "MONTH"),
    ("year", "YEAR"),
    ("annual", "YEAR"),
    ("per_hour", "HOUR"),
    ("per_month", "MONTH"),
    ("per_year", "YEAR"),
]
_DIGIT = re.compile(r"\d")
_PERIOD_RES = [(re.compile(p, re.I), period) for p, period in _PERIODS]
_PRE = (
    r"(?:US\$|AU\$|A\$|CA\$|C\$|NZ\$|\$|£|€|₹|₽|₸|¥|Rs\.?|INR|USD|EUR|GBP|PLN|CHF|AUD|CAD|NZD|"
    r"SGD|S\$|R\$|(?<![A-Za-z])R(?=\s?\d))"
)
_POST = (
    r"(?:zł|zl|PLN|руб\.?|рублей|₽|р\.|RUB|EUR|€|USD|GBP|kr|SEK|NOK|DKK|CHF|тенге|тг\.?|₸|KZT|"
    r"сум|сом|грн|₴|INR|AUD|CAD|NZD|SGD)"
)
# A grouped number must end there: "25 0000" is malformed, not 25 000. India groups by lakh
# ("8,00,000", "12,50,000"); Switzerland by apostrophe ("110'000").
_INDIAN = r"\d{1,2}(?:,\d{2})+,\d{3}(?:\.\d{1,2})?(?!\d)"
_NUM = (
    rf"{_INDIAN}|\d{{1,3}}(?:[ ,.'’\u00a0\u202f]\d{{3}})+(?:[.,]\d{{1,2}})?(?!\d)|"
    r"\d+(?:[.,]\d{1,2})?"
)
_INDIAN_RE = re.compile(_INDIAN)
_CODE = re.compile(r"[a-z]{3}")
# "60 т.р." / "60 тр" is Russian shorthand for thousand rubles.
_MULT = r"(?:[kK]\b|lakhs?|lacs?|L\b|LPA|тыс\.?|т\.\s?р\.?|тр\b)"
_SALARY = (
    rf"(?P<from>\b(?:from|от|od|ab)\s+)?(?P<pre1>{_PRE})?\s?(?P<n1>{_NUM})\s?(?P<m1>{_MULT})?"
    rf"\s?(?P<post1>{_POST})?(?:\s?(?:-|–|—|to|до|bis|do|à|a|tot)\s?(?P<pre2>{_PRE})?\s?(?P<n2>{_NUM})"
    rf"\s?(?P<m2>{_MULT})?\s?(?P<post2>{_POST})?)?"
    rf"|(?P<upto>\b(?:up to|до|do|bis(?: zu)?|upp till)\s+)(?P<pre3>{_PRE})?\s?(?P<n3>{_NUM})"
    rf"\s?(?P<m3>{_MULT})?\s?(?P<post3>{_POST})?"
)
# Matched on lower-cased lines, so its markers are lower-cased too (none holds an upper-case
# escape such as \S): without re.IGNORECASE sre scans several times faster.
_SALARY_RE = re.compile(
    _SALARY.replace(_PRE, _PRE.lower()).replace(_POST, _POST.lower()).replace(_MULT, _MULT.lower())
)
_KEYWORD = re.compile(
    r"salary|pay\b|pay range|compensation|wage|pay rate|hourly rate|day rate|stipend|ctc|з/п|"
    r"gehalt|vergütung|wynagrodzenie|"
    r"stawka|зарплат|заработн|оклад|доход|lön|ersättning|salaire|rémunération|salari|salário|"
    r"retribuzione|remunera",
    re.I,
)
# Pay on top of the salary ("Shift differential: $1.50/hour", "$500 sign-on bonus"), not the
# salary; "оклад 43 250 + премии" is a base salary with a bonus after it, so only the word right
# after the amount counts.
_EXTRA_BEFORE = re.compile(
    r"differential|bonus|premium|allowance|reimburs|referral|sign[- ]?on|\btips?\b|commission|"
    r"incentive|discount|gift|voucher|per mile|uplift|надбав|бонус|"
    r"bidrag|zuschuss|dofinansowan|dopłat",  # "friskvårdsbidrag upp till 5000 kr": an allowance
    re.I,
)
_EXTRA_AFTER = re.compile(
    # "$60,000 + commission" is a base salary with commission on top: only a word right after
    # the amount names what it pays.
    r"^(?![^\w]*(?:\+|plus\b|&|and\b))\W{0,3}(?:[\w-]+\s+)?(?:sign[- ]?on|referral|bonus|"
    r"differential|premium|allowance|tips?\b|commission|incentive|gift|voucher|discount)",
    re.I,
)
# A line that is the posting's pay statement ("Pay: $28.00 - $35.00 per hour") wins over amounts
# mentioned elsewhere.
_PAY_LABEL = re.compile(
    r"^\W*(?:pay|salary|compensation|wage|pay range|salary range|base salary|rate|"
    r"gehalt|wynagrodzenie|зарплата|заработная плата|оклад|доход|lön|salaire|rémunération|"
    r"salario|salaris|salário|retribuzione|remuneração)\W*[:\-–]",
    re.I,
)
# A line that only announces the pay stated on the next line.
_PAY_HEADING = re.compile(
    r"^\W*(?:(?:the\s+)?(?:typical\s+|base\s+|hourly\s+)?(?:pay|salary|compensation|wage)"
    r"(?:\s+(?:range|rate|band|scale))?(?:\s+for\s+this\s+(?:role|position|job))?"
    r"(?:\s+(?:is|will be))?|gehalt|wynagrodzenie|зарплата|заработная плата|оклад|lön)\W*$",
    re.I,
)
# Magnitudes that fix the period where the text states none (dollar, pound and euro markets).
_HOURLY_BELOW = 100
_SENTENCE_END = re.compile(r"[.;!?](?:\s|$)|\s[|•]\s")
# Working time, not pay: "40 hours per week", "3 days a week", "8 Stunden pro Tag".
_SCHEDULE = re.compile(
    r"\b(?:hours?|hrs?|days?|shifts?|nights?|stunden|tage|dagar|timmar|dni|godzin|heures|"
    r"jours|horas|d[ií]as|ore|giorni|uur|dagen)\s*(?:per|a|an|/|pro|i|w|par|por|al|alla)\s*"
    r"(?:week|day|woche|tag|veckan|vecka|tygodniu|dzień|semaine|jour|semana|d[ií]a|settimana|"
    r"giorno|dag)\b",
    re.I,
)
# A rate named before the amount: "Day rate: £450", "Timlön 165 kr", "Stundenlohn: 15 €".
_RATE_NAMES: list[tuple[re.Pattern[str], SalaryPeriod]] = [
    (re.compile(r"day rate|daily rate|tagessatz", re.I), "DAY"),
    (
        re.compile(
            r"hourly (?:rate|pay|wage)|stundenlohn|stundensatz|timlön|stawka godzinowa", re.I
        ),
        "HOUR",
    ),
    (re.compile(r"monthly (?:salary|pay)|monatsgehalt|månadslön|месячн", re.I), "MONTH"),
    (re.compile(r"annual (?:salary|pay|base)|jahresgehalt|årslön", re.I), "YEAR"),
]
_YEARLY_FROM = 20_000
_RETIREMENT = re.compile(r"401\s?\(?k\)?$", re.I)  # the US retirement plan, not pay
_NOT_PAY = re.compile(
    r"rais|fund|revenue|valuation|series|backed|arr\b|budget|invest|worth|"
    r"million|billion|mln|mld|млн|млрд",
    re.I,
)


_TRIGGERS = (
    "$",
    "£",
    "€",
    "₹",
    "₽",
    "₸",
    "¥",
    "₴",
    " rs",  # not "rs": it is in "years" and "others"
    "\nrs",
    "rs.",
    "inr",
    "usd",
    "eur",
    "gbp",
    "pln",
    "zł",
    "zl",
    "руб",
    "р.",
    "rub",
    "sek",
    "kr",
    "nok",
    "dkk",
    "chf",
    "aud",
    "cad",
    "nzd",
    "sgd",
    "тенге",
    "тг",
    "kzt",
    "сум",
    "сом",
    "грн",
    "lpa",
    "lakh",
    "salary",
    "pay",
    "compensation",
    "wage",
    "rate",
    "stipend",
    "ctc",
    "gehalt",
    "vergütung",
    "wynagrodzenie",
    "stawka",
    "зарплат",
    "заработн",
    "оклад",
    "доход",
    "з/п",
    "lön",
    "ersättning",
    "salaire",
    "rémunération",
    "salari",
    "salário",
    "retribuzione",
    "remunera",
)
register(_TRIGGERS)  # all extractors' triggers are found in one pass per text


@dataclass(frozen=True, slots=True)
class _Found:
    low: float | None
    high: float | None
    currency: str | None
    period: SalaryPeriod | None
    raw: str


def from_hint(hint: SalaryHint) -> Salary | None:
    if hint.min is None and hint.max is None:
        return from_text(hint.raw or "") if hint.raw else None
    currency = _currency(hint.currency)
    period = _hint_period(hint.period)
    return _build(_Found(hint.min, hint.max, currency, period, hint.raw or ""))


def from_text(text: str) -> Salary | None:
    """The pay statement of a labelled line ("Pay: ..."), else the first amount read as pay.
    Of two labelled lines, one that states its period wins: "Salary: 16k + incentive" then
    "Pay: ₹15,500 - ₹16,500 per month"."""
    first: _Found | None = None
    labelled: _Found | None = None
    heading = False  # the line before is a pay heading ("Pay Range", "Salary range is:")
    for line in lines_with(text, _TRIGGERS).splitlines():
        if _DIGIT.search(line) is None:
            heading = _PAY_HEADING.match(line) is not None
            continue
        low = line.lower()
        if len(low) != len(line):  # offsets must agree: a few characters change when lowered
            line = low
        for match in _amounts(low):
            found = _read(match, line, heading)
            if found is None:
                continue
            if heading or _PAY_LABEL.match(line):
                if found.period:
                    return _build(found)
                labelled = labelled or found
            first = first or found
            break
        heading = False
    found = labelled or first
    return _build(found) if found else None


# An amount opens with a digit; before it a match holds at most "from"/"up to" and a currency
# marker ("us$", "rs.") with spaces: 7 other characters. _SALARY_RE, which tries its optional
# openings at every character, need not start further back than that from the first digit.
_LEAD_CHARS = 8
# Before the amounts after the first, the longest opening a match can have: "upp till" and a
# marker, 10 ("upp till us$ 5").
_NEXT_LEAD_CHARS = 10


def _amounts(low: str) -> Iterator[re.Match[str]]:
    """``_SALARY_RE.finditer(low, _scan_start(low))`` without scanning the text between numbers.

    Every match holds a digit, and one starts at any digit at the latest (all else in it is
    optional): after a match, the search resumes a lead before the next digit and stops there.
    """
    at = _scan_start(low)
    while (match := _SALARY_RE.search(low, at)) is not None:
        yield match
        digit = _DIGIT.search(low, match.end())
        if digit is None:
            return
        at = max(match.end(), _lead_start(low, digit.start(), _NEXT_LEAD_CHARS))


def _scan_start(low: str) -> int:
    digit = _DIGIT.search(low)
    return _lead_start(low, digit.start() if digit else 0, _LEAD_CHARS)


def _lead_start(low: str, at: int, solid_chars: int) -> int:
    """Back from ``at`` over spaces and at most ``solid_chars`` other characters."""
    solid = 0
    while at > 0 and (low[at - 1].isspace() or (solid := solid + 1) <= solid_chars):
        at -= 1
    return at


def _read(m: re.Match[str], line: str, heading: bool = False) -> _Found | None:
    g = m.groupdict()
    n1, n2 = g["n1"] or g["n3"], g["n2"]
    markers = [g[k] for k in ("pre1", "post1", "pre2", "post2", "pre3", "post3") if g[k]]
    # A code names the dollar a sign leaves open: "$140,000 - $160,000 NZD".
    marker = next((m for m in markers if _CODE.fullmatch(m)), markers[0] if markers else None)
    before, after = line[max(0, m.start() - 40) : m.start()], line[m.end() : m.end() + 25]
    raw = line[m.start() : m.end()].strip()
    if n1 is None or _RETIREMENT.match(raw):
        return None
    mult = (g["m1"] or g["m2"] or g["m3"] or "").lower()
    if marker is None and mult.startswith(("т.", "тр")):
        marker = "руб"  # "от 100 т.р.": thousand rubles name their currency
    # Lakhs per annum are pay, and Indian: "CTC: 12-18 LPA" names neither currency nor salary.
    keyword = heading or mult == "lpa" or _KEYWORD.search(before[-30:]) is not None
    if marker is None and not keyword:
        return None  # most numbers ("5+ years", "since 2019"): none is pay, whatever follows
    # "Budget: 25-30 LPA" is the role's pay budget: lakhs per annum are pay, never funding.
    if mult != "lpa" and _NOT_PAY.search(before[-25:] + " " + after[:12]):
        return None
    if _EXTRA_BEFORE.search(before[-30:]) or _EXTRA_AFTER.match(after):
        return None
    if salary_context.not_pay(line, before, after):
        return None  # "$200B in spend", "Benefits: $500 a year", "$1,500 learning stipend"
    if salary_context.others_money(line, m.start()):
        return None  # "the average salary in the region is £30k", "our clients pay $150/hour"
    low: float | None = _amount(n1, mult)
    high = _amount(n2, mult) if n2 else None
    stated_period = _period(_SCHEDULE.sub(" ", after)) or _rate_period(before[-30:])
    stated_period = stated_period or ("YEAR" if mult == "lpa" else None)
    if marker is None and mult.startswith(("lpa", "lakh", "lac")) and keyword:
        marker = "inr"
    if marker is None and not (keyword and (stated_period or max(low or 0, high or 0) >= 100)):
        return None
    if marker and not (stated_period or mult or keyword or max(low or 0, high or 0) >= 1000):
        return None  # "$5 gift card", "€2 coffee": a currency sign alone is not pay
    if high is not None and low is not None and high < low:
        return None  # "50 000 – 120 0000": a malformed range states no amount
    if g["upto"]:  # "до 200 000 руб.", "up to $90k": a ceiling only
        low, high = None, low
    if not _plausible(low) or (high is not None and not _plausible(high)):
        return None
    currency = _currency(marker)
    # A period further on counts within the sentence ("£30,000. Overtime at £15 per hour"), and
    # not when it is a schedule: "$25 - $30, 40 hours per week", "5 days a week".
    later = _period(_SCHEDULE.sub(" ", _SENTENCE_END.split(line[m.end() : m.end() + 60], 1)[0]))
    period = stated_period or (later if later not in ("WEEK", "DAY") else None)
    if salary_context.per_unit(before[-30:], after):
        return _Found(low, high, currency, None, raw)  # "2500 рублей за смену": no period
    if period is None and (
        (g["from"] or g["upto"] or "").strip() in ("от", "до")
        or salary_context.monthly_by_word(before[-30:])
    ):
        period = "MONTH"  # "от 2000 до 3000 USD", "оклад 43250": Russian pay is monthly
    if period is None:
        period = _implied_period(mult, currency, max(low or 0, high or 0))
    return _Found(low, high, currency, period, raw)


def _amount(num: str, mult: str) -> float:
    if _INDIAN_RE.fullmatch(num):
        return float(num.replace(",", ""))
    digits = re.sub(r"[ ,.'’\u00a0\u202f](?=\d{3}(?:\D|$))", "", num).replace(",", ".")
    value = float(digits)
    if mult.startswith(("k", "т")):  # "k", "тыс.", "т.р.", "тр"
        value *= 1_000
    elif mult.startswith(("l", "lakh", "lac")):
        value *= 100_000
    return value


def _plausible(value: float | None) -> bool:
    return value is None or 1 <= value <= 100_000_000


def _currency(marker: str | None) -> str | None:
    if not marker:
        return None
    key = marker.strip().lower()
    return CURRENCIES.get(key) or (key.upper() if re.fullmatch(r"[a-z]{3}", key) else None)


def _period(text: str) -> SalaryPeriod | None:
    for pattern, period in _PERIOD_RES:
        if pattern.search(text):
            return period  # type: ignore[return-value]
    return None


def _rate_period(before: str) -> SalaryPeriod | None:
    return next((period for pattern, period in _RATE_NAMES if pattern.search(before)), None)


def _hint_period(value: str | None) -> SalaryPeriod | None:
    key = (value or "").strip().lower().replace("-", "_")
    for prefix, period in _HINT_PERIODS:
        if key.startswith(prefix):
            return period
    return _period(key) if key else None


def _implied_period(mult: str, currency: str | None, amount: float) -> SalaryPeriod | None:
    if mult.startswith("l") or (mult.startswith("k") and currency in YEARLY_K_MARKETS):
        return "YEAR"
    if currency in MONTHLY_MARKETS:
        return "MONTH"
    monthly = MONTHLY_BY_SIZE.get(currency or "")
    if monthly and monthly[0] <= amount < monthly[1]:
        return "MONTH"
    if currency in YEARLY_K_MARKETS and not mult:
        if amount < _HOURLY_BELOW:
            return "HOUR"
        if amount >= _YEARLY_FROM:
            return "YEAR"
    return None


def _build(found: _Found) -> Salary:
    factor = ANNUAL_FACTOR.get(found.period) if found.period else None
    return Salary(
        min=found.low,
        max=found.high,
        currency=found.currency,
        period=found.period,
        annual_min=found.low * factor if factor and found.low is not None else None,
        annual_max=found.high * factor if factor and found.high is not None else None,
        raw=found.raw or None,
    )
