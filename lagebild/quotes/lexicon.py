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
    role_nouns: frozenset[str]
    title_nouns: frozenset[str]
    english_verbs: frozenset[str]


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
        role_nouns=_lower_set(data["role_nouns"]),
        title_nouns=_lower_set(data["title_nouns"]),
        english_verbs=_lower_set(data["english_verbs"]),
    )
