"""Dates as day ranges: what a (value, precision) pair can denote, for filters and merging."""

from __future__ import annotations

import calendar
from datetime import date, timedelta


def parse_day(value: str | None) -> date | None:
    if not value:
        return None
    try:
        parts = [int(p) for p in value[:10].split("-")]
        if len(parts) == 3:
            return date(*parts)
        if len(parts) == 2:
            return date(parts[0], parts[1], 1)
        return date(parts[0], 1, 1)
    except (ValueError, TypeError):
        return None


def day_range(value: str | None, precision: str | None) -> tuple[date, date] | None:
    """First and last day ``value`` may denote at ``precision`` (a week is its Monday)."""
    start = parse_day(value)
    if start is None:
        return None
    if value is None:
        return None
    n_parts = len(value[:10].split("-"))
    prec = precision or {3: "day", 2: "month", 1: "year"}[n_parts]
    if prec == "year" or n_parts == 1:
        return date(start.year, 1, 1), date(start.year, 12, 31)
    if prec == "month" or n_parts == 2:
        last = calendar.monthrange(start.year, start.month)[1]
        return date(start.year, start.month, 1), date(start.year, start.month, last)
    if prec == "week":
        monday = start - timedelta(days=start.weekday())
        return monday, monday + timedelta(days=6)
    return start, start


def date_range(value: str | None, precision: str | None) -> tuple[str | None, str | None]:
    rng = day_range(value, precision)
    if rng is None:
        return None, None
    return rng[0].isoformat(), rng[1].isoformat()
