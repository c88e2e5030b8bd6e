"""Clauses and entity chunks of one sentence.

A sentence is cut into clauses at commas, semicolons, colons and dashes; a piece without any verb
(an apposition, an enumeration) is glued to its neighbour so "Frankreich, Polen und Italien
trafen sich" stays one clause. Within a clause, entity mentions become chunks with the
grammatical role read off the preposition that governs them ("mit X" partner, "auf X" recipient,
"von X" agent, "in X" place, none: subject or object).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache

from lagebild.events.lexicon import Lexicon, load
from lagebild.model import Document, Sentence


@cache
def cue(language: str, name: str) -> frozenset[str]:
    """A grammar cue of the language's lexicon, built once (it is asked per word)."""
    return load(language).cue(name)


SPECIFICITY = {"PER": 4, "ORG": 3, "GPE": 2, "LOC": 1}
BOUNDARY_POS = {"$,", "$(", "$."}
NP_POS = {"ART", "ADJA", "ADJD", "PPOSAT", "CARD", "PIAT", "PDAT", "TRUNC", "ADV"}
COORD = {"und", "sowie", "oder", "and", "or", "&"}
VERB_POS_PREFIX = "V"
CLAUSE_BREAKS = {",", ";", ":", "–", "—", "-"}
CLAUSE_COORD = {"und", "sowie", "aber", "doch", "and", "but"}
FINITE_POS = {"VVFIN", "VAFIN", "VMFIN"}
TRANSPARENT = {"of"}
DETERMINERS = {"ART", "PPOSAT", "PDAT", "PIAT"}
SUBORDINATORS = {"während", "seit", "bis", "als", "nachdem", "weil", "da", "ob"}
TAIL_POS = {"VVPP", "VVINF", "VAINF", "VMINF", "VVIZU", "PTKVZ", "VAPP"}


@dataclass
class Word:
    i: int
    start: int
    end: int
    text: str
    low: str
    lemma: str  # lower case
    pos: str
    entity: str | None = None
    etype: str | None = None


@dataclass
class Chunk:
    entity: str
    etype: str
    i: int  # first word index (sentence-relative)
    j: int  # one past the last word
    role: str = "bare"  # bare / partner / recipient / agent / location / weak / ignore
    group: int = 0  # coordinated chunks share a group
    prep: str | None = None
    # genitive/possessive modifier of a following entity ("Russlands Präsident Putin")
    modifier: bool = False
    # the common noun a prepositional phrase hangs on ("Grenze zu Ägypten"): index or None
    attached: int | None = None


@dataclass
class Clause:
    i: int
    j: int
    words: list[Word]
    chunks: list[Chunk] = field(default_factory=list)

    @property
    def start(self) -> int:
        return self.words[self.i].start

    @property
    def end(self) -> int:
        return self.words[self.j - 1].end

    def span_words(self) -> list[Word]:
        return self.words[self.i:self.j]

    def has(self, vocab: frozenset[str]) -> bool:
        return any(w.low in vocab or w.lemma in vocab for w in self.span_words())


class EntityIndex:
    """Entity mentions sorted by offset, so a sentence finds its mentions quickly."""

    def __init__(self, doc: Document, parties: set[str] | frozenset[str] = frozenset()) -> None:
        spans = []
        self.parties = set(parties)
        for ent in doc.entities:
            # collective actors ("die Polizei") are MISC entities that act like organisations
            etype = "ORG" if ent.id in parties else ent.type
            if etype not in SPECIFICITY:
                continue
            for m in ent.mentions:
                spans.append((m.start, m.end, ent.id, etype))
        spans.sort()
        self.spans = spans

    def in_range(self, start: int, end: int) -> list[tuple[int, int, str, str]]:
        return [s for s in self.spans if s[0] < end and start < s[1]]


def is_verb(w: Word) -> bool:
    return w.pos.startswith(VERB_POS_PREFIX)


def words_of(sent: Sentence, index: EntityIndex) -> list[Word]:
    mentions = index.in_range(sent.start, sent.end)
    words = []
    for k, tok in enumerate(sent.tokens):
        w = Word(k, tok.start, tok.end, tok.text, tok.text.lower(),
                 (tok.lemma or tok.text).lower(), tok.pos)
        best = 0
        for m_start, m_end, ent_id, etype in mentions:
            if m_start < tok.end and tok.start < m_end and m_end - m_start > best:
                best, w.entity, w.etype = m_end - m_start, ent_id, etype
        words.append(w)
    return words


def split_clauses(words: list[Word]) -> list[tuple[int, int]]:
    pieces: list[tuple[int, int]] = []
    start = 0
    for k, w in enumerate(words):
        nxt = words[k + 1] if k + 1 < len(words) else None
        coordinated_verb = w.low in CLAUSE_COORD and nxt is not None and nxt.pos in FINITE_POS \
            and nxt.text[:1].islower()
        if w.entity is None and w.text in CLAUSE_BREAKS or coordinated_verb:
            if k > start:
                pieces.append((start, k))
            start = k + 1
    if start < len(words):
        pieces.append((start, len(words)))
    return _glue(words, pieces)


def _glue(words: list[Word], pieces: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Glue verbless pieces (appositions, dates, enumerations) to the clause before them (or
    the next one at the start), and a bare verb tail ("..., zurückgewiesen") to the clause
    whose auxiliary it completes."""
    merged: list[tuple[int, int]] = []
    pending: int | None = None
    for a, b in pieces:
        body = words[a:b]
        verbless = not any(is_verb(w) and w.text[:1].islower() for w in body)
        tail = len(body) <= 3 and body[0].pos in TAIL_POS
        if merged and (verbless or tail):
            merged[-1] = (merged[-1][0], b)
            continue
        if verbless and b < len(words) and words[b].text == ":" and pending is None:
            merged.append((a, b))  # a label before a colon ("Hurrikan X: USA lehnten ...")
            continue
        if verbless:
            pending = a if pending is None else pending
            continue
        merged.append((a if pending is None else pending, b))
        pending = None
    if pending is not None:
        merged.append((pending, pieces[-1][1]))
    return merged


def _attached_noun(words: list[Word], k: int, lo: int, lex: Lexicon) -> int | None:
    """The common noun right before the preposition at k, if the phrase hangs on it (time
    nouns excepted: "am Montag mit X" is an adverbial and a partner)."""
    if k - 1 < lo:
        return None
    prev = words[k - 1]
    times = lex.cue("time_nouns")
    if prev.entity is None and prev.pos.startswith("N") and prev.text[:1].isupper() and \
            prev.lemma not in times and prev.low not in times:
        return k - 1
    return None


def _source(words: list[Word], m: int, lo: int, lex: Lexicon) -> bool:
    """Word m is a source noun inside an attribution ("nach Angaben", "laut Berichten")."""
    if words[m].low not in lex.cue("source_nouns"):
        return False
    for k in range(m - 1, max(lo, m - 3) - 1, -1):
        if words[k].pos in ("APPR", "APPRART") or words[k].low in {"laut", "nach", "zufolge"}:
            return True
        if words[k].pos not in ("ART", "ADJA", "PPOSAT"):
            return False
    return False


def _nested(words: list[Word], head: int, lo: int) -> bool:
    """The noun at ``head`` is itself inside a prepositional phrase ("an der Grenze zu X")."""
    for k in range(head - 1, max(lo, head - 4) - 1, -1):
        if words[k].pos in ("APPR", "APPRART"):
            return True
        if words[k].pos not in ("ART", "ADJA", "PPOSAT", "CARD", "ADJD"):
            return False
    return False


def _order_noun(w: Word, lex: Lexicon) -> bool:
    """"Befehl", "Anordnung": the entity in its genitive gave the order."""
    nouns = cue(lex.language, "order_nouns")
    return w.low in nouns or w.lemma in nouns


def _role_of(words: list[Word], i: int, lo: int, lex: Lexicon) -> tuple[str, str | None, bool]:
    """Role from the preposition governing the NP that ends at word i-1 ... back to lo.
    Returns (role, preposition, coordinated-with-previous)."""
    preps = lex.grammar["prepositions"]
    k = i - 1
    steps = 0
    while k >= lo and steps < 6:
        w = words[k]
        if w.low in COORD or (w.text == "," and w.entity is None):
            return "coord", None, True
        if w.pos in ("KOUS", "KOUI", "PWAV", "PRELS") or k == lo and w.low in SUBORDINATORS:
            break  # "während die EU ...": a conjunction, not a preposition
        if k == lo and w.low in lex.cue("purpose") and \
                any(x.pos == "PTKZU" for x in words[lo:lo + 15]):
            break  # "um Selenskyj zu treffen": the conjunction of a purpose clause
        if lex.language == "en" and w.text[:1].islower() and w.low not in lex.forms and \
                w.low not in TRANSPARENT and not any(w.low in v for v in preps.values()):
            k -= 1  # English tags from a German tagger are unreliable: skip plain words
            steps += 1
            continue
        if w.low in TRANSPARENT and k > lo:
            k -= 1  # "the city of Kharkiv": the head noun's role counts
            steps += 1
            continue
        if w.pos in ("APPR", "APPRART", "APPO", "KOKOM") or any(w.low in v for v in preps.values()):
            head = _attached_noun(words, k, lo, lex)
            # only "von" stands for a genitive ("Vertreter von X"); "Tausende durch Nairobi"
            # is a route, "Kritik seitens X" an agent
            if w.low in cue(lex.language, "genitive_preps") and head is not None:
                if _source(words, head, lo, lex):
                    return "ignore", w.low, False  # "nach Angaben von X"
                k -= 1  # "Vertreter von X" is a genitive: the head noun's role counts
                steps += 1
                continue
            for role, vocab in preps.items():
                if w.low in vocab:
                    return role, w.low, False
            return "ignore", w.low, False
        if w.lemma in lex.cue("time_nouns") or w.low in lex.cue("time_nouns") or w.pos == "CARD":
            break  # "am Montag Sánchez", "am 3. Mai Putin": the PP ends before the entity
        if w.pos.startswith("N") and w.entity is None and _order_noun(w, lex):
            return "agent", w.low, False  # "auf Befehl Moskaus": the one who ordered it
        if w.pos in NP_POS or (w.pos.startswith("N") and w.entity is None):
            if w.pos in DETERMINERS:
                # a determiner opens the noun phrase: only a preposition may come before it
                prev = words[k - 1] if k > lo else None
                if prev is not None and _source(words, k - 1, lo, lex):
                    return "ignore", prev.low, False
                if prev is not None and prev.pos.startswith("N") and _order_noun(prev, lex):
                    return "agent", prev.low, False  # "auf Anordnung der Behörden"
                if prev is not None and prev.low == "seiten" and k - 2 >= lo and \
                        words[k - 2].low == "von":
                    return "agent", "von", False  # "von Seiten der Regierung"
                if prev is None or not (prev.pos in ("APPR", "APPRART") or
                                        any(prev.low in v for v in preps.values())):
                    break
            k -= 1
            steps += 1
            continue
        break
    return "bare", None, False


def chunks_of(words: list[Word], lo: int, hi: int, lex: Lexicon) -> list[Chunk]:
    chunks: list[Chunk] = []
    k = lo
    while k < hi:
        w = words[k]
        if w.entity is None:
            k += 1
            continue
        j = k + 1
        while j < hi and words[j].entity == w.entity:
            j += 1
        chunks.append(Chunk(w.entity, w.etype or "", k, j))
        k = j
    group = 0
    for n, ch in enumerate(chunks):
        role, prep, coord = _role_of(words, ch.i, lo, lex)
        if coord and n > 0 and _adjacent(words, chunks[n - 1], ch):
            ch.role, ch.prep, ch.group = chunks[n - 1].role, chunks[n - 1].prep, chunks[n - 1].group
            continue
        if role == "coord":
            role = "bare"
        group += 1
        post = words[ch.j].low if ch.j < hi else ""
        postpositions = lex.grammar.get("postpositions") or {}
        # "Polen gegenüber der EU": a preposition of the next phrase, not a postposition
        governs_next = ch.j + 1 < hi and (words[ch.j + 1].pos in DETERMINERS or
                                          words[ch.j + 1].entity is not None)
        if role == "bare" and post in postpositions and not governs_next:  # "X zufolge"
            role, prep = str(postpositions[post]), post
        ch.role, ch.prep, ch.group = role, prep, group
        if prep is not None:
            ch.attached = _prep_head(words, ch.i, lo, prep, lex)
    _mark_modifiers(words, chunks)
    _mark_appositions(words, chunks, hi)
    _mark_parent_bodies(words, chunks)
    return chunks


def _mark_parent_bodies(words: list[Word], chunks: list[Chunk]) -> None:
    """"das Büro für Wahlen der Organisation für Sicherheit (OSZE)": a body named by a common
    noun in the genitive right after another body is the one it belongs to, no party of its
    own; its abbreviation in brackets goes with it."""
    for a, b in zip(chunks, chunks[1:], strict=False):
        between = words[a.j:b.i]
        genitive = len(between) == 1 and between[0].low in ("der", "des") and \
            a.role == "bare" and b.role == "bare" and words[b.i].pos in ("NN", "ADJA") and \
            words[a.j - 1].pos != "NE" and not a.modifier
        bracketed = b.entity == a.entity and a.modifier and [w.text for w in between] == ["("]
        if genitive or bracketed:
            b.modifier = True


def _mark_appositions(words: list[Word], chunks: list[Chunk], hi: int) -> None:
    """"Die größte Partei Kenias, die ODM, kritisierte ...": a genitive after a common noun,
    followed by a name between commas, only qualifies the head noun that the name stands for;
    the name is the party."""
    for a, b in zip(chunks, chunks[1:], strict=False):
        h = a.i - 1
        while h > 0 and words[h].pos in ("ART", "ADJA") and words[h].entity is None:
            h -= 1  # "der Sprecher des russischen Außenministeriums, X, ..."
        head = words[h] if h >= 0 and h < a.i else None
        between = words[a.j:b.i]
        # the head noun may be a title of the apposition's person ("Sprecher ..., X,")
        genitive = head is not None and head.entity in (None, b.entity) and \
            head.pos == "NN" and head.text[:1].isupper()
        framed = bool(between) and between[0].text == "," and \
            all(w.pos in DETERMINERS for w in between[1:]) and \
            (b.j >= hi or words[b.j].text in (",", "(", "–"))
        if genitive and framed and a.role == "bare" and not a.modifier:
            a.modifier = True
            b.role, b.prep = "bare", None


def _prep_head(words: list[Word], i: int, lo: int, prep: str, lex: Lexicon) -> int | None:
    """The noun a nested prepositional phrase hangs on, or None."""
    for k in range(i - 1, max(lo, i - 7) - 1, -1):
        if words[k].low == prep:
            head = _attached_noun(words, k, lo, lex)
            return head if head is not None and _nested(words, head, lo) else None
    return None


def _adjacent(words: list[Word], a: Chunk, b: Chunk) -> bool:
    """b follows a with only a coordinator/comma and NP material between them."""
    between = words[a.j:b.i]
    return len(between) <= 5 and all(w.low in COORD or w.text == "," or w.pos in NP_POS or
                                     w.pos.startswith("N") for w in between)


def _mark_modifiers(words: list[Word], chunks: list[Chunk]) -> None:
    """In "Russlands Präsident Putin" or "der russische Außenminister Lawrow" keep the most
    specific entity: a chunk followed within its noun phrase by another entity is a modifier."""
    for a, b in zip(chunks, chunks[1:], strict=False):
        between = words[a.j:b.i]
        if len(between) > 3:
            continue
        head = words[a.j - 1]
        genitive = head.low.endswith("s") or head.text[:1].islower() or "-" in head.text
        if genitive and len(between) <= 2 and \
                all(w.pos.startswith("N") or w.pos == "ADJA" for w in between) and \
                not any(w.low in COORD for w in between):
            if SPECIFICITY.get(b.etype, 0) >= SPECIFICITY.get(a.etype, 0):
                a.modifier = True
            else:
                b.modifier = True
                b.role = a.role


def build_clauses(words: list[Word], lex: Lexicon) -> list[Clause]:
    clauses = []
    for a, b in split_clauses(words):
        clause = Clause(a, b, words)
        clause.chunks = chunks_of(words, a, b, lex)
        clauses.append(clause)
    return clauses
