"""Helpers for the quotes tests: hand-built documents with hand-made entities."""

from __future__ import annotations

from lagebild import nlp, quotes
from lagebild.model import Document, Entity, Quote, Segment, Span


def person(doc_text: str, eid: str, name: str, forms: list[str], gender: str | None,
           etype: str = "PER") -> Entity:
    """An entity with a mention at every occurrence of each form."""
    mentions: list[Span] = []
    for form in forms:
        start = doc_text.find(form)
        while start >= 0:
            mentions.append(Span(start=start, end=start + len(form), text=form))
            start = doc_text.find(form, start + 1)
    return Entity(id=eid, name=name, type=etype, mentions=mentions,  # type: ignore[arg-type]
                  gender=gender)


def run(text: str, entities: list[Entity] | None = None,
        segments: list[tuple[int, int, str]] | None = None) -> Document:
    doc = Document(text=text, entities=list(entities or []))
    if segments:
        doc.segments = [Segment(start=a, end=b, text=text[a:b], role=r)  # type: ignore[arg-type]
                        for a, b, r in segments]
    return quotes.run(nlp.run(doc))


def only(doc: Document, kind: str | None = None) -> Quote:
    found = [q for q in doc.quotes if kind is None or q.kind == kind]
    assert len(found) == 1, [(q.kind, q.text) for q in doc.quotes]
    return found[0]
