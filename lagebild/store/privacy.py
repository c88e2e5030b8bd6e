"""Data protection before storing: comments kept, redacted or dropped; full text or snippets.

Text edits shift every offset after them, so :func:`edit_text` remaps all spans of the document
(segments, mentions, quotes, evidence). The ``doc_id`` stays the hash of the text as read, so a
document is still recognised when it comes again.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import lru_cache
from importlib import resources
from typing import Literal

import yaml

from lagebild.model import Document, Span

CommentsMode = Literal["keep", "redact", "drop"]
TextMode = Literal["full", "snippets"]
SNIPPETS_FLAG = "text_snippets_only"


@lru_cache(maxsize=1)
def _redaction() -> tuple[str, list[re.Pattern[str]]]:
    data = yaml.safe_load(
        (resources.files("lagebild.store") / "data" / "privacy.yaml").read_text("utf-8"))
    pats = [re.compile(p, re.MULTILINE | re.IGNORECASE) for p in data["patterns"]]
    return data["placeholder"], pats


def edit_text(doc: Document, edits: list[tuple[int, int, str]]) -> Document:
    """Replace text ranges (non-overlapping) and remap every span of the document."""
    if not edits:
        return doc
    edits = sorted(edits)
    starts = [e[0] for e in edits]
    deltas: list[int] = []
    total = 0
    for start, end, new in edits:
        total += len(new) - (end - start)
        deltas.append(total)

    def remap(pos: int, is_end: bool) -> int:
        i = bisect_right(starts, pos - 1 if is_end else pos) - 1
        if i < 0:
            return pos
        start, end, new = edits[i]
        if pos < end:  # inside an edited range: clamp to its new extent
            return start + (deltas[i - 1] if i else 0) + (len(new) if is_end else 0)
        return pos + deltas[i]

    parts: list[str] = []
    last = 0
    for start, end, new in edits:
        parts.append(doc.text[last:start])
        parts.append(new)
        last = end
    parts.append(doc.text[last:])
    text = "".join(parts)

    def fix(span: Span) -> None:
        span.start, span.end = remap(span.start, False), remap(span.end, True)
        span.text = text[span.start:span.end]

    for seg in doc.segments:
        fix(seg)
    for ent in doc.entities:
        for m in ent.mentions:
            fix(m)
    for q in doc.quotes:
        fix(q)
    for ev in doc.events:
        fix(ev.evidence)
    doc.text = text
    doc.segments = [s for s in doc.segments if s.end > s.start]
    return doc


def comment_names(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Character ranges of commenter names inside ``text[start:end]``."""
    _, pats = _redaction()
    chunk = text[start:end]
    found: set[tuple[int, int]] = set()
    for pat in pats:
        for m in pat.finditer(chunk):
            s, e = m.span("name")
            name = chunk[s:e].strip()
            if name:
                s = chunk.index(name, s)
                found.add((start + s, start + s + len(name)))
    merged: list[tuple[int, int]] = []
    for s, e in sorted(found):
        if merged and s < merged[-1][1]:
            merged[-1] = (merged[-1][0], max(e, merged[-1][1]))
        else:
            merged.append((s, e))
    return merged


def apply_comments(doc: Document, mode: CommentsMode) -> Document:
    comments = [s for s in doc.segments if s.role == "comment"]
    if mode == "keep" or not comments:
        return doc
    if mode == "drop":
        doc = edit_text(doc, [(s.start, s.end, "") for s in comments])
        doc.segments = [s for s in doc.segments if s.role != "comment"]
        doc.add_flag("comments_dropped")
        return doc
    placeholder, _ = _redaction()
    edits = [(s, e, placeholder) for seg in comments for s, e in
             comment_names(doc.text, seg.start, seg.end)]
    doc = edit_text(doc, edits)
    doc.add_flag("comments_redacted")
    return doc


def apply_text_mode(doc: Document, mode: TextMode) -> Document:
    """``snippets``: keep only the spans that carry their own text (evidence, quotes, mentions)."""
    if mode == "full":
        return doc
    doc.text = ""
    doc.segments = []
    doc.html = None
    doc.add_flag(SNIPPETS_FLAG)
    return doc
