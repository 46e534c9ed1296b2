"""Workplace (onsite | hybrid | remote) from the source value, checked against the text."""

from __future__ import annotations

import re

from services.enricher.textscan import held, lines_with, register, scope, word_search
from shared.posting import Workplace

_VALUES: list[tuple[str, Workplace]] = [
    (r"hybrid|hybryd|гибрид|частично удал|mobiles arbeiten|delvis distans", "hybrid"),
    (
        r"remote|home[ -]?office|work from home|wfh|telework|zdaln|distans|удал[её]н|fernarbeit|"
        r"anywhere",
        "remote",
    ),
    (
        r"on[ _-]?site|in[ _-]?office|in person|office|stacjonar|на месте|в офисе|vor ort|"
        r"präsenz|på plats|på kontoret|onsite|not remote|no remote|офис",
        "onsite",
    ),
]
_VALUE_RES = [(re.compile(p, re.I), v) for p, v in _VALUES]
_LABELLED = re.compile(
    r"^\W*(?:work location|workplace(?: type)?|work model|work arrangement|work mode|"
    r"location type|remote|arbeitsort|arbeitsmodell|tryb pracy|miejsce pracy|mode|job mode|"
    r"working mode|mode of work|work setup|формат работы|график работы|график)\W*[:\-–]\s*(.+)$",
    re.I | re.M,
)
# The same labels inside a line of sentences: "... Notice period: immediate. Work mode: Hybrid."
# Only the unmistakable ones ("mode" or "remote" alone label nothing there).
_LABELLED_INLINE = re.compile(
    r"[.;!?|]\s+(?:work(?:ing)? (?:mode|model|arrangement|setup|location)|workplace(?: type)?|"
    r"mode of work|location type|arbeitsmodell|tryb pracy|формат работы)\s*[:\-–]\s*([^.;!?|\n]+)",
    re.I,
)
_INLINE_LABELS = (
    *("work mode", "working mode", "work model", "working model", "work arrangement"),
    *("working arrangement", "work setup", "working setup", "work location", "workplace"),
    *("mode of work", "location type", "arbeitsmodell", "tryb pracy", "формат работы"),
)
# Statements about the role, not mere mentions: "remote monitoring", "Remote Hands", "the onsite
# team" or "in-office perks" name no workplace. Matched on lower-cased text with the word
# boundary checked by textscan.word_search, which is much faster than a leading \b. Each
# pattern runs only where one of its literals is (one per alternative): the regexes try
# several words at every character.
_NUMBER = r"(?:[1-4]|one|two|three|four)(?:\s*-\s*[1-4])?"
_HYBRID = re.compile(
    r"hybrid\b(?:\s+\w+){0,3}\s+(?:role|position|work|model|schedule|setup|"
    r"arrangement|working|environment|basis|policy|options?)|(?:is|are|be)\s+hybrid\b|"
    r"hybrydow|гибридн"
)
_OFFICE_DAYS = re.compile(
    rf"{_NUMBER}\s+days?\s+(?:a|per)\s+week\s+in\s+(?:the\s+|our\s+)?(?:\w+\s+)?office|"
    rf"{_NUMBER} days?\s*(?:/\s*week\s+|a week\s+|per week\s+)?(?:in|from|at) (?:the |our )?"
    rf"office|in[- ](?:the |our )?office {_NUMBER} days?\b"
)
# Days on site, fewer than five: "working on-site three days a week", "2 days per week onsite".
_SITE_DAYS = re.compile(
    rf"on[- ]?site\s+(?:for\s+)?{_NUMBER}\s+days?\s+(?:a|per|each)\s+week|"
    rf"{_NUMBER}\s+days?\s+(?:a|per|each)\s+week\s+on[- ]?site"
)
# Days in the office in German, Swedish, Polish and Russian: "2 Tage pro Woche im Büro", "2-3
# dagar på kontoret", "2 dni w biurze", "2 дня в офисе"; days at home: "3 Tage Homeoffice", "up
# to 3 days per week home office", "2 days WFH", "work from home 2 days a week".
_DAYS = r"(?:\s*-\s*[1-4])?\s+"
_WEEKDAYS = rf"{_NUMBER}\s*days?"
_HOME = r"(?:from home|home[- ]?office|wfh|remote(?:ly)?)"
_TAGE = re.compile(
    rf"(?:[1-4]|ein(?:en)?|zwei|drei|vier){_DAYS}tag(?:e|en)?\s+(?:(?:pro|die|in der)\s+woche\s+)?"
    r"(?:im büro|vor ort|(?:im\s+)?home[- ]?office|mobil)"
)
_DAGAR = re.compile(
    rf"(?:[1-4]|en|två|tre|fyra){_DAYS}dag(?:ar)?\s+(?:i veckan\s+|per vecka\s+)?på kontoret"
)
_DNI = re.compile(
    rf"(?:[1-4]|jeden|dwa|trzy|cztery){_DAYS}dni\s+(?:w tygodniu\s+)?(?:w biurze|z biura)"
)
_DNYA = re.compile(rf"[1-4]{_DAYS}дн(?:я|ей)\s+(?:в неделю\s+)?в офисе")
_HOME_DAYS = re.compile(
    rf"{_WEEKDAYS}\s*(?:(?:a|per|/)\s*week\s+)?(?:of\s+)?(?:working\s+)?{_HOME}\b|"
    rf"(?:work(?:ing)? from home|wfh|home[- ]?office|remote(?:ly)?)\s+(?:work(?:ing)?\s+)?"
    rf"(?:up to\s+)?{_WEEKDAYS}\b"
)
_PARTLY = re.compile(r"częściowo zdaln|mobiles? arbeiten")
# French, Spanish and Dutch: "télétravail partiel", "2 jours de télétravail", "teletrabajo 2 días
# a la semana", "gedeeltelijk thuiswerken", "2 dagen thuiswerken per week".
_ROMANCE_DAYS = r"(?:[1-4]|un|deux|trois|dos|tres|twee|drie)(?:\s*(?:-|à|a|y|of)\s*[1-4])?\s+"
_PART_HOME = re.compile(
    rf"télétravail\s+(?:partiel|(?:de\s+)?{_ROMANCE_DAYS}jours?)|{_ROMANCE_DAYS}jours?\s+"
    rf"(?:par semaine\s+)?(?:de\s+)?télétravail|teletrabajo\s+(?:parcial|{_ROMANCE_DAYS}d[ií]as)|"
    rf"{_ROMANCE_DAYS}d[ií]as\s+(?:a la semana\s+)?(?:de\s+)?teletrabajo|gedeeltelijk thuis|"
    rf"{_ROMANCE_DAYS}dag(?:en)?\s+(?:per week\s+)?thuis|thuiswerken\s+{_ROMANCE_DAYS}dag"
)
_REMOTE = re.compile(
    r"(?:fully|100%|completely|entirely)\s+remote|remote[- ]first|remote "
    r"(?:role|position|job|work|opportunity|basis)|work from home|work from anywhere|"
    r"(?:is|are|be|work(?:ing)?)\s+remote(?:ly)?\b|praca zdalna|pracy zdaln|"
    r"удал[её]нн(?:ая|ой) работ|удал[её]нно|удал[её]нн\w* (?:формат|график|режим|"
    r"занятост)|формат\w* работы[^.;\n]{0,40}удал|удал[её]нк|på distans|"
    r"(?:100\s?%\s*|w 100\s?%\s*|w pełni\s+|całkowicie\s+)zdaln|"
    # "Remote within Canada", "remote across the EU", "Remote innerhalb Deutschlands"
    r"remote\s+(?:(?:only\s+)?within|across|anywhere in|innerhalb)\b"
)
# Apart from _REMOTE, under its own gate: "Télétravail complet", "Teletrabajo 100%", "lavoro da
# remoto", "volledig thuiswerken".
_REMOTE_ROMANCE = re.compile(
    r"télétravail\s+(?:complet|total|à 100\s?%|100\s?%)|(?:100\s?%|full)\s+(?:en\s+)?"
    r"(?:télétravail|teletrabajo|remoto)|teletrabajo\s+(?:100\s?%|completo|total)|"
    r"(?:lavoro|trabajo|trabalho|lavorare|trabajar|trabalhar)\s+(?:(?:da|en|in|em)\s+)?remoto|"
    r"(?:da|in|en)\s+remoto|volledig\s+(?:thuis|remote|op afstand)"
)
_ONSITE = re.compile(
    r"(?:on[- ]?site|in[- ]office|in[- ]person|office[- ]based)\s+(?:role|position|"
    r"job|opportunity|basis)\b|work(?:ing)?\s+(?:on[- ]?site|in[- ]person|"
    r"from (?:the |our )?office|from our (?:[\w-]+\s+){1,3}office)\b|wfo\b|"
    r"arbetet (?:sker|utförs) på plats|(?:is|are|be)\s+(?:fully\s+|100%\s+)?(?:on[- ]?site|"
    r"in[- ]office|in[- ]person|office[- ]based)\b|(?:5|five) days? (?:a|per) week in "
    r"(?:the |our )?office|in[- ]person (?:5|five) days|in (?:the |our )?office (?:5|five) "
    r"days|praca stacjonarna|в офисе|vor ort"
)
_ONSITE_ROMANCE = re.compile(
    r"poste sur site|(?:100\s?%\s*)?en présentiel|(?:trabajo|puesto|trabalho)\s+presencial|"
    r"100\s?%\s*presencial|lavoro in sede"
)
_ONSITE_NEED = (
    "site",
    "office",
    "person",
    "praca stacjonarna",
    "в офисе",
    "vor ort",
    "wfo",
    "på plats",
)
# Each pattern with the literals it cannot match without: every group must have one present
# (a number of days is common; days in an office, at home or "på kontoret" are not).
_Gate = tuple[tuple[str, ...], ...]
_HOME_WORDS = ("home", "wfh", "remote")
_STATED: list[tuple[Workplace, list[tuple[re.Pattern[str], _Gate]]]] = [
    (
        "hybrid",
        [
            (_HYBRID, (("hybrid", "hybrydow", "гибридн"),)),
            (_OFFICE_DAYS, (("office",), ("day",))),
            (_SITE_DAYS, (("site",), ("day",))),
            (_TAGE, (("tag",), ("büro", "vor ort", "home", "mobil"))),
            (_DAGAR, (("dag",), ("på kontoret",))),
            (_DNI, (("dni",), ("biur",))),
            (_DNYA, (("дн",), ("в офисе",))),
            (_HOME_DAYS, (("day",), _HOME_WORDS)),
            (_PARTLY, (("zdaln", "mobile"),)),
            (_PART_HOME, (("télétravail", "teletrabajo", "thuis"),)),
        ],
    ),
    (
        "remote",
        [
            (_REMOTE, (("remote", "work from", "zdaln", "удал", "på distans"),)),
            (_REMOTE_ROMANCE, (("télétravail", "teletrab", "remoto", "volledig"),)),
        ],
    ),
    (
        "onsite",
        [
            (_ONSITE, (_ONSITE_NEED,)),
            (_ONSITE_ROMANCE, (("sur site", "présentiel", "presencial", "in sede"),)),
        ],
    ),
]
# A workplace word as a segment of its own: opening a line ("Remote (US only)", "Hybrid, 2-3
# dagar på kontoret"), in parentheses of its own ("Boston, MA (Hybrid)") or closing a list line
# ("Part-time, on-site", "Pensum 80-100%, hybrid", "пятидневка, офис."). Not a label ("Remote:
# No") and not an item inside a list ("apps (iOS, Android, hybrid)").
_SEGMENT_WORDS: list[tuple[str, tuple[str, ...]]] = [
    (
        r"hybrid|hybrydowo|hybrydowa|hybrydowy|гибрид|гибридный формат|hybride|h[ií]brido|ibrido",
        ("hybr", "гибрид", "híbrid", "hibrid", "ibrid"),
    ),
    (
        r"(?:fully |100% ?)?remote(?: only)?|(?:100% ?)?zdalnie|удал[её]нно|удал[её]нка|"
        r"на удал[её]нке|på distans",
        ("remote", "zdaln", "удал", "distans"),
    ),
    (
        r"(?:fully |100% )?on[- ]?site|office[- ]based|in[- ]office|stacjonarnie|"
        r"praca stacjonarna|офис|в офисе|vor ort|på plats",
        ("site", "office", "stacjonar", "офис", "vor ort", "på plats"),
    ),
]
_SEGMENTS = [
    (
        re.compile(
            rf"^[^\w\n]*(?:{words})[^\S\n]*(?=[,()|/;.]|\s[-–—]\s|$)|"
            # "(Hybrid)", "(Hybrid: 3 days in the office)", "(Remote, UK)"; not "(Remote: No)"
            rf"\([^\S\n]*(?:{words})[^\S\n]*(?:\)|,|:(?![^\S\n]*(?:no|nein|nie|нет)\b))|"
            rf"(?:[,|/;·•]|(?<=\s)[-–—])[^\S\n]*(?:{words})[^\S\n]*\.?[^\S\n]*$|"
            # a sentence of terms, more sentences after it: "Full time, on-site. Minimum 3 years"
            rf"(?:full[- ]?time|part[- ]?time|permanent|contract|temporary)[^\S\n]*[,/|]"
            rf"[^\S\n]*(?:{words})[^\S\n]*\.(?=[^\S\n]|$)",
            re.M,
        ),
        needs,
    )
    for words, needs in _SEGMENT_WORDS
]
# Words that may scope a statement to the role (textscan.scope): without one in the text the
# first statement found stands; with one, only its lines are searched for a role's statement.
_ROLE_WORDS = ("role", "position", "job", "you", "candidate")
# "Remote: yes", "Distansarbete: ja, 100 %"
_YES = ("yes", "ja", "да", "tak", "100")
# Every literal the gates above test, all found in one pass over the text (textscan.held).
_GATE_GROUPS = [group for _, stated in _STATED for _, gate in stated for group in gate]
_LITERALS = tuple(
    dict.fromkeys(
        [literal for group in _GATE_GROUPS for literal in group]
        + [word for _, words in _SEGMENTS for word in words]
        + list(_YES)
        + list(_INLINE_LABELS)
        + list(_ROLE_WORDS)
    )
)
_REMOTE_YES = re.compile(
    r"^\W*(?:remote(?: work)?|distansarbete|удал[её]нная работа|praca zdalna)\W*[:\-–]\s*"
    r"(?:yes|ja|да|tak|100\s?%)\b",
    re.I | re.M,
)

# A title that names the workplace as its own segment: "Python developer, remote", "Backend
# developer (office)", "Technician - IL - On Site"; "Remote Sensing Analyst" names none.
_TITLE = re.compile(
    r"(?:^|[(\[,|/–—-]\s*)(fully remote|100% remote|remote|hybrid|on[- ]?site|in[- ]office|"
    r"удал[её]нно|удал[её]нка|гибрид|офис|в офисе|zdalnie|hybrydowo|stacjonarnie)"
    r"\s*(?:[)\],|/–—-]|$)",
    re.I,
)

_TRIGGERS = (
    "hybrid",
    "remote",
    "site",
    "office",
    "in person",
    "in-person",
    "work from",
    "wfh",
    "location",
    "model",
    "zdaln",
    "stacjonar",
    "hybryd",
    "distans",
    "på plats",
    "удал",
    "гибрид",
    "офис",
    "vor ort",
    "formát",
    "формат",
    "график",
    "arbeitsort",
    "arbeitsmodell",
    "tryb pracy",
    "miejsce pracy",
    "arrangement",
    "mode",
    "büro",
    "kontoret",
    "biur",
    "wfo",
    "distans",
    "mobil",
    "homeoffice",
    "home-office",
    "home office",
    "télétravail",
    "teletrab",
    "remoto",
    "thuis",
    "híbrid",
    "hibrid",
    "ibrid",
    "présentiel",
    "presencial",
    "in sede",
)
register(_TRIGGERS)  # all extractors' triggers are found in one pass per text


def normalize(value: str | None) -> Workplace | None:
    if not value:
        return None
    for pattern, workplace in _VALUE_RES:
        if pattern.search(value):
            return workplace
    return None


def from_text(text: str) -> tuple[Workplace, str] | None:
    """(workplace, evidence): a labelled line first, then the most specific statement."""
    text = lines_with(text, _TRIGGERS)
    if not text:
        return None
    for labelled in _LABELLED.finditer(text):  # "Work Location- Naperville" states none
        value = normalize(labelled.group(1))
        if value:
            return value, labelled.group(0).strip()[:120]
    low = text.lower()
    if len(low) != len(text):  # offsets must agree: a few characters change length when lowered
        text = low
    present = held(low, _LITERALS)
    if not present.isdisjoint(_INLINE_LABELS):
        for labelled in _LABELLED_INLINE.finditer(text):
            value = normalize(labelled.group(1))
            if value:
                return value, labelled.group(0).strip(" .;!?|")[:120]
    yes = _REMOTE_YES.search(text) if not present.isdisjoint(_YES) else None
    if yes:
        return "remote", yes.group(0).strip()
    # A statement about the company, its product or customers ("we are a remote-first company",
    # "our hybrid cloud platform") decides nothing; one about the role ("this role is on-site",
    # "you will work remotely") beats one that names no subject.
    fallback: tuple[Workplace, str] | None = None
    for (workplace, stated), (segment, words) in zip(_STATED, _SEGMENTS, strict=True):
        for pattern, gate in stated:
            if not all(not present.isdisjoint(group) for group in gate):
                continue
            at = 0
            while (match := word_search(pattern, low, at)) is not None:
                whose = scope(low, match.start(), match.end())
                if whose < 0:
                    at = match.start() + 1
                    continue
                start = text.rfind("\n", 0, match.start()) + 1
                end = text.find("\n", match.end())
                found = workplace, text[start : end if end != -1 else len(text)].strip()[:160]
                if whose > 0:
                    return found
                if fallback is None:
                    if present.isdisjoint(_ROLE_WORDS):
                        return found
                    fallback = found
                    text, low = _role_lines(text, low)
                break
        if fallback is None and not present.isdisjoint(words):
            segment_line = _segment_line(segment, words, low)
            if segment_line is not None:
                fallback = workplace, text.split("\n")[segment_line].strip()[:160]
                if present.isdisjoint(_ROLE_WORDS):
                    return fallback
                text, low = _role_lines(text, low)
    return fallback


def _role_lines(text: str, low: str) -> tuple[str, str]:
    """The lines of ``text`` (and of ``low``, its lower case) that name the role: after a
    statement that names no subject, only one about the role can beat it."""
    lines, low_lines = text.split("\n"), low.split("\n")
    numbers = [n for n, line in enumerate(low_lines) if any(w in line for w in _ROLE_WORDS)]
    return "\n".join(lines[n] for n in numbers), "\n".join(low_lines[n] for n in numbers)


def _segment_line(segment: re.Pattern[str], words: tuple[str, ...], low: str) -> int | None:
    """The number of the first line holding a workplace word as a segment of its own."""
    for number, line in enumerate(low.split("\n")):
        if any(word in line for word in words) and segment.search(line):
            return number
    return None


def from_title(title: str) -> tuple[Workplace, str] | None:
    """(workplace, evidence) when the title names the workplace as a segment of its own."""
    match = _TITLE.search(title)
    value = normalize(match.group(1)) if match else None
    return (value, title[:120]) if value else None


# Only a concrete attendance rule in the text beats a structured field: "hybrid, 3 days in
# office" does; a benefits line about a "Hybrid Work Policy" does not.
_ATTENDANCE = re.compile(
    r"\b(\d|one|two|three|four)\s*(?:-\s*\d\s*)?days?\b|\bin[- ](?:the )?office\b"
)


def reconcile(hint: Workplace, text_value: tuple[Workplace, str] | None) -> tuple[Workplace, str]:
    """The structured hint, unless the text states a hybrid attendance rule against it."""
    stated = text_value[0] if text_value else None
    if text_value and stated == "hybrid" != hint and _ATTENDANCE.search(text_value[1].lower()):
        return "hybrid", f"source says {hint}, text says hybrid: {text_value[1]}"
    return hint, ""
