"""``lagebild serve``: the HTTP API and the web UI."""

from __future__ import annotations

import os

import typer

from lagebild.store.db import DEFAULT_DB


def serve(
    db: str = typer.Option(DEFAULT_DB, "--db", help="Database URL (sqlite:///… or postgresql+psycopg://…)."),
    host: str = typer.Option("127.0.0.1", "--host"),
    port: int = typer.Option(8000, "--port", min=1, max=65535),
    show_commenter_names: bool = typer.Option(
        False, "--show-commenter-names", help="Do not redact reader-comment authors in the UI."),
) -> None:
    """Serve the API (OpenAPI at /docs) and the web UI. Writes need LAGEBILD_API_TOKEN."""
    import uvicorn

    from lagebild.api.app import create_app

    app = create_app(db, api_token=os.environ.get("LAGEBILD_API_TOKEN"),
                     redact_commenters=not show_commenter_names)
    uvicorn.run(app, host=host, port=port, log_level="info")


def register(app: typer.Typer) -> None:
    app.command("serve")(serve)
