"""Publication-date inference for documents that come without a date.

Evidence, strongest first:

1. a dateline: a full date (day, month, year) in the first lines of the text;
2. durations anchored to known events (``data/known_events.yaml``): "der 19-monatige
   Angriffskrieg" in an article about Russia and Ukraine means 19–20 months after 2022-02-24;
3. dated roles from the knowledge base (``lagebild.kb.api.persons_in_text``): a person named
   with a role title ("US-Präsident Trump") bounds the date by that role's term;
4. the dates the text mentions: the latest year written out, and the latest day or month in
   that year that is not in a future clause, is about when the article was written.

(1)–(3) are constraints (windows that are intersected); (4) gives the estimate and a window
that is used when it agrees with the constraints.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache

from lagebild.kb.api import PersonRoles, persons_in_text
from lagebild.model import Document, Published
from lagebild.timex.clauses import clause_bounds, sentence_bounds, tense
from lagebild.timex.lexicon import alt, known_events, lexicon, number_of, unit_of
from lagebild.timex.resolve import add_months
from lagebild.timex.tagger import Raw, tag

DATELINE_CHARS = 200  # a full date this near the start is taken as the dateline
EARLIEST = date(1900, 1, 1)
# after the latest event a text mentions, publication follows within about a month
FOLLOW_DAYS = 31
_FUTURE_OR_RANGE = frozenset({"bis", "ab", "until", "by", "from", "ab dem", "vom"})


@dataclass(order=True)
class Window:
    lo: date
    hi: date

    def intersect(self, other: Window) -> Window | None:
        lo, hi = max(self.lo, other.lo), min(self.hi, other.hi)
        return Window(lo, hi) if lo <= hi else None

    def clip(self, day: date) -> date:
        return min(max(day, self.lo), self.hi)

    def mid(self) -> date:
        return self.lo + (self.hi - self.lo) / 2


def ensure_published(doc: Document, spans: list[tuple[int, int]] | None = None,
                     langs: tuple[str, ...] = ("de", "en"),
                     raws: list[Raw] | None = None) -> None:
    """Set ``doc.published`` (origin ``inferred``) when the input gave no date."""
    if doc.published.value:
        return
    inferred = infer(doc.text, langs, spans, raws=raws)
    if inferred is not None:
        doc.published = inferred


Spans = list["Window"]  # a union of disjoint windows (a person may hold a role twice)


def infer(text: str, langs: tuple[str, ...] = ("de", "en"),
          spans: list[tuple[int, int]] | None = None,
          persons: list[PersonRoles] | None = None,
          today: date | None = None, raws: list[Raw] | None = None) -> Published | None:
    """The inferred publication date of ``text`` with its window, or None without evidence.
    ``raws`` are the tagged expressions when the caller has them already."""
    today = today or date.today()
    spans = spans or [(0, len(text))]
    if raws is None:
        raws = [r for s, e in spans for r in tag(text, langs, s, e)]
    strong: list[Spans] = []
    dateline = _dateline(text, raws, spans[0][0])
    if dateline:
        strong.append([Window(dateline, dateline + timedelta(days=1))])
    strong.extend([w] for w in event_windows(text, langs))
    strong.extend([w] for w in age_windows(text, raws))
    if persons is None:
        persons = persons_in_text(text)
    strong.extend(r for r in (role_spans(p, today) for p in persons if p.titled) if r)
    weak = [r for r in (role_spans(p, today) for p in persons if not p.titled) if r]
    estimate, text_window = _from_mentions(text, raws, today)
    if not strong and estimate is None:
        return None
    possible: Spans = [Window(EARLIEST, today)]
    for constraint in strong:
        narrowed = _intersect(possible, constraint)
        if narrowed:  # contradicting evidence is dropped: keep what we had
            possible = narrowed
    if estimate is not None and text_window is not None and not _intersect(
            possible, [text_window]):
        estimate = None  # the text's year guess contradicts the constraints: re-place below
    for constraint in ([[text_window]] if text_window else []) + weak:
        narrowed = _intersect(possible, constraint)
        if narrowed:
            possible = narrowed
    window = _choose(possible, estimate)
    if estimate is None:
        placed = _place_partial(raws, window)
        if placed:
            estimate = placed
            window = window.intersect(Window(placed, placed + timedelta(days=FOLLOW_DAYS))) \
                or window
    value = dateline or (window.clip(estimate) if estimate else window.mid())
    return Published(value=value.isoformat(), origin="inferred",
                     window=[window.lo.isoformat(), window.hi.isoformat()])


def _intersect(a: Spans, b: Spans) -> Spans:
    return [w for x in a for y in b if (w := x.intersect(y)) is not None]


def _choose(possible: Spans, estimate: date | None) -> Window:
    """The window holding the estimate, else the latest one (news is read when it is new)."""
    for w in possible:
        if estimate and w.lo <= estimate <= w.hi:
            return w
    return max(possible, key=lambda w: w.hi)


def role_spans(person: PersonRoles, today: date) -> Spans:
    """The spans during which ``person`` held one of their dated roles (merged)."""
    spans = sorted(Window(r.start or EARLIEST, (r.end - timedelta(days=1)) if r.end else today)
                   for r in person.roles)
    merged: Spans = []
    for w in spans:
        if w.lo > w.hi:
            continue
        if merged and w.lo <= merged[-1].hi + timedelta(days=1):
            merged[-1] = Window(merged[-1].lo, max(merged[-1].hi, w.hi))
        else:
            merged.append(w)
    return merged


def _dateline(text: str, raws: list[Raw], start: int) -> date | None:
    for r in raws:
        if r.start - start > DATELINE_CHARS:
            break
        if r.kind == "date" and {"y", "m", "d"} <= r.sem.keys() and r.sem["y"] > 1900:
            if _is_future(text, r):
                continue
            try:
                return date(r.sem["y"], r.sem["m"], r.sem["d"])
            except ValueError:
                continue
    return None


def _is_future(text: str, r: Raw) -> bool:
    before = text[max(0, r.start - 10):r.start].lower().split()
    if before and before[-1] in _FUTURE_OR_RANGE:
        return True
    s0, s1 = sentence_bounds(text, r.start)
    c0, c1 = clause_bounds(text, r.start, r.end, s0, s1)
    return tense(text, c0, c1) == "future"


def _from_mentions(text: str, raws: list[Raw], today: date
                   ) -> tuple[date | None, Window | None]:
    """Estimate from the dates the text mentions (see module docstring, point 4).

    A day written without a year ("am 3. August") is about the present of the article; its
    year is the latest year the text writes out (or, with a weekday, the first year from
    there on where that day falls on that weekday). Without such a day, the latest dated
    mention in the latest year bounds the date from below."""
    past = [r for r in raws if r.kind == "date" and not _is_future(text, r)
            and not _is_biographical(text, r)]
    years = [r.sem["y"] for r in past if isinstance(r.sem.get("y"), int)
             and "decade" not in r.sem and 1900 < r.sem["y"] <= today.year]
    year = max(years) if years else None
    partial = [r.sem for r in past if "y" not in r.sem and "yrel" not in r.sem
               and "d" in r.sem and "m" in r.sem]
    if partial and year is not None:
        days = [_day_in_year(sem, year, today.year) for sem in partial]
        good = [d for d in days if d and d <= today]
        if good:
            last = max(good)
            return last, Window(last, last + timedelta(days=FOLLOW_DAYS))
    if year is None:
        return None, None
    in_year = [r.sem for r in past if r.sem.get("y") == year and "m" in r.sem]
    full = [date(year, s["m"], s["d"]) for s in in_year if "d" in s and _valid(year, s)]
    if full:
        last = max(full)
        return last + timedelta(days=1), Window(last, last + timedelta(days=HALF_YEAR))
    if in_year:
        lo = date(year, max(s["m"] for s in in_year), 1)
        return lo + timedelta(days=14), Window(lo, lo + timedelta(days=HALF_YEAR))
    # a bare year ("seit 1996") says only that the text is not older: a lower bound, no
    # estimate (texts name past years far more often than their own)
    return None, Window(date(year, 1, 1), today)


HALF_YEAR = 183


def _valid(year: int, sem: dict[str, object]) -> bool:
    try:
        date(year, sem["m"], sem["d"])  # type: ignore[arg-type]
    except (ValueError, TypeError):
        return False
    return True


def _day_in_year(sem: dict[str, object], year: int, last_year: int) -> date | None:
    """The date of a day-and-month in ``year``; with a weekday ("Donnerstag, 8. September")
    the first year from ``year`` on where the weekday fits."""
    wd = sem.get("wd")
    for y in range(year, last_year + 1 if wd is not None else year + 1):
        if not _valid(y, sem):
            continue
        day = date(y, sem["m"], sem["d"])  # type: ignore[arg-type]
        if wd is None or day.weekday() == wd:
            return day
    return None


_BIO = re.compile(r"\bgebor|\bgest(?:orben|\.)|\bborn\b|\bdied\b|\(\s*[*†]", re.IGNORECASE)
_AGE = re.compile(
    r"(?P<a>\d{1,3})(?:\s+Jahre\s+alt|-[Jj]ährige|\.\s+Geburtstag|\s+years\s+old|-year-old)"
    r"|im\s+Alter\s+von\s+(?P<b>\d{1,3})\s+Jahren|at\s+the\s+age\s+of\s+(?P<c>\d{1,3})")


def _is_biographical(text: str, r: Raw) -> bool:
    """A birth or death date ("am 5. August 1930 geboren", "(* 1930)")."""
    s0, s1 = sentence_bounds(text, r.start)
    c0, c1 = clause_bounds(text, r.start, r.end, s0, s1)
    return bool(_BIO.search(text, max(s0, r.start - 6), c1)) or bool(
        _BIO.search(text, c0, r.start))


def age_windows(text: str, raws: list[Raw]) -> list[Window]:
    """A birth date plus a stated age ("am 5. August 1930 geboren", "wird 75 Jahre alt")
    dates the text — when the text gives exactly one birth date and one age."""
    births = {(r.sem["y"], r.sem.get("m"), r.sem.get("d")) for r in raws if r.kind == "date"
              and isinstance(r.sem.get("y"), int) and r.sem["y"] > 1800
              and _is_biographical(text, r) and _BIO.search(text, r.start - 40, r.end + 60)
              and re.search(r"gebor|born|\*", text[max(0, r.start - 40):r.end + 60])}
    ages = {int(next(g for g in m.groups() if g)) for m in _AGE.finditer(text)}
    if len(births) != 1 or len(ages) != 1:
        return []
    (y, m, d), age = births.pop(), ages.pop()
    if m and d and _valid(y + age, {"m": m, "d": d}):
        lo = date(y + age, m, d)
    else:
        lo = date(y + age, 1, 1)
    return [Window(lo, lo + timedelta(days=365))]


def _place_partial(raws: list[Raw], window: Window) -> date | None:
    """With no year in the text, the first occurrence inside ``window`` of the latest
    day-and-month it mentions ("am 9. Juli" in a window from February 2025 -> 2025-07-09)."""
    partial = [r.sem for r in raws if r.kind == "date" and "y" not in r.sem
               and "yrel" not in r.sem and "d" in r.sem and "m" in r.sem]
    if not partial or (window.hi - window.lo).days > 8 * 366:
        return None
    found: list[date] = []
    for sem in partial:
        for y in range(window.lo.year, window.hi.year + 1):
            day = _day_in_year(sem, y, y)
            if day and window.lo <= day <= window.hi:
                found.append(day)
                break
    return max(found) if found else None


# --- durations anchored to known events --------------------------------------------------


@cache
def _event_patterns(lang: str) -> list[tuple[dict[str, object], re.Pattern[str]]]:
    """Per known event: an adjectival-duration pattern and a counted-duration pattern."""
    lex = lexicon(lang)
    num = rf"(?:\d+|{alt(lex['numbers'])})"
    units = alt(f for forms in lex["units"].values() for f in forms)
    adj = alt(lex["unit_adjectives"].values())
    qmod = alt(lex["quantity_modifiers"])
    out = []
    for ev in known_events():
        terms = alt(ev["terms"])
        # "der 19-monatige Angriffskrieg", "the three-year-old war"
        p1 = (rf"(?P<q>{qmod})?\s*\b(?P<n>{num})[-\s]?(?P<ua>{adj})\w*(?:-old|-long)?\s+"
              rf"(?:\w+\s+){{0,2}}?(?:russischen\s+|russian\s+)?(?P<t>{terms})\b")
        # "seit mehr als drei Jahren ... Krieg", "drei Jahre nach Beginn der Invasion",
        # "more than three years after the invasion", "two years into the war"
        p2 = (rf"(?P<pre>seit|since|vor)?\s*(?P<q>{qmod})?\s*\b(?P<n>{num})\s+(?P<u>{units})\s+"
              rf"(?P<rel>nach|after|into|since|of)?\s*(?:[\w'’-]+\s+){{0,4}}?(?P<t>{terms})\b")
        out.append((ev, re.compile(p1, re.IGNORECASE)))
        out.append((ev, re.compile(p2, re.IGNORECASE)))
    return out


def event_windows(text: str, langs: tuple[str, ...] = ("de", "en")) -> list[Window]:
    """Windows implied by durations counted from known events ("19-monatiger Krieg")."""
    low = text.lower()
    out: list[Window] = []
    for lang in langs:
        for ev, pattern in _event_patterns(lang):
            if not any(c in low for c in ev["context"]):  # type: ignore[union-attr]
                continue
            start = ev["date"] if isinstance(ev["date"], date) else date.fromisoformat(
                str(ev["date"]))
            for m in pattern.finditer(text):
                w = _window_from_match(m, lang, start)
                if w:
                    out.append(w)
    return out


def _window_from_match(match: re.Match[str], lang: str, start: date) -> Window | None:
    m = {k: v or "" for k, v in match.groupdict().items()}
    n = number_of(lang, m["n"])
    if not isinstance(n, float) or n <= 0 or not n.is_integer():
        return None
    if m.get("ua"):
        unit = {v: k for k, v in lexicon(lang)["unit_adjectives"].items()}.get(m["ua"].lower())
    else:
        unit = unit_of(lang, m["u"])
        if not (m.get("pre") or m.get("rel")):
            return None  # "drei Monate Krieg" without "seit/nach" is not anchored
    if unit not in ("D", "W", "M", "Y"):
        return None
    k = int(n)
    if k > 200:  # not a count of days/months/years since a modern event
        return None
    lo, hi = _shift(start, unit, k), _shift(start, unit, k + 1)
    q = " ".join(m["q"].lower().split())
    if q in ("fast", "knapp", "beinahe", "nahezu", "almost", "nearly"):
        lo, hi = _shift(start, unit, k - 1), _shift(start, unit, k)
    elif q in ("mehr als", "über", "more than", "over"):
        hi = _shift(start, unit, k + 2) if unit == "Y" else _shift(start, unit, k + 3)
    return Window(lo, hi - timedelta(days=1))


def _shift(day: date, unit: str, n: int) -> date:
    if unit == "D":
        return day + timedelta(days=n)
    if unit == "W":
        return day + timedelta(weeks=n)
    months = n * 12 if unit == "Y" else n
    y, m = add_months(day.year, day.month, months)
    for d in (day.day, 28):
        try:
            return date(y, m, d)
        except ValueError:
            continue
    return date(y, m, 28)
