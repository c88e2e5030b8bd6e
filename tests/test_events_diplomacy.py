"""Everyday diplomatic acts: summoning and expelling envoys, signing agreements, appeals to
allies (own sentences, whole pipeline)."""

from __future__ import annotations

import pytest

from lagebild.model import Document
from tests.events_helpers import pipeline_doc


def _doc(text: str, language: str = "de") -> Document:
    return pipeline_doc(text, language)


def _named(doc: Document) -> list[tuple[str, list[str], list[str]]]:
    names = {e.id: e.name for e in doc.entities}
    return [(e.type, sorted(names[a] for a in e.actors), sorted(names[r] for r in e.recipients))
            for e in doc.events]


@pytest.mark.parametrize(("text", "language", "actor", "envoy_state"), [
    ("Litauen bestellte am Morgen den belarussischen Botschafter ein.", "de", "Litauen",
     "Belarus"),
    ("Das Außenministerium in Rom bestellte die iranische Botschafterin ein.", "de", None, "Iran"),
    ("Latvia summoned the Russian ambassador over the drone incident.", "en", "Lettland",
     "Russland"),
])
def test_summoning_an_envoy_accuses_the_envoy_state(text, language, actor, envoy_state) -> None:
    found = _named(_doc(text, language))
    accuse = [f for f in found if f[0] == "ACCUSE"]
    assert accuse and accuse[0][2] == [envoy_state], found
    assert actor is None or accuse[0][1] == [actor]


def test_expelling_diplomats_sanctions_their_state() -> None:
    found = _named(_doc("Estland wies drei russische Diplomaten aus."))
    assert ("SANCTION", ["Estland"], ["Russland"]) in found


def test_an_envoy_without_a_state_is_no_party() -> None:
    # near miss: no adjective or genitive names the envoy's state, so nobody is known to act
    doc = _doc("Der Botschafter traf sich in Minsk mit Vertretern der Opposition.")
    assert not any(e.name == "Diplomaten" for e in doc.entities)
    assert not any(e.type == "CONSULT" for e in doc.events)


def test_negotiators_of_a_named_state_are_that_state() -> None:
    found = _named(_doc("Unterhändler der USA trafen in Riad die ukrainische Delegation."))
    assert ("CONSULT", ["Ukraine", "Vereinigte Staaten"], []) in found, found


@pytest.mark.parametrize("text", [
    "Finnland und Schweden unterzeichneten in Helsinki ein Verteidigungsabkommen.",
    "Polen und Litauen schlossen einen Freundschaftsvertrag.",
])
def test_signing_an_agreement_is_agreeing(text: str) -> None:
    found = _named(_doc(text))
    assert [f[0] for f in found] == ["AGREE"] and len(found[0][1]) == 2, found


def test_signing_a_declaration_endorses_it() -> None:
    # near miss: the same verb with a declaration is support, not an agreement
    found = _named(_doc("Deutschland unterzeichnete die Erklärung der Ukraine."))
    assert found == [("SUPPORT", ["Deutschland"], ["Ukraine"])]


def test_an_appeal_to_the_allies_is_a_request_to_them() -> None:
    found = _named(_doc("Selenskyj forderte die Verbündeten auf, mehr Flugabwehr zu liefern."))
    assert found == [("REQUEST", ["Wolodymyr Selenskyj"], ["Verbündete"])]


def test_an_envoy_state_named_only_by_its_adjective_stays_out_without_an_event() -> None:
    # near miss: no act, so the adjective alone makes no entity of the state
    doc = _doc("Der finnische Botschafter ist seit Januar im Amt.")
    assert not any(e.type == "GPE" for e in doc.entities), [e.name for e in doc.entities]


def test_an_offered_meeting_is_proposed_not_held() -> None:
    doc = _doc("Erdogan bot an, ein Treffen zwischen Putin und Selenskyj in Istanbul "
               "auszurichten.")
    meetings = [e for e in doc.events if e.type == "CONSULT"]
    assert meetings and meetings[0].status == "proposed", doc.events


def test_a_meeting_announced_as_held_occurred() -> None:
    # near miss: no offer governs the meeting
    doc = _doc("Putin und Selenskyj trafen sich in Istanbul.")
    meetings = [e for e in doc.events if e.type == "CONSULT"]
    assert meetings and meetings[0].status == "occurred", doc.events


def test_the_aim_of_a_visit_with_a_new_partner_is_a_planned_meeting() -> None:
    doc = _doc("Der Kanzler Friedrich Merz flog nach Kiew, um Selenskyj zu treffen.")
    found = [(e.type, e.mode, e.status) for e in doc.events]
    assert ("CONSULT", "visit", "occurred") in found
    meeting = [e for e in doc.events if e.type == "CONSULT" and e.mode != "visit"]
    assert meeting and meeting[0].status == "planned", found
    assert {doc.entity(p).name for p in meeting[0].actors} == {"Friedrich Merz",
                                                                "Wolodymyr Selenskyj"}


def test_the_aim_of_a_summons_is_the_same_act() -> None:
    # near miss: "um gegen X zu protestieren" tells what the summons was for, no second event
    found = _named(_doc("Litauen bestellte den belarussischen Botschafter ein, um gegen die "
                        "Grenzverletzung zu protestieren."))
    assert [f[0] for f in found] == ["ACCUSE"], found


def test_an_english_meeting_at_a_seat_of_government_has_two_sides() -> None:
    found = _named(_doc("Zelensky met Trump at the White House on Friday.", "en"))
    assert found == [("CONSULT", ["Donald Trump", "Wolodymyr Selenskyj"], [])], found


def test_an_english_meeting_at_a_summit_is_held_in_its_city() -> None:
    doc = _doc("Zelensky met Trump at the summit in Rome.", "en")
    meeting = [e for e in doc.events if e.type == "CONSULT"]
    assert meeting and len(meeting[0].actors + meeting[0].recipients) == 2
    assert meeting[0].location is not None and doc.entity(meeting[0].location).name == "Rom"
