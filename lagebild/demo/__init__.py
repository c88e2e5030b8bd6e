"""``lagebild demo``: ingest the bundled sample articles and print the merged timeline.

The samples are short German articles written for this project about real diplomatic events of
2025, with the page noise real pages carry (share prompts, captions, teasers, comments); one is
a syndicated copy of another. Each ``.txt`` has a ``.meta.json`` with outlet, URL, publication
date and headline.
"""

from __future__ import annotations

import json
from importlib import resources

from rich.console import Console
from rich.table import Table

from lagebild.ingest.base import document_from_text
from lagebild.model import Document


def sample_documents() -> list[Document]:
    """The bundled samples as Documents, in file-name order."""
    folder = resources.files("lagebild.demo") / "samples"
    docs = []
    for entry in sorted(folder.iterdir(), key=lambda p: p.name):
        if not entry.name.endswith(".txt"):
            continue
        meta_file = folder / entry.name.replace(".txt", ".meta.json")
        meta = json.loads(meta_file.read_text("utf-8")) if meta_file.is_file() else {}
        docs.append(document_from_text(
            entry.read_text("utf-8"), path=f"samples/{entry.name}", url=meta.get("url"),
            outlet=meta.get("outlet"), published=meta.get("published"),
            title=meta.get("title")))
    return docs


def run_demo(db: str = "sqlite:///lagebild.db", console: Console | None = None) -> None:
    from lagebild.store.commands import print_timeline
    from lagebild.store.db import make_session
    from lagebild.store.ingest import Ingester, IngestOptions
    from lagebild.store.queries import Filters, counts, list_documents, list_merged

    console = console or Console()
    session = make_session(db)
    docs = sample_documents()
    with (console.status(f"Ingesting {len(docs)} sample articles into {db} …"),
          Ingester(session, IngestOptions()) as ing):
        report = ing.run(docs)
    console.print(f"[bold]{len(docs)} sample articles[/bold]: {report.stored} new, "
                  f"{report.unchanged} already stored, {len(report.errors)} errors "
                  f"({report.seconds:.1f} s)")
    for err in report.errors:
        console.print(f"  [red]{err}[/red]", highlight=False)

    table = Table(title="Documents", show_lines=False)
    for h in ("published", "outlet", "title", "copy of"):
        table.add_column(h, overflow="fold")
    titles = {}
    for d in list_documents(session, Filters(limit=1000)).items:
        titles[d["doc_id"]] = d["title"] or d["doc_id"][:12]
    for d in sorted(list_documents(session, Filters(limit=1000)).items,
                    key=lambda d: (d["published"] or "", d["outlet"] or "")):
        dup = titles.get(d["duplicate_of"], "") if d["duplicate_of"] else ""
        table.add_row(d["published"] or "?", d["outlet"] or "?", d["title"] or "", dup)
    console.print(table)

    merged = list_merged(session, Filters(limit=1000)).items
    merged.sort(key=lambda m: (m["date"]["start"] or m["first_reported"] or "", m["row_id"]))
    if merged:
        print_timeline(merged, title="Merged timeline (each real-world event once)",
                       console=console)
    else:
        console.print("[yellow]No events were extracted from the samples[/yellow] (the event "
                      "stage produced none), so the merged timeline is empty.")
    c = counts(session)
    console.print(f"Database {db}: {c['documents']} documents ({c['duplicates']} near-duplicates), "
                  f"{c['events']} events → {c['merged_events']} merged events, "
                  f"{c['stories']} stories, {c['quotes']} quotes, {c['entities']} entities.")
    console.print("Try: lagebild merged --format json | lagebild timeline --actor Putin | "
                  "lagebild export --format graphml --out netz.graphml")
