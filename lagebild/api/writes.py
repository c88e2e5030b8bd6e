"""The write path of the API: one posted page through the store's ingester (pipeline,
near-duplicate linking, idempotent sources, merged events)."""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from lagebild.ingest import base
from lagebild.model import Document
from lagebild.store.ingest import Ingester, IngestOptions


class PipelineError(RuntimeError):
    """The posted document could not be processed."""


def _document(payload: dict[str, Any]) -> Document:
    meta = {k: payload.get(k) for k in ("url", "outlet", "published")}
    if payload.get("html"):
        doc = base.document_from_html(payload["html"], **meta)
    else:
        doc = base.document_from_text(payload["text"], **meta)
    if payload.get("title"):
        doc.title = payload["title"]
    return doc


def ingest_one(session: Session, payload: dict[str, Any], *, comments: str = "keep"
               ) -> tuple[str, bool]:
    """Store one posted document; returns (doc_id, created). Posting the same text again from
    the same source changes nothing; from another outlet it adds a source."""
    doc = _document(payload)
    with Ingester(session, IngestOptions(comments=comments)) as ingester:  # type: ignore[arg-type]
        report = ingester.run([doc])
    if report.errors:
        raise PipelineError(report.errors[0])
    return doc.doc_id, report.stored == 1
