"""Mention detection: gazetteer matches, role titles, institution nouns and name patterns.

Works on one news sentence at a time and returns :class:`Mention` records with document offsets.
Linking (choosing among candidates) happens in :mod:`lagebild.kb.link`.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache

import yaml

from lagebild.kb.index import (
    NOUN_SUFFIXES,
    REGION_CUES,
    Index,
    TitleSense,
    fold,
)
from lagebild.kb.loader import LEXICON_DIR
from lagebild.model import Sentence, Token

_FORMER = frozenset({"ex", "ehemalige", "ehemaligen", "ehemaliger", "früheren", "frühere",
                     "früherer", "damalige", "damaligen", "damaliger", "einstige", "einstigen",
                     "designierte", "designierten", "designierter", "künftige", "künftigen",
                     "former", "stellvertretende", "stellvertretenden", "stellvertretender",
                     "vize"})
_DEFINITE = frozenset({"der", "die", "den", "dem", "des", "the"})
_DETERMINERS = frozenset({"ART", "APPRART", "PDS", "PDAT", "PPOSAT"})
_GENITIVE_ARTICLES = frozenset({"der", "des", "von", "of", "the"})


@dataclass
class Mention:
    start: int
    end: int
    text: str
    cands: list[str] = field(default_factory=list)
    kind: str = "alias"  # alias | title | ner | pattern | institution | metonym
    label: str | None = None  # PER/ORG/GPE/LOC for ner/pattern mentions
    expect_per: bool = False
    compound: bool = False
    region_cue: bool = False
    place_cue: bool = False  # a locative preposition before it ("in Austin")
    entity: str | None = None
    # role descriptions: candidate organisations and role keys
    title: TitleSense | None = None
    title_orgs: list[str] = field(default_factory=list)
    hint: str | None = None
    former: bool = False
    dropped: bool = False  # replaced by a longer name found later
    definite: bool = False  # a title after a definite article, with no genitive after it


@lru_cache(maxsize=1)
def institution_data() -> dict:
    with open(LEXICON_DIR / "institutions.yaml", encoding="utf-8") as fh:
        return yaml.safe_load(fh) or {}


def institution_nouns() -> tuple[frozenset[str], frozenset[str]]:
    data = institution_data()
    return (frozenset(data.get("state_metonyms") or ()),
            frozenset(data.get("institutions") or ()))


def places(sent: Sentence, taken: list[Mention]) -> list[Mention]:
    """Unknown places named with their kind: "Provinz Schabwa", "Karl-Marx-Straße",
    "Sukhumvit Road" (the two words, or the hyphenated street name, are one LOC mention)."""
    data = institution_data()
    kinds = frozenset(data.get("place_nouns") or ())
    streets = tuple(data.get("street_words") or ())
    toks = sent.tokens
    out = []
    for i, tok in enumerate(toks):
        if _covering(taken, tok):
            continue
        word = fold(tok.text)
        if "-" in word[1:] and tok.text[:1].isupper() and word.rsplit("-", 1)[1] in streets:
            out.append(Mention(tok.start, tok.end, tok.text, kind="pattern", label="LOC"))
            continue
        nxt = toks[i + 1] if i + 1 < len(toks) else None
        if nxt is None or nxt.start - tok.end > 1:
            continue
        kind_then_name = word in kinds and nxt.pos == "NE" and nxt.text[:1].isupper() \
            and not _covering(taken, nxt)
        name_then_street = tok.pos in ("NE", "FM") and tok.text[:1].isupper() \
            and fold(nxt.text) in streets
        if kind_then_name or name_then_street:
            out.append(Mention(tok.start, nxt.end, sent_text(sent, tok.start, nxt.end),
                               kind="pattern", label="LOC"))
    return _non_overlapping(out)


def anaphors(sent: Sentence, taken: list[Mention]) -> list[Mention]:
    """Definite nouns such as "des Bündnisses" that may refer back to a named organisation."""
    nouns: dict[str, str] = institution_data().get("anaphors") or {}
    toks = sent.tokens
    out = []
    for i, tok in enumerate(toks[1:], 1):
        base = _strip_noun(fold(tok.text), frozenset(nouns))
        if base is None or toks[i - 1].pos not in _DETERMINERS or _covering(taken, tok):
            continue
        out.append(Mention(tok.start, tok.end, tok.text, kind="anaphor", hint=nouns[base]))
    return out


def _case_ok(alias: str, surface: str) -> bool:
    """Proper names must keep their capital; short acronyms must match exactly."""
    letters = [c for c in alias if c.isalpha()]
    if letters and all(c.isupper() for c in letters):
        if surface == alias:
            return True
        # "Nato", "Uno": acronyms of four or more letters are also written as names
        return len(letters) >= 4 and surface[:1].isupper() and surface[1:].lower() == surface[1:]
    if alias[:1].isupper():
        return surface[:1].isupper()
    return True


def _is_word(ch: str) -> bool:
    return ch.isalnum()


def _end_of(folded: str, end: int) -> tuple[int, bool] | None:
    """Where a match ending at ``end`` really ends: (end incl. inflection, is_compound)."""
    n = len(folded)
    if end >= n or not _is_word(folded[end]):
        if end < n - 1 and folded[end] == "-" and _is_word(folded[end + 1]):
            return end, True
        return end, False
    for suffix in NOUN_SUFFIXES:
        stop = end + len(suffix)
        if folded.startswith(suffix, end) and (stop >= n or not _is_word(folded[stop])):
            if stop < n - 1 and folded[stop] == "-":
                return None
            return stop, False
    return None


def gazetteer(index: Index, text: str, offset: int) -> list[Mention]:
    """All alias matches in ``text`` (a sentence starting at doc offset ``offset``)."""
    folded = fold(text)
    found: list[tuple[bool, Mention]] = []
    for end_idx, (key, hits) in index.automaton.iter(folded):
        start = end_idx - len(key) + 1
        if start > 0 and _is_word(folded[start - 1]):
            continue
        # "Berlin-Paris" names Paris, but "Ex-…" or "Anti-…" prefixes are no place names
        if start > 1 and folded[start - 1] == "-" and not text[start - 2].isalpha():
            continue
        bound = _end_of(folded, end_idx + 1)
        if bound is None:
            continue
        stop, compound = bound
        surface = text[start:end_idx + 1]
        cands = [h.entity_id for h in hits
                 if (h.kind in ("name", "alias") and _case_ok(h.alias, surface))
                 or (h.kind == "exact" and surface == h.alias)]
        if stop > end_idx + 1:  # inflected: persons and places take genitive -s only
            cands = [c for c in cands
                     if index.ents[c].type == "ORG" or text[end_idx + 1:stop] in ("s", "'s", "’s")
                     or index.ents[c].kind == "state" and text[end_idx + 1:stop] in ("s", "es")
                     or index.ents[c].kind == "state" and key.endswith("e")
                     and text[end_idx + 1:stop] == "n"]
        cands = list(dict.fromkeys(cands))
        if cands:
            found.append((stop > end_idx + 1, Mention(offset + start, offset + stop,
                                                      text[start:stop], cands, compound=compound)))
    # a name matched as written beats the same span read as an inflected shorter name
    # ("Hamas" the movement, not the genitive of the Syrian city Hama); the sort is stable
    found.sort(key=lambda pair: pair[0])
    chosen = _non_overlapping([m for _, m in found])
    return sorted(chosen + _compound_heads(index, chosen), key=lambda m: m.start)


def _compound_heads(index: Index, chosen: list[Mention]) -> list[Mention]:
    """"UN-Sicherheitsrat" also mentions the UN: the first part of a hyphenated name."""
    out = []
    for m in chosen:
        if "-" not in m.text[1:]:
            continue
        head = m.text.split("-", 1)[0]
        cands = [h.entity_id for h in index.aliases.get(fold(head), [])
                 if h.kind in ("name", "alias", "exact") and head == h.alias
                 and index.ents[h.entity_id].type in ("ORG", "GPE")
                 and h.entity_id not in m.cands]
        if cands:
            out.append(Mention(m.start, m.start + len(head), head, list(dict.fromkeys(cands)),
                               compound=True))
    return out


def _non_overlapping(found: list[Mention]) -> list[Mention]:
    chosen: list[Mention] = []
    for m in sorted(found, key=lambda m: (-(m.end - m.start), m.start)):
        if all(m.end <= c.start or c.end <= m.start for c in chosen):
            chosen.append(m)
    return sorted(chosen, key=lambda m: m.start)


def _at(mentions: list[Mention], start: int) -> Mention | None:
    for m in mentions:
        if m.start == start:
            return m
    return None


def _covering(mentions: list[Mention], tok: Token) -> Mention | None:
    for m in mentions:
        if m.start <= tok.start and tok.end <= m.end:
            return m
    return None


def _is_name_token(tok: Token) -> bool:
    t = tok.text
    return (len(t) > 1 and t[0].isupper() and tok.pos in ("NE", "NN", "FM")
            and not any(c.isdigit() for c in t) and "-" not in t[1:2])


def _split_title(index: Index, word: str) -> tuple[TitleSense | None, str | None, bool]:
    """(sense, prefix, former) for a token such as "US-Außenminister" or "Ex-Präsident"."""
    former = False
    w = word
    if fold(w).startswith("ex-"):
        former, w = True, w[3:]
    sense = index.title(w)
    if sense is not None:
        return sense, None, former
    if "-" in w:
        prefix, head = w.rsplit("-", 1)
        sense = index.title(head)
        if sense is not None:
            return sense, prefix, former
    return None, None, former


def _name_run(tokens: list[Token], i: int, limit: int = 3) -> int:
    """Index after a run of capitalised name tokens starting at ``i`` (``i`` when none)."""
    j = i
    while j < len(tokens) and j - i < limit and _is_name_token(tokens[j]):
        j += 1
    return j


def titles(index: Index, sent: Sentence, gaz: list[Mention]) -> list[Mention]:
    """Role-title mentions and the names they introduce ("US-Präsident Donald Trump")."""
    toks = sent.tokens
    out: list[Mention] = []
    skip_to = 0
    for i, tok in enumerate(toks):
        if i < skip_to:
            continue
        last, sense = _multiword_title(index, toks, i)  # "Foreign Minister", "Prime Minister"
        prefix, former = None, False
        if sense is None:
            sense, prefix, former = _split_title(index, tok.text)
        if sense is None:
            continue
        skip_to = last + 1
        former = former or (i > 0 and fold(toks[i - 1].text) in _FORMER)
        m = Mention(tok.start, toks[last].end, tok.text, kind="title", title=sense,
                    former=former)
        _title_context(index, m, toks, i, prefix, gaz, last)
        m.text = sent_text(sent, m.start, m.end)
        before = next((t for t in reversed(toks[:i]) if t.pos != "ADJA"), None)
        after = toks[last + 1] if last + 1 < len(toks) else None
        m.definite = before is not None and fold(before.text) in _DEFINITE and not (
            after is not None and fold(after.text) in _GENITIVE_ARTICLES)
        nxt = last + 1
        named = _covering(gaz, toks[nxt]) if nxt < len(toks) else None
        if named is not None and any(index.ents[c].type == "PER" for c in named.cands):
            named.expect_per = True
            m.entity = "@" + str(named.start)  # the title belongs to the named person
        elif nxt < len(toks) and _is_name_token(toks[nxt]) and toks[nxt].pos == "NE":
            end = _name_run(toks, nxt)
            if not any(_covering(gaz, t) for t in toks[nxt:end]):
                name = Mention(toks[nxt].start, toks[end - 1].end,
                               sent_text(sent, toks[nxt].start, toks[end - 1].end),
                               kind="pattern", label="PER")
                out.append(name)
                m.entity = "@" + str(name.start)
        if m.entity is None and i >= 2 and toks[i - 1].text == ",":
            _apposition(m, toks, i - 2, gaz, sent, out)
        out.append(m)
    return out


def _apposition(m: Mention, toks: list[Token], j: int, gaz: list[Mention], sent: Sentence,
                out: list[Mention]) -> None:
    """"NAME, ROLE des …": the title describes the name before the comma."""
    named = _covering(gaz, toks[j])
    if named is not None:
        m.entity = "@" + str(named.start)
        return
    k = j
    while k >= 0 and j - k < 3 and _is_name_token(toks[k]) and toks[k].pos == "NE":
        k -= 1
    if k < j and (k < 0 or not toks[k].text[:1].isupper()):
        name = Mention(toks[k + 1].start, toks[j].end,
                       sent_text(sent, toks[k + 1].start, toks[j].end), kind="pattern",
                       label="PER")
        out.append(name)
        m.entity = "@" + str(name.start)


def sent_text(sent: Sentence, start: int, end: int) -> str:
    return sent.text[start - sent.start:end - sent.start]


def _multiword_title(index: Index, toks: list[Token], i: int) -> tuple[int, TitleSense | None]:
    """A title of several words starting at token ``i``: (index of its last token, sense)."""
    for n in (3, 2):
        if i + n <= len(toks):
            sense = index.titles.get(fold(" ".join(t.text for t in toks[i:i + n])))
            if sense is not None:
                return i + n - 1, sense
    return i, None


def _title_context(index: Index, m: Mention, toks: list[Token], i: int, prefix: str | None,
                   gaz: list[Mention], last: int | None = None) -> None:
    """The organisations a title may refer to, from prefix, adjective, genitive or possessor."""
    orgs: list[str] = []
    if prefix:
        orgs += [e.id for e in index.lookup(prefix) if e.type in ("GPE", "ORG")]
        if not orgs and prefix in index.by_iso:  # "US-", "UK-": an ISO code names its state
            orgs.append(index.by_iso[prefix])
        m.hint = fold(prefix)
        if not orgs:
            m.former = m.former or fold(prefix) in _FORMER
    j = i - 1
    while j >= 0 and j >= i - 2 and (toks[j].pos in ("ADJA", "ADJD")
                                     or fold(toks[j].text) in index.adjectives_en):
        state = index.adjective_state(toks[j].text)
        if state:
            orgs.append(state)
            if j == i - 1:  # "ukrainische Präsident" is the mention, as annotators write it
                m.start = toks[j].start
            break
        j -= 1
    if i > 0:
        poss = _covering(gaz, toks[i - 1])
        if poss is not None and poss.text.endswith("s") and poss.end == toks[i - 1].end:
            orgs += ["@poss:" + c for c in poss.cands if index.ents[c].type == "PER"]
            orgs += [c for c in poss.cands if index.ents[c].type in ("GPE", "ORG")]
    k = (last if last is not None else i) + 1
    if k < len(toks) and fold(toks[k].text) in _GENITIVE_ARTICLES:
        k += 1
    if k < len(toks):
        gen = _covering(gaz, toks[k])
        if gen is not None:
            orgs += [c for c in gen.cands if index.ents[c].type in ("GPE", "ORG")]
        elif toks[k].pos == "ADJA" and k + 1 < len(toks):
            # "Sprecherin des russischen Außenministeriums": the state, narrowed by the noun
            state = index.adjective_state(toks[k].text)
            noun = _strip_noun(fold(toks[k + 1].text), institution_nouns()[1])
            if state and noun:
                orgs.append(state)
                m.hint = m.hint or noun
    if not orgs and m.title and m.title.org:
        orgs.append(m.title.org)
    m.title_orgs = list(dict.fromkeys(orgs))


def institutions(index: Index, sent: Sentence, gaz: list[Mention]) -> list[Mention]:
    """"die chinesische Regierung" (the state), "des russischen Außenministeriums" (an ORG)."""
    metonyms, nouns = institution_nouns()
    toks = sent.tokens
    out: list[Mention] = []
    for i, tok in enumerate(toks):
        word = fold(tok.text)
        head = word.rsplit("-", 1)[-1]
        base = _strip_noun(head, metonyms | nouns)
        if base is None:
            continue
        state = None
        start = tok.start
        if i > 0 and toks[i - 1].pos == "ADJA":
            state = index.adjective_state(toks[i - 1].text)
            if state:
                start = toks[i - 1].start
        if state is None and "-" in word:
            pre = [e.id for e in index.lookup(tok.text.rsplit("-", 1)[0]) if e.kind == "state"]
            state = pre[0] if pre else None
        if state is None and i + 1 < len(toks):
            gen = _covering(gaz, toks[i + 1])
            if gen is not None and gen.text.endswith("s"):
                state = next((c for c in gen.cands if index.ents[c].kind == "state"), None)
        if state is None and base in metonyms:
            continue
        if state is None and not (i > 0 and toks[i - 1].pos in _DETERMINERS):
            continue
        kind = "metonym" if base in metonyms else "institution"
        m = Mention(start, tok.end, sent_text(sent, start, tok.end), kind=kind, label="ORG")
        if kind == "metonym":
            m.cands = [state] if state else []
        else:
            m.hint = base
            m.title_orgs = [state] if state else []
        out.append(m)
    return out


def _strip_noun(word: str, nouns: frozenset[str]) -> str | None:
    if word in nouns:
        return word
    for suffix in ("s", "es", "n", "en", "ses"):
        if word.endswith(suffix) and word[: -len(suffix)] in nouns:
            return word[: -len(suffix)]
    return None


_LOCATIVE = frozenset({"in", "nach", "aus", "bei", "via", "bis", "im", "gen"})


def place_cue_before(sent: Sentence, start: int) -> bool:
    before = [t for t in sent.tokens if t.end <= start][-1:]
    return bool(before) and fold(before[0].text) in _LOCATIVE


def region_cue_before(sent: Sentence, start: int) -> bool:
    """A noun such as "Bundesstaat" or "Oblast" within three tokens before ``start``."""
    before = [t for t in sent.tokens if t.end <= start][-3:]
    return any(fold(t.text) in REGION_CUES for t in before)


def normalise_name(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).split())
