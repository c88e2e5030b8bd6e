"""HTML pages: timeline, event, entity, network, document, search."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import APIRouter, HTTPException, Request
from fastapi import Path as PathParam
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates

from lagebild.api import reads
from lagebild.model import EVENT_TYPES, TOPICS
from lagebild.store import queries as Q
from lagebild.web.render import evidence_paragraph, segments_view

router = APIRouter(include_in_schema=False)
templates = Jinja2Templates(directory=str(Path(__file__).resolve().parent / "templates"))
STATUSES = ("occurred", "planned", "proposed", "negated", "hypothetical")
FILTER_KEYS = ("actor", "type", "topic", "status", "outlet", "since", "until", "place", "search")
RowId = Annotated[int, PathParam(ge=1, le=2**63 - 1)]


def _filters(request: Request) -> tuple[reads.Filters, dict[str, str]]:
    q = {k: v.strip()[: reads.MAX_SEARCH_CHARS] for k, v in request.query_params.items()
         if k in FILTER_KEYS and v.strip()}
    if q.get("type") and q["type"].upper() not in EVENT_TYPES:
        q.pop("type")
    if q.get("status") and q["status"] not in STATUSES:
        q.pop("status")
    return reads.Filters(**q), q


def _page(request: Request, name: str, **context: Any) -> HTMLResponse:
    return templates.TemplateResponse(request, name, context)


@router.get("/", response_class=HTMLResponse)
def timeline_page(request: Request, cursor: str | None = None) -> HTMLResponse:
    f, q = _filters(request)
    with request.app.state.sessions() as db:
        try:
            page = Q.list_merged(db, replace(f, limit=50, cursor=cursor, order="-date"))
        except reads.CursorError as exc:
            raise HTTPException(400, str(exc)) from exc
    next_url = "/?" + urlencode({**q, "cursor": page.next_cursor}) if page.next_cursor else None
    return _page(request, "timeline.html", events=page.items, q=q, next_url=next_url,
                 event_types=EVENT_TYPES, topics=TOPICS, statuses=STATUSES)


@router.get("/events/{merged_id}", response_class=HTMLResponse)
def event_page(request: Request, merged_id: RowId) -> HTMLResponse:
    with request.app.state.sessions() as db:
        event = Q.get_merged(db, merged_id)
        if event is None:
            raise HTTPException(404, "no such event")
        docs = {ev["doc_id"]: Q.get_document(db, ev["doc_id"]) for ev in event["evidence"]}
    sources = []
    for ev in event["evidence"]:
        doc = docs.get(ev["doc_id"]) or {}
        sources.append({**ev, "title": doc.get("title"),
                        "paragraph": evidence_paragraph(doc, ev["start"], ev["end"])})
    return _page(request, "event.html", event=event, sources=sources)


@router.get("/entities/{entity_id:path}", response_class=HTMLResponse)
def entity_page(request: Request, entity_id: str) -> HTMLResponse:
    with request.app.state.sessions() as db:
        entity = reads.get_entity(db, entity_id)
    if entity is None:
        raise HTTPException(404, "no such entity")
    return _page(request, "entity.html", entity=entity)


@router.get("/network", response_class=HTMLResponse)
def network_page(request: Request) -> HTMLResponse:
    f, q = _filters(request)
    with request.app.state.sessions() as db:
        graph = reads.network(db, f)
    return _page(request, "network.html", graph=graph, q=q, api_query=urlencode(q))


@router.get("/documents/{doc_id}", response_class=HTMLResponse)
def document_page(request: Request, doc_id: str, hl: str | None = None) -> HTMLResponse:
    with request.app.state.sessions() as db:
        doc = reads.get_document(db, doc_id)
    if doc is None:
        raise HTTPException(404, "no such document")
    marks = []
    if hl and "-" in hl:
        a, _, b = hl.partition("-")
        if a.isdigit() and b.isdigit():
            marks.append((int(a), int(b)))
    segments = segments_view(doc, marks, request.app.state.redact_commenters)
    return _page(request, "document.html", doc=doc, segments=segments)


@router.get("/search", response_class=HTMLResponse)
def search_page(request: Request, q: str = "") -> HTMLResponse:
    q = q.strip()[: reads.MAX_SEARCH_CHARS]
    result = None
    if q:
        with request.app.state.sessions() as db:
            result = reads.search_all(db, q)
    return _page(request, "search.html", q=q, result=result)
