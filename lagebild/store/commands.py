"""Commands of the store: ingest, watch, reprocess, delete, queries, timeline, export, demo."""

from __future__ import annotations

import csv
import hashlib
import io
import json
import os
import sys
import time
from enum import StrEnum
from pathlib import Path
from typing import Any

import typer
from rich.console import Console
from rich.table import Table

from lagebild.store.db import DEFAULT_DB

DB_OPT = typer.Option(DEFAULT_DB, "--db", help="Database URL (sqlite:///file.db or "
                      "postgresql+psycopg://user@host/db).", envvar="LAGEBILD_DB")


class Fmt(StrEnum):
    table = "table"
    json = "json"
    csv = "csv"


class Comments(StrEnum):
    keep = "keep"
    redact = "redact"
    drop = "drop"


class StoreText(StrEnum):
    full = "full"
    snippets = "snippets"


class ExportFmt(StrEnum):
    jsonl = "jsonl"
    csv = "csv"
    parquet = "parquet"
    plover = "plover"
    graphml = "graphml"


def _session(db: str):  # type: ignore[no-untyped-def]
    from lagebild.store.db import make_session

    return make_session(db)


# --- output ------------------------------------------------------------------------------------

# columns shown for each kind of record in table/csv output: (header, getter)
def _names(rec: dict[str, Any], key: str) -> str:
    names = rec.get("names", {})
    return ", ".join(names.get(x, x) for x in rec.get(key, []))


COLUMNS: dict[str, list[tuple[str, Any]]] = {
    "events": [
        ("date", lambda r: r["date"]["value"] or ""), ("type", lambda r: r["type"]),
        ("mode", lambda r: r["mode"] or ""), ("status", lambda r: r["status"]),
        ("actors", lambda r: ", ".join(r["actor_names"])),
        ("recipients", lambda r: ", ".join(r["recipient_names"])),
        ("place", lambda r: r["location_name"] or ""), ("topics", lambda r: ", ".join(r["topics"])),
        ("outlet", lambda r: r["outlet"] or ""), ("evidence", lambda r: r["evidence"]["text"]),
        ("doc_id", lambda r: r["doc_id"][:12]),
    ],
    "merged": [
        ("date", lambda r: r["date"]["value"] or ""), ("type", lambda r: r["type"]),
        ("mode", lambda r: r["mode"] or ""), ("status", lambda r: r["status"]),
        ("actors", lambda r: _names(r, "actors")),
        ("recipients", lambda r: _names(r, "recipients")),
        ("place", lambda r: r["names"].get(r["location"], "") if r["location"] else ""),
        ("topics", lambda r: ", ".join(r["topics"])), ("docs", lambda r: r["n_documents"]),
        ("sources", lambda r: r["n_sources"]), ("outlets", lambda r: ", ".join(r["outlets"])),
        ("first_reported", lambda r: r["first_reported"] or ""), ("id", lambda r: r["id"]),
    ],
    "quotes": [
        ("published", lambda r: r["published"] or ""),
        ("speaker", lambda r: r["speaker_name"] or r["speaker_text"] or ""),
        ("kind", lambda r: r["kind"]), ("text", lambda r: r["text"]),
        ("outlet", lambda r: r["outlet"] or ""), ("doc_id", lambda r: r["doc_id"][:12]),
    ],
    "entities": [
        ("id", lambda r: r["id"]), ("name", lambda r: r["name"]), ("type", lambda r: r["type"]),
        ("documents", lambda r: r["n_documents"]), ("events", lambda r: r["n_events"]),
    ],
    "stories": [
        ("start", lambda r: r["start"] or ""), ("end", lambda r: r["end"] or ""),
        ("title", lambda r: r["title"]), ("events", lambda r: r["n_events"]),
        ("documents", lambda r: len(r["doc_ids"])), ("actors", lambda r: _names(r, "actors")),
        ("id", lambda r: r["id"]),
    ],
}


def emit(kind: str, items: list[dict[str, Any]], fmt: Fmt, title: str | None = None) -> None:
    """Print records as a Rich table, one JSON array, or CSV."""
    if fmt == Fmt.json:
        sys.stdout.write(json.dumps(items, ensure_ascii=False, indent=1) + "\n")
        return
    cols = COLUMNS[kind]
    if fmt == Fmt.csv:
        buf = io.StringIO()
        w = csv.writer(buf)
        w.writerow([h for h, _ in cols])
        for it in items:
            w.writerow([get(it) for _, get in cols])
        sys.stdout.write(buf.getvalue())
        return
    table = Table(title=title or kind, show_lines=False)
    for h, _ in cols:
        table.add_column(h, overflow="fold", max_width=60 if h in ("evidence", "text") else None)
    for it in items:
        table.add_row(*[str(get(it)) for _, get in cols])
    Console().print(table)


def _filters(**kw: Any):  # type: ignore[no-untyped-def]
    from lagebild.store.queries import Filters

    return Filters(**{k: v for k, v in kw.items() if v is not None})


# --- ingest ------------------------------------------------------------------------------------


def _ingest_progress():  # type: ignore[no-untyped-def]
    from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    return Progress(SpinnerColumn(), TextColumn("{task.fields[stats]}"), TimeElapsedColumn(),
                    console=Console(stderr=True), transient=False)


def _report_stats(r: Any) -> str:
    return (f"{r.stored} stored, {r.new_sources} new sources, {r.unchanged} unchanged, "
            f"{r.duplicates} near-duplicates, {len(r.errors)} errors, "
            f"{r.docs_per_second:.1f} docs/s")


def _print_report(r: Any) -> None:
    console = Console(stderr=True)
    console.print(f"[bold]done[/bold]: {r.seen} inputs, {_report_stats(r)}; "
                  f"{r.merged} merged events, {r.stories} stories ({r.seconds:.1f} s)")
    if r.errors:
        console.print(f"[red]{len(r.errors)} errors[/red] (also in the errors table):")
        for e in r.errors[:20]:
            console.print(f"  {e}", markup=False, highlight=False)
        if len(r.errors) > 20:
            console.print(f"  … and {len(r.errors) - 20} more")


def register(app: typer.Typer) -> None:  # noqa: C901 - one place that lists the commands
    """Add this stage's commands to the ``lagebild`` app."""

    @app.command()
    def ingest(
        paths: list[str] = typer.Argument(..., help="Files, folders, URLs, feeds, WARCs."),
        db: str = DB_OPT,
        workers: int = typer.Option(1, "--workers", "-w", min=1, help="Extraction processes."),
        comments: Comments = typer.Option(Comments.keep, help="Reader comments: keep, redact "
                                          "(remove commenter names) or drop."),
        store_text: StoreText = typer.Option(StoreText.full, "--store-text"),
        published: str | None = typer.Option(None, help="Publication date (ISO) for all."),
        no_merge: bool = typer.Option(False, "--no-merge", help="Skip merging at the end."),
    ) -> None:
        """Extract and store documents (idempotent, resumable, one commit per document)."""
        from lagebild.store.ingest import IngestOptions, ingest_paths

        opts = IngestOptions(workers=workers, comments=comments.value,
                             text_mode=store_text.value, published=published,
                             merge=not no_merge)
        session = _session(db)
        with _ingest_progress() as progress:
            task = progress.add_task("ingest", stats="starting …")
            report = ingest_paths(session, paths, opts, lambda r: progress.update(
                task, stats=f"{r.stored} stored · {r.new_sources} new sources · "
                            f"{len(r.errors)} errors · {r.docs_per_second:.1f} docs/s"))
        _print_report(report)

    @app.command()
    def watch(
        paths: list[str] = typer.Argument(..., help="Folders or feed URLs to poll."),
        db: str = DB_OPT,
        interval: float = typer.Option(300.0, help="Seconds between polls."),
        once: bool = typer.Option(False, help="Poll once and exit."),
        comments: Comments = typer.Option(Comments.keep),
        store_text: StoreText = typer.Option(StoreText.full, "--store-text"),
    ) -> None:
        """Poll folders and feeds; ingest only what is new."""
        from lagebild.store.ingest import IngestOptions, ingest_paths

        opts = IngestOptions(comments=comments.value, text_mode=store_text.value)
        session = _session(db)
        console = Console(stderr=True)
        while True:
            new, marks = _unseen(session, paths)
            if new:
                report = ingest_paths(session, new, opts)
                _mark_seen(session, marks)
                console.print(f"{time.strftime('%H:%M:%S')} {len(new)} new: "
                              f"{_report_stats(report)}")
            if once:
                return
            time.sleep(interval)

    @app.command()
    def reprocess(
        db: str = DB_OPT,
        since: str | None = typer.Option(None, help="Only documents ingested since (ISO)."),
    ) -> None:
        """Re-run extraction on stored documents (after a KB or rule update), no refetch."""
        from lagebild.store.ingest import reprocess as run

        _print_report(run(_session(db), since))

    @app.command()
    def delete(
        db: str = DB_OPT,
        doc: list[str] = typer.Option(None, "--doc", help="Document id (repeatable)."),
        outlet: str | None = typer.Option(None, "--outlet", help="Delete an outlet's records."),
    ) -> None:
        """Delete documents (and everything extracted from them) by id or by outlet."""
        from lagebild.store.merging import rebuild
        from lagebild.store.writer import Writer

        if not doc and not outlet:
            raise typer.BadParameter("give --doc ID or --outlet NAME")
        session = _session(db)
        w = Writer(session)
        n = w.delete_documents(list(doc or []))
        kept = 0
        if outlet:
            m, kept = w.delete_outlet(outlet)
            n += m
        rebuild(session)
        typer.echo(f"deleted {n} documents" + (f"; {kept} kept (other outlets carry them)"
                                                if kept else ""))

    def _query_command(kind: str, fn_name: str, doc: str) -> None:
        def command(
            db: str = DB_OPT,
            actor: str | None = typer.Option(None, help="Entity id or name."),
            speaker: str | None = typer.Option(None, help="Quote speaker (id or name)."),
            place: str | None = typer.Option(None, help="Event location (id or name)."),
            type: str | None = typer.Option(None, "--type", help="PLOVER event type."),
            mode: str | None = typer.Option(None),
            status: str | None = typer.Option(None),
            topic: str | None = typer.Option(None),
            since: str | None = typer.Option(None, help="ISO date."),
            until: str | None = typer.Option(None, help="ISO date."),
            outlet: str | None = typer.Option(None),
            search: str | None = typer.Option(None, help="Full-text search in news text."),
            limit: int = typer.Option(100, min=1, max=1000),
            cursor: str | None = typer.Option(None, help="Continue after a previous page."),
            format: Fmt = typer.Option(Fmt.table, "--format"),
        ) -> None:
            from lagebild.store import queries

            f = _filters(actor=actor, speaker=speaker, place=place, type=type, mode=mode,
                         status=status, topic=topic, since=since, until=until, outlet=outlet,
                         search=search, limit=limit, cursor=cursor)
            page = getattr(queries, fn_name)(_session(db), f)
            emit(kind, page.items, format)
            if page.next_cursor and format == Fmt.table:
                Console(stderr=True).print(f"more: --cursor {page.next_cursor}")

        command.__doc__ = doc
        app.command(name=kind)(command)

    _query_command("events", "list_events", "Events as extracted from each document.")
    _query_command("merged", "list_merged", "Merged events: each real-world event once.")
    _query_command("quotes", "list_quotes", "Quotes (direct and reported speech).")
    _query_command("entities", "list_entities", "Entities with document and event counts.")
    _query_command("stories", "list_stories", "Stories: merged events grouped over time.")

    @app.command()
    def timeline(
        actor: str = typer.Option(..., help="Entity id or name."),
        db: str = DB_OPT,
        since: str | None = typer.Option(None),
        until: str | None = typer.Option(None),
        type: str | None = typer.Option(None, "--type"),
        format: Fmt = typer.Option(Fmt.table, "--format"),
    ) -> None:
        """A dated timeline of the merged events an actor took part in."""
        from lagebild.store.queries import timeline as run

        items = run(_session(db), actor, _filters(since=since, until=until, type=type))
        if format != Fmt.table:
            emit("merged", items, format)
            return
        print_timeline(items, title=f"Timeline: {actor}")

    @app.command()
    def export(
        db: str = DB_OPT,
        format: ExportFmt = typer.Option(..., "--format"),
        out: Path = typer.Option(..., "--out"),
        outlet: str | None = typer.Option(None),
        since: str | None = typer.Option(None),
        until: str | None = typer.Option(None),
    ) -> None:
        """Export documents (jsonl), events (csv, parquet, plover) or the actor network
        (graphml, for Gephi)."""
        from lagebild.store.export import export as run

        n = run(_session(db), format.value, out, _filters(outlet=outlet, since=since,
                                                             until=until))
        typer.echo(f"wrote {n} records to {out}")

    @app.command()
    def errors(db: str = DB_OPT, limit: int = typer.Option(50)) -> None:
        """Inputs that could not be read, extracted or stored."""
        from lagebild.store.queries import list_errors

        for e in list_errors(_session(db), limit):
            typer.echo(f"{e['at']} [{e['stage']}] {e['path']}: {e['message']}")

    @app.command()
    def demo(db: str = typer.Option("sqlite:///lagebild.db", "--db")) -> None:
        """Ingest the bundled sample articles into ./lagebild.db and show the merged timeline."""
        from lagebild.demo import run_demo

        run_demo(db)


def print_timeline(items: list[dict[str, Any]], title: str = "Timeline",
                   console: Console | None = None) -> None:
    """A readable, dated list of merged events: what, who, how many sources, first evidence."""
    from rich.markup import escape

    console = console or Console()
    console.rule(f"[bold]{escape(title)}[/bold]")
    if not items:
        console.print("(no events)")
    for m in items:
        names = m.get("names", {})
        who = ", ".join(names.get(x, x) for x in m["actors"])
        if m["recipients"]:
            who += " → " + ", ".join(names.get(x, x) for x in m["recipients"])
        what = m["type"] + (f"/{m['mode']}" if m["mode"] else "")
        if m["location"]:
            what += f" in {names.get(m['location'], m['location'])}"
        history = [h["status"] for h in m.get("status_history", [])]
        status = m["status"] if m["status"] != "occurred" else ""
        if m["status"] == "occurred" and "planned" in history:
            status = "planned, then held"
        date = m["date"]["value"] or f"~{m['first_reported']}"
        console.print(f"[bold cyan]{date:<10}[/bold cyan]  [bold]{escape(what)}[/bold]"
                      + (f"  [yellow]({status})[/yellow]" if status else "")
                      + (f"  [dim]{', '.join(m['topics'])}[/dim]" if m["topics"] else ""))
        console.print(f"{'':12}{escape(who)}", highlight=False)
        copies = f", {m['n_copies']} copies" if m.get("n_copies") else ""
        console.print(f"{'':12}[dim]{m['n_documents']} documents{copies} · {m['n_outlets']} "
                      f"outlets: {escape(', '.join(m['outlets']))} · first reported "
                      f"{m['first_reported']}[/dim]", highlight=False)
        if m["evidence"]:
            text = " ".join(m["evidence"][0]["text"].split())
            console.print(f"{'':12}[italic]„{escape(text[:240])}“[/italic]", highlight=False)
        console.print()


def _unseen(session: Any, paths: list[str]) -> tuple[list[str], list[tuple[str, str]]]:
    """Files (by path, size and mtime) and feed URLs not yet seen, and their seen-marks."""
    from lagebild.store import schema as S

    new: list[str] = []
    marks: list[tuple[str, str]] = []
    for p in paths:
        if "://" in p:
            new.append(p)  # a feed is re-read each poll; stored items are no-ops
            continue
        files = [p] if os.path.isfile(p) else sorted(
            str(x) for x in Path(p).rglob("*") if x.is_file() and not x.name.startswith(".")
            and not x.name.endswith(".meta.json"))  # sidecars travel with their document
        for fp in files:
            st = os.stat(fp)
            what = f"{fp}|{st.st_size}|{st.st_mtime_ns}"
            key = hashlib.sha256(what.encode()).hexdigest()
            if session.get(S.SeenRow, key) is None:
                marks.append((key, what))
                new.append(fp)
    return new, marks


def _mark_seen(session: Any, marks: list[tuple[str, str]]) -> None:
    """Marked only after the ingest, so an interrupted poll is retried."""
    from lagebild.store import schema as S
    from lagebild.store.writer import now

    for key, what in marks:
        if session.get(S.SeenRow, key) is None:
            session.add(S.SeenRow(key=key, what=what, seen_at=now()))
    session.commit()
