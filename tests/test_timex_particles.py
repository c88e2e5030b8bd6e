"""A separable verb particle "ab" is no "from … on": the weekday keeps the clause's past tense."""

from __future__ import annotations

from datetime import date

import pytest

from lagebild.timex import extract

ANCHOR = date(2025, 6, 5)  # a Thursday


@pytest.mark.parametrize("text, value", [
    ("Die Miliz feuerte am Montag Granaten auf das Dorf ab.", "2025-06-02"),
    ("Die Delegation reiste am Dienstag aus Genf ab.", "2025-06-03"),
    ("Ab Montag gelten an der Grenze neue Regeln.", "2025-06-09"),  # "ab Montag" looks ahead
])
def test_particle_ab_and_preposition_ab(text: str, value: str) -> None:
    got = [t.value for t in extract(text, ANCHOR, ("de",)) if t.type == "date"]
    assert got == [value]
