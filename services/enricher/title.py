"""Title cleaning, occupation-level normalization and seniority from the title."""

from __future__ import annotations

import re

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
        # manager) as a level, so only titles that name whom or what is managed count.
        r"\b(?:(?:engineering|(?<!business )development|software|team|people|it|delivery|"
        r"general|operations|department|branch) manager|manager of|managing|руководител\w*)\b",
        "manager",
    ),
    (
        r"\b(?:lead|tech lead|team lead|teamleiter|lider|ведущий|ведущая|тимлид|techlead|"
        r"gruppchef)\b",
        "lead",
    ),
    (
        r"\b(?:senior|sr|snr|старший|старшая|starszy|starsza|сеньор|синьор|expert|experienced)\b",
        "senior",
    ),
    (r"\b(?:mid|mid-level|middle|intermediate|regular|мидл)\b", "mid"),
    (
        r"\b(?:junior|jr|младший|младшая|джуниор|młodszy|młodsza|entry[- ]level|graduate|"
        r"absolwent|nyexaminerad)\b",
        "junior",
    ),
]
_SENIORITY_RES = [(re.compile(p, re.I), s) for p, s in _SENIORITY]
_LEVEL_WORDS = re.compile(
    r"\b(?:senior|sr|snr|junior|jr|mid|mid-level|middle|intermediate|regular|principal|"
    r"distinguished|expert|experienced|старший|старшая|младший|младшая|ведущий|ведущая|"
    r"starszy|starsza|młodszy|młodsza|entry[- ]level)\b\.?|^(?:lead|staff)\s+(?=\w)|"
    r"\b(?:i{1,3}|iv|v|l\d|level \d|\d)$",
    re.I,
)


def clean(raw: str) -> str:
    title = raw.replace("\\", "").strip()
    title = _PREFIX.sub("", title)
    title = re.split(r"\s+[|]\s+", title)[0]
    title = _GENDER.sub(" ", title)
    title = _TRAILING.sub(" ", title)
    title = _REQ_ID.sub(" ", title)
    title = re.sub(r"\s+", " ", title).strip(" -–—,:|*")
    return title


def normalized(title: str) -> str | None:
    text = re.sub(r"\([^)]*\)", " ", title.lower())
    text = re.split(r"\s+[-–—|/]\s+|,", text)[0]
    for _ in range(2):
        text = _LEVEL_WORDS.sub(" ", text).strip()
    text = re.sub(r"\s+", " ", text).strip(" -–—,:.")
    return text or None


def seniority(title: str) -> tuple[Seniority, str] | None:
    for pattern, level in _SENIORITY_RES:
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
    key = re.sub(r"[\s_\-]+", " ", raw.strip().lower())
    if key in _HINT_LEVELS:
        return _HINT_LEVELS[key]
    found = seniority(key)
    return found[0] if found else None
