"""Linking, role resolution and in-document coreference; builds ``doc.entities``."""

from __future__ import annotations

import logging
import math
import re
import unicodedata
from dataclasses import replace
from datetime import date
from functools import lru_cache

from lagebild.kb.index import Index, fold, get_index
from lagebild.kb.loader import LEXICON_DIR, KBEntity
from lagebild.kb.mentions import (
    Mention,
    anaphors,
    gazetteer,
    institution_data,
    institutions,
    normalise_name,
    place_cue_before,
    places,
    region_cue_before,
    titles,
)
from lagebild.model import Document, Entity, Sentence, Span, Token

SAME_ROLE = "same_role"  # the title key of "Amtskollege" (role_titles.yaml)

try:  # the statistical layer; the stage still works (less recall) without the model
    from lagebild.nlp import ner as _ner
except ImportError:  # pragma: no cover - depends on the ner branch being merged
    _ner = None  # type: ignore[assignment]

log = logging.getLogger(__name__)
_ACRONYM = re.compile(r"^[A-ZÄÖÜ]{2,6}$")
_DOMAIN = re.compile(r"\.(?:[a-z]{2}|com|org|net|info)\b")
_ACRONYM_HYPHEN = re.compile(r"^[A-ZÄÖÜ]{2,6}-[A-Z0-9]{1,3}$")
_ROMAN = re.compile(r"^[IVXLC]+$")
_SURNAME_POS = frozenset({"NE", "NN", "ADJA", "FM"})
_PLACE_PREPOSITIONS = frozenset({"in", "nach", "aus"})
_STREETS = ("straße", "strasse", "platz", "allee", "weg", "ring", "brücke", "damm", "ufer")
_NER_TYPES = {"PER": "PER", "ORG": "ORG", "LOC": "GPE"}
# a date after a name ("die Frankfurter Allgemeine von Donnerstag", "der Beschluss vom 3. Mai")
# belongs to the sentence, not to the name
_DATE_PREPOSITIONS = frozenset({"von", "vom", "am", "of"})
_TIME_WORD = re.compile(
    r"^(?:\d{1,4}\.?|(?:montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonnabend|sonntag)"
    r"(?:s|abend|morgen|vormittag|mittag|nachmittag|nacht)?|januar|februar|märz|april|mai|juni|"
    r"juli|august|september|oktober|november|dezember|monday|tuesday|wednesday|thursday|friday|"
    r"saturday|sunday)$")


def slug(name: str) -> str:
    """The normalised name of a local id: "Tammy Bruce" → "tammy_bruce"."""
    text = unicodedata.normalize("NFKD", name.replace("ß", "ss"))
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    return re.sub(r"[^0-9a-z]+", "_", text).strip("_") or "x"


def doc_date(doc: Document) -> date | None:
    value = doc.published.value
    if not value:
        return None
    try:
        parts = [int(p) for p in value[:10].split("-")]
        return date(parts[0], parts[1] if len(parts) > 1 else 7, parts[2] if len(parts) > 2 else 1)
    except (ValueError, IndexError):
        return None


class _Linker:
    def __init__(self, index: Index, doc: Document, on: date | None):
        self.index = index
        self.doc = doc
        self.on = on
        self.local: dict[str, tuple[str, str]] = {}  # lb id → (name, type) for non-KB entities
        self.mentions: list[Mention] = []
        self.gender: dict[str, str] = {}

    # --- candidates ------------------------------------------------------------------

    def _score(self, m: Mention, ent: KBEntity, linked: set[str], admin1: set[str]) -> float:
        score = 0.0
        if m.expect_per:
            score += 100 if ent.type == "PER" else -100
        if ent.kind == "state":
            score += 50
        if m.place_cue and ent.type in ("GPE", "LOC"):
            score += 30
        if ent.source == "user":
            score += 25
        elif ent.source in ("shipped",):
            score += 20
        if ent.type == "PER":
            score += 10 if ent.roles_on(self.on) else 0
            score += 3 if ent.roles else 0
        if ent.population:
            score += min(math.log10(ent.population + 1), 9)
        if ent.kind == "region":
            score += 100 if m.region_cue else 0
            score += 60 if ent.admin1 in admin1 else 0
        if ent.id in linked:
            score += 40  # already named in this document by a longer, clearer form
        return score

    def link_gazetteer(self, gaz: list[Mention]) -> None:
        linked: set[str] = set()
        admin1: set[str] = set()
        # clear cases first: one candidate, or several tokens; they guide the rest
        order = sorted(gaz, key=lambda m: (len(m.cands) > 1, -len(m.text.split())))
        for m in order:
            ents = [self.index.ents[c] for c in m.cands]
            best = max(ents, key=lambda e: self._score(m, e, linked, admin1))
            m.entity = best.id
            linked.add(best.id)
            if best.kind in ("city", "capital") and best.admin1:
                admin1.add(best.admin1)

    # --- role descriptions -----------------------------------------------------------

    def _holders_for(self, m: Mention, org: str) -> list[tuple[str, str, str]]:
        """(person id, title_de, title_en) of holders of the title's role at ``org``."""
        ent = self.index.ents.get(org)
        if ent is None or m.title is None:
            return []
        keys = m.title.keys if ent.kind == "state" else m.title.org_keys
        out = [(p.id, r.title_de, r.title_en) for k in keys
               for r, p in self.index.role_holders(k, org, self.on)]
        if not out and ent.kind != "state" and ent.country:
            state = self.index.by_iso.get(ent.country)
            if state:
                out = [(p.id, r.title_de, r.title_en) for k in m.title.keys
                       for r, p in self.index.role_holders(k, state, self.on)]
        if not out and ent.kind != "state":
            # the data may file a role under a body of the organisation ("EU" vs the European
            # Commission): a role that only one person holds that day anywhere is theirs
            for k in m.title.org_keys:
                anywhere = {p.id: (p.id, r.title_de, r.title_en)
                            for r, p in self.index.role_holders_any(k, self.on)}
                if len(anywhere) == 1:
                    out += list(anywhere.values())
        return out

    def resolve_title(self, m: Mention, named: set[str]) -> str | None:
        if m.former or m.title is None:
            return None
        holders: list[tuple[str, str, str]] = []
        for org in m.title_orgs:
            if org.startswith("@poss:"):
                person = self.index.ents[org[6:]]
                led = [self.index.org_id(r.org) for r in person.roles_on(self.on)]
                led = [o for o in led if o] or [self.index.by_iso.get(person.country or "")]
                for o in led:
                    holders += self._holders_for(m, o or "")
            else:
                holders += self._holders_for(m, org)
        if not m.title_orgs and not m.definite:
            return None  # "ein Sprecher", "Sprecher des Ministeriums": someone else
        if not m.title_orgs:  # "der Präsident" alone: the one person named who holds such a role
            keys = set(m.title.keys) | set(m.title.org_keys)
            holders = [(i, "", "") for i in sorted(named) if i in self.index.ents
                       and any(r.key in keys for r in self.index.ents[i].roles_on(self.on))]
        ids = list(dict.fromkeys(h[0] for h in holders))
        if len(ids) > 1 and m.hint:
            hinted = [h[0] for h in holders if m.hint in fold(h[1] + " " + h[2])]
            ids = list(dict.fromkeys(hinted)) or ids
        if len(ids) > 1:
            want = "f" if m.title.female else "m"
            same = [i for i in ids if self.index.ents[i].gender == want]
            ids = same or ids
        if len(ids) > 1:
            ids = [i for i in ids if i in named] or ids
        return ids[0] if len(ids) == 1 else None

    def resolve_counterpart(self, m: Mention, named: set[str]) -> str | None:
        """"sein türkischer Amtskollege": the holder, in the title's state, of the office held
        by the nearest KB person named before the title (in this sentence or earlier)."""
        if m.title is None:
            return None
        anchor = max((x for x in self.mentions if x.start < m.start and x.entity
                      and self._type(x.entity) == "PER" and x.entity in self.index.ents),
                     key=lambda x: x.start, default=None)
        if anchor is None:
            return None
        person = self.index.ents[anchor.entity or ""]
        keys = tuple(dict.fromkeys(r.key for r in person.roles_on(self.on)
                                   if r.key in self.index.single_holder))
        if not keys:
            return None
        sense = replace(m.title, keys=keys, org_keys=keys)
        found = self.resolve_title(replace(m, title=sense), named - {person.id})
        return found if found != person.id else None

    # --- local entities and coreference ----------------------------------------------

    def local_id(self, name: str, typ: str) -> str:
        name = normalise_name(name)
        ent_id = f"lb:{typ}:{slug(name)}"
        self.local.setdefault(ent_id, (name, typ))
        return ent_id

    def person_by_surname(self, text: str) -> str | None:
        """A person of this document whose name ends with ``text`` (genitive -s allowed)."""
        word = fold(text)
        forms = {word, word[:-1] if word.endswith("s") else word}
        hits = set()
        for m in self.mentions:
            if m.entity and self._type(m.entity) == "PER" and " " in m.text.strip():
                last = fold(m.text.split()[-1])
                if last in forms or (last.endswith("s") and last[:-1] in forms):
                    hits.add(m.entity)
        return hits.pop() if len(hits) == 1 else None

    def named_orgs(self) -> set[str]:
        """KB organisations already linked in this document."""
        return {m.entity for m in self.mentions if m.entity in self.index.ents
                and self.index.ents[m.entity].type == "ORG"}

    def _type(self, ent_id: str) -> str:
        if ent_id in self.index.ents:
            return self.index.ents[ent_id].type
        return self.local.get(ent_id, ("", ""))[1]


_NER_BROKEN: list[str] = []


def _ner_spans(sent: Sentence) -> list[tuple[int, int, str]]:
    """The statistical tagger's spans; without a usable model the layer is skipped."""
    if _ner is None or _NER_BROKEN:
        return []
    try:
        return list(_ner.tag_sentence(sent))
    except (OSError, RuntimeError, ValueError) as exc:  # model file missing or unreadable
        _NER_BROKEN.append(str(exc))
        log.warning("statistical NER disabled: %s", exc)
        return []


def _proper_noun_runs(sent: Sentence) -> list[tuple[int, int, str]]:
    """Fallback when no statistical model is available: runs of two or three capitalised
    proper nouns (STTS ``NE``) are taken as person names ("Friedbert Pflüger")."""
    spans = []
    toks = sent.tokens
    i = 0
    while i < len(toks):
        j = i
        # a proper noun, then up to two more capitalised words: surnames the tagger does not
        # know are often tagged as nouns or adjectives ("Friedbert Pflüger", "Günther Platter")
        while j < len(toks) and j - i < 3 and toks[j].text[:1].isupper() \
                and toks[j].text.replace("-", "").isalpha() \
                and (toks[j].pos == "NE" or (j > i and toks[j].pos in _SURNAME_POS
                                             and not toks[j - 1].text.endswith("s"))
                     or (j == i and toks[j].pos == "NN" and _next_is_name(toks, j))):
            j += 1
        if j > i and _function_word(toks[i].text):  # "Von Seiten" opening a sentence
            j = i
        if j - i >= 2:
            spans.append((toks[i].start, toks[j - 1].end, "PER"))
        elif j - i == 1 and i > 0 and fold(toks[i - 1].text) in _PLACE_PREPOSITIONS \
                and len(toks[i].text) > 3:
            spans.append((toks[i].start, toks[i].end, "LOC"))  # "nach Askalon": a place
        i = max(j, i + 1)
    return spans


def _next_is_name(toks: list[Token], j: int) -> bool:
    """An unknown first name the tagger calls a noun, before a proper noun ("Mohsen Rezai")."""
    nxt = toks[j + 1] if j + 1 < len(toks) else None
    return nxt is not None and nxt.pos == "NE" and nxt.text[:1].isupper() \
        and not nxt.text.isupper() and nxt.start - toks[j].end == 1


@lru_cache(maxsize=1)
def _function_words() -> frozenset[str]:
    path = LEXICON_DIR / "function_words.txt"
    lines = (ln.split("#")[0] for ln in path.read_text(encoding="utf-8").splitlines())
    return frozenset(w for ln in lines for w in ln.split())


def _function_word(word: str) -> bool:
    """A capitalised word that is a function word in lower case ("Von", "Bei", "Aus")."""
    return word.lower() in _function_words()


@lru_cache(maxsize=1)
def _not_orgs() -> frozenset[str]:
    return frozenset(str(w) for w in institution_data().get("not_organisations") or ())


def _not_org_span(sent: Sentence, span: tuple[int, int, str]) -> bool:
    """A model span that is one of the common abbreviations that name no organisation."""
    return sent.text[span[0] - sent.start:span[1] - sent.start] in _not_orgs()


def _acronyms(sent: Sentence) -> list[tuple[int, int, str]]:
    """Unknown all-capital abbreviations ("SPD", "IAEA") name organisations in news text."""
    out = []
    for t in sent.tokens:
        if _ACRONYM_HYPHEN.match(t.text):  # "PML-N"
            out.append((t.start, t.end, "ORG"))
            continue
        head = t.text.split("-", 1)[0]  # "ISAF-Truppen" names the ISAF
        if _ACRONYM.match(head) and not _ROMAN.match(head) and head not in _not_orgs() \
                and (head == t.text or len(t.text) > len(head) + 2):
            end = t.start + len(head)
            domain = _DOMAIN.match(sent.text, end - sent.start)  # "ORF.at", "SRF.ch": a news site
            out.append((t.start, end + (domain.end() - domain.start() if domain else 0), "ORG"))
    return out


def _ner_mentions(index: Index, sent: Sentence, taken: list[Mention]) -> list[Mention]:
    out = []
    spans = [sp for sp in _ner_spans(sent) if not _not_org_span(sent, sp)]
    if _ner is None or _NER_BROKEN:
        spans = _proper_noun_runs(sent)
    else:  # names the model missed: the proper-noun runs are a recall net
        spans += [r for r in _proper_noun_runs(sent)
                  if not any(s < r[1] and r[0] < e for s, e, _ in spans)]
    spans += [a for a in _acronyms(sent) if not any(
        s < a[1] and a[0] < e for s, e, label in spans if label in _NER_TYPES)]
    for start, end, label in spans:
        if label not in _NER_TYPES:
            continue
        start, end = _without_date_head(sent, start, end), _without_date_tail(sent, start, end)
        if _only_time_words(sent, start, end):
            continue  # "on Monday", "im März": a day or month is no name
        inside = [m for m in taken if m.start < end and start < m.end]
        within = bool(inside) and all(start <= m.start and m.end <= end
                                      and (m.end - m.start) < end - start for m in inside)
        # a longer organisation name around a known place ("Bangkok Post") is kept as well
        wraps = label == "ORG" and within and all(m.kind == "alias" for m in inside)
        # a person's name around a GeoNames town ("Dalai Lama") replaces the town
        replaces = label == "PER" and within and all(
            m.kind == "alias" and all(index.ents[c].source == "geonames" for c in m.cands)
            for m in inside)
        if inside and not (wraps or replaces):
            continue
        if _NER_TYPES[label] == "PER" and _common_noun(sent, start, end):
            continue
        if _NER_TYPES[label] in ("PER", "ORG") and _generic_phrase(sent, start, end):
            continue
        for m in inside if replaces else ():
            m.dropped = True
        text = sent.text[start - sent.start:end - sent.start]
        out.append(Mention(start, end, text, kind="ner", label=_NER_TYPES[label]))
    return out


def _without_date_head(sent: Sentence, start: int, end: int) -> int:
    """The start of a model span without a leading day or month ("Montag Selenskyj" in "am
    Montag Selenskyj empfangen")."""
    toks = [t for t in sent.tokens if start <= t.start and t.end <= end]
    k = 0
    while k < len(toks) - 1 and _TIME_WORD.match(toks[k].text.lower()) and \
            not toks[k].text[:1].isdigit():
        k += 1
    return toks[k].start if k else start


def _only_time_words(sent: Sentence, start: int, end: int) -> bool:
    toks = [t for t in sent.tokens if start <= t.start and t.end <= end]
    return bool(toks) and all(_TIME_WORD.match(t.text.lower()) and not t.text[:1].isdigit()
                              for t in toks)


def _without_date_tail(sent: Sentence, start: int, end: int) -> int:
    """The end of a model span without a trailing date ("Frankfurter Allgemeine von Donnerstag")."""
    toks = [t for t in sent.tokens if start <= t.start and t.end <= end]
    for k in range(1, len(toks) - 1):
        if toks[k].text in _DATE_PREPOSITIONS and \
                all(_TIME_WORD.match(t.text.lower()) for t in toks[k + 1:]):
            return toks[k - 1].end
    return end


def _common_noun(sent: Sentence, start: int, end: int) -> bool:
    """A model span that is one common noun ("Panzer" as a person): German capitalises every
    noun, so the model sometimes takes one for a name; the tagger's NN (not NE) vetoes it.
    Only for persons: one-word institutions ("Wahlgerichtshof") and small towns the tagger
    does not know are often NN."""
    toks = [t for t in sent.tokens if start <= t.start and t.end <= end]
    return len(toks) == 1 and toks[0].pos == "NN" and toks[0].text.isalpha() \
        and not toks[0].text.isupper()


@lru_cache(maxsize=1)
def _generic_words() -> tuple[frozenset[str], tuple[str, ...]]:
    data = institution_data()
    return (frozenset(str(w) for w in data.get("generic_heads") or ()),
            tuple(str(w) for w in data.get("generic_plural_endings") or ()))


def _generic_phrase(sent: Sentence, start: int, end: int) -> bool:
    """A model span that names a kind of body, not one ("Nachrichtenagentur", "israelische
    Medien", "Gesundheitsbehörden"): adjectives at most, then a generic head noun."""
    toks = [t for t in sent.tokens if start <= t.start and t.end <= end]
    if not toks or any(t.pos not in ("ADJA", "ADJD") for t in toks[:-1]):
        return False
    heads, plurals = _generic_words()
    head = toks[-1].text.lower()
    return head in heads or (len(toks) == 1 and head.endswith(plurals) and head not in plurals
                             and toks[-1].pos == "NN")


def _bare_names(sent: Sentence, taken: list[Mention]) -> list[Mention]:
    """Capitalised proper-noun tokens not yet covered: candidates for surname coreference."""
    out = []
    for tok in sent.tokens:
        if tok.pos != "NE" or not tok.text[:1].isupper() or len(tok.text) < 3:
            continue
        if any(m.start < tok.end and tok.start < m.end for m in taken):
            continue
        out.append(Mention(tok.start, tok.end, tok.text, kind="bare"))
    return out


def _adjacent_name(sent: Sentence, start: int, end: int) -> tuple[bool, bool]:
    """Whether a capitalised proper noun directly precedes / follows [start, end)."""
    prev = next((t for t in reversed(sent.tokens) if t.end <= start), None)
    nxt = next((t for t in sent.tokens if t.start >= end), None)

    def name(t: Token | None, gap: int) -> bool:
        return t is not None and gap <= 1 and t.pos == "NE" and t.text[:1].isupper()

    return (name(prev, start - prev.end if prev else 9),
            name(nxt, nxt.start - end if nxt else 9))


def _inside_other_name(index: Index, m: Mention, sent: Sentence, gaz: list[Mention]) -> bool:
    """A place name that is only part of a longer unknown name: a first name ("David Lammy"),
    a title ("New York Times", "Dalai Lama"), a street ("Gagarin-Straße")."""
    ents = [index.ents[c] for c in m.cands]
    if any(e.type not in ("GPE", "LOC") for e in ents):
        return False
    if m.compound and fold(sent.text[m.end - sent.start:]).split(" ")[0].endswith(_STREETS):
        return True
    before, after = _adjacent_name(sent, m.start, m.end)
    if after:
        nxt = next(t for t in sent.tokens if t.start >= m.end)
        after = not any(g.start <= nxt.start < g.end for g in gaz)
    if before and all(e.source == "geonames" for e in ents):
        return True
    return after and not any(e.kind == "state" for e in ents)  # "US Secretary of State"


def extract(doc: Document, index: Index | None = None) -> list[Entity]:
    index = index or get_index()
    linker = _Linker(index, doc, doc_date(doc))
    gaz_all: list[Mention] = []
    rest: list[Mention] = []
    for sent in doc.news_sentences():
        found = gazetteer(index, sent.text, sent.start)
        gaz = [m for m in found if not _inside_other_name(index, m, sent, found)]
        for m in gaz:
            m.region_cue = region_cue_before(sent, m.start)
            m.place_cue = place_cue_before(sent, m.start)
        tit = titles(index, sent, gaz)
        inst = [m for m in institutions(index, sent, gaz)
                if not any(g.start <= m.start and m.end <= g.end for g in gaz)]
        taken = gaz + tit + inst
        taken += anaphors(sent, taken)
        taken += places(sent, taken)
        ner = _ner_mentions(index, sent, taken)
        bare = _bare_names(sent, taken + ner)
        gaz_all += gaz
        rest += taken[len(gaz):] + ner + bare
    gaz_all = [m for m in gaz_all if not m.dropped]
    linker.link_gazetteer(gaz_all)
    linker.mentions = list(gaz_all)
    _link_rest(linker, rest)
    return _entities(linker)


def _link_rest(linker: _Linker, rest: list[Mention]) -> None:
    index = linker.index
    by_start = {m.start: m for m in linker.mentions}
    # names found by patterns and the statistical model: join a person already named, else local
    for m in sorted((m for m in rest if m.kind in ("pattern", "ner")), key=lambda m: -len(m.text)):
        label = m.label or "PER"
        if label == "PER" and " " not in m.text.strip():
            m.entity = linker.person_by_surname(m.text)
        if m.entity is None:
            name = m.text[:-1] if label == "PER" and m.text.endswith("s") and \
                linker.person_by_surname(m.text) else m.text
            m.entity = linker.local_id(name, label)
        linker.mentions.append(m)
        by_start[m.start] = m
    for m in rest:
        if m.kind == "bare":
            m.entity = linker.person_by_surname(m.text)
            if m.entity:
                linker.mentions.append(m)
    named = {m.entity for m in linker.mentions if m.entity}
    for m in (m for m in rest if m.kind == "title"):
        if m.entity and m.entity.startswith("@"):
            target = by_start.get(int(m.entity[1:]))
            m.entity = target.entity if target else None
            if m.entity and m.title and m.title.female and m.entity not in index.ents:
                linker.gender[m.entity] = "f"
            elif m.entity and m.entity not in index.ents and m.title:
                linker.gender.setdefault(m.entity, "m")
        elif m.title and SAME_ROLE in m.title.keys:
            m.entity = linker.resolve_counterpart(m, named)
        else:
            m.entity = linker.resolve_title(m, named)
        if m.entity:
            linker.mentions.append(m)
    _link_institutions(linker, [m for m in rest if m.kind in ("institution", "metonym")])
    for m in (m for m in rest if m.kind == "anaphor"):
        targets = {e.id for e in index.lookup(m.hint or "")} & named
        if len(targets) == 1:
            m.entity = targets.pop()
            linker.mentions.append(m)


def _link_institutions(linker: _Linker, insts: list[Mention]) -> None:
    index = linker.index
    by_noun: dict[str, set[str]] = {}
    for m in insts:
        if m.kind == "metonym":
            m.entity = m.cands[0] if m.cands else None
        elif m.title_orgs:
            state = index.ents[m.title_orgs[0]]
            noun = (m.hint or "").capitalize()
            m.entity = index.institution(state.iso or "", m.hint or "") or \
                linker.local_id(f"{noun} ({state.iso or state.name})", "ORG")
            by_noun.setdefault(m.hint or "", set()).add(m.entity)
    for m in insts:
        if m.kind == "institution" and not m.title_orgs:
            known = by_noun.get(m.hint or "", set())
            known |= {e for e in linker.named_orgs() if m.hint and m.hint in
                      fold(" ".join([index.ents[e].name, *index.ents[e].aliases]))}
            noun = (m.hint or "").capitalize()
            m.entity = next(iter(known)) if len(known) == 1 else linker.local_id(noun, "ORG")
        if m.entity:
            linker.mentions.append(m)


def _genitive_merges(linker: _Linker) -> dict[str, str]:
    """Local entities that are the genitive of another one ("Bundesverfassungsgerichtes" of
    "Bundesverfassungsgericht", "Rezais" of "Rezai") join it."""
    merges = {}
    for ent_id, (name, typ) in linker.local.items():
        for ending in ("es", "s"):
            if name.endswith(ending):
                base = f"lb:{typ}:{slug(name[: -len(ending)])}"
                if base in linker.local and base != ent_id:
                    merges[ent_id] = base
                    break
    return merges


def _entities(linker: _Linker) -> list[Entity]:
    index = linker.index
    merges = _genitive_merges(linker)
    grouped: dict[str, list[Mention]] = {}
    for m in sorted(linker.mentions, key=lambda m: m.start):
        if m.entity:
            m.entity = merges.get(m.entity, m.entity)
            grouped.setdefault(m.entity, []).append(m)
    out = []
    for ent_id, ms in grouped.items():
        spans = [Span(start=m.start, end=m.end, text=m.text) for m in ms]
        kb = index.ents.get(ent_id)
        if kb is not None:
            roles = [r.title_en or r.title_de for r in kb.roles_on(linker.on)]
            out.append(Entity(id=ent_id, name=kb.name, type=kb.type,  # type: ignore[arg-type]
                              kb=kb.kb, roles=list(dict.fromkeys(roles)), mentions=spans,
                              gender=kb.gender))
        else:
            name, typ = linker.local[ent_id]
            out.append(Entity(id=ent_id, name=name, type=typ, kb="lagebild",  # type: ignore[arg-type]
                              mentions=spans, gender=linker.gender.get(ent_id)))
    return out
