"""Turns tagged expressions into calendar values.

Deictic expressions ("gestern", "nächste Woche", "am Donnerstag") resolve against the anchor
(the publication date). Anaphoric ones ("zwei Tage später", "am selben Tag", "im folgenden
Jahr") resolve against the reference time: the last date the text mentioned. With
``history=True`` (narratives such as encyclopaedia articles) deictic expressions follow the
reference time as well, except "heute", which stays at the anchor.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from lagebild.model import Timex
from lagebild.timex.clauses import clause_tense
from lagebild.timex.lexicon import known_events
from lagebild.timex.tagger import Raw

SEASON_MONTH = {"SP": 4, "SU": 7, "FA": 10, "WI": 1}
# a bare year stays the narrative's reference year this long (characters) in news mode
REF_YEAR_REACH = 300


@dataclass
class Point:
    """A date of day, month or year granularity (negative years are BC)."""

    y: int
    m: int | None = None
    d: int | None = None

    @classmethod
    def of(cls, day: date) -> Point:
        return cls(day.year, day.month, day.day)

    def day(self) -> date | None:
        if self.m is None or self.d is None or self.y < 1:
            return None
        try:
            return date(self.y, self.m, self.d)
        except ValueError:
            return None


def fmt_year(y: int) -> str:
    return f"BC{-y:04d}" if y < 0 else f"{y:04d}"


def fmt(p: Point) -> tuple[str, str]:
    if p.m is None:
        return fmt_year(p.y), "year"
    if p.d is None:
        return f"{fmt_year(p.y)}-{p.m:02d}", "month"
    return f"{fmt_year(p.y)}-{p.m:02d}-{p.d:02d}", "day"


def add_months(y: int, m: int, n: int) -> tuple[int, int]:
    k = y * 12 + (m - 1) + n
    return k // 12, k % 12 + 1


@dataclass
class _State:
    text: str
    anchor: date | None
    history: bool
    ref: Point | None
    year_pos: tuple[int, int] | None = None  # (position, year) of the last explicit year


def resolve(text: str, raws: list[Raw], anchor: date | None,
            history: bool = False) -> list[Timex]:
    """Values for ``raws`` (in text order), tracking the reference time."""
    st = _State(text, anchor, history, Point.of(anchor) if anchor else None)
    out: list[Timex] = []
    for r in raws:
        tx = _resolve_one(st, r)
        if tx is not None:
            out.append(tx)
    return out


def _resolve_one(st: _State, r: Raw) -> Timex | None:
    try:
        return _resolve_checked(st, r)
    except (OverflowError, ValueError):  # "vor 99999999999 Tagen": no calendar date
        return Timex(start=r.start, end=r.end, text=r.text,
                     type="duration" if r.kind in ("duration", "set") else "date")


def _resolve_checked(st: _State, r: Raw) -> Timex | None:
    kind = r.kind
    fn = {"date": _date, "deictic": _deictic, "rel": _rel, "weekday": _weekday,
          "time": _time, "event": _event}.get(kind)
    if fn is None:  # duration, set
        return Timex(start=r.start, end=r.end, text=r.text,
                     type="set" if kind == "set" else "duration", value=r.sem.get("value"),
                     precision=None, direction=r.sem.get("direction", "unknown"))
    value, precision, direction = fn(st, r)
    if value is None and r.sem.get("fallback"):  # "nach 77 Tagen" with no day to count from
        return Timex(start=r.start, end=r.end, text=r.text, type="duration",
                     value=r.sem["fallback"], precision=None)
    if kind == "event" and value is None:
        return None  # "Kriegsende" of a war we know no date of: not worth a vague mention
    if direction == "unknown" and value:
        direction = _direction_of(st.anchor, value, precision)
    return Timex(start=r.start, end=r.end, text=r.text, type="time" if kind == "time" else "date",
                 value=value, precision=precision, direction=direction)


Result = tuple[str | None, str | None, str]


def _clause_tense(st: _State, r: Raw) -> str | None:
    return clause_tense(st.text, r.start, r.end, (r.lang,))


def _base(st: _State, base: str) -> Point | None:
    if base == "deictic" and not st.history:
        return Point.of(st.anchor) if st.anchor else None
    return st.ref


def _set_ref(st: _State, p: Point) -> None:
    st.ref = p


def _fill_year(st: _State, r: Raw, sem: dict[str, Any]) -> int | None:
    """The year of a date written without one."""
    if "yrel" in sem:
        base, off = sem["yrel"]
        b = _base(st, base)
        return b.y + off if b else None
    if st.history:
        return st.ref.y if st.ref else None
    if st.year_pos and r.start - st.year_pos[0] < REF_YEAR_REACH and (
            st.anchor is None or st.year_pos[1] != st.anchor.year):
        return st.year_pos[1]
    if st.anchor is None:
        return st.year_pos[1] if st.year_pos else None
    return _nearest_year(st, r, sem)


def _nearest_year(st: _State, r: Raw, sem: dict[str, Any]) -> int:
    """The anchor's year, or the one before/after when that puts the date nearer the anchor,
    in the direction the clause's tense says ("am 30. Dezember" read on 2 January)."""
    assert st.anchor is not None
    a = st.anchor
    m = sem.get("m") or SEASON_MONTH.get(sem.get("season", ""), 6)
    d = sem.get("d") or 15
    t = _clause_tense(st, r)
    best: tuple[float, int] | None = None
    for y in (a.year - 1, a.year, a.year + 1):
        try:
            cand = date(y, m, min(d, 28) if m == 2 else d)
        except ValueError:
            continue
        delta = (cand - a).days
        slack = 0 if sem.get("d") else 31
        if t == "future" and delta < -slack:
            continue
        if t == "past" and delta > slack:
            continue
        score = abs(delta)
        if best is None or score < best[0]:
            best = (score, y)
    return best[1] if best else a.year


def _date(st: _State, r: Raw) -> Result:
    sem = r.sem
    if "century" in sem:
        c = sem["century"]
        return (f"BC{-c:02d}" if sem.get("bc") else f"{c:02d}"), "century", "unknown"
    if "decade" in sem or "decade2" in sem:
        dec = sem.get("decade")
        if dec is None:
            base = (st.ref.y if st.ref else 1900) // 100
            dec = base * 10 + sem["decade2"] % 10
        return str(dec), "decade", "unknown"
    y = sem.get("y")
    if y is None and "y2" in sem:
        base = st.ref.y if st.ref else (st.anchor.year if st.anchor else 2000)
        y = base // 100 * 100 + sem["y2"]
        if y > base + 20:
            y -= 100
    if sem.get("holiday") and "easter" in sem:
        return _easter_holiday(st, r, y)
    explicit = y is not None
    if explicit and st.ref and st.ref.y < 0 < y and y < -st.ref.y + 100:
        y = -y  # "im Jahr 478" in a narrative about the 5th century BC
    if y is None:
        y = _fill_year(st, r, sem)
    if y is None:
        return None, _precision(sem), "unknown"
    if explicit:
        st.year_pos = (r.end, y)
    boundary = _is_boundary(st.text, r)
    if "season" in sem:
        if not boundary:
            _set_ref(st, Point(y))
        return f"{fmt_year(y)}-{sem['season']}", "season", "unknown"
    p = Point(y, sem.get("m"), sem.get("d"))
    if not boundary:
        _set_ref(st, p)
    value, precision = fmt(p)
    if "h" in sem:
        return f"{value}T{sem['h']:02d}:{sem['mi']:02d}", "time", "unknown"
    return value, precision, "unknown"


_BOUNDARY_WORDS = frozenset({"bis", "ab", "seit", "zwischen", "until", "since", "till", "/", "–",
                             "-", "bzw.", "spätestens", "frühestens"})


def _is_boundary(text: str, r: Raw) -> bool:
    """A date that bounds a range ("ab 1941", "bis Mai 1945", "1944/1945") names no new
    narrative time, so it does not move the reference time."""
    before = text[max(0, r.start - 12):r.start].split()
    if before and before[-1].lower() in _BOUNDARY_WORDS:
        return True
    if before and before[-1][-1:] in "/–-" and r.start > 0 and not text[r.start - 1].isspace():
        return True
    nxt = text[r.end:r.end + 2]
    return nxt[:1] in ("/", "–") or nxt == "-" or nxt.startswith(" –") and r.sem.get("d") is None


def easter(year: int) -> date:
    """Easter Sunday (Gregorian computus, Meeus/Jones/Butcher)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = b // 4, b % 4
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    l_ = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * l_) // 451
    month = (h + l_ - 7 * m + 114) // 31
    day = (h + l_ - 7 * m + 114) % 31 + 1
    return date(year, month, day)


def _easter_holiday(st: _State, r: Raw, y: int | None) -> Result:
    """Easter-based holidays: the year given, else the one nearest the anchor / reference."""
    offset = timedelta(days=int(r.sem["easter"]))
    if y is None:
        if st.history or st.anchor is None:
            if st.ref is None or st.ref.y < 1583:
                return None, "day", "unknown"
            y = st.ref.y
        else:
            a = st.anchor
            y = min((a.year - 1, a.year, a.year + 1),
                    key=lambda yy: abs((easter(yy) + offset - a).days))
    if y < 1583:  # no Gregorian Easter
        return None, "day", "unknown"
    day = easter(y) + offset
    _set_ref(st, Point.of(day))
    return day.isoformat(), "day", "unknown"


def _precision(sem: dict[str, Any]) -> str:
    if "season" in sem:
        return "season"
    if sem.get("d"):
        return "day"
    return "month" if sem.get("m") else "year"


def _nearest_weekday(day: date, weekday: int, anchor: date, offset: int) -> date:
    """The day with ``weekday`` nearest to ``day`` that stays past (or future) of the anchor."""
    options = [day + timedelta(days=k) for k in range(-6, 7)
               if (day + timedelta(days=k)).weekday() == weekday]
    sided = [d for d in options if (offset < 0 and d < anchor) or (offset > 0 and d > anchor)
             or offset == 0]
    return min(sided or options, key=lambda d: abs((d - day).days))


def _deictic(st: _State, r: Raw) -> Result:
    if st.anchor is None:
        return None, "day", "unknown"
    day = st.anchor + timedelta(days=r.sem["offset"])
    if "wd" in r.sem:  # "am gestrigen Mittwoch": the nearest such day on the same side
        day = _nearest_weekday(day, r.sem["wd"], st.anchor, r.sem["offset"])
    if not st.history:
        _set_ref(st, Point.of(day))
    off = r.sem["offset"]
    return day.isoformat(), "day", ("past" if off < 0 else "future" if off > 0 else "present")


def _rel(st: _State, r: Raw) -> Result:
    sem = r.sem
    base = _base(st, sem["base"])
    off = sem.get("offset")
    unit = sem["unit"]
    if base is None or off is None:
        direction = "unknown"
        if sem.get("sign"):
            direction = "past" if sem["sign"] < 0 else "future"
        return None, _unit_precision(unit), direction
    value: str | None = None
    precision = _unit_precision(unit)
    if unit == "Y":
        p = Point(base.y + off)
        value = fmt_year(p.y)
    elif unit == "M" and base.m is not None:
        y, m = add_months(base.y, base.m, off)
        p = Point(y, m)
        value = f"{fmt_year(y)}-{m:02d}"
        if (base.d is not None and off != 0 and sem["base"] == "anaphoric"
                and Point(y, m, base.d).day()):
            p = Point(y, m, base.d)  # "drei Monate später" keeps the day it counts from
            value, precision = fmt(p)
    elif unit in ("D", "W", "WE") and base.day() is not None:
        day = base.day()
        assert day is not None
        if unit == "D":
            day = day + timedelta(days=off)
            p = Point.of(day)
            value = day.isoformat()
        else:
            if unit == "WE" and sem.get("bare") and not st.history:
                # the coming weekend when the clause looks ahead, else the one just past
                if _clause_tense(st, r) == "future":
                    off = 1 if day.weekday() == 6 else 0
                else:
                    off = -1 if day.weekday() < 5 else 0
            monday = day - timedelta(days=day.weekday()) + timedelta(weeks=off)
            p = Point.of(monday)
            value = monday.isoformat()
            if unit == "WE":  # a weekend is its Saturday (two days, not a week)
                value, precision = (monday + timedelta(days=5)).isoformat(), "day"
    else:
        return None, precision, "unknown"
    if unit not in ("W", "WE") and off >= 0:
        _set_ref(st, p)  # a look back ("im Vorjahr", "zwei Tage zuvor") is an aside
    return value, precision, "unknown"


def _unit_precision(unit: str) -> str:
    return {"D": "day", "W": "week", "WE": "week", "M": "month", "Y": "year"}.get(unit, "day")


def _weekday(st: _State, r: Raw) -> Result:
    base = Point.of(st.anchor) if st.anchor and not st.history else st.ref
    day0 = base.day() if base else None
    if day0 is None:
        return None, "day", "unknown"
    wd = r.sem["wd"]
    explicit = r.sem.get("explicit")
    if explicit is not None and explicit != 0:
        direction = "future" if explicit > 0 else "past"
        strict = True
    else:
        direction = r.sem.get("cue") or _clause_tense(st, r) or "past"
        strict = False
    if direction == "future":
        delta = (wd - day0.weekday()) % 7
        if delta == 0 and strict:
            delta = 7
    else:
        delta = -((day0.weekday() - wd) % 7)
        if delta == 0 and strict:
            delta = -7
    day = day0 + timedelta(days=delta)
    _set_ref(st, Point.of(day))
    return day.isoformat(), "day", direction


def _time(st: _State, r: Raw) -> Result:
    day = st.ref.day() if st.ref else None
    if day is None:
        return None, "time", "unknown"
    return f"{day.isoformat()}T{r.sem['h']:02d}:{r.sem['mi']:02d}", "time", "unknown"


def _event(st: _State, r: Raw) -> Result:
    low = st.text.lower()
    term = " ".join(r.sem["term"].split())
    for ev in known_events():
        if not any(term.startswith(t) or t.startswith(term.rstrip("s")) for t in ev["terms"]):
            continue
        if not any(c in low for c in ev["context"]):
            continue
        day = ev["date"] if isinstance(ev["date"], date) else date.fromisoformat(ev["date"])
        if st.anchor and day > st.anchor:
            continue
        return day.isoformat(), "day", "past"
    return None, "day", "past"


def _direction_of(anchor: date | None, value: str, precision: str | None) -> str:
    if anchor is None or value.startswith("BC") or value.startswith("P"):
        return "unknown" if anchor is None else "past"
    a = anchor.isoformat()
    n = {"day": 10, "week": 10, "time": 10, "month": 7, "year": 4,
         "season": 4}.get(precision or "", 0)
    if not n:
        return "past" if value < a[: len(value)] else "unknown"
    if precision == "week":
        monday = date.fromisoformat(value[:10])
        if monday <= anchor < monday + timedelta(days=7):
            return "present"
        return "past" if monday < anchor else "future"
    v = value[:n]
    if v == a[:n]:
        return "present"
    return "past" if v < a[:n] else "future"
