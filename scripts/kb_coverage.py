"""Report gaps in the knowledge base's coverage of the offices lagebild must know.

Run from the repository root: ``python scripts/kb_coverage.py`` (exit status 1 when a gap is not
in the list of known open gaps, ``scripts/kb_sources/office_gaps_open.tsv``; ``--update`` rewrites
that list from the current data after a curation round).

The offices come from the knowledge-base issue: heads of state and government and foreign
ministers of the G20 states since 2000; since 2014 also defence ministers, national security
advisers, heads of presidential offices, spokespersons, UN ambassadors and chiefs of general staff
of the states in ``FOCUS``, and the leaders of the international organisations in ``ORG_OFFICES``.
A gap is a stretch of more than ``TOLERANCE`` days on which no person in ``persons/*.yaml``
holds the office. Offices a state does not have (no prime minister in a presidential republic)
and known vacancies are listed, with their reason, in
``scripts/kb_sources/office_exceptions/*.yaml`` (entries ``{role, org, reason}`` for the whole
span, or with ``start``/``end`` for one stretch).
"""

from __future__ import annotations

import datetime as dt
import sys
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
PERSONS = ROOT / "lagebild" / "kb" / "data" / "persons"
EXCEPTIONS = ROOT / "scripts" / "kb_sources" / "office_exceptions"
OPEN_GAPS = ROOT / "scripts" / "kb_sources" / "office_gaps_open.tsv"
REVIEWED = dt.date(2026, 11, 22)  # the date the person data was last reviewed
TOLERANCE = dt.timedelta(days=31)  # a caretaker month between two holders is not a gap

G20 = ("AR", "AU", "BR", "CA", "CN", "FR", "DE", "IN", "ID", "IT", "JP", "MX", "RU", "SA", "ZA",
       "KR", "TR", "GB", "US")
FOCUS = ("UA", "RU", "US", "DE", "FR", "GB", "PL", "IT", "CA", "TR", "BY", "CN", "HU", "SK", "SA",
         "QA", "AE", "IL", "IR", "KP", "JP", "IN", "EE", "LV", "LT", "FI", "SE", "NO", "DK", "IS",
         "NL")
FOCUS_ROLES = ("head_of_state", "head_of_government", "foreign_minister", "defence_minister",
               "national_security_adviser", "head_of_presidential_office", "spokesperson",
               "un_ambassador", "chief_of_general_staff")
SINCE_2000 = dt.date(2000, 1, 1)
SINCE_2014 = dt.date(2014, 1, 1)
# (role, organisation id, since): UN, NATO, EU Commission, European Council, High Representative,
# OSCE, IAEA, ICC
ORG_OFFICES = (
    ("secretary_general", "Q1065", SINCE_2000),
    ("secretary_general", "Q7184", SINCE_2000),
    ("commission_president", "Q8880", SINCE_2000),
    ("council_president", "Q8886", SINCE_2014),
    ("high_representative", "Q458", SINCE_2000),
    ("secretary_general", "Q81299", SINCE_2014),
    ("director_general", "Q41984", SINCE_2014),
    ("prosecutor", "Q47488", SINCE_2014),
)

Interval = tuple[dt.date, dt.date]


def required_offices() -> Iterator[tuple[str, str, dt.date]]:
    for state in G20:
        for role in ("head_of_state", "head_of_government", "foreign_minister"):
            yield role, state, SINCE_2000
    for state in FOCUS:
        for role in FOCUS_ROLES:
            old = state in G20 and role in FOCUS_ROLES[:3]
            yield role, state, SINCE_2000 if old else SINCE_2014
    yield from ORG_OFFICES


def held_intervals(persons_dir: Path = PERSONS) -> dict[tuple[str, str], list[Interval]]:
    held: dict[tuple[str, str], list[Interval]] = defaultdict(list)
    for path in sorted(persons_dir.glob("*.yaml")):
        for person in yaml.safe_load(path.read_text(encoding="utf-8")) or []:
            for role in person.get("roles") or []:
                start = role.get("start")
                if isinstance(start, dt.date):
                    end = role.get("end") or REVIEWED
                    held[(role["role"], str(role["org"]))].append((start, end))
    return held


def exceptions(exc_dir: Path = EXCEPTIONS) -> dict[tuple[str, str], list[Interval]]:
    """Stretches in which an office does not exist or is vacant, by (role, org)."""
    out: dict[tuple[str, str], list[Interval]] = defaultdict(list)
    for path in sorted(exc_dir.glob("*.yaml")):
        for entry in yaml.safe_load(path.read_text(encoding="utf-8")) or []:
            if not entry.get("reason"):
                raise ValueError(f"{path.name}: exception without reason: {entry}")
            span = (entry.get("start") or SINCE_2000, entry.get("end") or REVIEWED)
            out[(entry["role"], str(entry["org"]))].append(span)
    return out


def gaps(intervals: list[Interval], since: dt.date, until: dt.date = REVIEWED) -> list[Interval]:
    """Stretches longer than TOLERANCE between ``since`` and ``until`` covered by no interval."""
    found: list[Interval] = []
    covered_until = since
    for start, end in sorted(intervals):
        if start - covered_until > TOLERANCE:
            found.append((covered_until, start))
        covered_until = max(covered_until, end)
    if until - covered_until > TOLERANCE:
        found.append((covered_until, until))
    return found


def coverage_gaps() -> list[tuple[str, str, Interval]]:
    held, excused = held_intervals(), exceptions()
    out: list[tuple[str, str, Interval]] = []
    for role, org, since in dict.fromkeys(required_offices()):
        intervals = held.get((role, org), []) + excused.get((role, org), [])
        out.extend((role, org, gap) for gap in gaps(intervals, since))
    return out


def gap_line(role: str, org: str, span: Interval) -> str:
    start, end = span
    return f"{org}\t{role}\t{start}\t{end}"


def known_open_gaps(path: Path = OPEN_GAPS) -> set[str]:
    """The gaps no curation round could close yet (holders or dates not known for sure)."""
    if not path.exists():
        return set()
    return {line.rstrip("\n") for line in path.read_text(encoding="utf-8").splitlines()
            if line.strip() and not line.startswith("#")}


def main(argv: list[str]) -> int:
    found = [gap_line(role, org, span) for role, org, span in coverage_gaps()]
    if "--update" in argv:
        header = "# office gaps still open (scripts/kb_coverage.py --update): org, role, from, to\n"
        OPEN_GAPS.write_text(header + "".join(line + "\n" for line in found), encoding="utf-8")
    known = known_open_gaps()
    for line in found:
        print(line if line in known else line + "\tNEW")
    new = [line for line in found if line not in known]
    print(f"{len(found)} gaps, {len(new)} not in {OPEN_GAPS.name}", file=sys.stderr)
    return 1 if new else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
