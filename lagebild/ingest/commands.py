"""Commands of this stage (none yet)."""

import typer


def register(app: typer.Typer) -> None:
    """Add this stage's commands to the ``lagebild`` app."""
