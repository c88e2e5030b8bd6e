"""Read queries behind the HTTP API and the web UI (parameterised SQL only).

Every function takes a SQLAlchemy ``Session`` and plain arguments and returns JSON-ready dicts.
"""

from __future__ import annotations

import json
import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from sqlalchemy import Select, and_, func, or_, select, text
from sqlalchemy.orm import Session

from lagebild.api.pagination import clamp_limit, decode_cursor, encode_cursor
from lagebild.store import schema as S

MAX_SEARCH_CHARS = 200
MAX_NETWORK_NODES = 150


@dataclass(frozen=True)
class Filters:
    """The filters the CLI offers, shared by events, merged events, quotes and timelines."""

    actor: str | None = None
    speaker: str | None = None
    place: str | None = None
    type: str | None = None
    mode: str | None = None
    status: str | None = None
    topic: str | None = None
    since: str | None = None
    until: str | None = None
    outlet: str | None = None
    search: str | None = None


@dataclass
class Page:
    items: list[dict[str, Any]]
    next_cursor: str | None

    def as_dict(self) -> dict[str, Any]:
        return {"items": self.items, "next_cursor": self.next_cursor}


# --- helpers ---------------------------------------------------------------------------------


def resolve_entity_ids(session: Session, name_or_id: str) -> list[str]:
    """Entity ids for an id or a (part of a) name, case-insensitive."""
    needle = name_or_id.strip()
    if not needle:
        return []
    if session.get(S.EntityRow, needle) is not None:
        return [needle]
    pattern = f"%{needle.lower()}%"
    rows = session.scalars(
        select(S.EntityRow.id).where(func.lower(S.EntityRow.name).like(pattern)).limit(50))
    return list(rows)


_FTS_TERM_RE = re.compile(r"\w+", re.UNICODE)


def search_doc_ids(session: Session, query: str, limit: int = 1000) -> list[str]:
    """Documents whose news content matches ``query`` (all words, any order)."""
    terms = _FTS_TERM_RE.findall(query[:MAX_SEARCH_CHARS])
    if not terms:
        return []
    dialect = session.get_bind().dialect.name
    if dialect == "sqlite":
        # each term quoted: user input never reaches the FTS5 query syntax
        fts_query = " ".join('"' + t.replace('"', '""') + '"' for t in terms)
        stmt = text("SELECT doc_id FROM documents_fts WHERE documents_fts MATCH :q "
                    "ORDER BY rank LIMIT :n")
        return [r[0] for r in session.execute(stmt, {"q": fts_query, "n": limit})]
    stmt = text("SELECT doc_id FROM documents WHERE to_tsvector('german', news_text) "
                "@@ plainto_tsquery('german', :q) LIMIT :n")
    return [r[0] for r in session.execute(stmt, {"q": " ".join(terms), "n": limit})]


def _names(session: Session, ids: set[str]) -> dict[str, dict[str, Any]]:
    if not ids:
        return {}
    rows = session.scalars(select(S.EntityRow).where(S.EntityRow.id.in_(ids)))
    return {r.id: {"id": r.id, "name": r.name, "type": r.type} for r in rows}


def _page(rows: list[Any], limit: int, key: Any) -> tuple[list[Any], str | None]:
    if len(rows) > limit:
        rows = rows[:limit]
        return rows, encode_cursor(key(rows[-1]))
    return rows, None


def _keyset(stmt: Select[Any], date_col: Any, id_col: Any, cursor: str | None,
            descending: bool) -> Select[Any]:
    key = decode_cursor(cursor)
    sort_date = func.coalesce(date_col, "")
    if key is not None:
        last_date, last_id = key
        if descending:
            stmt = stmt.where(or_(sort_date < last_date,
                                  and_(sort_date == last_date, id_col < last_id)))
        else:
            stmt = stmt.where(or_(sort_date > last_date,
                                  and_(sort_date == last_date, id_col > last_id)))
    order = (sort_date.desc(), id_col.desc()) if descending else (sort_date.asc(), id_col.asc())
    return stmt.order_by(*order)


# --- events ----------------------------------------------------------------------------------


def _filter_events(session: Session, stmt: Select[Any], f: Filters) -> Select[Any]:
    E = S.EventRow
    if f.type:
        stmt = stmt.where(E.type == f.type.upper())
    if f.mode:
        stmt = stmt.where(E.mode == f.mode.lower())
    if f.status:
        stmt = stmt.where(E.status == f.status.lower())
    if f.since:
        stmt = stmt.where(E.date_end >= f.since)
    if f.until:
        stmt = stmt.where(E.date_start <= f.until)
    if f.topic:
        stmt = stmt.where(E.id.in_(select(S.EventTopicRow.event_id)
                                   .where(S.EventTopicRow.topic == f.topic)))
    if f.actor:
        ids = resolve_entity_ids(session, f.actor)
        stmt = stmt.where(E.id.in_(select(S.EventParticipantRow.event_id)
                                   .where(S.EventParticipantRow.entity_id.in_(ids))))
    if f.place:
        stmt = stmt.where(E.location.in_(resolve_entity_ids(session, f.place)))
    if f.outlet:
        stmt = stmt.where(E.doc_id.in_(select(S.SourceRow.doc_id)
                                       .where(func.lower(S.SourceRow.outlet) == f.outlet.lower())))
    if f.search:
        stmt = stmt.where(E.doc_id.in_(search_doc_ids(session, f.search)))
    return stmt


def event_dict(session: Session, row: S.EventRow) -> dict[str, Any]:
    parts = session.scalars(select(S.EventParticipantRow)
                            .where(S.EventParticipantRow.event_id == row.id)).all()
    ids = {p.entity_id for p in parts} | ({row.location} if row.location else set())
    names = _names(session, ids)
    doc = session.get(S.DocumentRow, row.doc_id)
    return {
        "id": row.id, "doc_id": row.doc_id, "type": row.type, "mode": row.mode,
        "status": row.status,
        "date": {"value": row.date_value, "precision": row.date_precision,
                 "text": row.date_text, "origin": row.date_origin},
        "actors": [names.get(p.entity_id, {"id": p.entity_id}) for p in parts
                   if p.role == "actor"],
        "recipients": [names.get(p.entity_id, {"id": p.entity_id}) for p in parts
                       if p.role == "recipient"],
        "location": names.get(row.location) if row.location else None,
        "topics": json.loads(row.topics or "[]"),
        "evidence": {"start": row.evidence_start, "end": row.evidence_end,
                     "text": row.evidence_text},
        "confidence": row.confidence, "merged_id": row.merged_id,
        "outlet": doc.outlet if doc else None, "url": doc.url if doc else None,
        "published": doc.published if doc else None,
    }


def list_events(session: Session, f: Filters, *, limit: int | None = None,
                cursor: str | None = None, descending: bool = False) -> Page:
    n = clamp_limit(limit)
    stmt = _filter_events(session, select(S.EventRow), f)
    stmt = _keyset(stmt, S.EventRow.date_start, S.EventRow.id, cursor, descending)
    rows, nxt = _page(list(session.scalars(stmt.limit(n + 1))), n,
                      lambda r: [r.date_start or "", r.id])
    return Page([event_dict(session, r) for r in rows], nxt)


# --- merged events ---------------------------------------------------------------------------


def _filter_merged(session: Session, stmt: Select[Any], f: Filters) -> Select[Any]:
    M = S.MergedEventRow
    if f.type:
        stmt = stmt.where(M.type == f.type.upper())
    if f.mode:
        stmt = stmt.where(M.mode == f.mode.lower())
    if f.status:
        stmt = stmt.where(M.status == f.status.lower())
    if f.since:
        stmt = stmt.where(M.date_end >= f.since)
    if f.until:
        stmt = stmt.where(M.date_start <= f.until)
    if f.topic:
        # topics are a JSON list; the quoted form cannot match a longer topic name
        stmt = stmt.where(M.topics.like(f'%"{f.topic}"%'))
    if f.actor:
        ids = resolve_entity_ids(session, f.actor)
        stmt = stmt.where(M.id.in_(select(S.MergedParticipantRow.merged_id)
                                   .where(S.MergedParticipantRow.entity_id.in_(ids))))
    if f.place:
        stmt = stmt.where(M.location.in_(resolve_entity_ids(session, f.place)))
    sub = None
    if f.outlet:
        sub = select(S.EventRow.merged_id).join(
            S.SourceRow, S.SourceRow.doc_id == S.EventRow.doc_id).where(
            func.lower(S.SourceRow.outlet) == f.outlet.lower())
        stmt = stmt.where(M.id.in_(sub))
    if f.search:
        stmt = stmt.where(M.id.in_(select(S.EventRow.merged_id).where(
            S.EventRow.doc_id.in_(search_doc_ids(session, f.search)))))
    return stmt


def merged_dict(session: Session, row: S.MergedEventRow, *, sources: bool = False
                ) -> dict[str, Any]:
    actors = json.loads(row.actors or "[]")
    recipients = json.loads(row.recipients or "[]")
    names = _names(session, set(actors) | set(recipients) |
                   ({row.location} if row.location else set()))
    out: dict[str, Any] = {
        "id": row.id, "type": row.type, "mode": row.mode, "status": row.status,
        "date": {"value": row.date_value, "precision": row.date_precision},
        "actors": [names.get(a, {"id": a, "name": a}) for a in actors],
        "recipients": [names.get(a, {"id": a, "name": a}) for a in recipients],
        "location": names.get(row.location) if row.location else None,
        "topics": json.loads(row.topics or "[]"),
        "first_reported": row.first_reported, "n_documents": row.n_documents,
        "n_sources": row.n_sources, "n_outlets": row.n_outlets, "story_id": row.story_id,
    }
    if sources:
        events = session.scalars(select(S.EventRow).where(S.EventRow.merged_id == row.id)
                                 .order_by(S.EventRow.doc_id, S.EventRow.idx)).all()
        out["sources"] = [event_dict(session, e) for e in events]
    return out


def list_merged(session: Session, f: Filters, *, limit: int | None = None,
                cursor: str | None = None, descending: bool = False) -> Page:
    n = clamp_limit(limit)
    stmt = _filter_merged(session, select(S.MergedEventRow), f)
    stmt = _keyset(stmt, S.MergedEventRow.date_start, S.MergedEventRow.id, cursor, descending)
    rows, nxt = _page(list(session.scalars(stmt.limit(n + 1))), n,
                      lambda r: [r.date_start or "", r.id])
    return Page([merged_dict(session, r) for r in rows], nxt)


def get_merged(session: Session, merged_id: int) -> dict[str, Any] | None:
    row = session.get(S.MergedEventRow, merged_id)
    return merged_dict(session, row, sources=True) if row else None


# --- documents -------------------------------------------------------------------------------


def document_summary(row: S.DocumentRow) -> dict[str, Any]:
    return {"doc_id": row.doc_id, "title": row.title, "published": row.published,
            "outlet": row.outlet, "url": row.url, "language": row.language,
            "n_sources": row.n_sources, "duplicate_of": row.duplicate_of}


def list_documents(session: Session, f: Filters, *, limit: int | None = None,
                   cursor: str | None = None, descending: bool = True) -> Page:
    n = clamp_limit(limit)
    D = S.DocumentRow
    stmt = select(D)
    if f.outlet:
        stmt = stmt.where(D.doc_id.in_(select(S.SourceRow.doc_id).where(
            func.lower(S.SourceRow.outlet) == f.outlet.lower())))
    if f.since:
        stmt = stmt.where(D.published >= f.since)
    if f.until:
        stmt = stmt.where(D.published <= f.until)
    if f.search:
        stmt = stmt.where(D.doc_id.in_(search_doc_ids(session, f.search)))
    stmt = _keyset(stmt, D.published, D.doc_id, cursor, descending)
    rows, nxt = _page(list(session.scalars(stmt.limit(n + 1))), n,
                      lambda r: [r.published or "", r.doc_id])
    return Page([document_summary(r) for r in rows], nxt)


def get_document(session: Session, doc_id: str) -> dict[str, Any] | None:
    row = session.get(S.DocumentRow, doc_id)
    if row is None:
        return None
    doc = json.loads(row.doc_json)
    sources = session.scalars(select(S.SourceRow).where(S.SourceRow.doc_id == doc_id)).all()
    doc["sources"] = [{"outlet": s.outlet, "url": s.url, "path": s.path,
                       "published": s.published} for s in sources]
    doc["stored"] = {"comments": row.comments, "text_mode": row.text_mode,
                     "duplicate_of": row.duplicate_of}
    return doc


# --- quotes ----------------------------------------------------------------------------------


def list_quotes(session: Session, f: Filters, *, limit: int | None = None,
                cursor: str | None = None) -> Page:
    n = clamp_limit(limit)
    Q, D = S.QuoteRow, S.DocumentRow
    stmt = select(Q, D.published, D.outlet).join(D, D.doc_id == Q.doc_id)
    who = f.speaker or f.actor
    if who:
        stmt = stmt.where(Q.speaker.in_(resolve_entity_ids(session, who)))
    if f.since:
        stmt = stmt.where(D.published >= f.since)
    if f.until:
        stmt = stmt.where(D.published <= f.until)
    if f.outlet:
        stmt = stmt.where(func.lower(D.outlet) == f.outlet.lower())
    if f.search:
        stmt = stmt.where(func.lower(Q.text).like(f"%{f.search[:MAX_SEARCH_CHARS].lower()}%"))
    stmt = _keyset(stmt, D.published, Q.id, cursor, True)
    rows = list(session.execute(stmt.limit(n + 1)))
    rows, nxt = _page(rows, n, lambda r: [r[1] or "", r[0].id])
    names = _names(session, {r[0].speaker for r in rows if r[0].speaker})
    items = [{"id": q.id, "doc_id": q.doc_id, "kind": q.kind, "text": q.text,
              "speaker": names.get(q.speaker) if q.speaker else None,
              "speaker_text": q.speaker_text, "cue": q.cue, "channel": q.channel,
              "published": published, "outlet": outlet} for q, published, outlet in rows]
    return Page(items, nxt)


# --- entities --------------------------------------------------------------------------------


def list_entities(session: Session, query: str | None = None, etype: str | None = None, *,
                  limit: int | None = None, cursor: str | None = None) -> Page:
    n = clamp_limit(limit)
    En = S.EntityRow
    counts = (select(S.DocEntityRow.entity_id, func.count().label("n"))
              .group_by(S.DocEntityRow.entity_id).subquery())
    stmt = select(En, func.coalesce(counts.c.n, 0)).outerjoin(counts, counts.c.entity_id == En.id)
    if query:
        stmt = stmt.where(func.lower(En.name).like(f"%{query[:MAX_SEARCH_CHARS].lower()}%"))
    if etype:
        stmt = stmt.where(En.type == etype.upper())
    key = decode_cursor(cursor)
    if key is not None:
        stmt = stmt.where(En.id > str(key[1]))
    rows = list(session.execute(stmt.order_by(En.id).limit(n + 1)))
    rows, nxt = _page(rows, n, lambda r: ["", r[0].id])
    return Page([{"id": e.id, "name": e.name, "type": e.type, "kb": e.kb, "documents": c}
                 for e, c in rows], nxt)


def _role_history(session: Session, entity_id: str) -> list[dict[str, Any]]:
    """Roles with the first and last publication date of the documents that saw them."""
    D = S.DocumentRow
    rows = session.execute(select(S.DocEntityRow.roles, D.published).join(
        D, D.doc_id == S.DocEntityRow.doc_id).where(S.DocEntityRow.entity_id == entity_id))
    spans: dict[str, list[str]] = defaultdict(list)
    for roles, published in rows:
        for role in json.loads(roles or "[]"):
            spans[role].append(published or "")
    return [{"role": r, "first_seen": min(d) or None, "last_seen": max(d) or None}
            for r, d in sorted(spans.items())]


def get_entity(session: Session, entity_id: str) -> dict[str, Any] | None:
    row = session.get(S.EntityRow, entity_id)
    if row is None:
        return None
    events = list_events(session, Filters(actor=entity_id), limit=MAX_NETWORK_NODES).items
    quotes = list_quotes(session, Filters(speaker=entity_id), limit=50).items
    counterparts: Counter[str] = Counter()
    for ev in events:
        for p in ev["actors"] + ev["recipients"]:
            if p.get("id") != entity_id:
                counterparts[p["id"]] += 1
    names = _names(session, set(counterparts))
    return {
        "id": row.id, "name": row.name, "type": row.type, "kb": row.kb,
        "roles": _role_history(session, entity_id),
        "events": events, "quotes": quotes,
        "counterparts": [{**names.get(i, {"id": i, "name": i}), "events": c}
                         for i, c in counterparts.most_common(15)],
    }


# --- stories ---------------------------------------------------------------------------------


def list_stories(session: Session, *, limit: int | None = None,
                 cursor: str | None = None) -> Page:
    n = clamp_limit(limit)
    stmt = _keyset(select(S.StoryRow), S.StoryRow.date_start, S.StoryRow.id, cursor, True)
    rows, nxt = _page(list(session.scalars(stmt.limit(n + 1))), n,
                      lambda r: [r.date_start or "", r.id])
    return Page([{"id": r.id, "title": r.title, "date_start": r.date_start,
                  "date_end": r.date_end, "actors": json.loads(r.actors or "[]"),
                  "topics": json.loads(r.topics or "[]"), "n_events": r.n_events,
                  "n_documents": r.n_documents} for r in rows], nxt)


def get_story(session: Session, story_id: int) -> dict[str, Any] | None:
    row = session.get(S.StoryRow, story_id)
    if row is None:
        return None
    merged = session.scalars(select(S.MergedEventRow).where(S.MergedEventRow.story_id == row.id)
                             .order_by(S.MergedEventRow.date_start)).all()
    return {**json.loads(row.record), "id": row.id,
            "events": [merged_dict(session, m) for m in merged]}


# --- search, timeline, network ---------------------------------------------------------------


def search_all(session: Session, query: str, limit: int = 20) -> dict[str, Any]:
    docs = search_doc_ids(session, query, limit)
    rows = session.scalars(select(S.DocumentRow).where(S.DocumentRow.doc_id.in_(docs))).all()
    by_id = {r.doc_id: r for r in rows}
    return {
        "query": query,
        "documents": [document_summary(by_id[d]) for d in docs if d in by_id],
        "quotes": list_quotes(session, Filters(search=query), limit=limit).items,
        "entities": list_entities(session, query, limit=limit).items,
    }


def _period(day: str, by: str) -> str:
    if by == "week":
        d = date.fromisoformat(day)
        return (d - timedelta(days=d.weekday())).isoformat()
    if by == "month":
        return day[:7]
    return day


def timeline(session: Session, f: Filters, by: str = "day") -> list[dict[str, Any]]:
    """Counts of merged events per period and type (undated ones are left out)."""
    stmt = _filter_merged(session, select(S.MergedEventRow.date_start, S.MergedEventRow.type),
                          f).where(S.MergedEventRow.date_start.is_not(None)).limit(100_000)
    counts: Counter[tuple[str, str]] = Counter()
    for day, etype in session.execute(stmt):
        counts[(_period(day, by), etype)] += 1
    return [{"period": p, "type": t, "count": c} for (p, t), c in sorted(counts.items())]


def network(session: Session, f: Filters, min_weight: int = 1) -> dict[str, Any]:
    """The actor network: an edge per pair and type, weighted by merged-event counts."""
    stmt = _filter_merged(session, select(S.MergedEventRow), f).limit(20_000)
    edges: Counter[tuple[str, str, str, bool]] = Counter()
    degree: Counter[str] = Counter()
    for row in session.scalars(stmt):
        actors, recipients = json.loads(row.actors or "[]"), json.loads(row.recipients or "[]")
        pairs = [(a, r) for a in actors for r in recipients] if recipients else \
            [(a, b) for i, a in enumerate(actors) for b in actors[i + 1:]]
        for a, b in pairs:
            if a != b:
                edges[(a, b, row.type, bool(recipients))] += 1
                degree[a] += 1
                degree[b] += 1
    keep = {n for n, _ in degree.most_common(MAX_NETWORK_NODES)}
    names = _names(session, keep)
    return {
        "nodes": [{**names.get(n, {"id": n, "name": n}), "degree": degree[n]} for n in keep],
        "edges": [{"source": a, "target": b, "type": t, "directed": d, "weight": w}
                  for (a, b, t, d), w in edges.items()
                  if w >= min_weight and a in keep and b in keep],
    }
