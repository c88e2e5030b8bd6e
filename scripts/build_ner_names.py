"""Build the person-name gazetteer of the NER model from the Faker package's name lists (MIT).

Writes ``lagebild/nlp/models/ner_person_names.txt.gz``: ``name<TAB>first|last`` lines taken from
the first- and last-name lists of Faker's person providers for Latin-script locales, plus the
Russian, Ukrainian and Belarusian lists transliterated the way German newspapers write them
(Wladimir, Sergej, Schewtschenko). Faker is only needed to rebuild the file, not at run time::

    pip install --target /tmp/fakerpkg faker==40.54.0
    PYTHONPATH=/tmp/fakerpkg python scripts/build_ner_names.py

``--known DATA`` instead writes ``ner_known_names.txt.gz`` (``name<TAB>PER|LOC|ORG``, the
known-name features of ``lagebild/nlp/ner_extra.py``): the names and aliases of the project's
knowledge base (``lagebild/kb/data``: persons, organisations, places, states) and the
organisation, court, institution and company names of LER's derived train split
(``DATA/german_ler``, CC BY 4.0). Deterministic::

    python scripts/build_ner_names.py --known ../shared/data
"""

from __future__ import annotations

import argparse
import gzip
import importlib
import pkgutil
import re
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "lagebild/nlp/models/ner_person_names.txt.gz"
KNOWN_OUT = ROOT / "lagebild/nlp/models/ner_known_names.txt.gz"
KB_DATA = ROOT / "lagebild/kb/data"
LER_ORG = {"ORG", "UN", "INN", "GRT", "MRK"}  # LER fine classes that are organisations
CYRILLIC_LOCALES = ("ru_RU", "uk_UA", "be_BY")

# German newspaper transliteration (Duden style), lower case; capitalisation is restored after.
_DE_TRANSLIT = {
    "а": "a", "б": "b", "в": "w", "г": "g", "ґ": "g", "д": "d", "е": "e", "ё": "jo", "є": "je",
    "ж": "sch", "з": "s", "и": "i", "і": "i", "ї": "ji", "й": "j", "к": "k", "л": "l", "м": "m",
    "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ў": "u", "ф": "f",
    "х": "ch", "ц": "z", "ч": "tsch", "ш": "sch", "щ": "schtsch", "ъ": "", "ы": "y", "ь": "",
    "э": "e", "ю": "ju", "я": "ja", "'": "", "’": "",
}
_UK_OVERRIDES = {"г": "h", "и": "y"}  # Ukrainian г is h ("Hryhorij"), и is y ("Mykola")


def transliterate(name: str, locale: str) -> str:
    table = dict(_DE_TRANSLIT)
    if locale == "uk_UA":
        table.update(_UK_OVERRIDES)
    out = "".join(table.get(c, c) for c in name.lower())
    return out[:1].upper() + out[1:]


def _latin(name: str) -> bool:
    return bool(name) and all(c.isalpha() or c in "-'" for c in name) and all(
        ord(c) < 0x250 for c in name
    )


def collect() -> dict[str, str]:
    import faker.providers.person as person

    names: dict[str, str] = {}
    for mod_info in sorted(pkgutil.iter_modules(person.__path__), key=lambda m: m.name):
        provider = importlib.import_module(f"faker.providers.person.{mod_info.name}").Provider
        for kind, attrs in (("first", ("first_names", "first_names_male", "first_names_female")),
                            ("last", ("last_names",))):
            for attr in attrs:
                values = getattr(provider, attr, ())
                if not isinstance(values, (list, tuple, dict)):
                    continue
                for raw in values:
                    name = raw.strip()
                    if mod_info.name in CYRILLIC_LOCALES:
                        name = transliterate(name, mod_info.name)
                    if " " in name or not _latin(name) or len(name) < 3 or not name[0].isupper():
                        continue
                    # a name that is both first and last name keeps "first" (more telling)
                    if names.get(name) != "first":
                        names[name] = kind
    return names


def _name_tokens(name: str) -> str:
    """Tokens as the tokenizers give them: a comma or closing bracket is its own token."""
    return " ".join(re.sub(r"([,;()])", r" \1 ", name).split())


def _kb_names(kb: Path) -> Iterator[tuple[str, str]]:
    import yaml

    for path in sorted((kb / "persons").glob("*.yaml")):
        for rec in yaml.safe_load(path.read_text(encoding="utf-8")) or []:
            for name in [rec.get("name"), *(rec.get("aliases") or [])]:
                yield name, "PER"
    for fname, typ in (("orgs.yaml", "ORG"), ("places.yaml", "LOC")):
        for rec in yaml.safe_load((kb / fname).read_text(encoding="utf-8")) or []:
            for name in [rec.get("name"), *(rec.get("aliases") or [])]:
                yield name, typ
    states = yaml.safe_load((kb / "states.yaml").read_text(encoding="utf-8")) or []
    for rec in states:
        for name in [rec.get("name_de"), rec.get("name_en"), *(rec.get("extra_aliases") or [])]:
            yield name, "LOC"
    # derived words (GermEval's LOCderiv): adjective stems ("polnisch") and demonyms ("Polin")
    for rec in states:
        for adj in rec.get("adjectives_de") or []:
            yield adj, "ADJ"
        for dem in rec.get("demonyms_de") or []:
            yield dem, "DEM"


def _ler_org_names(path: Path) -> Iterator[tuple[str, str]]:
    """Entity strings of LER's organisation classes (courts, institutions, companies, brands)."""
    tokens: list[str] = []
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        for line in fh:
            word, _, tag = line.strip().partition(" ")
            if tag.startswith("I-") and tokens:
                tokens.append(word)
                continue
            # court chambers ("2. Zivilsenats des Oberlandesgerichts Hamm") are not names to learn
            if tokens and len(tokens) <= 4 and not tokens[0][0].isdigit() and "(" not in tokens:
                yield " ".join(tokens), "ORG"
            tokens = [word] if tag.startswith("B-") and tag[2:] in LER_ORG else []


def collect_known(data: Path, kb: Path = KB_DATA) -> dict[str, str]:
    """Known names -> type; the first source wins on a clash (KB before LER)."""
    known: dict[str, str] = {}
    sources = [_kb_names(kb), _ler_org_names(data / "german_ler/ler_train_derived.conll.gz")]
    for source in sources:
        for raw, typ in source:
            name = _name_tokens(str(raw or ""))
            # a name starts with a capital or digit ("1. FC Köln") and has a letter in it
            if len(name) >= 2 and (name[0].isupper() or name[0].isdigit() or typ == "ADJ") and any(
                c.isalpha() for c in name
            ):
                known.setdefault(name, typ)
    return known


def _write(out: Path, rows: dict[str, str]) -> None:
    out.parent.mkdir(parents=True, exist_ok=True)
    with gzip.GzipFile(out, "wb", mtime=0) as raw:
        raw.write("".join(f"{n}\t{k}\n" for n, k in sorted(rows.items())).encode("utf-8"))
    print(f"{len(rows)} names -> {out}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--out", type=Path, default=None)
    ap.add_argument("--known", type=Path, metavar="DATA",
                    help="build the known-name list from the KB and DATA/german_ler instead")
    args = ap.parse_args()
    if args.known:
        _write(args.out or KNOWN_OUT, collect_known(args.known))
        return
    args.out = args.out or OUT
    names = collect()
    args.out.parent.mkdir(parents=True, exist_ok=True)
    with gzip.GzipFile(args.out, "wb", mtime=0) as raw:
        raw.write("".join(f"{n}\t{k}\n" for n, k in sorted(names.items())).encode("utf-8"))
    print(f"{len(names)} names -> {args.out}")


if __name__ == "__main__":
    main()
