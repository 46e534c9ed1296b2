"""Employment type as schema.org values, from source values or from what the text states."""

from __future__ import annotations

import re

from services.enricher.textscan import held, lines_with, register, scope, word_search

# Ordered: the first pattern that matches a value decides it. Words about a contract's duration
# or kind rather than its hours ("permanent", "regular", "casual", "temp to perm", "fixed term",
# "zero hours") map to no schema.org value: sources disagree on them, so the posting states none.
_NOT_A_TYPE = re.compile(
    r"temp(?:orary)?[ -]to[ -]perm|zero[ -]hours?|fixed[ _-]?term|casual|apprentice|ausbildung",
    re.I,
)
_VALUES: list[tuple[str, str]] = [
    (
        r"intern|praktik|praktyki\b|stage|staż|stażyst|стажир|стаж[её]р|trainee|werkstudent|^probation$",
        "INTERN",
    ),
    (r"volunt|ehrenamt|волонт|wolontari", "VOLUNTEER"),
    (r"per[ _-]?diem", "PER_DIEM"),
    (
        r"part[ _-]?time|parttime|teilzeit|deltid|niepełny|częś[cć] etatu|частичн|неполн|^part$|"
        r"temps partiel|tiempo parcial|jornada parcial|media jornada|tempo parziale|"
        r"tempo parcial|deeltijd",
        "PART_TIME",
    ),
    (
        r"^temp$|temporar|(?<!un)befristet|visstid|tidsbegränsad|czas określony|seasonal|"
        r"saisonal|временн|сезонн|vikariat|temporal|(?<!in)determinato|^cdd$|tijdelijk|"
        r"sommarjobb|feriejobb|säsongsanst",
        "TEMPORARY",
    ),
    (
        r"contract|freelanc|b2b|umow[aęy] zleceni[ea]|umow[aęy] o dzieło|selbstständig|"
        r"frilans|konsult|"
        r"подряд|проектн|гпх|contractor|1099|corp[ -]to[ -]corp|c2c|^project$",
        "CONTRACTOR",
    ),
    (
        r"full[ _-]?time|fulltime|vollzeit|heltid|pełny etat|pełen etat|pełn(?:ym|y) wymiar|"
        r"полная занятость|"
        r"^полная$|^full$|^fullday$|полный (?:рабочий )?день|^voll-$|whole[ -]?time|"
        r"temps (?:plein|complet)|tiempo completo|jornada completa|tempo pieno|"
        r"tempo (?:inteiro|integral)|voltijd",
        "FULL_TIME",
    ),
]
_VALUE_RES = [(re.compile(p, re.I), v) for p, v in _VALUES]
_SPLIT = re.compile(r"\s*(?:,|/|\||;|\bor\b|\band\b|&|\bи\b|\bили\b|\bund\b|\boder\b|\blub\b)\s*")
_LABELLED = re.compile(
    r"^\W*(?:job types?|type|contract|employment(?: type)?|type of employment|contract type|"
    r"position type|"
    r"work type|job type|schedule|hours|working hours|work patterns?|beschäftigungsart|"
    r"anstellungsart|"
    r"vertragsart|anställningsform|omfattning|arbetstid|rodzaj umowy|wymiar pracy|typ umowy|"
    r"тип занятости|занятость|график работы)\W*[:\-–]\s*(.+)$",
    re.I | re.M,
)
# Free-text statements precise enough to trust ("this is a full-time role"), matched on
# lower-cased text with textscan.word_search (a leading \b makes the scan much slower).
_STATED = re.compile(
    r"(full[- ]time|part[- ]time|contract|temporary|freelance|internship|per diem|"
    r"vollzeit|teilzeit|heltid|deltid|pełny etat|b2b|полная занятость|"
    r"частичная занятость)\s+(?:\w+\s+)?(?:position|role|job|opportunity|employment|contract|"
    r"basis|vacancy|stelle|tjänst|anställning|umowa|работа|(?:positions|roles|"
    r"opportunities|vacancies)(?!\s+(?:are|is)\s+eligible|\s+receive|\s+qualify))\b"
    r"|(1099|contracted|freelance|contract)\s+(?:\w+\s+)?(?:position|role|basis|engagement)\b"
    r"|(?:is|as|on) an? (full[- ]time|part[- ]time|contract|temporary|freelance)\b"
    r"|(?:position|role|job|this vacancy) is\W+(?:an?\W+)?(full[- ]time|part[- ]time)\b"
    r"|(?:looking for|hiring|seeking|recruiting)(?:\s+an?)?\W+((?:full|part)[- ]?time"
    r"(?:\s*(?:/|,|&|\band\b|\bor\b)\s*(?:full|part)[- ]?time)*)\b"
)
# _STATED's terms: a text holding none of them need not be scanned for it.
_STATED_NEEDS = (
    "full-time",
    "full time",
    "fulltime",
    "part-time",
    "part time",
    "parttime",
    "contract",
    "temporary",
    "freelance",
    "internship",
    "per diem",
    "vollzeit",
    "teilzeit",
    "heltid",
    "deltid",
    "pełny etat",
    "b2b",
    "полная занятость",
    "частичная занятость",
    "1099",
)
# More statements, each run only where its literal is: the alternation above is tried at every
# character, so it stays short.
_PHRASES: list[tuple[re.Pattern[str], tuple[str, ...]]] = [
    # "6 month contract", "12 months initial contract"; a fixed-term one states no type.
    (
        re.compile(
            r"(?:\d{1,2}|three|six|nine|twelve)[- ]months?\s+(?:initial\s+|rolling\s+|paid\s+)?"
            r"(contract|internship)\b"
        ),
        ("month",),
    ),
    (re.compile(r"(?:umowa|kontrakt|na)\s+(b2b)\b|\((b2b)(?:\s+contract)?\)"), ("b2b",)),
    (re.compile(r"in (vollzeit|teilzeit|voll- oder teilzeit|voll- und teilzeit)\b"), ("zeit",)),
    (
        re.compile(
            r"na (pe[lł]ny etat|pe[lł]en etat|niepe[lł]ny etat|cz[eę]ś[cć] etatu)|"
            r"(полная занятость|частичная занятость|pe[lł](?:n[ya]|en) etat)"
        ),
        ("etat", "занятость"),
    ),
    (
        re.compile(r"på (heltid|deltid)\b|(heltids|deltids)(?:tjänst|anställning)"),
        ("heltid", "deltid"),
    ),
    (
        re.compile(r"((?:full|part)[- ]?time)\s+(?:[\w-]+\s+){1,2}(?:wanted|needed)\b"),
        ("wanted", "needed"),
    ),
]
_PHRASES += [
    # Hours in French, Spanish, Italian, Portuguese and Dutch: "CDI, temps plein", "jornada
    # completa", "tempo pieno", "tempo inteiro", "deeltijd"; words used for nothing but a job's.
    (
        re.compile(
            r"(temps (?:plein|complet|partiel)|jornada (?:completa|parcial)|media jornada|"
            r"tiempo (?:completo|parcial)|tempo (?:pieno|parziale|inteiro|integral|parcial)|"
            r"voltijd|deeltijd)\b"
        ),
        ("temps", "jornada", "tiempo", "tempo", "tijd"),
    ),
    # "Contrat : CDD", "Contrato: temporal", "contratto a tempo indeterminato, full time".
    (
        re.compile(
            r"(?:contrat|contrato|contratto)\b[^.\n]{0,40}?(?:\b(cdd|temporal|tempo determinato)\b"
            r"|,\s*((?:full|part)[- ]time)\b)"
        ),
        ("contrat",),
    ),
    # "This is an unpaid volunteer role", "Seasonal positions available", "Temp assignment".
    (
        re.compile(r"(?:is an?|this) (?:unpaid )?(volunteer) (?:role|position)\b"),
        ("volunteer",),
    ),
    (
        re.compile(r"(seasonal|temp) (?:positions?|roles?|jobs?|assignments?|contracts?)\b"),
        ("seasonal", "temp "),
    ),
]
# A Polish civil-law contract ("umowę zlecenie", "umowa o dzieło") is a contractor's; an intern's
# ("Staż, umowa zlecenie") is only the form of the internship.
_CIVIL = re.compile(r"(umow[ęay] (?:zleceni[ea]|o dzieło))(?!\w)")
_PHRASES += [
    # Polish and Russian for the hours and the kind of work: "w niepełnym wymiarze godzin",
    # "płatny staż (3 miesiące)", "на проектную работу" (not "проектная работа" alone: an
    # architect's design work), "частичная занятость или полная".
    (_CIVIL, ("umow",)),
    (
        re.compile(
            r"(?:w|na) ((?:nie)?pe[lł]nym wymiarze)\b|"
            r"((?:p[lł]atny|bezp[lł]atny|letni|wakacyjny|studencki) staż)(?!\w)|"
            r"((?:p[lł]atne|bezp[lł]atne) praktyki|praktyki (?:studenckie|letnie))\b"
        ),
        ("wymiar", "staż", "praktyki"),
    ),
    (
        re.compile(
            r"(?:на|для) (проектн(?:ую|ой) работ[уы])\b|(проектная занятость)|"
            r"((?:частичная|полная|неполная) занятость,? (?:или|и) (?:полная|частичная|неполная))"
            r"(?!\w)"
        ),
        ("проектн", "занятость"),
    ),
]
_STATEMENTS = [(_STATED, _STATED_NEEDS), *_PHRASES]
_LITERALS = tuple(dict.fromkeys(word for _, needs in _STATEMENTS for word in needs))
# A line that opens with the type, alone or in a list: "Full-time, $16/hr, weekends", "Part Time,
# Nights", "Full time and part time shifts", "полная занятость/полный рабочий день". A type word
# followed by anything else ("Full-time employees receive...") states nothing about the role.
_TERM = (
    r"(?:full[- ]?time|part[- ]?time|vollzeit|teilzeit|heltid|deltid|pe[lł](?:n[ya]|en) etat|"
    r"niepe[lł]ny etat|(?:полная|частичная|неполная) занятость|полный (?:рабочий )?день|"
    r"contract|temporary|freelance|visstidsanställning|vikariat|whole[- ]time|"
    r"internship|staż|стажировка|praktikum|b2b)"
)
_SHARE = (
    rf"{_TERM}(?:\s+(?:\d{{1,3}}\s?%|\d{{1,2}}\s+(?:months?|månader|monate|miesi[eę]cy|"
    r"месяц\w*)))?"
)
_DURATION = (
    r"(?:permanent|regular|unbefristet|festanstellung|tillsvidareanställning|tillsvidare|"
    r"stała|бессрочн\w*|cdi)"
)
_JOIN = r"\s*(?:,|/|;|\||&|\+|\band\b|\bor\b|\bи\b|\bили\b|\bund\b|\boder\b|\blub\b)\s*"
# The same after a sentence ("... with React. Full-time.", matched on the text with a line break
# after each sentence) and after a word for the contract's duration ("Permanent, full-time"); a
# share of full time may follow ("Deltid 75 %").
_LEADING = re.compile(
    rf"^[^\w\n]*(?:{_DURATION}\s*(?:,|/|&|-|\band\b|\bi\b|\bin\b)?\s*)?"
    rf"({_SHARE}(?:{_JOIN}{_SHARE})*)(?=(?:\s+(?:available|only|considered|positions?|roles?|"
    rf"jobs?|basis|shifts?|vacanc(?:y|ies)))?[^\S\n]*(?:[,;/|.!()*:–-]|$))",
    re.M,
)
_LABEL_AFTER = re.compile(r"\s*:")
# Hours named next to a contract kind in one value: "Temporary Full Time" is both.
_HOURS = [(p, v) for p, v in _VALUE_RES if v in ("FULL_TIME", "PART_TIME")]
# A title that names the hours: "Part-Time Caregiver", "Direct Hire//Full time//Technologist",
# an intern ("Data Analyst Intern"), or the kind as a segment of its own: "(1099 Contract)
# Architect", "Data Engineer - Freelance" ("Contract Manager" manages contracts).
_TITLE = re.compile(
    r"\b(?:full|part)[ _-]?time\b|"
    r"\b(?:intern|praktikant\w*|stażysta|стаж[её]р)(?=\s*(?:$|[-–—(,|/]))|\bstażyst(?:a|ka)\b|"
    r"(?:^|[(\[,|/–—-]\s*)((?:1099\s+)?contract(?:or)?|freelance|"
    r"internship|temporary|temp)\s*(?:[)\],|/–—-]|$)",
    re.I,
)


_TRIGGERS = (
    "time",
    "contract",
    "temporar",
    "fixed",
    "freelanc",
    "intern",
    "permanent",
    "vollzeit",
    "teilzeit",
    "heltid",
    "deltid",
    "etat",
    "b2b",
    "занятост",
    "полный",
    "1099",
    "type",
    "schedule",
    "umow",
    "anställ",
    "график",
    "befrist",
    "beschäftigung",
    "omfattning",
    "arbetstid",
    "wymiar",
    "employment",
    "стажир",
    "staż",
    "praktik",
    "visstid",
    "vikariat",
    "temps",
    "jornada",
    "tiempo",
    "tempo",
    "tijd",
    "contrat",
    "volunteer",
    "seasonal",
    "temp ",
    "cdd",
    "проектн",
    "praktyki",
    "per diem",
)
register(_TRIGGERS)  # all extractors' triggers are found in one pass per text


def normalize(values: list[str]) -> list[str]:
    """Source values ("Full-Time", "full_time", "B2B", "Vollzeit") to schema.org values."""
    out: list[str] = []
    for raw in values:
        for part in _SPLIT.split(raw):
            value = _one(part)
            if value and value not in out:
                out.append(value)
            if value in ("TEMPORARY", "CONTRACTOR", "INTERN"):  # "Temporary Full Time"
                hours = next((v for p, v in _HOURS if p.search(part)), None)
                if hours and hours not in out:
                    out.append(hours)
    return out


def from_labels(text: str) -> tuple[list[str], str] | None:
    """(values, evidence) from every labelled line: "Omfattning: Deltid" and "Anställningsform:
    Visstidsanställning" state one value each."""
    values: list[str] = []
    lines: list[str] = []
    for labelled in _LABELLED.finditer(lines_with(text, _TRIGGERS)):
        stated = [v for v in normalize([labelled.group(1)]) if v not in values]
        if stated:
            values += stated
            lines.append(labelled.group(0).strip())
    return (values, "; ".join(lines)[:160]) if values else None


def from_text(text: str) -> tuple[list[str], str] | None:
    """(values, evidence) from the labelled lines, else from a precise statement."""
    labelled = from_labels(text)
    if labelled:
        return labelled
    text = lines_with(text, _TRIGGERS)
    if not text:
        return None
    found: list[str] = []
    evidence = ""
    low = text.lower()
    source = text if len(low) == len(text) else low  # offsets agree for the evidence
    sentences = low.replace(". ", ".\n").replace("! ", "!\n").replace("? ", "?\n")
    # "$21.00/hr | Full time, permanent", "London, UK · Full-time · Hybrid": a segment opens too.
    sentences = sentences.replace(" | ", " \n ").replace(" · ", " \n ")
    for leading in _LEADING.finditer(sentences):  # "Full-time, $16/hr" opening a line
        if leading.group(1) == "contract" and _LABEL_AFTER.match(low, leading.end(1)):
            continue  # "Contract: Permanent" labels the contract's kind
        for value in normalize([leading.group(1)]):
            if value not in found:
                found.append(value)
                evidence = evidence or source[leading.start(1) : leading.end(1)]
    present = held(low, _LITERALS)
    civil = False  # CONTRACTOR stated only by a civil-law contract
    # A type said of the company, its product or customers ("our product supports part-time
    # workers", "previously a part-time role") states none; one said of the role ("this position
    # is full-time") outranks those that name no subject.
    role: list[str] = []
    for pattern, needs in _STATEMENTS:
        if present.isdisjoint(needs):
            continue
        at = 0
        while (match := word_search(pattern, low, at)) is not None:
            at = match.end()
            whose = scope(low, match.start(), match.end())
            if whose < 0:
                continue
            for kind in normalize([next(g for g in match.groups() if g)]):  # "part and fulltime"
                if whose > 0 and kind not in role:
                    role.append(kind)
                if kind not in found:
                    found.append(kind)
                    civil = civil or pattern is _CIVIL
                    evidence = evidence or source[match.start() : match.end()]
    if role:
        found = [kind for kind in found if kind in role]
    if civil and "INTERN" in found and "CONTRACTOR" in found:
        found.remove("CONTRACTOR")
    return (found, evidence) if found else None


def from_title(title: str) -> tuple[list[str], str] | None:
    """(values, evidence) when the title states full- or part-time."""
    values = normalize([m.group(1) or m.group(0) for m in _TITLE.finditer(title)])
    return (values, title[:120]) if values else None


def _one(value: str) -> str | None:
    value = value.strip()
    if not value or _NOT_A_TYPE.search(value):
        return None
    for pattern, schema in _VALUE_RES:
        if pattern.search(value):
            return schema
    return None
