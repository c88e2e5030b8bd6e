"""The quotes stage's lexicons, loaded once from ``data/cues.yaml``."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import yaml


@dataclass(frozen=True)
class Lexicon:
    speech_verbs: dict[str, frozenset[str]]  # lemma -> particles ("" = no particle needed)
    weak_verbs: frozenset[str]
    speech_nouns: frozenset[str]
    preposition_cues: dict[str, str]
    according_nouns: frozenset[str]
    konjunktiv: frozenset[str]
    pronouns: dict[str, tuple[str | None, str]]
    channels: dict[str, str]
    institution_words: frozenset[str]
    institution_suffixes: tuple[str, ...]
    org_class_nouns: frozenset[str]
    org_class_suffixes: tuple[str, ...]
    group_words: frozenset[str]
    group_suffixes: tuple[str, ...]
    function_words: frozenset[str]
    role_nouns: frozenset[str]
    title_nouns: frozenset[str]
    english_verbs: frozenset[str]
    reflexive_cues: frozenset[str] = frozenset()  # "„…“, zeigte sich X zufrieden"


def _lower_set(items: list[str]) -> frozenset[str]:
    return frozenset(str(i).lower() for i in items)


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    raw = resources.files("lagebild.quotes").joinpath("data/cues.yaml").read_text("utf-8")
    data = yaml.safe_load(raw)
    verbs = {str(k): frozenset(str(p) for p in v) for k, v in data["speech_verbs"].items()}
    pronouns = {str(k): (v[0], v[1]) for k, v in data["pronouns"].items()}
    return Lexicon(
        speech_verbs=verbs,
        weak_verbs=frozenset(data["weak_verbs"]),
        speech_nouns=_lower_set(data["speech_nouns"]),
        preposition_cues={str(k): str(v) for k, v in data["preposition_cues"].items()},
        according_nouns=_lower_set(data["according_nouns"]),
        konjunktiv=_lower_set(data["konjunktiv_forms"]),
        pronouns=pronouns,
        channels={str(k): str(v) for k, v in data["channels"].items()},
        institution_words=_lower_set(data["institution_words"]),
        institution_suffixes=tuple(str(s).lower() for s in data["institution_suffixes"]),
        org_class_nouns=_lower_set(data["org_class_nouns"]),
        org_class_suffixes=tuple(str(s).lower() for s in data["org_class_suffixes"]),
        group_words=_lower_set(data["group_words"]),
        group_suffixes=tuple(str(s).lower() for s in data["group_suffixes"]),
        function_words=_lower_set(data["function_words"]),
        role_nouns=_lower_set(data["role_nouns"]),
        title_nouns=_lower_set(data["title_nouns"]),
        english_verbs=_lower_set(data["english_verbs"]),
        reflexive_cues=_lower_set(data.get("reflexive_cues", [])),
    )


def _forms(word: str) -> list[str]:
    """The word and its genitive-less forms ("des Ministeriums", "des Amtes")."""
    forms = [word]
    if word.endswith("es"):
        forms.append(word[:-2])
    if word.endswith("s"):
        forms.append(word[:-1])
    return forms


def noun_class(word: str) -> str | None:
    """'institution', 'org_class', 'group' or None for a head noun (lower case)."""
    lex = lexicon()
    for form in _forms(word):
        if form in lex.group_words or form.endswith(lex.group_suffixes):
            return "group"
    for form in _forms(word):
        if form in lex.institution_words or form.endswith(lex.institution_suffixes):
            return "institution"
    for form in _forms(word):
        if form in lex.org_class_nouns or form.endswith(lex.org_class_suffixes):
            return "org_class"
    return None
