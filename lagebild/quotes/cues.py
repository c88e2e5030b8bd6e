"""Speech cues on tokens: speech verbs (with separable particles), channels, Konjunktiv forms."""

from __future__ import annotations

import re
from functools import lru_cache

from lagebild.quotes.lexicon import lexicon
from lagebild.quotes.units import Tok

VERB_POS = frozenset({"VVFIN", "VAFIN", "VMFIN", "VVPP", "VVINF", "VVIZU", "VAINF", "VAPP"})
PARTICLES = frozenset({"ab", "an", "auf", "aus", "ein", "mit", "zu", "vor", "zurück", "hinzu",
                       "fest", "fort", "dar", "nach", "durch", "um", "bei", "los", "weg"})
CLAUSE_END = frozenset({",", ".", ";", ":", "!", "?", "„", "“", "”", "\"", "»", "«", "(", ")",
                        "–", "—"})


def clause_end(toks: list[Tok], i: int, limit: int) -> int:
    """Index of the first clause boundary after token i (or ``limit``)."""
    j = i + 1
    while j < limit and toks[j].text not in CLAUSE_END:
        j += 1
    return j


def speech_verb(toks: list[Tok], i: int, limit: int, weak_ok: bool = True) -> str | None:
    """The cue text when token i is a speech verb ("sagte", "teilte ... mit"), else None."""
    t = toks[i]
    lex = lexicon()
    if t.low in lex.english_verbs:
        return t.text
    if t.pos not in VERB_POS:
        return None
    particles = lex.speech_verbs.get(t.lemma)
    if particles is None:
        return None
    if not weak_ok and t.lemma in lex.weak_verbs:
        return None
    if (t.pos in {"VVPP", "VVINF", "VVIZU"} or t.lemma == "werden") and i > 0 \
            and toks[i - 1].low in particles:  # "bekannt gegeben", "wie bekannt wurde"
        return f"{toks[i - 1].text} {t.text}"  # "bekannt gegeben", "klar gemacht"
    if "" in particles and not _needs_particle(toks, i, limit, particles):
        return t.text
    end = clause_end(toks, i, limit)
    last = toks[end - 1].low if end - 1 > i else ""
    if last in particles:
        return f"{t.text} {toks[end - 1].text}"
    # "geht davon aus": two-word particles
    if end - 2 > i and f"{toks[end - 2].low} {last}" in particles:
        return f"{t.text} {toks[end - 2].text} {toks[end - 1].text}"
    return None


def _needs_particle(toks: list[Tok], i: int, limit: int, particles: frozenset[str]) -> bool:
    """A finite verb with a foreign particle at clause end is another verb ("sagte ... ab")."""
    if toks[i].pos not in {"VVFIN"}:
        return False
    end = clause_end(toks, i, limit)
    last = toks[end - 1]
    return end - 1 > i + 1 and last.low in PARTICLES and last.low not in particles \
        and last.pos in {"PTKVZ", "APPR", "ADV"}


def is_konjunktiv(t: Tok) -> bool:
    """Konjunktiv I/II finite forms: the listed ones, and "-e" forms of the verb's stem
    ("rechne", "ändere"), which in a reported clause are not first person."""
    if t.pos not in {"VVFIN", "VAFIN", "VMFIN"}:
        return False
    low = t.low
    if low in lexicon().konjunktiv:
        return True
    lemma = t.lemma.lower()
    if len(lemma) > 4 and lemma.endswith("en") and low == lemma[:-2] + "e":
        return True
    return len(lemma) > 4 and lemma.endswith(("ern", "eln")) and low == lemma[:-1] + "e"


def is_zu_infinitive(toks: list[Tok], a: int, b: int) -> bool:
    """Does the clause [a, b) end in a zu-infinitive ("… zu treffen", "… zurückzuziehen")?"""
    for j in range(b - 1, a - 1, -1):
        t = toks[j]
        if t.pos == "VVIZU" or t.pos in {"VVINF", "VAINF", "VMINF"} and j > a \
                and toks[j - 1].low == "zu":
            return True
        if t.is_finite:
            return False
    return False


@lru_cache(maxsize=1)
def _channel_re() -> re.Pattern[str]:
    keys = sorted(lexicon().channels, key=len, reverse=True)
    alts = []
    for k in keys:
        if k == "X":  # the platform, not the letter: only "auf X", "bei X", "on X"
            alts.append(r"(?<=\bauf )X\b|(?<=\bbei )X\b|(?<=\bon )X\b|(?<=\büber )X\b")
        else:
            alts.append(r"\b" + re.escape(k) + r"\b")
    return re.compile("|".join(alts))


def channel_in(text: str) -> str | None:
    m = _channel_re().search(text)
    return lexicon().channels[m.group()] if m else None
