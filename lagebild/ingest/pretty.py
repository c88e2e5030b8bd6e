"""A human-readable view of one document (``extract --pretty``)."""

from __future__ import annotations

from rich.console import Console
from rich.table import Table
from rich.text import Text

from lagebild.model import Document

ROLE_STYLE = {"title": "bold", "body": "none", "caption": "cyan", "chrome": "dim",
              "teaser": "magenta", "comment": "yellow", "disclaimer": "dim italic"}


def print_document(doc: Document, console: Console | None = None) -> None:
    console = console or Console(soft_wrap=False)
    source = doc.source.path or doc.source.url or "-"
    console.rule(Text(doc.title or "(no title)", style="bold"))
    console.print(Text(f"source: {source}   language: {doc.language}   "
                  f"published: {doc.published.value} ({doc.published.origin})"))
    if doc.flags:
        console.print(Text(f"flags: {', '.join(doc.flags)}"))
    for seg in doc.segments:
        text = " ".join(seg.text.split())
        short = text if len(text) <= 110 else text[:107] + "…"
        console.print(Text(f"{seg.role:>10}  {short}", style=ROLE_STYLE[seg.role]))
    if doc.entities:
        console.print(Text("entities: " + ", ".join(f"{e.name} ({e.type})" for e in doc.entities)))
    if doc.events:
        table = Table("type", "mode", "actors", "date", "evidence")
        for ev in doc.events:
            table.add_row(ev.type, ev.mode or "", ", ".join(ev.actors), ev.date.value or "",
                          ev.evidence.text[:60])
        console.print(table)
    console.print(f"quotes: {len(doc.quotes)}   events: {len(doc.events)}")
