"""The FastAPI application: JSON API under /api, the web UI at /, OpenAPI at /docs."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from contextlib import AbstractContextManager
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.staticfiles import StaticFiles
from sqlalchemy.orm import Session, sessionmaker
from starlette.responses import Response

from lagebild import __version__
from lagebild.api import problems, routes
from lagebild.api.security import SecurityHeaders
from lagebild.store.db import get_engine

MAX_BODY_BYTES = 6_000_000
STATIC = Path(__file__).resolve().parent.parent / "web" / "static"


def create_app(db_url: str, *, api_token: str | None = None, redact_commenters: bool = True,
               store_comments: str = "keep") -> FastAPI:
    """An app reading (and, with a token, writing) the store at ``db_url``."""
    app = FastAPI(title="lagebild", version=__version__,
                  description="Events, quotes and actors of Russia–Ukraine diplomacy from news.")
    engine = get_engine(db_url)
    maker = sessionmaker(engine, expire_on_commit=False)
    app.state.sessions = lambda: _closing(maker)
    app.state.api_token = api_token
    app.state.redact_commenters = redact_commenters
    app.state.store_comments = store_comments
    problems.install(app)
    app.add_middleware(SecurityHeaders)
    app.middleware("http")(_limit_body)
    app.include_router(routes.router)
    from lagebild.web.views import router as web_router

    app.include_router(web_router)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    return app


def _closing(maker: sessionmaker[Session]) -> AbstractContextManager[Session]:
    return maker()


async def _limit_body(request: Request,
                      call_next: Callable[[Request], Awaitable[Response]]) -> Response:
    """Refuse request bodies over the size limit before reading them."""
    length = request.headers.get("content-length")
    if length is not None and (not length.isdigit() or int(length) > MAX_BODY_BYTES):
        return problems.problem(413, f"request body over {MAX_BODY_BYTES} bytes")
    if request.method in ("POST", "PUT", "PATCH") and length is None:
        return problems.problem(411, "a Content-Length header is required")
    return await call_next(request)
