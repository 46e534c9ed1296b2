"""Labelled lines of a posting's text ("Location : Mumbai", "*Experience:** 6+ Years").

A value read here is stated by the posting itself, in a labelled line rather than a structured
field; its provenance is recorded as ``text:<Label>`` and it never overrides a structured field.
"""

from __future__ import annotations

import re
from typing import Any

from shared.posting import SalaryHint

from ..sections import classify_heading
from ..text import Line

_LABELS: dict[str, str] = {}
for _hint, _names in {
    "title": "job title|title|position|position title|role|job role|designation|job position"
    "|job name|stellenbezeichnung|stelle|tjänst|stanowisko|должность|вакансия",
    "company": "company|company name|employer|organization|organisation|hiring company"
    "|unternehmen|arbetsgivare|firma|pracodawca|компания|работодатель",
    "experience": "experience|experience required|required experience|years of experience"
    "|work experience|exp|minimum experience|total experience|relevant experience"
    "|berufserfahrung|erfahrung|erfarenhet|doświadczenie|опыт|опыт работы|требуемый опыт работы",
    "locations": "location|job location|work location|locations|office location|based in|city"
    "|place of work|standort|arbeitsort|einsatzort|ort|placering|arbetsort|lokalizacja"
    "|miejsce pracy|местоположение|город|локация|место работы",
    "employment_type": "employment type|job type|type of employment|contract type|work type"
    "|employment|engagement type|type of contract|position type|anstellungsart"
    "|beschäftigungsart|vertragsart|anställningsform|anställningstyp|omfattning"
    "|rodzaj umowy|typ umowy|wymiar pracy|forma zatrudnienia|тип занятости|занятость",
    "workplace": "work mode|work model|workplace|workplace type|work arrangement|remote"
    "|work location type|working model|arbeitsmodell|distansarbete|tryb pracy|формат работы",
    "department": "department|team|function|division|abteilung|avdelning|dział|отдел",
    "salary": "salary|salary range|compensation|ctc|pay|pay range|package|budget|gehalt"
    "|lön|wynagrodzenie|зарплата|заработная плата|оклад|доход",
    "education": "education|qualification|educational qualification|degree|minimum education"
    "|ausbildung|utbildning|wykształcenie|образование",
    "skills": "skills|key skills|skills required|required skills|mandatory skills"
    "|primary skills|must have skills|tech stack|technologies|ключевые навыки",
}.items():
    for _name in _names.split("|"):
        _LABELS[_name] = _hint

_LABEL_LINE = re.compile(r"^([^:]{2,40}?)\s*[:：]\s*(\S.{0,199})$")
_LIST_SPLIT = re.compile(r"\s*[,;|•]\s*")
_TITLE_PREFIX = re.compile(
    r"^(?:job description|job title|job opening|job posting|we are hiring|hiring)\s*[-–—:|]\s*",
    re.I,
)
_MAX_TITLE = 120


def read_labels(
    lines: list[Line], *, title: bool, first_line: bool = False
) -> dict[str, tuple[Any, str]]:
    """Hint name -> (value, label as written) for the first line carrying each known label;
    title and company labels only when ``title``, the first-line title only when ``first_line``."""
    found: dict[str, tuple[Any, str]] = {}
    for line in lines:
        if line.heading or (line.text.find(":", 0, 42) < 0 and line.text.find("：", 0, 42) < 0):
            continue
        match = _LABEL_LINE.match(line.text)
        if match is None:
            continue
        label = match.group(1).strip(" *_-–•")
        hint = _LABELS.get(label.lower())
        if hint is None or hint in found or (hint in ("title", "company") and not title):
            continue
        if (value := _value(hint, match.group(2).strip())) is not None:
            found[hint] = (value, label)
    if first_line and "title" not in found and (first := first_line_title(lines)):
        found["title"] = (first, "first line")
    return found


def _value(hint: str, raw: str) -> Any:
    raw = raw.strip(" *_")
    if not raw:
        return None
    if hint == "skills":
        return [part for part in _LIST_SPLIT.split(raw) if part] or None
    if hint in ("locations", "employment_type"):
        return [raw]
    if hint == "salary":
        return SalaryHint(raw=raw)
    return raw


def first_line_title(lines: list[Line]) -> str | None:
    """The first short line that is not a labelled value: the usual place of a text title."""
    for line in lines[:3]:
        text = _TITLE_PREFIX.sub("", line.text).strip()
        if _LABEL_LINE.match(text) or (line.heading and classify_heading(text) != "other"):
            continue
        return text if 0 < len(text) <= _MAX_TITLE and not text.endswith(".") else None
    return None
