"""Stage ``events``: PLOVER events (who did what to whom, when, where) from news sentences.

Per news sentence: clauses and entity chunks (``clauses``), trigger words (``triggers``, lexicons
in ``data/``), arguments (``arguments``), status (``status``), date from the time stage
(``lagebild.timex.api.date_for_span``), topics; then one event per happening (``merge``).
"""

from __future__ import annotations

from functools import cache

from lagebild.events import arguments, dating, groups, status, triggers
from lagebild.events.clauses import Clause, EntityIndex, Word, build_clauses, cue, words_of
from lagebild.events.lexicon import Lexicon, load, mode_for, topics_for
from lagebild.events.merge import merge_events
from lagebild.kb import api as kb_api
from lagebild.model import Document, Entity, Event, EventDate, Quote, Sentence
from lagebild.timex.api import date_for_span, has_own_date

__all__ = ["run", "extract_events"]

COMPLEMENT_TYPES = {"REQUEST", "ACCUSE", "THREATEN", "REJECT", "AGREE"}
# events that are complete with one party (a protest, a mobilisation, a withdrawal, a refusal of
# a proposal); any other event needs two, or it is a fragment whose other side was not found
# events that happen somewhere (a meeting, an attack); a place in a demand or a refusal belongs
# to its content, not to the act
PLACED_TYPES = {"CONSULT", "PROTEST", "ASSAULT", "COERCE", "MOBILIZE", "RETREAT", "COOPERATE",
                "AID"}
SINGLE_PARTY_TYPES = {"PROTEST", "MOBILIZE", "RETREAT", "REJECT"}
# events that share a scene: a sentence without a place of its own continues the scene of an
# earlier event of the same kind in its paragraph ("In Minsk demonstrierten Tausende.
# Polizisten nahmen Hunderte fest.")
SCENES = ({"CONSULT", "COOPERATE", "AID"}, {"PROTEST", "ASSAULT", "COERCE", "MOBILIZE", "RETREAT"})


QUOTE_MARKS = "„“”\"»«‚‘’›‹ "


def _quote_at(doc: Document, start: int, end: int) -> Quote | None:
    """The quote a clause lies in; the clause may begin with the opening quotation mark, which
    the quote's span leaves out."""
    while start < end and doc.text[start] in QUOTE_MARKS:
        start += 1
    for q in doc.quotes:
        if q.start <= start and end <= q.end + 1:
            return q
    return None


def _confidence(hit: triggers.Hit, args: arguments.Args, st: str, sent: Sentence,
                in_quote: bool, dated: bool = False) -> float:
    """A score that ranks: trigger prior, plus evidence that the parties were found."""
    score = hit.trigger.weight
    if dated:
        score += 0.05  # the sentence says when it happened: a reported event, not background
    parties = len(args.actors) + len(args.recipients)
    if parties >= 2 and args.actors:
        score += 0.15
    elif parties == 1:
        score -= 0.15
    if not args.explicit_subject:
        score -= 0.1
    if any(p.startswith(groups.PREFIX) for p in args.actors + args.recipients):
        score -= 0.1  # an unnamed group ("die Polizei") is a vaguer party than a named one
    if in_quote:
        score -= 0.1
    if st in ("hypothetical", "proposed"):
        score -= 0.1
    if sent.role == "title":
        score -= 0.05
    return round(min(1.0, max(0.05, score)), 3)


def _same_paragraph(doc: Document, end: int, start: int) -> bool:
    """No paragraph break between an earlier text span's end and a later one's start."""
    return "\n" not in doc.text[end:start]


def _event_date(doc: Document, sent: Sentence, clause: Clause) -> EventDate:
    """The clause's date; a sentence without a time expression continues the narrative time of
    its paragraph ("Am Dienstag traf er X. Dabei sprach er auch mit Y." both happened on
    Tuesday): the day named by the sentence just before it, else just after it, in the same
    paragraph."""
    date = date_for_span(doc, clause.start, clause.end)
    if date.origin != "publication":
        return date
    i = next((k for k, s in enumerate(doc.sentences) if s.start == sent.start), None)
    if i is None:
        return date
    for j in (i - 1, i + 1):
        if not 0 <= j < len(doc.sentences):
            continue
        other = doc.sentences[j]
        lo, hi = sorted((other, sent), key=lambda s: s.start)
        if other.role != sent.role or not _same_paragraph(doc, lo.end, hi.start):
            continue
        near = date_for_span(doc, other.start, other.end)
        if near.origin == "text" and near.precision == "day":
            return near
    return date


def _reading(doc: Document, hit: triggers.Hit, args: arguments.Args,
             svocab: set[str]) -> tuple[str, str | None]:
    """Type and mode; an "attack" between persons only, or one with a verbal cue ("in einer
    scharfen Rede"), is an accusation (``persons_as``)."""
    trig = hit.trigger
    # a named person "attacks" with words; armies, states and groups attack with weapons
    persons = bool(args.actors) and not args.followers and all(
        (e := doc.entity(p)) is not None and e.type == "PER" for p in args.actors)
    if trig.persons_as and (persons or trig.verbal & svocab):
        return trig.persons_as, "disapprove" if trig.persons_as == "ACCUSE" else None
    if trig.crowd_as and _crowd_acts(doc, args, svocab):
        return trig.crowd_as, "demo"
    return trig.type, trig.mode


def _crowd_acts(doc: Document, args: arguments.Args, svocab: set[str]) -> bool:
    """The sentence names a crowd ("Tausende", "Studenten") or the protesters act."""
    language = (doc.language or "de")[:2].lower()
    names = {e.name for p in args.actors if (e := doc.entity(p)) is not None}
    return bool(svocab & groups.crowd_words(language)) or groups.protesters(language) in names


def _complement_recipient(args: arguments.Args, hit: triggers.Hit, clauses: list[Clause],
                          idx: int, lex: Lexicon) -> None:
    """"Russland erwartet, dass Litauen ...": a demand or accusation without an object is
    addressed to the subject of its dass-clause."""
    if hit.trigger.type not in COMPLEMENT_TYPES or args.recipients or idx + 1 >= len(clauses):
        return
    nxt = clauses[idx + 1]
    first = nxt.words[nxt.i].low
    governed = first in lex.cue("complementizers") or arguments.is_infinitive(nxt) or \
        nxt.has(lex.cue("reported_aux"))
    if not governed:
        return
    cands = arguments.subject_of(nxt) + [c.entity for c in nxt.chunks
                                         if c.role in ("recipient", "partner") and not c.modifier]
    args.recipients = [e for e in cands if e not in args.actors and e != "-"][:1]


def _state_in_object(doc: Document, args: arguments.Args, hit: triggers.Hit,
                     clause: Clause) -> None:
    """"kritisierte den Verlauf der Wahl in Georgien": criticism or a demand without an
    addressee is addressed to the state its object lies in (a state, not a city: "forderte in
    Genf ein Ende der Kämpfe" is said in Geneva)."""
    if hit.trigger.type not in ("ACCUSE", "REQUEST") or not args.actors or args.recipients:
        return
    for ch in clause.chunks:
        ent = doc.entity(ch.entity)
        if ch.i > hit.word and ch.role == "location" and not ch.modifier and ent is not None \
                and ent.type == "GPE" and kb_api.state_of(ent.id) == ent.id and \
                ent.id not in args.actors:
            args.recipients = [ent.id]
            return


def _same_addressee(args: arguments.Args, hit: triggers.Hit, previous: list[Event]) -> None:
    """"X verurteilte den Einsatz der Polizei. Die Organisation verlangte eine Untersuchung.":
    a demand, accusation or threat without an addressee, right after the same actor's speech act
    towards someone, goes to that addressee (only the sentence just before)."""
    if hit.trigger.type not in ("REQUEST", "ACCUSE", "THREATEN") or not args.actors or \
            args.recipients:
        return
    for ev in reversed(previous):
        if ev.type in arguments.SPEECH_ACTS and ev.actors[:1] == args.actors[:1] and ev.recipients:
            args.recipients = [r for r in ev.recipients if r not in args.actors][:1]
            return


PRONOUN_REACH = 2  # sentences back in which an object pronoun finds its antecedent


def _object_pronoun(doc: Document, args: arguments.Args, clause: Clause, lex: Lexicon) -> None:
    """"Kritiker werfen ihm Verrat vor": a bare masculine object pronoun is the person named
    last before it (not a woman, not the actor), in this or the two sentences before."""
    if args.recipients or not args.actors:
        return
    words = clause.span_words()
    k = next((n for n, w in enumerate(words) if w.low in lex.cue("object_pronouns") and
              w.pos == "PPER" and (n == 0 or words[n - 1].pos not in ("APPR", "APPRART"))),
             None)
    if k is None:
        return
    at = words[k].start
    sents = [s for s in doc.sentences if s.start <= at]
    floor = sents[-1 - PRONOUN_REACH].start if len(sents) > PRONOUN_REACH else 0
    best: tuple[int, str] | None = None
    for ent in doc.entities:
        if ent.type != "PER" or ent.gender == "f" or ent.id in args.actors:
            continue
        for m in ent.mentions:
            if floor <= m.start < at and (best is None or m.start > best[0]):
                best = (m.start, ent.id)
    if best is not None:
        args.recipients = [best[1]]


def _state_actor(doc: Document, args: arguments.Args, hit: triggers.Hit, clause: Clause) -> None:
    """An arrest, ban or expulsion with no named actor is done by the state: the state named
    most often in the news text so far (else the place where it happens). A city counts for its
    state when the text names that state too ("in Minsk ... Belarus": Belarus acts)."""
    if hit.trigger.type != "COERCE" or args.actors:
        return
    named = {ent.id for ent in doc.entities if ent.type == "GPE"}
    counts: dict[str, int] = {}
    for ent in doc.entities:
        if ent.type == "GPE" and ent.id not in args.recipients:
            key = _named_state(ent.id, named)
            if key in args.recipients:
                continue
            counts[key] = counts.get(key, 0) + sum(1 for m in ent.mentions
                                                   if m.start < clause.end)
    best = max(counts.items(), key=lambda kv: kv[1], default=(None, 0))
    if best[0] is not None and best[1] >= 2:
        args.actors = [best[0]]
    elif (place_id := args.location or _source_place(clause)) and place_id not in args.recipients:
        place = doc.entity(place_id)
        if place is not None and place.type == "GPE":
            state = _named_state(place_id, named)
            args.actors = [state if state not in args.recipients else place_id]


def _source_place(clause: Clause) -> str | None:
    """"wurde aus Nigeria ausgewiesen": the state a person is expelled from acts."""
    return next((c.entity for c in clause.chunks if c.role == "weak" and c.etype == "GPE"), None)


PERSON_ASSAULTS = {"abduct", "beat", "torture", "targeted"}


def _attacked_place(doc: Document, args: arguments.Args, hit: triggers.Hit) -> None:
    """"Luftangriffe auf Ziele in Mombasa", "beschossen Stellungen bei Charkiw": an attack
    with no named target hits the place where it happens."""
    if hit.trigger.type != "ASSAULT" or args.recipients or not args.actors or \
            not args.location or hit.trigger.mode in PERSON_ASSAULTS:
        return  # a kidnapping or beating "in Mombasa" is not done to the city
    place = doc.entity(args.location)
    if place is not None and place.type in ("GPE", "LOC") and args.location not in args.actors:
        args.recipients = [args.location]


def _named_state(place: str, named: set[str]) -> str:
    """The state of a place when the text names that state, else the place itself."""
    state = kb_api.state_of(place)
    return state if state and state in named else place


def _elliptic_recipient(args: arguments.Args, hit: triggers.Hit, svocab: set[str], lex: Lexicon,
                        earlier: list[Event]) -> None:
    """"Die IAEA hat ebenfalls dementiert": the same act as the previous one, towards the same
    recipient."""
    if args.recipients or not (svocab & lex.cue("same_as_before")):
        return
    for ev in reversed(earlier):
        if ev.type == hit.trigger.type and ev.recipients:
            args.recipients = [r for r in ev.recipients if r not in args.actors][:1]
            return


def _so_speaker(words: list[Word], lex: Lexicon) -> str | None:
    """The source of a sentence ending in an attribution: "..., so Rice." """
    for k in range(len(words) - 2, 0, -1):
        if words[k].low in lex.cue("attribution") and words[k - 1].text == ",":
            tail = [w for w in words[k + 1:] if w.entity]
            if tail and len(words) - k <= 10:
                return tail[-1].entity
            return None
    return None


def _reported_speech(args: arguments.Args, speaker: str | None) -> bool:
    """"Der Iran müsse das beenden, so Rice": the speaker demands it of the clause's subject."""
    if not speaker:
        return False
    others = [p for p in args.actors + args.recipients if p != speaker]
    if not others:
        return False
    args.actors, args.recipients = [speaker], others[:1]
    return True


def _sentence_place(clauses: list[Clause], args: arguments.Args) -> str | None:
    """A place named earlier in the sentence ("In Kiew traf X, der ..., Y"), or the dateline
    of a headline ("Togliatti (Russland): Bombenanschlag auf Bus")."""
    parties = set(args.actors) | set(args.recipients)
    words = clauses[0].words
    first = clauses[0].chunks[0] if clauses[0].chunks else None
    if first is not None and first.i == 0 and first.etype in ("GPE", "LOC") and \
            any(w.text == ":" for w in words[first.j:first.j + 5]):
        return first.entity
    for clause in clauses:
        for ch in clause.chunks:
            if ch.role == "location" and ch.etype in ("GPE", "LOC") and ch.entity not in parties:
                return ch.entity
    return None


def _paragraph_scene(doc: Document, sent: Sentence, earlier: list[Event], etype: str,
                     args: arguments.Args) -> str | None:
    """The place of the latest earlier event of the same scene kind in this paragraph."""
    scene = next((kinds for kinds in SCENES if etype in kinds), set())
    parties = set(args.actors) | set(args.recipients)
    for event in reversed(earlier):
        if not _same_paragraph(doc, event.evidence.end, sent.start):
            return None  # a new paragraph sets a new scene
        if event.type in scene and event.location and event.location not in parties:
            return event.location
    return None


def _governed(clause: Clause, lex: Lexicon) -> bool:
    """A clause that completes the one before it: dass/zu-infinitive/relative."""
    first = clause.words[clause.i].low
    return first in lex.cue("complementizers") or first in lex.cue("relative") or \
        arguments.is_infinitive(clause)


def _answered_claim(args: arguments.Args, hit: triggers.Hit, earlier: list[Event]) -> None:
    """"Der Iran streitet dies ab": a rejection without a named addressee answers the last
    accusation, demand or threat made against the rejecting party."""
    if hit.trigger.type != "REJECT" or args.recipients or not args.actors:
        return
    # "Selenskyj wies diese Forderung zurück" answers a demand made to Ukraine: a person
    # answers for the state
    ours = set(args.actors) | {kb_api.side_of(a) for a in args.actors}
    for ev in reversed(earlier):
        targets = set(ev.recipients) | {kb_api.side_of(r) for r in ev.recipients}
        if ev.type in ("ACCUSE", "REQUEST", "THREATEN") and targets & ours:
            args.recipients = [a for a in ev.actors if a not in args.actors][:1]
            return


def _determiner(clause: Clause, noun: int, skip: tuple[str, ...]) -> str | None:
    """The word before a noun and the ``skip`` words (adjectives) in front of it, lower case."""
    k = noun - 1
    while k >= clause.i and clause.words[k].pos in skip:
        k -= 1
    return clause.words[k].low if k >= clause.i else None


def _anaphoric_parties(args: arguments.Args, hit: triggers.Hit, clause: Clause, lex: Lexicon,
                       earlier: list[Event]) -> None:
    """"die Gespräche würden fortgesetzt": a definite noun names an event told before, with
    the same parties."""
    if hit.trigger.kind != "noun" or len(set(args.actors) | set(args.recipients)) >= 2:
        return
    if _determiner(clause, hit.word, ("ADJA", "ADJD")) not in lex.cue("definite"):
        return
    for ev in reversed(earlier):
        if ev.type == hit.trigger.type:
            for p in ev.actors:
                if p not in args.actors:
                    args.actors.append(p)
            for p in ev.recipients:
                if p not in args.actors and p not in args.recipients:
                    args.recipients.append(p)
            return


def _setting_refers_back(args: arguments.Args, hit: triggers.Hit, clause: Clause, lex: Lexicon,
                         earlier: list[Event]) -> None:
    """"Bei dem Treffen bat X die Regierung um …", "nach dem Gespräch": a definite meeting noun
    of setting is the meeting told before, with its parties, not a new one of the clause."""
    if not earlier or not triggers.setting_noun(clause, hit, lex):
        return
    det = _determiner(clause, hit.word, ("ADJA", "ADJD", "PPOSAT"))
    if det not in lex.cue("definite") | lex.cue("contracted_definite"):
        return
    ours = set(args.actors) | set(args.recipients)
    for ev in reversed(earlier):
        theirs = set(ev.actors) | set(ev.recipients)
        if ev.type == hit.trigger.type and (not ours or ours & theirs):
            args.actors, args.recipients = list(ev.actors), list(ev.recipients)
            return


def _protest_target(doc: Document, args: arguments.Args, hit: triggers.Hit, before: int,
                    group_ids: set[str]) -> None:
    """A protest whose target is not named in the sentence is against the party the news text
    is about: the named party mentioned most often so far (at least three times)."""
    if hit.trigger.type != "PROTEST" or not args.actors or args.recipients:
        return
    counts: dict[str, int] = {}
    for ent in doc.entities:
        if ent.type in arguments.PARTY_TYPES and ent.id not in group_ids and \
                ent.id not in args.actors and not _city(ent):
            counts[ent.id] = sum(1 for m in ent.mentions if m.start < before)
    best = max(counts.items(), key=lambda kv: kv[1], default=(None, 0))
    if best[0] is not None and best[1] >= 3:
        args.recipients = [best[0]]


def _city(ent: Entity) -> bool:
    """A place inside a state (a city, a province): where people protest, not whom against."""
    if ent.type != "GPE":
        return False
    state = kb_api.state_of(ent.id)
    return state is not None and state != ent.id


def _city_is_the_venue(doc: Document, args: arguments.Args, hit: triggers.Hit) -> None:
    """"travelled to Ankara to meet Erdoğan": in a meeting (not a visit) between persons, a
    city among the parties is where it takes place, not a side of it."""
    if hit.trigger.type != "CONSULT" or hit.trigger.visit:
        return
    sides = [(p, doc.entity(p)) for p in args.actors + args.recipients]
    cities = [p for p, ent in sides if ent is not None and _city(ent)]
    persons = [p for p, ent in sides if ent is not None and ent.type == "PER"]
    if not cities or len(persons) < 2:
        return
    args.actors = [p for p in args.actors if p not in cities]
    args.recipients = [p for p in args.recipients if p not in cities]
    if args.location is None:
        args.location = cities[0]


def _visit_host(doc: Document, args: arguments.Args, hit: triggers.Hit, clause: Clause,
                lex: Lexicon) -> None:
    """"Staatsbesuch in Nigeria mit einem Abendessen bei Präsident Tinubu": a visit to a
    place whose host is named as a person ("bei X") is a visit to that person (the most specific
    party); the place stays the location."""
    if not hit.trigger.visit or not args.recipients:
        return
    places = [r for r in args.recipients if (e := doc.entity(r)) is not None and
              e.type in ("GPE", "LOC")]
    if len(places) != len(args.recipients):
        return
    hosts = [c.entity for c in clause.chunks if c.prep in cue(lex.language, "host_preps")
             and c.etype == "PER" and c.entity not in args.actors and not c.modifier]
    if hosts:
        args.location = args.location or places[0]
        args.recipients = hosts[:1]


REPLY_TYPES = {"REJECT", "SUPPORT", "AGREE"}
PROPOSER_WINDOW = 3  # sentences in which a reply may answer a proposal


def _note_proposer(args: arguments.Args, hit: triggers.Hit, lex: Lexicon,
                   ctx: arguments.Context) -> None:
    """Remember who proposed something ("Kenia, das vorschlug, ..."), even when the proposal
    itself names no addressee."""
    word = (hit.trigger.particle or "") + hit.trigger.head
    cues = cue(lex.language, "proposal_cues")
    if args.actors and (word in cues or hit.trigger.head in cues):
        ctx.proposer, ctx.proposer_age = args.actors[0], 0


def _proposal_owner(doc: Document, words: list[Word], nouns: frozenset[str]) -> str | None:
    """"der kenianische Vorschlag": the state whose adjective qualifies a proposal noun, when the
    document names that state."""
    for a, b in zip(words, words[1:], strict=False):
        if a.pos == "ADJA" and (b.low in nouns or b.lemma in nouns):
            state = kb_api.state_of_adjective(a.text)
            if state and doc.entity(state) is not None:
                return state
    return None


def _answered_proposal(doc: Document, args: arguments.Args, hit: triggers.Hit, clause: Clause,
                       lex: Lexicon, ctx: arguments.Context) -> None:
    """"Nigeria wies eine solche Senkung zurück, Ghana begrüßte den Vorstoß": a reply to
    a proposal that points back to it is addressed to the one who made it."""
    if hit.trigger.type not in REPLY_TYPES or args.recipients or not args.actors:
        return
    nouns = cue(lex.language, "proposal_nouns")
    owner = _proposal_owner(doc, clause.words[:clause.j], nouns)
    if owner and owner not in args.actors:
        args.recipients = [owner]  # "Den kenianischen Vorschlag wies er zurück"
        return
    if ctx.proposer is None or ctx.proposer in args.actors or ctx.proposer_age > PROPOSER_WINDOW:
        return
    words = clause.span_words()
    points = cue(lex.language, "pointing_back")
    if any(w.low in nouns or w.lemma in nouns for w in words) or \
            any(w.low in points for w in words):
        args.recipients = [ctx.proposer]


def _members_meet(doc: Document, hit: triggers.Hit, args: arguments.Args, clause: Clause) -> bool:
    """"Die Außenminister der G7 trafen sich in Kanada": an organisation's members meeting among
    themselves is a one-party meeting."""
    if hit.trigger.type != "CONSULT" or not hit.trigger.sym or len(args.actors) != 1 or \
            args.recipients or not args.explicit_subject:
        return False
    ent = doc.entity(args.actors[0])
    reflexive = hit.trigger.gathers or any(w.low in ("sich", "themselves")
                                           for w in clause.span_words())
    return ent is not None and ent.type == "ORG" and not ent.id.startswith(groups.PREFIX) and \
        reflexive


def _drop_victims(args: arguments.Args, hit: triggers.Hit) -> None:
    """Civilian groups ("Journalisten", "Gefangene") are parties only as the ones arrested,
    attacked or freed."""
    victims = groups.victims()
    args.actors = [a for a in args.actors if a not in victims]
    if hit.trigger.type not in groups.victim_types():
        args.recipients = [r for r in args.recipients if r not in victims]


def _foreign_nouns(hit: triggers.Hit, hits: list[triggers.Hit]) -> set[int]:
    """Protest nouns under another act: their phrases are not that act's parties ("die
    Demonstration gegen X wurde aufgelöst": X is the protest's target, not the one dispersed)."""
    if hit.trigger.type == "PROTEST":
        return set()
    return {h.word for h in hits if h.trigger.type == "PROTEST" and h.trigger.kind == "noun"}


def _light(clause: Clause, hit: triggers.Hit, lex: Lexicon, all_hits: list[triggers.Hit]) -> bool:
    """A noun trigger takes the clause subject when no other verb trigger claims the clause, or
    when that verb only plans or proposes the noun's event ("vereinbarten ein Treffen")."""
    if hit.trigger.kind != "noun" or triggers.setting_noun(clause, hit, lex):
        return True
    governing = lex.cue("announce_verbs") | lex.cue("proposal_cues")
    return not any(h.trigger.kind == "verb" and h.trigger.head not in governing and
                   (h.trigger.particle or "") + h.trigger.head not in governing
                   for h in all_hits)


def _said_the_same(doc: Document, sent: Sentence, clauses: list[Clause], svocab: set[str],
                   lex: Lexicon, ctx: arguments.Context) -> list[Event]:
    """"Ähnlich äußerte sich X": X repeats the demand, accusation ... of the sentence before."""
    if len(clauses) != 1 or not svocab & cue(lex.language, "same_as_before_speech") or \
            not svocab & cue(lex.language, "speech_verbs") or not ctx.previous_events:
        return []
    subject = arguments.subject_of(clauses[0])
    speech = [e for e in ctx.previous_events if e.type in arguments.SPEECH_ACTS]
    if not subject or not speech:
        return []
    last = speech[-1]
    recipients = [r for r in last.recipients if r not in subject]
    if not recipients:
        return []
    return [last.model_copy(update={
        "actors": subject[:1], "recipients": recipients,
        "date": _event_date(doc, sent, clauses[0]),
        "evidence": doc.span(sent.start, sent.end),
        "confidence": round(max(0.05, last.confidence - 0.1), 3)})]


def _sentence_events(doc: Document, sent: Sentence, index: EntityIndex, lex: Lexicon,
                     ctx: arguments.Context) -> list[Event]:
    words = words_of(sent, index)
    if not words:
        ctx.previous_events = []
        return []
    clauses = build_clauses(words, lex)
    svocab = triggers.sentence_vocab(words)
    found: list[tuple[int, triggers.Hit, arguments.Args, Quote | None]] = []
    ctx.proposer_age += 1
    ctx.clause_subject = []
    ctx.previous_chunks = []
    controlled: set[int] = set()  # infinitive clauses whose subject a demand's addressee is
    ctx.pronoun_speakers = {q.speaker_text.lower(): q.speaker for q in doc.quotes
                            if q.speaker and q.speaker_text
                            and q.speaker_text.lower() in lex.cue("pronouns")
                            and sent.start <= q.start < sent.end}
    attributed = _so_speaker(words, lex) or _continued_report(doc, sent, words, lex, ctx)
    for idx, clause in enumerate(clauses):
        quote = _quote_at(doc, clause.start, clause.end)
        ctx.quote_speaker = quote.speaker if quote and quote.speaker else attributed
        hits = triggers.find(clause, lex, svocab)
        for hit in hits:
            if hit.trigger.active_only and arguments.is_passive(clause, lex, hit):
                continue  # "die Städte wurden getroffen" (hit), not a meeting
            args = arguments.extract(clause, hit, lex, ctx, _light(clause, hit, lex, hits),
                                     {h.word for h in hits},
                                     _foreign_nouns(hit, hits))
            if not args.actors and not args.recipients:
                continue
            if hit.trigger.reported and not _reported_speech(args, ctx.quote_speaker):
                continue
            _complement_recipient(args, hit, clauses, idx, lex)
            _object_pronoun(doc, args, clause, lex)
            _state_in_object(doc, args, hit, clause)
            _same_addressee(args, hit, ctx.previous_events)
            _state_actor(doc, args, hit, clause)
            _attacked_place(doc, args, hit)
            _elliptic_recipient(args, hit, svocab, lex, ctx.events)
            _answered_claim(args, hit, ctx.events)
            _anaphoric_parties(args, hit, clause, lex, ctx.events)
            _setting_refers_back(args, hit, clause, lex, ctx.events)
            _answered_proposal(doc, args, hit, clause, lex, ctx)
            _visit_host(doc, args, hit, clause, lex)
            _city_is_the_venue(doc, args, hit)
            _note_proposer(args, hit, lex, ctx)
            _protest_target(doc, args, hit, clause.end, index.parties)
            found.append((idx, hit, args, quote))
        subject = arguments.resolved_subject(clause, lex, ctx)
        if subject:
            ctx.clause_subject = subject
            ctx.last_subject = subject
        addressees = _controller(found, idx, clauses)
        if addressees:  # "forderte X auf, nach Kairo zu reisen": X is to travel
            ctx.clause_subject = addressees
            controlled.add(idx + 1)
        ctx.previous_chunks = ctx.previous_chunks + clause.chunks
    _refused_recipients(found, clauses, lex)
    governed = {i for i, c in enumerate(clauses) if _governed(c, lex)}
    drop = triggers.outranked([(idx, hit, set(a.actors) | set(a.recipients))
                               for idx, hit, a, _ in found], governed)
    found = [f for k, f in enumerate(found) if k not in drop]
    events: list[Event] = []
    # the sentence says when it happened: evidence of a reported event, not background
    own_time = has_own_date(doc, sent.start, sent.end)
    for idx, hit, args, quote in found:
        clause = clauses[idx]
        if hit.trigger.type == "PROTEST" and hit.trigger.kind == "noun" and \
                set(args.actors) & groups.state_forces():
            continue  # "Polizisten sicherten die Demonstration": the police guard it
        _drop_victims(args, hit)
        if not args.actors:
            continue  # "wurde ... verweigert" with no agent and no state to act: who did it?
        n_parties = len(set(args.actors) | set(args.recipients))
        if n_parties < 2 and (hit.trigger.type not in SINGLE_PARTY_TYPES
                              or not args.explicit_subject) and \
                not _members_meet(doc, hit, args, clause):
            continue
        st = status.decide(doc, clauses, idx, hit, lex)
        if idx in controlled and st == "occurred":
            st = "proposed"  # asked for, not (yet) done
        etype, mode = _reading(doc, hit, args, svocab)
        gov = status.announced_force(clauses, idx, hit, lex)
        if gov is not None:  # "kündigte an, X anzugreifen": a threat by the announcer
            etype, mode, st = "THREATEN", "violence", "occurred"
            speaker = arguments.subject_of(clauses[gov])
            if speaker and speaker[0] not in args.actors + args.recipients:
                args.actors = speaker[:1]
        mode = mode_for(etype, mode, [w.low for w in clause.span_words()])
        if etype == "CONSULT" and mode in (None, "meet") and \
                (len(set(args.actors) | set(args.recipients)) >= 3 or n_parties == 1):
            mode = "multilateral"
        if etype not in PLACED_TYPES or mode == "phone":
            args.location = None  # "lehnt Truppen in der Ukraine ab": the place of the content
        elif args.location is None:
            args.location = _sentence_place(clauses[:idx + 1], args) or \
                _paragraph_scene(doc, sent, ctx.events, etype, args)
        events.append(Event(
            type=etype, mode=mode, actors=args.actors,
            recipients=args.recipients,
            date=dating.event_date(doc, sent, clause, st, lex, _event_date, hit),
            location=args.location, status=st, topics=topics_for(sent.text),
            evidence=doc.span(sent.start, sent.end),
            confidence=_confidence(hit, args, st, sent, quote is not None, own_time)))
    if not events:
        events = _said_the_same(doc, sent, clauses, svocab, lex, ctx)
    ctx.events = ctx.events + events
    ctx.previous_events = events
    ctx.reported_speaker = _quoted_speaker(doc, sent) or attributed
    return events


def _quoted_speaker(doc: Document, sent: Sentence) -> str | None:
    """The speaker of the last quote that ends in this sentence."""
    ending = [q for q in doc.quotes if q.speaker and sent.start < q.end <= sent.end]
    return max(ending, key=lambda q: q.end).speaker if ending else None


def _continued_report(doc: Document, sent: Sentence, words: list[Word], lex: Lexicon,
                      ctx: arguments.Context) -> str | None:
    """"X sagte, die Regierung sei besorgt. Man habe den Botschafter einbestellt.": a sentence
    of its own whose main verb is a subjunctive I form, right after a quote, goes on reporting
    that quote's speaker."""
    if ctx.reported_speaker is None or \
            any(q.start < sent.end and sent.start < q.end for q in doc.quotes):
        return None
    finite = next((w for w in words[:6] if w.pos in arguments.FINITE), None)
    if finite is None or finite.low not in lex.cue("subjunctive_i"):
        return None
    return ctx.reported_speaker


def _controller(found: list[tuple[int, triggers.Hit, arguments.Args, Quote | None]], idx: int,
                clauses: list[Clause]) -> list[str]:
    """The addressee of a demand in clause ``idx`` when a zu-infinitive follows it: German
    demand verbs (auffordern, bitten, drängen, aufrufen) hand the infinitive to their object."""
    if idx + 1 >= len(clauses) or not arguments.is_infinitive(clauses[idx + 1]):
        return []
    for i, hit, args, _ in found:
        if i == idx and hit.trigger.type == "REQUEST" and args.recipients:
            return list(args.recipients)
    return []


def _refused_recipients(found: list[tuple[int, triggers.Hit, arguments.Args, Quote | None]],
                        clauses: list[Clause], lex: Lexicon) -> None:
    """"Moskau weigerte sich, den Plan zu akzeptieren, den Trump vorgelegt hatte": a refusal is
    addressed to the other side of the refused act (next clause)."""
    for idx, hit, args, _ in found:
        if hit.trigger.type != "REJECT" or args.recipients:
            continue
        if idx + 1 >= len(clauses) or not _governed(clauses[idx + 1], lex):
            continue
        for idx2, _, args2, _ in found:
            if idx2 == idx + 1:
                other = [p for p in args2.recipients + args2.actors if p not in args.actors]
                if other:
                    args.recipients = other[:1]
                    break


@cache
def _place_named(prefix: str) -> kb_api.EntityInfo | None:
    """The one place the knowledge base knows by this name, else None."""
    places = [i for i in kb_api.lookup(prefix) if i.type == "GPE"]
    return places[0] if len(places) == 1 else None


@cache
def _event_heads(language: str) -> tuple[str, ...]:
    return tuple(sorted({t.head for t in load(language).nouns if len(t.head) >= 4},
                        key=len, reverse=True))


@cache  # per word form
def _place_prefix(word: str, language: str) -> str:
    """The first part of a compound event noun ("Polen" of "Polenbesuch"), else ""."""
    low = word.lower()
    head = next((h for h in _event_heads(language) if low.endswith(h) and len(low) - len(h) >= 4),
                None)
    prefix = word[:len(low) - len(head)].rstrip("-") if head else ""
    return prefix if len(prefix) >= 4 else ""


def add_compound_places(doc: Document, lex: Lexicon) -> None:
    """"Polenbesuch", "Moskau-Reise": a place named as the first part of an event noun is a
    mention of that place (the entity stage marks names inside hyphen compounds only)."""
    taken = [(m.start, m.end) for e in doc.entities for m in e.mentions]
    for sent in doc.news_sentences():
        for tok in sent.tokens:
            if tok.pos != "NN":
                continue
            prefix = _place_prefix(tok.text, lex.language)
            info = _place_named(prefix) if prefix else None
            if info is None or any(s < tok.end and tok.start < e for s, e in taken):
                continue
            ent = doc.entity(info.id)
            if ent is None:
                ent = Entity(id=info.id, name=info.name, type="GPE", kb=info.kb)
                doc.entities.append(ent)
            ent.mentions.append(doc.span(tok.start, tok.start + len(prefix)))
            ent.mentions.sort(key=lambda m: m.start)


def extract_events(doc: Document, parties: set[str] | None = None) -> list[Event]:
    """Events of the news sentences; ``parties`` are extra entity ids (collective actors of
    type MISC) that may be event parties."""
    lex = load((doc.language or "de")[:2].lower())  # "en-GB" reads as English
    index = EntityIndex(doc, parties or set())
    ctx = arguments.Context(named={e.id for e in doc.entities})
    events: list[Event] = []
    for sent in doc.news_sentences():
        events.extend(_sentence_events(doc, sent, index, lex, ctx))
    _add_adjective_states(doc, events, ctx.adjective_states)
    return merge_events(events)


def _add_adjective_states(doc: Document, events: list[Event],
                          spans: dict[str, list[tuple[int, int]]]) -> None:
    """A state that only its adjective names ("ein russischer Raketenangriff") becomes an
    entity, with the adjectives as mentions, when an event has it as a party."""
    used = {p for ev in events for p in ev.actors + ev.recipients}
    for state, where in spans.items():
        if state in used:
            groups.add_state(doc, state, [doc.span(a, b) for a, b in sorted(set(where))])


def run(doc: Document) -> Document:
    before = {e.id for e in doc.entities}
    language = (doc.language or "de")[:2].lower()
    groups.add_quoted_names(doc, language)
    groups.add_org_anaphors(doc, language)
    if language == "de":
        add_compound_places(doc, load(language))
    group_ids = groups.add_groups(doc, language)
    doc.events = extract_events(doc, group_ids)
    groups.prune(doc, group_ids, before)
    return doc
