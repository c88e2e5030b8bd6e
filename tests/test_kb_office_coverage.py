"""Coverage of the offices the knowledge base must know (scripts/kb_coverage.py)."""

from __future__ import annotations

import datetime as dt
import importlib.util
from pathlib import Path

import yaml

SCRIPT = Path(__file__).resolve().parents[1] / "scripts" / "kb_coverage.py"
_spec = importlib.util.spec_from_file_location("kb_coverage", SCRIPT)
assert _spec and _spec.loader
coverage = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(coverage)

D = dt.date


def test_a_caretaker_month_is_no_gap_but_a_longer_vacancy_is() -> None:
    held = [(D(2014, 1, 1), D(2016, 5, 1)), (D(2016, 5, 20), D(2018, 1, 1)),
            (D(2018, 4, 1), D(2026, 11, 22))]
    assert coverage.gaps(held, D(2014, 1, 1), D(2026, 11, 22)) == [(D(2018, 1, 1), D(2018, 4, 1))]


def test_an_open_end_and_a_late_start_are_gaps() -> None:
    held = [(D(2015, 3, 1), D(2020, 1, 1))]
    assert coverage.gaps(held, D(2014, 1, 1), D(2026, 11, 22)) == [
        (D(2014, 1, 1), D(2015, 3, 1)), (D(2020, 1, 1), D(2026, 11, 22))]


def test_every_required_office_is_covered_or_a_known_open_gap() -> None:
    """No new gap: a curation that ends a role without a successor fails here."""
    found = {coverage.gap_line(r, o, s) for r, o, s in coverage.coverage_gaps()}
    new = sorted(found - coverage.known_open_gaps())
    assert not new, "\n".join(new)


def test_the_open_gap_list_holds_no_closed_gap() -> None:
    """A gap that data now closes must leave the list (``kb_coverage.py --update``)."""
    found = {coverage.gap_line(r, o, s) for r, o, s in coverage.coverage_gaps()}
    stale = sorted(coverage.known_open_gaps() - found)
    assert not stale, "\n".join(stale)


def test_exceptions_name_a_reason_and_a_required_office() -> None:
    required = {(role, org) for role, org, _ in coverage.required_offices()}
    for path in coverage.EXCEPTIONS.glob("*.yaml"):
        for entry in yaml.safe_load(path.read_text(encoding="utf-8")) or []:
            assert len(str(entry.get("reason", ""))) > 10, (path.name, entry)
            assert (entry["role"], str(entry["org"])) in required, (path.name, entry)
