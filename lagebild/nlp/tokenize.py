"""Sentence splitting and tokenisation for German and English news text.

Rules, not a model: periods end a sentence unless they belong to an abbreviation, an ordinal
("am 9. Juli") or a number; a closing quotation mark after the final punctuation stays with its
sentence; sentences never cross a line break (headlines and paragraphs have none).
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

TOKEN_RE = re.compile(
    r"""
    \d{1,2}\.\d{1,2}\.\d{2,4}          # 17.04.2025
    | \d+(?:[.,]\d+)+%?                # 1.000 / 3,5 / 2,5%
    | \d+\.(?=\s+(?:[a-zäöü]|Jan|Feb|Mär|Apr|Mai|Jun|Jul|Aug|Sep|Okt|Nov|Dez))  # ordinal "9. Juli"
    | (?:[A-Z]\.){2,}                  # U.S.
    | \w+(?:[-'’]\w+)*-?               # words, hyphen compounds, "US-" truncations
    | [„“”"»«‚‘’›‹]                    # quotation marks, one token each
    | \.\.\.|…                         # ellipsis
    | \S                               # any other single symbol
    """,
    re.VERBOSE,
)

SENTENCE_END = frozenset({".", "!", "?", "…", "..."})
CLOSING_QUOTES = frozenset({"“", "”", '"', "«", "»", "‘", "’", "›", "‹"})


@lru_cache(maxsize=1)
def abbreviations() -> frozenset[str]:
    text = resources.files("lagebild.nlp").joinpath("data/abbreviations.txt").read_text("utf-8")
    lines = (line.strip() for line in text.splitlines())
    return frozenset(line for line in lines if line and not line.startswith("#"))


def tokenize(text: str, offset: int = 0) -> list[tuple[int, int, str]]:
    """Tokens as (start, end, text) with offsets shifted by ``offset``.

    The period of an abbreviation ("Prof.", "Dr.", "bzw.") or of an initial before a name
    ("Anna K. Weber") stays on its word, as in the GermEval tokenisation the NER model is
    trained on: a name then remains one run of tokens.
    """
    raw = [(m.start(), m.end(), m.group()) for m in TOKEN_RE.finditer(text)]
    out: list[tuple[int, int, str]] = []
    for i, (start, end, tok) in enumerate(raw):
        if tok == "." and out and out[-1][1] == start and _keeps_period(raw, i):
            prev_start, _, prev = out.pop()
            out.append((prev_start, end, prev + "."))
        else:
            out.append((start, end, tok))
    return [(s + offset, e + offset, t) for s, e, t in out]


def _keeps_period(raw: list[tuple[int, int, str]], i: int) -> bool:
    """Does the period at ``raw[i]`` belong to the word before it?"""
    prev = raw[i - 1][2]
    if prev in abbreviations() and " " not in prev:
        return True
    nxt = raw[i + 1][2] if i + 1 < len(raw) else ""
    # an initial: one capital letter, the period, then a capitalised name ("W. Beckmann")
    return len(prev) == 1 and prev.isupper() and nxt[:1].isupper() and nxt[:1].isalpha()


def _is_abbreviation(tokens: list[tuple[int, int, str]], i: int, text: str) -> bool:
    """Is the period at token i part of an abbreviation like 'Dr.' or 'z. B.'?"""
    if i == 0:
        return False
    prev = tokens[i - 1][2]
    if prev.endswith(".") and len(prev) > 1:  # the tokeniser kept the period on "Dr."
        return True
    if prev in abbreviations():
        return True
    # single letters ("A. Merkel", "z. B.") and "z. B" style pairs
    if len(prev) == 1 and prev.isalpha():
        return True
    return i >= 3 and f"{tokens[i - 3][2]}. {prev}" in abbreviations()


def split_sentences(text: str, offset: int = 0) -> list[tuple[int, int]]:
    """Sentence spans (start, end) over one line or paragraph of ``text``."""
    tokens = tokenize(text)
    spans: list[tuple[int, int]] = []
    start: int | None = None
    i = 0
    while i < len(tokens):
        tok_start, tok_end, tok = tokens[i]
        if start is None:
            start = tok_start
        end_here = tok in {"!", "?", "…", "..."} or (
            tok == "." and not _is_abbreviation(tokens, i, text)
        )
        if end_here:
            # absorb further end punctuation and closing quotes
            while i + 1 < len(tokens) and (
                tokens[i + 1][2] in SENTENCE_END or tokens[i + 1][2] in CLOSING_QUOTES
            ) and tokens[i + 1][0] == tokens[i][1]:
                i += 1
            nxt = tokens[i + 1][2] if i + 1 < len(tokens) else None
            # a sentence goes on after "…" or a quote mark when a lower-case word or comma follows
            if nxt is None or not (nxt[0].islower() or nxt in {",", ";", ":", "-", "–"}):
                spans.append((start + offset, tokens[i][1] + offset))
                start = None
        i += 1
    if start is not None and tokens:
        spans.append((start + offset, tokens[-1][1] + offset))
    return spans
