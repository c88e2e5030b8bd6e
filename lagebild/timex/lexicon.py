"""Loads the time vocabularies (``data/*.yaml``) once and offers regex helpers."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path
from typing import Any

import yaml

DATA = Path(__file__).parent / "data"
LANGUAGES: tuple[str, ...] = ("de", "en")


@cache
def lexicon(lang: str) -> dict[str, Any]:
    """The vocabulary of ``lang`` (``de`` or ``en``)."""
    if lang not in LANGUAGES:
        raise ValueError(f"no time vocabulary for language {lang!r}")
    with (DATA / f"{lang}.yaml").open(encoding="utf-8") as fh:
        data: dict[str, Any] = yaml.safe_load(fh)
    return data


@cache
def known_events() -> list[dict[str, Any]]:
    """Dated reference events (war start, annexation) for publication-date inference."""
    with (DATA / "known_events.yaml").open(encoding="utf-8") as fh:
        return list(yaml.safe_load(fh)["events"])


def alt(words: Any) -> str:
    """A regex alternation of literal words, longest first (so "Jahres" beats "Jahr")."""
    items = sorted({str(w) for w in words}, key=len, reverse=True)
    return "(?:" + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in items) + ")"


def unit_of(lang: str, word: str) -> str | None:
    """The ISO unit letter of an inflected unit noun ("Wochen" -> "W")."""
    return _unit_index(lang).get(word.lower())


@cache
def _unit_index(lang: str) -> dict[str, str]:
    return {form: unit for unit, forms in lexicon(lang)["units"].items() for form in forms}


def number_of(lang: str, word: str) -> float | str | None:
    """A quantity word or digits as a number; ``"X"`` for unspecified amounts ("mehrere")."""
    w = " ".join(word.lower().split())
    if w.replace(",", ".").replace(".", "", 1).isdigit():
        return float(w.replace(",", "."))
    if w in ("eineinhalb", "anderthalb", "one and a half"):
        return 1.5
    if w.startswith(("ein halb", "einem halb", "einen halb", "half a", "a half")):
        return 0.5
    val = lexicon(lang)["numbers"].get(w)
    if val is None:
        return None
    return "X" if val == "X" else float(val)
