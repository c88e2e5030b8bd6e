"""Stage ``timex``: time expressions, their values, and publication-date inference.

``run(doc)`` tags the news segments (the whole text when there are none), infers the
publication date when the input has none, and stores :class:`~lagebild.model.Timex` objects in
``doc.timexes``.
"""

from __future__ import annotations

from datetime import date

from lagebild.model import Document, Timex
from lagebild.timex.resolve import resolve
from lagebild.timex.tagger import tag

__all__ = ["extract", "run"]


def _langs(language: str | None) -> tuple[str, ...]:
    if language in ("de", "en"):
        return (language,)
    return ("de", "en")


def extract(text: str, anchor: date | None = None, langs: tuple[str, ...] = ("de", "en"),
            history: bool = False, spans: list[tuple[int, int]] | None = None) -> list[Timex]:
    """Time expressions of ``text`` (restricted to ``spans`` when given), resolved against
    ``anchor``. ``history=True`` resolves everything against the reference time."""
    raws = []
    for s, e in spans or [(0, len(text))]:
        raws.extend(tag(text, langs, s, e))
    raws.sort(key=lambda r: r.start)
    return resolve(text, raws, anchor, history=history)


def run(doc: Document) -> Document:
    from lagebild.timex.pubdate import ensure_published

    spans = [(s.start, s.end) for s in doc.news_segments()] or None
    langs = _langs(doc.language)
    ensure_published(doc, spans, langs)
    anchor = _anchor(doc)
    doc.timexes = extract(doc.text, anchor, langs, spans=spans)
    return doc


def _anchor(doc: Document) -> date | None:
    value = doc.published.value
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None
