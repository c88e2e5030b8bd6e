"""Dates of planned events: a plan is dated by the occasion it is planned for, not by the day
it was announced on."""

from __future__ import annotations

from collections.abc import Callable

from lagebild.events.clauses import Clause
from lagebild.events.lexicon import Lexicon
from lagebild.events.triggers import Hit
from lagebild.model import Document, EventDate, Sentence
from lagebild.timex.api import dates_in, has_own_date, upcoming_date

LOOKBACK = 3  # sentences before the event's in which its occasion may have been named


def planned_date(doc: Document, sent: Sentence, clause: Clause, status: str,
                 lex: Lexicon) -> EventDate | None:
    """The date of a planned event whose sentence names no time: when it names an occasion
    (an election, a summit: ``occasion_stems``), the last upcoming day named with that occasion
    in this or the few sentences before ("Die Wahl ist für den kommenden Sonntag angesetzt. Die
    Opposition will den Wahlgang boykottieren."), not the day named in the sentence next to
    it (when the plan was told). None for other events, for plans with a time of their own and
    for plans without a dated occasion (the caller dates those)."""
    if status != "planned" or has_own_date(doc, sent.start, sent.end):
        return None
    i = next((k for k, s in enumerate(doc.sentences) if s.start == sent.start), None)
    if i is None:
        return None
    occasions = tuple(stem for stem in lex.cue("occasion_stems")
                      if any(stem in w.low for w in clause.span_words()))
    lo = doc.sentences[max(0, i - LOOKBACK)].start
    return upcoming_date(doc, lo, clause.end, occasions) if occasions else None


def _fronted_phrase(clause: Clause) -> tuple[int, int] | None:
    """(end of its first noun, end) of a prepositional phrase before the finite verb of a main
    clause ("Nach der Razzia am Mittwoch | kritisierte Russland heute ..."), else None."""
    words = clause.span_words()
    if len(words) < 4 or words[0].pos not in ("APPR", "APPRART"):
        return None
    fin = next((k for k, w in enumerate(words) if w.pos.endswith("FIN")), None)
    noun = next((w for w in words[1:fin] if w.pos == "NN"), None) if fin else None
    if fin is None or fin < 3 or noun is None:
        return None
    return noun.end, words[fin - 1].end


def _verb_own_date(doc: Document, clause: Clause, hit: Hit) -> EventDate | None:
    """A verb's date when a fronted phrase names an earlier happening with its own time: "Nach
    der Razzia am Mittwoch kritisierte Russland heute Belarus" (the criticism is of today).
    The time inside the phrase belongs to its noun; the verb takes one outside it."""
    if hit.trigger.kind != "verb":
        return None
    phrase = _fronted_phrase(clause)
    if phrase is None:
        return None
    noun_end, end = phrase
    found = dates_in(doc, clause.start, clause.end)
    # after the phrase's noun: "Im April dieses Jahres" is itself the time, no happening
    inside = [d for pos, d in found if noun_end <= pos < end]
    outside = [(pos, d) for pos, d in found if pos >= end]
    if not inside or not outside:
        return None
    anchor = clause.words[hit.word].start
    return min(outside, key=lambda pd: (abs(pd[0] - anchor), pd[0]))[1]


def event_date(doc: Document, sent: Sentence, clause: Clause, status: str, lex: Lexicon,
               narrative: Callable[[Document, Sentence, Clause], EventDate],
               hit: Hit | None = None) -> EventDate:
    """The event's date: a plan's dated occasion (``planned_date``), else the ``narrative``
    date (the clause's own time, else the day of the sentence next to it); a plan does not take
    a past day from the sentence next to it (that is when it was told), it takes the
    publication date."""
    found = planned_date(doc, sent, clause, status, lex)
    if found is None and hit is not None:
        found = _verb_own_date(doc, clause, hit)
    if found is not None:
        return found
    date = narrative(doc, sent, clause)
    pub = (doc.published.value or "")[:10]
    if status == "planned" and date.origin == "text" and pub and date.value and \
            date.value[:10] < pub and not has_own_date(doc, sent.start, sent.end):
        return EventDate(value=pub, precision="day", origin="publication")
    return date
