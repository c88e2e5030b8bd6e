"""The ``lagebild`` command line.

Each stage folder that offers commands has a ``commands`` module with ``register(app)``; this
module only assembles them, so a stage adds commands without editing the others.
"""

from __future__ import annotations

import importlib

import typer

from lagebild import __version__

COMMAND_MODULES: tuple[str, ...] = (
    "lagebild.ingest.commands",  # extract, fetch
    "lagebild.eval.commands",  # eval
    "lagebild.kb.commands",  # kb lookup
    "lagebild.timex.commands",  # timex
    "lagebild.store.commands",  # ingest, watch, reprocess, delete, queries, export, demo
    "lagebild.api.commands",  # serve
)

app = typer.Typer(
    name="lagebild",
    help="Who met, called, visited, agreed with, demanded from or attacked whom, from news pages.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"lagebild {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: bool = typer.Option(False, "--version", callback=_version, is_eager=True),
) -> None:
    """lagebild reads news pages and answers who did what to whom, when, where."""


for _module in COMMAND_MODULES:
    importlib.import_module(_module).register(app)


def main() -> None:
    app()
