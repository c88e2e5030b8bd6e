"""Status of an event from its clause: occurred, planned, proposed, negated, hypothetical.

Cues (grammar_<lang>.yaml): negation in the clause; a refusal verb governing the clause
("weigerte sich, ... zu treffen"); conditionals ("würde ... wenn", "falls"); future tense
("werden ... treffen"), modals ("soll", "will") with an infinitive, announcements governing the
clause ("kündigte an, dass ..."), future time expressions ("nächste Woche"); proposals
("schlug ein Treffen vor"). A threat is itself a fact: THREATEN stays occurred unless negated.
"""

from __future__ import annotations

from lagebild.events.clauses import Clause
from lagebild.events.lexicon import Lexicon
from lagebild.events.triggers import Hit, setting_noun
from lagebild.model import Document

INFINITIVE = {"VVINF", "VAINF", "VMINF", "VVIZU"}
SPEECH_TYPES = {"REQUEST", "ACCUSE", "REJECT", "THREATEN", "SUPPORT", "AGREE"}


def _negated(clause: Clause, lex: Lexicon) -> bool:
    words = clause.span_words()
    neg = lex.cue("negation")
    exceptions = lex.cue("negation_exceptions")
    for k, w in enumerate(words):
        if w.low in neg:
            nxt = words[k + 1].low if k + 1 < len(words) else ""
            if nxt in exceptions or _attributive(words, k):
                continue
            return True
    return False


def _negated_before(clause: Clause, k: int, lex: Lexicon) -> bool:
    """A negation before word k ("kam es nicht zu einem Treffen")."""
    neg = lex.cue("negation")
    return any(clause.words[m].low in neg for m in range(clause.i, k))


def _attributive(words: list, k: int) -> bool:
    """"nicht" inside a noun phrase ("den nicht anerkannten Präsidenten") negates no event."""
    if k + 2 >= len(words):
        return False
    adj, noun = words[k + 1], words[k + 2]
    return adj.text[:1].islower() and adj.low.endswith(("en", "e", "em", "er", "es")) and \
        noun.text[:1].isupper() and adj.pos not in ("VVINF", "ART", "PPOSAT", "PDAT", "PIAT")


def _in_pp(clause: Clause, k: int) -> bool:
    """The noun at k is inside a prepositional phrase ("in einem Telefonat ... vereinbart"),
    so it is the setting of the verb, not its object."""
    for m in range(k - 1, max(clause.i, k - 4) - 1, -1):
        w = clause.words[m]
        if w.pos in ("APPR", "APPRART"):
            return True
        if w.pos not in ("ART", "ADJA", "PPOSAT", "CARD", "ADJD"):
            return False
    return False


def _infinitive_clause(clause: Clause) -> bool:
    words = clause.span_words()
    return any(w.pos == "VVIZU" or (w.low == "zu" and k + 1 < len(words) and
                                     words[k + 1].pos in INFINITIVE)
               for k, w in enumerate(words))


def _future(clause: Clause, lex: Lexicon, hit: Hit) -> bool:
    words = clause.span_words()
    has_inf = any(w.pos in INFINITIVE or (w.low.endswith("en") and w.text[:1].islower()
                                          and w.pos.startswith("V") and w.pos != "VVFIN")
                  for w in words)
    if lex.language == "en":
        return clause.has(lex.cue("future_aux")) or (
            any(w.low in {"to"} for w in words) and clause.has(lex.cue("announce_verbs")))
    aux = any(w.low in lex.cue("future_aux") for w in words)
    modals = lex.cue("future_modal")
    modal = any(w.lemma in modals or w.low in modals for w in words)
    participle = any(w.pos == "VVPP" for w in words)
    if aux and has_inf and not participle:
        return True
    if modal and _perfect_infinitive(words):
        return False  # "sollen ... gezogen sein", "will ihn gesehen haben": a reported past
    return modal and has_inf and hit.trigger.type not in {"REQUEST"}


def _perfect_infinitive(words: list) -> bool:
    """A participle followed by "haben"/"sein" (the tagger may read them as finite after a
    modal): "soll ... angegriffen haben", "sollen ... getötet worden sein"."""
    seen_participle = False
    for w in words:
        if w.pos == "VVPP":
            seen_participle = True
        elif seen_participle and w.pos.startswith("VA") and w.lemma in ("haben", "sein") and \
                w.low in ("haben", "sein"):
            return True
    return False


def _counterfactual(clause: Clause, lex: Lexicon) -> bool:
    """"hätte X treffen sollen/können": a past that did not happen (a double infinitive
    after "hätte"; "hätten sich getroffen" alone is reported speech and stays)."""
    words = clause.span_words()
    if not any(w.low in lex.cue("counterfactual_aux") for w in words):
        return False
    return any(w.low in lex.cue("modal_infinitives") and k > 0 and
               words[k - 1].pos in INFINITIVE | {"VVFIN", "VAFIN", "VMFIN"} and
               words[k - 1].low.endswith("en") for k, w in enumerate(words))


def _verb_first_condition(clauses: list[Clause], idx: int, lex: Lexicon) -> bool:
    """"Sollte Russland angreifen, ...": a clause opening with "sollte" (a condition, as with
    "falls") that the sentence goes on after."""
    clause = clauses[idx]
    first = clause.words[clause.i].low
    return first in lex.cue("condition_verbs") and clause.i == 0 and idx + 1 < len(clauses)


def _future_timex(doc: Document, clause: Clause) -> bool:
    return any(t.direction == "future" and t.start < clause.end and clause.start < t.end
               for t in doc.timexes)


def decide(doc: Document, clauses: list[Clause], idx: int, hit: Hit, lex: Lexicon) -> str:
    clause = clauses[idx]
    prev = clauses[idx - 1] if idx > 0 else None
    trig_type = hit.trigger.type
    governed = prev is not None and (_infinitive_clause(clause) or clause.words[clause.i].low in
                                     {"wonach"} or clause.words[clause.i].low in
                                     {"dass", "ob", "that", "to"})
    if _negated(clause, lex) and not hit.trigger.with_negation and \
            not (setting_noun(clause, hit, lex) and not _negated_before(clause, hit.word, lex)):
        return "negated"  # "einigten sich auf dem Treffen nicht": the meeting took place
    if governed and prev is not None and prev.has(lex.cue("refusal")) and trig_type != "REJECT":
        return "negated"
    if governed and prev is not None and _infinitive_clause(clause) and _negated(prev, lex):
        return "negated"  # "hat nicht die Absicht, Truppen abzuziehen"
    if _counterfactual(clause, lex) or _verb_first_condition(clauses, idx, lex):
        return "occurred" if trig_type == "THREATEN" else "hypothetical"
    sentence_words = {w.low for w in clause.words}
    conditional = bool(sentence_words & lex.cue("conditional_conj"))
    if conditional and clause.has(lex.cue("conditional_aux")) or \
            clause.words[clause.i].low in lex.cue("conditional_conj") and trig_type != "THREATEN":
        return "occurred" if trig_type == "THREATEN" else "hypothetical"
    if trig_type == "THREATEN":
        return "occurred"
    if hit.trigger.planned:
        return "planned"
    if hit.trigger.kind == "noun" and trig_type != "REQUEST" and \
            not setting_noun(clause, hit, lex) and (
            clause.has(lex.cue("proposal_cues")) or clause.has(lex.cue("request_verbs"))):
        # ("Bei dem Treffen bat X um …": the meeting is the setting of the request, held)
        # "schlug ein Treffen vor", "forderte Verhandlungen", "verlangte einen Abzug": asked
        # for, not done
        # "schlug ein Treffen vor"; a proposal itself ("Vorschlag kam von X") was made
        return "proposed"
    if hit.trigger.kind == "noun" and clause.has(lex.cue("announce_verbs")) and \
            not _in_pp(clause, hit.word):
        return "planned"  # "kündigte seinen Rücktritt an", "plant ein Treffen"
    if _future(clause, lex, hit) or _future_timex(doc, clause):
        return "planned"
    if clause.has(frozenset({"würde", "würden"})) and trig_type not in SPEECH_TYPES:
        return "planned"
    if governed and clause.words[clause.i].low in lex.cue("purpose"):
        return "planned"  # "reist nach X, um Y zu treffen": an intention
    if governed and prev is not None and prev.has(lex.cue("announce_verbs")):
        return "planned"
    if governed and prev is not None and _infinitive_clause(clause) and \
            prev.has(lex.cue("proposal_cues")) and trig_type not in SPEECH_TYPES:
        return "proposed"  # "bot an, ein Treffen auszurichten": offered, not (yet) done
    if governed and prev is not None and _infinitive_clause(clause) and \
            prev.has(lex.cue("intent_words")) and trig_type not in SPEECH_TYPES:
        return "planned"  # "ist bereit, X zu treffen", "hofft, X zu treffen": not yet done
    if clause.has(lex.cue("wish_modals")) and trig_type not in SPEECH_TYPES and \
            not _perfect_infinitive(clause.span_words()):
        return "planned"  # "möchte X in Minsk treffen"
    text = doc.text[clause.start:clause.end].lower()
    if any(p in text for p in lex.cue("planned_phrases")):
        return "planned"
    if clause.has(lex.cue("planned_cues")) and trig_type not in SPEECH_TYPES:
        return "planned"
    return "occurred"


# speech acts that announce what the speaker (or the speaker's side) will do
ANNOUNCING = frozenset({"ankündigen", "kündigen", "erklären", "drohen", "androhen", "warnen",
                        "ankündigte", "kündigte", "kündigten", "erklärte", "erklärten",
                        "drohte", "drohten", "warnte", "warnten", "announce", "announced",
                        "vow", "vowed", "threaten", "threatened", "warn", "warned"})
FORCE_TYPES = {"ASSAULT"}


def announced_force(clauses: list[Clause], idx: int, hit: Hit, lex: Lexicon) -> int | None:
    """Index of the clause that announces the attack named in clause ``idx``, when it is an
    announcement and not a report: "kündigte an, militärisch gegen X vorzugehen", "erklärte,
    sie werde X angreifen, wenn ...". PLOVER codes an announced use of force as THREATEN (its
    content is violence); the attack itself has not happened."""
    if hit.trigger.type not in FORCE_TYPES or hit.trigger.kind != "verb" or idx == 0:
        return None
    clause = clauses[idx]
    words = clause.span_words()
    future = any(w.low in lex.cue("future_aux") | lex.cue("conditional_aux") for w in words) \
        and not any(w.pos == "VVPP" for w in words)
    for gov in range(idx - 1, -1, -1):
        prev = clauses[gov]
        if prev.has(ANNOUNCING) and (_infinitive_clause(clause) or future):
            return gov
        if not _governs_next(prev, lex):
            break
    return None


def _governs_next(clause: Clause, lex: Lexicon) -> bool:
    """A clause that only completes the one before it (relative, dass) may stand between an
    announcement and its content."""
    first = clause.words[clause.i].low
    return first in lex.cue("relative") or first in lex.cue("complementizers")
