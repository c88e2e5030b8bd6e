"""Speaker phrases: find the noun phrase that speaks and turn it into an entity id.

Resolution order: an entity mention covering the phrase (names, and role nouns the entities
stage resolved) -> pronouns and definite role nouns to the nearest compatible preceding person
-> institutions and groups, unnamed speakers and uncovered names become entities of their own.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from dataclasses import dataclass

from lagebild.model import Document, Entity, Sentence, Span
from lagebild.quotes.lexicon import lexicon, noun_class
from lagebild.quotes.units import QUOTE_CHARS as QUOTE_MARKS
from lagebild.quotes.units import Tok

NP_POS = frozenset({"PDS", "ART", "ADJA", "NN", "NE", "PPOSAT", "PDAT", "PIAT", "CARD", "TRUNC",
                    "FM", "XY", "PIDAT"})
HEAD_POS = frozenset({"NN", "NE", "FM", "XY"})
NOM_PRONOUNS = frozenset({"er", "sie", "wir", "ich", "man", "he", "she", "they", "we", "i"})
GENITIVE_ARTS = frozenset({"des", "der", "eines", "einer"})
DEFINITE = frozenset({"der", "die", "das", "des", "dem", "den", "the"})
AFFILIATION = frozenset({"von", "vom", "aus"})
TIME_WORDS = frozenset({"montag", "dienstag", "mittwoch", "donnerstag", "freitag", "samstag",
                        "sonntag", "anfang", "ende", "mitte", "beginn"})
ACADEMIC_TITLES = frozenset({"Prof.", "Dr.", "Professor", "Professorin"})
SPEAKER_BONUS = 150  # characters
SUBJECT_BONUS = 80
EN_DETS = frozenset({"the", "a", "an", "his", "her", "their", "its"})


@dataclass
class Phrase:
    """A speaker phrase: token range [a, b) in a paragraph's token list."""

    toks: list[Tok]
    # a relative pronoun that stands for this phrase and is the speaker in the text
    # ("die Ministerin, die betonte, …"): it becomes a mention of the speaker as well
    rel: Tok | None = None
    coordinated: bool = False  # "die Agentur X und der Sender Y": several speak together

    @property
    def start(self) -> int:
        return self.toks[0].start

    @property
    def end(self) -> int:
        return self.toks[-1].end


CLOSED = frozenset({"$,", "$.", "$(", "APPR", "APPRART", "APPO", "KON", "KOUS", "KOKOM", "ADV",
                    "PAV", "PROAV", "PWAV", "PTKNEG", "PTKVZ", "VVFIN", "VAFIN", "VMFIN", "PRF",
                    "PRELS", "PWS", "PIS", "PPER", "KOUI", "PTKZU", "VVPP", "VVINF"})


def _is_np_tok(t: Tok) -> bool:
    if t.low in lexicon().english_verbs and not t.text[:1].isupper():
        return False  # "Rutte said": the German tagger calls English verbs names
    if t.text[:1].isupper() and t.low in lexicon().function_words:
        return False  # "Von den Behörden …": a capitalised preposition is no name
    if t.pos in NP_POS:
        return True
    # English and unknown capitalised words are tagged oddly by a German tagger
    return t.text[:1].isupper() and t.pos not in CLOSED \
        and t.low not in {"und", "sagte", "said", "so", "laut", "wie"}


def _name_particle(toks: list[Tok], i: int, limit: int) -> bool:
    """'Von der Leyen' at a sentence start: a capitalised name particle before an article and
    a name (not 'Von der Polizei')."""
    return i + 2 < limit and toks[i].text in {"Von", "Van", "De"} \
        and toks[i + 1].low in {"der", "den", "de"} and toks[i + 2].pos == "NE"


def np_from(toks: list[Tok], i: int, limit: int) -> Phrase | None:
    """The noun phrase starting at token i (with genitive and name apposition), or None."""
    if i >= limit:
        return None
    t = toks[i]
    if t.low in NOM_PRONOUNS and t.pos in {"PPER", "PIS", "NE", "NN", "FM", "XY", "ADV", ""} \
            or t.low in {"he", "she", "they", "we"}:
        return Phrase([t])
    # "wie sein Anwalt mitteilte": the possessive "sein" the tagger takes for the verb
    particle = _name_particle(toks, i, limit) or t.low == "sein" and i + 1 < limit \
        and toks[i + 1].pos in {"NN", "ADJA"} and toks[i + 1].text[:1].isupper()
    if t.text in OPENING_MARKS:
        return _quoted_title(toks, i, limit)
    if not _is_np_tok(t) and not particle:
        return None
    j = i
    has_head = False
    while j < limit and (_is_np_tok(toks[j]) or toks[j].text in OPENING_MARKS
                         or particle and j == i):
        if toks[j].text in OPENING_MARKS and not (
                j > i and toks[j - 1].pos in {"ART", "NN", "ADJA"}):
            break
        if toks[j].pos in HEAD_POS or toks[j].text[:1].isupper() and toks[j].pos not in {
                "ART", "PDS", "PDAT", "PPOSAT", "PIAT", "ADJA", "PPER"} \
                or _nominalised(toks, i, j, limit):
            has_head = True
        # a determiner after a head starts a genitive ("Sprecherin des Ministeriums") or ends
        if j > i and toks[j].pos in {"ART", "PPOSAT"} and has_head \
                and toks[j].low not in GENITIVE_ARTS:
            break
        if j > i and toks[j].text in OPENING_MARKS and toks[j - 1].pos in {"ART", "NN", "ADJA"}:
            close = _closing_mark(toks, j, limit)  # 'der „Polizei von DeLand“'
            if close is None:
                break
            j = close + 1
            has_head = True
            continue
        if j == i + 1 and toks[i].pos == "NE" and toks[i].text.endswith("s") \
                and toks[j].pos == "ADJA" and _noun_follows(toks, j, limit) \
                and (i == 0 or not toks[i - 1].is_word or toks[i - 1].sent != toks[i].sent):
            j += 1  # a Saxon genitive opens the phrase: "Müllers neuer Sprecher Kai Roth"
            continue
        if j > i and toks[j].pos == "ADJA" and toks[j - 1].pos == "NE" and not (
                toks[j].text[:1].isupper() and j + 1 < limit and not toks[j + 1].is_word):
            break  # "nannte Selenskyj zentrale Prioritäten": the object begins (a capitalised
            # "adjective" closing the phrase is a surname: "Theo Zwanziger,")
        if j > i and toks[j].pos == "CARD" and has_head and not (
                j + 1 < limit and toks[j + 1].pos == "NE"):  # "Bayer 04 Leverkusen" goes on
            break
        j += 1
    if not has_head:
        return None
    # a short parenthesis: "Christian Wulff (CDU)"
    if j + 2 < limit and toks[j].text == "(" and toks[j + 2].text == ")":
        j += 3
    # the seat of an unnamed office: "die Regierung in Lomé", "der Botschafter im indischen
    # Delhi" (not after a person's name: "sagte Merkel in Berlin" says where she spoke)
    last = _last_outside_parentheses(toks[i:j])
    if last is not None and last.pos != "NE" or any(x.low in GENITIVE_ARTS for x in toks[i + 1:j]):
        j = _seat_end(toks, j, limit)
    # apposition after a prepositional phrase: "die Sprecherin der Fraktion im Bundestag, A B"
    if j < limit and toks[j].pos in {"APPR", "APPRART"}:
        k = j + 1
        while k < limit and _is_np_tok(toks[k]):
            k += 1
        if k + 1 < limit and toks[k].text == "," and apposed_name_end(toks, k + 1, limit):
            j = k
    # affiliation: "ein Sprecher von Tesla", "Ken Rice vom Institut für Astronomie"
    if j + 1 < limit and toks[j].low in AFFILIATION and toks[j + 1].pos not in {"CARD", "ADV"} \
            and toks[j + 1].low not in TIME_WORDS and not (
                toks[j].low == "aus" and toks[j + 1].pos == "NN"
                and (j + 2 >= limit or not toks[j + 2].text[:1].isupper())):
        # (a bare noun after "aus" is a reason, not an origin: "aus Sicherheitsgründen")
        k = j + 1
        while k < limit and _is_np_tok(toks[k]) or k < limit and toks[k].low in {"für", "of"}:
            k += 1
        if k > j + 1:
            j = k
    # apposition of a name: "René Préval, der Präsident des Staates," / "A B, Sprecher der C"
    if any(x.pos == "NE" for x in toks[i:j]):
        j = _nominal_apposition(toks, j, limit)
    # apposition: ", Maria Sacharowa," right after the phrase
    if j + 1 < limit and toks[j].text == ",":
        end = apposed_name_end(toks, j + 1, limit)
        if end is not None:
            j = end
    return _coordination(toks, i, j, limit) or Phrase(toks[i:j])


def _nominalised(toks: list[Tok], i: int, j: int, limit: int) -> bool:
    """'Ein Freiwilliger', 'der 81-Jährige': an adjective right after the article with no noun
    after it is the noun itself."""
    t = toks[j]
    if j != i + 1 or toks[i].pos != "ART" or t.pos != "ADJA" \
            or toks[i].low in {"des", "dem", "den", "eines", "einem", "einen"}:
        return False  # (a subject is nominative: "des Weiteren" is an adverb)
    if not (t.text[:1].isupper() or t.text[:1].isdigit() and "-" in t.text):
        return False
    return j + 1 >= limit or toks[j + 1].pos not in {"NN", "NE", "ADJA", "TRUNC", "CARD", "FM"}


def _noun_follows(toks: list[Tok], j: int, limit: int) -> bool:
    """Adjectives at j followed by a common noun: "neuer Sprecher"."""
    while j < limit and toks[j].pos == "ADJA":
        j += 1
    return j < limit and toks[j].pos == "NN"


def _coordination(toks: list[Tok], i: int, j: int, limit: int) -> Phrase | None:
    """'Die Agentur X und der Sender Y teilten mit': two noun phrases joined by und/sowie,
    closed by a verb or punctuation, speak together (not "X und fügte hinzu")."""
    if j + 1 >= limit or toks[j].low not in {"und", "sowie"}:
        return None
    second = np_from(toks, j + 1, limit)
    if second is None or len(second.toks) > 8:
        return None
    k = j + 1 + len(second.toks)
    if k < limit and not (toks[k].pos.startswith("V") or toks[k].text in {",", ".", ":", ";"}):
        return None
    named = [any(t.pos == "NE" or t.text in OPENING_MARKS for t in part)
             for part in (toks[i:j], second.toks)]
    if not all(named):
        return None  # "Experten und Fans" are plain plural nouns, said better as they stand
    return Phrase(toks[i:k], coordinated=True)


OPENING_MARKS = frozenset("„“\"»«‚")


def _seat_end(toks: list[Tok], j: int, limit: int) -> int:
    """End of 'in/im (Adjective) Name' at j, else j: a named place, optionally after a
    capitalised place adjective ("im Berliner Abgeordnetenhaus"), closing the phrase."""
    if j + 1 >= limit or toks[j].low not in {"in", "im"}:
        return j
    k = j + 1
    while k < limit and toks[k].pos == "ADJA":
        k += 1
    if k >= limit or not toks[k].text[:1].isupper():
        return j
    if toks[k].pos != "NE" and not (k > j + 1 and toks[k - 1].text[:1].isupper()
                                    and toks[k].pos == "NN"):
        return j
    k += 1
    while k < limit and toks[k].pos == "NE":
        k += 1
    particle = k + 1 >= limit or not toks[k + 1].is_word  # "… in Kiew mit."
    if k < limit and (toks[k].pos in {"ART", "NN", "ADJA"}
                      or toks[k].pos in {"APPR", "APPRART"} and not particle
                      or toks[k].is_word and toks[k].text[:1].islower()
                      and not toks[k].pos.startswith("V") and not particle):
        return j  # the phrase goes on: "in Berlin Gespräche …" is no seat
    return k


def _without_seat(toks: list[Tok]) -> list[Tok]:
    """'Regierung in Lomé' -> 'Regierung': the seat is part of the mention, not the name."""
    for k in range(1, len(toks)):
        if toks[k].low in {"in", "im"} and _seat_end(toks, k, len(toks)) == len(toks):
            return toks[:k]
    return toks


def _quoted_title(toks: list[Tok], i: int, limit: int) -> Phrase | None:
    """'laut „Welt“', 'wie „heise online“ berichtet': a short capitalised title in quotation
    marks where a speaker is expected names a publication."""
    close = _closing_mark(toks, i, limit)
    if close is None or close == i + 1 or close - i > 5:
        return None
    inner = toks[i + 1:close]
    if not inner[0].text[:1].isupper() and not inner[0].text[:1].isdigit() \
            and inner[0].pos != "NE" or any(t.is_finite for t in inner):
        return None
    return Phrase(toks[i:close + 1])


def _titled_class_noun(toks: list[Tok]) -> list[Tok] | None:
    """The title's words in 'die Zeitung „X“', 'die Organisation „Y“': a noun followed by a
    quoted name that closes the phrase; else None."""
    if len(toks) < 4 or toks[-1].text not in QUOTE_MARKS:
        return None
    head = _head(_strip_determiners(toks))
    for a in range(1, len(toks) - 2):
        if toks[a].text in OPENING_MARKS and toks[a - 1] is head \
                and noun_class(head.low) is not None:
            inner = [t for t in toks[a + 1:-1] if t.is_word]
            return inner or None
    return None


def is_title_phrase(toks: list[Tok]) -> bool:
    """A quoted title ("„Welt“") or a web address ("tagesschau.de"), alone or after an
    article: the name of a publication or web site."""
    core = _strip_determiners(toks)
    if core and core[0].text in OPENING_MARKS and core[-1].text in QUOTE_MARKS:
        return True
    return len(core) == 1 and "." in core[0].text and core[0].text[-1:].isalpha()
NAME_END = frozenset({",", ".", "!", "?", ";", ":", "(", *QUOTE_MARKS})


def apposed_name_end(toks: list[Tok], k: int, limit: int) -> int | None:
    """End of a bare name apposed at k ("…, Frank Weise, …"): capitalised words with no
    article, none of them a role or organisation noun, closed by a comma, the sentence end or a
    quotation mark. The tagger calls unknown names NN; two such words (first name and surname)
    or a word it tags as a name make a name."""
    lex = lexicon()
    j = k
    while j < limit and j - k < 4 and toks[j].text[:1].isupper() and \
            toks[j].pos in {"NE", "NN", "FM", "XY"} and toks[j].low not in lex.role_nouns \
            and noun_class(toks[j].low) is None and toks[j].low not in lex.function_words:
        j += 1
    if j == k or j < limit and toks[j].text not in NAME_END:
        return None
    if j - k >= 2 or toks[k].pos == "NE":
        return j
    return None


def _closing_mark(toks: list[Tok], j: int, limit: int) -> int | None:
    for k in range(j + 1, min(limit, j + 9)):
        if toks[k].text in QUOTE_MARKS:
            return k
        if toks[k].text in {",", ".", ";", ":"}:
            return None
    return None


def _nominal_apposition(toks: list[Tok], j: int, limit: int) -> int:
    """End of ', der Präsident des Staates' after a name, when it closes at a comma, the
    sentence end or a quotation mark; else j (a relative clause has a verb and is left out)."""
    if j + 1 >= limit or toks[j].text != "," or toks[j + 1].pos not in {"ART", "PPOSAT", "NN",
                                                                          "ADJA", "PIAT"}:
        return j
    if toks[j + 1].pos == "ART" and j + 2 < limit and toks[j + 2].pos in {"VVFIN", "VAFIN"}:
        return j  # "…, die sagten"
    k = j + 1
    while k < limit and toks[k].text not in {",", ".", "!", "?", ":", ";", *QUOTE_MARKS}:
        if toks[k].pos in {"VVFIN", "VAFIN", "VMFIN", "VVPP", "VVINF", "PRELS", "KOUS"}:
            return j
        if toks[k].low in {"am", "seit"} and k + 2 < limit and toks[k + 1].low in TIME_WORDS \
                and toks[k + 2].text in {",", ".", "!", "?", ";", *QUOTE_MARKS}:
            break  # "…, Kommandeur des Einsatzes am Montag.": when, not who
        if toks[k].pos in {"ADJD", "ADV", "PTKVZ", "PTKNEG"}:
            # "X, der Trainer des Vereins nach dem Spiel zufrieden.": the closing comma is
            # missing and the clause goes on; the apposition is its noun phrase alone
            inner = np_from(toks, j + 1, k)
            return j + 1 + len(inner.toks) if inner is not None else j
        k += 1
    return k if k - j <= 12 else j


def np_ending_at(toks: list[Tok], j: int, floor: int) -> Phrase | None:
    """The noun phrase ending just before token j (for "X zufolge")."""
    i = j
    while i > floor and _is_np_tok(toks[i - 1]):
        i -= 1
    if i == j:
        return None
    return np_from(toks, i, j)


def _last_outside_parentheses(toks: list[Tok]) -> Tok | None:
    """The last word before a closing parenthetical: in "Anna Weber (SPD)" the party is an
    appendage to the name, not the end of the noun phrase."""
    k = len(toks)
    if toks[-1].text == ")":
        while k > 0 and toks[k - 1].text != "(":
            k -= 1
        k -= 1
    words = [t for t in toks[:max(k, 0)] if t.is_word]
    return words[-1] if words else None


def _content(toks: list[Tok]) -> bool:
    """Has the phrase a word that is not a function word?"""
    fw = lexicon().function_words
    return any(t.is_word and t.low not in fw for t in toks)


def fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c)).replace("ß", "ss").lower()
    return re.sub(r"[\s\-–—_]+", "-", text).strip("-")


def _strip_determiners(toks: list[Tok]) -> list[Tok]:
    i = 0
    while i < len(toks) - 1 and (toks[i].pos in {"ART", "PPOSAT", "PDAT", "PIAT", "PDS"}
                                 or toks[i].low in EN_DETS or toks[i].low in DEFINITE):
        i += 1
    return toks[i:]


def _head(toks: list[Tok]) -> Tok:
    """The head noun: the first noun, before any genitive."""
    for t in toks:
        if t.pos in {"NN", "NE"} or t.text[:1].isupper() and t.pos not in {"ART", "ADJA"}:
            return t
    return toks[-1]


def _name_run(toks: list[Tok]) -> list[Tok]:
    """The person name in a phrase: an apposition after a comma ("…, Maria Sacharowa"), or the
    names that open the phrase or follow its head ("Bundesfinanzminister Peer Steinbrück")."""
    for k, t in enumerate(toks):
        if t.text == "," and k + 1 < len(toks):
            end = apposed_name_end(toks, k + 1, len(toks))
            if end is not None:
                return toks[k + 1:end]
    core = _strip_determiners(toks)
    if len(core) > 2 and core[0].pos == "NE" and core[0].text.endswith("s") \
            and core[1].pos == "ADJA" and _noun_follows(core, 1, len(core)):
        core = core[1:]  # "Müllers neuer Sprecher Kai Roth": a possessor before its noun
    for k, t in enumerate(core[:4]):
        if t.pos != "NE":
            continue
        if k + 1 < len(core) and is_role(core[k + 1].low):
            continue  # "Spectors Verteidiger Bruce Cutler": a possessor before the role noun
        # "der SPD-Vorsitzende Sigmar Gabriel": the tagger calls the role noun NN or NNA
        after_noun = k >= 1 and (core[k - 1].pos.startswith("NN") or core[k - 1].pos == "ADJA")
        if k == 0 or after_noun and k <= 2 or core[k - 1].pos == "NE":
            run = _run(core, k)
            if len(run) >= 2 or k == 0 or after_noun and is_role(core[k - 1].low):
                return run
    return []


def is_role(word: str) -> bool:
    """A role noun, also as the last part of a compound ("SPD-Vorsitzende", "Parteichef")."""
    roles = lexicon().role_nouns
    if word in roles:
        return True
    last = word.rsplit("-", 1)[-1]
    return last in roles or any(word.endswith(r) for r in roles if len(r) >= 5)


def _run(toks: list[Tok], k: int) -> list[Tok]:
    """Capitalised name words from k on (the tagger calls some surnames NN)."""
    j = k
    roles = lexicon().role_nouns
    while j < len(toks) and toks[j].text[:1].isupper() and toks[j].low not in roles and (
            toks[j].pos in {"NE", "FM"}
            or toks[j].pos == "NN" and j > k and toks[j - 1].pos == "NE"):
        j += 1
    return toks[k:j]


class Resolver:
    """Turns speaker phrases into entity ids for one document."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.lex = lexicon()
        self.speakers: list[tuple[int, str, str | None]] = []  # (position, id, gender)
        self._sent_starts: list[int] | None = None
        self._sents: list[Sentence] = []

    # --- entities -----------------------------------------------------------------------------
    def _covering(self, toks: list[Tok], surname_first: bool = False) -> Entity | None:
        """The entity named in the phrase; in a person's name run the surname (the last name
        word) is the surest part ("Prof. Dr. Anna K. Weber")."""
        names = [t for t in toks if t.pos == "NE" or t.text[:1].isupper() and t.pos != "ART"]
        best: Entity | None = None
        for t in reversed(names) if surname_first else names:
            ent = self.doc.entity_at(t.start, t.end)
            if ent is not None and (best is None or ent.type == "PER" and best.type != "PER"):
                best = ent
        if best is None:
            best = self.doc.entity_at(toks[0].start, toks[-1].end)
        return best

    def _create(self, etype: str, toks: list[Tok], name_toks: list[Tok] | None = None) -> str:
        core = name_toks or _without_seat(_strip_determiners(toks))
        while len(core) > 1 and core[0].text in ACADEMIC_TITLES:
            core = core[1:]  # "Prof. Dr. Anna Weber" is Anna Weber
        name = self.doc.text[core[0].start:core[-1].end]
        eid = f"lb:{etype}:{fold(name)}"
        ent = self.doc.entity(eid)
        if ent is None:
            ent = Entity(id=eid, name=name, type=etype)  # type: ignore[arg-type]
            self.doc.entities.append(ent)
        if not self._add_mention(ent, toks, headed=name_toks is None) and name_toks:
            self._add_mention(ent, name_toks)  # at least the name itself
        return eid

    def _add_mention(self, ent: Entity, toks: list[Tok], headed: bool = False) -> bool:
        """The whole speaker phrase is a mention of the speaker when the speaker is its head:
        "Anna Weber, Sprecherin des Verbands X", "Kai Roth vom Institut Y", "die
        Staatsanwaltschaft Kiel" name the person or office, modifiers and all. A phrase whose
        head is another entity's name is never a mention; one whose head is not the speaker
        (a role noun: "ein Sprecher der Behörde aus Z") is one only when it does not end in
        another entity's name either. ``headed``: the entity was made from this phrase."""
        start, end = toks[0].start, toks[-1].end
        words = [t for t in toks if t.is_word]
        if not words:
            return False
        head = _head(_strip_determiners(words))
        key = _name_run(toks) or [head]  # "Anna Weber, Sprecherin …": the name is the head
        own_head = headed or any(m.start <= t.start and t.end <= m.end
                                 for t in key for m in ent.mentions)
        if not own_head and self._names_other(head, ent):
            return False
        last = _last_outside_parentheses(toks) or words[-1]
        # "die Regierung vom Verband X": an organisation is not "von" another one (a misread
        # passive agent, or a partnership); a person may be ("Kai Roth vom Institut Y")
        linked = ent.type != "PER" and any(t.low in {"von", "vom"} for t in toks)
        if (not own_head or linked) and self._names_other(last, ent):
            return False
        at = next((k for k, t in enumerate(toks) if t is last), 0)
        if ent.type == "PER" and at > 0 and toks[at - 1].pos in {"APPR", "APPRART"} \
                and self._names_other(last, ent, {"GPE", "LOC"}):
            # "Olga S., Botschafterin in Washington": the place modifies the office; a person
            # whose mention ends in a place would be found (and linked) under the place's name
            return False
        if all(m.start != start or m.end != end for m in ent.mentions):
            ent.mentions.append(Span(start=start, end=end, text=self.doc.text[start:end]))
        return True

    def _names_other(self, t: Tok, ent: Entity, types: set[str] | None = None) -> bool:
        """Is the word (the end of it: the head of a German compound) another entity's name
        (of one of ``types``)? "EU-Kommissar" ends in a role noun, not in the EU."""
        return any(o.id != ent.id and m.start < t.end <= m.end
                   for o in self.doc.entities if types is None or o.type in types
                   for m in o.mentions)

    # --- pronouns and role nouns ------------------------------------------------------------
    def _antecedent(self, pos: int, gender: str | None, plural: bool,
                    org_only: bool = False) -> str | None:
        """Nearest preceding compatible person (or, for plural, organisation) before ``pos``.

        Speakers of earlier quotes get a head start of a sentence or so: "er" after a quote
        usually continues the speaker, not a person merely mentioned in between.
        """
        def fits(ent: Entity | None) -> bool:
            if ent is None or plural == (ent.type == "PER") or ent.type == "MISC" and not plural:
                return False
            if org_only and ent.type != "ORG":
                return False
            return not (gender and ent.gender and ent.gender != gender)

        cands: list[tuple[int, str]] = []
        for ent in self.doc.entities:
            if fits(ent):
                cands.extend((m.start + self._subject_bonus(m.start), ent.id)
                             for m in ent.mentions if m.end <= pos)
        for spos, sid, _ in self.speakers:
            if spos < pos and fits(self.doc.entity(sid)):
                # the head start holds within the speaker's paragraph; a new paragraph that
                # opens with another person is about that person
                bonus = SPEAKER_BONUS if "\n" not in self.doc.text[spos:pos] else 0
                cands.append((spos + bonus, sid))
        return max(cands)[1] if cands else None

    @staticmethod
    def _covers_head(ent: Entity, toks: list[Tok]) -> bool:
        head = _head(_strip_determiners(toks))
        return any(m.start <= head.start and head.end <= m.end for m in ent.mentions)

    def _subject_bonus(self, start: int) -> int:
        """Mentions before their sentence's finite verb, not after a preposition, are likely
        subjects; a later pronoun more often continues the subject than the object."""
        if self._sent_starts is None:
            sents = self.doc.news_sentences() or self.doc.sentences
            self._sents = sents
            self._sent_starts = [s.start for s in sents]
        k = bisect.bisect_right(self._sent_starts, start) - 1
        if k < 0:
            return 0
        prev_pos = ""
        for tok in self._sents[k].tokens:
            if tok.start >= start:
                return SUBJECT_BONUS if prev_pos not in {"APPR", "APPRART"} else 0
            if tok.pos in {"VVFIN", "VAFIN", "VMFIN"}:
                return 0
            prev_pos = tok.pos
        return 0

    def resolve(self, phrase: Phrase | None, plural_verb: bool = False) -> str | None:
        known = {e.id for e in self.doc.entities} if phrase is not None and phrase.rel else set()
        found = self._resolve(phrase, plural_verb)
        if found is not None and phrase is not None and phrase.rel is not None:
            self._relative_mention(found, phrase, found not in known)
        return found

    def _relative_mention(self, eid: str, phrase: Phrase, created: bool) -> None:
        """The relative pronoun is a mention of its antecedent -- when the antecedent's head is
        the speaker ("die Agentur X, die meldete"), not when the speaker is only its owner
        ("Studien des Instituts, nach denen …": the pronoun stands for the studies)."""
        ent = self.doc.entity(eid)
        rel = phrase.rel
        if ent is None or rel is None:
            return
        words = [t for t in phrase.toks if t.is_word] or phrase.toks
        head = (_name_run(phrase.toks) or [_head(_strip_determiners(words))])[0]
        whole = (phrase.start, phrase.end)
        if not created and not any(m.start <= head.start and head.end <= m.end
                                   and (m.start, m.end) != whole for m in ent.mentions):
            return
        if all(m.start != rel.start for m in ent.mentions):
            ent.mentions.append(Span(start=rel.start, end=rel.end, text=rel.text))

    def _resolve(self, phrase: Phrase | None, plural_verb: bool = False) -> str | None:
        if phrase is None:
            return None
        toks = phrase.toks
        first = toks[0].low
        if len(toks) == 1 and first in NOM_PRONOUNS:
            if first in {"ich", "i", "wir", "we", "man"}:
                return self._last_speaker(phrase.start)
            gender, number = self.lex.pronouns.get(first, (None, "sg"))
            plural = number == "pl" or first == "sie" and plural_verb
            return self._antecedent(phrase.start, None if plural else gender, plural)
        if phrase.coordinated:
            # several named speakers: one group entity, its mention the phrase as written
            return self._create("MISC", toks)
        if is_title_phrase(toks):
            return self._publication(toks)
        titled = _titled_class_noun(toks)
        if titled is not None:  # "die Zeitung „Nordpost“": the paper, not a place in its name
            return self._publication(toks, titled)
        name = _name_run(toks)
        # the name or head of the phrase decides: "der Oberrabbiner Israels, Yona Metzger" is
        # Metzger, not Israel; "der Kremlsprecher" is whoever the entities stage made of it
        key = name or [_head(_strip_determiners(toks))]
        ent = self._covering(key, surname_first=bool(name))
        if ent is not None and len(name) >= 2 and ent.type in {"GPE", "LOC"}:
            ent = None  # a place inside a person's name ("Frank-Jürgen" read as a place)
        if ent is None and name:
            return self._create("PER", toks, name)
        if ent is None:
            # "ein Sprecher des Kremls": the Kremlin speaks; never the seat ("… in Kiew")
            seat = next((k for k, t in enumerate(toks) if k and t.low in {"in", "im"}), len(toks))
            ent = self._covering(toks[:seat])
        if ent is not None:
            if len(toks) > 1:
                # the whole phrase names the speaker: "der Kremlsprecher Dmitri Peskow",
                # "die Online-Ausgabe der Zeitung X", "ein Sprecher des Ministeriums"
                self._add_mention(ent, toks)
            return ent.id
        core = _strip_determiners(toks)
        head = _head(core)
        head_low = head.low
        if head_low in self.lex.role_nouns and first in DEFINITE and \
                not any(t.pos == "NE" for t in core):
            gender = "f" if head_low.endswith("in") else "m"
            found = self._antecedent(phrase.start, gender, False)
            ent = self.doc.entity(found) if found else None
            if ent is not None:
                self._add_mention(ent, toks)  # "der Minister" now names that person
                return ent.id
        owner = self._possessive_owner(toks, core)
        if owner is not None:
            return owner
        kind = self._kind(core)
        if kind == "org_class" and first in DEFINITE:
            found = self._antecedent(phrase.start, None, True, org_only=True)
            ent = self.doc.entity(found) if found else None
            if ent is not None:
                self._add_mention(ent, toks)  # "die Agentur" names the agency named before
                return ent.id
        if kind == "institution":
            return self._create("ORG", toks)
        if not _content(core):
            return None  # function words never become entities
        # unnamed speakers ("ein Beamter", "Experten", "die Agentur") are no named entities
        return self._create("MISC", toks)

    def _publication(self, toks: list[Tok], core: list[Tok] | None = None) -> str:
        """A newspaper, broadcaster or web site: the entity named so, else a new ORG.
        ``core``: the title's words, where the phrase has more ("die Zeitung „X“")."""
        core = core or [t for t in _strip_determiners(toks) if t.is_word]
        if not core:
            return self._create("ORG", toks)
        # the longest name inside the title: "BBC News", not the "BBC" in it
        ent = self.doc.entity_at(core[0].start, core[-1].end)
        if ent is None or ent.type not in {"ORG", "MISC"}:
            return self._create("ORG", toks, core)
        start, end = toks[0].start, toks[-1].end
        if all(m.start != start or m.end != end for m in ent.mentions):
            # the title as written, marks and all, is a mention of the publication
            ent.mentions.append(Span(start=start, end=end, text=self.doc.text[start:end]))
        return ent.id

    def _kind(self, toks: list[Tok]) -> str | None:
        text = " ".join(t.low for t in toks)
        if any(w in text for w in ("weiße haus", "weißes haus", "white house")):
            return "institution"
        return noun_class(_head(toks).low)

    def _possessive_owner(self, toks: list[Tok], core: list[Tok]) -> str | None:
        """'Seine Zuversicht …:', 'seiner Ansicht nach': a possessive with no named, role or
        institution head speaks for its owner, found like a pronoun."""
        if toks[0].pos != "PPOSAT" or any(t.pos == "NE" for t in core):
            return None
        head = _head(core).low
        if head in self.lex.role_nouns or noun_class(head) is not None:
            return None
        low = toks[0].low
        if low.startswith("sein"):
            return self._antecedent(toks[0].start, "m", False)
        if low.startswith("ihr"):
            return self._antecedent(toks[0].start, "f", False) \
                or self._antecedent(toks[0].start, None, True)
        return None

    def _last_speaker(self, pos: int) -> str | None:
        before = [s for s in self.speakers if s[0] < pos]
        return before[-1][1] if before else None

    def previous(self, pos: int, window: int = 600) -> str | None:
        """The speaker of the last quote that started within ``window`` characters before pos."""
        before = [s for s in self.speakers if pos - window <= s[0] < pos]
        return before[-1][1] if before else None

    def recent_person(self, pos: int, window: int = 300) -> str | None:
        """The person (preferably a subject) named in the sentence or two before ``pos``."""
        found = self._antecedent(pos, None, False)
        if found is None:
            return None
        ent = self.doc.entity(found)
        near = ent is not None and any(pos - window <= m.start < pos for m in ent.mentions)
        return found if near else None

    def author(self, pos: int, window: int = 600) -> str | None:
        """Who wrote "die Erklärung": the previous speaker, else the nearest person or
        organisation named shortly before."""
        found = self.previous(pos, window)
        if found:
            return found
        best: tuple[int, str] | None = None
        for ent in self.doc.entities:
            if ent.type not in {"PER", "ORG"}:
                continue
            for m in ent.mentions:
                if pos - window <= m.start and m.end <= pos and (best is None or m.start > best[0]):
                    best = (m.start, ent.id)
        return best[1] if best else None

    def note(self, pos: int, speaker: str | None) -> None:
        if speaker is None:
            return
        ent = self.doc.entity(speaker)
        self.speakers.append((pos, speaker, ent.gender if ent else None))
        self.speakers.sort(key=lambda s: s[0])
