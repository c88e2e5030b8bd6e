"""The in-memory index: aliases in an Aho–Corasick automaton, adjectives, role holders, titles.

Built once per process (see :func:`get_index`). Matching runs over a length-preserving fold of the
text (lower case, typographic hyphens and apostrophes unified) so offsets stay those of the text.
"""

from __future__ import annotations

import hashlib
import threading
from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path

import ahocorasick
import yaml

from lagebild.kb.loader import DATA_DIR, LEXICON_DIR, KBEntity, Role, load_all

_CHARMAP = {"\u2010": "-", "\u2011": "-", "\u2019": "'", "\u00a0": " ", "\u202f": " "}
NOUN_SUFFIXES = ("s", "es", "ns", "n", "en", "'s", "'")  # genitive and weak-noun endings
ADJ_ENDINGS = ("e", "en", "er", "es", "em")
REGION_CUES = frozenset({"bundesstaat", "bundesstaats", "bundesstaates", "us-bundesstaat",
                         "us-bundesstaats", "us-bundesstaates", "state", "region", "oblast",
                         "provinz", "gebiet", "bezirk", "bundesland", "staat"})


_TRANS = str.maketrans(_CHARMAP)


@lru_cache(maxsize=200_000)  # word forms repeat across documents
def fold(text: str) -> str:
    """Lower-case ``text`` character by character so that offsets are preserved."""
    low = text.translate(_TRANS).lower()
    if len(low) == len(text):
        return low
    out = []  # a character that lower-cases to two ("İ"): keep it as it is
    for ch in text:
        ch = _CHARMAP.get(ch, ch)
        low = ch.lower()
        out.append(low if len(low) == 1 else ch)
    return "".join(out)


def fold_key(text: str) -> str:
    return " ".join(fold(text).split())


@dataclass(frozen=True)
class AliasHit:
    """One indexed surface form: which entity, and how it must look in the text."""

    entity_id: str
    alias: str  # the alias as written in the KB (its case decides how strictly to match)
    kind: str  # name | alias | exact (case-sensitive) | demonym


@dataclass(frozen=True)
class TitleSense:
    keys: tuple[str, ...]  # role keys for a state
    org_keys: tuple[str, ...]  # role keys for an organisation
    org: str | None = None  # implied organisation (compounds), an entity id
    hint: str | None = None
    female: bool = False


def _adjective_variants(name: str) -> list[str]:
    """Declined forms of a name that starts with an adjective: "Vereinigte Staaten" →
    "Vereinigten Staaten", "Europäische Union" → "Europäischen Union"."""
    words = name.split(" ")
    if len(words) < 2 or not words[0][:1].isupper() or not words[1][:1].isupper():
        return []
    first = words[0]
    for ending in ("es", "en", "er", "em", "e"):
        if first.endswith(ending) and len(first) > len(ending) + 3:
            stem = first[: -len(ending)]
            return [" ".join([stem + e, *words[1:]]) for e in ADJ_ENDINGS if e != ending]
    return []


def _stopwords() -> frozenset[str]:
    path = LEXICON_DIR / "alias_stopwords.txt"
    if not path.exists():
        return frozenset()
    words = (ln.split("#")[0].strip() for ln in path.read_text(encoding="utf-8").splitlines())
    return frozenset(fold_key(w) for w in words if w)


class Index:
    def __init__(self, ents: dict[str, KBEntity]):
        self.ents = ents
        self.aliases: dict[str, list[AliasHit]] = defaultdict(list)
        self.by_iso: dict[str, str] = {}
        self.adjectives: dict[str, str] = {}  # folded adjective stem → state id
        self.holders: dict[tuple[str, str], list[tuple[Role, str]]] = defaultdict(list)
        stop = _stopwords()
        self.orgs_by_country: dict[str, list[KBEntity]] = defaultdict(list)
        for ent in ents.values():
            if ent.iso:
                self.by_iso[ent.iso] = ent.id
            if ent.type == "ORG" and ent.country:
                self.orgs_by_country[ent.country].append(ent)
        for ent in ents.values():
            self._add_entity(ent, stop)
        for ent in ents.values():
            for role in ent.roles:
                self.holders[(role.key, self.org_id(role.org) or role.org)].append((role, ent.id))
        self.automaton = ahocorasick.Automaton()
        for key, hits in self.aliases.items():
            self.automaton.add_word(key, (key, tuple(hits)))
        if self.aliases:
            self.automaton.make_automaton()
        self._load_titles()

    # --- construction ------------------------------------------------------------------

    def _add(self, form: str, hit: AliasHit) -> None:
        key = fold_key(form)
        if len(key) < 2:
            return
        if hit not in self.aliases[key]:
            self.aliases[key].append(hit)
        if "ß" in key:  # Swiss and older spellings
            alt = key.replace("ß", "ss")
            if hit not in self.aliases[alt]:
                self.aliases[alt].append(hit)

    def _add_entity(self, ent: KBEntity, stop: frozenset[str]) -> None:
        geonames = ent.source == "geonames"
        # a one-word name that is also an ordinary noun ("Zeit", "Welt", "Bild") would match
        # everywhere: such names are only matched in capitals ("ZEIT") or as longer forms
        stop = stop if ent.source != "user" else frozenset()
        if fold_key(ent.name) not in stop:
            self._add(ent.name, AliasHit(ent.id, ent.name, "name"))
        elif ent.name.isupper():
            self._add(ent.name, AliasHit(ent.id, ent.name, "exact"))
        for alias in ent.aliases:
            # short alternate names are mostly foreign abbreviations or words ("Von", "Ben");
            # only big cities keep them ("Rom")
            short = len(alias) < 3 or (len(alias) == 3 and ent.population < 1_000_000)
            if geonames and short:
                continue
            if fold_key(alias) in stop:
                if alias.isupper():  # "WELT" only as written, never the noun "Welt"
                    self._add(alias, AliasHit(ent.id, alias, "exact"))
                continue
            self._add(alias, AliasHit(ent.id, alias, "alias"))
        if ent.type != "PER":
            for form in [ent.name, *ent.aliases]:
                for variant in _adjective_variants(form):
                    self._add(variant, AliasHit(ent.id, variant, "alias"))
        for adj in ent.adjectives:
            self.adjectives.setdefault(fold_key(adj), ent.id)
        for dem in ent.demonyms:
            self._add(dem, AliasHit(ent.id, dem, "demonym"))

    def _load_titles(self) -> None:
        with open(DATA_DIR / "role_titles.yaml", encoding="utf-8") as fh:
            data = yaml.safe_load(fh)
        self.titles: dict[str, TitleSense] = {}
        for form, spec in (data.get("titles") or {}).items():
            self.titles[fold_key(form)] = TitleSense(
                tuple(spec.get("state") or ()), tuple(spec.get("org") or ()),
                female=form.endswith("in"))
        for form, spec in (data.get("compounds") or {}).items():
            org = self.org_id(str(spec["org"]))
            self.titles[fold_key(form)] = TitleSense(
                (spec["key"],), (spec["key"],), org=org, hint=spec.get("hint"),
                female=form.endswith("in"))
        self.single_holder = frozenset(data.get("single_holder") or ())

    # --- lookups ---------------------------------------------------------------------

    def org_id(self, ref: str) -> str | None:
        """An entity id for a role's organisation reference (ISO2, id or alias)."""
        if not ref:
            return None
        if ref in self.by_iso:
            return self.by_iso[ref]
        if ref in self.ents:
            return ref
        hits = self.aliases.get(fold_key(ref), [])
        for hit in hits:
            if self.ents[hit.entity_id].type in ("ORG", "GPE"):
                return hit.entity_id
        return None

    def institution(self, iso: str, noun: str) -> str | None:
        """The KB organisation of state ``iso`` whose names contain ``noun`` (one, else None):
        "russisches Verteidigungsministerium" → the Russian Ministry of Defence."""
        if not iso or not noun:
            return None
        hits = [e.id for e in self.orgs_by_country.get(iso, ())
                if noun in fold(" ".join([e.name, *e.aliases]))]
        return hits[0] if len(hits) == 1 else None

    def lookup(self, name: str) -> list[KBEntity]:
        seen: dict[str, KBEntity] = {}
        for hit in self.aliases.get(fold_key(name), []):
            seen.setdefault(hit.entity_id, self.ents[hit.entity_id])
        return list(seen.values())

    def role_holders(self, key: str, org: str, on: date | None) -> list[tuple[Role, KBEntity]]:
        return [(r, self.ents[i]) for r, i in self.holders.get((key, org), []) if r.active(on)]

    def role_holders_any(self, key: str, on: date | None) -> list[tuple[Role, KBEntity]]:
        """Holders of ``key`` at any organisation on ``on``."""
        return [(r, self.ents[i]) for (k, _org), items in self.holders.items() if k == key
                for r, i in items if r.active(on)]

    def adjective_state(self, word: str) -> str | None:
        """The state a (possibly inflected) adjective names: "ukrainischen" → Ukraine."""
        w = fold(word)
        for ending in ADJ_ENDINGS:
            if w.endswith(ending) and w[: -len(ending)] in self.adjectives:
                return self.adjectives[w[: -len(ending)]]
        return self.adjectives.get(w)

    def title(self, word: str) -> TitleSense | None:
        w = fold(word)
        if w in self.titles:
            return self.titles[w]
        for suffix in ("s", "n", "en", "es"):
            if w.endswith(suffix) and w[: -len(suffix)] in self.titles:
                return self.titles[w[: -len(suffix)]]
        return None


_LOCK = threading.Lock()
_INDEX: Index | None = None


def kb_version(paths: list[Path] | None = None) -> str:
    """A short hash of the shipped knowledge files (changes whenever the data changes)."""
    h = hashlib.sha256()
    for root in (DATA_DIR, LEXICON_DIR):
        for path in sorted(p for p in root.rglob("*") if p.is_file()):
            h.update(path.relative_to(root.parent).as_posix().encode())
            h.update(path.read_bytes())
    for extra in paths or []:
        for path in sorted(p for p in Path(extra).rglob("*") if p.is_file()):
            h.update(path.read_bytes())
    return h.hexdigest()[:12]


def get_index() -> Index:
    """The process-wide index, built on first use."""
    global _INDEX
    if _INDEX is None:
        with _LOCK:
            if _INDEX is None:
                _INDEX = Index(load_all())
    return _INDEX


def set_index(index: Index | None) -> None:
    """Replace the process-wide index (tests, user KB reload); None rebuilds on next use."""
    global _INDEX
    _INDEX = index


def build_index(data_dir: Path | None = None, extra: list[str] | None = None,
                geography: bool = True) -> Index:
    return Index(load_all(data_dir, extra, geography))
