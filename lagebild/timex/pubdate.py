"""Publication-date inference for documents that come without a date.

Evidence that constrains (windows, intersected; one that contradicts the rest is dropped):

1. durations anchored to known events (``data/known_events.yaml``): "der 19-monatige
   Angriffskrieg" in an article about Russia and Ukraine means 19–20 months after 2022-02-24;
   an age with a birth date; "vor 30 Jahren" / "zum 80. Jahrestag" with the dated event;
2. dated roles from the knowledge base (``lagebild.kb.api.persons_in_text``): a person named
   with a role title ("US-Präsident Trump") bounds the date by the term of the role the title
   names; one called former ("der frühere Minister") only from below;
3. the dates the text mentions: every reported one bounds the date from below, every one it
   looks ahead to ("soll am 1. Juli", "bis 2030", "für den 3. Mai") from above.

A value (origin ``inferred``) comes from a dateline, from the latest day the text reports in
the latest year it names, from a day without a year that the evidence places in one year, or
from a window narrower than two months. Otherwise the result has origin ``unknown``, no value
and the window: a wrong date would misdate every relative expression of the text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date, timedelta
from functools import cache

from lagebild.kb.api import PersonRoles, persons_in_text
from lagebild.model import Document, Published
from lagebild.timex.clauses import clause_bounds, clause_tense, sentence_bounds
from lagebild.timex.lexicon import alt, known_events, lexicon, number_of, unit_of
from lagebild.timex.resolve import add_months
from lagebild.timex.tagger import Raw, tag

DATELINE_CHARS = 200  # a full date this near the start is taken as the dateline
EARLIEST = date(1900, 1, 1)
# words before a date that make it a deadline or a start ("bis 2010", "ab Mai") — unless the
# clause is in the past ("bis 2019 dauerte")
_FUTURE_OR_RANGE = frozenset({"bis", "ab", "until", "by"})
# words before a date that make it a target whatever the tense: "hat das Treffen für den
# 3. Mai angesetzt", "scheduled for 3 May" ("auf" is not: "vom 4. auf den 5. Juni")
_TARGET = frozenset({"für", "for"})
_PERIOD_START = re.compile(r"\b(?:von|vom|seit|zwischen|from|between|since)\b", re.IGNORECASE)
_ARTICLES = frozenset({"den", "dem", "das", "die", "the", "diesen", "this"})


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
    """Set ``doc.published`` when the input gave no date: origin ``inferred`` with a value
    when the evidence places the date, else origin ``unknown`` with only a window."""
    if doc.published.value:
        return
    inferred = infer(doc.text, langs, spans, raws=raws)
    if inferred is not None:
        doc.published = inferred


Spans = list["Window"]  # a union of disjoint windows (a person may hold a role twice)
# a day reported this long before a day the text looks ahead to is history (see
# _Mentions.looks_back_from)
HISTORY_GAP_DAYS = 183
# a text looking ahead to a day may appear a few days after it was written
AHEAD_SLACK_DAYS = 7
# a window this narrow is itself an estimate (its middle is at most a month off)
NARROW_DAYS = 62


def infer(text: str, langs: tuple[str, ...] = ("de", "en"),
          spans: list[tuple[int, int]] | None = None,
          persons: list[PersonRoles] | None = None,
          today: date | None = None, raws: list[Raw] | None = None) -> Published | None:
    """The publication date of ``text`` as far as the text says, or None without evidence.

    The result has origin ``inferred`` and a value when a dateline, a day the text reports,
    or a narrow window places the date; with weaker evidence (a year named, a role held for
    years) it has origin ``unknown``, no value, and the window the evidence allows.
    ``raws`` are the tagged expressions when the caller has them already."""
    today = today or date.today()
    spans = spans or [(0, len(text))]
    if raws is None:
        raws = [r for s, e in spans for r in tag(text, langs, s, e)]
    dateline = _dateline(text, raws, spans[0][0])
    if dateline:
        return _published(dateline, Window(dateline, dateline))
    if persons is None:
        persons = persons_in_text(text)
    strong: list[Spans] = [[w] for w in event_windows(text, langs)]
    strong.extend([w] for w in age_windows(text, raws))
    strong.extend([w] for w in anniversary_windows(text, raws, langs))
    strong.extend(r for r in (_person_spans(text, p, today) for p in persons if p.titled) if r)
    possible: Spans = [Window(EARLIEST, today)]
    for constraint in strong:
        narrowed = _intersect(possible, constraint)
        if narrowed:  # contradicting evidence is dropped: keep what we had
            possible = narrowed
    mentions = _Mentions.read(text, raws, today)
    # days without a year are placed by the strong evidence only: a mention wrongly read as
    # past must not push them into a later year
    placing = possible
    bounds = mentions.bounds(today)
    if bounds is not None:
        narrowed = _intersect(possible, [bounds])
        if narrowed:
            possible = narrowed
    if not strong and bounds is None:
        return None
    estimate = mentions.estimate(placing)
    if estimate is not None and mentions.looks_back_from(estimate):
        estimate = None
    soon = mentions.imminent() if estimate is None else None
    if soon is not None and (narrowed := _intersect(possible, [soon])):
        possible = narrowed
    window = _choose(possible, estimate)
    if estimate is not None and window.lo <= estimate <= window.hi:
        # the window is what the evidence allows: from the day reported (a text is not older
        # than what it reports) to the latest the other evidence allows — not a guess of
        # how soon news follows its events
        return _published(estimate, Window(estimate, window.hi))
    if (window.hi - window.lo).days <= NARROW_DAYS:
        return _published(window.mid(), window)
    return Published(value=None, origin="unknown",
                     window=[window.lo.isoformat(), window.hi.isoformat()])


def _published(value: date, window: Window) -> Published:
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


# "der frühere Außenminister X", "Altkanzler X", "the former president X": the role is over
_FORMER = re.compile(
    r"(?:\b(?:ehemalig|früher|einstig|damalig|vormalig)(?:e|en|er|es|em)\s+|\bEx-|\bAlt(?=kanzler"
    r"|bundeskanzler|präsident|bundespräsident)|\bformer\s+|\bthen-|\bthe\s+late\s+)"
    r"(?:\S+\s+){0,2}$", re.IGNORECASE)


def _person_spans(text: str, person: PersonRoles, today: date) -> Spans:
    """The role spans of a titled person — of the roles their title names ("Außenminister X":
    not X's later presidency) when the knowledge base knows them; when the text calls them
    former ("der frühere Minister"), only the start of their first role bounds the date (from
    below)."""
    named = tuple(r for r in person.roles if r.key and r.key in person.title_keys)
    spans = role_spans(replace(person, roles=named or person.roles), today)
    if not spans:
        return spans
    surname = person.name.split()[-1]
    for m in re.finditer(rf"\b{re.escape(surname)}\b", text):
        if _FORMER.search(text[max(0, m.start() - 60):m.start()]):
            return [Window(spans[0].lo, today)]
    return spans


# a dateline: the date opens a line, after at most a place ("Kiew, ", "Berlin (dpa) ")
_DATELINE_BEFORE = re.compile(r"[ \t]*(?:[A-ZÄÖÜ][\w.\-/ ]{0,40}?"
                              r"(?:\s*\([^()\n]{0,30}\))?\s*,?\s*)?")
_DATELINE_AFTER = re.compile(r"[ \t]*(?:[–—\-:|(/]|\n|$)")


def _dateline(text: str, raws: list[Raw], start: int = 0) -> date | None:
    for r in raws:
        if r.start - start > DATELINE_CHARS:
            break
        if r.kind != "date" or not {"y", "m", "d"} <= r.sem.keys() or r.sem["y"] <= 1900:
            continue
        line_start = text.rfind("\n", 0, r.start) + 1
        if not (_DATELINE_BEFORE.fullmatch(text, line_start, r.start)
                and _DATELINE_AFTER.match(text, r.end)):
            continue
        day = _full_day(r.sem)
        if day:
            return day
    return None


def _full_day(sem: dict[str, object]) -> date | None:
    """The day of a full date; a weekday that does not fit the year written, but fits the
    year before or after, corrects the year (a slip of the year in a news text)."""
    y = sem["y"]
    if not isinstance(y, int) or not _valid(y, sem):
        return None
    day = date(y, sem["m"], sem["d"])  # type: ignore[arg-type]
    wd = sem.get("wd")
    if wd is None or day.weekday() == wd:
        return day
    for other in (y + 1, y - 1):
        if _valid(other, sem) and date(other, sem["m"], sem["d"]).weekday() == wd:  # type: ignore[arg-type]
            return date(other, sem["m"], sem["d"])  # type: ignore[arg-type]
    return day


def _is_future(text: str, r: Raw) -> bool:
    """A date the text looks ahead to: a future clause, a target ("für den 3. Mai"), or a
    deadline or start ("bis 2010") in a clause that is not in the past ("bis 2019 dauerte")."""
    before = [w for w in text[max(0, r.start - 16):r.start].lower().split()
              if w not in _ARTICLES]
    last = before[-1] if before else ""
    if last in ("zum", "zur") and len(before) > 1 and before[-2] == "bis":
        last = "bis"  # "bis zum 15. Mai": a deadline
    if last in _TARGET:
        return True
    t = clause_tense(text, r.start, r.end, (r.lang,))
    if t == "future":
        return True
    # "vom 3. Mai bis zum 9. August 1998": the end of a period told, not a deadline
    period = _PERIOD_START.search(text, max(0, r.start - 40), r.start)
    return t != "past" and last in _FUTURE_OR_RANGE and not period


@dataclass
class _Mentions:
    """The dated mentions of a text that are not in a future clause and not a birth or death.

    Every such mention bounds the publication date from below (the text reports it); the
    latest day mentioned is the estimate (news follows its events within days)."""

    days: list[date]  # full dates
    partial: list[dict[str, object]]  # day and month without a year ("am 3. August")
    months: list[date]  # first day of a month with its year ("im März 2019")
    years: list[int]  # every year written with a past mention
    ahead: list[date]  # the last day of each dated period the text looks ahead to
    ahead_days: list[date]  # the days (with day and month) it looks ahead to
    ahead_weekdays: list[date]  # those of them written with their weekday

    @classmethod
    def read(cls, text: str, raws: list[Raw], today: date) -> _Mentions:
        dated = [r for r in raws if r.kind == "date" and "decade" not in r.sem]
        future = {id(r) for r in dated if _is_future(text, r)}
        past = [r for r in dated if id(r) not in future and not _is_biographical(text, r)]
        ahead = [d for r in dated if id(r) in future and (d := _last_day(r.sem))]
        days, partial, months, years = [], [], [], []
        for r in past:
            y = r.sem.get("y")
            sem = r.sem
            if y is None and "yrel" not in sem and "d" in sem and "m" in sem:
                y = _year_of_month(sem["m"], dated)
                if y is None:
                    partial.append(sem)
                    continue
                sem = {**sem, "y": y}
            if not isinstance(y, int) or not 1900 < y <= today.year:
                continue
            if "m" in sem and "d" in sem:
                day = _full_day(sem)
                if day and day <= today:
                    days.append(day)
                    y = day.year  # corrected by its weekday
            elif isinstance(sem.get("m"), int):
                months.append(date(y, sem["m"], 1))
            years.append(y)
        ahead_days = [d for r in dated if id(r) in future and "d" in r.sem
                      and (d := _last_day(r.sem))]
        ahead_weekdays = [d for r in dated if id(r) in future and "wd" in r.sem
                          and "d" in r.sem and (d := _full_day(r.sem) if "y" in r.sem else None)]
        return cls(days, partial, months, years, ahead, ahead_days, ahead_weekdays)

    def bounds(self, today: date) -> Window | None:
        """From the latest mention to the first period the text looks ahead to (a text
        planning something for 2010 was written before 2011), else to today; None without
        any dated mention."""
        lows = self.days + self.months + [date(y, 1, 1) for y in self.years]
        lo = max(lows) if lows else None
        his = [d for d in self.ahead if lo is None or d >= lo]
        # a text is published soon after it is written: a few days of slack
        hi = min(his) + timedelta(days=AHEAD_SLACK_DAYS) if his else None
        if lo is None and hi is None:
            return None
        return Window(lo or EARLIEST, min(hi or today, today))

    def imminent(self) -> Window | None:
        """The week before the first day looked ahead to with its weekday written ("am
        Dienstag, dem 7. Mai, will der Rat …"): a weekday is named for the coming days."""
        if not self.ahead_weekdays:
            return None
        day = min(self.ahead_weekdays)
        return Window(day - timedelta(days=7), day + timedelta(days=AHEAD_SLACK_DAYS))

    def looks_back_from(self, day: date) -> bool:
        """Whether the text looks ahead to a day long after ``day``: news names the days of
        plans in the coming weeks and months, so ``day`` is then history, not the present of
        the text. (A year looked ahead to, "bis 2030", says less: terms run for years.)"""
        return any(d - day > timedelta(days=HISTORY_GAP_DAYS) for d in self.ahead_days)

    def estimate(self, possible: Spans) -> date | None:
        """The latest day the text reports in the latest year it names, or a day without a
        year that the evidence places (see :func:`_place`)."""
        latest_year = max(self.years) if self.years else None
        days = [d for d in self.days if d.year == latest_year]
        placed = [d for d in (_place(sem, possible, latest_year) for sem in self.partial) if d]
        if days and latest_year is not None:
            # the text dates its story with a full date in that year: a later day written
            # without a year continues the story in that year
            placed += [d for sem in self.partial
                       if (d := _day(sem, latest_year)) and d > max(days)
                       and _fits(sem, d)]
        if not days and not placed:
            return None
        return max(days + placed)


def _last_day(sem: dict[str, object]) -> date | None:
    """The last day of a date with a year written ("2010" -> 2010-12-31)."""
    y = sem.get("y")
    if not isinstance(y, int) or y <= 1900:
        return None
    if "m" not in sem:
        return date(y, 12, 31)
    if "d" in sem and _valid(y, sem):
        return date(y, sem["m"], sem["d"])  # type: ignore[arg-type]
    m = sem["m"]
    if not isinstance(m, int) or not 1 <= m <= 12:
        return None
    return (date(y + 1, 1, 1) if m == 12 else date(y, m + 1, 1)) - timedelta(days=1)


def _year_of_month(month: object, dated: list[Raw]) -> int | None:
    """The year of a day written without one ("am 4. Juni") when the text writes that
    month with a year elsewhere ("2. Juni 2019", "im Juni 2019") — one year only."""
    found = {r.sem["y"] for r in dated
             if r.sem.get("m") == month and isinstance(r.sem.get("y"), int)}
    return found.pop() if len(found) == 1 else None


def _place(sem: dict[str, object], possible: Spans, latest_year: int | None) -> date | None:
    """A day and month without a year, placed where the evidence leaves one year only: with a
    weekday ("Donnerstag, 8. September"), the fitting year among the latest year named and the
    one after it, or the only fitting year in the possible window; without a weekday, the only
    year the possible window allows. (The latest year named alone is no evidence: texts name
    past years far more often than their own.)"""
    years = range(min(w.lo for w in possible).year, max(w.hi for w in possible).year + 1)
    inside = [d for y in years
              if (d := _day(sem, y)) and any(w.lo <= d <= w.hi for w in possible)]
    wd = sem.get("wd")
    if wd is not None:
        inside = [d for d in inside if d.weekday() == wd]
        if latest_year is not None:
            near = [d for d in inside if latest_year <= d.year <= latest_year + 1]
            if len(near) == 1:
                return near[0]
    return inside[0] if len(inside) == 1 else None


def _fits(sem: dict[str, object], day: date) -> bool:
    return sem.get("wd") is None or sem["wd"] == day.weekday()


def _day(sem: dict[str, object], year: int) -> date | None:
    return date(year, sem["m"], sem["d"]) if _valid(year, sem) else None  # type: ignore[arg-type]


def _valid(year: int, sem: dict[str, object]) -> bool:
    try:
        date(year, sem["m"], sem["d"])  # type: ignore[arg-type]
    except (ValueError, TypeError):
        return False
    return True


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


# --- anniversaries -------------------------------------------------------------------------

# days an anniversary article may come before or after the anniversary itself
ANNIVERSARY_SLACK = 31


@cache
def _anniversary_pattern(lang: str) -> re.Pattern[str]:
    num = rf"(?:\d{{1,3}}|{alt(lexicon(lang)['numbers'])})"
    return re.compile(
        rf"\b(?:vor\s+(?:genau\s+|fast\s+|knapp\s+|rund\s+)?(?P<ago>{num})\s+Jahren"
        rf"|(?P<ago_en>{num})\s+years\s+ago"
        rf"|(?P<nth>\d{{1,3}})(?:\.|st|nd|rd|th)?\s+(?:Jahrestag|Todestag|Geburtstag|Jubiläum"
        rf"|anniversary|birthday)"
        rf"|zum\s+(?P<mal>\d{{1,3}})\.\s+Mal\s+jährt)", re.IGNORECASE)


def anniversary_windows(text: str, raws: list[Raw],
                        langs: tuple[str, ...] = ("de", "en")) -> list[Window]:
    """A dated event and how long ago it was ("Vor 30 Jahren, am 3. Juni 1994, …", "zum 60.
    Jahrestag des 8. Mai 1945") date the text. The event is the date with a year in the same
    sentence, or — for a title ("Vor 20 Jahren: …") — the first one in the text."""
    dated = [r for r in raws if r.kind == "date" and isinstance(r.sem.get("y"), int)
             and r.sem["y"] > 0 and "decade" not in r.sem]
    title_end = text.find("\n")
    out: list[Window] = []
    for lang in langs:
        for m in _anniversary_pattern(lang).finditer(text):
            word = next(g for g in m.groups() if g)
            n = number_of(lang, word) if not word.isdigit() else float(word)
            if not isinstance(n, float) or not n.is_integer() or n < 1:
                continue
            s0, s1 = sentence_bounds(text, m.start())
            near = [r for r in dated if s0 <= r.start < s1]
            if not near and 0 <= m.start() < title_end:
                near = [r for r in dated if r.start > title_end][:1]
            if len({r.sem["y"] for r in near}) != 1:
                continue  # no event, or several years to choose from
            w = _anniversary(near[0].sem, int(n), exact=not (m["ago"] or m["ago_en"]))
            if w:
                out.append(w)
    return out


def _anniversary(sem: dict[str, object], n: int, exact: bool) -> Window | None:
    y = int(sem["y"]) + n  # type: ignore[call-overload]
    if not 1900 < y < 3000:  # (far-future sums would overflow the calendar)
        return None
    slack = timedelta(days=ANNIVERSARY_SLACK)
    if "m" in sem and "d" in sem and _valid(y, sem):
        day = date(y, sem["m"], sem["d"])  # type: ignore[arg-type]
        # "vor 25 Jahren" holds for a year from the 25th anniversary on (and is said a little
        # before it); a "25. Jahrestag" is marked around the day
        return Window(day - slack, day + (slack if exact else timedelta(days=365)))
    return Window(date(y, 1, 1) - slack, date(y + (0 if exact else 1), 12, 31))


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
