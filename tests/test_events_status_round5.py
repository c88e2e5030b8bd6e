"""Status rules of round 5b on sentences written for these tests: counterfactual "hätte ...
sollen", verb-first conditions ("Sollte X ..."), wishes ("möchte"), readiness and hope
("ist bereit, ... zu treffen"), reported past ("soll ... getroffen haben"), each with a near
miss."""

# ruff: noqa: E501  (test sentences read best on one line)
from __future__ import annotations

import pytest

from lagebild import timex
from lagebild.events import run
from tests.events_helpers import make_doc, of_type

E = {
    "luk": ("PER", ["Lukaschenko"]),
    "put": ("PER", ["Putin"]),
    "by": ("GPE", ["Belarus"]),
    "ru": ("GPE", ["Russland"]),
    "minsk": ("GPE", ["Minsk"]),
}


def _status(text: str, etype: str) -> str:
    doc = make_doc(text, E, published="2025-03-14")
    timex.run(doc)
    events = of_type(run(doc).events, etype)
    assert events, text
    return events[0].status


@pytest.mark.parametrize("text, etype, status", [
    ("Lukaschenko hätte Putin schon im Januar treffen sollen.", "CONSULT", "hypothetical"),
    ("Lukaschenko hätte Putin in Minsk treffen können.", "CONSULT", "hypothetical"),
    # near miss: "hätten sich getroffen" alone is reported speech
    ("Lukaschenko und Putin hätten sich in Minsk getroffen, meldete die Agentur.", "CONSULT", "occurred"),
    ("Sollte Russland Belarus angreifen, werde Lukaschenko reagieren.", "ASSAULT", "hypothetical"),
    # near miss: "sollte" inside the sentence is a plan, no condition
    ("Lukaschenko sollte Putin eigentlich am Montag treffen.", "CONSULT", "planned"),
    ("Lukaschenko möchte Putin in Minsk treffen.", "CONSULT", "planned"),
    ("Lukaschenko sei bereit, Putin in Minsk zu treffen.", "CONSULT", "planned"),
    ("Lukaschenko hofft, Putin bald in Minsk zu treffen.", "CONSULT", "planned"),
    # near miss: a readiness shown in a meeting that took place
    ("Lukaschenko traf Putin in Minsk und zeigte sich bereit zu Gesprächen.", "CONSULT", "occurred"),
    ("Lukaschenko soll Putin am Montag in Minsk getroffen haben.", "CONSULT", "occurred"),
])
def test_status(text: str, etype: str, status: str) -> None:
    assert _status(text, etype) == status
