"""Hand-built Documents for the store, corpus and query tests (the extraction stages are
tested elsewhere; here entities, quotes and events are written by hand)."""

from __future__ import annotations

from lagebild.ingest.base import document_from_text
from lagebild.model import Document, Entity, Event, EventDate, Quote, Segment, Span

PEOPLE = {
    "selenskyj": ("lb:PER:selenskyj", "Wolodymyr Selenskyj", "PER"),
    "macron": ("lb:PER:macron", "Emmanuel Macron", "PER"),
    "trump": ("lb:PER:trump", "Donald Trump", "PER"),
    "putin": ("lb:PER:putin", "Wladimir Putin", "PER"),
    "starmer": ("lb:PER:starmer", "Keir Starmer", "PER"),
    "paris": ("lb:GPE:paris", "Paris", "GPE"),
    "kiew": ("lb:GPE:kiew", "Kiew", "GPE"),
}


def ent_id(key: str) -> str:
    return PEOPLE[key][0]


def make_doc(
    title: str,
    body: str,
    *,
    outlet: str = "Tagesblatt",
    url: str | None = None,
    published: str = "2025-03-04",
    events: list[dict] | None = None,
    quotes: list[dict] | None = None,
    comment: str | None = None,
) -> Document:
    """A segmented document with entities found by plain string search of PEOPLE's names."""
    text = f"{title}\n\n{body}"
    if comment:
        text += f"\n\nKommentare\n{comment}"
    doc = document_from_text(text, outlet=outlet, url=url, published=published,
                             path=f"{outlet}/{title[:20]}.txt")
    doc.title = title
    doc.language = "de"
    b0 = len(title) + 2
    doc.segments = [Segment(start=0, end=len(title), text=title, role="title"),
                    Segment(start=b0, end=b0 + len(body), text=body, role="body")]
    if comment:
        c0 = text.index("Kommentare\n")
        doc.segments.append(Segment(start=c0, end=len(text), text=text[c0:], role="comment"))
    for eid, name, etype in PEOPLE.values():
        surname = name.split()[-1]
        spans = []
        pos = text.find(surname)
        while pos >= 0 and pos < b0 + len(body):
            spans.append(Span(start=pos, end=pos + len(surname), text=surname))
            pos = text.find(surname, pos + 1)
        if spans:
            doc.entities.append(Entity(id=eid, name=name, type=etype, mentions=spans))
    first = doc.segments[1]
    for spec in events or []:
        ev = dict(spec)
        date = ev.pop("date", published)
        precision = ev.pop("precision", "day")
        origin = ev.pop("origin", "text")
        doc.events.append(Event(
            **ev, date=EventDate(value=date, precision=precision, origin=origin),
            evidence=Span(start=first.start, end=first.end, text=first.text)))
    for spec in quotes or []:
        start = text.index(spec["text"])
        doc.quotes.append(Quote(start=start, end=start + len(spec["text"]), text=spec["text"],
                                kind=spec.get("kind", "direct"), speaker=spec.get("speaker"),
                                speaker_text=spec.get("speaker_text"), cue=spec.get("cue")))
    return doc


def as_is(doc: Document) -> tuple[Document, None]:
    """An Ingester ``process`` that keeps the hand-built extractions (no pipeline run)."""
    return doc, None
