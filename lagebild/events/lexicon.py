"""Trigger, grammar-cue and topic lexicons (YAML data files), loaded once per language.

A trigger is a verb entry (base verb plus optional separable particle: "lehnt ... ab") or a noun
entry (matched also as the head of a compound: "Drohnenangriff"). Entries carry their PLOVER type
and mode and a few constraints (``needs``, ``exclude``, ``needs_verb``, ``not_prefix``) that keep
near-misses out ("Treffen" of two football clubs, "Angriff" as criticism): ``needs`` (one of
these words in the clause, also as a compound head: "Wirtschaftssanktionen" has "sanktionen"),
``needs_all`` (all of them), ``not_with`` (none of them in the clause: "schloss nicht aus"),
``needs_pattern`` (a regular expression found in the clause's lower-case words: "vor ein Gericht"),
``not_before`` (a word right after the trigger that makes it another verb: "demonstrieren, wie").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from functools import cache
from pathlib import Path
from typing import Any

import yaml

DATA = Path(__file__).parent / "data"
SUPPORTED = ("de", "en")


@dataclass(frozen=True)
class Trigger:
    kind: str  # "verb" or "noun"
    head: str  # verb infinitive (lower case) or noun head (lower case, may hold a space in English)
    type: str
    mode: str | None = None
    particle: str | None = None
    reflexive: bool = False
    sym: bool = False
    host: bool = False
    visit: bool = False
    needs: frozenset[str] = frozenset()
    exclude: frozenset[str] = frozenset()
    needs_verb: frozenset[str] = frozenset()
    not_prefix: tuple[str, ...] = ()
    forms: frozenset[str] = frozenset()
    weight: float = 0.65
    persons_as: str | None = None
    # the type when a crowd acts ("Tausende protestierten gegen X": a demonstration, not a
    # diplomatic protest)
    crowd_as: str | None = None
    reported: bool = False
    planned: bool = False
    only_forms: frozenset[str] = frozenset()
    active_only: bool = False
    not_after: frozenset[str] = frozenset()
    verbal: frozenset[str] = frozenset()
    needs_all: frozenset[str] = frozenset()
    not_with: frozenset[str] = frozenset()
    sentence_needs: bool = False
    needs_pattern: re.Pattern[str] | None = None
    with_negation: bool = False  # the negation belongs to the trigger ("kommt nicht infrage")
    # words that, right after the trigger (a comma between allowed), make it another verb:
    # "demonstrieren, wie ..." is showing, not protesting
    not_before: frozenset[str] = frozenset()
    # a gathering verb: a body's members meeting among themselves need no "sich"
    # ("die Außenminister der EU kommen am Sonntag zusammen")
    gathers: bool = False


@dataclass
class Lexicon:
    language: str
    verbs: dict[str, list[Trigger]] = field(default_factory=dict)  # by base verb / full lemma
    nouns: list[Trigger] = field(default_factory=list)  # longest head first
    forms: dict[str, list[Trigger]] = field(default_factory=dict)  # English word forms
    grammar: dict[str, Any] = field(default_factory=dict)
    # per-process caches: cue sets by name, German noun entries by (lemma, word form)
    cues: dict[str, frozenset[str]] = field(default_factory=dict)
    noun_cache: dict[tuple[str, str], list[Trigger]] = field(default_factory=dict)

    def cue(self, name: str) -> frozenset[str]:
        found = self.cues.get(name)
        if found is None:
            found = self.cues[name] = frozenset(str(w).lower() for w in self.grammar.get(name, []))
        return found


def _trigger(kind: str, raw: dict[str, Any]) -> Trigger:
    head = str(raw["verb" if kind == "verb" else "noun"]).lower()
    return Trigger(
        kind=kind, head=head, type=raw["type"], mode=raw.get("mode"),
        particle=raw.get("particle"), reflexive=bool(raw.get("reflexive", False)),
        sym=bool(raw.get("sym", False)), host=bool(raw.get("host", False)),
        visit=bool(raw.get("visit", False)),
        needs=frozenset(str(w).lower() for w in raw.get("needs", [])),
        exclude=frozenset(str(w).lower() for w in raw.get("exclude", [])),
        needs_verb=frozenset(str(w).lower() for w in raw.get("needs_verb", [])),
        not_prefix=tuple(str(w).lower() for w in raw.get("not_prefix", [])),
        forms=frozenset(str(w).lower() for w in raw.get("forms", [])),
        weight=float(raw.get("weight", 0.65 if kind == "verb" else 0.5)),
        persons_as=raw.get("persons_as"),
        crowd_as=raw.get("crowd_as"),
        reported=bool(raw.get("reported", False)),
        planned=bool(raw.get("planned", False)),
        only_forms=frozenset(str(w).lower() for w in raw.get("only_forms", [])),
        active_only=bool(raw.get("active_only", False)),
        not_after=frozenset(str(w).lower() for w in raw.get("not_after", [])),
        verbal=frozenset(str(w).lower() for w in raw.get("verbal", [])),
        needs_all=frozenset(str(w).lower() for w in raw.get("needs_all", [])),
        not_with=frozenset(str(w).lower() for w in raw.get("not_with", [])),
        sentence_needs=bool(raw.get("sentence_needs", False)),
        needs_pattern=re.compile(raw["needs_pattern"]) if raw.get("needs_pattern") else None,
        with_negation=bool(raw.get("with_negation", False)),
        not_before=frozenset(str(w).lower() for w in raw.get("not_before", [])),
        gathers=bool(raw.get("gathers", False)),
    )


def english_forms(lemma: str) -> set[str]:
    """Regular English inflections of a verb lemma (irregular ones come from the lexicon)."""
    forms = {lemma, lemma + "s", lemma + "ed", lemma + "ing"}
    if lemma.endswith("e"):
        forms |= {lemma + "d", lemma[:-1] + "ing"}
    if lemma.endswith("y") and lemma[-2:-1] not in "aeiou":
        forms |= {lemma[:-1] + "ies", lemma[:-1] + "ied"}
    if lemma.endswith(("s", "sh", "ch", "x")):
        forms.add(lemma + "es")
    if len(lemma) <= 4 and lemma[-1] in "pgtnb" and lemma[-2:-1] in "aeiou":
        forms |= {lemma + lemma[-1] + "ed", lemma + lemma[-1] + "ing"}
    return forms


def german_weak_forms(verb: str) -> set[str]:
    """Regular present/past forms of a weak German verb, for word forms the tagger lemmatises
    wrongly without context (e.g. "telefonierten" read as an adjective)."""
    if not verb.endswith("n"):
        return set()
    stem = verb[:-2] if verb.endswith("en") else verb[:-1]
    endings = ("e", "st", "t", "en", "et", "te", "test", "ten", "tet")
    forms = {stem + e for e in endings}
    if verb.endswith("ieren"):
        forms.add(stem + "t")
    return forms


@cache
def load(language: str) -> Lexicon:
    """The lexicon for a language ("de" or "en"); unknown languages fall back to German."""
    lang = language if language in SUPPORTED else "de"
    raw = yaml.safe_load((DATA / f"triggers_{lang}.yaml").read_text(encoding="utf-8"))
    grammar = yaml.safe_load((DATA / f"grammar_{lang}.yaml").read_text(encoding="utf-8"))
    lex = Lexicon(language=lang, grammar=grammar)
    # trigger-side cues kept with the triggers (e.g. content nouns): grammar cues win on clashes
    lex.grammar = {**raw.get("cues", {}), **grammar}
    for entry in raw.get("verbs", []):
        trig = _trigger("verb", entry)
        lex.verbs.setdefault(trig.head, []).append(trig)
        if trig.particle and lang == "de":
            lex.verbs.setdefault(trig.particle + trig.head, []).append(trig)
        forms = set(trig.forms)
        forms |= english_forms(trig.head) if lang == "en" else german_weak_forms(trig.head)
        for form in forms:
            lex.forms.setdefault(form, []).append(trig)
    nouns = [_trigger("noun", e) for e in raw.get("nouns", [])]
    if lang == "en":  # needs_verb lists base forms; English text has "reached", "handed"
        nouns = [replace(t, needs_verb=t.needs_verb | frozenset(
            f for v in t.needs_verb for f in english_forms(v))) for t in nouns]
    lex.nouns = sorted(nouns, key=lambda t: -len(t.head))
    return lex


@cache
def modes() -> dict[str, dict[str, tuple[str, ...]]]:
    raw = yaml.safe_load((DATA / "modes.yaml").read_text(encoding="utf-8"))
    return {etype: {mode: tuple(str(s).lower() for s in stems) for mode, stems in table.items()}
            for etype, table in raw.items()}


def mode_for(etype: str, mode: str | None, words: list[str]) -> str | None:
    """Refine a trigger's mode from the words of its clause (content of a demand, a call)."""
    table = modes().get(etype)
    if not table or (etype == "CONSULT" and mode not in (None, "meet")):
        return mode
    for cand, stems in table.items():
        if any(s in w for w in words for s in stems):
            return cand
    return mode


@cache
def topics() -> dict[str, tuple[str, ...]]:
    raw = yaml.safe_load((DATA / "topics.yaml").read_text(encoding="utf-8"))
    return {topic: tuple(str(s).lower() for s in stems) for topic, stems in raw.items()}


def topics_for(text: str) -> list[str]:
    low = text.lower()
    return [topic for topic, stems in topics().items() if any(s in low for s in stems)]
