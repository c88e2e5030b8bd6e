"""Public API of the time stage for other stages."""

from __future__ import annotations

from lagebild.model import Document, EventDate, Timex
from lagebild.timex.clauses import clause_bounds, sentence_bounds

# Timex precisions that can date an event, and the event-date precision they give
_EVENT_PRECISION = {"day": "day", "time": "day", "week": "week", "month": "month",
                    "season": "year", "year": "year"}


def date_for_span(doc: Document, start: int, end: int) -> EventDate:
    """The date governing the clause/sentence [start, end): nearest time expression in the
    clause, else in the sentence, else the publication date (origin ``publication``).

    Durations and sets never date an event; a week is its Monday with precision ``week``;
    a month is ``YYYY-MM``, a year ``YYYY`` (a season dates to its year)."""
    s0, s1 = _sentence(doc, start)
    s0, s1 = min(s0, start), max(s1, end)
    c0, c1 = clause_bounds(doc.text, start, end, s0, s1)
    usable = [t for t in doc.timexes if _usable(t) and not _bound(doc.text, t)]
    for lo, hi in ((c0, c1), (s0, s1)):
        inside = [t for t in usable if t.start < hi and lo < t.end]
        if inside:
            best = min(inside, key=lambda t: (_gap(t, start, end), t.start))
            return to_event_date(best)
    if doc.published.value:
        return EventDate(value=doc.published.value[:10], precision="day", origin="publication")
    return EventDate(origin="unknown")


def _dating(doc: Document, start: int, end: int) -> list[Timex]:
    """The time expressions in [start, end) that can date an event."""
    return [t for t in doc.timexes
            if _usable(t) and not _bound(doc.text, t) and t.start < end and start < t.end]


def dates_in(doc: Document, start: int, end: int) -> list[tuple[int, EventDate]]:
    """(offset, event date) of every time expression in [start, end) that can date an event."""
    return [(t.start, to_event_date(t)) for t in _dating(doc, start, end)]


def has_own_date(doc: Document, start: int, end: int) -> bool:
    """The clause [start, end) holds a time expression that can date an event."""
    return bool(_dating(doc, start, end))


def upcoming_date(doc: Document, lo: int, hi: int, near: tuple[str, ...] = ()) -> EventDate | None:
    """The last future day or week named in [lo, hi) ("die für den kommenden Sonntag
    angesetzte Wahl"): the occasion a later planned event without a date of its own refers
    to ("Die Opposition will die Wahl boykottieren"). With ``near`` (lower-case word stems),
    only a time expression whose sentence holds one of them counts. None when there is none."""
    pub = (doc.published.value or "")[:10]
    cands = [t for t in doc.timexes if _usable(t) and lo <= t.start and t.end <= hi and
             t.precision in ("day", "time", "week") and
             (t.direction == "future" or (pub and (t.value or "")[:10] > pub))]
    if near:
        cands = [t for t in cands if any(stem in _sentence_text(doc, t.start) for stem in near)]
    return to_event_date(max(cands, key=lambda t: t.start)) if cands else None


def _sentence_text(doc: Document, pos: int) -> str:
    s0, s1 = _sentence(doc, pos)
    return doc.text[s0:s1].lower()


def to_event_date(t: Timex) -> EventDate:
    """A resolved date expression as the document format's event date."""
    precision = _EVENT_PRECISION[t.precision or ""]
    value = t.value or ""
    if precision in ("day", "week"):
        value = value[:10]
    elif precision == "month":
        value = value[:7]
    else:
        value = value[:4]
    return EventDate(value=value, precision=precision, text=t.text,  # type: ignore[arg-type]
                     origin="text")


def _usable(t: Timex) -> bool:
    return (t.type in ("date", "time") and bool(t.value) and t.precision in _EVENT_PRECISION
            and not (t.value or "").startswith("BC"))


_BOUND_WORDS = frozenset({"bis", "zwischen", "until", "between", "till"})
# "die Wahl vom 12. Juni": the date belongs to a noun, not to the clause's verb
_ATTRIBUTE_WORDS = frozenset({"vom"})


def _bound(text: str, t: Timex) -> bool:
    """A deadline or range bound ("Frist bis März", "zwischen 1997 und 2005") or a noun's
    date ("die Wahl vom 12. Juni") does not date the event of its clause."""
    before = text[max(0, t.start - 30):t.start].lower().split()
    if before and before[-1] in _BOUND_WORDS | _ATTRIBUTE_WORDS:
        return True
    return len(before) >= 2 and before[-1] in ("und", "and") and any(
        w in _BOUND_WORDS for w in before[-4:-1])


def _gap(t: Timex, start: int, end: int) -> int:
    if t.end <= start:
        return start - t.end
    if t.start >= end:
        return t.start - end
    return 0


def _sentence(doc: Document, pos: int) -> tuple[int, int]:
    for s in doc.sentences:
        if s.start <= pos < s.end:
            return s.start, s.end
    return sentence_bounds(doc.text, pos)
