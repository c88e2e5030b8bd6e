"""A sentence without a place of its own continues the scene of its paragraph."""

from __future__ import annotations

from lagebild.model import Document, Event
from tests.events_helpers import pipeline_doc

PROTEST = "In Minsk demonstrierten am Sonntag Tausende Anhänger der Opposition."


def _doc(text: str) -> Document:
    return pipeline_doc(text, published="2025-02-19")


def _first(doc: Document, etype: str) -> Event:
    found = [e for e in doc.events if e.type == etype]
    assert found, f"no {etype} in {[e.type for e in doc.events]}"
    return found[0]


def _place(doc: Document, surface: str) -> str:
    return next(e.id for e in doc.entities if any(m.text == surface for m in e.mentions))


def test_arrests_continue_the_protest_scene_of_their_paragraph() -> None:
    doc = _doc(PROTEST + " Polizisten nahmen Hunderte Demonstranten fest.")
    minsk = _place(doc, "Minsk")
    assert _first(doc, "PROTEST").location == minsk
    assert _first(doc, "COERCE").location == minsk


def test_a_new_paragraph_sets_a_new_scene() -> None:
    # near miss: the same sentences with a paragraph break between them
    doc = _doc(PROTEST + "\n\nPolizisten nahmen Hunderte Demonstranten fest.")
    assert _first(doc, "COERCE").location is None


def test_the_sentence_own_place_wins_over_the_scene() -> None:
    doc = _doc(PROTEST + " In Grodno nahmen Polizisten Hunderte Demonstranten fest.")
    assert _first(doc, "COERCE").location == _place(doc, "Grodno")


def test_a_verbal_event_takes_no_scene() -> None:
    # an accusation is not placed where the protest was
    doc = _doc(PROTEST + " Lukaschenko warf den Demonstranten Verrat vor.")
    assert _first(doc, "ACCUSE").location is None


def test_a_meeting_continues_the_venue_but_a_phone_call_sets_none() -> None:
    met = _doc("Sybiha traf am Montag in Genf Fidan. Anschließend kam er mit Cassis zusammen.")
    meetings = [e for e in met.events if e.type == "CONSULT"]
    assert len(meetings) == 2 and {e.location for e in meetings} == {_place(met, "Genf")}
    called = _doc("Sybiha telefonierte am Montag mit Fidan. Anschließend kam er mit Cassis "
                  "zusammen.")
    assert all(e.location is None for e in called.events if e.type == "CONSULT")
