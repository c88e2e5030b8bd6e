"""Dates of planned events: a plan is dated by the occasion it is planned for, not by the day
it was announced on."""

from __future__ import annotations

from collections.abc import Callable

from lagebild.events.clauses import Clause
from lagebild.events.lexicon import Lexicon
from lagebild.model import Document, EventDate, Sentence
from lagebild.timex.api import has_own_date, upcoming_date

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


def event_date(doc: Document, sent: Sentence, clause: Clause, status: str, lex: Lexicon,
               narrative: Callable[[Document, Sentence, Clause], EventDate]) -> EventDate:
    """The event's date: a plan's dated occasion (``planned_date``), else the ``narrative``
    date (the clause's own time, else the day of the sentence next to it); a plan does not take
    a past day from the sentence next to it (that is when it was told), it takes the
    publication date."""
    found = planned_date(doc, sent, clause, status, lex)
    if found is not None:
        return found
    date = narrative(doc, sent, clause)
    pub = (doc.published.value or "")[:10]
    if status == "planned" and date.origin == "text" and pub and date.value and \
            date.value[:10] < pub and not has_own_date(doc, sent.start, sent.end):
        return EventDate(value=pub, precision="day", origin="publication")
    return date
