"""Stage ``timex``: time expressions, their values, and publication-date inference.

``run(doc)`` tags the news segments (the whole text when there are none), infers the
publication date when the input has none, and stores :class:`~lagebild.model.Timex` objects in
``doc.timexes``.
"""

from __future__ import annotations

from datetime import date

from lagebild.model import Document, Timex
from lagebild.timex.resolve import resolve
from lagebild.timex.tagger import Raw, tag

__all__ = ["extract", "run"]


def _langs(language: str | None) -> tuple[str, ...]:
    if language in ("de", "en"):
        return (language,)
    return ("de", "en")


def extract(text: str, anchor: date | None = None, langs: tuple[str, ...] = ("de", "en"),
            history: bool = False, spans: list[tuple[int, int]] | None = None) -> list[Timex]:
    """Time expressions of ``text`` (restricted to ``spans`` when given), resolved against
    ``anchor``. ``history=True`` resolves everything against the reference time."""
    return resolve(text, tag_spans(text, langs, spans), anchor, history=history)


def tag_spans(text: str, langs: tuple[str, ...],
              spans: list[tuple[int, int]] | None = None) -> list[Raw]:
    raws: list[Raw] = []
    for s, e in spans or [(0, len(text))]:
        raws.extend(tag(text, langs, s, e))
    raws.sort(key=lambda r: r.start)
    return raws


def run(doc: Document) -> Document:
    """Tag the news text, infer a missing publication date, resolve against it."""
    from lagebild.timex.pubdate import ensure_published

    spans = [(s.start, s.end) for s in doc.news_segments()] or None
    langs = _langs(doc.language)
    raws = tag_spans(doc.text, langs, spans)
    ensure_published(doc, spans, langs, raws)
    doc.timexes = resolve(doc.text, raws, _anchor(doc))
    return doc


def _anchor(doc: Document) -> date | None:
    value = doc.published.value
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None
