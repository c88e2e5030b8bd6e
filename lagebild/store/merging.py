"""Corpus-level results in the store: near-duplicate links, merged events and stories.

Merged events and stories are derived data: :func:`rebuild` recomputes them from the stored
events after an ingest (cheap next to extraction: one pass with blocking by type and actor).
"""

from __future__ import annotations

import json
from collections import defaultdict

from sqlalchemy import delete, select, update
from sqlalchemy.orm import Session

from lagebild.corpus.dedup import DuplicateIndex, from_hex
from lagebild.corpus.merge import EventMention, cluster_events, merged_record
from lagebild.corpus.stories import group_stories, story_record
from lagebild.store import schema as S
from lagebild.store.dates import date_range
from lagebild.store.writer import Writer


def load_duplicate_index(session: Session) -> DuplicateIndex:
    """The originals already stored, for near-duplicate checks of new documents."""
    index = DuplicateIndex()
    rows = session.execute(select(S.DocumentRow.doc_id, S.DocumentRow.news_text,
                                  S.DocumentRow.minhash)
                           .where(S.DocumentRow.duplicate_of.is_(None))
                           .order_by(S.DocumentRow.ingested_at, S.DocumentRow.doc_id))
    for doc_id, text, sig in rows:
        index.add(doc_id, text or "", from_hex(sig) if sig else None)
    return index


def _mentions(session: Session) -> list[EventMention]:
    D, E = S.DocumentRow, S.EventRow
    # plain column rows, not ORM objects: this reads every event in the store
    docs = {r.doc_id: r for r in session.execute(
        select(D.doc_id, D.published, D.n_sources, D.duplicate_of)
        .where(D.doc_id.in_(select(E.doc_id))))}
    outlets: dict[str, set[str]] = defaultdict(set)
    for doc_id, outlet in session.execute(select(S.SourceRow.doc_id, S.SourceRow.outlet)):
        if outlet and doc_id in docs:
            outlets[doc_id].add(outlet)
    parts: dict[int, dict[str, list[str]]] = defaultdict(lambda: {"actor": [], "recipient": []})
    for eid, ent, role in session.execute(select(
            S.EventParticipantRow.event_id, S.EventParticipantRow.entity_id,
            S.EventParticipantRow.role).order_by(S.EventParticipantRow.id)):
        parts[eid][role].append(ent)
    out = []
    cols = (E.id, E.doc_id, E.idx, E.type, E.status, E.mode, E.location, E.topics, E.date_value,
            E.date_precision, E.date_origin, E.evidence_text, E.evidence_start, E.evidence_end,
            E.confidence)
    for ev in session.execute(select(*cols).order_by(E.id)):
        d = docs[ev.doc_id]
        out.append(EventMention(
            doc_id=ev.doc_id, idx=ev.idx, type=ev.type, status=ev.status, mode=ev.mode,
            actors=tuple(parts[ev.id]["actor"]), recipients=tuple(parts[ev.id]["recipient"]),
            location=ev.location, topics=tuple(json.loads(ev.topics)),
            date_value=ev.date_value, date_precision=ev.date_precision,
            date_origin=ev.date_origin, published=d.published, evidence=ev.evidence_text,
            evidence_start=ev.evidence_start, evidence_end=ev.evidence_end,
            outlets=tuple(sorted(outlets[ev.doc_id])), n_sources=d.n_sources or 1,
            duplicate_of=d.duplicate_of, confidence=ev.confidence, row_id=ev.id))
    return out


def rebuild(session: Session) -> tuple[int, int]:
    """Recompute merged events and stories from the stored events; (merged, stories)."""
    writer = Writer(session)
    prov = writer.provenance_id()
    session.execute(update(S.EventRow).values(merged_id=None))
    session.execute(delete(S.MergedParticipantRow))
    session.execute(delete(S.MergedEventRow))
    session.execute(delete(S.StoryDocumentRow))
    session.execute(delete(S.StoryRow))
    session.flush()
    mentions = _mentions(session)
    clusters = cluster_events(mentions)
    records = [merged_record(c) for c in clusters]
    # executemany, then one select for the new ids: far faster than a round trip per row
    if records:
        session.execute(S.MergedEventRow.__table__.insert(),
                        [_merged_row(rec, prov) for rec in records])
    row_of = dict(session.execute(select(S.MergedEventRow.merged_key, S.MergedEventRow.id)).all())
    parts: list[dict] = []
    links: list[dict] = []
    for c, rec in zip(clusters, records, strict=True):
        mid = row_of[rec["id"]]
        parts += [dict(merged_id=mid, entity_id=a, role="actor") for a in rec["actors"]]
        parts += [dict(merged_id=mid, entity_id=r, role="recipient") for r in rec["recipients"]]
        links += [{"id": m.row_id, "merged_id": mid} for m in c.mentions]
    if parts:
        session.execute(S.MergedParticipantRow.__table__.insert(), parts)
    if links:
        session.execute(update(S.EventRow), links)  # bulk UPDATE by primary key
    names = dict(session.execute(select(S.EntityRow.id, S.EntityRow.name)).all())
    stories = group_stories(records)
    srecs = [story_record(st, lambda e: names.get(e, e)) for st in stories]
    if srecs:
        session.execute(S.StoryRow.__table__.insert(), [dict(
            story_key=r["id"], title=r["title"], date_start=r["start"], date_end=r["end"],
            actors=json.dumps(r["actors"]), topics=json.dumps(r["topics"]),
            n_events=r["n_events"], n_documents=len(r["doc_ids"]),
            record=json.dumps(r, ensure_ascii=False), provenance_id=prov) for r in srecs])
    story_of = dict(session.execute(select(S.StoryRow.story_key, S.StoryRow.id)).all())
    story_links: list[dict] = []
    story_docs: list[dict] = []
    for st, r in zip(stories, srecs, strict=True):
        sid = story_of[r["id"]]
        story_links += [{"id": row_of[rec["id"]], "story_id": sid} for rec in st.events]
        story_docs += [dict(story_id=sid, doc_id=d) for d in r["doc_ids"]]
    if story_links:
        session.execute(update(S.MergedEventRow), story_links)
    if story_docs:
        session.execute(S.StoryDocumentRow.__table__.insert(), story_docs)
    session.commit()
    return len(records), len(stories)


def _merged_row(rec: dict, prov: int) -> dict:
    d = rec["date"]
    lo, hi = (d["start"], d["end"]) if d["start"] else date_range(d["value"], d["precision"])
    return dict(
        merged_key=rec["id"], type=rec["type"], mode=rec["mode"], status=rec["status"],
        date_value=d["value"], date_precision=d["precision"], date_start=lo, date_end=hi,
        location=rec["location"], first_reported=rec["first_reported"],
        n_documents=rec["n_documents"], n_sources=rec["n_sources"],
        n_outlets=rec["n_outlets"], actors=json.dumps(rec["actors"]),
        recipients=json.dumps(rec["recipients"]), topics=json.dumps(rec["topics"]),
        record=json.dumps(rec, ensure_ascii=False), provenance_id=prov)
