"""Title cleaning, occupation-level normalization and seniority from the title."""

from __future__ import annotations

import re

from services.enricher.textscan import FOLDS_APART, held
from shared.posting import Seniority

_PREFIX = re.compile(
    r"^\s*(?:job description|job title|position|role|vacancy|hiring|we are hiring|"
    r"we're hiring|urgent(?:ly)? hiring|stellenangebot|вакансия)\s*[:\-–—|]\s*",
    re.I,
)
_GENDER = re.compile(
    r"\(\s*(?:[mwfdxhkn]\s*[/|,]\s*){1,3}[mwfdxhkn*]\s*\)|\(\s*all genders?\s*\)|"
    r"\(\s*gn\s*\)|\b[mwf]/[mwf]/[dx]\b",
    re.I,
)
_REQ_ID = re.compile(
    r"[\[(]?\s*(?:req(?:uisition)?\.?\s*(?:id)?|job id|ref(?:erence)?\.?|jr|r)"
    r"\s*[#:\-]?\s*[A-Z]*-?\d{3,}\s*[\])]?|#\s*\d{3,}",
    re.I,
)
_TRAILING = re.compile(
    r"\s*\((?:[^)]*\b(?:years?|yrs?|exp|experience|remote|hybrid|on-?site|"
    r"full[- ]time|part[- ]time|contract)\b[^)]*)\)",
    re.I,
)
# In such brackets, the items that state the terms, not the job: "(Part-Time, Nights)" keeps
# "(Nights)", a shift being part of what the job is.
_TERMS_ITEM = re.compile(
    r"\b(?:years?|yrs?|exp|experience|remote|hybrid|on-?site|full[- ]time|part[- ]time|"
    r"contract)\b",
    re.I,
)
_ITEM_SPLIT = re.compile(r"\s*(?:[,;/|]|\s[-–—]\s)\s*")


def _without_terms(match: re.Match[str]) -> str:
    inner = match.group(0).strip()[1:-1]
    items = _ITEM_SPLIT.split(inner)
    kept = [i for i in items if any(c.isalpha() for c in i) and not _TERMS_ITEM.search(i)]
    return f" ({', '.join(kept)})" if kept else " "


# Swedish writes the level into the word: "Seniorutvecklare", "Juniorkonsult".
_SV_ROLE = (
    r"(?:utvecklare|systemutvecklare|konsult|ingenjör|projektledare|rådgivare|ekonom|specialist|"
    r"arkitekt|analytiker|tekniker|säljare|revisor|jurist|handläggare|controller|testare)"
)
# Checked in order; the first level found in the title decides it.
_SENIORITY: list[tuple[str, Seniority]] = [
    (
        r"\b(?:intern|internship|trainee|praktikant\w*|werkstudent\w*|stażyst\w*|praktykant\w*|"
        r"стажер|стажёр|apprentice|auszubildende\w*|praktik)\b",
        "intern",
    ),
    (
        r"\b(?:chief|ceo|cto|cfo|coo|cio|cmo|ciso|cpo|vp|svp|evp|vice president|president|"
        r"geschäftsführer\w*|prezes|генеральный директор|vd)\b",
        "executive",
    ),
    (
        r"\b(?:director|head of|directeur|direktor|dyrektor|директор|leiter\w*|kierownik|"
        r"abteilungsleiter\w*|bereichsleiter\w*|"
        r"avdelningschef|начальник)\b",
        "director",
    ),
    (
        r"\b(?:principal|distinguished|staff(?= (?:software|data|ml|machine|backend|frontend|"
        r"full|product|security|site|platform|engineer|developer|scientist|architect|designer)))\b",
        "principal",
    ),
    (
        # "Manager" alone is as often a function (account, product, business development
        # manager) as a level, so only titles that name whom or what is managed count: a team,
        # a store, a site, a ward.
        r"\b(?:(?:engineering|(?<!business )development|software|team|people|it|delivery|"
        r"general|operations|department|branch|store|shop|site|restaurant|warehouse|plant|ward|"
        r"area|district|regional|hotel) manager|manager of|managing|руководител\w*)\b",
        "manager",
    ),
    (
        # "Lead Generation Specialist" generates sales leads.
        r"\b(?:lead(?![- ]gen)|tech lead|team lead|teamleiter|lider|ведущий|ведущая|тимлид|"
        r"techlead|gruppchef)\b",
        "lead",
    ),
    (
        r"\b(?:senior|sr|snr|старший|старшая|starszy|starsza|сеньор|синьор|expert|experienced)\b|"
        rf"\bsenior(?={_SV_ROLE})",
        "senior",
    ),
    (r"\b(?:mid|mid-level|middle|intermediate|regular|мидл)\b", "mid"),
    (
        r"\b(?:junior|jr|младший|младшая|джуниор|młodszy|młodsza|entry[- ]level|graduate|"
        r"absolwent|nyexaminerad|new grad)\b|"
        rf"\bjunior(?={_SV_ROLE})",
        "junior",
    ),
]
_SENIORITY_RES = [(re.compile(p, re.I), s) for p, s in _SENIORITY]
# A word each of a level's alternatives holds, lower-cased: a title holding none of a level's is
# not searched for it. Most titles name no level, and each search tries every character.
_SENIORITY_LITERALS: dict[Seniority, tuple[str, ...]] = {
    "intern": (
        "intern",
        "trainee",
        "praktik",
        "werkstudent",
        "stażyst",
        "praktykant",
        "стажер",
        "стажёр",
        "apprentice",
        "auszubildende",
    ),
    "executive": (
        "chief",
        "ceo",
        "cto",
        "cfo",
        "coo",
        "cio",
        "cmo",
        "ciso",
        "cpo",
        "vp",
        "president",
        "geschäftsführer",
        "prezes",
        "генеральный директор",
        "vd",
    ),
    "director": (
        "director",
        "head of",
        "directeur",
        "direktor",
        "dyrektor",
        "директор",
        "leiter",
        "kierownik",
        "avdelningschef",
        "начальник",
    ),
    "principal": ("principal", "distinguished", "staff"),
    "manager": ("manager", "managing", "руководител"),
    "lead": ("lead", "teamleiter", "lider", "ведущий", "ведущая", "тимлид", "gruppchef"),
    "senior": (
        "senior",
        "sr",
        "snr",
        "старший",
        "старшая",
        "starszy",
        "starsza",
        "сеньор",
        "синьор",
        "expert",
        "experienced",
    ),
    "mid": ("mid", "intermediate", "regular", "мидл"),
    "junior": (
        "junior",
        "jr",
        "младший",
        "младшая",
        "джуниор",
        "młodszy",
        "młodsza",
        "entry",
        "graduate",
        "absolwent",
        "nyexaminerad",
        "new grad",
    ),
}
_LITERALS = tuple(
    dict.fromkeys([w for words in _SENIORITY_LITERALS.values() for w in words] + list(FOLDS_APART))
)
_LEVEL_WORDS = re.compile(
    r"\b(?:senior|sr|snr|junior|jr|mid|mid-level|middle|intermediate|regular|principal|"
    r"distinguished|expert|experienced|старший|старшая|младший|младшая|ведущий|ведущая|"
    r"starszy|starsza|młodszy|młodsza|entry[- ]level)\b\.?|^(?:lead(?![- ]gen)|staff)\s+(?=\w)|"
    rf"\b(?:senior|junior)(?={_SV_ROLE})|\b(?:i{{1,3}}|iv|v|l\d|level \d|\d)$",
    re.I,
)


# Compiled once: re.sub and re.split with a pattern string look it up in re's cache per call.
_BAR = re.compile(r"\s+[|]\s+")
_SPACES = re.compile(r"\s+")
_BRACKETS = re.compile(r"\([^)]*\)")
_SEGMENT = re.compile(r"\s+[-–—|/]\s+|,")
_HINT_SEPARATORS = re.compile(r"[\s_\-]+")


def clean(raw: str) -> str:
    title = raw.replace("\\", "").strip()
    title = _PREFIX.sub("", title)
    title = _BAR.split(title)[0]
    title = _GENDER.sub(" ", title)
    title = _TRAILING.sub(_without_terms, title)
    title = _REQ_ID.sub(" ", title)
    title = _SPACES.sub(" ", title).strip(" -–—,:|*")
    return title


def normalized(title: str) -> str | None:
    text = _BRACKETS.sub(" ", title.lower())
    text = _SEGMENT.split(text)[0]
    for _ in range(2):  # "Senior/Lead Java Developer": the second pass takes "lead"
        text = _LEVEL_WORDS.sub(" ", text).strip(" /+&")
    text = _SPACES.sub(" ", text).strip(" -–—,:.")
    return text or None


def seniority(title: str) -> tuple[Seniority, str] | None:
    words = held(title.lower(), _LITERALS)
    every = not words.isdisjoint(FOLDS_APART)  # the gate below could miss a match
    for pattern, level in _SENIORITY_RES:
        if not every and words.isdisjoint(_SENIORITY_LITERALS[level]):
            continue
        match = pattern.search(title)
        if match:
            return level, match.group(0)
    return None


def seniority_from_years(min_years: float | None) -> Seniority | None:
    """Documented fallback when the title says nothing: 0-1 years junior, 2-4 mid, 5+ senior."""
    if min_years is None:
        return None
    if min_years < 2:
        return "junior"
    return "mid" if min_years < 5 else "senior"


# Levels as sources state them in structured fields (LinkedIn, SmartRecruiters, NoFluffJobs,
# Ashby...). "Mid-Senior level" is the band of experienced individual contributors; "Associate"
# means different levels on different boards, so it maps to none.
_HINT_LEVELS: dict[str, Seniority | None] = {
    "internship": "intern",
    "entry level": "junior",
    "entry": "junior",
    "graduate": "junior",
    "trainee": "intern",
    "mid level": "mid",
    "mid senior level": "senior",
    "mid senior": "senior",
    "senior level": "senior",
    "associate": None,
    "not applicable": None,
    "executive": "executive",
    "c level": "executive",
}


def seniority_from_hint(raw: str) -> Seniority | None:
    """A source's own level value ("mid_senior_level", "Senior", "entry") as a Seniority."""
    key = _HINT_SEPARATORS.sub(" ", raw.strip().lower())
    if key in _HINT_LEVELS:
        return _HINT_LEVELS[key]
    found = seniority(key)
    return found[0] if found else None
