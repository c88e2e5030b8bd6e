"""Commands of the ingest stage: ``extract`` (files, directories, stdin) and ``fetch`` (URLs)."""

from __future__ import annotations

import re
import sys
from collections.abc import Iterable

import typer

from lagebild.ingest.base import DEFAULT_MAX_BYTES, IngestError
from lagebild.model import Document

EXIT_SOME_FAILED = 3
LANG = re.compile(r"^[a-z]{2}$")


def _check_date(value: str | None) -> str | None:
    if value is None:
        return None
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        raise typer.BadParameter("expected a date YYYY-MM-DD", param_hint="--published")
    return value


def _check_lang(value: str | None) -> str | None:
    if value is not None and not LANG.match(value):
        raise typer.BadParameter("expected a two-letter language code, e.g. de",
                                 param_hint="--lang")
    return value


def _error(path: str, message: str) -> None:
    sys.stderr.write(f"lagebild: error: {path}: {message}\n")
    sys.stderr.flush()


def _emit(doc: Document, pretty: bool) -> None:
    if pretty:
        from lagebild.ingest.pretty import print_document

        print_document(doc)
        return
    sys.stdout.write(doc.to_json() + "\n")
    sys.stdout.flush()


def run_items(items: Iterable[Document | IngestError], *, lang: str | None,
              pretty: bool) -> int:
    """Process and print every document; errors go to stderr. Returns the number of failures."""
    from lagebild.pipeline import process

    failures = 0
    for item in items:
        if isinstance(item, IngestError):
            _error(item.path, item.message)
            failures += 1
            continue
        if lang:
            item.language = lang
        name = item.source.path or item.source.url or "-"
        try:
            doc = process(item)
        except Exception as exc:  # one document's failure must not stop the batch
            _error(name, f"processing failed: {type(exc).__name__}: {exc}")
            failures += 1
            continue
        _emit(doc, pretty)
    return failures


def extract(
    paths: list[str] = typer.Argument(
        ..., metavar="PATH...", help="Files or directories to read (recursively); '-' is stdin."
    ),
    published: str | None = typer.Option(
        None, "--published", metavar="DATE", callback=_check_date,
        help="Publication date YYYY-MM-DD for all.",
    ),
    lang: str | None = typer.Option(
        None, "--lang", metavar="LANG", callback=_check_lang,
        help="Language code; skips detection.",
    ),
    max_bytes: int = typer.Option(
        DEFAULT_MAX_BYTES, "--max-bytes", metavar="N", min=1,
        help="Read at most this many bytes per text.",
    ),
    pretty: bool = typer.Option(False, "--pretty", help="Human-readable view, not JSON Lines."),
) -> None:
    """Extract documents as lagebild.document/1 JSON Lines (stdout); errors go to stderr."""
    from lagebild.ingest.base import iter_documents

    items = iter_documents(paths, published=published, max_bytes=max_bytes)
    failures = run_items(items, lang=lang, pretty=pretty)
    raise typer.Exit(EXIT_SOME_FAILED if failures else 0)


def fetch(
    urls: list[str] = typer.Argument(..., metavar="URL...", help="http(s) URLs of news pages."),
    published: str | None = typer.Option(None, "--published", callback=_check_date),
    lang: str | None = typer.Option(None, "--lang", callback=_check_lang),
    max_bytes: int = typer.Option(DEFAULT_MAX_BYTES, "--max-bytes", min=1),
    timeout: float = typer.Option(20.0, "--timeout", min=0.1, help="Seconds per request."),
    pretty: bool = typer.Option(False, "--pretty"),
) -> None:
    """Fetch pages (robots.txt respected) and extract them like ``extract``."""
    from lagebild.ingest.fetch import fetch_document

    items = (fetch_document(u, max_bytes=max_bytes, timeout=timeout, published=published)
             for u in urls)
    failures = run_items(items, lang=lang, pretty=pretty)
    raise typer.Exit(EXIT_SOME_FAILED if failures else 0)


def register(app: typer.Typer) -> None:
    """Add this stage's commands to the ``lagebild`` app."""
    app.command("extract")(extract)
    app.command("fetch")(fetch)
