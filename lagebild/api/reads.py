"""What the HTTP API and the web UI read, built on the store's query layer.

Listings, filters and cursors are ``lagebild.store.queries``; this module adds what only the API
shows: entity pages (roles over time, counterparts), a combined search, timeline aggregates and
the actor network.
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from dataclasses import replace
from datetime import date, timedelta
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from lagebild.store import queries as Q
from lagebild.store import schema as S

Filters = Q.Filters
CursorError = Q.CursorError
MAX_PAGE = 200
MAX_SEARCH_CHARS = 200
MAX_NETWORK_NODES = 150


def page_dict(page: Q.Page) -> dict[str, Any]:
    return {"items": page.items, "next_cursor": page.next_cursor}


def paged(f: Filters, limit: int, cursor: str | None, order: str) -> Filters:
    return replace(f, limit=max(1, min(limit, MAX_PAGE)), cursor=cursor, order=order)


# --- entities --------------------------------------------------------------------------------


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
    """An entity with its roles, events over time, quotes and most frequent counterparts."""
    row = session.get(S.EntityRow, entity_id)
    if row is None:
        return None
    f = Filters(actor=entity_id, limit=MAX_NETWORK_NODES, order="date")
    events = Q.list_events(session, f).items
    quotes = Q.list_quotes(session, Filters(speaker=entity_id, limit=50, order="-date")).items
    counterparts: Counter[str] = Counter()
    for ev in events:
        ev["names"] = dict(zip(ev["actors"] + ev["recipients"],
                               ev["actor_names"] + ev["recipient_names"], strict=True))
        for other in ev["actors"] + ev["recipients"]:
            if other != entity_id:
                counterparts[other] += 1
    names = Q.names_of(session, set(counterparts))
    return {
        "id": row.id, "name": row.name, "type": row.type, "kb": row.kb,
        "roles": _role_history(session, entity_id), "events": events, "quotes": quotes,
        "counterparts": [{"id": i, "name": names.get(i, i), "events": c}
                         for i, c in counterparts.most_common(15)],
    }


# --- search ----------------------------------------------------------------------------------


def _quotes_containing(session: Session, query: str, limit: int) -> list[dict[str, Any]]:
    """Quotes whose own words contain ``query`` (case-insensitive), newest first."""
    needle = f"%{query[:MAX_SEARCH_CHARS].lower()}%"
    Qt, D = S.QuoteRow, S.DocumentRow
    rows = session.execute(select(Qt, D.published, D.outlet).join(D, D.doc_id == Qt.doc_id)
                           .where(func.lower(Qt.text).like(needle))
                           .order_by(D.published.desc(), Qt.id.desc()).limit(limit))
    items = [{"id": q.id, "doc_id": q.doc_id, "kind": q.kind, "text": q.text,
              "speaker": q.speaker, "published": published, "outlet": outlet}
             for q, published, outlet in rows]
    names = Q.names_of(session, {i["speaker"] for i in items if i["speaker"]})
    for item in items:
        item["speaker_name"] = names.get(item["speaker"]) if item["speaker"] else None
    return items


def search_all(session: Session, query: str, limit: int = 20) -> dict[str, Any]:
    """News content (full-text), quotes (their words) and entities (their names)."""
    query = query[:MAX_SEARCH_CHARS]
    docs = Q.list_documents(session, Filters(search=query, limit=limit, order="-date")).items
    like = f"%{query.lower()}%"
    ents = session.scalars(select(S.EntityRow).where(func.lower(S.EntityRow.name).like(like))
                           .order_by(S.EntityRow.name).limit(limit))
    return {
        "query": query, "documents": docs,
        "quotes": _quotes_containing(session, query, limit),
        "entities": [{"id": e.id, "name": e.name, "type": e.type} for e in ents],
    }


# --- aggregates ------------------------------------------------------------------------------


def _period(day: str, by: str) -> str:
    if by == "week":
        d = date.fromisoformat(day)
        return (d - timedelta(days=d.weekday())).isoformat()
    if by == "month":
        return day[:7]
    return day


def timeline(session: Session, f: Filters, by: str = "day") -> list[dict[str, Any]]:
    """Counts of merged events per period and type (undated ones are left out)."""
    merged = Q.merged_query(session, f).subquery()
    stmt = select(merged.c.date_start, merged.c.type).where(
        merged.c.date_start.is_not(None)).limit(100_000)
    counts: Counter[tuple[str, str]] = Counter()
    for day, etype in session.execute(stmt):
        counts[(_period(day, by), etype)] += 1
    return [{"period": p, "type": t, "count": c} for (p, t), c in sorted(counts.items())]


def network(session: Session, f: Filters, min_weight: int = 1) -> dict[str, Any]:
    """The actor network: an edge per pair and type, weighted by merged-event counts;
    symmetric events (no recipients) give undirected edges between their actors."""
    edges: Counter[tuple[str, str, str, bool]] = Counter()
    degree: Counter[str] = Counter()
    for row in session.scalars(Q.merged_query(session, f).limit(20_000)):
        actors, recipients = json.loads(row.actors or "[]"), json.loads(row.recipients or "[]")
        pairs = [(a, r) for a in actors for r in recipients] if recipients else \
            [(a, b) for i, a in enumerate(actors) for b in actors[i + 1:]]
        for a, b in pairs:
            if a != b:
                edges[(a, b, row.type, bool(recipients))] += 1
                degree[a] += 1
                degree[b] += 1
    keep = {n for n, _ in degree.most_common(MAX_NETWORK_NODES)}
    names = Q.names_of(session, keep)
    types = dict(session.execute(select(S.EntityRow.id, S.EntityRow.type)
                                 .where(S.EntityRow.id.in_(keep))).all()) if keep else {}
    return {
        "nodes": [{"id": n, "name": names.get(n, n), "type": types.get(n), "degree": degree[n]}
                  for n in keep],
        "edges": [{"source": a, "target": b, "type": t, "directed": d, "weight": w}
                  for (a, b, t, d), w in edges.items()
                  if w >= min_weight and a in keep and b in keep],
    }


def get_document(session: Session, doc_id: str) -> dict[str, Any] | None:
    """The stored ``lagebild.document/1`` record plus every source it was read from."""
    doc = Q.get_document(session, doc_id)
    if doc is None:
        return None
    rows = session.scalars(select(S.SourceRow).where(S.SourceRow.doc_id == doc_id))
    doc["sources"] = [{"outlet": r.outlet, "url": r.url, "path": r.path,
                       "published": r.published} for r in rows]
    return doc
