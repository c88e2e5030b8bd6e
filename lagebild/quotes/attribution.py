"""Attribution: the cue and the speaking phrase around a quote or reported clause."""

from __future__ import annotations

from dataclasses import dataclass, field

from lagebild.quotes.cues import clause_end, speech_verb
from lagebild.quotes.lexicon import lexicon, noun_class
from lagebild.quotes.speaker import (
    GENITIVE_ARTS,
    OPENING_MARKS,
    Phrase,
    is_role,
    np_ending_at,
    np_from,
)
from lagebild.quotes.units import QUOTE_CHARS, Tok

SUBORDINATORS = frozenset({"wie", "dass", "daß", "als", "nachdem", "weil", "während", "ob",
                           "as", "how"})
SKIPPABLE = frozenset({"ADV", "PTKNEG", "ADJD"})


@dataclass
class Attribution:
    cue: str | None
    phrase: Phrase | None
    verb: int | None = None  # token index of the cue
    plural: bool = False
    used: set[int] = field(default_factory=set)
    fallback_previous: bool = False  # "heißt es in der Erklärung": the previous speaker


def _plural(t: Tok) -> bool:
    return t.is_finite and t.low.endswith("en")


def sentence_bounds(toks: list[Tok], i: int, sentences: list[tuple[int, int]]) -> tuple[int, int]:
    return sentences[toks[i].sent]


def subject_of(toks: list[Tok], v: int, s0: int, limit: int) -> Phrase | None:
    """The subject of the (speech) verb at v in the clause [s0, limit)."""
    relative = _relative_subject(toks, v, s0)
    if relative is not None:
        return relative
    for k in range(v - 1, s0, -1):  # "…, und der Verband rief auf": the clause after "und"
        if toks[k].is_finite or toks[k].text in QUOTE_CHARS:
            break
        if toks[k].low in MAIN_CONJUNCTIONS and toks[k - 1].text == ",":
            s0 = k + 1
            break
    if s0 < v - 1 and toks[v - 1].low in {"und", "sowie"} and toks[v].is_finite:
        # "Der Rat verurteilte den Angriff und forderte, …": the verbs share one subject
        lo = s0
        for k in range(v - 2, s0, -1):
            if toks[k].text in {",", ";", ":"}:
                lo = k + 1  # the clause of the first verb: "…, während X … lobt und fordert"
                break
        first = next((f for f in range(lo, v - 1) if toks[f].is_finite), None)
        shared = subject_of(toks, first, lo, v - 1) if first is not None else None
        if shared is not None and _agrees(shared, toks[v]):
            return shared
    if toks[v].is_finite and toks[v].pos == "VVFIN":
        # "X hatte sich erhofft": a participle the tagger took for a finite verb; the
        # auxiliary just before it holds the subject's place
        for f in range(v - 1, max(s0, v - 5) - 1, -1):
            if toks[f].text in {",", ";", ":", *QUOTE_CHARS}:
                break
            if toks[f].pos in {"VAFIN", "VMFIN"}:
                return subject_of(toks, f, s0, limit)
    if not toks[v].is_finite and toks[v].low not in lexicon().english_verbs:
        agent = _passive_agent(toks, v, s0)
        if agent is not None:
            return agent
        # "X hat … bekräftigt": the finite auxiliary holds the subject's place -- the nearest
        # one in the verb's own clause ("„…“, ließ X verlauten": not a verb inside the quote)
        for f in range(v - 1, s0 - 1, -1):
            if toks[f].text in {",", ";", ":", *QUOTE_CHARS}:
                break
            if toks[f].is_finite:
                return subject_of(toks, f, s0, limit)
        for f in range(s0, v):
            if toks[f].is_finite:
                return subject_of(toks, f, s0, limit)
    if (v > s0 and toks[v - 1].text in {",", *QUOTE_CHARS} or v == s0) \
            and not _closes_title(toks, s0, v):
        # "Der Leiter der Studie, X, sieht …": a subject with its apposition closes at the comma
        lead = _apposed_subject(toks, s0, v) if toks[v - 1].text == "," else None
        if lead is None and toks[v - 1].text == ",":
            lead = _subject_before_relative(toks, s0, v)
        if lead is not None:
            return lead
        after = _after(toks, v, limit)
        if after is not None and (after.toks[0].low in OBLIQUE_ARTICLES
                                  or after.toks[-1].low in TIME_NOUNS):
            after = None  # "X, Y, dankte den Helfern": an object, not the subject
        if after is not None or v == s0:
            return after
        # "Papier, Präsident des Gerichts, sagte, dass …": the clause before is the subject
        start = s0
        for j in range(v - 2, s0 - 1, -1):
            if toks[j].text in {".", ":", ";", "!", "?"}:
                start = j + 1
                break
        while start < v and toks[start].pos in {"ADV", "KON"}:
            start += 1
        before = np_from(toks, start, v)
        shared = _asyndetic_subject(toks, start, v)
        if shared is not None:
            return shared
        for j in range(start + 1, v - 1):
            if toks[j].text == "," and toks[j + 1].pos in {"ADV", "PAV", "PROAV"}:
                v = j + 1  # "Die Gegner, darunter auch X, …": an insertion, not the subject
                break
        if before is not None and all(t.text == "," or _np_like(t) for t in toks[start:v]):
            # the whole phrase with its apposition: "Papier, Präsident des Gerichts"
            end = v - 1 if toks[v - 1].text == "," else v  # a closing mark belongs to it
            return Phrase(toks[start:end]) if end > start else before
        return None
    while s0 < v - 1 and (toks[s0].pos in {"ADV", "KON"} or toks[s0].low in FOCUS_PARTICLES) \
            and toks[s0].low != "wie":
        s0 += 1  # "Auch Hassemer glaubt", "Selbst die Zeitung hatte kritisiert"
    first = toks[s0]
    if first.low == "als" and v + 1 < limit and toks[v + 1].text != ",":
        after = _after(toks, v, limit)  # "Als Grund nannte die Behörde, …": a fronted PP
        if after is not None and not _unlikely_subject(after):
            return after
    if first.low in SUBORDINATORS:
        return np_from(toks, past_particles(toks, s0 + 1, v), v)
    if toks[v].lemma == "verlauten":
        # "Aus Regierungskreisen verlautete, …" / "verlautete aus dem Ministerium": the
        # circle or office named after "aus" is the source
        if first.low == "aus":
            return np_from(toks, s0 + 1, v)
        if v + 2 < limit and toks[v + 1].low == "aus":
            return np_from(toks, v + 2, limit)
    if first.low in {"von", "vom"} and any(t.lemma in {"werden", "kommen"}
                                           for t in toks[s0:v + 1]):
        # the agent of a passive or the origin of a message: "Von X wird betont, …",
        # "Von X kam die Mitteilung, …"
        return np_from(toks, s0 + 1, v)
    before = np_from(toks, s0, v)
    if before is not None and _unlikely_subject(before):
        after = _after(toks, v, limit)
        if after is not None:
            return after  # "Gestern sagte X", "Den Unmut der CDU bekam X zu spüren"
    if before is not None:
        end = s0 + len(before.toks)
        if end == v or all(t.text == "," or _np_like(t) for t in toks[end:v]):
            if toks[v + 1:v + 2] and toks[v + 1].low in {"er", "sie", "wir", "ich"} \
                    and before.toks[0].pos not in {"PPER", "NE"}:
                return Phrase([toks[v + 1]])  # "Das sagte er": object first
            return before
    after = _after(toks, v, limit)
    if after is not None:
        return after
    return _nearest_name(toks, s0, limit, v)


def past_particles(toks: list[Tok], k: int, v: int) -> int:
    """The first word from k on that is no particle or adverb ("Wie schon die Behörde
    mitteilte": the subject starts after "schon"), at most up to the word before v."""
    while k < v - 1 and (toks[k].low in FOCUS_PARTICLES or toks[k].pos == "ADV"):
        k += 1
    return k


def _asyndetic_subject(toks: list[Tok], start: int, v: int) -> Phrase | None:
    """'Die Beobachter lobten die Wahl, sprachen aber von Mängeln': a finite verb right after
    the comma that closes a main clause shares that clause's subject (one finite verb, the
    subject before it, the numbers agreeing)."""
    if not toks[v].is_finite or toks[v - 1].text != "," or toks[start].low in SUBORDINATORS \
            or toks[start].pos in {"KOUS", "PWAV", "PRELS"}:
        return None
    finite = [f for f in range(start, v - 1) if toks[f].is_finite]
    if len(finite) != 1 or any(t.text in {",", ";", *QUOTE_CHARS} for t in toks[start:v - 1]):
        return None
    first = np_from(toks, start, finite[0])
    if first is None or start + len(first.toks) != finite[0] or _unlikely_subject(first) \
            or _plural(toks[finite[0]]) != _plural(toks[v]) or not _agrees(first, toks[v]):
        return None
    return first


def _closes_title(toks: list[Tok], s0: int, v: int) -> bool:
    """Does the mark before the verb close a short quoted name inside the clause ("Wie die
    Zeitung „Nordpost“ berichtete") rather than a quote the verb follows?"""
    if v - 1 <= s0 or toks[v - 1].text not in QUOTE_CHARS:
        return False
    for x in range(v - 2, max(s0, v - 8), -1):
        if toks[x].text in OPENING_MARKS:
            return x > s0 and toks[x - 1].pos in {"NN", "ART", "ADJA"}
    return False


def _passive_agent(toks: list[Tok], v: int, s0: int) -> Phrase | None:
    """'Zudem wurde die Regierung vom Verband aufgefordert, …', 'wie von der Polizei betont
    wurde': in a werden-passive the agent after von/vom speaks, not the subject."""
    if toks[v].pos != "VVPP":
        return None
    lo = v
    while lo > s0 and toks[lo - 1].text not in {",", ";", ":", *QUOTE_CHARS}:
        lo -= 1
    hi = v + 1
    while hi < len(toks) and hi <= v + 2 and toks[hi].text not in {",", ".", ";", ":"}:
        hi += 1
    if not any(t.lemma == "werden" and t.is_finite for t in toks[lo:hi]):
        return None
    for k in range(lo, v):
        if toks[k].low in {"von", "vom"} and k > s0:
            return np_from(toks, k + 1, v)
    return None


def _agrees(phrase: Phrase, verb: Tok) -> bool:
    """Rough number agreement: a singular verb ("fordert") does not take "die Äußerungen"."""
    words = [t for t in phrase.toks if t.is_word]
    singular_verb = verb.low.endswith(("t", "te")) and not verb.low.endswith("ten")
    plural_np = len(words) >= 2 and words[0].low == "die" and words[1].pos == "NN" \
        and words[1].low.endswith("en")
    return not (singular_verb and plural_np)


NOMINATIVE_RELATIVES = frozenset({"der", "die", "das", "welcher", "welche", "welches"})


def _relative_subject(toks: list[Tok], v: int, s0: int) -> Phrase | None:
    """'…, die Ministerin, die betonte, …': the verb ends a relative clause whose pronoun is
    its subject; the speaker is the antecedent before the comma, the pronoun its mention."""
    for j in range(v - 1, s0, -1):
        t = toks[j]
        if t.text in {",", ";", ":", *QUOTE_CHARS} or t.is_finite and j != v:
            return None
        if t.pos == "PRELS" or t.low in NOMINATIVE_RELATIVES and t.pos in {"ART", "PDS"}:
            break
    else:
        return None
    if toks[j - 1].text != "," or t.low not in NOMINATIVE_RELATIVES:
        return None  # "…, dem sie sagte", "…, von der …": the pronoun is no subject
    nxt = toks[j + 1] if j + 1 < v else None
    if nxt is not None and (nxt.low in {"er", "sie", "wir", "ich", "man", "es"}
                            or nxt.low in {"der", "die", "das", "ein", "eine"}
                            or nxt.pos in {"NE", "NN", "ADJA"}):
        # "die Studie, die er vorstellte": another subject follows; "X, der Sprecher von Y
        # sagte": an article opening an apposition, no relative pronoun
        return None
    antecedent = np_ending_at(toks, j - 1, s0)
    if antecedent is None:
        return None
    antecedent.rel = t
    return antecedent


def _subject_before_relative(toks: list[Tok], s0: int, v: int) -> Phrase | None:
    """'Der Sender, der für X verantwortlich ist, begründete …': the noun phrase that opens
    the sentence, its relative clause closing at the comma before the verb."""
    phrase = np_from(toks, s0, v)
    if phrase is None or _unlikely_subject(phrase):
        return None
    end = s0 + len(phrase.toks)
    if end + 1 >= v or toks[end].text != "," or toks[end + 1].low not in NOMINATIVE_RELATIVES \
            and toks[end + 1].pos != "PRELS":
        return None
    inner = toks[end + 1:v - 1]
    if any(t.text == "," for t in inner) or not any(t.pos.startswith("V") for t in inner):
        return None
    return phrase


def _apposed_subject(toks: list[Tok], s0: int, v: int) -> Phrase | None:
    """'Der Leiter der Studie, X,' before the verb at v: a nominative noun phrase with a name
    in apposition that fills the whole stretch from the sentence start."""
    phrase = np_from(toks, s0, v)
    if phrase is None or _unlikely_subject(phrase) or toks[s0].text in QUOTE_CHARS:
        return None
    end = s0 + len(phrase.toks)
    rest = toks[end:v]
    last = phrase.toks[-1]
    named = last.pos == "NE" or last.pos == "NN" and "," in {t.text for t in phrase.toks}
    if not named or any(t.text != "," for t in rest) or not rest:
        return None
    return phrase


OBLIQUE_ARTICLES = frozenset({"den", "dem", "einen", "einem"})
MAIN_CONJUNCTIONS = frozenset({"und", "aber", "doch", "sondern", "denn"})
FOCUS_PARTICLES = frozenset({"selbst", "sogar", "auch", "nur", "bereits", "schon", "zudem"})
# time nouns that a tagger without context may offer as a subject ("hatte letzten September")
TIME_NOUNS = frozenset({"abend", "morgen", "mittag", "nachmittag", "vormittag", "nacht", "tag",
                        "woche", "monat", "jahr", "januar", "februar", "märz", "april", "mai",
                        "juni", "juli", "august", "september", "oktober", "november",
                        "dezember", "montag", "dienstag", "mittwoch", "donnerstag", "freitag",
                        "samstag", "sonntag", "wochenende", "herbst", "frühling", "frühjahr",
                        "sommer", "winter"})
# capitalised at the start of a sentence, these look like nouns to a tagger without context
ADVERB_NOUNS = frozenset({"gestern", "heute", "morgen", "gegenüber", "vorgestern", "übermorgen",
                          "zuvor", "dort", "hier", "damals", "später", "zudem", "außerdem"})


def _unlikely_subject(phrase: Phrase) -> bool:
    """An accusative/dative article, or one capitalised word that is no name (a sentence-
    initial adverb or adjective the tagger took for a noun)."""
    first = phrase.toks[0]
    if first.low in OBLIQUE_ARTICLES or phrase.toks[-1].low in TIME_NOUNS:
        return True
    return len(phrase.toks) == 1 and (first.pos not in {"NE", "NN", "PPER"}
                                      or first.low in ADVERB_NOUNS)


def _np_like(t: Tok) -> bool:
    """Could be part of a (long) subject phrase: no verb, no clause-opening word."""
    return not t.pos.startswith("V") and t.pos not in {"KOUS", "PRELS", "PWS", "PWAV", "$."}


def _after(toks: list[Tok], v: int, limit: int) -> Phrase | None:
    k = v + 1
    if k < limit and toks[k].low == "sich":  # "äußerte sich der Chef …"
        k += 1
    skipped = 0
    while k < limit and toks[k].pos in SKIPPABLE and skipped < 2 and toks[k].low != "so":
        k += 1
        skipped += 1
    return np_from(toks, k, limit)


def _nearest_name(toks: list[Tok], s0: int, limit: int, v: int) -> Phrase | None:
    """Fallback: the name or pronoun nearest to the verb within its own clause."""
    for j in range(v + 1, limit):
        if toks[j].text in {",", ";", ":"}:
            limit = j
            break
    best: int | None = None
    for i in range(s0, limit):
        t = toks[i]
        if t.pos in {"NE", "PPER"} and (i == 0 or toks[i - 1].pos not in {"APPR", "APPRART"}):
            if t.pos == "PPER" and t.low not in {"er", "sie"}:
                continue
            if best is None or abs(i - v) < abs(best - v):
                best = i
    return np_from(toks, best, limit) if best is not None else None


def after_quote(toks: list[Tok], j: int, limit: int) -> Attribution | None:
    """Attribution right after a closing mark: '“, sagte Peskow', '“, so Peskow', '," he said'."""
    k = j
    while k < limit and toks[k].text in {",", "–", "—", "-"}:
        k += 1
    if k >= limit:
        return None
    t = toks[k]
    if t.lemma == "heißen" and k + 1 < limit and toks[k + 1].low == "es":
        return heisst_es(toks, k, limit)
    cue = speech_verb(toks, k, limit)
    # "„…“, begründet das Gericht": a "-t" form the tagger calls a participle is finite here,
    # with its subject after it
    finite = t.is_finite or t.pos == "VVPP" and k + 1 < limit \
        and toks[k + 1].pos in {"ART", "NE", "PPER", "PPOSAT"}
    if cue is not None and (finite or t.low in lexicon().english_verbs):
        phrase = _after(toks, k, limit)
        if t.lemma == "zitieren":  # "„…“, zitierte die Zeitung den Minister": the one quoted
            phrase = _quoted_object(toks, phrase, limit) or phrase
        return Attribution(cue, phrase, k, _plural(t), {k})
    if t.is_finite and k + 1 < limit and toks[k + 1].low == "sich" \
            and t.lemma.lower() in lexicon().reflexive_cues:
        # "„…“, zeigte sich X zufrieden", "gab sich X zuversichtlich", "erinnerte sich X"
        return Attribution(f"{t.text} sich", _after(toks, k, limit), k, _plural(t), {k, k + 1})
    verb = _closing_cue(toks, k, limit)
    if verb is not None:  # "„…“, ließ X verlauten", "wollte X wissen", "wird X zitiert"
        return Attribution(f"{t.text} {toks[verb].text}", _after(toks, k, limit), verb,
                           _plural(t), {k, verb})
    if t.low == "so" and k + 1 < limit:
        phrase = np_from(toks, k + 1, limit)
        if phrase is not None:
            return Attribution("so", phrase, k, False, {k})
    # English: '," he said' / '," the minister said'
    phrase = np_from(toks, k, limit)
    if phrase is not None:
        v = k + len(phrase.toks)
        if v < limit and toks[v].low in lexicon().english_verbs:
            return Attribution(toks[v].text, phrase, v, False, {v})
    return None


def _quoted_object(toks: list[Tok], subject: Phrase | None, limit: int) -> Phrase | None:
    """The accusative after the subject of an active "zitieren": "zitierte man X"."""
    if subject is None:
        return None
    k = toks.index(subject.toks[-1]) + 1
    while k < limit and toks[k].pos in SKIPPABLE:
        k += 1
    obj = np_from(toks, k, limit)
    if obj is None or obj.toks[0].low in {"dem", "einem"}:
        return None
    return obj


def _closing_cue(toks: list[Tok], k: int, limit: int) -> int | None:
    """A speech verb closing the clause that a finite modal, "lassen" or a perfect auxiliary
    opens after a quote ("„…“, ließ X verlauten", "„…?“, wollte X wissen", "hat X gesagt");
    with "werden" only the passive of "zitieren", whose subject is the one quoted."""
    t = toks[k]
    if not t.is_finite or speech_verb(toks, k, limit) is not None:
        return None
    passive = t.lemma == "werden"
    if not (t.pos == "VMFIN" or t.lemma in {"lassen", "haben", "sein"} or passive):
        return None
    end = k + 1  # the verb closes the sentence, after an apposition with its commas
    while end < limit and toks[end].text not in {".", "!", "?", ";", ":", *QUOTE_CHARS}:
        end += 1
    j = end - 1
    if j <= k + 1 or toks[j].pos not in {"VVINF", "VVPP", "VVFIN", "VVIZU"} \
            or any(toks[x].is_finite or toks[x].pos == "PRELS" for x in range(k + 1, j)):
        return None
    if passive and toks[j].lemma != "zitieren":
        return None
    return j if speech_verb(toks, j, limit) is not None else None


def heisst_es(toks: list[Tok], k: int, limit: int) -> Attribution:
    """'heißt es in der Erklärung (des Ministeriums)': the author, else the previous speaker."""
    m = k + 2
    while m < limit and toks[m].pos in SKIPPABLE:
        m += 1
    phrase = None
    if m < limit and toks[m].pos in {"APPR", "APPRART"}:
        phrase = np_from(toks, m + 1, limit)
    if phrase is not None:
        heads = [i for i, t in enumerate(phrase.toks) if t.low in lexicon().speech_nouns]
        gen = [i for i, t in enumerate(phrase.toks) if i > 0 and t.low in GENITIVE_ARTS]
        if heads and gen:
            phrase = Phrase(phrase.toks[gen[0]:])
        elif heads or all(t.pos != "NE" for t in phrase.toks) and not _institutional(phrase) \
                and not any(is_role(t.low) for t in phrase.toks):  # "vom Sprecher X" speaks
            phrase = None
    return Attribution(f"{toks[k].text} es", phrase, k, False, {k, k + 1},
                       fallback_previous=phrase is None)


def _institutional(phrase: Phrase) -> bool:
    return any(noun_class(t.low) is not None for t in phrase.toks)


def before_colon(toks: list[Tok], colon: int, s0: int) -> Attribution:
    """The clause before 'Er fuhr fort: „…“' (or 'Peskow: „…“')."""
    for v in range(colon - 1, s0 - 1, -1):
        cue = speech_verb(toks, v, colon)
        if cue is not None:
            return Attribution(cue, subject_of(toks, v, s0, colon), v, _plural(toks[v]), {v})
    # "mit den Worten:" and plain "Peskow:": any finite verb's subject, else the phrase itself
    for v in range(s0, colon):
        if toks[v].is_finite:
            return Attribution(None, subject_of(toks, v, s0, colon), v, _plural(toks[v]))
    phrase = np_from(toks, s0, colon)
    if phrase is not None and (s0 + len(phrase.toks) == colon or phrase.toks[0].pos == "NE"
                               or _pp_only(toks, s0 + len(phrase.toks), colon)):
        return Attribution(None, phrase)
    if phrase is not None and toks[s0].pos == "ART" and phrase.toks[0].low not in OBLIQUE_ARTICLES \
            and toks[s0 + len(phrase.toks)].pos in {"VVINF", "VVPP"}:
        # "Die Anwohner sehen es gelassen: „…“": a plural verb the tagger took for an
        # infinitive right after the sentence's first noun phrase
        return Attribution(None, phrase)
    return Attribution(None, None)


def _pp_only(toks: list[Tok], a: int, b: int) -> bool:
    """Is [a, b) one prepositional phrase ("nach der Festnahme") and nothing else?"""
    if a >= b or toks[a].pos not in {"APPR", "APPRART"}:
        return False
    return all(t.pos in {"ART", "ADJA", "NN", "NE", "CARD", "PPOSAT"} for t in toks[a + 1:b])


def in_sentence(toks: list[Tok], a: int, b: int, s0: int, s1: int) -> Attribution | None:
    """A speech verb elsewhere in the sentence of a partial quote spanning tokens [a, b)."""
    for v in list(range(s0, a)) + list(range(b, s1)):
        if toks[v].text in QUOTE_CHARS:
            continue
        cue = speech_verb(toks, v, s1)
        if cue is not None and toks[v].pos in {"VVFIN", "VMFIN", "VAFIN", "VVPP"}:
            clause_start = s0
            for c in range(v - 1, s0 - 1, -1):
                if toks[c].text in {":", ";"}:
                    clause_start = c + 1
                    break
            # the verb stays free: it may govern a reported clause around the partial quote
            return Attribution(cue, subject_of(toks, v, clause_start, s1), v, _plural(toks[v]))
    return None


def zufolge_phrase(toks: list[Tok], z: int, s0: int) -> Phrase | None:
    return np_ending_at(toks, z, s0)


__all__ = ["Attribution", "after_quote", "before_colon", "clause_end", "heisst_es",
           "in_sentence", "subject_of", "zufolge_phrase"]
