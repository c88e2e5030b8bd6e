"""Public API of the knowledge base for other stages (contract; filled by the kb stage)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date


@dataclass(frozen=True)
class RoleSpan:
    title: str  # e.g. "President of the United States"
    start: date | None
    end: date | None  # first day no longer in office


@dataclass(frozen=True)
class PersonRoles:
    id: str
    name: str
    roles: tuple[RoleSpan, ...] = field(default_factory=tuple)
    # True when the text names the person together with one of these role titles
    # ("US-Präsident Trump"), which pins the date far more than a bare name does.
    titled: bool = False


def persons_in_text(text: str) -> list[PersonRoles]:
    """KB persons named in ``text`` with their dated roles (used for publication-date inference)."""
    return []
