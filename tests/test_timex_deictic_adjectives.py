"""Deictic adjectives: "am gestrigen Dienstag", "bei der gestrigen Sitzung", "das morgige …"."""

from __future__ import annotations

from datetime import date

import pytest

from lagebild.timex import extract

ANCHOR = date(2025, 4, 24)  # a Thursday


def dates(text: str) -> dict[str, str | None]:
    return {t.text: t.value for t in extract(text, ANCHOR, ("de",)) if t.type == "date"}


@pytest.mark.parametrize("text, expr, value", [
    ("Am gestrigen Tag unterzeichneten beide Minister das Abkommen.", "Am gestrigen Tag",
     "2025-04-23"),
    ("Bei der gestrigen Sitzung des Rates gab es keine Einigung.", "gestrigen", "2025-04-23"),
    ("Die vorgestrige Abstimmung im Senat scheiterte knapp.", "vorgestrige", "2025-04-22"),
    ("Das morgige Treffen der Botschafter findet in Wien statt.", "morgige", "2025-04-25"),
    ("Am heutigen Donnerstag reist die Kommissarin nach Vilnius.", "Am heutigen Donnerstag",
     "2025-04-24"),
    ("Am übermorgigen Samstag wird gewählt.", "Am übermorgigen Samstag", "2025-04-26"),
])
def test_deictic_adjectives_resolve_against_the_anchor(text: str, expr: str, value: str) -> None:
    got = dates(text)
    assert got.get(expr) == value, got


def test_the_named_weekday_wins_when_the_anchor_is_a_day_late() -> None:
    # written on Wednesday, published on Thursday: "gestern" was the Tuesday the text names
    got = dates("Am gestrigen Dienstagabend landete der Präsident in Ankara.")
    assert got == {"Am gestrigen Dienstagabend": "2025-04-22"}


def test_yesterdays_weekday_stays_in_the_past() -> None:
    got = dates("Am gestrigen Sonntag gingen Tausende auf die Straße.")
    assert got == {"Am gestrigen Sonntag": "2025-04-20"}


def test_present_day_is_no_date() -> None:
    # "heutig" as "present-day" names a country of today, not a day
    assert dates("Das Gebiet gehört zum heutigen Polen.") == {}
    assert dates("Die heutige Ukraine hat andere Grenzen als 1991.") == {"1991": "1991"}
