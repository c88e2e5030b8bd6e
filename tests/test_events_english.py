"""English sentences: arguments and status through the same stage (language "en")."""

from __future__ import annotations

from tests.events_helpers import events_of, of_type

E = {
    "carney": ("PER", ["Mark Carney", "Carney"]),
    "sheinbaum": ("PER", ["Claudia Sheinbaum", "Sheinbaum"]),
    "ramaphosa": ("PER", ["Cyril Ramaphosa", "Ramaphosa"]),
    "ca": ("GPE", ["Canada"]),
    "mx": ("GPE", ["Mexico"]),
    "za": ("GPE", ["South Africa"]),
    "geneva": ("GPE", ["Geneva"]),
    "au": ("ORG", ["African Union"]),
}


def only(text: str, etype: str):
    found = of_type(events_of(text, E, language="en"), etype)
    assert len(found) == 1, found
    return found[0]


def test_english_meeting_with_place() -> None:
    ev = only("Carney met Sheinbaum in Geneva on Tuesday.", "CONSULT")
    assert set(ev.actors) == {"carney", "sheinbaum"} and ev.location == "geneva"
    assert ev.status == "occurred"


def test_english_future_meeting_is_planned() -> None:
    ev = only("Carney and Sheinbaum will meet in Geneva next week.", "CONSULT")
    assert ev.status == "planned"


def test_english_negated_meeting() -> None:
    ev = only("Ramaphosa did not meet Carney during the summit.", "CONSULT")
    assert ev.status == "negated"


def test_english_passive_by_agent() -> None:
    ev = only("Mexico was criticized by the African Union on Monday.", "ACCUSE")
    assert ev.actors == ["au"] and ev.recipients == ["mx"]


def test_english_hypothetical_sanctions() -> None:
    ev = only("If talks fail, Canada would impose sanctions on South Africa.", "SANCTION")
    assert ev.status == "hypothetical"
    assert ev.actors == ["ca"] and ev.recipients == ["za"]
