"""Load the knowledge base: curated YAML, compiled GeoNames/CLDR tables and user extensions.

Everything becomes a flat list of :class:`KBEntity` records keyed by id. The shipped directory is
``lagebild/kb/data``; extra directories (``LAGEBILD_KB_PATH``, ``os.pathsep``-separated, or the
``extra`` argument) are merged after it: a record with a known id extends that record (aliases and
roles added, scalar fields replaced), a new id adds an entity.
"""

from __future__ import annotations

import csv
import gzip
import os
import re
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from typing import Any

import yaml

DATA_DIR = Path(__file__).resolve().parent / "data"
GENERATED = DATA_DIR / "generated"
LEXICON_DIR = Path(__file__).resolve().parent / "lexicon"  # matcher lexicons, not KB records
ENV_VAR = "LAGEBILD_KB_PATH"
_QID = re.compile(r"^Q\d+$")
_YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # the C parser is ~10x faster


class KBError(ValueError):
    """A knowledge-base file that cannot be read."""


@dataclass(frozen=True)
class Role:
    key: str
    org: str
    title_en: str
    title_de: str
    start: date | None
    end: date | None  # first day no longer in office

    def active(self, on: date | None) -> bool:
        if on is None:
            return self.end is None
        return (self.start is None or self.start <= on) and (self.end is None or on < self.end)


@dataclass
class KBEntity:
    id: str
    name: str
    type: str  # PER ORG GPE LOC
    aliases: list[str] = field(default_factory=list)
    gender: str | None = None
    country: str | None = None  # ISO2: nationality, seat or location
    roles: list[Role] = field(default_factory=list)
    population: int = 0
    kind: str = ""  # state, city, region, place, org kind (igo, government, media …)
    iso: str | None = None  # for states
    admin1: str | None = None
    adjectives: list[str] = field(default_factory=list)  # state adjective stems ("ukrainisch")
    demonyms: list[str] = field(default_factory=list)
    verification: dict[str, Any] | None = None
    source: str = ""
    name_en: str | None = None

    @property
    def kb(self) -> str:
        return "wikidata" if _QID.match(self.id) else "lagebild"

    def roles_on(self, on: date | None) -> list[Role]:
        return [r for r in self.roles if r.active(on)]


def _date(value: Any) -> date | None:
    if value in (None, "", "null"):
        return None
    if isinstance(value, date):
        return value
    text = str(value)
    if re.fullmatch(r"\d{4}", text):
        return date(int(text), 1, 1)
    if re.fullmatch(r"\d{4}-\d{2}", text):
        return date(int(text[:4]), int(text[5:7]), 1)
    try:
        return date.fromisoformat(text[:10])
    except ValueError as exc:
        raise KBError(f"bad date {value!r}") from exc


def _list(value: Any) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        return [v.strip() for v in value.split("|") if v.strip()]
    return [str(v) for v in value if v]


def _roles(items: Any) -> list[Role]:
    roles = []
    for r in items or []:
        roles.append(Role(key=str(r.get("role", "other")), org=str(r.get("org", "")),
                          title_en=str(r.get("title_en") or ""),
                          title_de=str(r.get("title_de") or ""),
                          start=_date(r.get("start")), end=_date(r.get("end"))))
    return roles


def _slug(name: str) -> str:
    return " ".join(name.split())


def person(rec: dict[str, Any], source: str) -> KBEntity:
    name = str(rec["name"])
    return KBEntity(id=str(rec.get("id") or f"lb:PER:{_slug(name)}"), name=name, type="PER",
                    aliases=_list(rec.get("aliases")), gender=rec.get("gender"),
                    country=rec.get("nationality"), roles=_roles(rec.get("roles")),
                    verification=rec.get("verification"), source=source)


def org(rec: dict[str, Any], source: str) -> KBEntity:
    name = str(rec["name"])
    typ = str(rec.get("type") or "ORG")
    return KBEntity(id=str(rec.get("id") or f"lb:{typ}:{_slug(name)}"), name=name, type=typ,
                    aliases=_list(rec.get("aliases")) + _list(rec.get("metonyms")),
                    country=rec.get("country"), kind=str(rec.get("kind") or ""),
                    roles=_roles(rec.get("roles")),
                    verification=rec.get("verification"), source=source)


def place(rec: dict[str, Any], source: str) -> KBEntity:
    name = str(rec["name"])
    typ = str(rec.get("type") or "GPE")
    return KBEntity(id=str(rec.get("id") or f"lb:{typ}:{_slug(name)}"), name=name, type=typ,
                    aliases=_list(rec.get("aliases")), country=rec.get("country"),
                    kind=str(rec.get("kind") or "place"),
                    population=int(rec.get("population") or 0),
                    verification=rec.get("verification"), source=source)


def state(rec: dict[str, Any], source: str) -> KBEntity:
    iso = str(rec["iso"]).upper()
    name = str(rec.get("name_de") or rec.get("name_en") or iso)
    aliases = _list(rec.get("extra_aliases")) + [
        n for n in (rec.get("name_de"), rec.get("name_en")) if n and n != name]
    return KBEntity(id=str(rec.get("id") or f"lb:GPE:{iso}"), name=name, type="GPE",
                    aliases=aliases, country=iso, iso=iso, kind="state",
                    adjectives=_list(rec.get("adjectives_de")),
                    demonyms=_list(rec.get("demonyms_de")),
                    verification=rec.get("verification"), source=source,
                    population=10**9, name_en=rec.get("name_en"))


_BUILDERS = {"persons": person, "orgs": org, "places": place, "states": state}


def _kind_of(path: Path) -> str | None:
    stem = path.name.split(".")[0].lower()
    if path.parent.name == "persons":
        return "persons"
    for kind in _BUILDERS:
        if stem.startswith(kind):
            return kind
    return None


def _read_yaml(path: Path) -> Any:
    try:
        with open(path, encoding="utf-8") as fh:
            return yaml.load(fh, Loader=_YAML_LOADER)  # noqa: S506 - a safe loader
    except (OSError, yaml.YAMLError) as exc:
        raise KBError(f"{path}: {exc}") from exc


def _records_from_yaml(path: Path) -> list[tuple[str, dict[str, Any]]]:
    data = _read_yaml(path)
    if data is None:
        return []
    if isinstance(data, dict):  # {persons: [...], orgs: [...], ...}
        return [(k, r) for k, recs in data.items() if k in _BUILDERS for r in recs or []]
    kind = _kind_of(path)
    out = []
    for rec in data:
        k = kind or {"PER": "persons", "ORG": "orgs"}.get(str(rec.get("type")), "places")
        if "iso" in rec and kind is None:
            k = "states"
        out.append((k, rec))
    return out


def _records_from_tsv(path: Path) -> list[tuple[str, dict[str, Any]]]:
    """A user TSV: header with at least ``name`` and ``type``; optional id, aliases, country."""
    out = []
    with open(path, encoding="utf-8", newline="") as fh:
        for rec in csv.DictReader(fh, delimiter="\t"):
            typ = (rec.get("type") or "").strip()
            if not rec.get("name") or not typ:
                continue
            kind = {"PER": "persons", "ORG": "orgs"}.get(typ, "places")
            rec = {k: v for k, v in rec.items() if v not in (None, "")}
            if kind == "persons" and "country" in rec:
                rec["nationality"] = rec.pop("country")
            out.append((kind, rec))
    return out


def _merge(into: dict[str, KBEntity], ent: KBEntity) -> None:
    old = into.get(ent.id)
    if old is None:
        into[ent.id] = ent
        return
    for alias in [ent.name, *ent.aliases]:
        if alias not in old.aliases and alias != old.name:
            old.aliases.append(alias)
    old.roles.extend(r for r in ent.roles if r not in old.roles)
    for attr in ("gender", "country", "verification", "iso", "name_en"):
        if getattr(ent, attr):
            setattr(old, attr, getattr(ent, attr))
    old.adjectives.extend(a for a in ent.adjectives if a not in old.adjectives)
    old.demonyms.extend(a for a in ent.demonyms if a not in old.demonyms)
    if ent.kind and old.kind in ("", "place"):
        old.kind = ent.kind
    old.population = max(old.population, ent.population)


def load_dir(directory: Path, into: dict[str, KBEntity], source: str) -> None:
    """Merge every YAML/TSV knowledge file under ``directory`` (generated/ excluded)."""
    files = sorted(p for p in directory.rglob("*")
                   if p.suffix in (".yaml", ".yml", ".tsv") and "generated" not in p.parts
                   and p.name != "role_titles.yaml" and not p.name.startswith("_"))
    for path in files:
        recs = _records_from_tsv(path) if path.suffix == ".tsv" else _records_from_yaml(path)
        for kind, rec in recs:
            try:
                _merge(into, _BUILDERS[kind](rec, source))
            except (KeyError, TypeError, ValueError) as exc:
                raise KBError(f"{path}: bad record {rec!r}: {exc}") from exc


# --- compiled geography -------------------------------------------------------------------


def load_states_cldr(into: dict[str, KBEntity]) -> dict[str, str]:
    """CLDR states; returns iso → capital name (GeoNames English) for linking capitals."""
    capitals: dict[str, str] = {}
    path = GENERATED / "states_cldr.tsv"
    if not path.exists():
        return capitals
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            if line.startswith("#"):
                continue
            iso, name_de, name_en, capital = (line.rstrip("\n").split("\t") + [""] * 4)[:4]
            capitals[iso] = capital
            _merge(into, state({"iso": iso, "name_de": name_de, "name_en": name_en}, "cldr"))
    return capitals


def load_cities(into: dict[str, KBEntity]) -> None:
    path = GENERATED / "cities.tsv.gz"
    if not path.exists():
        return
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        for line in fh:
            if line.startswith("#"):
                continue
            gid, name, country, admin1, pop, feature, aliases = line.rstrip("\n").split("\t")
            into[f"lb:GN:{gid}"] = KBEntity(
                id=f"lb:GN:{gid}", name=name, type="GPE", aliases=_list(aliases),
                country=country, admin1=f"{country}.{admin1}", population=int(pop),
                kind="capital" if feature == "PPLC" else "city", source="geonames")


def load_regions(into: dict[str, KBEntity]) -> None:
    path = GENERATED / "regions.tsv"
    if not path.exists():
        return
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            if line.startswith("#"):
                continue
            code, name, gid = line.rstrip("\n").split("\t")
            into[f"lb:GN:{gid}"] = KBEntity(id=f"lb:GN:{gid}", name=name, type="GPE",
                                            country=code.split(".")[0], admin1=code,
                                            kind="region", population=1, source="geonames")


def fold_name(text: str) -> str:
    return " ".join(text.casefold().replace("-", " ").split())


def attach_curated_places(ents: dict[str, KBEntity]) -> None:
    """A curated place that names a GeoNames city or region of its country absorbs it (the most
    populous one), keeping the curated id and gaining the alternate names."""
    by_name: dict[tuple[str, str], list[str]] = {}
    for e in ents.values():
        if e.source == "geonames":
            for n in [e.name, *e.aliases]:
                by_name.setdefault((e.country or "", fold_name(n)), []).append(e.id)
    for e in list(ents.values()):
        if e.source == "geonames" or e.type not in ("GPE", "LOC") or e.kind == "state":
            continue
        hits: set[str] = set()
        for n in [e.name, *e.aliases]:
            hits.update(by_name.get((e.country or "", fold_name(n)), []))
        if not hits:
            continue
        best = max(hits, key=lambda i: ents[i].population)
        city = ents.pop(best)
        e.aliases.extend(a for a in [city.name, *city.aliases]
                         if a not in e.aliases and a != e.name)
        e.population = max(e.population, city.population)
        e.admin1 = e.admin1 or city.admin1
        if e.kind == "place":
            e.kind = city.kind


def extra_paths(extra: list[str] | None = None) -> list[Path]:
    paths = [Path(p) for p in (extra or []) if p]
    env = os.environ.get(ENV_VAR, "")
    paths += [Path(p) for p in env.split(os.pathsep) if p]
    return paths


def load_all(data_dir: Path | None = None, extra: list[str] | None = None,
             geography: bool = True) -> dict[str, KBEntity]:
    ents: dict[str, KBEntity] = {}
    if geography:
        load_states_cldr(ents)
        load_cities(ents)
        load_regions(ents)
    load_dir(data_dir or DATA_DIR, ents, "shipped")
    for path in extra_paths(extra):
        if not path.is_dir():
            raise KBError(f"{ENV_VAR}: {path} is not a directory")
        load_dir(path, ents, "user")
    _merge_state_ids(ents)
    attach_curated_places(ents)
    fill_role_titles(ents)
    return ents


def _with_article(name: str) -> str:
    if name.startswith("United ") or name.endswith(("Republic", "Islands")) or name in (
            "Netherlands", "Philippines", "Bahamas", "Maldives", "Gambia", "Vatican City"):
        return "the " + name
    return name


def fill_role_titles(ents: dict[str, KBEntity]) -> None:
    """Give every role an English and German title (the data may leave them out)."""
    with open(DATA_DIR / "role_titles.yaml", encoding="utf-8") as fh:
        defaults = (yaml.safe_load(fh) or {}).get("default_titles") or {}
    by_iso = {e.iso: e for e in ents.values() if e.iso}
    for ent in ents.values():
        if not ent.roles or all(r.title_en and r.title_de for r in ent.roles):
            continue
        filled = []
        for r in ent.roles:
            spec = defaults.get(r.key) or defaults.get("other") or {}
            org = by_iso.get(r.org) or ents.get(r.org)
            org_en = _with_article(org.name_en or org.name) if org else r.org
            org_de = org.name if org else r.org
            template = (spec.get("by_country") or {}).get(r.org) or spec.get("en", "{org}")
            filled.append(replace(
                r, title_en=r.title_en or template.format(org=org_en, org_de=org_de),
                title_de=r.title_de or str(spec.get("de", "{org_de}")).format(
                    org=org_en, org_de=org_de)))
        ent.roles = filled


def _merge_state_ids(ents: dict[str, KBEntity]) -> None:
    """states.yaml gives a QID for a state CLDR loaded as lb:GPE:<iso>: keep one record."""
    for e in list(ents.values()):
        if e.kind != "state" or e.id.startswith("lb:GPE:") or not e.iso:
            continue
        placeholder = ents.pop(f"lb:GPE:{e.iso}", None)
        if placeholder is not None:
            for alias in [placeholder.name, *placeholder.aliases]:
                if alias not in e.aliases and alias != e.name:
                    e.aliases.append(alias)
