"""Cue lexicons for segmentation, loaded once from the YAML files in ``cues/``.

All languages are merged: scraped pages mix languages in their furniture (an English share
button on a German article), so every cue applies to every page.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

CUE_DIR = Path(__file__).parent / "cues"
LANGUAGES: tuple[str, ...] = ("de", "en")


@dataclass(frozen=True)
class Cues:
    chrome_lines: frozenset[str]
    chrome_patterns: PatternSet
    comment_markers: frozenset[str]
    teaser_markers: frozenset[str]
    teaser_marker_patterns: PatternSet
    ad_labels: frozenset[str]
    read_also: tuple[str, ...]
    caption_prefixes: re.Pattern[str]
    credit_words: frozenset[str]
    gallery: PatternSet
    comment_author: re.Pattern[str]
    comment_actions: frozenset[str]
    disclaimer: PatternSet
    teaser_cut_words: frozenset[str]
    function_words: frozenset[str]
    agencies: frozenset[str]


class PatternSet:
    """Regular expressions searched together. Anchored ones (``^…``) are tried only at the
    start of the line, which keeps the per-line cost low on long paragraphs."""

    def __init__(self, patterns: list[str]) -> None:
        anchored = [p[1:] for p in patterns if p.startswith("^")]
        floating = [p for p in patterns if not p.startswith("^")]
        self._anchored = _compile(anchored)
        self._floating = _compile(floating)

    def search(self, text: str) -> bool:
        return bool((self._anchored and self._anchored.match(text))
                    or (self._floating and self._floating.search(text)))


def _compile(patterns: list[str]) -> re.Pattern[str] | None:
    if not patterns:
        return None
    return re.compile("|".join(f"(?:{p})" for p in patterns), re.IGNORECASE)


def _alternation(patterns: list[str]) -> PatternSet:
    return PatternSet(patterns)


def _words_alternation(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


@lru_cache(maxsize=1)
def load_cues() -> Cues:
    merged: dict[str, list[str]] = {}
    markers: dict[str, list[str]] = {"comments": [], "teasers": []}
    for lang in LANGUAGES:
        data = yaml.safe_load((CUE_DIR / f"{lang}.yaml").read_text(encoding="utf-8")) or {}
        for key, value in data.items():
            if key == "section_markers":
                for kind, words in value.items():
                    markers[kind].extend(words)
            else:
                merged.setdefault(key, []).extend(value)
    agencies = yaml.safe_load((CUE_DIR / "agencies.yaml").read_text(encoding="utf-8"))["agencies"]
    verbs = _words_alternation(merged["comment_verbs"])
    # An author line: optional bullet or reply number, a name (any characters, the name may be
    # a whole slogan), then a speech verb and a colon at the end of the line.
    author = re.compile(rf"^(?:[•·*\-–—>]\s*|\d+\.\s+)?\S.{{0,240}}?\s(?:{verbs})\s*:\s*$", re.I)
    prefixes = _words_alternation(merged["caption_prefixes"])
    return Cues(
        chrome_lines=frozenset(merged["chrome_lines"]),
        chrome_patterns=_alternation(merged["chrome_patterns"]),
        comment_markers=frozenset(markers["comments"]),
        teaser_markers=frozenset(markers["teasers"]),
        teaser_marker_patterns=_alternation(merged["teaser_marker_patterns"]),
        ad_labels=frozenset(merged["ad_labels"]),
        read_also=tuple(sorted(set(merged["read_also"]), key=len, reverse=True)),
        caption_prefixes=re.compile(rf"^\(?(?:{prefixes})\s*:\s*\S", re.I),
        credit_words=frozenset(merged["credit_words"]),
        gallery=_alternation(merged["gallery_patterns"]),
        comment_author=author,
        comment_actions=frozenset(merged["comment_actions"]),
        disclaimer=_alternation(merged["disclaimer_patterns"]),
        teaser_cut_words=frozenset(merged["teaser_cut_words"]),
        function_words=frozenset(merged["teaser_cut_words"] + merged["function_words"]),
        agencies=frozenset(a.lower() for a in agencies),
    )
