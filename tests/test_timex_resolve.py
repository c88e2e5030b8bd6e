"""Resolution: year boundaries, weekday direction by tense and cue words, reference time."""

from __future__ import annotations

from datetime import date

import pytest

from lagebild.timex import extract


def value(text: str, expr: str, anchor: date, lang: str = "de", history: bool = False) -> str:
    for t in extract(text, anchor, (lang,), history=history):
        if t.text == expr:
            return str(t.value)
    raise AssertionError(f"{expr!r} not found in {[t.text for t in extract(text, anchor)]}")


def test_year_boundary_backwards() -> None:
    # read on 2 January, "am 30. Dezember" is three days ago, not next December
    assert value("Am 30. Dezember hatte der Präsident die Front besucht.", "30. Dezember",
                 date(2025, 1, 2)) == "2024-12-30"


def test_year_boundary_forwards() -> None:
    # read on 28 December, "am 3. Januar" of a planned meeting is next year
    assert value("Die Runde soll am 3. Januar in Istanbul fortgesetzt werden.", "3. Januar",
                 date(2025, 12, 28)) == "2026-01-03"


def test_future_tense_date_far_ahead_stays_this_year() -> None:
    assert value("Der Gipfel soll am 24. Juni stattfinden.", "24. Juni",
                 date(2025, 3, 10)) == "2025-06-24"


def test_last_december_in_january_month_only() -> None:
    assert value("Im Dezember war die Lage ruhiger.", "Dezember", date(2025, 1, 15)) == "2024-12"


def test_relative_week_over_new_year() -> None:
    assert value("Letzte Woche tagte der Rat.", "Letzte Woche", date(2025, 1, 2)) == "2024-12-23"


SATURDAY = date(2025, 7, 5)


@pytest.mark.parametrize("text, expr, want", [
    ("Am Donnerstag traf der Gesandte in Kiew ein.", "Am Donnerstag", "2025-07-03"),
    ("Am Donnerstag hatte der Gesandte Kiew besucht.", "Am Donnerstag", "2025-07-03"),
    ("Am Donnerstag will der Gesandte nach Kiew reisen.", "Am Donnerstag", "2025-07-10"),
    ("Die Minister werden sich am Donnerstag in Brüssel treffen.", "am Donnerstag",
     "2025-07-10"),
    ("Das nächste Treffen soll am Donnerstag stattfinden.", "am Donnerstag", "2025-07-10"),
    ("Der Kanzler plant, am Donnerstag nach Kiew zu reisen.", "am Donnerstag", "2025-07-10"),
    ("Am kommenden Donnerstag gibt es Gespräche.", "Am kommenden Donnerstag", "2025-07-10"),
    ("Am vergangenen Donnerstag gab es Gespräche.", "Am vergangenen Donnerstag",
     "2025-07-03"),
    ("Am Donnerstag traf er Macron, nächste Woche soll er Trump sehen.", "Am Donnerstag",
     "2025-07-03"),
])
def test_weekday_direction_german(text: str, expr: str, want: str) -> None:
    assert value(text, expr, SATURDAY) == want


@pytest.mark.parametrize("text, expr, want", [
    ("On Thursday the envoy met the president.", "On Thursday", "2025-07-03"),
    ("The ministers will meet on Thursday in Brussels.", "on Thursday", "2025-07-10"),
    ("Talks are scheduled for next Thursday.", "next Thursday", "2025-07-10"),
    ("Last Friday the talks collapsed.", "Last Friday", "2025-07-04"),
])
def test_weekday_direction_english(text: str, expr: str, want: str) -> None:
    assert value(text, expr, SATURDAY, "en") == want


def test_weekday_same_day_counts_as_today_in_the_past() -> None:
    assert value("Am Samstag sprach er vor dem Parlament.", "Am Samstag", SATURDAY) == \
        "2025-07-05"


def test_direction_is_recorded() -> None:
    got = {t.text: t.direction for t in extract(
        "Am Montag traf er den Papst, am Mittwoch will er nach Rom.", SATURDAY, ("de",))}
    assert got == {"Am Montag": "past", "am Mittwoch": "future"}


def test_reference_time_tracking_in_narratives() -> None:
    text = ("Am 3. Mai 1945 erreichten die Truppen die Stadt. Zwei Tage später wurde "
            "kapituliert. Im Oktober begannen die Prozesse, am 12. November das Urteil.")
    anchor = date(2011, 2, 16)
    assert value(text, "Zwei Tage später", anchor, history=True) == "1945-05-05"
    assert value(text, "Oktober", anchor, history=True) == "1945-10"
    assert value(text, "12. November", anchor, history=True) == "1945-11-12"


def test_anaphoric_day_in_news_follows_the_text() -> None:
    text = "Am 9. Juli unterzeichneten beide Seiten. Am Tag darauf begann der Abzug."
    assert value(text, "Am Tag darauf", date(2025, 7, 20)) == "2025-07-10"


def test_range_bound_does_not_move_reference_year() -> None:
    text = "Die Westfront von 1944 bis 1945. Im Juni landeten die Alliierten."
    assert value(text, "Juni", date(2011, 2, 16), history=True) == "1944-06"


def test_bc_years_and_seasons() -> None:
    text = "Im Jahr 490 v. Chr. landeten die Perser. Im Frühjahr 479 v. Chr. folgte die Schlacht."
    anchor = date(2011, 2, 16)
    assert value(text, "Im Jahr 490 v. Chr.", anchor, history=True) == "BC0490"
    assert value(text, "Frühjahr 479 v. Chr.", anchor, history=True) == "BC0479-SP"


def test_part_of_the_current_month_is_the_month() -> None:
    text = "Am 9. Juli warnte Kiew. Ende des Monats kam die Antwort."
    assert value(text, "Ende des Monats", date(2025, 8, 20)) == "2025-07"


def test_months_later_keeps_the_day() -> None:
    text = "Am 9. Juli warnte Kiew. Drei Monate später kam die Antwort."
    assert value(text, "Drei Monate später", date(2025, 12, 20)) == "2025-10-09"


def test_weekend_is_its_saturday() -> None:
    got = {t.text: (t.value, t.precision) for t in extract(
        "Am Wochenende hatten Demonstranten die Brücke blockiert.", date(2025, 1, 2), ("de",))}
    assert got["Am Wochenende"] == ("2024-12-28", "day")


def test_since_a_date_is_in_the_past() -> None:
    # read on 26 September, "seit dem 19. September" is a week ago, not next year
    assert value("Die Regierung, die seit dem 19. September regiert, will bleiben.",
                 "19. September", date(2025, 9, 26)) == "2025-09-19"


def test_announced_infinitive_looks_ahead() -> None:
    assert value("Die Parteien hatten erklärt, am Dienstag das Verfahren einzuleiten.",
                 "am Dienstag", date(2025, 8, 18)) == "2025-08-19"


def test_reported_past_with_sollen() -> None:
    assert value("Am Freitag sollen dabei zwölf Menschen getötet worden sein.", "Am Freitag",
                 date(2025, 8, 18)) == "2025-08-15"


def test_sentence_initial_count_is_not_a_year() -> None:
    assert extract("1300 Polizisten sicherten die Kundgebung.", date(2025, 8, 18), ("de",)) == []
