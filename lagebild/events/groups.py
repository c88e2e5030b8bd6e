"""Collective actors without a name ("die Demonstranten", "die Polizei", "the rebels").

News tell many events between such groups and named parties; the entity stage marks only named
entities, so this module adds the groups of a sector-noun lexicon (``data/groups.yaml``) as
entities of type MISC (they are not named entities, so entity scores do not count them). Only
groups that end up as a party of an event stay in the document (``prune``).
"""

from __future__ import annotations

import re
from functools import cache

import yaml

from lagebild.events.lexicon import DATA
from lagebild.kb.api import entity_info, local_id, state_of, state_of_adjective
from lagebild.model import Document, Entity, Sentence, Span

PREFIX = "lb:MISC:"
# the words a state adjective may stand among before the group noun ("die russischen Behörden")
_STATE_POS = {"ADJA"}

MIN_SUFFIX = 6  # shorter forms ("täter") are too often the tail of unrelated compounds


@cache
def _data() -> dict:
    with open(DATA / "groups.yaml", encoding="utf-8") as fh:
        return yaml.safe_load(fh) or {}


@cache
def state_forces() -> frozenset[str]:
    """Ids of the groups that act for a state (police, army, authorities, government)."""
    return frozenset(_slug(str(n)) for n in _data().get("state_forces") or ())


@cache
def stand_ins() -> frozenset[str]:
    """Ids of the groups that are a party only as their state ("der russische Botschafter"):
    "der Botschafter" or "die Unterhändler" alone say too little to be a party."""
    return frozenset(_slug(str(n)) for n in _data().get("stand_ins") or ())


@cache
def victims() -> frozenset[str]:
    """Ids of the groups that may only be the ones an act is done to."""
    return frozenset(_slug(str(n)) for n in _data().get("victims") or ())


@cache
def victim_types() -> frozenset[str]:
    return frozenset(str(t) for t in _data().get("victim_types") or ())


@cache
def _suffixes(language: str) -> tuple[tuple[str, str], ...]:
    """(form, name) for compound tails, longest first."""
    forms = _forms(language) if language == "de" else {}
    return tuple(sorted(((f, n) for f, n in forms.items() if len(f) >= MIN_SUFFIX and " " not in f),
                        key=lambda fn: -len(fn[0])))


@cache  # per word form: the suffix scan runs once per distinct noun
def _compound(low: str, language: str) -> str | None:
    for form, name in _suffixes(language):
        if low.endswith(form) and len(low) - len(form) >= 3:
            return name
    return None


@cache
def _organs(language: str) -> frozenset[str]:
    forms = (_data().get("state_organs") or {}).get(language) or ()
    return frozenset(str(f).lower() for f in forms)


def _organ(sent: Sentence, k: int, language: str) -> int:
    """Number of tokens (0: none) of a state organ noun starting at token k."""
    organs = _organs(language)
    toks = sent.tokens
    if k + 1 < len(toks) and f"{toks[k].text} {toks[k + 1].text}".lower() in organs:
        return 2
    low = toks[k].text.lower()
    if low in organs:
        return 1
    return 1 if toks[k].text[:1].isupper() and _organ_tail(low, language) else 0


def is_organ(low: str, language: str) -> bool:
    """A state organ noun ("drohnen", "Transportflugzeuge"), lower case."""
    return low in _organs(language) or _organ_tail(low, language)


@cache  # per word form: the suffix scan runs once per distinct noun
def _organ_tail(low: str, language: str) -> bool:
    """"Transportflugzeuge": a compound whose last part is a state organ noun."""
    return language == "de" and any(low.endswith(o) and len(o) >= MIN_SUFFIX and
                                    len(low) - len(o) >= 3 for o in _organs(language))


@cache
def _forms(language: str) -> dict[str, str]:
    """Word form (lower case, may be two words) -> group name."""
    out: dict[str, str] = {}
    for name, forms in (_data().get(language) or {}).items():
        for form in forms:
            out[str(form).lower()] = str(name)
    return out


def _slug(name: str) -> str:
    """The id the entities stage would give it (``lb:MISC:<normalised name>``)."""
    return local_id(name, "MISC")


def _covered(doc: Document, start: int, end: int, spans: list[tuple[int, int, str]]) -> bool:
    return any(s < end and start < e for s, e, _ in spans)


def _state_before(sent: Sentence, k: int, spans: list[tuple[int, int, str]]) -> str | None:
    """"die russischen Behörden": the state adjective right before the noun, as a state id
    ("" when the entity stage marked it already), else None."""
    for m in range(k - 1, max(-1, k - 3), -1):
        tok = sent.tokens[m]
        if any(s <= tok.start and tok.end <= e and t == "GPE" for s, e, t in spans):
            return ""
        # English adjectives carry no German adjective tag ("the Russian ambassador")
        state = state_of_adjective(tok.text) if tok.pos in _STATE_POS or \
            tok.text[:1].isupper() else None
        if state:
            return state
        if tok.pos not in _STATE_POS:
            return None
    return None


def _state_after(doc: Document, sent: Sentence, k: int, name: str) -> str | None:
    """"die Regierung Kenias", "die Polizei Nigerias", "Unterhändler der USA": a state force
    followed by the genitive of a state the document names is that state."""
    if _slug(name) not in state_forces() or k >= len(sent.tokens):
        return None
    tok = sent.tokens[k]
    article = tok.text.lower() in ("der", "des") and k + 1 < len(sent.tokens)
    if article:
        tok = sent.tokens[k + 1]
    for ent in doc.entities:
        if ent.type == "GPE" and state_of(ent.id) == ent.id and \
                (article or tok.text.endswith("s")) and \
                any(m.start == tok.start for m in ent.mentions):
            return ent.id
    return None


def add_state(doc: Document, state: str, mentions: list[Span] | None = None) -> bool:
    """Make a KB state an entity of the document (it is named only by an adjective), with the
    given mentions; True when it was added here."""
    info = entity_info(state)
    if info is None or doc.entity(state) is not None:
        return False
    doc.entities.append(Entity(id=info.id, name=info.name, type="GPE", kb=info.kb,
                               mentions=mentions or []))
    return True


def _to_state(doc: Document, state: str, start: int, end: int) -> None:
    """The state organ is a mention of the state, when the document names that state."""
    ent = doc.entity(state) if state else None
    if ent is not None:
        ent.mentions.append(doc.span(start, end))
        ent.mentions.sort(key=lambda m: m.start)


def _bare_genitive(sent: Sentence, k: int) -> bool:
    """"Entsendung ausländischer Soldaten": a common noun (no counting one) right before the
    group noun's article-less phrase."""
    quantities = frozenset(str(q) for q in _data().get("quantities") or ())
    m = k - 1
    while m >= 0 and sent.tokens[m].pos in ("ADJA", "ADJD"):
        m -= 1
    if m < 0 or m == k - 1:
        return False
    prev = sent.tokens[m]
    return prev.pos == "NN" and prev.text.lower() not in quantities


@cache
def _group_adjectives(language: str) -> tuple[tuple[str, str], ...]:
    """(adjective stem, group name) pairs."""
    pairs = (_data().get("group_adjectives") or {}).get(language) or {}
    return tuple((str(stem), str(g)) for stem, g in pairs.items())


@cache
def _group_heads(language: str) -> frozenset[str]:
    return frozenset(str(h) for h in (_data().get("group_heads") or {}).get(language) or ())


def _group_adjective(sent: Sentence, k: int, language: str) -> str | None:
    """"militante Siedler", "bewaffnete Männer": the group an adjective makes of the
    persons (group_heads, or a noun in -er) right after it."""
    toks = sent.tokens
    if k + 1 >= len(toks) or toks[k].pos not in ("ADJA", "ADJD"):
        return None
    low = toks[k].text.lower()
    name = next((g for stem, g in _group_adjectives(language) if low.startswith(stem)), None)
    if name is None:
        return None
    nxt = toks[k + 1]
    heads = _group_heads(language)
    person = nxt.text.lower() in heads or nxt.text.lower().endswith("er")
    return name if nxt.pos.startswith("N") and nxt.text[:1].isupper() and person else None


def _nominalised(sent: Sentence, k: int) -> bool:
    """A capitalised adjective inside the sentence with no noun after it is used as a noun
    ("von Bewaffneten entführt")."""
    toks = sent.tokens
    nxt = toks[k + 1] if k + 1 < len(toks) else None
    return k > 0 and toks[k].pos in ("ADJA", "ADJD") and \
        (nxt is None or not nxt.pos.startswith("N"))


def _match(sent: Sentence, k: int, forms: dict[str, str], language: str) -> tuple[str, int] | None:
    """Group name and number of tokens of a group noun starting at token k."""
    toks = sent.tokens
    if k + 1 < len(toks):
        two = f"{toks[k].text} {toks[k + 1].text}".lower()
        if two in forms:
            return forms[two], 2
    adjective = _group_adjective(sent, k, language)
    if adjective:
        return adjective, 2
    tok = toks[k]
    low = tok.text.lower()
    if language == "de":
        if not tok.text[:1].isupper() or not (tok.pos.startswith("N") or _nominalised(sent, k)):
            return None
        last = low.rsplit("-", 1)[-1]
        name = forms.get(low) or forms.get(last) or forms.get((tok.lemma or "").lower()) or \
            _compound(low, language)
    else:
        name = forms.get(low)
    return (name, 1) if name else None


def _words(key: str, language: str) -> frozenset[str]:
    return frozenset(str(w) for w in (_data().get(key) or {}).get(language) or ())


def crowd_words(language: str) -> frozenset[str]:
    """Nouns and quantifiers that name a crowd ("Tausende", "Bürger", "Studenten")."""
    return _words("crowds", language)


def protesters(language: str) -> str:
    """The name of the protesters' group ("Demonstranten")."""
    return str((_data().get("protesters") or {}).get(language) or "")


def _protest_at(sent: Sentence, language: str) -> int | None:
    """Index of the first protest word of the sentence (word form or lemma), else None."""
    words = _words("protest_words", language)
    return next((k for k, t in enumerate(sent.tokens)
                 if t.text.lower() in words or (t.lemma or "").lower() in words), None)


def _crowd(sent: Sentence, k: int, language: str, protest: int | None) -> str | None:
    """The protesters' group name for a crowd noun at k before the sentence's protest word."""
    tok = sent.tokens[k]
    if protest is None or k >= protest or tok.text.lower() not in crowd_words(language):
        return None
    if language == "de" and not tok.pos.startswith("N"):
        return None
    nxt = sent.tokens[k + 1] if k + 1 < len(sent.tokens) else None
    if nxt is not None and (nxt.pos.startswith("N") or nxt.text[:1].isupper() and
                            language == "en"):
        return None  # "Tausende Polizisten": a quantity; the noun after it is the head
    return protesters(language) or None


def _titles_person(sent: Sentence, k: int, persons: set[int]) -> bool:
    """The token at k starts a person's name: the group noun before it is a title."""
    return k < len(sent.tokens) and sent.tokens[k].start in persons


def add_groups(doc: Document, language: str) -> set[str]:
    """Add group entities (with their mentions) to ``doc.entities``; return their ids."""
    forms = _forms(language)
    if not forms:
        return set()
    spans = [(m.start, m.end, e.type) for e in doc.entities for m in e.mentions]
    persons = {m.start for e in doc.entities if e.type == "PER" for m in e.mentions}
    found: dict[str, Entity] = {}
    added: set[str] = set()
    for sent in doc.news_sentences():
        k = 0
        protest = _protest_at(sent, language)
        while k < len(sent.tokens):
            hit = _match(sent, k, forms, language)
            crowd = _crowd(sent, k, language, protest) if hit is None else None
            if crowd:
                hit = (crowd, 1)
            if hit is None:
                n = _organ(sent, k, language)
                end = sent.tokens[k + n - 1].end if n else 0
                state = _state_before(sent, k, spans) if n else None
                if state and not _covered(doc, sent.tokens[k].start, end, spans):
                    _to_state(doc, state, sent.tokens[k - 1].start, end)
                k += max(n, 1)
                continue
            name, n = hit
            start, end = sent.tokens[k].start, sent.tokens[k + n - 1].end
            if _titles_person(sent, k + n, persons):
                k += n  # "der Journalist Ali Musa": a title of the person, no group
                continue
            # only a state's own forces stand for it ("die russischen Behörden"); "die russische
            # Opposition" or "russische Medien" are groups of their own
            state = _state_before(sent, k, spans) if _slug(name) in state_forces() else None
            # "russische Truppen", "den russischen Botschafter" where the text names Russia no
            # other way: Russia is the party all the same (its entity stays only if an event
            # names it, see prune)
            if state and add_state(doc, state):
                added.add(state)
            named = state == "" or state is not None and doc.entity(state) is not None
            if named and not _covered(doc, start, end, spans):
                _to_state(doc, str(state), sent.tokens[k - 1].start, end)
            elif (owner := _state_after(doc, sent, k + n, name)) and \
                    not _covered(doc, start, end, spans):
                _to_state(doc, owner, start, end)  # "die Regierung Kenias": Kenya
            elif not _covered(doc, start, end, spans) and not _bare_genitive(sent, k) and \
                    _slug(name) not in stand_ins():
                ent = found.setdefault(name, Entity(id=_slug(name), name=name, type="MISC"))
                ent.mentions.append(doc.span(start, end))
            k += n
    for ent in found.values():
        same = doc.entity(ent.id)
        if same is None:
            doc.entities.append(ent)
        else:  # the entities stage has it already: one entity, all mentions
            same.mentions = sorted(same.mentions + ent.mentions, key=lambda m: m.start)
    return {e.id for e in found.values()} | added


_DEFINITE = frozenset({"der", "die", "das", "des", "dem", "diese", "dieser", "dieses", "the",
                       "this"})
ANAPHOR_WINDOW = 2  # sentences back in which the named organisation must be


def add_org_anaphors(doc: Document, language: str) -> None:
    """Mentions of the organisation named last, for "die Organisation" / "the group", and of
    the state named last, for "das Land" / "the country"."""
    orgs = [(m.start, e) for e in doc.entities if e.type == "ORG" and not e.id.startswith(PREFIX)
            for m in e.mentions]
    states = [(m.start, e) for e in doc.entities if e.type == "GPE" and
              state_of(e.id) == e.id for m in e.mentions]
    for key, named in (("org_anaphors", orgs), ("state_anaphors", states)):
        nouns = frozenset(str(n) for n in (_data().get(key) or {}).get(language) or ())
        if nouns and named:
            _add_anaphors(doc, nouns, named)


def _add_anaphors(doc: Document, nouns: frozenset[str], named: list[tuple[int, Entity]]) -> None:
    spans = [(m.start, m.end) for e in doc.entities for m in e.mentions]
    sents = doc.news_sentences()
    for n, sent in enumerate(sents):
        toks = sent.tokens
        for k, tok in enumerate(toks[1:], 1):
            if tok.text.lower() not in nouns or toks[k - 1].text.lower() not in _DEFINITE:
                continue
            if k >= 2 and toks[k - 2].text.lower() in ("auf", "aufs"):
                continue  # "auf dem Land": the countryside
            nxt = toks[k + 1] if k + 1 < len(toks) else None
            named_after = nxt is not None and (nxt.pos == "NE" or any(
                s <= nxt.start < e for s, e in spans))
            if named_after or any(s < tok.end and tok.start < e for s, e in spans):
                continue
            window = sents[max(0, n - ANAPHOR_WINDOW)].start
            before = [(s, e) for s, e in named if window <= s < tok.start]
            if before:
                ent = max(before, key=lambda se: se[0])[1]
                ent.mentions.append(doc.span(tok.start, tok.end))
                ent.mentions.sort(key=lambda m: m.start)


QUOTED_NAME = re.compile(r"[„“\"»]([A-ZÄÖÜ][\w-]*(?: [A-ZÄÖÜ][\w-]*){0,4})[“”\"«]")


def add_quoted_names(doc: Document, language: str) -> None:
    """"die Partei „Neue Rechte“": a quoted capitalised name right after a noun for a kind of
    body (``org_anaphors``) names an organisation; all its quoted mentions in the text are
    mentions of it (the entity stage does not read names in quotation marks)."""
    nouns = frozenset(str(n) for n in (_data().get("org_anaphors") or {}).get(language) or ())
    spans = [(m.start, m.end) for e in doc.entities for m in e.mentions]
    names: set[str] = set()
    for m in QUOTED_NAME.finditer(doc.text):
        before = doc.text[max(0, m.start() - 30):m.start()].split()
        if before and before[-1].lower() in nouns:
            names.add(m.group(1))
    for name in sorted(names):
        eid = local_id(name, "ORG")
        ent = doc.entity(eid)
        for m in QUOTED_NAME.finditer(doc.text):
            if m.group(1) != name or any(s < m.end(1) and m.start(1) < e for s, e in spans):
                continue
            if ent is None:
                ent = Entity(id=eid, name=name, type="ORG")
                doc.entities.append(ent)
            ent.mentions.append(doc.span(m.start(1), m.end(1)))
        if ent is not None:
            ent.mentions.sort(key=lambda x: x.start)


def prune(doc: Document, group_ids: set[str], before: set[str]) -> None:
    """Drop the groups, and the states added for their adjectives, that no event names (unless
    the entities stage had them already)."""
    used = {p for ev in doc.events for p in ev.actors + ev.recipients}
    doc.entities = [e for e in doc.entities
                    if e.id not in group_ids or e.id in used or e.id in before]
