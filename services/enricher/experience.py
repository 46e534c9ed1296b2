"""Years of experience the posting asks for, {min_years, max_years}.

Rule for the text: every "N years" statement near an experience word is a candidate. A statement
about one tool ("3+ years with MongoDB", "Node.js : 5+ years") is per-skill; a posting-level one
("6+ years of software development experience", "Experience: 5-10 Years") wins over any per-skill
one. With only per-skill statements, the first is used at lower confidence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from services.enricher.experience_terms import MIN as _MIN
from services.enricher.experience_terms import MONTH_STEMS, months
from services.enricher.experience_terms import NUMBER as _N
from services.enricher.experience_terms import WORDS as _WORDS
from services.enricher.experience_terms import YEARS as _YEARS
from services.enricher.textscan import FOLDS_APART, held, lines_with, register, scope
from shared.posting import Experience

# Matched on lower-cased text: without re.IGNORECASE these scan about 4x faster.
_PATTERNS = [
    # "от 1 года до 3 лет", "from 3 to 5 years", "3 to 5 yrs", "5-10 Years"
    (
        re.compile(
            rf"(?:от|from|between)?\s*{_N}\s*(?:\+\s*)?(?:{_YEARS})?\s*(?:-|–|—|to|до|bis|do|and|"
            rf"och|till|à|a|y|e|tot)\s*{_N}\s*\+?\s*(?:{_YEARS})",
        ),
        "range",
    ),
    (re.compile(rf"{_MIN}\s+(?:of\s+)?{_N}\s*\+?\s*(?:{_YEARS})"), "min"),
    (re.compile(rf"{_N}\s*(?:\+|plus)\s*(?:{_YEARS})"), "min"),
    (re.compile(rf"{_N}\s*(?:{_YEARS})\s*(?:or more|and above|\+|minimum|или более)"), "min"),
    (re.compile(rf"{_MIN}\s+(rok|год|a year|one year)\b"), "min"),
    (re.compile(rf"(?:up to|bis zu|до|do|upp till)\s+{_N}\s*(?:{_YEARS})"), "max"),
    # "3-letnie doświadczenie", "3-jährige Berufserfahrung", "3-årig erfarenhet", "3-летний опыт":
    # the adjective only next to the experience word ("3-jährige Ausbildung" is training).
    (
        re.compile(
            rf"{_N}\s*-\s*(?:letni\w*|jährig\w*|årig\w*|летн\w*)\s+(?:\w+\s+)?"
            r"(?:doświadcz|doswiadcz|berufserfahrung|erfahrung|erfarenhet|arbetslivserfarenhet|опыт)"
        ),
        "min",
    ),
    (re.compile(rf"{_N}\s*(?:{_YEARS})"), "exact"),
]
# Every pattern but "at least a year" ends in a number and a year word, with or without a plus
# between them: where neither of those two matches, only that one can, and the slow ones (the
# range pattern tries several words at every character) need not run.
_PLUS_YEARS, _NUMBER_YEARS = _PATTERNS[2][0], _PATTERNS[7][0]
_ADJECTIVE = _PATTERNS[6][0]
_NO_NUMBER = [_PATTERNS[4], _PATTERNS[6]]
_ADJECTIVE_STEMS = ("letni", "jährig", "årig", "летн")
_LABEL = re.compile(
    r"^\W*(?:experience(?: required| level)?|required experience|min(?:imum)?\.? "
    r"experience|berufserfahrung|erfahrung|doświadczenie|erfarenhet|опыт работы|"
    r"требуемый опыт работы|опыт|expérience|experiencia|esperienza|ervaring|experiência)"
    r"\W*[:\-–]",
    re.I,
)
_SKILL_CONTEXT = re.compile(
    r"^\s*(?:with|in|using|on|of)\s+(?!(?:the\s+)?(?:software|"
    r"professional|relevant|industry|related|work|hands|a\b|an\b|total|"
    r"overall|similar|progressive|full|commercial|practical|it\b|"
    r"engineering|development|backend|frontend))\S",
    re.I,
)
# A company describing itself ("we have 15 years of experience", "a construction company with
# over 15 years of experience") states no requirement, unless the sentence also addresses the
# candidate ("we are looking for someone with 3+ years").
_COMPANY = re.compile(
    r"\b(?:we|our|мы|наш\w*|wir|unser\w*|vi|vår\w*|nasz\w*)\b|"
    r"\b(?:company|компания|firm|firma|unternehmen|företag)\s+(?:with|с|mit|med|z)\s+"
    r"(?:\w+\s+){0,5}?(?:experience|опыт\w*|erfahrung|erfarenhet|doświadcz\w*)",
    re.I,
)
_CANDIDATE = re.compile(
    r"\b(?:you|your|candidate|someone|applicant|ideal|must|requir\w*|looking for|seeking|вы|ты|"
    r"ваш\w*|кандидат\w*|требу\w*|ищем|du|ihr|sie|suchen|kandidat\w*|wymag\w*|szukamy|söker|"
    r"har du|dig|letar efter)\b",
    re.I,
)
# A company by its name, describing itself: "Acme has 25 years of experience in logistics".
_NAMED_COMPANY = re.compile(
    r"^\W*(?:[A-Z][\w&'.-]*\s+){1,3}(?:has|brings)\s+(?:over\s+|more than\s+|nearly\s+|"
    r"almost\s+|some\s+)?\d+\+?\s+years"
)
# The same for lower-cased text (see _about_company).
_COMPANY_LOW = re.compile(_COMPANY.pattern)
_CANDIDATE_LOW = re.compile(_CANDIDATE.pattern)
_NO_EXPERIENCE = re.compile(
    r"\bno (?:prior |previous )?(?:[\w-]+ )?experience (?:is )?(?:required|needed|necessary)|"
    # India: a "fresher" is a candidate with no experience.
    r"\bfreshers? (?:can|may) apply|\bfreshers? (?:are )?(?:also )?welcome|"
    r"^\W*(?:experience\W*[:\-–]\s*)?fresher(?!s?\s+(?:need not|not|cannot|can't|won't))|"
    r"\bexperience (?:is )?not (?:required|needed|necessary)|без опыта|"
    r"опыт(?: работы)? не (?:требуется|обязателен|нужен)|keine (?:berufs)?erfahrung (?:nötig|"
    r"erforderlich|notwendig)|bez doświadczenia|nie wymagamy doświadczenia|"
    r"doświadczenie nie jest wymagane|ingen (?:tidigare )?erfarenhet krävs|"
    r"non è richiesta (?:alcuna )?esperienza|sin experiencia previa|"
    r"aucune expérience (?:n'est )?(?:requise|exigée)|geen ervaring (?:nodig|vereist)",
    re.I,
)
# Each of those statements holds one of these words, lower-cased, and one of _NEGATIONS (unless
# the text holds one of textscan.FOLDS_APART).
_NONE_WORDS = (
    "experience",
    "fresher",
    "опыт",
    "erfahrung",
    "doświadcz",
    "erfarenhet",
    "esperienz",
    "experiencia",
    "expérien",
    "ervaring",
)
# hh.ru's experience ids, as its API states them.
_SOURCE_IDS = {
    "noexperience": Experience(min_years=0, max_years=None),
    "between1and3": Experience(min_years=1, max_years=3),
    "between3and6": Experience(min_years=3, max_years=6),
    "morethan6": Experience(min_years=6, max_years=None),
}
_EXP_WORDS = re.compile(
    r"^\s*(?:of\s+|d'|de\s+|di\s+)?(?:[\w-]+\s+){0,2}?(?:experience|exp\.?|expérience|"
    r"experiencia|esperienza|ervaring|experiência)\b",
    re.I,
)
_SKILL_LEAD = re.compile(r"^[\w.#+/ ()-]{1,40}\s:\s", re.I)


_YEAR_STEMS = (
    *("year", "yr", "jahr", "jähr", "lat", "letni", "rok", "år", "лет", "год"),
    # With the space before: "ans" alone is in "plans" and "transfer".
    *(" ans", " années", " año", " anni", " anno", " ano", " jaar"),
)
_NEGATIONS = (
    "no ",
    "not ",
    "без",
    "не ",
    "keine",
    "bez ",
    "nie ",
    "ingen",
    "fresher",
    "non è",
    "sin ",
    "aucune",
    "geen",
)
_DIGIT_Y = re.compile(r"\d\s?y")
_DIGIT = re.compile(r"\d")
# Sentence breaks: after . ; ! ? before a capital, and before a glued "Label : " run-in. The
# second kind needs " : " in the line; the first is found from its punctuation (a pattern that
# opens with a lookbehind is tried at every character).
_SENTENCE = re.compile(r"(?<=[.;!?])\s+(?=[A-ZА-ЯЁ\d])|(?<=[a-z])(?=[A-Z][\w.]+ : )")
_SENTENCE_END = re.compile(r"[.;!?](\s+)(?=[A-ZА-ЯЁ\d])")
_TRIGGERS = (
    "experi",
    "erfahrung",
    "doświadcz",
    "doswiadcz",
    "erfarenhet",
    "опыт",
    "стаж",
    "background",
    "track record",
    "+ years",
    "+ yrs",
    "+years",
    "+yrs",
    "yrs exp",
    "yrs of exp",
    "years exp",
    "fresher",
    "expérien",
    "esperienz",
    "ervaring",
    # "Minimum 5 years as site manager": at least, with what the years were spent on
    "minimum ",
    "at least ",
)
register(_TRIGGERS)  # all extractors' triggers are found in one pass per text
_MINIMUM_WORDS = ("minimum ", "at least ")
# Not "+ years" nor "at least": words for experience itself.
_EXPERIENCE_WORDS = tuple(s for s in _TRIGGERS if "+" not in s and s not in _MINIMUM_WORDS)
# Every literal the gates below test, all found in a line or sentence in one pass.
_GATE_WORDS = tuple(
    dict.fromkeys(
        _TRIGGERS
        + _YEAR_STEMS
        + _NEGATIONS
        + _NONE_WORDS
        + FOLDS_APART
        + _ADJECTIVE_STEMS
        + MONTH_STEMS
    )
)


@dataclass(frozen=True, slots=True)
class Found:
    experience: Experience
    evidence: str
    posting_level: bool
    labelled: bool


def parse_statement(text: str) -> Experience | None:
    """The years in one statement ("5-10 Years", "от 3 лет", hh.ru's "between1And3"), or None."""
    text = text.lower()
    if text.strip() in _SOURCE_IDS:
        return _SOURCE_IDS[text.strip()]
    if _may_need_none(held(text, _GATE_WORDS)) and _NO_EXPERIENCE.search(text):
        return Experience(min_years=0)
    for pattern, kind in _PATTERNS:
        match = pattern.search(text)
        if match is None:
            continue
        first = _number(match.group(1))
        if kind == "range":
            second = _number(match.group(2))
            if first is None or second is None or second < first:
                continue
            return Experience(min_years=first, max_years=second)
        if first is None or first > 40:
            continue
        if kind == "max":
            return Experience(min_years=None, max_years=first)
        return Experience(min_years=first, max_years=None)
    return None


# Without a word for experience, "N+ years" is a requirement where it opens a line ("- 5+ years
# Python") or goes on to what it was spent on ("8+ years with Java").
_REQUIREMENT = re.compile(
    r"^[^\w|]*\||^.*\|\s*(?:of\s+)?(?:with|in|using|working|developing|programming|building|"
    r"designing|managing|leading|as|on)\b"
)
_PLUS_WORDS = tuple(stem for stem in _TRIGGERS if "+" in stem)
# After "at least N years" with no experience word: a role or a field, not a duration.
_SPENT_ON = re.compile(
    r"^\s*(?:of\s+)?(?:as\s+(?:an?\s+)?\w|(?:in|on|with)\s+(?!the\b|this\b|that\b|our\b|your\b|"
    r"it\b|a\b|an\b)\w|(?:working|managing|leading|supervising|running|building|developing|"
    r"designing|programming|using)\b)",
    re.I,
)
# "three (3) years": the digits repeat the word. Bracketed digits are looked for first: the
# pattern, opening with \b, would try every character of every line.
_SPELLED_TWICE = re.compile(r"\b[a-z]+\s*\((\d{1,2})\)(?=\s*\+?\s*(?:years?|yrs?)\b)", re.I)
_BRACKETED_DIGITS = re.compile(r"\(\d{1,2}\)")


def from_text(text: str) -> Found | None:
    candidates: list[Found] = []
    for line in lines_with(text, _TRIGGERS).splitlines():
        if "(" in line and _BRACKETED_DIGITS.search(line):
            line = _SPELLED_TWICE.sub(r"\1", line)
        low = line.lower()
        # A sentence states years or that none are needed; a line where neither can be is done.
        words = held(low, _GATE_WORDS)
        if (
            not _states_years(low, words)
            and words.isdisjoint(_NEGATIONS)
            and words.isdisjoint(MONTH_STEMS)
        ):
            continue
        labelled = bool(_LABEL.match(line))
        sentences = _sentences(line)
        if len(sentences) == 1:  # the line is its sentence: its gate words are already found
            found = _from_sentence(line, labelled, low, words)
            if found:
                candidates.append(found)
            continue
        for sentence in sentences:
            found = _from_sentence(sentence, labelled)
            if found:
                candidates.append(found)
    for want in (lambda f: f.labelled, lambda f: f.posting_level, lambda f: True):
        for found in candidates:
            if want(found):
                return found
    return None


def _sentences(line: str) -> list[str]:
    if " : " in line:
        return _SENTENCE.split(line)
    parts, start = [], 0
    for match in _SENTENCE_END.finditer(line):
        parts.append(line[start : match.start(1)])
        start = match.end(1)
    parts.append(line[start:])
    return parts


def _states_years(low: str, words: set[str]) -> bool:
    """Cheap gate before the slow year patterns: a word for years, or a digit before "y"."""
    return not words.isdisjoint(_YEAR_STEMS) or _DIGIT_Y.search(low) is not None


def _from_sentence(
    sentence: str, labelled: bool, low: str | None = None, words: set[str] | None = None
) -> Found | None:
    """``low`` and ``words``, where given, are the sentence lower-cased and its gate words."""
    # Substring gates first: most lines that mention experience state no years.
    if low is None or words is None:
        low = sentence.lower()
        words = held(low, _GATE_WORDS)
    if not labelled and words.isdisjoint(_TRIGGERS):
        return None
    if not words.isdisjoint(_NEGATIONS) and _may_need_none(words):
        none_needed = _NO_EXPERIENCE.search(sentence)
        if none_needed:
            return Found(Experience(min_years=0), none_needed.group(0), True, labelled)
    if not _states_years(low, words):
        return _in_months(sentence, low, words, labelled)
    if not labelled and (
        _about_company(sentence, low, words)
        or (
            ("has " in low or "brings " in low)
            and _NAMED_COMPANY.match(sentence)
            and _CANDIDATE.search(sentence) is None
        )
    ):
        return None
    if len(low) != len(sentence):  # offsets must agree: a few characters change when lowered
        sentence = low
    # The gate's searches are two of the patterns: the loop reuses what they found.
    known = {_NUMBER_YEARS: _NUMBER_YEARS.search(low)}
    if known[_NUMBER_YEARS] is None:
        known[_PLUS_YEARS] = _PLUS_YEARS.search(low)
    patterns = _PATTERNS if any(known.values()) else _NO_NUMBER
    match = _first_statement(low, patterns, known, not words.isdisjoint(_ADJECTIVE_STEMS))
    if match is None:
        return None
    if not labelled and match.start() > 3 and scope(low, match.start(), match.end()) < 0:
        # "You will mentor engineers with 1-2 years of experience": someone else's years; the
        # rest of the sentence may still state the candidate's ("...; we need 3+ years").
        rest = sentence[match.end() :]
        return _from_sentence(rest, labelled) if len(rest) > 8 else None
    exp = parse_statement(low[match.start() : match.end()])
    if exp is None:
        return None
    after = _EXP_WORDS.sub("", sentence[match.end() :], count=1)
    if not labelled and words.isdisjoint(_EXPERIENCE_WORDS):
        if words.isdisjoint(_PLUS_WORDS):  # only "at least" opened it: what the years were for
            stated = _SPENT_ON.match(after)
        else:
            stated = _REQUIREMENT.match(f"{low[: match.start()]}|{after}")
        if not stated:
            return None  # "Duration: 2+ years", "at least 2 years contract" state no experience
    skill = bool(_SKILL_CONTEXT.match(after) or _SKILL_LEAD.match(sentence))
    ev = sentence[max(0, match.start() - 30) : match.end() + 40].strip()
    return Found(exp, ev, posting_level=not skill, labelled=labelled)


def _first_statement(
    low: str,
    patterns: list[tuple[re.Pattern[str], str]],
    known: dict[re.Pattern[str], re.Match[str] | None],
    adjective: bool,
) -> re.Match[str] | None:
    """The statement that comes first in the sentence: "5+ years retail experience with at least
    2 years as manager" asks for 5. A bare "N years" counts only where no other kind is found
    ("within a year you will ... at least 3 years")."""
    best: re.Match[str] | None = None
    for pattern, kind in patterns:
        if pattern is _ADJECTIVE and not adjective:
            continue
        # After one is found, another can start before it only where a digit is (statements in
        # spelled numbers, "five+ years", are rare enough to be read in pattern order).
        if best is not None and (kind == "exact" or not _DIGIT.search(low, 0, best.start())):
            break
        if pattern in known:
            match = known[pattern]
        else:  # only a statement that starts before the one found can replace it
            match = pattern.search(low, 0, len(low) if best is None else best.end())
        if match is not None and (best is None or match.start() < best.start()):
            best = match
    return best


def _in_months(sentence: str, low: str, words: set[str], labelled: bool) -> Found | None:
    """ "Minimum 6 months of experience": half a year, where an experience word is in the
    sentence and no year is."""
    if words.isdisjoint(MONTH_STEMS) or (not labelled and words.isdisjoint(_EXPERIENCE_WORDS)):
        return None
    found = months(low, labelled)
    if found is None or (not labelled and _about_company(sentence, low, words)):
        return None
    low_years, high_years, evidence = found
    return Found(Experience(min_years=low_years, max_years=high_years), evidence, True, labelled)


def _about_company(sentence: str, low: str, words: set[str]) -> bool:
    """A company describing itself, not the candidate. Without a letter of FOLDS_APART the
    lower-cased sentence matches as the sentence does with re.IGNORECASE, twice as fast."""
    if words.isdisjoint(FOLDS_APART):
        return _COMPANY_LOW.search(low) is not None and _CANDIDATE_LOW.search(low) is None
    return _COMPANY.search(sentence) is not None and _CANDIDATE.search(sentence) is None


def _may_need_none(words: set[str]) -> bool:
    """Cheap gate before _NO_EXPERIENCE, which tries a dozen phrases at every character: each
    of them holds a negation and a word for experience, lower-cased in a text without a letter
    of FOLDS_APART."""
    if not words.isdisjoint(FOLDS_APART):
        return True
    return not words.isdisjoint(_NEGATIONS) and not words.isdisjoint(_NONE_WORDS)


def _number(token: str) -> float | None:
    token = token.lower().replace(",", ".")
    if token in ("rok", "год", "a year", "one year"):
        return 1.0
    if token in _WORDS:
        return float(_WORDS[token])
    try:
        return float(token)
    except ValueError:
        return None
