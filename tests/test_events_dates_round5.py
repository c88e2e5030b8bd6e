"""Planned events dated by the occasion they refer to (round 5b), on sentences written for
these tests."""

# ruff: noqa: E501  (test sentences read best on one line)
from __future__ import annotations

from lagebild import timex
from lagebild.events import run
from tests.events_helpers import make_doc, of_type

E = {
    "md": ("GPE", ["Moldau"]),
    "opp": ("ORG", ["Partei der Sozialisten", "Sozialisten"]),
    "sandu": ("PER", ["Maia Sandu", "Sandu"]),
    "ro": ("GPE", ["Rumänien"]),
}


def _events(text: str):
    doc = make_doc(text, E, published="2025-03-14")  # a Friday
    timex.run(doc)
    return run(doc).events


def test_planned_boycott_takes_the_day_of_the_election():
    text = ("Die Parlamentswahl in Moldau ist für den kommenden Sonntag angesetzt. Die Sozialisten wollen den Urnengang boykottieren. "
            "Am gestrigen Donnerstag hatte Sandu die Opposition scharf kritisiert.")
    boycott = of_type(_events(text), "PROTEST")
    assert boycott and boycott[0].status == "planned", boycott
    assert boycott[0].date.value == "2025-03-16"


def test_planned_event_without_occasion_keeps_the_narrative_day():
    # no occasion word in the plan's clause: the sentence before still dates it
    text = "Am kommenden Montag reist Sandu nach Rumänien. Dabei will sie auch Vertreter der Sozialisten treffen."
    meet = [e for e in of_type(_events(text), "CONSULT") if e.status == "planned"]
    assert meet and meet[-1].date.value == "2025-03-17"


def test_occasion_of_the_past_is_not_taken():
    # a past day next to a plan is when it was told, not when it happens
    text = ("Die Parlamentswahl in Moldau fand am vergangenen Sonntag statt. Die Sozialisten wollen die Wahl boykottieren.")
    boycott = of_type(_events(text), "PROTEST")
    assert boycott and boycott[0].date.value == "2025-03-14" and boycott[0].date.origin == "publication"


def test_own_date_wins_over_the_occasion():
    text = ("Die Parlamentswahl in Moldau ist für den kommenden Sonntag angesetzt. Die Sozialisten wollen am Samstag gegen die Wahl demonstrieren.")
    demo = of_type(_events(text), "PROTEST")
    assert demo and demo[0].date.value == "2025-03-15"


E2 = {**E, "ru": ("GPE", ["Russland"]), "nn": ("ORG", ["Nascha Niwa"])}


def _events2(text: str):
    doc = make_doc(text, E2, published="2025-03-14")  # a Friday
    timex.run(doc)
    return run(doc).events


def test_time_in_a_fronted_phrase_belongs_to_its_noun():
    ev = of_type(_events2("Nach der Razzia bei Nascha Niwa am Mittwoch kritisierte Russland heute Moldau."), "ACCUSE")
    assert ev and ev[0].date.value == "2025-03-14"


def test_fronted_time_phrase_dates_the_verb():
    # near miss: "Im April ..." is itself the time of the verb, no happening with a time
    ev = of_type(_events2("Im Januar dieses Jahres kritisierte Russland zum ersten Mal seit 2014 Moldau."), "ACCUSE")
    assert ev and ev[0].date.value == "2025-01"


def test_reported_clause_keeps_its_own_day():
    ev = of_type(_events2("Sandu erklärte heute, sie habe am Mittwoch die Sozialisten in Rumänien kritisiert."), "ACCUSE")
    assert ev and ev[0].date.value == "2025-03-12"
