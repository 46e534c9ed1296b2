"""Section splitting: headings found in the lines, each classified into a section kind.

Heading words cover English, German, Swedish, Polish, Russian, French, Spanish, Italian,
Portuguese and Dutch postings. Kinds are tried in a
fixed order so the more specific reading wins ("Preferred Qualifications" is preferred, not
requirements; "About the Role" is a summary, not the company).
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

from shared.posting import Section, SectionKind

from .text import Line

_KIND_WORDS: tuple[tuple[SectionKind, str], ...] = (
    (
        "preferred",
        r"preferred|nice[ -]to[ -]have|bonus|good[ -]to[ -]have|desirable|pluses|an advantage"
        r"|would be a plus|a plus|extra credit|wünschenswert|von vorteil|pluspunkt|meriterande"
        r"|mile widziane|dodatkowym atutem|będzie plusem|будет плюсом|желательно"
        r"|преимуществом будет|плюсом будет|un plus|un atout|atouts|apprécié|se valorar[aá]"
        r"|valorable|deseable|diferencia(?:l|is)|pluspunt|gradit[oa]|titolo preferenziale",
    ),
    (
        "benefits",
        r"benefit|perks|what we offer|we offer|what you get|what'?s in it for you|compensation"
        r"|you'?ll enjoy|what you can expect|why join|why work|our offer|rewards|wir bieten"
        r"|was wir bieten|unser angebot|deine vorteile|ihre vorteile|vorteile|vi erbjuder"
        r"|förmåner|oferujemy|benefity|co oferujemy|oferta|условия|мы предлагаем|предлагаем"
        r"|nous offrons|nous proposons|avantages|ofrecemos|beneficios|offriamo|oferecemos"
        r"|benefícios|wij bieden|wat bieden wij|arbeidsvoorwaarden",
    ),
    (
        "responsibilities",
        r"responsibilit|what you'?ll do|what you will do|duties|your tasks|key tasks|tasks"
        r"|what you'?ll be doing|what you will be doing|in this role you|day[- ]to[- ]day"
        r"|your impact|your mission|you will$|you'?ll contribute|the job involves|aufgaben"
        r"|tätigkeit|arbetsuppgifter|ansvarsområden|ansvar|obowiązki|zakres obowiązków"
        r"|twoje zadania|zadania|обязанности|задачи|чем предстоит заниматься|что нужно делать"
        r"|missions|responsabilités|funciones|responsabilidades|mansioni|responsabilità"
        r"|attività|atividades|jouw taken|je taken|verantwoordelijkheden|wat ga je doen",
    ),
    (
        "requirements",
        r"requir|qualification|must[ -]have|what we'?re looking for"
        r"|what we are looking for|looking for|who you are|about you|what you bring"
        r"|what you'?ll bring|what you'?ll need|you'?ll need|you need|at a minimum|skill"
        r"|experience"
        r"|profil|ideal candidate|you have|you bring|your background|competenc|anforderung"
        r"|qualifikation|was du mitbringst|was sie mitbringen|das bringst du mit|kvalifikation"
        r"|krav|vi söker|om dig|du har|erfarenhet|wymagania|oczekujemy|oczekiwania|kogo szukamy"
        r"|twój profil|o tobie|требования|мы ожидаем|что мы ждем|ожидания|квалификация|ожидаем"
        r"|о вас|о тебе|perfil|requisit|compétence|competenze|qué buscamos|o que procuramos"
        r"|buscamos|cerchiamo|wat vragen wij|wat wij vragen|functie-eisen|wie ben jij",
    ),
    (
        "about_company",
        r"about us|about the company|who we are|our company|company overview"
        r"|company description|our story|our mission|über uns|wer wir sind|das unternehmen"
        r"|om oss|om företaget|o nas|o firmie|о компании|о нас|кто мы|qui sommes-nous"
        r"|à propos de nous|sobre nosotros|quiénes somos|chi siamo|sobre nós|quem somos"
        r"|over ons|wie zijn wij",
    ),
    (
        "summary",
        r"about the role|about the job|about the position|about this role|about the opportunity"
        r"|role overview|overview|job summary|position summary|summary|the role|your role|role$"
        r"|the opportunity|job description|description|die stelle|deine rolle|ihre rolle"
        r"|stellenbeschreibung|om tjänsten|om rollen|o stanowisku|opis stanowiska|о вакансии"
        r"|описание|о роли|le poste|descriptif du poste|el puesto|descripción|la posizione"
        r"|descrizione|a vaga|descrição|de functie|functieomschrijving",
    ),
)
# Words that also occur in ordinary requirement lines: a heading made of them must look like one.
_WEAK = re.compile(
    r"experience|skill|profil|requir|tasks|description|summary|overview|compensation"
    r"|erfarenhet|krav|ansvar|zadania|oferta|bonus|задачи|описание|условия"
    r"|perfil|missions|funciones|attività|atividades|avantages|beneficios|descripción|descrizione"
)
_ABOUT = re.compile(r"^(?:about|über|om|o|о)\s+\S")
_MAX_HEADING_WORDS = 10
_TERMINAL = frozenset(".,;!?")
# Kinds whose heading may head a group of sub-lists ("Required Skills" / "Cloud" / "Data").
_GROUPS: frozenset[SectionKind] = frozenset({"requirements", "preferred", "responsibilities"})


@cache
def _pattern() -> re.Pattern[str]:
    """One pass over a heading: each kind a named group, listed in priority order."""
    groups = "|".join(f"(?P<{kind}>{words})" for kind, words in _KIND_WORDS)
    return re.compile(rf"(?<!\w)(?:{groups})")


_RANKED: dict[str | None, tuple[int, SectionKind]] = {
    kind: (rank, kind) for rank, (kind, _) in enumerate(_KIND_WORDS)
}


@lru_cache(maxsize=8192)
def classify_heading(heading: str) -> SectionKind:
    text = heading.lower().replace("’", "'")
    if len(text) > 80:
        return "other"
    best = min((_RANKED[m.lastgroup] for m in _pattern().finditer(text)), default=None)
    if best is not None:
        return best[1]
    return "about_company" if _ABOUT.match(text) else "other"


def mark_text_headings(lines: list[Line]) -> list[Line]:
    """Decide which standalone plain-text lines are headings (HTML already marks its own)."""
    out = lines.copy()
    last = len(lines) - 1
    for index, line in enumerate(lines):
        text = line.text
        # Cheap tests first: most lines are items, long prose or end a sentence.
        if line.heading or line.item or len(text) > 80 or text[-1] in _TERMINAL or index == last:
            continue
        if _is_text_heading(text, out[index - 1] if index else None):
            out[index] = Line(text.rstrip(":").strip(), heading=True, sub=text.endswith(":"))
    return out


def _is_text_heading(text: str, prev: Line | None) -> bool:
    """Whether a short line that ends no sentence and has a next line is a heading."""
    words = text.count(" ") + 1  # lines are whitespace-normalized already
    if words > _MAX_HEADING_WORDS:
        return False
    if prev is not None and (prev.sub or prev.text.endswith(":")):
        return False  # an item of the list the previous line introduced
    if ":" in text[:-1]:
        return False  # a "Label: value" line
    if text.endswith(":"):
        return words <= 5
    if classify_heading(text) != "other" and words <= 7:
        return words <= 3 or _title_case(text) or not _WEAK.search(text.lower())
    if text.isupper() and sum(c.isalpha() for c in text) >= 4:
        return True
    return 2 <= words <= 6 and _title_case(text)


_SMALL_WORDS = frozenset(
    {"&", "and", "of", "for", "the", "to", "in", "a", "an", "with", "/", "-", "–", "und"}
)


def _title_case(text: str) -> bool:
    return all(w[:1].isupper() or w in _SMALL_WORDS or not w[:1].isalpha() for w in text.split())


def build_sections(lines: list[Line]) -> list[Section]:
    """Group lines under their headings; a heading of unknown kind takes the kind of the list
    it belongs to (a "Label:" sub-list, or a group such as "Required Skills" whose next line is
    itself a heading)."""
    sections: list[Section] = []
    current: Section | None = None
    group: SectionKind | None = None
    for index, line in enumerate(lines):
        if not line.heading:
            if current is None:
                current = Section()
                sections.append(current)
            current.items.append(line.text)
            continue
        kind = classify_heading(line.text)
        if kind == "other":
            kind = current.kind if line.sub and current is not None else group or "other"
        elif kind in _GROUPS and index + 1 < len(lines) and lines[index + 1].heading:
            group = kind
        elif kind != group:
            group = None
        current = Section(heading=line.text, kind=kind)
        sections.append(current)
    return sections
