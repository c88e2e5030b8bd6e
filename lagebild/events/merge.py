"""One event per happening: mentions of the same event (headline, lead, body) are merged.

Two mentions are the same happening when they have the same type and status, the same sides
(one's parties contain the other's), and compatible dates: equal (within a day), or one of
them only carries the publication date (no time expression of its own) and the other is
recent. The merged event keeps the most confident mention's evidence and the most informative
date; repeated mentions raise the confidence.
"""

from __future__ import annotations

from datetime import date

from lagebild.model import Event, EventDate

RECENT_DAYS = 3
STATUS_GROUP = {"occurred": "real", "planned": "future", "proposed": "future",
                "negated": "negated", "hypothetical": "hypothetical"}


def _day(d: EventDate) -> date | None:
    if not d.value or len(d.value) < 10:
        return None
    try:
        return date.fromisoformat(d.value[:10])
    except ValueError:
        return None


def _dates_compatible(a: EventDate, b: EventDate) -> bool:
    if a.origin != "text" and b.origin != "text":
        return True
    if a.origin != "text" or b.origin != "text":
        # an undated mention (headline) is the recent happening, not a background one
        da, db = _day(a), _day(b)
        if da and db:
            return abs((da - db).days) <= RECENT_DAYS
        if a.value and b.value:  # "im vergangenen Monat" is not the headline's happening
            return a.value.startswith(b.value) or b.value.startswith(a.value)
        return True
    if a.value == b.value:
        return True
    if "week" in (a.precision, b.precision):
        return _week_holds(a, b)
    da, db = _day(a), _day(b)
    if da and db:
        return abs((da - db).days) <= 1
    if a.value and b.value:  # month/year precision: one contains the other
        return a.value.startswith(b.value) or b.value.startswith(a.value)
    return False


def _week_holds(a: EventDate, b: EventDate) -> bool:
    """A week (written as its Monday) and a day or week: the same days?"""
    da, db = _day(a), _day(b)
    if not (da and db):
        return False
    if a.precision == b.precision == "week":
        return da == db
    week, day = (da, db) if a.precision == "week" else (db, da)
    return 0 <= (day - week).days <= 6


_PRECISION_RANK = {"day": 3, "week": 2, "month": 1, "year": 0}


def _finer(a: EventDate, b: EventDate) -> EventDate:
    """The more precise of two compatible text dates ("am Dienstag" beats "letzte Woche")."""
    def rank(d: EventDate) -> int:
        return _PRECISION_RANK.get(d.precision or "", -1)
    return b if rank(b) > rank(a) else a


def _parties(e: Event) -> set[str]:
    return set(e.actors) | set(e.recipients)


def _same(a: Event, b: Event) -> bool:
    pa, pb = _parties(a), _parties(b)
    # the same sides: one mention's parties contain the other's ("Macron sprach mit Selenskyj
    # ... und mit Trump" are two calls)
    return (a.type == b.type and STATUS_GROUP[a.status] == STATUS_GROUP[b.status]
            and (pa <= pb or pb <= pa) and _dates_compatible(a.date, b.date))


def _rank(e: Event) -> tuple[int, int, float]:
    return (min(len(_parties(e)), 2), int(e.date.origin == "text"), e.confidence)


def _combine(group: list[Event]) -> Event:
    best = max(group, key=_rank)
    merged = best.model_copy(deep=True)
    dated = [e for e in group if e.date.origin == "text"]
    if merged.date.origin != "text" and dated:
        merged.date = dated[0].date
    for e in dated:
        if _dates_compatible(merged.date, e.date):
            merged.date = _finer(merged.date, e.date)
    if merged.location is None:
        merged.location = next((e.location for e in group if e.location), None)
    if merged.mode is None:
        merged.mode = next((e.mode for e in group if e.mode), None)
    merged.topics = sorted({t for e in group for t in e.topics})
    merged.confidence = round(min(1.0, best.confidence + 0.07 * (len(group) - 1)), 3)
    return merged


def merge_events(events: list[Event]) -> list[Event]:
    # text-dated mentions first, so an undated headline joins the dated body mention
    order = sorted(range(len(events)), key=lambda i: (events[i].date.origin != "text", i))
    groups: list[list[Event]] = []
    for i in order:
        ev = events[i]
        for grp in groups:
            if all(_same(ev, other) for other in grp[:1]):
                grp.append(ev)
                break
        else:
            groups.append([ev])
    merged = [_combine(g) for g in groups]
    merged.sort(key=lambda e: e.evidence.start)
    return merged
