"""The write path of the API: one posted page through the pipeline into the store."""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from lagebild.ingest import base
from lagebild.model import Document
from lagebild.pipeline import process
from lagebild.store.writer import Writer


def _document(payload: dict[str, Any]) -> Document:
    meta = {k: payload.get(k) for k in ("url", "outlet", "published")}
    if payload.get("html"):
        from_html = getattr(base, "document_from_html", None)
        if from_html is None:  # pragma: no cover - the HTML reader ships with ingest
            raise RuntimeError("HTML input is not supported by this build")
        doc: Document = from_html(payload["html"], **meta)
    else:
        doc = base.document_from_text(payload["text"], **meta)
    if payload.get("title"):
        doc.title = payload["title"]
    return doc


def ingest_one(session: Session, payload: dict[str, Any], *, comments: str = "keep"
               ) -> tuple[str, bool]:
    """Store one posted document; returns (doc_id, created). Posting the same text again from
    the same source is a no-op; from another outlet it adds a source."""
    doc = _document(payload)
    writer = Writer(session)
    if writer.has_document(doc.doc_id):
        writer.add_source(doc)
        return doc.doc_id, False
    doc = process(doc)
    writer.store(doc, comments=comments)  # type: ignore[arg-type]
    merge_all(session)
    return doc.doc_id, True


def merge_all(session: Session) -> None:
    """Rebuild merged events and stories so the new document's events join them."""
    from lagebild.store.merging import rebuild

    rebuild(session)
    session.commit()
