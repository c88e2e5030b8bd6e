"""The JSON API (``/api/...``); OpenAPI at ``/docs``."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, HTTPException, Path, Query, Request
from pydantic import BaseModel, Field, model_validator
from sqlalchemy.orm import Session

from lagebild.api import reads
from lagebild.api.problems import PROBLEM_RESPONSES
from lagebild.api.security import require_token
from lagebild.store import queries as Q

router = APIRouter(prefix="/api", responses=PROBLEM_RESPONSES)

EVENT_TYPES = Literal["AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT",
                      "REQUEST", "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION",
                      "MOBILIZE", "COERCE", "ASSAULT"]
STATUSES = Literal["occurred", "planned", "proposed", "negated", "hypothetical"]
ISO_DAY = r"^\d{4}(-\d{2}(-\d{2})?)?$"
Text = Annotated[str | None, Query(max_length=reads.MAX_SEARCH_CHARS)]


def session(request: Request) -> Iterator[Session]:
    with request.app.state.sessions() as s:
        yield s


DB = Annotated[Session, Depends(session)]


def filters(
    actor: Text = None, speaker: Text = None, place: Text = None,
    type: Annotated[EVENT_TYPES | None, Query()] = None,
    mode: Annotated[str | None, Query(max_length=40)] = None,
    status: Annotated[STATUSES | None, Query()] = None,
    topic: Annotated[str | None, Query(max_length=40)] = None,
    since: Annotated[str | None, Query(pattern=ISO_DAY)] = None,
    until: Annotated[str | None, Query(pattern=ISO_DAY)] = None,
    outlet: Text = None, search: Text = None,
) -> reads.Filters:
    return reads.Filters(actor=actor, speaker=speaker, place=place, type=type, mode=mode,
                         status=status, topic=topic, since=since, until=until, outlet=outlet,
                         search=search)


F = Annotated[reads.Filters, Depends(filters)]
Limit = Annotated[int, Query(ge=1, le=reads.MAX_PAGE)]
Cursor = Annotated[str | None, Query(max_length=500)]
Order = Annotated[Literal["asc", "desc"], Query()]
# database ids are 64-bit: larger numbers are not ids (and would overflow SQLite)
RowId = Annotated[int, Path(ge=1, le=2**63 - 1)]


class PageOut(BaseModel):
    items: list[dict[str, Any]]
    next_cursor: str | None


def _paged(fn: Any, db: Session, f: reads.Filters) -> dict[str, Any]:
    try:
        return reads.page_dict(fn(db, f))
    except reads.CursorError as exc:
        raise HTTPException(400, str(exc)) from exc


def _found(item: dict[str, Any] | None, what: str) -> dict[str, Any]:
    if item is None:
        raise HTTPException(404, f"no such {what}")
    return item


@router.get("/documents", response_model=PageOut)
def documents(db: DB, f: F, limit: Limit = 50, cursor: Cursor = None,
              order: Order = "desc") -> dict[str, Any]:
    """Stored documents by publication date, newest first by default."""
    return _paged(Q.list_documents, db, reads.paged(f, limit, cursor, _date_order(order)))


@router.get("/documents/{doc_id}")
def document(db: DB, doc_id: str) -> dict[str, Any]:
    """One document in ``lagebild.document/1`` with the sources it was read from."""
    return _found(reads.get_document(db, doc_id), "document")


@router.get("/events", response_model=PageOut)
def events(db: DB, f: F, limit: Limit = 50, cursor: Cursor = None,
           order: Order = "asc") -> dict[str, Any]:
    """Events as extracted from single documents, sorted by date."""
    return _paged(Q.list_events, db, reads.paged(f, limit, cursor, _date_order(order)))


@router.get("/merged", response_model=PageOut)
def merged(db: DB, f: F, limit: Limit = 50, cursor: Cursor = None,
           order: Order = "asc") -> dict[str, Any]:
    """Merged events (``lagebild.merged/1``): each real-world event once, sorted by date."""
    return _paged(Q.list_merged, db, reads.paged(f, limit, cursor, _date_order(order)))


@router.get("/merged/{merged_id}")
def merged_event(db: DB, merged_id: RowId) -> dict[str, Any]:
    """One merged event with the evidence of every report merged into it."""
    return _found(Q.get_merged(db, merged_id), "merged event")


@router.get("/entities", response_model=PageOut)
def entities(db: DB, q: Text = None,
             type: Annotated[Literal["PER", "ORG", "GPE", "LOC", "EVENT", "MISC"] | None,
                             Query()] = None,
             limit: Limit = 50, cursor: Cursor = None) -> dict[str, Any]:
    """Entities, optionally by name or id and by type."""
    f = reads.Filters(actor=q, type=type, limit=limit, cursor=cursor)
    return _paged(Q.list_entities, db, f)


@router.get("/entities/{entity_id:path}")
def entity(db: DB, entity_id: str) -> dict[str, Any]:
    """One entity with its roles, events, quotes and most frequent counterparts."""
    return _found(reads.get_entity(db, entity_id), "entity")


@router.get("/quotes", response_model=PageOut)
def quotes(db: DB, f: F, limit: Limit = 50, cursor: Cursor = None) -> dict[str, Any]:
    """Quotes, newest first; ``speaker`` (or ``actor``) by name or id."""
    return _paged(Q.list_quotes, db, reads.paged(f, limit, cursor, "-date"))


@router.get("/stories", response_model=PageOut)
def stories(db: DB, f: F, limit: Limit = 50, cursor: Cursor = None) -> dict[str, Any]:
    """Stories: merged events grouped by shared actors, topics and time, newest first."""
    return _paged(Q.list_stories, db, reads.paged(f, limit, cursor, "-date"))


@router.get("/search")
def search(db: DB, q: Annotated[str, Query(min_length=1, max_length=reads.MAX_SEARCH_CHARS)],
           limit: Annotated[int, Query(ge=1, le=100)] = 20) -> dict[str, Any]:
    """Full-text search over news content, quotes and entity names."""
    return reads.search_all(db, q, limit)


@router.get("/timeline")
def timeline(db: DB, f: F,
             by: Annotated[Literal["day", "week", "month"], Query()] = "day"
             ) -> list[dict[str, Any]]:
    """Counts of merged events per day, week or month and type."""
    return reads.timeline(db, f, by)


@router.get("/network")
def network(db: DB, f: F, min_weight: Annotated[int, Query(ge=1, le=1000)] = 1
            ) -> dict[str, Any]:
    """The actor network: nodes and weighted edges per event type."""
    return reads.network(db, f, min_weight)


def _date_order(order: str) -> str:
    return "-date" if order == "desc" else "date"


class DocumentIn(BaseModel):
    text: str | None = Field(default=None, max_length=5_000_000)
    html: str | None = Field(default=None, max_length=5_000_000)
    published: str | None = Field(default=None, pattern=r"^\d{4}-\d{2}-\d{2}$")
    url: str | None = Field(default=None, max_length=2000)
    outlet: str | None = Field(default=None, max_length=200)
    title: str | None = Field(default=None, max_length=1000)

    @model_validator(mode="after")
    def _one_body(self) -> DocumentIn:
        if not (self.text or self.html):
            raise ValueError("give `text` or `html`")
        return self


@router.post("/documents", status_code=201, dependencies=[Depends(require_token)])
def create_document(request: Request, db: DB, body: DocumentIn) -> dict[str, Any]:
    """Run the pipeline on a text or HTML page and store the result (bearer token needed)."""
    from lagebild.api.writes import PipelineError, ingest_one

    try:
        doc_id, created = ingest_one(db, body.model_dump(),
                                     comments=request.app.state.store_comments)
    except PipelineError as exc:
        raise HTTPException(422, f"the document could not be processed: {exc}") from exc
    stored = reads.get_document(db, doc_id) or {}
    return {"doc_id": doc_id, "created": created,
            "events": len(stored.get("events", [])), "quotes": len(stored.get("quotes", [])),
            "entities": len(stored.get("entities", []))}

