"""Events take the speaker the quotes stage resolved for a pronoun; "forderte drei Tote"."""

from __future__ import annotations

from lagebild.ingest.base import document_from_text
from lagebild.pipeline import process


def _events(text: str) -> list:
    doc = process(document_from_text("Bericht\n\n" + text + "\n", published="2025-11-12"))
    names = {e.id: e.name for e in doc.entities}
    return [(e.type, [names.get(a, a) for a in e.actors], [names.get(r, r) for r in e.recipients])
            for e in doc.events]


def test_a_pronoun_accuser_is_the_speaker_not_the_state_of_the_reported_clause() -> None:
    text = ("Boris Pistorius besuchte am Dienstag Vilnius. Deutschland werde weitere Truppen "
            "schicken, kündigte er an. Zugleich warf er Russland vor, gezielt Kraftwerke "
            "anzugreifen.")
    accuse = [e for e in _events(text) if e[0] == "ACCUSE"]
    assert accuse and accuse[0][1] == ["Boris Pistorius"] and accuse[0][2] == ["Russland"]


def test_claimed_lives_are_no_demand() -> None:
    assert not [e for e in _events("Der Angriff auf Odessa forderte am Montag drei Tote.")
                if e[0] == "REQUEST"]
    demand = [e for e in _events("Polen forderte von Russland, die Opfer zu entschädigen.")
              if e[0] == "REQUEST"]
    assert demand and demand[0][1] == ["Polen"]
