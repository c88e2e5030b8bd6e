"""``lagebild kb lookup NAME [--date D]``: knowledge-base candidates and their roles."""

from __future__ import annotations

from datetime import date

import typer

kb_app = typer.Typer(help="Knowledge base of persons, organisations, states and places.")


@kb_app.command("lookup")
def lookup_command(
    name: str = typer.Argument(..., help="A name or alias, e.g. Selenskyj, Kreml, Rom."),
    on: str | None = typer.Option(None, "--date", help="ISO date: show roles held that day."),
    kb_path: list[str] = typer.Option(  # noqa: B006 - typer needs a list default
        [], "--kb-path", help="Extra knowledge directory (like LAGEBILD_KB_PATH); repeatable."),
) -> None:
    """Show every entity the name can refer to, with roles (held on --date, or all)."""
    from lagebild.kb.index import build_index, get_index, set_index
    from lagebild.kb.loader import KBError

    if kb_path:
        try:
            set_index(build_index(extra=kb_path))
        except KBError as exc:
            typer.echo(f"error: {exc}", err=True)
            raise typer.Exit(2) from None

    try:
        day = date.fromisoformat(on) if on else None
    except ValueError:
        typer.echo(f"error: --date {on!r} is not an ISO date (YYYY-MM-DD)", err=True)
        raise typer.Exit(2) from None
    ents = get_index().lookup(name)
    if not ents:
        typer.echo(f"no entity named {name!r}")
        raise typer.Exit(1)
    for ent in sorted(ents, key=lambda e: (e.type != "PER", -e.population)):
        where = f" {ent.country}" if ent.country else ""
        typer.echo(f"{ent.id}\t{ent.type}\t{ent.name}{where}\t({ent.kb}, {ent.kind or '-'})")
        roles = ent.roles_on(day) if day else ent.roles
        for r in roles:
            span = f"{r.start or '?'} – {r.end or 'today'}"
            typer.echo(f"    {r.title_en or r.title_de} [{r.key} @ {r.org}] {span}")


def register(app: typer.Typer) -> None:
    """Add this stage's commands to the ``lagebild`` app."""
    app.add_typer(kb_app, name="kb")
