"""Batch ingest: read inputs, run the pipeline (optionally in worker processes), store.

The main process is the only writer; workers only run extraction. Each document is committed on
its own, and documents already stored are recognised by ``doc_id`` before extraction, so a batch
killed at any point and started again ends with every document stored exactly once.
"""

from __future__ import annotations

import multiprocessing as mp
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from itertools import islice

from sqlalchemy import select
from sqlalchemy.orm import Session

from lagebild.ingest.base import DEFAULT_MAX_BYTES, IngestError, iter_documents
from lagebild.model import Document
from lagebild.store import schema as S
from lagebild.store.merging import load_duplicate_index, rebuild
from lagebild.store.privacy import CommentsMode, TextMode
from lagebild.store.writer import Writer


@dataclass
class IngestOptions:
    workers: int = 1
    comments: CommentsMode = "keep"
    text_mode: TextMode = "full"
    published: str | None = None
    max_bytes: int = DEFAULT_MAX_BYTES
    merge: bool = True  # recompute merged events and stories at the end


@dataclass
class IngestReport:
    seen: int = 0
    stored: int = 0
    new_sources: int = 0
    unchanged: int = 0
    duplicates: int = 0
    errors: list[str] = field(default_factory=list)
    merged: int = 0
    stories: int = 0
    seconds: float = 0.0

    @property
    def docs_per_second(self) -> float:
        return self.stored / self.seconds if self.seconds else 0.0


Progress = Callable[[IngestReport], None]


def _process(doc: Document) -> tuple[Document, str | None]:
    """Run the pipeline on one document; an exception becomes that document's error."""
    from lagebild.pipeline import process

    try:
        return process(doc), None
    except Exception as exc:  # one bad document must not stop the batch
        return doc, f"{type(exc).__name__}: {exc}"


def _chunks(items: Iterable, size: int) -> Iterator[list]:
    it = iter(items)
    while chunk := list(islice(it, size)):
        yield chunk


class Ingester:
    """Stores documents into one database; use as a context manager for the worker pool."""

    def __init__(self, session: Session, options: IngestOptions | None = None,
                 progress: Progress | None = None,
                 process: Callable[[Document], tuple[Document, str | None]] = _process):
        self.session = session
        self.opts = options or IngestOptions()
        self.writer = Writer(session)
        self.report = IngestReport()
        self.progress = progress
        self.process = process
        self.known: set[str] = set(session.scalars(select(S.DocumentRow.doc_id)))
        self.dups = load_duplicate_index(session)
        self.pool = None
        if self.opts.workers > 1:
            # spawn, not fork: the parent holds database connections a child must not share
            self.pool = mp.get_context("spawn").Pool(self.opts.workers)

    def __enter__(self) -> Ingester:
        return self

    def __exit__(self, *exc: object) -> None:
        if self.pool is not None:
            self.pool.terminate()
            self.pool.join()

    def run(self, items: Iterable[Document | IngestError]) -> IngestReport:
        start = time.perf_counter()
        size = max(1, self.opts.workers) * 4
        for chunk in _chunks(items, size):
            self._chunk(chunk)
            self.report.seconds = time.perf_counter() - start
            if self.progress:
                self.progress(self.report)
        if self.opts.merge and self.report.stored:
            self.report.merged, self.report.stories = rebuild(self.session)
        self.report.seconds = time.perf_counter() - start
        return self.report

    def _chunk(self, chunk: list[Document | IngestError]) -> None:
        todo: list[Document] = []
        later: list[Document] = []  # further sources of a document in this same chunk
        batch: set[str] = set()
        for item in chunk:
            self.report.seen += 1
            if isinstance(item, IngestError):
                self.writer.record_error(item.path, "read", item.message)
                self.report.errors.append(str(item))
            elif item.doc_id in self.known:
                self._another_source(item)
            elif item.doc_id in batch:
                later.append(item)
            else:
                batch.add(item.doc_id)
                todo.append(item)
        results = (self.pool.map(self.process, todo) if self.pool and len(todo) > 1
                   else [self.process(d) for d in todo])
        for doc, error in results:
            self._store(doc, error)
        for doc in later:
            self._another_source(doc)

    def _another_source(self, doc: Document) -> None:
        if doc.doc_id in self.known and self.writer.add_source(doc):
            self.report.new_sources += 1
        else:
            self.report.unchanged += 1

    def _store(self, doc: Document, error: str | None) -> None:
        where = doc.source.path or doc.source.url or doc.doc_id
        if error:
            self.writer.record_error(where, "pipeline", error)
            self.report.errors.append(f"{where}: {error}")
            return
        try:
            if self.writer.store(doc, comments=self.opts.comments,
                                 text_mode=self.opts.text_mode, dedup=self.dups):
                self.report.duplicates += 1
        except Exception as exc:  # a document the database refuses: record it, go on
            self.writer.rollback()
            self.writer.record_error(where, "store", f"{type(exc).__name__}: {exc}")
            self.report.errors.append(f"{where}: {exc}")
            return
        self.known.add(doc.doc_id)
        self.report.stored += 1


def ingest_paths(session: Session, paths: list[str], options: IngestOptions | None = None,
                 progress: Progress | None = None) -> IngestReport:
    opts = options or IngestOptions()
    with Ingester(session, opts, progress) as ing:
        return ing.run(iter_documents(paths, published=opts.published, max_bytes=opts.max_bytes))


def reprocess(session: Session, since: str | None = None,
              progress: Progress | None = None) -> IngestReport:
    """Re-run extraction on stored documents (full text needed), without reading them again."""
    q = select(S.DocumentRow).order_by(S.DocumentRow.ingested_at, S.DocumentRow.doc_id)
    if since:
        q = q.where(S.DocumentRow.ingested_at >= since)
    writer = Writer(session)
    report = IngestReport()
    start = time.perf_counter()
    for row in session.scalars(q).all():
        report.seen += 1
        if row.text_mode != "full":
            report.unchanged += 1
            continue
        doc = Document.model_validate_json(row.doc_json)
        doc.html = row.html
        doc.segments, doc.entities, doc.quotes, doc.events = [], [], [], []
        doc, error = _process(doc)
        if error:
            writer.record_error(row.doc_id, "pipeline", error)
            report.errors.append(f"{row.doc_id}: {error}")
            continue
        # the stored text already went through the comments mode; apply it again (idempotent)
        writer.store(doc, comments=row.comments, text_mode="full")  # type: ignore[arg-type]
        report.stored += 1
        report.seconds = time.perf_counter() - start
        if progress:
            progress(report)
    if report.stored:
        report.merged, report.stories = rebuild(session)
    report.seconds = time.perf_counter() - start
    return report
