"""More German trigger verbs and nouns per PLOVER type (light-verb and separable forms), with
near misses, on sentences written for these tests."""

# ruff: noqa: E501  (test sentences read best on one line)
from __future__ import annotations

import pytest

from lagebild.kb.api import local_id
from tests.events_helpers import events_of, of_type

POLICE = local_id("Polizei", "MISC")

E = {
    "pl": ("GPE", ["Polen", "polnische", "polnischen"]),
    "by": ("GPE", ["Belarus", "belarussische", "belarussischen"]),
    "md": ("GPE", ["Moldau"]),
    "ro": ("GPE", ["Rumänien"]),
    "sandu": ("PER", ["Maia Sandu", "Sandu"]),
    "tusk": ("PER", ["Donald Tusk", "Tusk"]),
}


@pytest.mark.parametrize("sentence, typ, party", [
    ("Die Polizei ging am Abend gewaltsam gegen Anhänger von Sandu vor.", "ASSAULT", POLICE),
    ("Polen und Belarus tauschten am Montag mehrere Gefangene aus.", "RETREAT", "pl"),
    ("Polen bestellte den belarussischen Botschafter ein.", "ACCUSE", "pl"),
    ("Tusk beklagte die Haltung von Belarus.", "ACCUSE", "tusk"),
    ("Sandu machte Belarus für die Unruhen verantwortlich.", "ACCUSE", "sandu"),
    ("Rumänien sicherte Moldau am Dienstag weitere Unterstützung zu.", "AGREE", "ro"),
    ("Das Parlament von Moldau ratifizierte das Abkommen mit Rumänien.", "AGREE", "md"),
    ("Polen stellte die Zusammenarbeit mit Belarus ein.", "SANCTION", "pl"),
    ("Polen verlängerte die Sanktionen gegen Belarus um ein Jahr.", "SANCTION", "pl"),
    ("Polen schickte weitere Soldaten an die Grenze zu Belarus.", "MOBILIZE", "pl"),
    ("Die Polizei löste die Kundgebung der Opposition gegen Sandu auf.", "COERCE", POLICE),
    ("Sandu räumte gegenüber Polen Fehler ein.", "CONCEDE", "sandu"),
    ("Polen lockerte die Sanktionen gegen Belarus.", "CONCEDE", "pl"),
    ("Tusk zeigte sich zufrieden mit dem Ergebnis der Gespräche mit Sandu.", "SUPPORT", "tusk"),
    ("Polen wies den Vorschlag von Belarus ab.", "REJECT", "pl"),
    ("Tusk bezeichnete die Manöver von Belarus als Provokation.", "ACCUSE", "tusk"),
    ("Sandu bezeichnete die Einigung mit Rumänien als Erfolg.", "SUPPORT", "sandu"),
    ("Polen überreichte Belarus eine Protestnote.", "ACCUSE", "pl"),
    ("Moldau verpflichtete sich gegenüber Rumänien, die Grenzkontrollen zu verstärken.", "AGREE", "md"),
    ("Belarus berief Tausende Reservisten ein.", "MOBILIZE", "by"),
    ("Polen schloss die Grenze zu Belarus.", "SANCTION", "pl"),
    ("Moldau verklagte Belarus vor einem internationalen Gericht.", "ACCUSE", "md"),
    ("Belarus entzog polnischen Journalisten die Akkreditierung.", "COERCE", "by"),
    ("Tausende Anhänger von Sandu gingen in Moldau gegen Belarus auf die Straße.", "PROTEST", "sandu"),
])
def test_new_trigger_yields_type(sentence, typ, party):
    events = events_of(sentence, E)
    found = of_type(events, typ)
    assert found, [(e.type, e.actors) for e in events]
    assert party in found[0].actors


@pytest.mark.parametrize("sentence, typ", [
    # no violence: "vorgehen" as taking (legal) action
    ("Die Polizei will künftig gegen Falschparker in Polen vorgehen.", "ASSAULT"),
    # "einstellen" of staff, not cutting ties
    ("Polen stellte im Frühjahr neue Lehrer ein.", "SANCTION"),
    # "schicken" of a letter, not troops
    ("Tusk schickte Sandu einen Brief.", "MOBILIZE"),
    # "verlängern" of a contract, not sanctions
    ("Polen verlängerte den Vertrag des Trainers.", "SANCTION"),
    # "bezeichnen" without a judgement
    ("Tusk bezeichnete Sandu als seine wichtigste Gesprächspartnerin.", "ACCUSE"),
    # "einberufen" of a meeting, not reservists
    ("Polen berief eine Sitzung mit Belarus ein.", "MOBILIZE"),
    # closing a deal, not a border
    ("Polen schloss ein Abkommen mit Moldau.", "SANCTION"),
    # "auf die Straße gehen" needs the street: "gehen" alone is nothing
    ("Sandu ging nach der Sitzung nach Hause.", "PROTEST"),
])
def test_near_miss_yields_nothing(sentence, typ):
    assert not of_type(events_of(sentence, E), typ)
