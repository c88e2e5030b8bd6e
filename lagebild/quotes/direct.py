"""Direct quotes: quotation marks paired in a paragraph, then attributed.

Marks are classified by flanking (an opener has space before and text after, a closer the
reverse), so German „…“, English “…”, ASCII "…", »…«, «…» and ‚…‘ all pair, also mixed as
scraped pages mix them. An opener that never closes runs to the next opener or the end of the
paragraph. Short unattributed quoted words are scare quotes or names, not quotes.
"""

from __future__ import annotations

from dataclasses import dataclass

from lagebild.quotes.attribution import (
    Attribution,
    after_quote,
    before_colon,
    in_sentence,
    subject_of,
)
from lagebild.quotes.cues import speech_verb
from lagebild.quotes.lexicon import lexicon
from lagebild.quotes.units import QUOTE_CHARS, Paragraph, Tok

ALWAYS_OPEN = frozenset("„‚")
SINGLE = frozenset("‚‘’›‹")
LEFT_SPACE = frozenset("([{/–—-")
RIGHT_SPACE = frozenset(",.;:!?)]}…–—-")
MIN_UNATTRIBUTED_WORDS = 4
MIN_ATTRIBUTED_WORDS = 2
MIN_PARTIAL_WORDS = 3  # a quoted phrase inside a sentence with a speech verb


@dataclass
class Found:
    """A quote before speaker resolution."""

    kind: str
    start: int
    end: int
    attribution: Attribution | None
    region: tuple[int, int]  # characters where the channel may be named
    toks: tuple[int, int]  # token range of the quoted material in the paragraph
    partial: bool = False  # quoted words inside a sentence whose speech verb is elsewhere


def _flank(text: str, t: Tok, para: Paragraph) -> str:
    """'open', 'close' or '?' for a quotation mark token."""
    if t.text in ALWAYS_OPEN:
        return "open"
    prev = text[t.start - 1] if t.start > para.start else " "
    nxt = text[t.end] if t.end < min(para.end, len(text)) else " "
    left = prev.isspace() or prev in LEFT_SPACE or t.start == para.start
    right = nxt.isspace() or nxt in RIGHT_SPACE or t.end >= para.end
    if left and not right:
        return "open"
    if right and not left:
        return "close"
    if t.text in SINGLE:
        return "none"  # apostrophes inside words, isolated single marks
    return "?"


def pair_marks(text: str, para: Paragraph) -> list[tuple[int | None, int | None]]:
    """(opener, closer) token index pairs; None where a mark is missing."""
    spans: list[tuple[int | None, int | None]] = []
    open_i: int | None = None
    open_single = False
    for i, t in enumerate(para.toks):
        if t.text not in QUOTE_CHARS:
            continue
        single = t.text in SINGLE
        role = _flank(text, t, para)
        if role == "none" or single and open_i is not None and not open_single:
            continue  # nested single quotes stay inside the outer quote
        if role == "?":
            role = "close" if open_i is not None else "open"
        if role == "open":
            if open_i is not None:
                spans.append((open_i, None))  # the previous quote never closed
            open_i, open_single = i, single
        elif open_i is not None:
            if single != open_single:
                continue
            spans.append((open_i, i))
            open_i = None
        elif not single:
            spans.append((None, i))  # a closer whose opener the page lost
    if open_i is not None:
        spans.append((open_i, None))
    return spans


def _words(toks: list[Tok]) -> int:
    return sum(1 for t in toks if t.is_word)


def _is_title(toks: list[Tok], o: int) -> bool:
    """'das Buch „…“', 'die Operation „…“', 'sogenannte „…“'."""
    if o == 0:
        return False
    prev = toks[o - 1].low.rstrip("-")
    lex = lexicon()
    return prev in lex.title_nouns or any(prev.endswith(n) for n in lex.title_nouns if len(n) > 5)


FUNCTION_WORDS = frozenset({"und", "der", "die", "das", "des", "dem", "den", "für", "von", "am",
                            "im", "in", "an", "zur", "zum", "mit", "eines", "einer", "ein", "e.v",
                            "of", "the", "and", "for", "on", "de", "la", "le", "du"})


def _looks_like_speech(toks: list[Tok]) -> bool:
    """A clause, not a name: a finite verb, or a lower-case content word with end punctuation."""
    if any(t.is_finite for t in toks):
        return True
    return _has_lower_content(toks) and any(t.text in {".", "!", "?"} for t in toks[-2:])


def _has_lower_content(toks: list[Tok]) -> bool:
    """Names and titles ("Kampagne für ein Freies Tibet") have no lower-case content word."""
    return any(t.is_word and t.text[:1].islower() and t.low not in FUNCTION_WORDS for t in toks)


def find_direct(text: str, para: Paragraph, lead: Attribution | None = None) -> list[Found]:
    """Direct quotes of one paragraph; ``lead`` is the attribution of a previous paragraph that
    ended with a colon ("Sie sagte:" followed by the quote as its own paragraph)."""
    toks = para.toks
    spans = pair_marks(text, para)
    found: list[Found] = []
    prev_end = 0
    k = 0
    while k < len(spans):
        o, c = spans[k]
        nxt_open = spans[k + 1][0] if k + 1 < len(spans) else None
        a = o + 1 if o is not None else prev_end
        b = c if c is not None else _unclosed_end(toks, para, o, nxt_open)
        k += 1
        if b <= a or _words(toks[a:b]) == 0:
            continue
        limit = _attribution_limit(toks, c, nxt_open)
        attr = after_quote(toks, c + 1, limit) if c is not None and _punctuated(toks, c) \
            else None
        if o is None and attr is None:
            continue  # a stray closing mark without attribution
        last = b
        # „A“, sagte X, „B“: one quote interrupted by its attribution
        if attr is not None and nxt_open is not None and k < len(spans):
            gap = toks[c + 1:nxt_open] if c is not None else []
            if gap and all(t.text not in {".", "!", "?"} for t in gap) \
                    and gap[-1].text in {",", ":"}:
                _, c2 = spans[k]
                last = c2 if c2 is not None else len(toks)
                k += 1
        s0, s1 = para.sentence_of(a if o is None else o)
        if attr is None and o is not None and o > 0:
            attr = _before(toks, o, para)
        if attr is None and o == 0 and lead is not None:
            attr, lead = lead, None
        n_words = _words(toks[a:last])
        partial = False
        if attr is None and last < len(toks):
            attr = _follow_up(toks, last, para)
        if attr is None:
            if n_words >= MIN_PARTIAL_WORDS and _has_lower_content(toks[a:last]):
                attr = in_sentence(toks, a, last, s0, para.sentence_of(last - 1)[1])
                partial = attr is not None
            if attr is None and (n_words < MIN_UNATTRIBUTED_WORDS or o is not None
                                 and _is_title(toks, o) or not _looks_like_speech(toks[a:last])):
                prev_end = last + 1
                continue
        elif n_words < MIN_ATTRIBUTED_WORDS:
            prev_end = last + 1
            continue
        start, end = toks[a].start, toks[last - 1].end
        region_end = toks[min(limit, len(toks)) - 1].end
        region_start = toks[s0].start
        found.append(Found("direct", start, end, attr, (region_start, region_end), (a, last),
                           partial))
        prev_end = last + 1
    return found


FOLLOW_UP_STARTS = frozenset({"das", "dies", "so", "diese", "dieses", "this", "that"})


def _follow_up(toks: list[Tok], last: int, para: Paragraph) -> Attribution | None:
    """'„…“ Das sagte X am Montag.': the next sentence names the speaker of the quote."""
    k = last + 1 if last < len(toks) and toks[last].text in QUOTE_CHARS else last
    if k < len(toks) and toks[k].text in {".", "!", "?"}:
        k += 1  # „…“. Das räumte X ein.
    if k >= len(toks) or toks[k].low not in FOLLOW_UP_STARTS:
        return None
    s0, s1 = para.sentence_of(k)
    if s0 != k and not (s0 < k and all(t.text in QUOTE_CHARS for t in toks[s0:k])):
        return None
    for v in range(k + 1, min(s1, k + 3)):
        cue = speech_verb(toks, v, s1)
        if cue is not None and toks[v].is_finite:
            return Attribution(cue, subject_of(toks, v, k, s1), v, toks[v].low.endswith("en"),
                               {v})
        if toks[v].pos in {"VMFIN", "VAFIN"}:
            # "Das musste X einräumen" / "Das hat X gesagt": the cue closes the clause
            for j in range(s1 - 1, v, -1):
                cue = speech_verb(toks, j, s1) if toks[j].pos in {"VVINF", "VVPP"} else None
                if cue is not None:
                    return Attribution(cue, subject_of(toks, v, k, s1), j,
                                       toks[v].low.endswith("en"), {j})
            return None
    return None


def colon_lead(para: Paragraph) -> Attribution | None:
    """The attribution of a paragraph that ends with a colon, for the quote that follows."""
    toks = para.toks
    if not toks or toks[-1].text != ":":
        return None
    return _before(toks + [toks[-1]], len(toks), para)


def _punctuated(toks: list[Tok], c: int) -> bool:
    """'„…“, sagte X' and '"…," he said' need a comma (or end punctuation) at the closer;
    '„…“ beantragte' is a quoted phrase inside a sentence."""
    before = toks[c - 1].text if c > 0 else ""
    after = toks[c + 1].text if c + 1 < len(toks) else ""
    return after in {",", "–", "—"} or before in {",", ".", "!", "?", "…", "..."}


def _unclosed_end(toks: list[Tok], para: Paragraph, o: int | None,
                  nxt_open: int | None) -> int:
    """Where a quote whose closing mark is lost ends: a quote opened inside a sentence ends
    with it; one that opens a sentence runs to the next opener or the paragraph end."""
    end = nxt_open if nxt_open is not None else len(toks)
    if o is None:
        return end
    s0, s1 = para.sentence_of(o)
    prev = toks[o - 1].text if o > s0 else ""
    if o > s0 and prev not in {":", "(", "–", "—", "-"}:
        return min(end, s1)
    return end


def _attribution_limit(toks: list[Tok], c: int | None, nxt_open: int | None) -> int:
    """Attribution after a closer ends with its sentence (a quoted name may sit inside it:
    'sagte ein Sprecher der „Stadtwerke“'), or at the next quote that opens a sentence."""
    if c is None:
        return len(toks)
    for j in range(c + 1, len(toks)):
        if toks[j].text in {".", "!", "?"}:
            return j
        if j == nxt_open and toks[j - 1].text in {":", ".", "!", "?"}:
            return j
    return len(toks)


def _before(toks: list[Tok], o: int, para: Paragraph) -> Attribution | None:
    prev = toks[o - 1]
    s0 = para.sentence_of(o - 1)[0]
    # the clause before the colon may sit after an earlier quote in the same sentence
    for j in range(o - 2, s0 - 1, -1):
        if toks[j].text in QUOTE_CHARS or toks[j].text in {".", "!", "?"}:
            s0 = j + 1
            break
    if prev.text == ":":
        return before_colon(toks, o - 1, s0)
    if prev.text == "," and o >= 2:
        lex = lexicon()
        for v in range(o - 2, max(s0, o - 6) - 1, -1):
            if toks[v].low in lex.english_verbs:  # He said, "…"
                return Attribution(toks[v].text, subject_of(toks, v, s0, o - 1), v, False, {v})
    return None
