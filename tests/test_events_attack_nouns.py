"""An attack noun carries the event when the clause's verb of the same kind has no agent of its
own (own sentences, whole pipeline)."""

from __future__ import annotations

import pytest

from lagebild.model import Document
from tests.events_helpers import pipeline_doc


def _doc(text: str) -> Document:
    return pipeline_doc(text)


def _assaults(doc: Document) -> list[tuple[list[str], list[str]]]:
    names = {e.id: e.name for e in doc.entities}
    return [([names[a] for a in e.actors], [names[r] for r in e.recipients])
            for e in doc.events if e.type == "ASSAULT"]


@pytest.mark.parametrize("text", [
    "Ein russischer Drohnenangriff auf Sumy tötete in der Nacht zwei Menschen.",
    "Bei einem russischen Raketenangriff auf Saporischschja wurden vier Menschen verletzt.",
])
def test_the_attack_noun_names_attacker_and_target(text: str) -> None:
    found = _assaults(_doc(text))
    assert found and found[0][0] == ["Russland"] and len(found[0][1]) == 1, found


def test_a_verb_with_its_own_agent_keeps_the_event() -> None:
    # near miss: the soldiers are the agent of the verb; the noun adds no second attack
    found = _assaults(_doc("Russische Soldaten töteten bei einem Angriff auf Butscha drei "
                           "Zivilisten."))
    assert len(found) == 1 and found[0][0] == ["Russland"], found
