"""The store: documents, extractions, merged events and stories in SQLite or PostgreSQL.

Public entry points:

- :mod:`lagebild.store.db` — ``get_engine(url)`` / ``make_session(url)`` (schema migrated by the
  Alembic revisions in ``migrations/``; SQLite in WAL mode with FTS5, PostgreSQL with a GIN
  full-text index);
- :mod:`lagebild.store.queries` — the read layer (``Filters``, ``list_*``, ``timeline``,
  cursor pagination) shared by the CLI and the HTTP API;
- :mod:`lagebild.store.ingest` — batch ingest (``Ingester``, ``ingest_paths``, ``reprocess``);
- :mod:`lagebild.store.writer` — the single writer (``Writer.store``, ``add_source``, deletes);
- :mod:`lagebild.store.merging` — ``rebuild`` of merged events and stories;
- :mod:`lagebild.store.export` — JSONL, CSV, Parquet, PLOVER and GraphML exports.
"""
