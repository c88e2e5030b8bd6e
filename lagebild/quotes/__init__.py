"""Stage ``quotes``: direct and reported speech with resolved speakers.

Works paragraph by paragraph over news sentences only (title and body), so nothing is taken
from comments, teasers, captions or chrome. Direct quotes come first (quotation marks and their
attribution); reported speech is then looked for in what the direct quotes left.
"""

from __future__ import annotations

from lagebild.model import Document, Quote
from lagebild.quotes.cues import channel_in
from lagebild.quotes.direct import Found, colon_lead, find_direct
from lagebild.quotes.indirect import find_indirect
from lagebild.quotes.speaker import Resolver
from lagebild.quotes.units import paragraphs

__all__ = ["run"]


def _blocked(found: list[Found]) -> set[int]:
    blocked: set[int] = set()
    for f in found:
        if f.partial:
            continue  # a partial quote may sit inside a reported clause
        blocked.update(range(f.toks[0], f.toks[1]))
        if f.attribution is not None:
            blocked.update(f.attribution.used)
    return blocked


def _channel(doc: Document, f: Found) -> str | None:
    a, b = f.region
    outside = doc.text[a:f.start] + " " + doc.text[f.end:b]
    return channel_in(outside)


def run(doc: Document) -> Document:
    resolver = Resolver(doc)
    quotes: list[Quote] = []
    lead = None
    for para in paragraphs(doc):
        direct = find_direct(doc.text, para, lead)
        lead = colon_lead(para)
        indirect = find_indirect(para, _blocked(direct), doc.language or "de")
        # a partial quote inside a reported clause is part of that clause, not a quote of its own
        direct = [d for d in direct if not (d.partial or d.attribution is None)
                  or not any(i.start <= d.start and d.end <= i.end for i in indirect)]
        found = direct + indirect
        found.sort(key=lambda f: f.start)
        for f in found:
            quotes.append(_quote(doc, f, resolver))
    doc.quotes = quotes
    return doc


def _quote(doc: Document, f: Found, resolver: Resolver) -> Quote:
    attr = f.attribution
    speaker: str | None = None
    speaker_text: str | None = None
    if attr is not None and attr.phrase is not None:
        speaker = resolver.resolve(attr.phrase, attr.plural)
        speaker_text = doc.text[attr.phrase.start:attr.phrase.end]
    elif attr is not None and attr.fallback_previous:  # "heißt es in der Erklärung"
        speaker = resolver.author(f.start)
    else:  # no attribution: the previous speaker goes on, else the person just named
        speaker = resolver.previous(f.start) or resolver.recent_person(f.start)
    resolver.note(attr.phrase.start if attr and attr.phrase else f.start, speaker)
    return Quote(kind=f.kind, start=f.start, end=f.end,  # type: ignore[arg-type]
                 text=doc.text[f.start:f.end], speaker=speaker, speaker_text=speaker_text,
                 cue=attr.cue if attr else None, channel=_channel(doc, f))
