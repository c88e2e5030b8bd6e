"""Reported speech: dass- and Konjunktiv clauses governed by speech verbs and nouns, and the
prepositional attributions "laut X", "X zufolge", "nach Angaben von X", "wie X sagte",
"heißt es in …" and "according to X".
"""

from __future__ import annotations

from lagebild.quotes.attribution import (
    Attribution,
    heisst_es,
    past_particles,
    subject_of,
    zufolge_phrase,
)
from lagebild.quotes.cues import is_konjunktiv, is_zu_infinitive, speech_verb
from lagebild.quotes.direct import Found
from lagebild.quotes.lexicon import lexicon
from lagebild.quotes.speaker import Phrase, np_ending_at, np_from
from lagebild.quotes.units import QUOTE_CHARS, Paragraph, Tok

COMPLEMENTISERS = frozenset({"dass", "daß", "ob", "that"})
SENT_END = frozenset({".", "!", "?"})
MIN_CLAUSE_WORDS = 3
# relative pronouns that cannot be articles: ", nach denen …", ", laut welchem …"
RELATIVE_SOURCES = frozenset({"denen", "deren", "dessen", "welchem", "welcher", "welchen"})


def _words(toks: list[Tok]) -> int:
    return sum(1 for t in toks if t.is_word)


def _clause_has_konjunktiv(toks: list[Tok], a: int, b: int) -> bool:
    return any(is_konjunktiv(t) for t in toks[a:b])


def _reported_end(toks: list[Tok], a: int, s1: int, blocked: set[int]) -> int:
    """The reported clause runs to the sentence end, or to the next attribution ", sagte X"."""
    end = s1
    while end > a and toks[end - 1].text in SENT_END | QUOTE_CHARS:
        end -= 1
    for j in range(a + 1, end - 1):
        if toks[j].text == "," and j + 1 not in blocked and (
                toks[j + 1].pos in {"VVFIN", "VAFIN", "VMFIN", "VVINF", "VAINF"}
                and not is_konjunktiv(toks[j + 1]) and _has_finite(toks, a, j)
                or toks[j + 1].low in {"so", "wie"} and j + 2 < s1
                and toks[j + 2].pos in {"NE", "ART", "PPER", "NN"}):
            return j
    return end


def _start_after_clause(toks: list[Tok], s0: int, s1: int, i: int) -> int:
    """First token after the comma that closes the phrase/clause at i (sentence-initial)."""
    for j in range(i, s1):
        if toks[j].text == ",":
            return j + 1
        if toks[j].is_finite and j > i:
            return j
    return s1


def find_indirect(para: Paragraph, blocked: set[int], language: str = "de") -> list[Found]:
    """Reported clauses in each sentence; ``blocked`` token indices are direct-quote material."""
    found: list[Found] = []
    for s0, s1 in para.sentences:
        found.extend(_sentence(para.toks, s0, s1, blocked))
        if language == "en" and not any(toks_in(f, s0, s1) for f in found):
            found.extend(_english(para.toks, s0, s1, blocked))
    return found


def toks_in(f: Found, s0: int, s1: int) -> bool:
    return s0 <= f.toks[0] < s1


# English reported speech has no comma or subjunctive to mark it: "Lavrov said (that) Moscow
# rejected …", "… , Lavrov said." The object of "told" comes first ("told reporters that …").
_EN_TELL = frozenset({"told", "tell", "tells"})
_EN_SKIP = frozenset({"on", "in", "at", "during", "after", "before", "late", "earlier", "later",
                      "yesterday", "today", "tonight", "also", "again", "then", "recently"})


def _english(toks: list[Tok], s0: int, s1: int, blocked: set[int]) -> list[Found]:
    lex = lexicon()
    end = s1
    while end > s0 and toks[end - 1].text in SENT_END | QUOTE_CHARS:
        end -= 1
    for i in range(s0, end):
        t = toks[i]
        if i in blocked or t.low not in lex.english_verbs or not t.text.islower():
            continue
        if i + 1 >= end and i > s0 + 2:  # "…, Lavrov said."
            comma = next((j for j in range(i - 1, max(s0, i - 7), -1) if toks[j].text == ","),
                         None)
            if comma is not None and _words(toks[s0:comma]) >= MIN_CLAUSE_WORDS:
                return [_found(toks, s0, comma, _verb_attr(toks, i, comma + 1, s1, t.text),
                               s0, s1)]
            continue
        k = _english_content_start(toks, i, end)
        if k is not None and _words(toks[k:end]) >= MIN_CLAUSE_WORDS and \
                not any(j in blocked for j in range(k, end)) and toks[k].text not in QUOTE_CHARS:
            return [_found(toks, k, end, _verb_attr(toks, i, s0, i, t.text), s0, s1)]
    return []


def _english_content_start(toks: list[Tok], i: int, end: int) -> int | None:
    """Where the reported clause after an English speech verb begins, else None."""
    window = range(i + 1, min(end, i + 9))
    that = next((j for j in window if toks[j].low == "that"), None)
    if that is not None and all(toks[j].text not in {",", ";", ":"} for j in range(i + 1, that)):
        return that + 1
    k = i + 1
    if toks[i].low in _EN_TELL:
        return None  # "told reporters the talks …": without "that" the object's end is unclear
    if k < end and (toks[k].low in _EN_SKIP or toks[k].text in {",", ":", ";"}):
        return None  # "said on Tuesday", "said, …": no bare clause follows
    return k if k < end and toks[k].is_word else None


def _found(toks: list[Tok], a: int, b: int, attr: Attribution, s0: int, s1: int) -> Found:
    return Found("indirect", toks[a].start, toks[b - 1].end, attr,
                 (toks[s0].start, toks[s1 - 1].end), (a, b))


def _sentence(toks: list[Tok], s0: int, s1: int, blocked: set[int]) -> list[Found]:
    out: list[Found] = []
    taken: list[tuple[int, int]] = []

    def free(a: int, b: int) -> bool:
        inside = sum(1 for i in range(a, b) if i in blocked)
        overlaps = any(a < tb and ta < b for ta, tb in taken)
        return inside * 2 < (b - a) and not overlaps

    def add(a: int, b: int, attr: Attribution) -> None:
        if b > a and _words(toks[a:b]) >= MIN_CLAUSE_WORDS and free(a, b):
            out.append(_found(toks, a, b, attr, s0, s1))
            taken.append((a, b))

    lex = lexicon()
    for i in range(s0, s1):
        if i in blocked:
            continue
        t = toks[i]
        # A: "X sagte (…), dass/ob …" and "X sagte, die Lage sei …"
        cue = speech_verb(toks, i, s1) if t.pos != "$(" else None
        if cue is not None:
            weak = t.lemma in lex.weak_verbs and " " not in cue
            attr = _verb_attr(toks, i, _clause_start(toks, s0, i), s1, cue)
            # the complement follows the subject and its apposition: "sagte X, Chef der Y, dass"
            after_subject = i
            if attr.phrase is not None and attr.phrase.start > t.start:
                after_subject = max(i, _index_after(toks, attr.phrase) - 1)
            comma = _governed_comma(toks, after_subject, s1)
            if comma is not None and _complement(toks, comma + 1, s1, weak):
                add(comma + 1, _reported_end(toks, comma + 1, s1, blocked), attr)
                continue
            # B: "…, sagte X." / "…, gab X bekannt."
            if i > s0 and toks[i - 1].text == "," and t.is_finite and not weak:
                a = _clause_start(toks, s0, i - 1)
                # "Wie X berichtet, informierte Y …": an adverbial clause is not the content
                if _has_verb(toks, a, i - 1) and toks[a].pos not in {"KOUS", "KOKOM"} \
                        and toks[a].low not in {"wie", "als", "da", "wenn", "nachdem"}:
                    add(a, i - 1, _verb_attr(toks, i, i, s1, cue))
                continue
        if t.lemma == "heißen" and i + 1 < s1 and toks[i + 1].low == "es":
            attr = heisst_es(toks, i, s1)
            if i > s0 and toks[i - 1].text == ",":
                a = _clause_start(toks, s0, i - 1)
                add(a, i - 1, attr)
            else:
                comma = _governed_comma(toks, i, s1)
                if comma is not None:
                    add(comma + 1, _reported_end(toks, comma + 1, s1, blocked), attr)
            continue
        # "…, so X." / "…, so X, …" / "…, so schätzen die Forscher, …"
        if t.low == "so" and i > s0 + 2 and toks[i - 1].text == "," and i + 1 < s1:
            _so_attribution(toks, i, s0, s1, add)
            continue
        # D: "die Erklärung, dass …" (nouns of speech with a dass-clause)
        if (t.low in lex.speech_nouns or t.lemma.lower() in lex.speech_nouns) \
                and t.pos == "NN" and i + 2 < s1 \
                and toks[i + 1].text == "," and _complement(toks, i + 2, s1, False):
            phrase = _noun_owner(toks, i, s1)
            add(i + 2, _reported_end(toks, i + 2, s1, blocked), Attribution(t.text, phrase, i))
    # prepositional attributions last: a verb-governed clause in the same sentence is better
    for i in range(s0, s1):
        if i not in blocked:
            _prepositional(toks, i, s0, s1, add)
    return out


def _complement(toks: list[Tok], k: int, s1: int, weak: bool) -> bool:
    """Is the clause at k reported content: dass/ob, Konjunktiv, or a zu-infinitive?"""
    if k >= s1:
        return False
    if toks[k].low in COMPLEMENTISERS:
        return True
    stop = _clause_stop(toks, k, s1)
    if toks[k].pos in {"PRELS", "KOUS", "PWAV", "KON"} and toks[k].low not in {"wie", "was"}:
        return False  # a relative clause or another subordinate clause
    if k + 1 < s1 and toks[k].pos in {"APPR", "APPRART"} and (
            toks[k + 1].pos == "PRELS" or toks[k + 1].low in RELATIVE_SOURCES):
        return False  # ", nach denen …": a relative clause too
    # weak verbs ("glauben", "hoffen") take the same complements; only the inversion
    # pattern "…, glaubt er" is kept from them
    del weak
    if _clause_has_konjunktiv(toks, k, stop) or is_zu_infinitive(toks, k, stop):
        return True
    if not _has_finite(toks, k, stop) and stop + 2 < s1 and toks[stop].text == ",":
        # "…, in den Ländern, in denen X gilt, sei …": a fronted phrase with its relative
        # clause; the reported verb follows the relative clause
        r = stop + 1
        if toks[r].pos == "PRELS" or toks[r].pos in {"APPR", "APPRART"} \
                and toks[r + 1].pos == "PRELS":
            nxt = _clause_stop(toks, r, s1)
            if nxt + 1 < s1 and toks[nxt].text == ",":
                return _clause_has_konjunktiv(toks, nxt + 1, _clause_stop(toks, nxt + 1, s1))
    return False


def _so_attribution(toks: list[Tok], i: int, s0: int, s1: int, add) -> None:  # type: ignore[no-untyped-def]
    j = i + 1
    verb = None
    if j < s1 and speech_verb(toks, j, s1) is not None:
        verb, j = j, j + 1
    phrase = np_from(toks, j, s1)
    if phrase is None:
        return
    after = j + len(phrase.toks)
    while after < s1 and toks[after].pos in {"ADV", "ADJD"}:
        after += 1
    attr = Attribution("so" if verb is None else f"so {toks[verb].text}", phrase, i)
    if after >= s1 - 1 or toks[after].text in SENT_END:
        add(_clause_start(toks, s0, i - 1), i - 1, attr)
    elif toks[after].text == ",":
        add(_clause_start(toks, s0, i - 1), _trim_end(toks, s1), attr)


def _prepositional(toks: list[Tok], i: int, s0: int, s1: int, add) -> None:  # type: ignore[no-untyped-def]
    """C: laut X / X zufolge / nach Angaben von X / wie X sagte / according to X."""
    t = toks[i]
    lex = lexicon()
    phrase: Phrase | None = None
    cue: str | None = None
    span_end = i + 1
    if t.low in {"demnach", "demzufolge"} and i == s0 and i + 1 < s1 and toks[i + 1].is_finite:
        # "Demnach sei/habe …": news convention for "according to it" -- the sentence goes on
        # reporting the source named before (the document or its previous speaker)
        add(i + 1, _trim_end(toks, s1), Attribution(t.text, None, i, fallback_previous=True))
        return
    if t.low in {"laut", "gemäß", "nach"} and s0 < i < s1 - 2 and toks[i - 1].text == "," \
            and toks[i + 1].low in RELATIVE_SOURCES:
        # "Studien der Universität, nach denen …": the relative pronoun stands for the source
        antecedent = np_ending_at(toks, i - 1, s0)
        if antecedent is not None:
            antecedent.rel = toks[i + 1]
        attr = Attribution(f"{t.text} {toks[i + 1].text}", antecedent, i)
        add(i + 2, _trim_end(toks, s1), attr)
        return
    if t.low in {"laut", "gemäß"} and t.pos in {"APPR", "ADJD", "ADV"} and i + 1 < s1:
        phrase = _owner_np(toks, i + 1, s1)
        cue = t.text
    elif t.low == "zufolge":
        phrase = zufolge_phrase(toks, i, s0)
        cue = t.text
        if phrase is not None and phrase.toks[0].low in lex.according_nouns:
            rest = [x for x in phrase.toks[1:] if x.low not in {"von", "vom"}]
            phrase = Phrase(rest) if rest else None
    elif t.low == "nach" and _postposed_according(toks, i, s0) is not None:
        # "Seiner Ansicht nach sei …", "Ihren Angaben nach …": the owner is the source
        k = _postposed_according(toks, i, s0)
        assert k is not None
        attr = Attribution(f"{toks[i - 1].text} nach", Phrase(toks[k:i]), i)
        if k == s0:
            add(i + 1, _trim_end(toks, s1), attr)
        else:
            add(s0, _trim_end(toks, s1), attr)
        return
    elif t.low == "nach" and i + 1 < s1:
        j = i + 1
        while j < s1 and toks[j].pos in {"ADJA", "PPOSAT", "ART"}:
            j += 1
        if j < s1 and _according(toks[j].low):
            cue = f"{t.text} {toks[j].text}"
            nxt = j + 1
            if nxt < s1 and toks[nxt].low in {"von", "vom", "aus"}:
                phrase = np_from(toks, nxt + 1, s1)
            elif nxt < s1 and toks[nxt].pos in {"ART", "NE", "ADJA", "PPOSAT"}:
                phrase = np_from(toks, nxt, s1)  # "nach Angaben libanesischer Kreise"
            elif toks[j].low not in lex.according_nouns:
                phrase = Phrase([toks[j]])  # "Nach Polizeiangaben": the compound names the source
            elif j > i + 1 and toks[i + 1].low.startswith("eigen"):
                phrase = _own_subject(toks, s0, s1)  # "nach eigenen Angaben": the subject
            elif j > i + 1:
                phrase = Phrase(toks[i + 1:j + 1])  # "nach palästinensischen Angaben"
    elif t.low == "according" and i + 1 < s1 and toks[i + 1].low == "to":
        phrase = np_from(toks, i + 2, s1)
        cue = "according to"
    elif t.low == "wie" and i + 2 < s1 and (i == s0 or toks[i - 1].text == ","):
        _wie_clause(toks, i, s0, s1, add)
        return
    if cue is None:
        return
    if phrase is not None:
        span_end = max(span_end, _index_after(toks, phrase))
    attr = Attribution(cue, phrase, i)
    if i == s0 or i == s0 + 1 and toks[s0].text in QUOTE_CHARS:
        a = span_end
        if a < s1 and toks[a].text == ",":
            a += 1
        add(a, _trim_end(toks, s1), attr)
    elif t.low == "zufolge" and phrase is not None and toks[s0].start == phrase.start:
        add(i + 1, _trim_end(toks, s1), attr)
    else:
        add(s0, _trim_end(toks, s1), attr)


def _own_subject(toks: list[Tok], s0: int, s1: int) -> Phrase | None:
    """Whose are 'eigene Angaben'? The subject of the clause's finite verb."""
    for f in range(s0, s1):
        if toks[f].is_finite:
            return subject_of(toks, f, s0, s1)
    return None


def _postposed_according(toks: list[Tok], i: int, s0: int) -> int | None:
    """Start of 'seiner Ansicht' before a postposed 'nach' at i: a possessive and an
    according noun ("seiner Meinung nach"), else None."""
    if i - 2 < s0 or toks[i - 1].low not in lexicon().according_nouns:
        return None
    k = i - 2
    while k > s0 and toks[k].pos == "ADJA":
        k -= 1
    return k if toks[k].pos == "PPOSAT" else None


def _according(word: str) -> bool:
    """'Angaben', and compounds like 'Polizeiangaben', 'Medienberichten'."""
    nouns = lexicon().according_nouns
    return word in nouns or any(word.endswith(n) for n in nouns if len(n) >= 6)


def _index_after(toks: list[Tok], phrase: Phrase) -> int:
    last = phrase.toks[-1]
    for j, t in enumerate(toks):
        if t is last:
            return j + 1
    return 0


def _trim_end(toks: list[Tok], s1: int) -> int:
    end = s1
    while end > 0 and toks[end - 1].text in SENT_END | QUOTE_CHARS:
        end -= 1
    return end


def _wie_clause(toks: list[Tok], i: int, s0: int, s1: int, add) -> None:  # type: ignore[no-untyped-def]
    """'Wie das Ministerium mitteilte, …' / '…, wie Peskow sagte.'"""
    end = i + 1
    while end < s1 and toks[end].text != "," and not (end == s1 - 1 and toks[end].pos == "$."):
        end += 1
    v = end - 1
    cue = None
    for j in range(end - 1, i, -1):
        cue = speech_verb(toks, j, end)
        if cue is not None:
            v = j
            break
    if cue is None:
        return
    if end >= s1 - 1 and i == s0 and v + 2 < s1 and toks[v + 1].is_finite:
        # "Wie die Sender berichten sind …": the comma after the verb is missing
        add(v + 1, _trim_end(toks, s1), Attribution(cue, np_from(toks, i + 1, v), v))
        return
    # "Wie bereits die Behörde mitteilte": a particle before the subject
    attr = Attribution(cue, np_from(toks, past_particles(toks, i + 1, v), v), v)
    if i == s0:
        add(end + 1 if end < s1 and toks[end].text == "," else end, _trim_end(toks, s1), attr)
    else:
        add(s0, i - 1, attr)


def _owner_np(toks: list[Tok], i: int, s1: int) -> Phrase | None:
    """'laut einem Bericht der Zeitung X' -> the paper; 'laut Peskow' -> Peskow."""
    phrase = np_from(toks, i, s1)
    if phrase is None:
        return None
    lex = lexicon()
    for k, t in enumerate(phrase.toks):
        if t.low in lex.speech_nouns and k + 1 < len(phrase.toks):
            return Phrase(phrase.toks[k + 1:])
    return phrase


def _noun_owner(toks: list[Tok], i: int, s1: int) -> Phrase | None:
    """The author of 'seine Erklärung' / 'die Erklärung des Ministeriums' (before the comma)."""
    if i + 2 < s1 and toks[i + 1].low in {"des", "der", "eines", "einer"}:
        return np_from(toks, i + 1, s1)  # "die Erklärung des Ministeriums, dass"
    # "X ist der Ansicht, dass" / "X bekräftigte seine Forderung, dass": the clause's subject
    s0 = i
    while s0 > 0 and toks[s0 - 1].sent == toks[i].sent and toks[s0 - 1].text not in {",", ";"}:
        s0 -= 1
    for f in range(s0, i):
        if toks[f].is_finite:
            return subject_of(toks, f, s0, i)
    return None


def _verb_attr(toks: list[Tok], v: int, lo: int, hi: int, cue: str) -> Attribution:
    """The attribution of a cue verb; its subject is looked for in [lo, hi) only, never in
    the reported clause."""
    return Attribution(cue, subject_of(toks, v, lo, hi), v,
                       toks[v].is_finite and toks[v].low.endswith("en"), {v})


def _clause_start(toks: list[Tok], s0: int, v: int) -> int:
    for j in range(v - 1, s0 - 1, -1):
        if toks[j].text == ":" and j + 1 < len(toks) and toks[j + 1].text.isdigit():
            continue  # "15:36 Uhr"
        if toks[j].text in {":", ";"}:
            return j + 1
    return s0


def _clause_stop(toks: list[Tok], k: int, s1: int) -> int:
    for j in range(k, s1):
        if toks[j].text in {",", ";", ":"} and j > k + 1:
            return j
    return s1


def _has_finite(toks: list[Tok], a: int, b: int) -> bool:
    return any(t.is_finite for t in toks[a:b])


def _has_verb(toks: list[Tok], a: int, b: int) -> bool:
    """A clause: some verb form (the tagger has no context, so "werden" may come out VAINF)."""
    return any(t.pos.startswith("V") for t in toks[a:b])


def _governed_comma(toks: list[Tok], v: int, s1: int) -> int | None:
    """The comma that closes the cue verb's clause (no other finite verb in between)."""
    for j in range(v + 1, s1 - 1):
        t = toks[j]
        if t.text == ",":
            return j
        if t.is_finite or t.text in {".", ";", ":"} or t.text in QUOTE_CHARS:
            return None
    return None
