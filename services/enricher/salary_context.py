"""What the words around an amount say about it: not pay at all, pay per unit of work, or pay
quoted per month by convention.

Split out of salary.py; each test runs only on a line that holds an amount, on the few
characters around it, so none of them scans a posting's text.
"""

from __future__ import annotations

import re

# "over $200B in annualized spend", "raised $50M": a billion or million suffix is a company's
# figure, never a wage.
_SCALE_AFTER = re.compile(r"^\s?(?:bn?|mm?n?)\b", re.I)
# A line of perks ("Benefits: $500 per year for books", "Perks: $100 gym credit"): its amounts
# are benefits, not the salary.
_BENEFITS_LINE = re.compile(r"^\W*(?:benefits|perks)\s*:", re.I)
# Benefits written with a tax word (AU "salary packaging of up to $15,900", UK "salary
# sacrifice"): they name "salary" but are no pay.
_PACKAGING = re.compile(r"salary (?:packag|sacrific)", re.I)
# An allowance named by what it pays for: "$1,500 annual learning stipend", "$2,000 home-office
# stipend". A period word alone before it ("$2,000 monthly stipend") is an intern's pay.
_STIPEND_AFTER = re.compile(
    r"^\W{0,3}(?:[\w-]+\s+)?(?!(?:monthly|annual|weekly|yearly|month|year|per|a|an|net|gross|"
    r"paid|stipend)\b)[\w-]+\s+(?:stipend|budget|credit)\b",
    re.I,
)
# Pay for a unit of work the schema has no period for: "2500 рублей за смену", "$150 per shift",
# "за вахту от 150 000 рублей" (a fly-in fly-out rotation), "$40 per visit". The amount is pay,
# its period unstated; none is implied from its size either.
_UNIT = (
    r"(?:за|per|a|an|each|/)\s?(?:смену|вахту|выход|заказ|shift|visit|session|lesson|class|"
    r"delivery|call|piece|article|word|project|проект)\b"
)
_UNIT_AFTER = re.compile(rf"^[^\W\d]*\W{{0,3}}{_UNIT}", re.I)  # "руб|лей за смену"
_UNIT_BEFORE = re.compile(rf"{_UNIT}[\s:–-]*(?:от|from|до|up to|of)?\s*$", re.I)
# Pay named in Russian ("оклад 43250 + премии", "з/п 60 000"): the market quotes it per month.
_MONTHLY_WORDS = re.compile(r"оклад|зарплат|заработн|з/п|\bзп\b|доход|получать|зарабатыва", re.I)


# A count, not an amount: "з/п, выплачивается 2 раза в месяц", "paid 2 times a month".
_COUNT_AFTER = re.compile(r"^\s?(?:раза?|times)\b", re.I)
# A benefit named before the amount, with no pay word after it: "Fertility HRA (up to $10,000
# per year)", "Tuition reimbursement up to $5,250", "Relocation assistance of $5,000".
_BENEFIT_BEFORE = re.compile(
    r"\b(?:hra|hsa|fsa|coverage|insurance|fertility|adoption|tuition|childcare|wellness|"
    r"learning|relocation|equipment|home[- ]office|gym|fitness|commut\w*|lifetime)\b"
    r"(?![^\n]*\b(?:salary|pay|wage|compensation|rate|earn\w*)\b)[^\n]*$",
    re.I,
)


# Someone else's money in the sentence before the amount: market figures ("average salary in the
# region is £30,000", "the median salary for engineers is €65,000"), what customers pay, save
# or earn ("our clients pay $150/hour", "we help candidates earn $100k+"), gifts.
_OTHERS_BEFORE = re.compile(
    r"\b(?:average|median|typical|mean|market|national|regional)\s+(?:\w+\s+){0,2}"
    r"(?:salary|salaries|pay|wages?|earnings|income)\b|\b(?:clients?|customers?|users?|"
    r"members?|candidates?|students?|graduates?)\s+(?:\w+\s+)?(?:pay|save|earn|spend)s?\b|"
    r"\b(?:donat\w*|saves?|saved|savings)\b|\baverage of\s*$",
    re.I,
)
_SENTENCE_END = re.compile(r"[.;!?]\s")


def others_money(line: str, start: int) -> bool:
    """Whether the sentence before the amount at ``start`` makes it someone else's money."""
    before = line[max(0, start - 80) : start]
    cut = 0
    for stop in _SENTENCE_END.finditer(before):
        cut = stop.end()
    return _OTHERS_BEFORE.search(before, cut) is not None


def not_pay(line: str, before: str, after: str) -> bool:
    """Whether an amount with ``before`` and ``after`` in ``line`` is no pay."""
    return (
        _SCALE_AFTER.match(after) is not None
        or _BENEFITS_LINE.match(line) is not None
        or _PACKAGING.search(before) is not None
        or _STIPEND_AFTER.match(after) is not None
        or _COUNT_AFTER.match(after) is not None
        or _BENEFIT_BEFORE.search(before[-30:]) is not None
    )


def per_unit(before: str, after: str) -> bool:
    """Whether the amount is pay per shift, visit or rotation: a period the schema lacks."""
    return _UNIT_AFTER.match(after) is not None or _UNIT_BEFORE.search(before) is not None


def monthly_by_word(before: str) -> bool:
    """Whether a Russian pay word before the amount fixes a month ("оклад 43250")."""
    return _MONTHLY_WORDS.search(before) is not None
