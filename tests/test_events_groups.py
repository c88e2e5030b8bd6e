"""Collective actors without a name ("die Entführer", "die Polizei", "protesters") as event
parties, on sentences written for these tests."""

# ruff: noqa: E501  (test sentences read best on one line)
from __future__ import annotations

from lagebild.events import run
from lagebild.kb.api import local_id
from tests.events_helpers import events_of, make_doc, of_type, parties

E = {
    "ng": ("GPE", ["Nigeria", "nigerianischen"]),
    "ke": ("GPE", ["Kenia"]),
    "nairobi": ("GPE", ["Nairobi"]),
    "athen": ("GPE", ["Athen"]),
    "ruto": ("PER", ["William Ruto", "Ruto"]),
    "musa": ("PER", ["Ali Musa", "Musa"]),
}


def _describe(events):
    return [(e.type, e.actors, e.recipients, e.evidence.text) for e in events]


def test_kidnappers_demand_from_a_state():
    doc = run(make_doc("Die Entführer verlangten von Nigeria die Freilassung ihrer Anführer.", E))
    req = of_type(doc.events, "REQUEST")
    assert req, _describe(doc.events)
    assert req[0].actors == [local_id("Entführer", "MISC")] and req[0].recipients == ["ng"]
    group = doc.entity(local_id("Entführer", "MISC"))
    assert group is not None and group.type == "MISC"
    assert [m.text for m in group.mentions] == ["Entführer"]


def test_protesters_are_the_actor_of_a_protest():
    events = events_of("Die Demonstranten zogen am Samstag vor den Amtssitz von Präsident Ruto.", E)
    protest = of_type(events, "PROTEST")
    assert protest, _describe(events)
    assert local_id("Demonstranten", "MISC") in protest[0].actors
    assert "ruto" in protest[0].recipients


def test_compound_group_noun():
    events = events_of("Bewaffnete Islamistenkämpfer entführten am Montag den Bürgermeister Ali Musa.", E)
    assault = of_type(events, "ASSAULT")
    assert assault, _describe(events)
    assert local_id("Kämpfer", "MISC") in assault[0].actors and "musa" in parties(assault[0])


def test_state_adjective_leaves_the_party_to_the_state():
    doc = run(make_doc("Die nigerianischen Behörden nahmen den Journalisten Ali Musa fest.", E))
    coerce = of_type(doc.events, "COERCE")
    assert coerce, _describe(doc.events)
    assert coerce[0].actors == ["ng"] and coerce[0].recipients == ["musa"]
    assert doc.entity(local_id("Behörden", "MISC")) is None


def test_groups_no_event_names_are_dropped():
    doc = run(make_doc("Die Polizei sperrte am Abend mehrere Straßen. Ruto traf in Nairobi Ali Musa.", E))
    assert of_type(doc.events, "CONSULT"), _describe(doc.events)
    assert doc.entity(local_id("Polizei", "MISC")) is None


def test_police_guarding_a_rally_do_not_protest():
    events = events_of("Rund 500 Polizisten sicherten in Nairobi die Kundgebung gegen Ruto.", E)
    assert not any(local_id("Polizei", "MISC") in e.actors for e in of_type(events, "PROTEST")), _describe(events)


def test_striking_police_protest():
    events = events_of("Tausende Polizisten streikten am Montag in Athen.", E)
    protest = of_type(events, "PROTEST")
    assert protest and protest[0].actors == [local_id("Polizei", "MISC")], _describe(events)


def test_protest_target_from_the_text_topic():
    text = ("Ruto regiert Kenia seit zwei Jahren. Ruto kündigte neue Steuern an. "
            "Kritiker werfen Ruto Wortbruch vor. Am Dienstag zogen Tausende Demonstranten durch Nairobi.")
    events = events_of(text, E)
    protest = [e for e in of_type(events, "PROTEST") if local_id("Demonstranten", "MISC") in e.actors]
    assert protest and protest[0].recipients == ["ruto"], _describe(events)


def test_english_protesters():
    events = events_of("Protesters marched through Nairobi against President Ruto on Tuesday.", E, language="en")
    protest = of_type(events, "PROTEST")
    assert protest and local_id("Protesters", "MISC") in protest[0].actors, _describe(events)


def test_state_organ_joins_the_state_named_elsewhere():
    # the knowledge base's id for Kenya, which the adjective is looked up to
    ents = {"Q114": ("GPE", ["Kenia"]), "musa": ("PER", ["Ali Musa", "Musa"])}
    doc = run(make_doc("Kenia liegt in Ostafrika. Die kenianischen Behörden nahmen den Journalisten Ali Musa fest.", ents))
    coerce = of_type(doc.events, "COERCE")
    assert coerce and coerce[0].actors == ["Q114"], _describe(doc.events)
    assert "kenianischen Behörden" in [m.text for m in doc.entity("Q114").mentions]
    assert doc.entity(local_id("Behörden", "MISC")) is None
