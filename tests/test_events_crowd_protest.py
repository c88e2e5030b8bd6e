""""protestieren gegen": a crowd demonstrates (PROTEST), a government objects (ACCUSE)."""

from __future__ import annotations

import pytest

from lagebild.model import Event
from tests.events_helpers import pipeline_doc


def _events(text: str) -> list[Event]:
    return pipeline_doc(text, published="2025-02-19").events


@pytest.mark.parametrize("text", [
    "In Minsk protestierten am Sonntag Tausende Anhänger der Opposition gegen Lukaschenko.",
    "Studenten protestierten in Belgrad gegen Vučić.",
    "Demonstranten protestierten am Abend gegen die Regierung in Tiflis.",
])
def test_a_crowd_protesting_against_someone_demonstrates(text: str) -> None:
    found = _events(text)
    assert [(e.type, e.mode) for e in found] == [("PROTEST", "demo")], found
    assert found[0].recipients, "the target of the protest is its other side"


def test_a_ministry_protesting_against_sanctions_objects() -> None:
    # near miss: the same verb with a state body as subject is a verbal protest
    found = _events("Das Außenministerium in Moskau protestierte scharf gegen die Sanktionen "
                    "der EU.")
    assert [(e.type, e.mode) for e in found] == [("ACCUSE", "disapprove")]
