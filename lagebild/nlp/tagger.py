"""Lemmas and STTS part-of-speech tags from HanTa, cached per word form.

HanTa's context-free ``analyze`` is used with an LRU cache: tagging whole sentences with its HMM
costs ~5 ms per sentence, which alone would cap the pipeline near the throughput goal, while the
cached per-form analysis costs almost nothing once a form has been seen.
"""

from __future__ import annotations

import re
from functools import lru_cache

_PUNCT_RE = re.compile(r"^\W+$")


@lru_cache(maxsize=1)
def hanta():  # type: ignore[no-untyped-def]
    """The process's one HanTa model (the nlp stage and the NER features share it)."""
    from HanTa import HanoverTagger

    return HanoverTagger.HanoverTagger("morphmodel_ger.pgz")


def _punct_tag(word: str) -> str:
    if word == ",":
        return "$,"
    if word in {".", "!", "?", ";", ":", "…", "..."}:
        return "$."
    return "$("


@lru_cache(maxsize=200_000)
def analyze(word: str) -> tuple[str, str]:
    """(lemma, STTS tag) for one word form."""
    if _PUNCT_RE.match(word):
        return word, _punct_tag(word)
    if word[0].isdigit():
        return word, "CARD"
    try:
        lemma, tag = hanta().analyze(word)
    except Exception:  # HanTa raises on unusual forms; an unknown tag is better than a crash
        return word, "XY"
    return lemma, tag.replace("(", "").replace(")", "")
