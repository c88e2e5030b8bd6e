"""A rejection with no addressee answers the demand made to the rejecting side (a person
answers for the state)."""

from __future__ import annotations

from lagebild.ingest.base import document_from_text
from lagebild.kb.api import side_of
from lagebild.pipeline import process


def _rejects(text: str) -> list:
    doc = process(document_from_text("Titel\n\n" + text + "\n", published="2025-05-24"))
    names = {e.id: e.name for e in doc.entities}
    return [([names.get(a, a) for a in e.actors], [names.get(r, r) for r in e.recipients])
            for e in doc.events if e.type == "REJECT"]


def test_a_president_rejects_the_demand_made_to_his_state() -> None:
    got = _rejects("Lawrow forderte von der Ukraine den Rückzug ihrer Truppen. "
                   "Selenskyj wies diese Forderung am Samstag zurück.")
    assert got and got[-1][1] == ["Sergej Lawrow"]


def test_a_rejection_by_another_state_does_not_answer_that_demand() -> None:
    # near miss: Poland was not the addressee of the demand
    got = _rejects("Lawrow forderte von der Ukraine den Rückzug ihrer Truppen. "
                   "Polen wies diese Forderung am Samstag zurück.")
    assert not got or got[-1][1] != ["Sergej Lawrow"]


def test_side_of_maps_persons_and_cities_to_their_state() -> None:
    ukraine = side_of("Q212")
    assert side_of("Q3874799") == ukraine == "Q212"
    assert side_of("lb:PER:nobody_known") == "lb:PER:nobody_known"
