"""Escaping-safe rendering of article text with highlights and redactions."""

from __future__ import annotations

from markupsafe import Markup, escape

from lagebild.store.privacy import comment_names

REDACTED = "[Name entfernt]"


def highlight(text: str, start: int, end: int, marks: list[tuple[int, int]]) -> Markup:
    """``text[start:end]`` escaped, with each (s, e) in ``marks`` wrapped in <mark>."""
    out: list[str] = []
    pos = start
    for s, e in sorted(marks):
        s, e = max(s, pos), min(e, end)
        if s >= e:
            continue
        out.append(str(escape(text[pos:s])))
        out.append(f'<mark class="evidence">{escape(text[s:e])}</mark>')
        pos = e
    out.append(str(escape(text[pos:end])))
    return Markup("".join(out))


def redact_commenters(text: str, start: int, end: int) -> Markup:
    """Comment text escaped, commenters' names replaced."""
    out: list[str] = []
    pos = start
    for s, e in comment_names(text, start, end):
        out.append(str(escape(text[pos:s])))
        out.append(f'<span class="redacted">{escape(REDACTED)}</span>')
        pos = e
    out.append(str(escape(text[pos:end])))
    return Markup("".join(out))


def segments_view(doc: dict, marks: list[tuple[int, int]], redact: bool) -> list[dict]:
    """Each segment with its role and rendered (escaped) content."""
    text = doc.get("text", "")
    items = []
    for seg in doc.get("segments", []):
        s, e, role = seg["start"], seg["end"], seg["role"]
        html = redact_commenters(text, s, e) if role == "comment" and redact \
            else highlight(text, s, e, marks)
        items.append({"role": role, "html": html})
    if not items and text:
        items.append({"role": "body", "html": highlight(text, 0, len(text), marks)})
    return items


def evidence_paragraph(doc: dict, start: int, end: int) -> Markup:
    """The segment containing the evidence, with the evidence highlighted."""
    text = doc.get("text", "")
    for seg in doc.get("segments", []):
        if seg["start"] <= start < seg["end"]:
            return highlight(text, seg["start"], seg["end"], [(start, end)])
    lo = text.rfind("\n", 0, start) + 1
    hi = text.find("\n", end)
    return highlight(text, lo, hi if hi >= 0 else len(text), [(start, end)])
