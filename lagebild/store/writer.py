"""Writing documents into the store: one transaction per document, idempotent.

A document is identified by its ``doc_id`` (hash of its normalised text). Storing it again from
the same source (outlet, URL, path) is a no-op; from another source it adds a ``sources`` row and
counts it. Because each document is committed on its own, a killed batch restarts where it was.
"""

from __future__ import annotations

import hashlib
import json
from datetime import UTC, datetime

from sqlalchemy import delete, func, select, text
from sqlalchemy.orm import Session

from lagebild import __version__
from lagebild.corpus.dedup import DuplicateIndex, minhash, to_hex
from lagebild.model import Document
from lagebild.store import schema as S
from lagebild.store.dates import date_range
from lagebild.store.privacy import CommentsMode, TextMode, apply_comments, apply_text_mode
from lagebild.store.provenance import models_json, versions


def now() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def source_key(outlet: str | None, url: str | None, path: str | None) -> str:
    raw = "\x1f".join(x or "" for x in (outlet, url, path))
    return hashlib.sha256(raw.encode("utf-8")).hexdigest()


def news_text(doc: Document) -> str:
    """What full-text search sees: title and body only (never comments or page chrome)."""
    segs = doc.news_segments()
    if segs:
        return "\n".join(s.text for s in segs)
    parts = [doc.title or ""]
    parts += [ev.evidence.text for ev in doc.events]
    parts += [q.text for q in doc.quotes]
    if not doc.segments and doc.text:  # unsegmented input: all of it is the article
        parts.append(doc.text)
    return "\n".join(p for p in parts if p)


class Writer:
    """The single writer of a store (the ingest main process)."""

    def __init__(self, session: Session):
        self.session = session
        self.dialect = session.get_bind().dialect.name
        self._prov_id: int | None = None
        self._entities: set[str] | None = None

    # --- provenance, sources, errors -------------------------------------------------------
    def provenance_id(self) -> int:
        if self._prov_id is None:
            v = versions()
            key = dict(lagebild_version=str(v["lagebild"]), kb_version=str(v["kb"]),
                       models=models_json())
            row = self.session.scalars(select(S.Provenance).filter_by(**key)).first()
            if row is None:
                row = S.Provenance(created_at=now(), **key)
                self.session.add(row)
                self.session.flush()
            self._prov_id = row.id
        return self._prov_id

    def has_document(self, doc_id: str) -> bool:
        return self.session.get(S.DocumentRow, doc_id) is not None

    def add_source(self, doc: Document) -> bool:
        """Record ``doc``'s source for an already stored document; False when already known."""
        src = doc.source
        key = source_key(src.outlet, src.url, src.path)
        exists = self.session.scalar(
            select(S.SourceRow.id).filter_by(doc_id=doc.doc_id, source_key=key))
        if exists:
            return False
        self.session.add(S.SourceRow(
            doc_id=doc.doc_id, source_key=key, outlet=src.outlet, url=src.url, path=src.path,
            published=doc.published.value, seen_at=now()))
        row = self.session.get(S.DocumentRow, doc.doc_id)
        if row is not None:
            row.n_sources = (row.n_sources or 0) + 1
        self.session.commit()
        return True

    def record_error(self, path: str, stage: str, message: str) -> None:
        self.session.add(S.IngestErrorRow(path=path, stage=stage, message=message[:4000],
                                          lagebild_version=__version__, at=now()))
        self.session.commit()

    # --- documents -------------------------------------------------------------------------
    def store(self, doc: Document, *, comments: CommentsMode = "keep",
              text_mode: TextMode = "full", commit: bool = True,
              dedup: DuplicateIndex | None = None) -> str | None:
        """Insert a processed document with all its normalised rows (replacing an old copy).

        With ``dedup``, the document is checked against the stored originals and linked to the
        one it copies; returns that original's doc_id (None for an original).
        """
        doc = apply_text_mode(apply_comments(doc, comments), text_mode)
        prov = self.provenance_id()
        existing = self.session.get(S.DocumentRow, doc.doc_id)
        if existing is not None:
            self._clear_extractions(doc.doc_id)
        stamp = now()
        row = existing or S.DocumentRow(doc_id=doc.doc_id, ingested_at=stamp, n_sources=0)
        row.title = doc.title
        row.language = doc.language
        row.published = doc.published.value
        row.published_origin = doc.published.origin
        row.outlet = row.outlet if existing else doc.source.outlet
        row.url = row.url if existing else doc.source.url
        row.text_mode = text_mode
        row.comments = comments
        row.doc_json = doc.to_json()
        row.news_text = news_text(doc)
        row.html = doc.html if text_mode == "full" else None
        row.provenance_id = prov
        row.processed_at = stamp
        sig = None
        if dedup is not None:
            sig = minhash(row.news_text)
            row.minhash = to_hex(sig)
            found = dedup.find(row.news_text, sig)
            row.duplicate_of, row.similarity = (found if found and found[0] != doc.doc_id
                                                else (None, None))
        if existing is None:
            self.session.add(row)
            self.session.flush()
            self.add_source_row(doc, row)
        self._insert_extractions(doc, prov)
        self._index_search(doc.doc_id, row.news_text, replace=existing is not None)
        if commit:
            self.session.commit()
        if dedup is not None and row.duplicate_of is None:
            dedup.add(doc.doc_id, row.news_text, sig)
        return row.duplicate_of

    def rollback(self) -> None:
        self.session.rollback()
        self._entities = None  # entities of the failed document may not be stored

    def add_source_row(self, doc: Document, row: S.DocumentRow) -> None:
        src = doc.source
        self.session.add(S.SourceRow(
            doc_id=doc.doc_id, source_key=source_key(src.outlet, src.url, src.path),
            outlet=src.outlet, url=src.url, path=src.path, published=doc.published.value,
            seen_at=now()))
        row.n_sources = (row.n_sources or 0) + 1

    def _insert_many(self, model: type[S.Base], rows: list[dict]) -> None:
        # Core executemany: an order of magnitude faster than ORM objects for these rows
        if rows:
            self.session.execute(model.__table__.insert(), rows)

    def _insert_extractions(self, doc: Document, prov: int) -> None:
        d = doc.doc_id
        self._insert_many(S.SegmentRow, [
            dict(doc_id=d, idx=i, role=s.role, start=s.start, end=s.end)
            for i, s in enumerate(doc.segments)])
        self._add_entities(doc)
        self._insert_many(S.DocEntityRow, [
            dict(doc_id=d, entity_id=e.id, name=e.name, n_mentions=len(e.mentions),
                 roles=json.dumps(e.roles, ensure_ascii=False), provenance_id=prov)
            for e in {e.id: e for e in doc.entities}.values()])
        self._insert_many(S.MentionRow, [
            dict(doc_id=d, entity_id=e.id, start=m.start, end=m.end, text=m.text)
            for e in doc.entities for m in e.mentions])
        self._insert_many(S.QuoteRow, [
            dict(doc_id=d, idx=i, kind=q.kind, speaker=q.speaker, speaker_text=q.speaker_text,
                 cue=q.cue, channel=q.channel, start=q.start, end=q.end, text=q.text,
                 provenance_id=prov) for i, q in enumerate(doc.quotes)])
        events = []
        for i, ev in enumerate(doc.events):
            lo, hi = date_range(ev.date.value, ev.date.precision)
            events.append(dict(
                doc_id=d, idx=i, type=ev.type, mode=ev.mode, status=ev.status,
                date_value=ev.date.value, date_precision=ev.date.precision,
                date_text=ev.date.text, date_origin=ev.date.origin, date_start=lo, date_end=hi,
                location=ev.location, topics=json.dumps(ev.topics),
                evidence_start=ev.evidence.start, evidence_end=ev.evidence.end,
                evidence_text=ev.evidence.text, confidence=ev.confidence, provenance_id=prov,
                merged_id=None))
        if not events:
            return
        self._insert_many(S.EventRow, events)
        # one executemany and one select beat a RETURNING round trip per event
        ids = dict(self.session.execute(select(S.EventRow.idx, S.EventRow.id)
                                        .where(S.EventRow.doc_id == d)).all())
        parts: list[dict] = []
        topics: list[dict] = []
        for i, ev in enumerate(doc.events):
            eid = ids[i]
            parts += [dict(event_id=eid, entity_id=a, role="actor")
                      for a in dict.fromkeys(ev.actors)]
            parts += [dict(event_id=eid, entity_id=r, role="recipient")
                      for r in dict.fromkeys(ev.recipients)]
            topics += [dict(event_id=eid, topic=t) for t in dict.fromkeys(ev.topics)]
        self._insert_many(S.EventParticipantRow, parts)
        self._insert_many(S.EventTopicRow, topics)

    def _add_entities(self, doc: Document) -> None:
        """Insert entities not yet in the store (the writer keeps the known ids in memory)."""
        if self._entities is None:
            self._entities = set(self.session.scalars(select(S.EntityRow.id)))
        new = {e.id: e for e in doc.entities if e.id not in self._entities}
        self._insert_many(S.EntityRow, [dict(id=e.id, name=e.name, type=e.type, kb=e.kb)
                                        for e in new.values()])
        self._entities.update(new)

    def _clear_extractions(self, doc_id: str) -> None:
        s = self.session
        ev_ids = select(S.EventRow.id).where(S.EventRow.doc_id == doc_id)
        s.execute(delete(S.EventParticipantRow).where(S.EventParticipantRow.event_id.in_(ev_ids)))
        s.execute(delete(S.EventTopicRow).where(S.EventTopicRow.event_id.in_(ev_ids)))
        for table in (S.EventRow, S.QuoteRow, S.MentionRow, S.DocEntityRow, S.SegmentRow):
            s.execute(delete(table).where(table.doc_id == doc_id))

    def _index_search(self, doc_id: str, body: str, *, replace: bool) -> None:
        if self.dialect != "sqlite":
            return  # PostgreSQL indexes documents.news_text itself (GIN expression index)
        if replace:
            self.session.execute(text("DELETE FROM documents_fts WHERE doc_id = :d"),
                                 {"d": doc_id})
        self.session.execute(text("INSERT INTO documents_fts(doc_id, news_text) VALUES (:d, :t)"),
                             {"d": doc_id, "t": body})

    # --- deletion --------------------------------------------------------------------------
    def delete_documents(self, doc_ids: list[str]) -> int:
        n = 0
        for doc_id in doc_ids:
            if not self.has_document(doc_id):
                continue
            self._clear_extractions(doc_id)
            s = self.session
            s.execute(delete(S.StoryDocumentRow).where(S.StoryDocumentRow.doc_id == doc_id))
            s.execute(delete(S.SourceRow).where(S.SourceRow.doc_id == doc_id))
            # copies of this document lose their link rather than pointing at nothing
            s.query(S.DocumentRow).filter(S.DocumentRow.duplicate_of == doc_id).update(
                {"duplicate_of": None, "similarity": None})
            if self.dialect == "sqlite":
                s.execute(text("DELETE FROM documents_fts WHERE doc_id = :d"), {"d": doc_id})
            s.execute(delete(S.DocumentRow).where(S.DocumentRow.doc_id == doc_id))
            n += 1
        self.session.commit()
        return n

    def delete_outlet(self, outlet: str) -> tuple[int, int]:
        """Remove an outlet: its source rows, and documents no other outlet reported.

        Returns (documents deleted, documents kept because other outlets also carry them).
        """
        s = self.session
        doc_ids = list(s.scalars(select(S.SourceRow.doc_id).where(S.SourceRow.outlet == outlet)
                                 .distinct()))
        s.execute(delete(S.SourceRow).where(S.SourceRow.outlet == outlet))
        orphans, kept = [], 0
        for doc_id in doc_ids:
            left = s.scalar(select(func.count()).select_from(S.SourceRow)
                            .where(S.SourceRow.doc_id == doc_id))
            if left:
                row = s.get(S.DocumentRow, doc_id)
                row.n_sources = left
                if row.outlet == outlet:
                    row.outlet = s.scalar(select(S.SourceRow.outlet)
                                          .where(S.SourceRow.doc_id == doc_id).limit(1))
                kept += 1
            else:
                orphans.append(doc_id)
        s.commit()
        return self.delete_documents(orphans), kept
