"""Command ``lagebild timex``: tag and resolve the time expressions of a text."""

from __future__ import annotations

import json
from datetime import date

import typer


def register(app: typer.Typer) -> None:
    """Add this stage's commands to the ``lagebild`` app."""

    @app.command("timex")
    def timex_cmd(
        text: str = typer.Argument(..., help="the text to tag"),
        anchor: str = typer.Option(None, "--anchor", help="publication date YYYY-MM-DD"),
        lang: str = typer.Option("de", "--lang", help="de, en or both (de+en)"),
        history: bool = typer.Option(
            False, "--history", help="resolve relative expressions against the text's own "
            "previous date (narratives) instead of the anchor"),
    ) -> None:
        """Print the time expressions of TEXT as a JSON array."""
        from lagebild.timex import extract

        try:
            day = date.fromisoformat(anchor) if anchor else None
        except ValueError:
            typer.echo(f"--anchor must be YYYY-MM-DD, not {anchor!r}", err=True)
            raise typer.Exit(2) from None
        langs = ("de", "en") if lang in ("both", "de+en") else (lang,)
        if any(x not in ("de", "en") for x in langs):
            typer.echo(f"--lang must be de, en or both, not {lang!r}", err=True)
            raise typer.Exit(2)
        out = [{"text": t.text, "start": t.start, "end": t.end, "type": t.type,
                "value": t.value, "precision": t.precision}
               for t in extract(text, day, langs, history=history)]
        typer.echo(json.dumps(out, ensure_ascii=False))
