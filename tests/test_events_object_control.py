"""A demand hands its zu-infinitive to its addressee: "forderte X auf, nach Y zu reisen"."""

from __future__ import annotations

from tests.events_helpers import events_of, of_type

E = {
    "tusk": ("PER", ["Donald Tusk", "Tusk"]),
    "costa": ("PER", ["António Costa", "Costa"]),
    "kyiv": ("GPE", ["Kiew"]),
}


def test_the_addressee_is_to_travel_and_the_visit_is_only_proposed() -> None:
    events = events_of("Tusk forderte Costa auf, nach Kiew zu reisen.", E)
    req, visit = of_type(events, "REQUEST"), of_type(events, "CONSULT")
    assert req and req[0].actors == ["tusk"] and req[0].recipients == ["costa"]
    assert visit and visit[0].actors == ["costa"] and visit[0].status == "proposed"


def test_a_request_with_bitten_works_the_same() -> None:
    visit = of_type(events_of("Tusk bat Costa, Kiew zu besuchen.", E), "CONSULT")
    assert visit and visit[0].actors == ["costa"] and visit[0].status == "proposed"


def test_an_announced_own_visit_keeps_its_subject() -> None:
    # near miss: no demand, so the announcer travels himself
    visit = of_type(events_of("Tusk kündigte an, Kiew zu besuchen.", E), "CONSULT")
    assert visit and visit[0].actors == ["tusk"] and visit[0].status != "proposed"
