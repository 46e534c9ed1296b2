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
    "title": "job title|job|title|position|position title|role|job role|designation|job position"
    "|job name|stellenbezeichnung|stelle|tjänst|stanowisko|должность|вакансия"
    "|intitulé du poste|titre du poste|puesto|título del puesto|befattning",
    "company": "company|company name|employer|organization|organisation|hiring company"
    "|unternehmen|arbetsgivare|firma|pracodawca|компания|работодатель"
    "|entreprise|société|employeur|empresa|empleador|azienda|företag",
    "experience": "experience|experience required|required experience|years of experience"
    "|work experience|exp|minimum experience|total experience|relevant experience"
    "|berufserfahrung|erfahrung|erfarenhet|doświadczenie|опыт|опыт работы|требуемый опыт работы"
    "|expérience|expérience requise|experiencia|esperienza",
    "locations": "location|job location|work location|locations|office location|based in|city"
    "|place of work|standort|arbeitsort|einsatzort|ort|placering|arbetsort|lokalizacja"
    "|miejsce pracy|местоположение|город|локация|место работы"
    "|lieu|lieu de travail|localisation|ville|ubicación|ubicacion|localización|lugar de trabajo"
    "|ciudad|sede|località|luogo di lavoro|localização|local de trabalho|plats|miasto",
    "employment_type": "employment type|job type|type|type of employment|contract type|work type"
    "|employment|engagement type|type of contract|position type|anstellungsart"
    "|beschäftigungsart|vertragsart|anställningsform|anställningstyp|omfattning"
    "|rodzaj umowy|typ umowy|wymiar pracy|forma zatrudnienia|тип занятости|занятость"
    "|type de contrat|type de poste|type d'emploi|contrat|tipo de contrato|tipo de empleo"
    "|jornada|tipo de jornada|tipo di contratto|contratto|arbetstid|wymiar etatu",
    "workplace": "work mode|work model|workplace|workplace type|work arrangement|remote"
    "|work location type|working model|arbeitsmodell|distansarbete|tryb pracy|формат работы"
    "|mode de travail|télétravail|modalidad|modalidad de trabajo|teletrabajo",
    "department": "department|team|function|division|abteilung|avdelning|dział|отдел",
    "salary": "salary|salary range|compensation|ctc|pay|pay range|package|budget|gehalt"
    "|lön|wynagrodzenie|зарплата|заработная плата|оклад|доход|rate|day rate|daily rate"
    "|hourly rate|salaire|rémunération|salario|sueldo|retribución|stipendio|retribuzione",
    "education": "education|qualification|educational qualification|degree|minimum education"
    "|ausbildung|utbildning|wykształcenie|образование|formation|diplôme|formación|titulación",
    "skills": "skills|key skills|skills required|required skills|mandatory skills"
    "|primary skills|must have skills|tech stack|technologies|ключевые навыки",
}.items():
    for _name in _names.split("|"):
        _LABELS[_name] = _hint

_LABEL_LINE = re.compile(r"^([^:]{2,40}?)\s*[:：]\s*(\S.{0,199})$")
# Several labelled values on one line ("Location: Berlin | Salary: ... | Type: Full-time").
_LABEL_SEPARATOR = re.compile(r"\s+[|•·]\s+")
# A label's lead-in: an emoji or a bullet sign ("📍 Location:").
_LABEL_LEAD = re.compile(r"^[\W_]+")
# Hints a label may state on the next line ("Location" / "Berlin, Germany", as a <dt>/<dd> pair
# or a table row shows it); lists (skills) and long values (experience) never do, nor does
# "Remote", which alone on a line is a place rather than a label.
_NEXT_LINE_HINTS = frozenset({"title", "company", "locations", "employment_type", "salary"})
_MAX_NEXT_VALUE = 60
_LABEL_ENDS = frozenset(":：*_-–• ")
# Each such label as a line of its own may show it, lower-cased: bare or with its colon.
_LONE_FORMS = frozenset(
    form
    for name, hint in _LABELS.items()
    if hint in _NEXT_LINE_HINTS
    for form in (name, f"{name}:", f"{name} :", f"{name}：")
)
_LIST_SPLIT = re.compile(r"\s*[,;|•]\s*")
_TITLE_PREFIX = re.compile(
    r"^(?:job description|job title|job opening|job posting|we are hiring|hiring|job|vacancy)"
    r"\s*[-–—:|]\s*",
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
        text = line.text
        if line.heading or (text.find(":", 0, 42) < 0 and text.find("：", 0, 42) < 0):
            continue
        match = _LABEL_LINE.match(text)
        if match is None:
            continue
        value = match.group(2)
        if "|" in value or "•" in value or "·" in value:
            for part in _labelled_parts(text):
                if (each := _LABEL_LINE.match(part)) is not None:
                    _found(found, _label(each.group(1)), each.group(2), title)
        else:
            _found(found, _label(match.group(1)), value, title)
    # A label alone on its line ("Location", "Location:"), its value on the next line: looked
    # for line by line only when one set test over the short lines finds any.
    if not _LONE_FORMS.isdisjoint([line.text.lower() for line in lines if len(line.text) <= 42]):
        for index, line in enumerate(lines):
            if line.text.lower() in _LONE_FORMS:
                _next_line_value(lines, index, found, title)
    if first_line and "title" not in found and (first := first_line_title(lines)):
        found["title"] = (first, "first line")
    return found


def _labelled_parts(text: str) -> list[str]:
    """A line cut before each separated part that is itself labelled: "Location: Berlin |
    Munich | Salary: ..." is "Location: Berlin | Munich" and "Salary: ..."."""
    parts: list[str] = []
    for part in _LABEL_SEPARATOR.split(text):
        if parts and _LABEL_LINE.match(part) is None:
            parts[-1] = f"{parts[-1]} | {part}"
        else:
            parts.append(part)
    return parts


def _bare_label(text: str) -> str:
    """A whole line as a label name (cheap: most lines start and end with a letter)."""
    if not text:
        return text
    if text[0].isalpha():
        last = text[-1]
        if last.isalpha():
            return text.lower()
        if last not in _LABEL_ENDS:  # "...skills." or "(m/w/d)" ends no label
            return ""
    return _label(text).lower()


def _label(text: str) -> str:
    if text and not text[0].isalpha():
        text = _LABEL_LEAD.sub("", text)
    return text.rstrip(":：").strip(" *_-–•")


def _found(found: dict[str, tuple[Any, str]], label: str, raw: str, title: bool) -> None:
    hint = _LABELS.get(label.lower())
    if hint is None or hint in found or (hint in ("title", "company") and not title):
        return
    if (value := _value(hint, raw.strip())) is not None:
        found[hint] = (value, label)


def _next_line_value(
    lines: list[Line], index: int, found: dict[str, tuple[Any, str]], title: bool
) -> None:
    """A label standing alone on its line, its value the short plain line after it."""
    label = _label(lines[index].text)
    if (
        lines[index].item
        or index + 1 >= len(lines)
        or _LABELS[label.lower()] not in _NEXT_LINE_HINTS
    ):
        return
    value = lines[index + 1]
    text = value.text
    if value.item or len(text) > _MAX_NEXT_VALUE or text.endswith("."):
        return
    if value.heading and classify_heading(text) != "other":  # the next section, not a value
        return
    if _bare_label(text) not in _LABELS and _LABEL_LINE.match(text) is None:
        _found(found, label, text, title)


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
    value_line = False
    for line in lines[:3]:
        text = _TITLE_PREFIX.sub("", line.text).strip()
        if value_line or _LABEL_LINE.match(text):
            value_line = False
            continue
        if line.heading and classify_heading(text) != "other":
            continue
        if _bare_label(text) in _LABELS:  # a label whose value is on the next line
            value_line = True
            continue
        return text if 0 < len(text) <= _MAX_TITLE and not text.endswith(".") else None
    return None
