"""Actors, recipients and place of one trigger, read from its clause.

Subject: the first bare (preposition-less) entity group of the clause, or the antecedent of a
relative pronoun, or (pronoun / no subject) the last subject seen before. Passive clauses take
the "von X" agent as actor and the bare entity as recipient. Symmetric events (meet, talk, agree)
put all sides in ``actors``; visits put the visitor in ``actors`` and the host in ``recipients``.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from lagebild.events.clauses import SPECIFICITY, Chunk, Clause, cue, is_verb
from lagebild.events.groups import is_organ
from lagebild.events.lexicon import Lexicon
from lagebild.events.triggers import Hit
from lagebild.kb.api import state_of_adjective

PARTY_TYPES = {"PER", "ORG", "GPE"}
FINITE = {"VVFIN", "VAFIN", "VMFIN"}
SPEECH_ACTS = {"REQUEST", "ACCUSE", "REJECT", "THREATEN", "SUPPORT", "AGREE"}
PLACE_TYPES = {"GPE", "LOC"}


@dataclass
class Args:
    actors: list[str] = field(default_factory=list)
    recipients: list[str] = field(default_factory=list)
    location: str | None = None
    explicit_subject: bool = True
    followers: bool = False  # the actor is named for its followers ("Anhänger Rutos")


@dataclass
class Context:
    """What earlier clauses tell later ones: the last subject, for pronouns and ellipsis."""

    last_subject: list[str] = field(default_factory=list)
    clause_subject: list[str] = field(default_factory=list)  # previous clause, same sentence
    previous_chunks: list[Chunk] = field(default_factory=list)
    quote_speaker: str | None = None
    events: list = field(default_factory=list)  # events of earlier sentences (for ellipsis)
    previous_events: list = field(default_factory=list)  # events of the sentence just before
    named: set[str] = field(default_factory=set)  # ids of the document's entities
    proposer: str | None = None  # who made the last proposal, for replies to it
    proposer_age: int = 0  # sentences since then
    reported_speaker: str | None = None  # whose reported speech the last sentence gave
    # pronouns the quotes stage resolved as speakers in this sentence ("kündigte er an")
    pronoun_speakers: dict[str, str] = field(default_factory=dict)
    # states named only by an adjective before an event noun: id -> adjective spans
    adjective_states: dict[str, list[tuple[int, int]]] = field(default_factory=dict)


def _groups(chunks: list[Chunk]) -> list[list[Chunk]]:
    groups: dict[int, list[Chunk]] = {}
    for ch in chunks:
        if ch.modifier:
            continue
        groups.setdefault(ch.group, []).append(ch)
    return list(groups.values())


def _ids(chunks: list[Chunk], types: set[str] = PARTY_TYPES) -> list[str]:
    out: list[str] = []
    for ch in chunks:
        if ch.etype in types and ch.entity not in out:
            out.append(ch.entity)
    return out


def is_passive(clause: Clause, lex: Lexicon, hit: Hit) -> bool:
    trig_word = clause.words[hit.word]
    if lex.language == "de":
        werden = {"wurde", "wurden", "worden", "wird", "werden", "würde", "würden"}
        aux = any(w.low in werden for w in clause.span_words())
        return aux and trig_word.pos == "VVPP"
    aux = clause.has(lex.cue("passive_aux"))
    return aux and trig_word.low.endswith(("ed", "en")) and any(
        w.low == "by" for w in clause.words[hit.word:clause.j])


def _passive_phrase(clause: Clause, lex: Lexicon, hit: Hit) -> bool:
    """"X wurde unter Hausarrest gestellt", "wurde in Gewahrsam genommen": a noun trigger right
    after its preposition (no article: a fixed verb phrase) in a passive clause; its subject is
    the one the act is done to."""
    if lex.language != "de" or hit.trigger.kind != "noun" or hit.word <= clause.i or \
            clause.words[hit.word - 1].pos != "APPR":
        return False
    words = clause.span_words()
    werden = {"wurde", "wurden", "worden", "wird", "werden", "würde", "würden"}
    return any(w.low in werden for w in words) and any(w.pos == "VVPP" for w in words)


AGENT_STRETCH = frozenset({"ART", "ADJA", "NN", "NE", "$(", "CARD"})


def _titled_agent(clause: Clause, bare: list[list[Chunk]]) -> tuple[list[str], set[int]]:
    """"wurde vom außenpolitischen Sprecher der Partei X, Anna Berg, begrüßt": a passive agent
    named by a title noun, with the person after it (the parser leaves the name bare). Returns
    the person and the groups of the phrase (genitives in it are no objects)."""
    words = clause.words
    for k in range(clause.i, clause.j - 1):
        if words[k].low not in ("von", "vom") or words[k + 1].entity is not None:
            continue
        m = k + 1
        while m < clause.j and words[m].pos in AGENT_STRETCH | {"$,"}:
            m += 1
        inside = [g for g in bare if g[0].i > k and g[-1].j <= m]
        persons = [g for g in inside if g[0].etype == "PER"]
        # the phrase must start with a common noun (the title) and end at the participle
        title = next((w for w in words[k + 1:m] if w.pos == "NN"), None)
        end = m
        while end < clause.j and words[end].pos in ("ADV", "ADJD"):
            end += 1  # "... Okafor ausdrücklich gelobt"
        if persons and title is not None and title.entity is None and end < clause.j and \
                words[end].pos == "VVPP":
            return _ids(persons[-1]), {g[0].group for g in inside}
    return [], set()


def _state_of_subject(clause: Clause, ctx: Context) -> list[str]:
    """"Der kenianische Vorstoß wurde von X begrüßt": in a passive clause without a named
    subject, the state whose adjective qualifies the subject noun is the one the act is
    addressed to."""
    words = clause.words
    k = clause.i
    while k < clause.j and words[k].pos == "ART":
        k += 1
    if k + 1 >= clause.j or words[k].pos != "ADJA" or words[k].entity is not None or \
            words[k + 1].pos != "NN" or words[k + 1].entity is not None:
        return []
    state = state_of_adjective(words[k].text)
    return [state] if state and state in ctx.named else []


def _resolve_pronoun(clause: Clause, lex: Lexicon, ctx: Context) -> tuple[list[str], bool]:
    words = clause.span_words()
    if ctx.quote_speaker and any(w.low in lex.cue("first_person") for w in words):
        return [ctx.quote_speaker], True
    said = next((ctx.pronoun_speakers[w.low] for w in words if w.low in ctx.pronoun_speakers),
                None)
    if said:  # the quotes stage already resolved this pronoun as the speaker
        return [said], True
    if any(w.low in lex.cue("pronouns") and w.pos in ("PPER", "PIS", "") or
           w.low in lex.cue("pronouns") and lex.language == "en" for w in words):
        return list(ctx.last_subject), False
    # "X berichtet, es habe Gespräche mit Y gegeben": an impersonal clause has no subject
    # to inherit (the reporter did not talk); "Kenia erklärte, es habe verhandelt" is Kenya
    if any(w.low in lex.cue("impersonal") and w.pos == "PPER" for w in words) and \
            any(w.lemma in lex.cue("impersonal_verbs") for w in words):
        return [], False
    # no pronoun: an elliptic subject ("... und traf dort X") comes from the same sentence
    return list(ctx.clause_subject), False


def _pronoun_first(clause: Clause, lex: Lexicon, bare: list[list[Chunk]]) -> bool:
    """A subject pronoun ("Er traf dort Modi") comes before the first bare entity."""
    limit = bare[0][0].i if bare else clause.j
    if limit == clause.j:
        return False
    pronouns = lex.cue("pronouns") | lex.cue("first_person")
    return any(w.low in pronouns for w in clause.words[clause.i:limit])


def is_infinitive(clause: Clause) -> bool:
    """A zu-infinitive clause without a finite verb ("Kallas in Genf zu treffen")."""
    words = clause.span_words()
    if any(w.pos in FINITE and w.text[:1].islower() for w in words):
        return False
    return any(w.pos == "VVIZU" or (w.low == "zu" and k + 1 < len(words) and
                                     words[k + 1].pos in ("VVINF", "VAINF"))
               for k, w in enumerate(words))


def _unnamed_subject(clause: Clause, lex: Lexicon, bare: list[list[Chunk]], hit: Hit) -> bool:
    """An agent noun ("die Polizei", "die Regierung") before the finite verb and the first
    named entity after it: the entity is the object."""
    if not bare:
        return False
    words = clause.words
    finite = hit.word if lex.language == "en" else next(
        (k for k in range(clause.i, clause.j)
         if words[k].pos in FINITE and words[k].text[:1].islower()), None)
    if finite is None or bare[0][0].i < finite:
        return False
    agents = lex.cue("agent_nouns")
    # the head of the first noun phrase ("Die Polizei in Belarus", not "Eine Stationierung
    # ausländischer Truppen")
    head = next((w for w in words[clause.i:finite] if w.pos.startswith("N") and w.entity is None
                 and w.text[:1].isupper()), None)
    return head is not None and (head.lemma in agents or head.low in agents)


def _verb_first(clause: Clause, lex: Lexicon, ctx: Context) -> bool:
    """"Putin, der seit 2000 regiert, traf Xi": after an embedded clause the main clause goes on
    with its finite verb; its subject is the one before the embedded clause, and a bare entity
    after the verb is an object."""
    first, opening = clause.words[clause.i], clause.words[0]
    # "Wie X berichtet, informierte Y ...": after a fronted subordinate clause the subject
    # follows the verb
    fronted = opening.pos in ("KOUS", "KOUI", "PWAV") or \
        opening.low in cue(lex.language, "subordinators")
    # "..., traf Xi" and "Er lobte X und forderte Y auf": the verb goes on with the subject
    joined = clause.i > 0 and (clause.words[clause.i - 1].text == "," or
                               clause.words[clause.i - 1].low in ("und", "aber", "doch"))
    return lex.language == "de" and joined \
        and first.pos in FINITE and first.text[:1].islower() and bool(ctx.clause_subject) \
        and not fronted


def _relative_start(clause: Clause, lex: Lexicon) -> bool:
    """The clause opens with a relative pronoun right after a comma ("..., die ...")."""
    k = clause.i
    if k == 0 or clause.words[k - 1].text != "," or clause.words[k].low not in lex.cue("relative"):
        return False
    # the tagger often reads "die" as an article: an article would be followed by its noun
    nxt = clause.words[k + 1] if k + 1 < clause.j else None
    return clause.words[k].pos in ("PRELS", "PRELAT") or \
        nxt is not None and nxt.pos not in ("NN", "NE", "ADJA", "CARD", "PIAT")


def _relative_antecedent(clause: Clause, lex: Lexicon, ctx: Context) -> list[str] | None:
    first = clause.words[clause.i]
    after_comma = clause.i > 0 and clause.words[clause.i - 1].text == ","
    if not after_comma or first.low not in lex.cue("relative"):
        return None
    # the antecedent ends right before the comma: "Russland, das ..."
    prev = [c for c in ctx.previous_chunks if not c.modifier and c.etype in PARTY_TYPES
            and c.j == clause.i - 1 and c.role in ("bare", "partner", "recipient", "agent")]
    if not prev:
        return None
    return [prev[-1].entity]


def _route(ch: Chunk, words: list | None = None) -> bool:
    """"durch Nairobi": a place passed through, not an agent or addressee ("durch russische
    Drohnen" names the state by its weapons: an agent)."""
    if ch.prep not in ("durch", "through") or ch.etype not in PLACE_TYPES:
        return False
    if words is None:
        return True
    last = words[ch.j - 1]
    # "durch die tibetische Hauptstadt" is a route too; only a state organ is an agent
    return last.pos in ("NE", "FM") or last.text.isupper() or \
        not is_organ(last.low, "de" if ch.prep == "durch" else "en")


AGENT_OF_NOUN = frozenset({"von", "vom", "durch", "seitens", "by"})
NP_WORDS = frozenset({"ART", "ADJA", "CARD", "PIAT", "PPOSAT"})


def _by_agent(clause: Clause, k: int, ch: Chunk) -> bool:
    """"der Überfall von Rebellen auf X": "von" right after the event noun names its
    agent, whatever role the phrase got from words further back ("Nach der ...")."""
    between = clause.words[k + 1:ch.i]
    # a title before the name belongs to the phrase ("das Treffen von Präsident X mit Y")
    titled = [w for w in between[1:] if w.pos not in NP_WORDS]
    return bool(between) and between[0].low in AGENT_OF_NOUN and \
        (not titled or (len(titled) == 1 and titled[0] is between[-1] and titled[0].pos == "NN"))


def _adjective_state(clause: Clause, hit: Hit, ctx: Context) -> list[str]:
    """The state whose adjective stands right before an event noun ("ein russischer
    Raketenangriff"); a state the text names no other way is noted with the adjective's span,
    so that the events stage can make it an entity if an event keeps it."""
    k = hit.word - 1
    while k >= clause.i and clause.words[k].pos == "ADJA":
        w = clause.words[k]
        state = state_of_adjective(w.text) if w.entity is None else None
        if state:
            if state not in ctx.named:
                ctx.adjective_states.setdefault(state, []).append((w.start, w.end))
            return [state]
        k -= 1
    return []


def _instrument(clause: Clause, k: int | None) -> bool:
    """"mit Schlagstöcken gegen die Demonstranten": the phrase after an instrument belongs to
    the act, not to the instrument."""
    if k is None:
        return False
    m = k - 1
    while m >= clause.i and clause.words[m].pos in ("ADJA", "ART", "CARD"):
        m -= 1
    if m > clause.i and clause.words[m].low in ("aus", "von") and \
            clause.words[m - 1].pos == "NN":
        # "mit Schlagstöcken aus Holz gegen X": the instrument has a phrase of its own
        return _instrument(clause, m - 1)
    return m >= clause.i and clause.words[m].low == "mit"


def _hanging_on(clause: Clause, ch: Chunk) -> int | None:
    """The word right before the preposition that governs ``ch`` ("Demonstration gegen X")."""
    if ch.prep is None:
        return None
    for k in range(ch.i - 1, max(clause.i, ch.i - 5) - 1, -1):
        if clause.words[k].low == ch.prep:
            return k - 1 if k > clause.i else None
    return None


def _transfer_chain(clause: Clause, lex: Lexicon) -> set[int]:
    """"setzte die Lieferung von Patriot-Raketen an die Ukraine aus": after a noun of transfer
    the nouns of what is transferred carry its addressee ("an X")."""
    nouns = cue(lex.language, "transfer_nouns")
    words = clause.words
    start = next((k for k in range(clause.i, clause.j) if words[k].low in nouns or
                  words[k].lemma in nouns), None)
    if start is None:
        return set()
    return {k for k in range(start + 1, min(clause.j, start + 6)) if words[k].pos.startswith("N")}


def _own_sides(noun_args: tuple[list[str], list[str], list[str]]) -> bool:
    """An event noun whose own phrase names two sides ("von X mit Y", "zwischen X und Y")."""
    actors, partners, recips = noun_args
    return len(set(actors) | set(partners) | set(recips)) >= 2 and bool(actors or len(partners) > 1)


def _in_phrase(clause: Clause, hit: Hit) -> bool:
    """The noun trigger stands in a prepositional phrase ("nach dem Angriff von X")."""
    k = hit.word - 1
    while k >= clause.i and clause.words[k].pos in NP_WORDS:
        k -= 1
    return k >= clause.i and clause.words[k].pos in ("APPR", "APPRART")


def _noun_args(clause: Clause, hit: Hit, groups: list[list[Chunk]]) -> tuple[list[str], list[str],
                                                                             list[str]]:
    """Arguments attached to a noun trigger: possessive before it ("Putins Besuch"), genitive,
    "von", "mit", "zwischen", "auf", "gegen" after it."""
    actors: list[str] = []
    partners: list[str] = []
    recips: list[str] = []
    k = hit.word
    for grp in groups:
        ch = grp[0]
        if ch.j <= k and k - ch.j <= 1 and clause.words[ch.j - 1].low.endswith("s"):
            actors += _ids(grp)
        elif ch.i > k and ch.i - k <= 6 and not _route(ch, clause.words) and \
                not any(is_verb(w) and w.text[:1].islower() for w in clause.words[k + 1:ch.i]):
            if ch.role in ("bare", "agent") or _by_agent(clause, k, ch):
                actors += _ids(grp)
            elif ch.role == "partner":
                partners += _ids(grp)
            elif ch.role in ("recipient", "weak"):
                recips += _ids(grp)
    return actors, partners, recips


def _possessor(clause: Clause, hit: Hit, lex: Lexicon, ctx: Context) -> list[str]:
    """"bei seinem Besuch": the owner of a possessive pronoun before a noun trigger is the
    subject of the clause (or of the governing one), else the last subject."""
    k = hit.word - 1
    while k >= clause.i and clause.words[k].pos in ("ADJA", "ADJD"):
        k -= 1
    if k < clause.i or clause.words[k].pos != "PPOSAT" or \
            clause.words[k].low.startswith(("unser", "euer", "eure", "mein", "dein")):
        return []
    bare = [g for g in _groups(clause.chunks) if g[0].role == "bare" and g[0].i < hit.word]
    if bare and not is_infinitive(clause):
        return _ids(bare[0])
    return list(ctx.clause_subject or ctx.last_subject)


def extract(clause: Clause, hit: Hit, lex: Lexicon, ctx: Context, light: bool,
            trigger_words: set[int] | None = None, foreign: set[int] | None = None) -> Args:
    """Arguments for ``hit``; ``light`` says a noun trigger is the object of a light/support verb,
    so the clause subject is its actor ("Putin führte Gespräche mit Xi"). Prepositional phrases
    hanging on a common noun that is no trigger ("an der Grenze zu Ägypten") name no party."""
    trig = hit.trigger
    keep = (trigger_words or set()) | {hit.word} | _transfer_chain(clause, lex)
    foreign = foreign or set()
    chunks = [c for c in clause.chunks if (c.attached is None or c.attached in keep
              or c.role in ("location", "bare") or _instrument(clause, c.attached))
              and _hanging_on(clause, c) not in foreign]
    groups = _groups(chunks)
    bare = [g for g in groups if g[0].role == "bare"]
    by_role = {r: [c for g in groups if g[0].role == r for c in g]
               for r in ("partner", "recipient", "agent", "location", "weak")}
    if trig.type == "CONSULT":  # "met Trump at the White House": where, not with whom
        venue = [c for c in by_role["recipient"] if c.prep in lex.cue("venue_preps")]
        by_role["recipient"] = [c for c in by_role["recipient"] if c not in venue]
        by_role["location"] += venue
    args = Args()
    # a visit's target ("nach Moskau") before other places ("in der Ukraine")
    located = sorted(by_role["location"], key=lambda c: c.prep not in lex.cue("destination"))
    places = _ids(located, PLACE_TYPES)
    if not places:  # "zogen durch Nairobi": the march happens in the place it passes through
        places = _ids([c for c in by_role["agent"] if _route(c, clause.words)], PLACE_TYPES)
    if trig.kind == "noun" and light and _in_phrase(clause, hit) and \
            _noun_args(clause, hit, groups)[0]:
        light = False  # "Nach der Aktion von X kündigte Y an": X acted, not Y
    if trig.kind == "noun" and light and _own_sides(_noun_args(clause, hit, groups)):
        light = False  # "Der Kreml wertete das Treffen von X mit Y": the noun names both sides
    if trig.kind == "noun" and not light:
        actors, partners, recips = _noun_args(clause, hit, groups)
        if not actors:  # "ein russischer Raketenangriff auf Kiew": Russia attacks
            actors = [s for s in _adjective_state(clause, hit, ctx) if s not in partners + recips]
        subject: list[str] = []
        objects: list[str] = []
        if not actors:
            actors = [p for p in _possessor(clause, hit, lex, ctx) if p not in partners + recips]
        # "seine Reise nach Nigeria": a visit's destination is its other side
        if not (partners or recips or trig.visit and actors and places):
            return args
        if trig.sym and len(partners) == 1 and not actors:
            # "er habe in einem Telefonat mit Trump vereinbart": the speaker was on the call
            pronoun = any(w.low in lex.cue("pronouns") | lex.cue("first_person")
                          for w in clause.words[clause.i:hit.word])
            # "Bei dem Treffen mit Xi sprach Putin ...": after a fronted phrase the subject
            # follows the verb
            fronted = _in_phrase(clause, hit) and hit.word - clause.i <= 4
            actors = _ids(bare[0]) if bare and (bare[0][0].i < hit.word or fronted) else \
                _resolve_pronoun(clause, lex, ctx)[0] if pronoun else []
    else:
        actors, partners, recips = [], _ids(by_role["partner"]), _ids(by_role["recipient"])
        passive = is_passive(clause, lex, hit) or _passive_phrase(clause, lex, hit)
        if not passive:  # "verlangte vom Wächterrat", "forderte von X": the addressee
            # ("zogen durch Nairobi": a route, no addressee)
            agents = [c for c in by_role["agent"] if not _route(c, clause.words)]
            recips += [e for e in _ids(agents) if e not in recips]
        antecedent = _relative_antecedent(clause, lex, ctx)
        if passive:
            subject = _ids(by_role["agent"])
            titled, phrase = ([], set()) if subject else _titled_agent(clause, bare)
            if titled:
                subject, bare = titled, [g for g in bare if g[0].group not in phrase]
            if not subject and ctx.quote_speaker and trig.type in SPEECH_ACTS:
                subject = [ctx.quote_speaker]  # "X wird aufgefordert, ..., so Y": Y demands
            objects = [e for g in bare for e in _ids(g)] or _state_of_subject(clause, ctx)
            if antecedent:
                objects = antecedent + objects
        elif antecedent:
            subject, objects = antecedent, [e for g in bare for e in _ids(g)]
        elif _verb_first(clause, lex, ctx):
            subject, objects = list(ctx.clause_subject), [e for g in bare for e in _ids(g)]
        elif _pronoun_first(clause, lex, bare):
            subject, args.explicit_subject = _resolve_pronoun(clause, lex, ctx)
            objects = [e for g in bare for e in _ids(g)]
        elif is_infinitive(clause) or _unnamed_subject(clause, lex, bare, hit):
            # "..., Kallas zu treffen" (subject from the governing clause) or "Die Polizei
            # nahm X fest" (the subject is no named entity): bare entities are objects
            subject = list(ctx.clause_subject) if is_infinitive(clause) else []
            objects = [e for g in bare for e in _ids(g)]
            if not subject:
                subject = ["-"]  # placeholder: a known but unnamed subject
        elif bare:
            subject = _ids(bare[0])
            objects = [e for g in bare[1:] for e in _ids(g)]
        else:
            subject, objects = [], []
        if not subject and not passive and trig.kind == "noun":
            # "bei seinem Treffen mit X", "der russische Angriff auf X dauerte"
            subject = _possessor(clause, hit, lex, ctx) or _adjective_state(clause, hit, ctx)
        if not subject and not passive and _relative_start(clause, lex):
            subject = []  # "50.000 Menschen, die ... teilnahmen": the antecedent is no party
        elif not subject and not passive:
            subject, args.explicit_subject = _resolve_pronoun(clause, lex, ctx)
        if trig.kind == "noun":
            n_actors, n_partners, n_recips = _noun_args(clause, hit, groups)
            partners += [e for e in n_partners if e not in partners]
            recips += [e for e in n_recips if e not in recips]
            objects += [e for e in n_actors if e not in subject]
        actors = [s for s in subject if s != "-"]
        if not recips and not partners and not objects:
            recips = _ids(by_role["weak"])
        recips = objects + [r for r in recips if r not in objects]
    _assign(args, trig, actors, partners, recips, places, clause)
    args.followers = _followers_of(clause, args.actors, lex)
    return args


def _followers_of(clause: Clause, actors: list[str], lex: Lexicon) -> bool:
    """"Anhänger Rutos", "Anhänger von Ruto", "Ruto-Anhänger": the first actor is named for
    its followers, who act."""
    nouns = cue(lex.language, "followers")
    if not actors or not nouns:
        return False
    chunk = next((c for c in clause.chunks if c.entity == actors[0]), None)
    if chunk is None:
        return False
    words = clause.words
    inside = any(w.low.rsplit("-", 1)[-1] in nouns for w in words[chunk.i:chunk.j])
    before = any(w.low in nouns for w in words[max(clause.i, chunk.i - 4):chunk.i])
    return inside or before


def _assign(args: Args, trig, actors: list[str], partners: list[str], recips: list[str],
            places: list[str], clause: Clause) -> None:
    etype = {c.entity: c.etype for c in clause.chunks}
    if trig.host:
        args.actors = partners + recips
        args.recipients = actors
    elif trig.sym:
        args.actors = actors + [p for p in partners + recips if p not in actors]
    else:
        args.actors = actors
        args.recipients = [r for r in recips + partners if r not in actors]
    if trig.visit and not args.recipients:
        targets = [p for p in places if etype.get(p) in ("GPE", "LOC")]
        if targets:
            args.recipients = [targets[0]]
    if trig.visit and args.recipients and etype.get(args.recipients[0]) in PLACE_TYPES:
        args.location = args.recipients[0]
    elif places:
        args.location = places[0]
    args.actors = _dedupe(args.actors)[:3]
    args.recipients = [r for r in _dedupe(args.recipients) if r not in args.actors][:2]


def _dedupe(ids: list[str]) -> list[str]:
    out: list[str] = []
    for x in ids:
        if x not in out:
            out.append(x)
    return out


def resolved_subject(clause: Clause, lex: Lexicon, ctx: Context) -> list[str]:
    """The clause's subject for the clauses after it: a subject pronoun before the first named
    entity stands for its antecedent ("Man habe den Botschafter einbestellt, um ... zu
    protestieren": the speaker's side protests, not the ambassador)."""
    bare = [g for g in _groups(clause.chunks) if g[0].role == "bare"]
    if _pronoun_first(clause, lex, bare) and not is_infinitive(clause):
        return _resolve_pronoun(clause, lex, ctx)[0]
    return subject_of(clause)


def subject_of(clause: Clause) -> list[str]:
    """The clause's subject group, for later pronouns (most specific entity first)."""
    for grp in _groups(clause.chunks):
        if grp[0].role == "bare":
            ids = _ids(grp)
            if ids:
                return sorted(ids, key=lambda e: -max(SPECIFICITY.get(c.etype, 0)
                                                       for c in grp if c.entity == e))
    return []
