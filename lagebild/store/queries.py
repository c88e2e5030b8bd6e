"""The public query layer of the store (used by the CLI and the HTTP API).

Each ``list_*`` function takes a SQLAlchemy :class:`Session` and a :class:`Filters` and returns a
:class:`Page` of plain dicts (JSON-ready). Pagination is by cursor: pass ``Page.next_cursor`` back
as ``Filters.cursor`` to get the following page; results are ordered by a stable key, so pages
neither repeat nor skip rows while new documents arrive.
"""

from __future__ import annotations

import base64
import json
import re
from dataclasses import dataclass, field, replace
from typing import Any, Literal

from sqlalchemy import (
    Select,
    String,
    column,
    exists,
    func,
    literal_column,
    or_,
    select,
    text,
)
from sqlalchemy.orm import Session

from lagebild.store import schema as S

MAX_LIMIT = 1000


@dataclass(frozen=True)
class Filters:
    actor: str | None = None  # entity id or name (any participant)
    speaker: str | None = None  # quotes: entity id or name of the speaker
    place: str | None = None  # entity id or name of the event location
    type: str | None = None  # PLOVER event type
    mode: str | None = None
    status: str | None = None
    topic: str | None = None
    since: str | None = None  # ISO day: events that may have happened on or after it
    until: str | None = None
    outlet: str | None = None
    search: str | None = None  # full-text search over news text
    doc_id: str | None = None
    limit: int = 100
    cursor: str | None = None
    order: Literal["id", "date", "-date"] = "id"  # by row id, or by date (oldest/newest first)


@dataclass
class Page:
    items: list[dict[str, Any]] = field(default_factory=list)
    next_cursor: str | None = None


# --- cursor ----------------------------------------------------------------------------------


class CursorError(ValueError):
    """A cursor that this query layer did not produce."""


def encode_cursor(last: Any) -> str:
    return base64.urlsafe_b64encode(json.dumps(last).encode()).decode().rstrip("=")


def decode_cursor(cursor: str | None) -> Any:
    if not cursor:
        return None
    try:
        pad = "=" * (-len(cursor) % 4)
        return json.loads(base64.urlsafe_b64decode(cursor + pad))
    except (ValueError, UnicodeError) as exc:
        raise CursorError(f"invalid cursor: {cursor!r}") from exc


def _valid_key(value: Any) -> bool:
    """A row key: a string id, or an integer id that fits a 64-bit column."""
    if isinstance(value, bool):
        return False
    return isinstance(value, str) or (isinstance(value, int) and 0 <= value < 2**63)


def _after(q: Select, key_col: Any, date_col: Any, f: Filters) -> Select:
    """Keyset condition and ordering: by ``key_col``, or by (date, key) for date orders."""
    after = decode_cursor(f.cursor)
    if f.order == "id" or date_col is None:
        if after is not None:
            if not _valid_key(after):
                raise CursorError("invalid cursor")
            q = q.where(key_col > after)
        return q.order_by(key_col)
    day = func.coalesce(date_col, "")
    desc = f.order == "-date"
    if after is not None:
        if not (isinstance(after, list) and len(after) == 2 and isinstance(after[0], str)
                and _valid_key(after[1])):
            raise CursorError("invalid cursor")
        last_day, last_key = after
        earlier = (day < last_day) | ((day == last_day) & (key_col < last_key))
        later = (day > last_day) | ((day == last_day) & (key_col > last_key))
        q = q.where(earlier if desc else later)
    return q.order_by(day.desc(), key_col.desc()) if desc else q.order_by(day, key_col)


def _page(session: Session, q: Select, key_col: Any, f: Filters, to_dict: Any,
          date_col: Any = None) -> Page:
    q = _after(q, key_col, date_col, f)
    limit = max(1, min(f.limit, MAX_LIMIT))
    rows = session.execute(q.limit(limit + 1)).all()
    more = len(rows) > limit
    rows = rows[:limit]
    items = [to_dict(r[0] if len(r) == 1 else r) for r in rows]
    if not (more and rows):
        return Page(items, None)
    last = rows[-1]
    key = last._mapping[key_col] if key_col in last._mapping else getattr(last[0], key_col.key)
    if f.order != "id" and date_col is not None:
        day = last._mapping[date_col] if date_col in last._mapping \
            else getattr(last[0], date_col.key, None)
        return Page(items, encode_cursor([day or "", key]))
    return Page(items, encode_cursor(key))


# --- entity resolution -----------------------------------------------------------------------


def resolve_entities(session: Session, value: str) -> list[str]:
    """Entity ids for an id, an exact name, a mention text, or else a name substring."""
    if session.get(S.EntityRow, value) is not None:
        return [value]
    low = value.casefold()
    ids = list(session.scalars(select(S.EntityRow.id).where(func.lower(S.EntityRow.name) == low)))
    if ids:
        return ids
    ids = list(session.scalars(select(S.MentionRow.entity_id)
                               .where(func.lower(S.MentionRow.text) == low).distinct()))
    if ids:
        return ids
    like = f"%{low}%"
    return list(session.scalars(select(S.EntityRow.id).where(
        func.lower(S.EntityRow.name).like(like))))


_SEARCH_TERM = re.compile(r"\w+")


def search_docs(session: Session, query: str) -> Any:
    """A subquery of doc_ids whose news text matches ``query`` (all its words)."""
    # only word characters reach the search syntax: control characters, quotes and operators in
    # user input would otherwise be FTS5 syntax errors
    words = _SEARCH_TERM.findall(query)
    if session.get_bind().dialect.name == "sqlite":
        if not words:
            return select(S.DocumentRow.doc_id).where(text("1=0")).subquery()
        terms = " ".join(f'"{w}"' for w in words)
        return text("SELECT doc_id FROM documents_fts WHERE documents_fts MATCH :fts") \
            .bindparams(fts=terms).columns(column("doc_id", String)).subquery()
    query = " ".join(words)
    # the configuration as a literal, so the expression matches the GIN index's exactly
    german = literal_column("'german'")
    return select(S.DocumentRow.doc_id).where(
        func.to_tsvector(german, S.DocumentRow.news_text).op("@@")(
            func.websearch_to_tsquery(german, query))).subquery()


def _outlet_docs(outlet: str) -> Any:
    return select(S.SourceRow.doc_id).where(func.lower(S.SourceRow.outlet) == outlet.casefold())


def _doc_filters(session: Session, q: Select, doc_col: Any, f: Filters) -> Select:
    if f.outlet:
        q = q.where(doc_col.in_(_outlet_docs(f.outlet)))
    if f.search:
        sub = search_docs(session, f.search)
        q = q.where(doc_col.in_(select(sub.c.doc_id)))
    if f.doc_id:
        q = q.where(doc_col == f.doc_id)
    return q


def _date_filters(q: Select, start_col: Any, end_col: Any, f: Filters) -> Select:
    if f.since:
        q = q.where(end_col >= f.since)
    if f.until:
        q = q.where(start_col <= f.until)
    return q


# --- events ----------------------------------------------------------------------------------


def _event_query(session: Session, f: Filters) -> Select:
    E = S.EventRow
    q = select(E, S.DocumentRow.url, S.DocumentRow.outlet, S.DocumentRow.published,
               S.DocumentRow.title).join(S.DocumentRow, S.DocumentRow.doc_id == E.doc_id)
    for col, value in ((E.type, f.type), (E.mode, f.mode), (E.status, f.status)):
        if value:
            q = q.where(col == value)
    if f.topic:
        q = q.where(exists().where(S.EventTopicRow.event_id == E.id,
                                   S.EventTopicRow.topic == f.topic))
    if f.actor:
        ids = resolve_entities(session, f.actor)
        q = q.where(exists().where(S.EventParticipantRow.event_id == E.id,
                                   S.EventParticipantRow.entity_id.in_(ids)))
    if f.place:
        q = q.where(E.location.in_(resolve_entities(session, f.place)))
    q = _date_filters(q, E.date_start, E.date_end, f)
    return _doc_filters(session, q, E.doc_id, f)


def _participants(session: Session, event_ids: list[int]) -> dict[int, dict[str, list[str]]]:
    out: dict[int, dict[str, list[str]]] = {i: {"actor": [], "recipient": []} for i in event_ids}
    if not event_ids:
        return out
    for eid, ent, role in session.execute(
            select(S.EventParticipantRow.event_id, S.EventParticipantRow.entity_id,
                   S.EventParticipantRow.role)
            .where(S.EventParticipantRow.event_id.in_(event_ids))
            .order_by(S.EventParticipantRow.id)):
        out[eid][role].append(ent)
    return out


def names_of(session: Session, ids: set[str]) -> dict[str, str]:
    if not ids:
        return {}
    return dict(session.execute(select(S.EntityRow.id, S.EntityRow.name)
                                .where(S.EntityRow.id.in_(ids))).all())


def list_events(session: Session, f: Filters) -> Page:
    """Events as extracted from single documents, with their document's source."""
    page = _page(session, _event_query(session, f), S.EventRow.id, f, _event_dict,
                 S.EventRow.date_start)
    parts = _participants(session, [e["id"] for e in page.items])
    ids = {x for p in parts.values() for xs in p.values() for x in xs}
    ids |= {e["location"] for e in page.items if e["location"]}
    names = names_of(session, ids)
    for e in page.items:
        e["actors"] = parts[e["id"]]["actor"]
        e["recipients"] = parts[e["id"]]["recipient"]
        e["actor_names"] = [names.get(a, a) for a in e["actors"]]
        e["recipient_names"] = [names.get(a, a) for a in e["recipients"]]
        e["location_name"] = names.get(e["location"]) if e["location"] else None
    return page


def _event_dict(row: Any) -> dict[str, Any]:
    ev, url, outlet, published, title = row
    return {
        "id": ev.id, "doc_id": ev.doc_id, "index": ev.idx, "type": ev.type, "mode": ev.mode,
        "status": ev.status,
        "date": {"value": ev.date_value, "precision": ev.date_precision, "text": ev.date_text,
                 "origin": ev.date_origin},
        "location": ev.location, "topics": json.loads(ev.topics),
        "evidence": {"start": ev.evidence_start, "end": ev.evidence_end,
                     "text": ev.evidence_text},
        "confidence": ev.confidence, "merged_id": ev.merged_id,
        "url": url, "outlet": outlet, "published": published, "title": title,
    }


# --- merged events ---------------------------------------------------------------------------


def merged_query(session: Session, f: Filters) -> Select:
    """The merged events matching ``f`` (unordered), for listings and aggregates."""
    M = S.MergedEventRow
    q = select(M)
    for col, value in ((M.type, f.type), (M.mode, f.mode), (M.status, f.status)):
        if value:
            q = q.where(col == value)
    if f.topic:
        q = q.where(M.topics.like(f'%"{f.topic}"%'))
    if f.actor:
        ids = resolve_entities(session, f.actor)
        q = q.where(exists().where(S.MergedParticipantRow.merged_id == M.id,
                                   S.MergedParticipantRow.entity_id.in_(ids)))
    if f.place:
        q = q.where(M.location.in_(resolve_entities(session, f.place)))
    q = _date_filters(q, M.date_start, M.date_end, f)
    if f.outlet or f.search or f.doc_id:
        docs = _doc_filters(session, select(S.EventRow.merged_id), S.EventRow.doc_id, f)
        q = q.where(M.id.in_(docs))
    return q


def list_merged(session: Session, f: Filters) -> Page:
    page = _page(session, merged_query(session, f), S.MergedEventRow.id, f, _merged_dict,
                 S.MergedEventRow.date_start)
    add_names(session, page.items)
    return page


def _merged_dict(m: S.MergedEventRow) -> dict[str, Any]:
    rec = json.loads(m.record)
    rec["row_id"] = m.id
    rec["story_id"] = m.story_id
    return rec


def add_names(session: Session, items: list[dict[str, Any]]) -> None:
    ids = {x for it in items for x in it.get("actors", []) + it.get("recipients", [])}
    ids |= {it["location"] for it in items if it.get("location")}
    names = names_of(session, ids)
    for it in items:
        it["names"] = {i: names.get(i, i) for i in
                       it.get("actors", []) + it.get("recipients", [])
                       + ([it["location"]] if it.get("location") else [])}


# --- quotes, entities, stories, documents ----------------------------------------------------


def list_quotes(session: Session, f: Filters) -> Page:
    Q = S.QuoteRow
    q = select(Q, S.DocumentRow.url, S.DocumentRow.outlet, S.DocumentRow.published) \
        .join(S.DocumentRow, S.DocumentRow.doc_id == Q.doc_id)
    who = f.speaker or f.actor
    if who:
        ids = resolve_entities(session, who)
        q = q.where(or_(Q.speaker.in_(ids), func.lower(Q.speaker_text) == who.casefold()))
    if f.since:
        q = q.where(S.DocumentRow.published >= f.since)
    if f.until:
        q = q.where(S.DocumentRow.published <= f.until)
    q = _doc_filters(session, q, Q.doc_id, f)
    page = _page(session, q, Q.id, f, _quote_dict, S.DocumentRow.published)
    names = names_of(session, {it["speaker"] for it in page.items if it["speaker"]})
    for it in page.items:
        it["speaker_name"] = names.get(it["speaker"]) if it["speaker"] else None
    return page


def _quote_dict(row: Any) -> dict[str, Any]:
    qt, url, outlet, published = row
    return {"id": qt.id, "doc_id": qt.doc_id, "kind": qt.kind, "speaker": qt.speaker,
            "speaker_text": qt.speaker_text, "cue": qt.cue, "channel": qt.channel,
            "start": qt.start, "end": qt.end, "text": qt.text, "url": url, "outlet": outlet,
            "published": published}


def list_entities(session: Session, f: Filters) -> Page:
    """Entities with the number of documents naming them and of events they take part in."""
    Ent = S.EntityRow
    n_docs = select(func.count()).where(S.DocEntityRow.entity_id == Ent.id) \
        .correlate(Ent).scalar_subquery()
    n_events = select(func.count()).where(S.EventParticipantRow.entity_id == Ent.id) \
        .correlate(Ent).scalar_subquery()
    q = select(Ent, n_docs.label("n_documents"), n_events.label("n_events"))
    if f.actor:
        q = q.where(Ent.id.in_(resolve_entities(session, f.actor)))
    if f.type:
        q = q.where(Ent.type == f.type)
    if f.outlet or f.search or f.doc_id:
        docs = _doc_filters(session, select(S.DocEntityRow.entity_id), S.DocEntityRow.doc_id, f)
        q = q.where(Ent.id.in_(docs))
    return _page(session, q, Ent.id, f, lambda r: {
        "id": r[0].id, "name": r[0].name, "type": r[0].type, "kb": r[0].kb,
        "n_documents": r[1], "n_events": r[2]})


def list_stories(session: Session, f: Filters) -> Page:
    St = S.StoryRow
    q = select(St)
    if f.actor:
        ids = resolve_entities(session, f.actor)
        q = q.where(or_(*[St.actors.like(f'%"{i}"%') for i in ids]) if ids else text("1=0"))
    if f.topic:
        q = q.where(St.topics.like(f'%"{f.topic}"%'))
    q = _date_filters(q, St.date_start, St.date_end, f)
    if f.outlet or f.search or f.doc_id:
        docs = _doc_filters(session, select(S.StoryDocumentRow.story_id),
                            S.StoryDocumentRow.doc_id, f)
        q = q.where(St.id.in_(docs))

    def to_dict(st: S.StoryRow) -> dict[str, Any]:
        rec = json.loads(st.record)
        rec["row_id"] = st.id
        return rec

    page = _page(session, q, St.id, f, to_dict, St.date_start)
    add_names(session, page.items)
    return page


def list_documents(session: Session, f: Filters) -> Page:
    D = S.DocumentRow
    q = select(D)
    if f.since:
        q = q.where(D.published >= f.since)
    if f.until:
        q = q.where(D.published <= f.until)
    if f.actor:
        ids = resolve_entities(session, f.actor)
        q = q.where(exists().where(S.DocEntityRow.doc_id == D.doc_id,
                                   S.DocEntityRow.entity_id.in_(ids)))
    q = _doc_filters(session, q, D.doc_id, f)
    return _page(session, q, D.doc_id, f, lambda d: {
        "doc_id": d.doc_id, "title": d.title, "language": d.language, "published": d.published,
        "outlet": d.outlet, "url": d.url, "n_sources": d.n_sources,
        "duplicate_of": d.duplicate_of, "similarity": d.similarity}, D.published)


def get_document(session: Session, doc_id: str) -> dict[str, Any] | None:
    """The stored ``lagebild.document/1`` record."""
    row = session.get(S.DocumentRow, doc_id)
    return json.loads(row.doc_json) if row else None


def get_merged(session: Session, merged_id: int | str) -> dict[str, Any] | None:
    """One merged event by row id or record id, with ``names`` for its entity ids."""
    M = S.MergedEventRow
    col = M.id if isinstance(merged_id, int) else M.merged_key
    row = session.scalars(select(M).where(col == merged_id)).first()
    if row is None:
        return None
    record = _merged_dict(row)
    add_names(session, [record])
    return record


def timeline(session: Session, actor: str, f: Filters | None = None) -> list[dict[str, Any]]:
    """Merged events with ``actor`` in date order (all pages)."""
    f = replace(f or Filters(), actor=actor, limit=MAX_LIMIT, cursor=None)
    items: list[dict[str, Any]] = []
    while True:
        page = list_merged(session, f)
        items += page.items
        if not page.next_cursor:
            break
        f = replace(f, cursor=page.next_cursor)
    items.sort(key=lambda r: (r["date"]["start"] or r["first_reported"] or "", r["row_id"]))
    return items


def counts(session: Session) -> dict[str, int]:
    tables = {"documents": S.DocumentRow, "sources": S.SourceRow, "events": S.EventRow,
              "merged_events": S.MergedEventRow, "stories": S.StoryRow, "quotes": S.QuoteRow,
              "entities": S.EntityRow, "errors": S.IngestErrorRow}
    out = {name: session.scalar(select(func.count()).select_from(t)) or 0
           for name, t in tables.items()}
    out["duplicates"] = session.scalar(select(func.count()).select_from(S.DocumentRow)
                                       .where(S.DocumentRow.duplicate_of.is_not(None))) or 0
    return out


def list_errors(session: Session, limit: int = 100) -> list[dict[str, Any]]:
    rows = session.scalars(select(S.IngestErrorRow).order_by(S.IngestErrorRow.id.desc())
                           .limit(limit))
    return [{"id": r.id, "path": r.path, "stage": r.stage, "message": r.message, "at": r.at}
            for r in rows]


__all__ = [
    "Filters", "Page", "list_events", "list_merged", "list_quotes", "list_entities",
    "list_stories", "list_documents", "get_document", "get_merged", "timeline", "counts",
    "list_errors", "resolve_entities", "encode_cursor", "decode_cursor",
]
