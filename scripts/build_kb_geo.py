"""Compile the geographic part of the knowledge base into ``lagebild/kb/data/generated/``.

Inputs (not shipped; run from the repository root with the shared data beside it):
- CLDR territory names in German and English via ``babel`` (all ISO 3166 countries);
- GeoNames ``cities15000`` and admin-1 ``regionInfo`` (CC BY 4.0, see NOTICE).

Outputs:
- ``states_cldr.tsv``: iso2, German name, English name, capital geonameid;
- ``cities.tsv.gz``: geonameid, name, country, admin1, population, feature code, aliases
  (``|``-separated, Latin script only) for cities with at least ``--min-pop`` inhabitants and all
  cities of the focus countries (the war's region), so the shipped file stays small;
- ``regions.tsv``: admin-1 regions of a few countries (code, name, geonameid).

Usage: ``python scripts/build_kb_geo.py [--shared ../shared/data] [--min-pop 100000]``
"""

from __future__ import annotations

import argparse
import csv
import gzip
import re
import unicodedata
from pathlib import Path

from babel import Locale

OUT = Path(__file__).resolve().parent.parent / "lagebild" / "kb" / "data" / "generated"
FOCUS = {"UA", "RU", "BY", "PL", "LT", "LV", "EE", "MD", "GE"}
REGION_COUNTRIES = {"UA", "RU", "US", "CN", "DE", "AT", "GE", "BY", "PL", "MD"}
_ISO2 = re.compile(r"^[A-Z]{2}$")
# CLDR pseudo-territories and deprecated codes that are not states
_NOT_STATES = {"ZZ", "EU", "EZ", "UN", "QO", "XA", "XB", "XK", "AN", "BV", "HM", "CP", "DG",
               "EA", "IC", "TA", "AC", "CQ"}


def _latin(name: str) -> bool:
    for ch in name:
        if ch.isalpha() and not unicodedata.name(ch, "").startswith("LATIN"):
            return False
    return True


def _good_alias(name: str) -> bool:
    """Keep alternate names that can appear as a capitalised place name in running text."""
    if len(name) < 3 or not _latin(name) or not name[0].isupper():
        return False
    if any(ch.isdigit() for ch in name) or "(" in name:
        return False
    return not name.isupper()  # IATA codes and other all-caps abbreviations


def build_states(geonames: Path) -> None:
    de, en = Locale("de"), Locale("en")
    capitals: dict[str, str] = {}
    with open(geonames / "countryInfo.tsv", encoding="utf-8") as fh:
        for row in csv.reader(fh, delimiter="\t"):
            if row and not row[0].startswith("#") and len(row) > 16:
                capitals[row[0]] = row[5]
    rows = []
    for code in sorted(de.territories):
        if not _ISO2.match(code) or code in _NOT_STATES:
            continue
        rows.append((code, de.territories[code], en.territories.get(code, ""),
                     capitals.get(code, "")))
    with open(OUT / "states_cldr.tsv", "w", encoding="utf-8", newline="") as fh:
        fh.write("#iso\tname_de\tname_en\tcapital\n")
        for row in rows:
            fh.write("\t".join(row) + "\n")
    print(f"states: {len(rows)}")


def build_cities(geonames: Path, min_pop: int) -> None:
    kept = 0
    with open(geonames / "cities15000.txt", encoding="utf-8") as src, \
            gzip.open(OUT / "cities.tsv.gz", "wt", encoding="utf-8") as dst:
        dst.write("#geonameid\tname\tcountry\tadmin1\tpopulation\tfeature\taliases\n")
        for line in src:
            f = line.rstrip("\n").split("\t")
            pop = int(f[14] or 0)
            country, feature = f[8], f[7]
            capital = feature in ("PPLC", "PPLA")
            if pop < min_pop and country not in FOCUS and not (capital and pop >= 50000):
                continue
            aliases = sorted({a for a in f[3].split(",") if _good_alias(a)} - {f[1]})
            dst.write("\t".join([f[0], f[1], country, f[10], str(pop), feature,
                                 "|".join(aliases)]) + "\n")
            kept += 1
    print(f"cities: {kept}")


def build_regions(geonames: Path) -> None:
    rows = []
    with open(geonames / "regionInfo.tsv", encoding="utf-8") as fh:
        for line in fh:
            if line.startswith("#"):
                continue
            parts = line.rstrip("\n").split("\t")
            if len(parts) < 4:
                continue
            code, name, _ascii, gid = parts[:4]
            if code.split(".")[0] in REGION_COUNTRIES and _latin(name):
                rows.append((code, name, gid))
    with open(OUT / "regions.tsv", "w", encoding="utf-8") as fh:
        fh.write("#code\tname\tgeonameid\n")
        for row in rows:
            fh.write("\t".join(row) + "\n")
    print(f"regions: {len(rows)}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=Path, default=Path("../shared/data"))
    ap.add_argument("--min-pop", type=int, default=100_000)
    args = ap.parse_args()
    geonames = args.shared / "geonames_cities15000"
    OUT.mkdir(parents=True, exist_ok=True)
    build_states(geonames)
    build_cities(geonames, args.min_pop)
    build_regions(geonames)


if __name__ == "__main__":
    main()
