"""SQLAlchemy 2 models of the store.

The full ``lagebild.document/1`` JSON of every document is kept (``documents.doc_json``) so an
export reproduces it byte for byte; the other tables are normalised copies for querying. Every
extracted record points at a ``provenance`` row naming the lagebild, knowledge-base and model
versions that produced it. The schema is created and upgraded by the Alembic migrations in
``lagebild/store/migrations`` (never by ``create_all`` at run time).
"""

from __future__ import annotations

from sqlalchemy import (
    Float,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


class Base(DeclarativeBase):
    pass


def _doc_fk() -> ForeignKey:
    return ForeignKey("documents.doc_id", ondelete="CASCADE")


class Provenance(Base):
    """One combination of versions that produced stored records."""

    __tablename__ = "provenance"
    __table_args__ = (UniqueConstraint("lagebild_version", "kb_version", "models"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    lagebild_version: Mapped[str] = mapped_column(String(40))
    kb_version: Mapped[str] = mapped_column(String(80))
    models: Mapped[str] = mapped_column(String(1000))  # JSON object name -> version
    created_at: Mapped[str] = mapped_column(String(32))


class DocumentRow(Base):
    __tablename__ = "documents"
    __table_args__ = (
        Index("ix_documents_published", "published"),
        Index("ix_documents_duplicate_of", "duplicate_of"),
    )

    doc_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    title: Mapped[str | None] = mapped_column(Text)
    language: Mapped[str | None] = mapped_column(String(8))
    published: Mapped[str | None] = mapped_column(String(10))
    published_origin: Mapped[str] = mapped_column(String(10), default="unknown")
    outlet: Mapped[str | None] = mapped_column(String(200))  # first source's outlet
    url: Mapped[str | None] = mapped_column(Text)
    text_mode: Mapped[str] = mapped_column(String(10), default="full")  # full | snippets
    comments: Mapped[str] = mapped_column(String(10), default="keep")  # keep | redact | drop
    doc_json: Mapped[str] = mapped_column(Text)  # the lagebild.document/1 record
    news_text: Mapped[str] = mapped_column(Text, default="")  # title + body, for search
    html: Mapped[str | None] = mapped_column(Text)  # raw HTML where the input was HTML
    # near-duplicates: the original this document copies (syndication, light edits)
    duplicate_of: Mapped[str | None] = mapped_column(String(64))
    similarity: Mapped[float | None] = mapped_column(Float)
    minhash: Mapped[str | None] = mapped_column(Text)  # hex of the MinHash signature
    n_sources: Mapped[int] = mapped_column(Integer, default=1)
    provenance_id: Mapped[int] = mapped_column(ForeignKey("provenance.id"))
    ingested_at: Mapped[str] = mapped_column(String(32))
    processed_at: Mapped[str] = mapped_column(String(32))


class SourceRow(Base):
    """Where a document was read from; the same text from several outlets has several rows."""

    __tablename__ = "sources"
    __table_args__ = (
        UniqueConstraint("doc_id", "source_key", name="uq_sources_doc_key"),
        Index("ix_sources_outlet", "outlet"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    doc_id: Mapped[str] = mapped_column(String(64), _doc_fk())
    source_key: Mapped[str] = mapped_column(String(64))  # hash of outlet|url|path
    outlet: Mapped[str | None] = mapped_column(String(200))
    url: Mapped[str | None] = mapped_column(Text)
    path: Mapped[str | None] = mapped_column(Text)
    published: Mapped[str | None] = mapped_column(String(10))
    seen_at: Mapped[str] = mapped_column(String(32))


class SegmentRow(Base):
    __tablename__ = "segments"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    doc_id: Mapped[str] = mapped_column(String(64), _doc_fk(), index=True)
    idx: Mapped[int] = mapped_column(Integer)
    role: Mapped[str] = mapped_column(String(12))
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)


class EntityRow(Base):
    """An entity across the corpus (a Wikidata QID or a local ``lb:`` id)."""

    __tablename__ = "entities"
    __table_args__ = (Index("ix_entities_name", "name"),)

    id: Mapped[str] = mapped_column(String(200), primary_key=True)
    name: Mapped[str] = mapped_column(String(300))
    type: Mapped[str] = mapped_column(String(8))
    kb: Mapped[str | None] = mapped_column(String(40))


class MentionRow(Base):
    __tablename__ = "mentions"
    __table_args__ = (Index("ix_mentions_entity", "entity_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    doc_id: Mapped[str] = mapped_column(String(64), _doc_fk(), index=True)
    entity_id: Mapped[str] = mapped_column(String(200))
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text)


class DocEntityRow(Base):
    """An entity as one document saw it (its roles on the document's date)."""

    __tablename__ = "document_entities"
    __table_args__ = (
        UniqueConstraint("doc_id", "entity_id"),
        Index("ix_document_entities_entity", "entity_id"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    doc_id: Mapped[str] = mapped_column(String(64), _doc_fk())
    entity_id: Mapped[str] = mapped_column(String(200))
    name: Mapped[str] = mapped_column(String(300))
    roles: Mapped[str] = mapped_column(Text, default="[]")  # JSON list
    n_mentions: Mapped[int] = mapped_column(Integer, default=0)
    provenance_id: Mapped[int] = mapped_column(ForeignKey("provenance.id"))


class QuoteRow(Base):
    __tablename__ = "quotes"
    __table_args__ = (Index("ix_quotes_speaker", "speaker"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    doc_id: Mapped[str] = mapped_column(String(64), _doc_fk(), index=True)
    idx: Mapped[int] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(10))
    speaker: Mapped[str | None] = mapped_column(String(200))
    speaker_text: Mapped[str | None] = mapped_column(Text)
    cue: Mapped[str | None] = mapped_column(String(200))
    channel: Mapped[str | None] = mapped_column(String(200))
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text)
    provenance_id: Mapped[int] = mapped_column(ForeignKey("provenance.id"))


class EventRow(Base):
    __tablename__ = "events"
    __table_args__ = (
        Index("ix_events_type_date", "type", "date_start"),
        Index("ix_events_merged", "merged_id"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    doc_id: Mapped[str] = mapped_column(String(64), _doc_fk(), index=True)
    idx: Mapped[int] = mapped_column(Integer)
    type: Mapped[str] = mapped_column(String(12))
    mode: Mapped[str | None] = mapped_column(String(40))
    status: Mapped[str] = mapped_column(String(14))
    date_value: Mapped[str | None] = mapped_column(String(10))
    date_precision: Mapped[str | None] = mapped_column(String(6))
    date_text: Mapped[str | None] = mapped_column(Text)
    date_origin: Mapped[str] = mapped_column(String(12), default="unknown")
    # the days the date may denote (a month covers its first to last day), for range filters
    date_start: Mapped[str | None] = mapped_column(String(10))
    date_end: Mapped[str | None] = mapped_column(String(10))
    location: Mapped[str | None] = mapped_column(String(200))
    topics: Mapped[str] = mapped_column(Text, default="[]")  # JSON list (also event_topics)
    evidence_start: Mapped[int] = mapped_column(Integer)
    evidence_end: Mapped[int] = mapped_column(Integer)
    evidence_text: Mapped[str] = mapped_column(Text)
    confidence: Mapped[float] = mapped_column(Float, default=0.5)
    merged_id: Mapped[int | None] = mapped_column(
        ForeignKey("merged_events.id", ondelete="SET NULL"))
    provenance_id: Mapped[int] = mapped_column(ForeignKey("provenance.id"))


class EventParticipantRow(Base):
    __tablename__ = "event_participants"
    __table_args__ = (Index("ix_event_participants_entity", "entity_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    event_id: Mapped[int] = mapped_column(
        ForeignKey("events.id", ondelete="CASCADE"), index=True)
    entity_id: Mapped[str] = mapped_column(String(200))
    role: Mapped[str] = mapped_column(String(10))  # actor | recipient


class EventTopicRow(Base):
    __tablename__ = "event_topics"
    __table_args__ = (Index("ix_event_topics_topic", "topic"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    event_id: Mapped[int] = mapped_column(
        ForeignKey("events.id", ondelete="CASCADE"), index=True)
    topic: Mapped[str] = mapped_column(String(40))


class MergedEventRow(Base):
    """One real-world event as reported by one or more documents (``lagebild.merged/1``)."""

    __tablename__ = "merged_events"
    __table_args__ = (Index("ix_merged_type_date", "type", "date_start"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    merged_key: Mapped[str] = mapped_column(String(64), unique=True)
    type: Mapped[str] = mapped_column(String(12))
    mode: Mapped[str | None] = mapped_column(String(40))
    status: Mapped[str] = mapped_column(String(14))
    date_value: Mapped[str | None] = mapped_column(String(10))
    date_precision: Mapped[str | None] = mapped_column(String(6))
    date_start: Mapped[str | None] = mapped_column(String(10))
    date_end: Mapped[str | None] = mapped_column(String(10))
    location: Mapped[str | None] = mapped_column(String(200))
    first_reported: Mapped[str | None] = mapped_column(String(10))
    n_documents: Mapped[int] = mapped_column(Integer)
    n_sources: Mapped[int] = mapped_column(Integer)
    n_outlets: Mapped[int] = mapped_column(Integer)
    actors: Mapped[str] = mapped_column(Text)  # JSON list of ids
    recipients: Mapped[str] = mapped_column(Text)
    topics: Mapped[str] = mapped_column(Text)
    record: Mapped[str] = mapped_column(Text)  # the lagebild.merged/1 JSON
    story_id: Mapped[int | None] = mapped_column(
        ForeignKey("stories.id", ondelete="SET NULL"))
    provenance_id: Mapped[int] = mapped_column(ForeignKey("provenance.id"))


class MergedParticipantRow(Base):
    __tablename__ = "merged_participants"
    __table_args__ = (Index("ix_merged_participants_entity", "entity_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    merged_id: Mapped[int] = mapped_column(
        ForeignKey("merged_events.id", ondelete="CASCADE"), index=True)
    entity_id: Mapped[str] = mapped_column(String(200))
    role: Mapped[str] = mapped_column(String(10))


class StoryRow(Base):
    __tablename__ = "stories"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    story_key: Mapped[str] = mapped_column(String(64), unique=True)
    title: Mapped[str] = mapped_column(Text)
    date_start: Mapped[str | None] = mapped_column(String(10))
    date_end: Mapped[str | None] = mapped_column(String(10))
    actors: Mapped[str] = mapped_column(Text)  # JSON list of ids
    topics: Mapped[str] = mapped_column(Text)
    n_events: Mapped[int] = mapped_column(Integer)
    n_documents: Mapped[int] = mapped_column(Integer)
    record: Mapped[str] = mapped_column(Text)  # the lagebild.merged/1 story JSON
    provenance_id: Mapped[int] = mapped_column(ForeignKey("provenance.id"))


class StoryDocumentRow(Base):
    __tablename__ = "story_documents"
    __table_args__ = (UniqueConstraint("story_id", "doc_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    story_id: Mapped[int] = mapped_column(
        ForeignKey("stories.id", ondelete="CASCADE"), index=True)
    doc_id: Mapped[str] = mapped_column(String(64), _doc_fk(), index=True)


class IngestErrorRow(Base):
    __tablename__ = "ingest_errors"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    path: Mapped[str] = mapped_column(Text)
    stage: Mapped[str] = mapped_column(String(20))  # read | pipeline | store
    message: Mapped[str] = mapped_column(Text)
    lagebild_version: Mapped[str] = mapped_column(String(40))
    at: Mapped[str] = mapped_column(String(32))


class SeenRow(Base):
    """What ``watch`` has already looked at (a file path with its mtime and size, a feed URL)."""

    __tablename__ = "seen"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    what: Mapped[str] = mapped_column(Text)
    seen_at: Mapped[str] = mapped_column(String(32))
