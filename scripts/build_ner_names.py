"""Build the person-name gazetteer of the NER model from the Faker package's name lists (MIT).

Writes ``lagebild/nlp/models/ner_person_names.txt.gz``: ``name<TAB>first|last`` lines taken from
the first- and last-name lists of Faker's person providers for Latin-script locales, plus the
Russian, Ukrainian and Belarusian lists transliterated the way German newspapers write them
(Wladimir, Sergej, Schewtschenko). Faker is only needed to rebuild the file, not at run time::

    pip install --target /tmp/fakerpkg faker==40.54.0
    PYTHONPATH=/tmp/fakerpkg python scripts/build_ner_names.py
"""

from __future__ import annotations

import argparse
import gzip
import importlib
import pkgutil
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "lagebild/nlp/models/ner_person_names.txt.gz"
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


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--out", type=Path, default=OUT)
    args = ap.parse_args()
    names = collect()
    args.out.parent.mkdir(parents=True, exist_ok=True)
    with gzip.GzipFile(args.out, "wb", mtime=0) as raw:
        raw.write("".join(f"{n}\t{k}\n" for n, k in sorted(names.items())).encode("utf-8"))
    print(f"{len(names)} names -> {args.out}")


if __name__ == "__main__":
    main()
