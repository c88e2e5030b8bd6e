"""A city among the sides of a meeting between persons is where it takes place."""

from __future__ import annotations

from lagebild.ingest.base import document_from_text
from lagebild.model import Document
from lagebild.pipeline import process


def _doc(text: str) -> Document:
    return process(document_from_text("Title\n\n" + text + "\n", published="2025-02-19",
                                      language="en"))


def _city(doc: Document, name: str) -> str:
    return next(e.id for e in doc.entities if e.name == name)


def test_travel_to_a_city_to_meet_a_person_is_held_in_that_city() -> None:
    doc = _doc("Zelensky will travel to Ankara on Thursday to meet Recep Tayyip Erdogan.")
    ankara = _city(doc, "Ankara")
    meet = [e for e in doc.events if e.type == "CONSULT" and e.mode != "visit"]
    assert meet and ankara not in meet[0].actors + meet[0].recipients
    assert meet[0].location == ankara and len(meet[0].actors + meet[0].recipients) == 2


def test_a_visit_keeps_the_city_as_its_target() -> None:
    # near miss: a visit's destination is its other side
    doc = _doc("Zelensky travelled to Ankara on Monday.")
    visit = [e for e in doc.events if e.type == "CONSULT"]
    assert visit and _city(doc, "Ankara") in visit[0].recipients


def test_english_arrival_and_travel_are_visits_and_a_weekday_is_no_place() -> None:
    doc = _doc("Rubio arrived in Riyadh on Monday.")
    assert not [e for e in doc.entities if e.name == "Monday"]
    visit = [e for e in doc.events if e.type == "CONSULT" and e.mode == "visit"]
    assert visit and visit[0].recipients == [_city(doc, "Riad")]


def test_experts_travelling_are_no_diplomatic_visit() -> None:
    assert not _doc("Nuclear experts travelled to Zaporizhzhia on Monday.").events
