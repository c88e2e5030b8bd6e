"""Stage `segment`: language, text-quality flags, and a role for every non-blank part of the text.

Every non-blank line gets exactly one role (title, body, caption, chrome, teaser, comment,
disclaimer); consecutive lines of one paragraph with the same role form one segment. Nothing is
deleted: noise is labelled and later stages read only `title` and `body`.
"""

from __future__ import annotations

from lagebild.model import Document, Segment
from lagebild.segment.flags import machine_translation_suspected
from lagebild.segment.language import detect_language
from lagebild.segment.rules import Line, assign_roles, split_lines


def segment_text(
    text: str, *, title: str | None = None, comment_spans: list[tuple[int, int]] | None = None
) -> tuple[list[Segment], str | None]:
    """Segments covering every non-blank line of ``text``, and the headline found."""
    lines = split_lines(text)
    headline = assign_roles(lines, title)
    for line in lines:
        if any(s < line.end and line.start < e for s, e in comment_spans or ()):
            line.role = "comment"  # the HTML reader knew these were reader comments
    return _segments(text, lines), headline


def _segments(text: str, lines: list[Line]) -> list[Segment]:
    segments: list[Segment] = []
    for line in lines:
        last = segments[-1] if segments else None
        if last is not None and last.role == line.role and not line.blank_before:
            last.end = line.end
            last.text = text[last.start:last.end]
        else:
            segments.append(Segment(role=line.role, start=line.start, end=line.end, text=line.text))
    return segments


def run(doc: Document) -> Document:
    segments, headline = segment_text(doc.text, title=doc.title, comment_spans=doc.comment_spans)
    doc.segments = segments
    if not doc.title and headline:
        doc.title = headline
    news = "\n".join(s.text for s in segments if s.role in ("title", "body"))
    if not doc.language:
        # a language given by the caller (store, API) wins over detection
        given = doc.meta.get("language") or doc.meta.get("lang")
        if isinstance(given, str) and given:
            doc.language = given
        else:
            doc.language = detect_language(news or doc.text)
    if not any(s.role == "body" for s in segments):
        doc.add_flag("no_body_found")
    if news and machine_translation_suspected(news, doc.language):
        doc.add_flag("machine_translation_suspected")
    return doc
