"""Build ``states.yaml``, ``places.yaml`` and ``orgs.yaml`` of the knowledge base.

Run from the repository root: ``python scripts/kb_build_geo.py`` (needs babel and pycountry).

* States: every ISO 3166-1 country (pycountry) plus Kosovo, German and English names from the
  Unicode CLDR via babel, hand-curated adjectives/demonyms/aliases from
  ``scripts/kb_sources/states_curated.yaml``; Wikidata QIDs from the OWID country table
  (``scripts/kb_sources/state_qids_owid.tsv``), cross-checked with lagebild's gold annotations.
* Places: ``scripts/kb_sources/places_curated.yaml`` plus every capital of
  ``scripts/kb_sources/capital_qids_conzept.tsv``. A place keeps a QID only when the gold
  annotations or the capitals table label it; the note records where.
* Organisations: ``scripts/kb_sources/orgs_curated.yaml``; the ``src`` key of an entry with a
  QID names the public source that labels it (expanded into the verification note below).
"""

from __future__ import annotations

import csv
import glob
import json
import os
import sys
from pathlib import Path

import pycountry
import yaml
from babel import Locale

ROOT = Path(__file__).resolve().parents[1]
SRC = ROOT / "scripts" / "kb_sources"
OUT = ROOT / "lagebild" / "kb" / "data"
SHARED = Path(os.environ.get("LAGEBILD_SHARED", ROOT.parent / "shared"))
OWID = (
    "owid/owid-grapher packages/@ourworldindata/grapher/src/mapCharts/CountriesRegions.ts "
    "(commit c7402d12e25bd1d45f5bd7d66cfc083342a1ed96)"
)
CONZEPT = (
    "waldenn/conzept app/explore2/src/data/countries.js "
    "(commit 149bbc9633a4bc725a076517c7a379eaa7c6e6de)"
)


def _tsv(path: Path) -> list[list[str]]:
    with path.open(encoding="utf-8") as fh:
        return [row for row in csv.reader(fh, delimiter="\t") if row and not row[0].startswith("#")]


def _gold_qids() -> dict[str, dict]:
    """qid -> names and first gold file, from the gold annotations in ../shared (if present)."""
    found: dict[str, dict] = {}
    pattern = str(SHARED / "data" / "*" / "*.gold.json")
    for path in sorted(glob.glob(pattern)):
        with open(path, encoding="utf-8") as fh:
            doc = json.load(fh)
        for ent in doc.get("entities") or []:
            if ent.get("qid"):
                entry = found.setdefault(
                    ent["qid"], {"names": [], "file": path, "type": ent.get("type")}
                )
                entry["names"] += [n for n in ent.get("names", []) if n not in entry["names"]]
    return found


def _gold_note(qid: str, gold: dict) -> dict:
    g = gold[qid]
    rel = os.path.relpath(g["file"], SHARED.parent)
    return {
        "label": g["names"][0],
        "description": f"{g['type']} annotated with names {', '.join(g['names'][:4])}",
        "source": f"{rel} (entities[].qid {qid})",
    }


def build_states(gold: dict, capitals: dict[str, str]) -> list[dict]:
    en, de = Locale("en").territories, Locale("de").territories
    qids = {row[0]: (row[1], row[2]) for row in _tsv(SRC / "state_qids_owid.tsv")}
    curated = yaml.safe_load((SRC / "states_curated.yaml").read_text(encoding="utf-8"))
    codes = sorted({c.alpha_2 for c in pycountry.countries} | {"XK"})
    states = []
    for iso in codes:
        cur = curated.get(iso, {})
        state = {
            "iso": iso,
            "id": f"lb:GPE:{en.get(iso, iso).lower()}",
            "name_de": de.get(iso, iso),
            "name_en": en.get(iso, iso),
            "adjectives_de": cur.get("adj", []),
            "demonyms_de": cur.get("dem", []),
            "extra_aliases": cur.get("extra", []),
            "capital": capitals.get(iso),
        }
        if iso == "NL" and "Q55" in gold:
            # OWID lists the Kingdom of the Netherlands (Q29999); the country itself is Q55
            state["id"], state["verification"] = "Q55", _gold_note("Q55", gold)
        elif iso in qids:
            qid, label = qids[iso]
            state["id"] = qid
            source = f"{OWID}: iso_alpha2 {iso} -> wikidata_uri {qid}"
            if qid in gold:
                source += f"; also {_gold_note(qid, gold)['source']}"
            state["verification"] = {
                "label": label,
                "description": f"country/territory with ISO 3166-1 code {iso}",
                "source": source,
            }
        state["id"] = _slug(state["id"])
        states.append(state)
    return states


def _slug(ident: str) -> str:
    if not ident.startswith("lb:"):
        return ident
    head, _, name = ident.rpartition(":")
    clean = "".join(ch if ch.isalnum() else "_" for ch in name.lower()).strip("_")
    return f"{head}:{'_'.join(p for p in clean.split('_') if p)}"


def build_places(gold: dict) -> tuple[list[dict], dict[str, str]]:
    capitals = {row[0]: (row[1], row[2]) for row in _tsv(SRC / "capital_qids_conzept.tsv")}
    by_qid = {qid: (iso, name) for iso, (qid, name) in capitals.items()}
    places = yaml.safe_load((SRC / "places_curated.yaml").read_text(encoding="utf-8"))
    state_qids = {row[1] for row in _tsv(SRC / "state_qids_owid.tsv")}
    seen = {p["id"] for p in places}
    for iso, (qid, name) in sorted(capitals.items()):
        # city states (Singapore) share one item for state and capital; keep it in states.yaml
        if qid not in seen and qid not in state_qids:
            places.append({"id": qid, "name": name, "type": "GPE", "country": iso, "aliases": []})
            seen.add(qid)
    for place in places:
        qid = place["id"]
        if not qid.startswith("Q"):
            continue
        if qid in gold:
            place["verification"] = _gold_note(qid, gold)
            if qid in by_qid:
                place["verification"]["source"] += f"; also {CONZEPT}: capital of {by_qid[qid][0]}"
        elif qid in by_qid:
            iso, name = by_qid[qid]
            place["verification"] = {
                "label": name,
                "description": f"capital of the country with ISO code {iso}",
                "source": f"{CONZEPT}: record {iso} capital {qid} capitalName {name}",
            }
        else:
            raise SystemExit(f"unverified place QID {qid} ({place['name']})")
    capital_ids = {p["country"]: p["id"] for p in places if p["id"] in by_qid}
    capital_ids.update({"KP": "lb:GPE:pyongyang", "ZA": "lb:GPE:pretoria", "YE": "Q2471"})
    return places, capital_ids


# how each short source key of orgs_curated.yaml was found (written into the verification note)
ORG_SOURCES = yaml.safe_load((SRC / "org_sources.yaml").read_text(encoding="utf-8"))


def build_orgs(gold: dict) -> list[dict]:
    orgs = yaml.safe_load((SRC / "orgs_curated.yaml").read_text(encoding="utf-8"))
    out = []
    for org in orgs:
        src, label = org.pop("src", None), org.pop("label", None)
        item = {
            "id": org["id"],
            "name": org["name"],
            "type": org.get("type", "ORG"),
            "kind": org["kind"],
            "country": org.get("country"),
            "aliases": org.get("aliases", []),
            "metonyms": org.get("metonyms", []),
        }
        if item["id"].startswith("Q"):
            if src == "gold":
                if item["id"] not in gold:
                    raise SystemExit(f"{item['id']} not in gold annotations")
                item["verification"] = _gold_note(item["id"], gold)
                item["verification"]["label"] = label or item["verification"]["label"]
            elif src == "conzept":
                item["verification"] = {
                    "label": label,
                    "description": "parliament of Germany",
                    "source": f"{CONZEPT}: record DE parliament Q154797",
                }
            elif src in ORG_SOURCES:
                item["verification"] = {
                    "label": label,
                    "description": f"organisation labelled '{label}' in the source",
                    "source": ORG_SOURCES[src],
                }
            else:
                raise SystemExit(f"unverified org QID {item['id']}")
        out.append(item)
    return out


def _dump(path: Path, header: str, items: list[dict]) -> None:
    body = yaml.safe_dump(
        items, sort_keys=False, allow_unicode=True, default_flow_style=None, width=1000
    )
    path.write_text(header + body, encoding="utf-8")


def main() -> int:
    gold = _gold_qids()
    if not gold:
        print("warning: no gold annotations found under", SHARED, file=sys.stderr)
    places, capital_ids = build_places(gold)
    states = build_states(gold, capital_ids)
    _dump(
        OUT / "states.yaml",
        "# Generated by scripts/kb_build_geo.py - names from Unicode CLDR via babel.\n",
        states,
    )
    _dump(
        OUT / "places.yaml",
        "# Generated by scripts/kb_build_geo.py from scripts/kb_sources/places_curated.yaml "
        "and the capitals table.\n",
        places,
    )
    orgs = build_orgs(gold)
    _dump(
        OUT / "orgs.yaml",
        "# Generated by scripts/kb_build_geo.py from scripts/kb_sources/orgs_curated.yaml.\n",
        orgs,
    )
    print(f"{len(states)} states, {len(places)} places, {len(orgs)} orgs")
    return 0


if __name__ == "__main__":
    sys.exit(main())
