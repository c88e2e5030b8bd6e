"""An event noun whose own phrase names both sides does not take the clause subject."""

from __future__ import annotations

from tests.events_helpers import events_of, of_type, parties

E = {
    "kremlin": ("ORG", ["Kreml"]),
    "macron": ("PER", ["Emmanuel Macron", "Macron"]),
    "sanchez": ("PER", ["Pedro Sánchez", "Sánchez"]),
}


def test_the_evaluator_of_a_meeting_is_no_party_of_it() -> None:
    text = "Der Kreml wertete das Treffen von Präsident Macron mit Sánchez als Erfolg."
    meet = of_type(events_of(text, E), "CONSULT")
    assert meet and parties(meet[0]) == {"macron", "sanchez"}


def test_zwischen_names_both_sides() -> None:
    meet = of_type(events_of("Der Kreml lobte das Treffen zwischen Macron und Sánchez.", E),
                   "CONSULT")
    assert meet and parties(meet[0]) == {"macron", "sanchez"}


def test_a_light_verb_still_gives_the_subject_as_a_side() -> None:
    # near miss: "ein Gespräch mit Y" names one side; the subject is the other
    meet = of_type(events_of("Macron führte ein Gespräch mit Sánchez.", E), "CONSULT")
    assert meet and parties(meet[0]) == {"macron", "sanchez"}
