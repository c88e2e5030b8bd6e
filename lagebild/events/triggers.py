"""Finding trigger words in a clause: verbs (with separable particles and reflexives) and nouns
(also as compound heads), with the lexicon's constraints checked."""

from __future__ import annotations

from dataclasses import dataclass

from lagebild.events.clauses import Clause, Word, is_verb
from lagebild.events.lexicon import Lexicon, Trigger

REFLEXIVE = frozenset({"sich", "uns", "mich", "dich", "euch", "themselves", "itself"})
PUNCT_END = {"$,", "$.", "$("}
NOUN_CACHE_MAX = 200_000


@dataclass
class Hit:
    trigger: Trigger
    word: int  # index of the trigger word in the sentence
    particle: int | None = None  # index of the separated particle


def _clause_vocab(clause: Clause) -> set[str]:
    vocab: set[str] = set()
    for w in clause.span_words():
        vocab.add(w.low)
        vocab.add(w.lemma)
    return vocab


def _separated_particle(clause: Clause, k: int, particles: frozenset[str]) -> int | None:
    """Index of a separable particle after verb k that closes its clause ("lehnte ... ab")."""
    words = clause.words
    for m in range(clause.j - 1, k, -1):
        w = words[m]
        if w.pos in PUNCT_END:
            continue
        closes = m == clause.j - 1 or words[m + 1].pos in PUNCT_END or \
            words[m + 1].low in {"und", "oder"}
        if w.low in particles and (w.pos == "PTKVZ" or closes):
            return m
        return None
    return None


def _particle_for(clause: Clause, k: int, particle: str) -> int | None:
    words = clause.words
    for m in range(k + 1, clause.j):
        w = words[m]
        if w.low != particle:
            continue
        closes = m == clause.j - 1 or words[m + 1].pos in PUNCT_END or \
            words[m + 1].low in {"und", "oder"}
        if closes or w.pos == "PTKVZ":
            return m
    return None


COMPOUND_MIN = 5  # a needed word this long also counts as the head of a compound


def _has(words: frozenset[str], vocab: set[str]) -> bool:
    """One of ``words`` is in ``vocab``, also as a compound head ("Wirtschaftssanktionen")."""
    if words & vocab:
        return True
    long = [x for x in words if len(x) >= COMPOUND_MIN]
    return bool(long) and any(len(w) > len(x) + 2 and w.endswith(x) for w in vocab for x in long)


def _constraints_ok(trig: Trigger, vocab: set[str], sentence_vocab: set[str]) -> bool:
    scope = sentence_vocab if trig.sentence_needs else vocab
    if trig.needs and not _has(trig.needs, scope):
        return False
    if trig.needs_all and not all(_has(frozenset({x}), scope) for x in trig.needs_all):
        return False
    if trig.not_with & vocab:
        return False
    if trig.exclude and any(w in trig.exclude or (len(w) > 6 and any(
            w.endswith(x) for x in trig.exclude if len(x) > 4)) for w in sentence_vocab):
        return False
    return not (trig.reflexive and not REFLEXIVE & vocab)


def _german_verb_hits(clause: Clause, k: int, lex: Lexicon, vocab: set[str],
                      svocab: set[str]) -> list[Hit]:
    w = clause.words[k]
    if not w.text[:1].islower() and not (k == clause.i and is_verb(w)):
        return []
    cands = lex.verbs.get(w.lemma, []) or lex.forms.get(w.low, [])
    hits = []
    sep = _separated_particle(clause, k, lex.cue("particles")) if is_verb(w) else None
    for trig in cands:
        if trig.only_forms and w.low not in trig.only_forms:
            continue
        particle_at = None
        joined = trig.particle is not None and w.lemma == trig.particle + trig.head
        if trig.particle and not joined:
            particle_at = _particle_for(clause, k, trig.particle)
            if particle_at is None:
                continue
        if not trig.particle and sep is not None and w.lemma == trig.head:
            # "traf ... ein" is not "treffen": a separated particle makes another verb
            continue
        if not _constraints_ok(trig, vocab, svocab):
            continue
        hits.append(Hit(trig, k, particle_at))
    return hits


def _english_verb_hits(clause: Clause, k: int, lex: Lexicon, vocab: set[str],
                       svocab: set[str]) -> list[Hit]:
    w = clause.words[k]
    hits = []
    for trig in lex.forms.get(w.low, []):
        if k > 0 and clause.words[k - 1].low in trig.not_after:
            continue  # "under house arrest", "the arrest": the noun, not the verb
        particle_at = None
        if trig.particle:
            window = range(k + 1, min(k + 4, clause.j))
            nxt = [m for m in window if clause.words[m].low == trig.particle]
            if not nxt:
                continue
            particle_at = nxt[0]
        if _constraints_ok(trig, vocab, svocab):
            hits.append(Hit(trig, k, particle_at))
    return hits


def _noun_hits(clause: Clause, k: int, lex: Lexicon) -> list[Trigger]:
    """Noun entries whose head the word at k is (or ends in, as a compound); several entries
    may share a head with different constraints."""
    w = clause.words[k]
    if lex.language == "de":
        if not w.text[:1].isupper():
            return []
        key = (w.lemma, w.low)
        cached = lex.noun_cache.get(key)
        if cached is None:
            if len(lex.noun_cache) > NOUN_CACHE_MAX:  # a long-running process: stay bounded
                lex.noun_cache.clear()
            cached = lex.noun_cache[key] = _german_noun_entries(key, lex)
        return cached
    out: list[Trigger] = []
    for trig in lex.nouns:  # the longest matching head, with all its entries
        if out and trig.head != out[0].head:
            continue
        parts = trig.head.split()
        seq = [x.low for x in clause.words[k:k + len(parts)]]
        if len(seq) == len(parts) and seq[:-1] == parts[:-1] and \
                seq[-1] in (parts[-1], parts[-1] + "s"):
            out.append(trig)
    return out


def _german_noun_entries(forms: tuple[str, str], lex: Lexicon) -> list[Trigger]:
    """Entries of the longest noun head that one of the forms is or ends in (as a compound)."""
    out: list[Trigger] = []
    for trig in lex.nouns:
        if out and trig.head != out[0].head:
            continue  # the longest matching head only, with all its entries
        for form in forms:
            if not form.endswith(trig.head):
                continue
            prefix = form[: -len(trig.head)].rstrip("-")
            if prefix and (len(prefix) < 3 or any(prefix.startswith(p) or prefix.endswith(p)
                                                  for p in trig.not_prefix)):
                continue
            out.append(trig)
            break
    return out


NP_INNER = frozenset({"ART", "ADJA", "PPOSAT", "CARD", "PIAT", "PDAT", "ADV"})


def _content_of(clause: Clause, k: int, heads: frozenset[str]) -> bool:
    """The noun at k is the content of another noun, not an event of its own: "die Diskussion
    über einen möglichen Boykott", "die Entscheidung zur Bombardierung", "die Gefahr eines
    Angriffs" (a preposition or a genitive article between the two nouns)."""
    m = k - 1
    while m >= clause.i and clause.words[m].pos in NP_INNER and \
            clause.words[m].low not in ("des", "eines", "der"):
        m -= 1
    if m < clause.i:
        return False
    link = clause.words[m]
    if link.pos not in ("APPR", "APPRART") and link.low not in ("des", "eines", "der"):
        return False
    head = clause.words[m - 1] if m - 1 >= clause.i else None
    return head is not None and head.pos == "NN" and head.lemma in heads


def _verb_lemmas(clause: Clause) -> set[str]:
    out = set()
    for w in clause.span_words():
        if is_verb(w) or w.text[:1].islower():
            out.add(w.lemma)
            out.add(w.low)
    return out


def _pattern_ok(trig: Trigger, clause: Clause) -> bool:
    if trig.needs_pattern is None:
        return True
    return trig.needs_pattern.search(" ".join(w.low for w in clause.span_words())) is not None


def _followed_by(clause: Clause, k: int, words: frozenset[str]) -> bool:
    """The word after k (a comma between allowed) is one of ``words`` ("demonstrieren, wie")."""
    if not words:
        return False
    nxt = [w for w in clause.words[k + 1:k + 3] if w.text != ","]
    return bool(nxt) and nxt[0].low in words


def _obliged(clause: Clause, hit: Hit, lex: Lexicon) -> bool:
    """A verb under a modal of necessity names what someone must do, not what was done: "die
    Regierung müsse dem Einsatz zustimmen" is a condition, no agreement ("musste" is past and
    stays: "musste zurücktreten" happened). The reported demand itself (the "müsse" entry)
    stays."""
    if hit.trigger.kind != "verb" or hit.trigger.only_forms:
        return False
    modals = lex.cue("obligation_modals")
    return any(w.low in modals for w in clause.span_words())


def find(clause: Clause, lex: Lexicon, sentence_vocab: set[str]) -> list[Hit]:
    vocab = _clause_vocab(clause)
    hits: list[Hit] = []
    verb_hit = _german_verb_hits if lex.language == "de" else _english_verb_hits
    for k in range(clause.i, clause.j):
        hits.extend(h for h in verb_hit(clause, k, lex, vocab, sentence_vocab)
                    if _pattern_ok(h.trigger, clause) and
                    not _followed_by(clause, k, h.trigger.not_before) and
                    not _obliged(clause, h, lex))
    # a verb of the noun's own type tells the same act, unless it has no agent of its own:
    # "Ein russischer Angriff auf Odessa tötete drei Menschen" (the attack is its subject),
    # "Bei einem Angriff auf X wurden drei Menschen getötet" (passive)
    verb_types = {h.trigger.type for h in hits} if not _agentless(clause, hits, lex) else set()
    verbs = _verb_lemmas(clause)
    for k in range(clause.i, clause.j):
        if any(h.word == k for h in hits):
            continue
        for trig in _noun_hits(clause, k, lex):
            if _noun_ok(clause, k, trig, lex, verbs, verb_types) and \
                    _constraints_ok(trig, vocab, sentence_vocab):
                hits.append(Hit(trig, k))
                break
    return _dedupe(hits)


SUBJECT_INNER = frozenset({"ART", "ADJA", "PIAT", "PPOSAT", "CARD", "PIDAT"})


def _agentless(clause: Clause, hits: list[Hit], lex: Lexicon) -> bool:
    """The clause's verb triggers have no agent of their own: the clause is passive without an
    agent preposition ("von", "durch"), or its subject is a noun trigger of the verb's type
    (only articles and adjectives before it)."""
    verbs = [h for h in hits if h.trigger.kind == "verb"]
    if not verbs:
        return False
    words = clause.span_words()
    agent_preps = frozenset(lex.grammar["prepositions"].get("agent", ()))
    if clause.has(lex.cue("passive_aux")) and \
            any(clause.words[h.word].pos == "VVPP" for h in verbs) and \
            not any(w.low in agent_preps for w in words):
        return True
    k = clause.i
    while k < min(h.word for h in verbs) and clause.words[k].pos in SUBJECT_INNER:
        k += 1
    types = {h.trigger.type for h in verbs}
    return clause.words[k].pos == "NN" and any(t.type in types for t in _noun_hits(clause, k, lex))


def _noun_ok(clause: Clause, k: int, trig: Trigger, lex: Lexicon, verbs: set[str],
             verb_types: set[str]) -> bool:
    if trig.type in verb_types:
        return False
    if k > 0 and clause.words[k - 1].low in trig.not_after:
        return False
    if trig.needs_verb and not (trig.needs_verb & verbs):
        return False
    return not _content_of(clause, k, lex.cue("content_heads"))


SETTING_INNER = frozenset({"ART", "ADJA", "PPOSAT", "CARD", "ADJD", "PIAT"})


def setting_noun(clause: Clause, hit: Hit, lex: Lexicon) -> bool:
    """A meeting noun in a prepositional phrase of setting ("auf einem Treffen in Wien",
    "bei ihrem Gespräch", "nach dem Gipfel"): the meeting where the clause's subject acted,
    so it took place with that subject, whatever the clause's verb says ("einigten sich auf
    einem Treffen nicht": they met, and did not agree)."""
    if hit.trigger.kind != "noun" or hit.trigger.type != "CONSULT":
        return False
    preps = lex.cue("setting_preps")
    for m in range(hit.word - 1, max(clause.i, hit.word - 4) - 1, -1):
        w = clause.words[m]
        if w.low in preps and w.pos in ("APPR", "APPRART"):
            # "nach" is temporal only up front ("Nach dem Treffen sagte X"); "verlangte nach
            # einem Treffen" asks for one
            return w.low not in lex.cue("fronted_only_preps") or m == clause.i
        if w.pos not in SETTING_INNER:
            return False
    return False


def outranked(found: list[tuple[int, Hit, set[str]]], governed: set[int]) -> set[int]:
    """Positions in ``found`` (clause index, hit, parties) of noun triggers in a governed clause
    (relative, dass, zu-infinitive) that share a party with a verb trigger of a main clause:
    the main verb says what that party did; the noun only describes it or the content ("X
    lobte Y, der die Verhandlungen mit Z leitet" is praise, not a meeting of Y and Z)."""
    main_verbs = [(h, parties) for idx, h, parties in found
                  if h.trigger.kind == "verb" and idx not in governed]
    mains = [parties for _, parties in main_verbs]

    def same_act(h: Hit, parties: set[str]) -> bool:
        # "bestellte den Botschafter ein, um gegen X zu protestieren": the aim or content of
        # the main act, of its own type, is that act, not a second one; but "reiste nach Riad,
        # um mit X zu sprechen": a visit's aim with a new partner is a meeting of its own
        return any(m.trigger.type == h.trigger.type and not (m.trigger.visit and parties - mp)
                   for m, mp in main_verbs)

    return {k for k, (idx, h, parties) in enumerate(found)
            if idx in governed and (
                (h.trigger.kind == "noun" and any(parties & m for m in mains)) or
                (h.trigger.kind == "verb" and same_act(h, parties)))}


def _dedupe(hits: list[Hit]) -> list[Hit]:
    """One hit per word; for a verb with several readings keep the first listed."""
    seen: set[int] = set()
    out = []
    for h in hits:
        if h.word in seen:
            continue
        seen.add(h.word)
        out.append(h)
    return out


def sentence_vocab(words: list[Word]) -> set[str]:
    vocab: set[str] = set()
    for w in words:
        vocab.add(w.low)
        vocab.add(w.lemma)
    return vocab
