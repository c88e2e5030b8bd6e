"""Exports: documents as JSONL, events as CSV/Parquet, PLOVER-style records, GraphML network."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from itertools import combinations
from pathlib import Path
from typing import Any, Literal

from sqlalchemy import select
from sqlalchemy.orm import Session

from lagebild import __version__
from lagebild.model import EVENT_TYPES
from lagebild.store import schema as S
from lagebild.store.queries import Filters, list_events, list_merged, names_of

ExportFormat = Literal["jsonl", "csv", "parquet", "plover", "graphml"]

EVENT_COLUMNS = [
    "event_id", "type", "mode", "status", "date", "precision", "date_text", "date_origin",
    "actor_ids", "actor_names", "recipient_ids", "recipient_names", "place_id", "place_name",
    "topics", "evidence", "confidence", "merged_id", "doc_id", "url", "outlet", "published",
]


def export(session: Session, fmt: ExportFormat, out: Path, f: Filters | None = None) -> int:
    """Write the export; returns the number of records written."""
    out.parent.mkdir(parents=True, exist_ok=True)
    f = f or Filters()
    if fmt == "jsonl":
        return _jsonl(session, out, f)
    if fmt in ("csv", "parquet"):
        rows = list(event_rows(session, f))
        if fmt == "csv":
            with out.open("w", newline="", encoding="utf-8") as fh:
                writer = csv.DictWriter(fh, fieldnames=EVENT_COLUMNS)
                writer.writeheader()
                writer.writerows(rows)
        else:
            import pyarrow as pa
            import pyarrow.parquet as pq

            schema = pa.schema([(c, pa.float64() if c == "confidence" else
                                 pa.int64() if c in ("event_id", "merged_id") else pa.string())
                                for c in EVENT_COLUMNS])
            pq.write_table(pa.Table.from_pylist(rows, schema=schema), out)
        return len(rows)
    if fmt == "plover":
        records = list(plover_records(session, f))
        out.write_text(json.dumps(records, ensure_ascii=False, indent=1), encoding="utf-8")
        return len(records)
    if fmt == "graphml":
        return _graphml(session, out, f)
    raise ValueError(f"unknown export format {fmt!r}")


def _all(fn: Any, session: Session, f: Filters) -> Iterator[dict[str, Any]]:
    f = Filters(**{**f.__dict__, "limit": 1000, "cursor": None})
    while True:
        page = fn(session, f)
        yield from page.items
        if not page.next_cursor:
            return
        f = Filters(**{**f.__dict__, "cursor": page.next_cursor})


def _jsonl(session: Session, out: Path, f: Filters) -> int:
    q = select(S.DocumentRow.doc_json).order_by(S.DocumentRow.ingested_at, S.DocumentRow.doc_id)
    if f.outlet or f.since or f.until:
        from lagebild.store.queries import _doc_filters

        q = _doc_filters(session, q, S.DocumentRow.doc_id, f)
        if f.since:
            q = q.where(S.DocumentRow.published >= f.since)
        if f.until:
            q = q.where(S.DocumentRow.published <= f.until)
    n = 0
    with out.open("w", encoding="utf-8") as fh:
        for (doc_json,) in session.execute(q):
            fh.write(doc_json + "\n")
            n += 1
    return n


def event_rows(session: Session, f: Filters) -> Iterator[dict[str, Any]]:
    """One flat row per (single-document) event."""
    for e in _all(list_events, session, f):
        yield {
            "event_id": e["id"], "type": e["type"], "mode": e["mode"], "status": e["status"],
            "date": e["date"]["value"], "precision": e["date"]["precision"],
            "date_text": e["date"]["text"], "date_origin": e["date"]["origin"],
            "actor_ids": ";".join(e["actors"]), "actor_names": ";".join(e["actor_names"]),
            "recipient_ids": ";".join(e["recipients"]),
            "recipient_names": ";".join(e["recipient_names"]),
            "place_id": e["location"], "place_name": e["location_name"],
            "topics": ";".join(e["topics"]), "evidence": e["evidence"]["text"],
            "confidence": e["confidence"], "merged_id": e["merged_id"], "doc_id": e["doc_id"],
            "url": e["url"], "outlet": e["outlet"], "published": e["published"],
        }


def plover_records(session: Session, f: Filters) -> Iterator[dict[str, Any]]:
    """One PLOVER-style record per merged (deduplicated) event, POLECAT-like field names."""
    for m in _all(list_merged, session, f):
        names = m["names"]
        yield {
            "event_id": m["id"],
            "event_date": m["date"]["value"],
            "date_precision": m["date"]["precision"],
            "event_type": m["type"],
            "event_mode": m["mode"],
            "contexts": m["topics"],
            "status": m["status"],
            "actors": [{"id": a, "name": names.get(a, a)} for a in m["actors"]],
            "recipients": [{"id": r, "name": names.get(r, r)} for r in m["recipients"]],
            "location": ({"id": m["location"], "name": names.get(m["location"])}
                         if m["location"] else None),
            "first_reported": m["first_reported"],
            "n_sources": m["n_sources"],
            "sources": m["outlets"],
            "doc_ids": m["doc_ids"],
            "evidence": [e["text"] for e in m["evidence"]],
            "story_id": m["story_id"],
            "version": f"lagebild {__version__}",
        }


def _graphml(session: Session, out: Path, f: Filters) -> int:
    """The actor network: nodes are entities; an edge counts the merged events linking two
    actors, in total (``weight``) and per PLOVER type (one attribute per type)."""
    import networkx as nx

    graph = nx.Graph()
    merged = list(_all(list_merged, session, f))
    ids = {x for m in merged for x in m["actors"] + m["recipients"]}
    names = names_of(session, ids)
    types = dict(session.execute(select(S.EntityRow.id, S.EntityRow.type)
                                 .where(S.EntityRow.id.in_(ids))).all()) if ids else {}
    for m in merged:
        people = list(dict.fromkeys(m["actors"] + m["recipients"]))
        for p in people:
            if p not in graph:
                graph.add_node(p, label=names.get(p, p), type=types.get(p, ""), events=0)
            graph.nodes[p]["events"] += 1
        for a, b in combinations(sorted(people), 2):
            if not graph.has_edge(a, b):
                graph.add_edge(a, b, weight=0, **{t: 0 for t in EVENT_TYPES})
            graph[a][b]["weight"] += 1
            graph[a][b][m["type"]] += 1
    nx.write_graphml(graph, out, encoding="utf-8")
    return graph.number_of_edges()
