"""Clause and sentence bounds over raw text, and tense cues (for weekday direction and for the
event-date API). Works without tokens: boundaries are punctuation and clause-opening words."""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import cache, lru_cache

from lagebild.timex.lexicon import alt, lexicon

# a sentence ends at .!? followed by space and an upper-case letter, unless the dot closes an
# ordinal or date ("9. Juli") — digits before the dot
_SENT_END = re.compile(r"(?<=[^\d\s][.!?])[\"“”»«']?\s+(?=[\"„“»«']?[A-ZÄÖÜ0-9])|\n\s*\n")


@lru_cache(maxsize=8)
def _breaks(text: str) -> tuple[tuple[int, int], ...]:
    return tuple((m.start(), m.end()) for m in _SENT_END.finditer(text))


def sentence_bounds(text: str, pos: int) -> tuple[int, int]:
    """The sentence of ``text`` containing ``pos`` (regex split, no tokens needed)."""
    breaks = _breaks(text)
    i = bisect_right([b[1] for b in breaks], pos)
    start = breaks[i - 1][1] if i else 0
    end = breaks[i][0] if i < len(breaks) else len(text)
    return start, max(end, pos)


@cache
def _clause_pattern() -> re.Pattern[str]:
    words = [w for lang in ("de", "en") for w in lexicon(lang)["clause_words"]]
    return re.compile(rf"[,;:–()]|\s-\s|\b{alt(words)}\b", re.IGNORECASE)


def clause_bounds(text: str, start: int, end: int, lo: int = 0,
                  hi: int | None = None) -> tuple[int, int]:
    """The clause around ``[start, end)`` within ``[lo, hi)``: up to the nearest comma,
    semicolon, colon or clause-opening conjunction on each side."""
    hi = len(text) if hi is None else hi
    left = lo
    for m in _clause_pattern().finditer(text, lo, start):
        left = m.end()
    m2 = _clause_pattern().search(text, end, hi)
    right = m2.start() if m2 else hi
    return left, right


@cache
def _cue_pattern(kind: str, langs: tuple[str, ...] = ("de", "en")) -> re.Pattern[str]:
    # German cues are stems that take inflection endings ("kommend" -> "kommenden"); English
    # cues are whole words. Only the text's languages count: German "plant" (plans) is no
    # cue in "the plant was closed".
    parts = []
    if "de" in langs:
        parts.append(rf"{alt(lexicon('de')[f'{kind}_cues'])}(?:e|en|er|es|em|n|t)?")
    if "en" in langs:
        parts.append(alt(lexicon("en")[f"{kind}_cues"]))
    return re.compile(rf"\b(?:{'|'.join(parts)})\b", re.IGNORECASE)


def tense(text: str, start: int, end: int,
          langs: tuple[str, ...] = ("de", "en")) -> str | None:
    """"future" or "past" when cue words in ``text[start:end]`` say so, else None.
    Future cues win: "werden ... treffen" outranks a perfect auxiliary elsewhere."""
    if _cue_pattern("future", langs).search(text, start, end):
        return "future"
    if _cue_pattern("past", langs).search(text, start, end):
        return "past"
    return None


@cache
def _preterite_pattern() -> re.Pattern[str]:
    words = [w for lang in ("de", "en") for w in lexicon(lang)["preterites"]]
    # weak preterites: lower-case words in -te/-ten (German nouns are capitalised) and -ed
    return re.compile(rf"\b(?:{alt(words)}(?:en|t)?|(?-i:[a-zäöüß]{{3,}}(?:te|ten|ed)))\b",
                      re.IGNORECASE)


def clause_tense(text: str, start: int, end: int,
                 langs: tuple[str, ...] = ("de", "en")) -> str | None:
    """The tense around the expression at ``[start, end)``: cue words in its clause, else a
    preterite verb in the clause (past), else cue words elsewhere in the sentence."""
    before = [w for w in text[max(0, start - 16):start].lower().split()
              if w not in ("dem", "den", "der", "the")]
    if before and before[-1] in ("seit", "since", "vom", "from"):
        return "past"  # "seit dem 19. September": the start of a state that still holds
    s0, s1 = sentence_bounds(text, start)
    c0, c1 = clause_bounds(text, start, end, s0, s1)
    if _REPORTATIVE.search(text, c0, c1):
        return "past"  # "sollen ... getötet worden sein": hearsay about the past, not a plan
    t = ("future" if _future(text, c0, start, langs) or _future(text, end, c1, langs) else
         tense(text, c0, start, langs) or tense(text, end, c1, langs))
    if t is None and _ZU_INFINITIVE.search(text, c0, c1):
        return "future"  # "(kündigte an,) am Dienstag das Verfahren einzuleiten"
    if t is None:
        if _preterite_pattern().search(text, c0, start) or _preterite_pattern().search(
                text, end, c1):
            return "past"
        t = tense(text, s0, start, langs) or tense(text, end, s1, langs)
    return t


# "soll ... gezogen sein", "sollen ... getötet worden sein": reported past, not future
_REPORTATIVE = re.compile(r"\b(?:ge\w+|worden|gewesen)\s+(?:sein|haben)\b", re.IGNORECASE)


def _future(text: str, start: int, end: int, langs: tuple[str, ...] = ("de", "en")) -> bool:
    return bool(_cue_pattern("future", langs).search(text, start, end))


# zu-infinitives: "zu treffen", "einzuleiten" (plans and announcements look ahead)
_ZU_INFINITIVE = re.compile(r"(?-i:\bzu\s+[a-zäöüß]{3,}en\b|\b[a-zäöüß]{2,}zu[a-zäöüß]{3,}en\b)")
