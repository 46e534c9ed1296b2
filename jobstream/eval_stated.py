"""Which truth values the content of a board push states, for scoring text extraction.

In board-push mode the pipeline gets only title, company, location string and description, while
the truth comes from the source's structured fields, which often hold values the text never
writes (hh.ru's "full day" schedule, Indeed's salary estimates, an ATS's workplace type). A field
is scored only where the pushed content states its truth value; the others are counted apart as
"unstated", together with how many of them jobstream still gave a different value for.

The rules are deliberately generous (a mere mention counts as stated, so a value written only in
benefits prose still counts against recall) and independent of the extractors:

- title, company, country, city: pushed as fields, always stated.
- employment_type: a term for one of the truth's values appears ("full-time", "Teilzeit",
  "полная занятость", "contract", "internship"...), except as a qualifier of staff or pay
  ("benefits for all full-time employees", "full-time salary"), which says nothing of this role.
- salary: every amount the truth gives (min, max) appears as a number of the text, in any common
  notation ("50,000", "50 000", "50k", "50 тыс", "3 LPA", "21,115.79"); currency and period
  are not required to appear.
- workplace: a term for one of the truth's values appears ("remote", "work from home", "hybrid",
  "on-site", "in person", "удалённо", "в офисе"...).
- experience: a number of years (or months) within a short span of an experience word; for a
  truth of zero years, a no-experience phrase ("без опыта", "no experience required").
- seniority: a level word for one of the truth's values appears.
- education: a degree word appears.
- skills: per tag, the tag's name appears (folded, separators ignored); only those tags are scored.
"""

from __future__ import annotations

import html
import re
from typing import Any

from jobstream.eval_norm import fold, squash

_TAG = re.compile(r"<[^>]+>")

_EMPLOYMENT_TERMS = {
    "FULL_TIME": r"full[\s_-]*time|fulltime|vollzeit|heltid|pe[lł]ny etat|pe[lł]en etat|"
    r"полн\w* (?:занятост|рабоч\w* день|день)|tiempo completo|temps plein",
    "PART_TIME": r"part[\s_-]*time|teilzeit|deltid|niepe[lł]ny etat|cz[eę][sś]\w* etatu|"
    r"частичн\w* занятост|неполн\w* (?:день|рабоч|занятост)|tiempo parcial|temps partiel",
    "CONTRACTOR": r"contract|freelanc|b2b|subcontract|1099|corp[\s-]to[\s-]corp|"
    r"проектн\w* работ|гпх|подряд|umowa zlecenie|selbstst[aä]ndig|frilans",
    "TEMPORARY": r"\btemp\b|temporar|seasonal|fixed[\s-]term|befristet|visstid|"
    r"czas okre[sś]lony|временн|сезонн",
    "INTERN": r"intern|trainee|praktik|sta[zż]|стажир|werkstudent",
    "VOLUNTEER": r"volunt|ehrenamt|волонт|wolontari",
    "PER_DIEM": r"per[\s-]?diem",
}
_WORKPLACE_TERMS = {
    "remote": r"remote|work(?:ing)? from home|\bwfh\b|telecommut|telework|home[\s-]?office|"
    r"удал[её]н|удаленк|zdaln|distans|fernarbeit|mobiles arbeiten|anywhere",
    "hybrid": r"hybrid|гибрид|hybryd",
    "onsite": r"on[\s-]?site|in[\s-]office|in[\s-]person|office[\s-]based|\boffice\b|"
    r"в офисе|офис|stacjonar|vor ort|pr[aä]senz|p[aå] plats|p[aå] kontoret",
}
_SENIORITY_TERMS = {
    "intern": r"intern|trainee|стажер|стажёр|praktik",
    "junior": r"junior|\bjr\b|entry[\s-]level|graduate|младш|джун",
    "mid": r"\bmid\b|middle|regular|intermediate|мидл",
    "senior": r"senior|\bsr\b|старш|сеньор|синьор",
    "lead": r"\blead\b|team lead|тимлид|ведущ|lider",
    "principal": r"principal|staff",
    "manager": r"manager|менеджер|kierownik",
    "director": r"director|директор|dyrektor|head of",
    "executive": r"chief|\bvp\b|vice president|\bc[etfo]o\b",
}
# A type word that qualifies people or pay ("benefits for full-time employees", "base annual
# full-time salary") describes the employer's staff, not this role.
_STAFF = (
    r"(?![\s-]+(?:\w+\s+)?(?:employees|associates|staff|team members|workers|colleagues|salary|"
    r"equivalent))"
)
_EMPLOYMENT_RES = {k: re.compile(f"(?:{v}){_STAFF}") for k, v in _EMPLOYMENT_TERMS.items()}
_WORKPLACE_RES = {k: re.compile(v) for k, v in _WORKPLACE_TERMS.items()}
_SENIORITY_RES = {k: re.compile(v) for k, v in _SENIORITY_TERMS.items()}
_EDUCATION = re.compile(
    r"degree|bachelor|master|diploma|phd|doctorate|high school|b\.?sc|m\.?sc|b\.?tech|"
    r"studium|abschluss|examen|wykszta[lł]cenie|образовани|высшее|utbildning"
)

# Numbers as texts write them: grouped thousands ("50,000", "70 000", "3,00,000"), decimals;
# each notation is read on its own, so "3 12" yields 3, 12 and 312.
_NUMBERS = (
    re.compile(r"(?<![\d.,])\d{1,3}(?:[ ,.\u00a0\u202f']\d{2,3})+(?:[.,]\d{1,2})?(?!\d)"),
    re.compile(r"(?<!\d)\d+(?:[.,]\d{1,2})?(?!\d)"),
)
# A multiplier after the number, or after the range it opens ("100-150 тыс" is 100 000 too).
_MULTIPLIER = re.compile(
    r"(?:\s?(?:[-–—]|to|до)\s?\d[\d ,.]*)?"
    r"\s?(k\b|тыс|т\.\s?р|тр\b|lakhs?|lacs?|lpa\b|l\b|m\b|mln|million|млн)",
    re.I,
)
_EXPERIENCE_WORD = re.compile(
    r"experience|exp\b|erfahrung|do[sś]wiadczeni|erfarenhet|опыт|стаж|doświadcz"
)
_YEARS = re.compile(
    r"\d+(?:[.,]\d)?\s*(?:\+|-?х|-?ти|-?ух)?\s*(?:-\s*\d+\s*)?(?:years?|yrs?|jahre|jahren|"
    r"lat|lata|roku|år|лет|года?|год|months?|месяц\w*|monate?n?|miesi)"
    r"|\b(?:one|two|three|four|five|six|seven|eight|nine|ten)\s+years?"
)
_NO_EXPERIENCE = re.compile(
    r"без опыта|опыт не (?:требуется|обязателен|нужен)|no (?:prior |previous )?experience|"
    r"experience (?:is )?not required|ohne (?:berufs)?erfahrung|bez do[sś]wiadczenia"
)
_SPAN = 80


def pushed_text(payload: dict[str, Any]) -> str:
    """Everything a board push carries, as lower-cased plain text."""
    parts = [payload.get(k) for k in ("title", "company", "location", "description")]
    text = "\n".join(str(p) for p in parts if p)
    return _TAG.sub(" ", html.unescape(text)).lower()


def _amounts(text: str) -> list[float]:
    out: list[float] = []
    for match in (m for pattern in _NUMBERS for m in pattern.finditer(text)):
        token = match.group(0)
        whole, frac = token, ""
        decimal = re.search(r"[.,](\d{1,2})$", token)
        if decimal:
            whole, frac = token[: decimal.start()], decimal.group(1)
        digits = re.sub(r"\D", "", whole)
        if not digits:
            continue
        value = float(digits + ("." + frac if frac else ""))
        out.append(value)
        if frac:  # "50.000" read as a grouped thousand too
            out.append(float(re.sub(r"\D", "", token)))
        unit = _MULTIPLIER.match(text, match.end())
        if unit:
            word = unit.group(1).lower()
            factor = 100_000.0 if word[0] == "l" else 1_000_000.0 if word[0] in "mм" else 1_000.0
            out.append(value * factor)
    return out


def _amount_stated(want: float, amounts: list[float]) -> bool:
    return any(abs(a - want) <= 0.01 * max(want, 1.0) or int(a) == want for a in amounts)


def _experience_stated(want: tuple[float, float], text: str) -> bool:
    if want[1] == 0.0:  # "no experience" is stated only in words: "без опыта", "not required"
        return _NO_EXPERIENCE.search(text) is not None
    for match in _YEARS.finditer(text):
        window = text[max(0, match.start() - _SPAN) : match.end() + _SPAN]
        if _EXPERIENCE_WORD.search(window):
            return True
    return False


def _any_term(values: Any, table: dict[str, re.Pattern[str]], text: str) -> bool:
    return any(table[v].search(text) for v in values if v in table)


def stated(field: str, want: Any, text: str) -> Any:
    """The part of the truth value ``want`` that the pushed ``text`` states, or None."""
    if want is None or field in ("title", "company", "country", "city"):
        return want
    if field == "employment_type":
        return want if _any_term(want, _EMPLOYMENT_RES, text) else None
    if field == "workplace":
        return want if _any_term(want, _WORKPLACE_RES, text) else None
    if field == "seniority":
        return want if _any_term(want, _SENIORITY_RES, text) else None
    if field == "education":
        return want if _EDUCATION.search(text) else None
    if field == "salary":
        amounts = _amounts(text)
        given = [want[k] for k in ("min", "max") if want[k] is not None]
        return want if given and all(_amount_stated(a, amounts) for a in given) else None
    if field == "experience":
        return want if _experience_stated(want, text) else None
    if field == "skills":
        folded, squashed = f" {fold(text)} ", squash(text)
        tags = [t for t in want if _tag_stated(t, folded, squashed)]
        return tags or None
    return want


def _tag_stated(tag: str, folded: str, squashed: str) -> bool:
    names = [n for n in [tag, *tag.split("/")] if n.strip()]
    for name in names:
        key = fold(name)
        if key and (f" {key} " in folded or (len(squash(name)) > 3 and squash(name) in squashed)):
            return True
    return False


def split_stated(
    truth: dict[str, Any], payload: dict[str, Any]
) -> tuple[dict[str, Any], dict[str, Any]]:
    """(truth with only the values the pushed ``payload`` states, the values it leaves unstated)."""
    text = pushed_text(payload)
    kept: dict[str, Any] = {}
    unstated: dict[str, Any] = {}
    for name, want in truth.items():
        kept[name] = stated(name, want, text)
        if want is not None and kept[name] is None:
            unstated[name] = want
    return kept, unstated
