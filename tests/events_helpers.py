"""Helpers for the events tests: hand-built documents with entities, so the tests don't depend
on the entity, time or quote stages."""

from __future__ import annotations

import re

from lagebild import nlp
from lagebild.events import run
from lagebild.ingest.base import document_from_text
from lagebild.model import Document, Entity, Event, Published, Quote, Segment, Span
from lagebild.pipeline import process

# id -> (type, surface forms); a mention is every whole-word occurrence of a form
Ents = dict[str, tuple[str, list[str]]]


def make_doc(text: str, ents: Ents, language: str = "de", published: str = "2025-03-14",
             segments: list[tuple[str, str]] | None = None,
             quotes: list[Quote] | None = None) -> Document:
    doc = Document(text=text, language=language,
                   published=Published(value=published, origin="metadata"))
    if segments:
        pos = 0
        for part, role in segments:
            start = text.index(part, pos)
            doc.segments.append(Segment(start=start, end=start + len(part), text=part,
                                        role=role))  # type: ignore[arg-type]
            pos = start + len(part)
    taken: set[int] = set()
    forms = sorted(((f, eid, typ) for eid, (typ, fs) in ents.items() for f in fs),
                   key=lambda x: -len(x[0]))
    by_id: dict[str, Entity] = {}
    for form, eid, typ in forms:
        for m in re.finditer(r"(?<!\w)" + re.escape(form) + r"(?!\w)", text):
            if taken & set(range(m.start(), m.end())):
                continue
            taken |= set(range(m.start(), m.end()))
            ent = by_id.setdefault(eid, Entity(id=eid, name=ents[eid][1][0], type=typ))  # type: ignore[arg-type]
            ent.mentions.append(Span(start=m.start(), end=m.end(), text=form))
    doc.entities = list(by_id.values())
    doc.quotes = quotes or []
    nlp.run(doc)
    return doc


def pipeline_doc(text: str, language: str = "de", published: str = "2025-06-04") -> Document:
    """A one-paragraph article through the whole pipeline (real entity, time and quote stages)."""
    return process(document_from_text("Titel\n\n" + text + "\n", published=published,
                                      language=language))


def events_of(text: str, ents: Ents, **kw) -> list[Event]:
    return run(make_doc(text, ents, **kw)).events


def parties(ev: Event) -> set[str]:
    return set(ev.actors) | set(ev.recipients)


def of_type(events: list[Event], etype: str) -> list[Event]:
    return [e for e in events if e.type == etype]


def trigger_types(sentence: str, ents: Ents, language: str = "de") -> list[str]:
    """Trigger types found in the sentence's clauses (before any party is looked for)."""
    from lagebild.events import triggers
    from lagebild.events.clauses import EntityIndex, build_clauses, words_of
    from lagebild.events.lexicon import load

    doc = make_doc(sentence, ents, language=language)
    lex = load(language)
    out: list[str] = []
    for sent in doc.sentences:
        words = words_of(sent, EntityIndex(doc, set()))
        vocab = triggers.sentence_vocab(words)
        for clause in build_clauses(words, lex):
            out += [h.trigger.type for h in triggers.find(clause, lex, vocab)]
    return out
