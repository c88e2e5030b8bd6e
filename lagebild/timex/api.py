"""Public API of the time stage for other stages (contract; filled by the timex stage)."""

from __future__ import annotations

from lagebild.model import Document, EventDate


def date_for_span(doc: Document, start: int, end: int) -> EventDate:
    """The date governing the clause/sentence [start, end): nearest time expression in the
    clause, else in the sentence, else the publication date (origin ``publication``)."""
    if doc.published.value:
        return EventDate(value=doc.published.value, precision="day", origin="publication")
    return EventDate(origin="unknown")
