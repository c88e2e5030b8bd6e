"""Normalise the hand-curated person files of the knowledge base.

Run from the repository root: ``python scripts/kb_normalize_persons.py``.

What it does (idempotent):
* fills ``title_en`` / ``title_de`` of roles that leave them out, from the role key and the
  state or organisation (``scripts/kb_sources/role_titles.yaml``; German titles in the feminine
  form for ``gender: f``);
* replaces ``lb:PER:`` ids by Wikidata QIDs listed in ``scripts/kb_sources/person_qids.tsv``
  (only QIDs verified against public data, with the label, description and source found);
* rewrites every file in one consistent YAML layout.
"""

from __future__ import annotations

import csv
import sys
from pathlib import Path

import yaml
from babel import Locale

ROOT = Path(__file__).resolve().parents[1]
PERSONS = ROOT / "lagebild" / "kb" / "data" / "persons"
SOURCES = ROOT / "scripts" / "kb_sources"
TITLES = yaml.safe_load((SOURCES / "role_titles.yaml").read_text(encoding="utf-8"))
FIXED = {
    (t["role"], t["org"]): (t["en"], t["de_m"], t["de_f"])
    for t in TITLES["specific"] + TITLES["org_titles"]
}
_EN = Locale("en").territories
_DE = Locale("de").territories
ROLE_ORDER = ("role", "org", "title_en", "title_de", "start", "end")


def _title(role: str, org: str, gender: str) -> tuple[str, str] | None:
    entry = FIXED.get((role, org))
    if entry is None and role in TITLES["generic"] and len(org) == 2:
        en_name = TITLES["en_names"].get(org, _EN.get(org, org))
        gen = TITLES["genitive_de"].get(org, f"von {_DE.get(org, org)}")
        pattern = TITLES["generic"][role]
        if role == "head_of_government" and org in TITLES["ministerpraesident"]:
            pattern = [pattern[0], "Ministerpräsident {gen}", "Ministerpräsidentin {gen}"]
        entry = tuple(p.format(en=en_name, gen=gen) for p in pattern)
    if entry is None:
        return None
    return entry[0], entry[2] if gender == "f" else entry[1]


def _load_qids() -> dict[str, dict]:
    rows: dict[str, dict] = {}
    path = SOURCES / "person_qids.tsv"
    with path.open(encoding="utf-8") as fh:
        lines = (line for line in fh if not line.startswith("#"))
        for row in csv.DictReader(lines, delimiter="\t"):
            rows[row["lb_id"]] = row
            rows[row["qid"]] = row  # re-runs refresh the note of already converted persons
    return rows


def _normalise(person: dict, qids: dict[str, dict], problems: list[str]) -> dict:
    row = qids.get(person["id"])
    if row is not None:
        person["id"] = row["qid"]
        person["verification"] = {k: row[k] for k in ("label", "description", "source")}
    out = {k: person[k] for k in ("id", "name", "gender", "nationality") if k in person}
    out["aliases"] = list(person.get("aliases") or [])
    if "verification" in person:
        out["verification"] = person["verification"]
    roles = []
    for role in person.get("roles") or []:
        if not role.get("title_en") or not role.get("title_de"):
            title = _title(role["role"], str(role["org"]), person.get("gender", "m"))
            if title is None:
                problems.append(f"{person['id']}: no title for {role['role']} / {role['org']}")
                title = ("", "")
            role.setdefault("title_en", title[0])
            role.setdefault("title_de", title[1])
        roles.append({k: role.get(k) for k in ROLE_ORDER})
    out["roles"] = roles
    return out


def main() -> int:
    qids = _load_qids()
    problems: list[str] = []
    for path in sorted(PERSONS.glob("*.yaml")):
        text = path.read_text(encoding="utf-8")
        header = "".join(line + "\n" for line in text.splitlines() if line.startswith("#"))
        persons = [_normalise(p, qids, problems) for p in yaml.safe_load(text)]
        body = yaml.safe_dump(
            persons, sort_keys=False, allow_unicode=True, default_flow_style=None, width=1000
        )
        path.write_text(header + body, encoding="utf-8")
    for problem in problems:
        print(problem, file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
