"""Event dates from the paragraph's narrative time, and the state as actor of agentless
coercion, on sentences written for these tests."""

# ruff: noqa: E501  (test sentences read best on one line)
from __future__ import annotations

from lagebild import timex
from lagebild.events import run
from tests.events_helpers import make_doc, of_type

E = {
    "fi": ("GPE", ["Finnland"]),
    "ee": ("GPE", ["Estland"]),
    "stubb": ("PER", ["Alexander Stubb", "Stubb"]),
    "karis": ("PER", ["Alar Karis", "Karis"]),
}


def _events(text: str):
    doc = make_doc(text, E, published="2025-03-14")  # a Friday
    timex.run(doc)
    return run(doc).events


def test_sentence_without_date_takes_the_day_of_the_sentence_before():
    events = _events("Am Mittwoch traf Stubb in Helsinki mit Karis zusammen. Dabei telefonierte Stubb auch mit Estland.")
    phone = [e for e in of_type(events, "CONSULT") if e.mode == "phone"]
    assert phone, [(e.type, e.mode, e.actors) for e in events]
    assert phone[0].date.value == "2025-03-12" and phone[0].date.origin == "text"


def test_a_paragraph_break_ends_the_narrative_time():
    events = _events("Am Mittwoch traf Stubb in Helsinki mit Karis zusammen.\n\nStubb telefonierte mit Estland.")
    phone = [e for e in of_type(events, "CONSULT") if e.mode == "phone"]
    assert phone, [(e.type, e.mode, e.actors) for e in events]
    assert phone[0].date.origin == "publication" and phone[0].date.value == "2025-03-14"


def test_own_time_expression_wins_over_the_neighbour():
    events = _events("Am Mittwoch traf Stubb in Helsinki mit Karis zusammen. Am Donnerstag telefonierte Stubb mit Estland.")
    phone = [e for e in of_type(events, "CONSULT") if e.mode == "phone"]
    assert phone and phone[0].date.value == "2025-03-13"


# --- the state, not its city, as the actor of an agentless arrest ---------------------------
BY = {"Q184": ("GPE", ["Belarus"]), "Q2280": ("GPE", ["Minsk"])}


def test_agentless_arrest_is_by_the_state_of_the_city():
    text = ("Belarus steht seit Wochen unter Druck. In Minsk gingen erneut Tausende auf die Straße. "
            "Die Lage in Minsk blieb angespannt. In Minsk wurden am Montag drei Oppositionelle festgenommen.")
    coerce = of_type(run(make_doc(text, BY)).events, "COERCE")
    assert coerce and coerce[0].actors == ["Q184"]


def test_city_stays_the_actor_when_its_state_is_not_named():
    text = "In Minsk gingen erneut Tausende auf die Straße. In Minsk wurden am Montag drei Oppositionelle festgenommen."
    coerce = of_type(run(make_doc(text, {"Q2280": ("GPE", ["Minsk"])})).events, "COERCE")
    assert coerce and coerce[0].actors == ["Q2280"]
