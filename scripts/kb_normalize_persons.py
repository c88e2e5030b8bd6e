"""Normalise the hand-curated person files of the knowledge base.

Run from the repository root: ``python scripts/kb_normalize_persons.py``.

What it does (idempotent):
* fills ``title_en`` / ``title_de`` of roles that leave them out, from the role key and the
  state or organisation (German titles in the feminine form for ``gender: f``);
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
QIDS = ROOT / "scripts" / "kb_sources" / "person_qids.tsv"

# German genitive phrases for states ("Präsident der Ukraine", "Außenminister Polens").
GENITIVE_DE = {
    "UA": "der Ukraine", "RU": "Russlands", "US": "der Vereinigten Staaten", "DE": "Deutschlands",
    "FR": "Frankreichs", "GB": "des Vereinigten Königreichs", "PL": "Polens", "IT": "Italiens",
    "CA": "Kanadas", "TR": "der Türkei", "BY": "von Belarus", "CN": "Chinas", "HU": "Ungarns",
    "SK": "der Slowakei", "SA": "Saudi-Arabiens", "QA": "Katars", "AE": "der Vereinigten Arabischen Emirate",
    "IL": "Israels", "IR": "des Iran", "KP": "Nordkoreas", "KR": "Südkoreas", "JP": "Japans",
    "IN": "Indiens", "EE": "Estlands", "LV": "Lettlands", "LT": "Litauens", "FI": "Finnlands",
    "SE": "Schwedens", "NO": "Norwegens", "DK": "Dänemarks", "IS": "Islands", "NL": "der Niederlande",
    "AR": "Argentiniens", "AU": "Australiens", "BR": "Brasiliens", "ID": "Indonesiens", "MX": "Mexikos",
    "ZA": "Südafrikas", "ES": "Spaniens", "AT": "Österreichs", "CH": "der Schweiz", "CZ": "Tschechiens",
    "RO": "Rumäniens", "MD": "der Republik Moldau", "GE": "Georgiens", "RS": "Serbiens", "GR": "Griechenlands",
    "PT": "Portugals", "BE": "Belgiens", "LU": "Luxemburgs", "SY": "Syriens", "EG": "Ägyptens",
    "PS": "Palästinas", "PK": "Pakistans", "KZ": "Kasachstans", "AZ": "Aserbaidschans", "AM": "Armeniens",
    "VE": "Venezuelas", "CO": "Kolumbiens", "ET": "Äthiopiens", "NG": "Nigerias", "KE": "Kenias",
    "BG": "Bulgariens", "HR": "Kroatiens", "SI": "Sloweniens", "IE": "Irlands", "MT": "Maltas",
    "CY": "Zyperns", "AL": "Albaniens", "MK": "Nordmazedoniens", "ME": "Montenegros", "BA": "Bosnien-Herzegowinas",
    "VA": "des Vatikans",
}
MINISTERPRAESIDENT = {"IT", "NL", "PL", "HU", "SK", "CZ", "ES", "IL", "CN", "UA", "RU", "BY", "QA", "SE",
                      "DK", "NO", "FI", "EE", "LV", "LT", "GR", "BE", "LU", "PT", "KR", "TR", "GE", "AM",
                      "ET", "SA", "AE"}

# (role, org) specific titles: (en, de masculine, de feminine)
SPECIFIC = {
    ("head_of_state", "DE"): ("Federal President of Germany", "Bundespräsident", "Bundespräsidentin"),
    ("head_of_state", "AT"): ("Federal President of Austria", "Bundespräsident Österreichs", "Bundespräsidentin Österreichs"),
    ("head_of_government", "DE"): ("Chancellor of Germany", "Bundeskanzler", "Bundeskanzlerin"),
    ("head_of_government", "AT"): ("Chancellor of Austria", "Bundeskanzler Österreichs", "Bundeskanzlerin Österreichs"),
    ("head_of_government", "CN"): ("Premier of the State Council of China", "Ministerpräsident Chinas", "Ministerpräsidentin Chinas"),
    ("foreign_minister", "US"): ("United States Secretary of State", "US-Außenminister", "US-Außenministerin"),
    ("foreign_minister", "GB"): ("Foreign Secretary of the United Kingdom", "britischer Außenminister", "britische Außenministerin"),
    ("foreign_minister", "DE"): ("Federal Minister for Foreign Affairs of Germany", "Bundesaußenminister", "Bundesaußenministerin"),
    ("defence_minister", "US"): ("United States Secretary of Defense", "US-Verteidigungsminister", "US-Verteidigungsministerin"),
    ("defence_minister", "GB"): ("Secretary of State for Defence of the United Kingdom", "britischer Verteidigungsminister", "britische Verteidigungsministerin"),
    ("defence_minister", "DE"): ("Federal Minister of Defence of Germany", "Bundesverteidigungsminister", "Bundesverteidigungsministerin"),
    ("national_security_adviser", "US"): ("United States National Security Advisor", "Nationaler Sicherheitsberater der USA", "Nationale Sicherheitsberaterin der USA"),
    ("national_security_adviser", "UA"): ("Secretary of the National Security and Defense Council of Ukraine",
                                          "Sekretär des Nationalen Sicherheits- und Verteidigungsrats der Ukraine",
                                          "Sekretärin des Nationalen Sicherheits- und Verteidigungsrats der Ukraine"),
    ("national_security_adviser", "DE"): ("Foreign and Security Policy Adviser to the German Chancellor",
                                          "außen- und sicherheitspolitischer Berater des Bundeskanzlers",
                                          "außen- und sicherheitspolitische Beraterin des Bundeskanzlers"),
    ("national_security_adviser", "GB"): ("National Security Adviser of the United Kingdom", "britischer Nationaler Sicherheitsberater", "britische Nationale Sicherheitsberaterin"),
    ("head_of_presidential_office", "UA"): ("Head of the Office of the President of Ukraine", "Leiter des ukrainischen Präsidialamts", "Leiterin des ukrainischen Präsidialamts"),
    ("head_of_presidential_office", "RU"): ("Chief of Staff of the Presidential Administration of Russia", "Leiter der Kreml-Verwaltung", "Leiterin der Kreml-Verwaltung"),
    ("head_of_presidential_office", "US"): ("White House Chief of Staff", "Stabschef des Weißen Hauses", "Stabschefin des Weißen Hauses"),
    ("chief_of_general_staff", "US"): ("Chairman of the Joint Chiefs of Staff", "US-Generalstabschef", "US-Generalstabschefin"),
    ("un_ambassador", "US"): ("United States Ambassador to the United Nations", "UN-Botschafter der USA", "UN-Botschafterin der USA"),
}
# titles for roles in international organisations, keyed by (role, org id)
ORG_TITLES = {
    ("secretary_general", "Q1065"): ("Secretary-General of the United Nations", "UN-Generalsekretär", "UN-Generalsekretärin"),
    ("secretary_general", "Q7184"): ("Secretary General of NATO", "NATO-Generalsekretär", "NATO-Generalsekretärin"),
    ("secretary_general", "Q81299"): ("Secretary General of the OSCE", "OSZE-Generalsekretär", "OSZE-Generalsekretärin"),
    ("secretary_general", "Q8908"): ("Secretary General of the Council of Europe", "Generalsekretär des Europarats", "Generalsekretärin des Europarats"),
    ("commission_president", "Q8880"): ("President of the European Commission", "EU-Kommissionspräsident", "EU-Kommissionspräsidentin"),
    ("council_president", "Q8886"): ("President of the European Council", "EU-Ratspräsident", "EU-Ratspräsidentin"),
    ("high_representative", "Q458"): ("High Representative of the Union for Foreign Affairs and Security Policy", "EU-Außenbeauftragter", "EU-Außenbeauftragte"),
    ("director_general", "Q41984"): ("Director General of the International Atomic Energy Agency", "IAEA-Generaldirektor", "IAEA-Generaldirektorin"),
    ("prosecutor", "Q47488"): ("Prosecutor of the International Criminal Court", "Chefankläger des Internationalen Strafgerichtshofs", "Chefanklägerin des Internationalen Strafgerichtshofs"),
}
# generic patterns per role: (en pattern, de masculine, de feminine); {en} = English state name, {gen} = German genitive
GENERIC = {
    "head_of_state": ("President of {en}", "Präsident {gen}", "Präsidentin {gen}"),
    "head_of_government": ("Prime Minister of {en}", "Premierminister {gen}", "Premierministerin {gen}"),
    "foreign_minister": ("Minister of Foreign Affairs of {en}", "Außenminister {gen}", "Außenministerin {gen}"),
    "defence_minister": ("Minister of Defence of {en}", "Verteidigungsminister {gen}", "Verteidigungsministerin {gen}"),
    "national_security_adviser": ("National Security Adviser of {en}", "Nationaler Sicherheitsberater {gen}", "Nationale Sicherheitsberaterin {gen}"),
    "head_of_presidential_office": ("Head of the Office of the President of {en}", "Leiter des Präsidialamts {gen}", "Leiterin des Präsidialamts {gen}"),
    "un_ambassador": ("Permanent Representative of {en} to the United Nations", "UN-Botschafter {gen}", "UN-Botschafterin {gen}"),
    "chief_of_general_staff": ("Chief of the General Staff of {en}", "Generalstabschef {gen}", "Generalstabschefin {gen}"),
}
EN_NAMES = {"US": "the United States", "GB": "the United Kingdom", "NL": "the Netherlands",
            "AE": "the United Arab Emirates", "CZ": "the Czech Republic", "PS": "the State of Palestine",
            "KR": "South Korea", "KP": "North Korea", "RU": "Russia", "IR": "Iran", "SY": "Syria",
            "TR": "Türkiye", "VA": "the Holy See", "MD": "Moldova", "VE": "Venezuela"}

_EN = Locale("en").territories
_DE = Locale("de").territories


def _title(role: str, org: str, gender: str) -> tuple[str, str] | None:
    fem = gender == "f"
    entry = SPECIFIC.get((role, org)) or ORG_TITLES.get((role, org))
    if entry is None and role in GENERIC and len(org) == 2:
        en_name = EN_NAMES.get(org, _EN.get(org, org))
        gen = GENITIVE_DE.get(org, f"von {_DE.get(org, org)}")
        pattern = GENERIC[role]
        if role == "head_of_government" and org in MINISTERPRAESIDENT:
            pattern = ("Prime Minister of {en}", "Ministerpräsident {gen}", "Ministerpräsidentin {gen}")
        entry = tuple(p.format(en=en_name, gen=gen) for p in pattern)
    if entry is None:
        return None
    return entry[0], entry[2] if fem else entry[1]


def _load_qids() -> dict[str, dict]:
    rows: dict[str, dict] = {}
    if not QIDS.exists():
        return rows
    with QIDS.open(encoding="utf-8") as fh:
        for row in csv.DictReader((line for line in fh if not line.startswith("#")), delimiter="\t"):
            rows[row["lb_id"]] = row
            rows[row["qid"]] = row  # re-runs refresh the note of already converted persons
    return rows


def _normalise(person: dict, qids: dict[str, dict], problems: list[str]) -> dict:
    row = qids.get(person["id"])
    if row is not None:
        person["id"] = row["qid"]
        person["verification"] = {"label": row["label"], "description": row["description"], "source": row["source"]}
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
        roles.append({k: role.get(k) for k in ("role", "org", "title_en", "title_de", "start", "end")})
    out["roles"] = roles
    return out


def main() -> int:
    qids = _load_qids()
    problems: list[str] = []
    for path in sorted(PERSONS.glob("*.yaml")):
        text = path.read_text(encoding="utf-8")
        header = "".join(line + "\n" for line in text.splitlines() if line.startswith("#"))
        persons = [_normalise(p, qids, problems) for p in yaml.safe_load(text)]
        body = yaml.safe_dump(persons, sort_keys=False, allow_unicode=True, default_flow_style=None, width=1000)
        path.write_text(header + body, encoding="utf-8")
    for p in problems:
        print(p, file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
