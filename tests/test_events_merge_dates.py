"""Merging mentions of one happening when one says "last week" and another names the day."""

from __future__ import annotations

from lagebild.events.merge import merge_events
from lagebild.model import Event, EventDate, Span


def _ev(value: str, precision: str, text: str, start: int) -> Event:
    return Event(type="CONSULT", actors=["kallas", "sybiha"],
                 evidence=Span(start=start, end=start + 1, text=text),
                 date=EventDate(value=value, precision=precision, origin="text"))  # type: ignore[arg-type]


def test_week_and_a_day_inside_it_merge_and_keep_the_day() -> None:
    week = _ev("2025-06-02", "week", "Kallas traf Sybiha letzte Woche.", 0)
    day = _ev("2025-06-04", "day", "Am Mittwoch trafen sich Kallas und Sybiha in Brüssel.", 40)
    merged = merge_events([week, day])
    assert len(merged) == 1
    assert merged[0].date.value == "2025-06-04" and merged[0].date.precision == "day"


def test_day_outside_the_week_stays_a_second_meeting() -> None:
    week = _ev("2025-06-02", "week", "Kallas traf Sybiha letzte Woche.", 0)
    later = _ev("2025-06-10", "day", "Am Dienstag trafen sich Kallas und Sybiha erneut.", 40)
    assert len(merge_events([week, later])) == 2


def test_two_different_weeks_stay_apart() -> None:
    a = _ev("2025-06-02", "week", "Kallas traf Sybiha letzte Woche.", 0)
    b = _ev("2025-06-16", "week", "Kallas trifft Sybiha nächste Woche.", 40)
    assert len(merge_events([a, b])) == 2
