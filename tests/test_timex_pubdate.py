"""Publication-date inference from the text alone."""

from __future__ import annotations

from datetime import date

from lagebild.kb.api import PersonRoles, RoleSpan
from lagebild.model import Document, Published
from lagebild.timex import run
from lagebild.timex.pubdate import infer

TODAY = date(2026, 6, 1)


def test_dateline() -> None:
    got = infer("Kiew, 17. April 2025 – Am Mittwoch sprach der Präsident.", ("de",),
                persons=[], today=TODAY)
    assert got is not None and got.value == "2025-04-17" and got.origin == "inferred"


def test_war_duration_points_to_autumn_2023() -> None:
    got = infer("Die Ukraine wehrt sich gegen den 19-monatigen Angriffskrieg Russlands.",
                ("de",), persons=[], today=TODAY)
    assert got is not None and got.window is not None
    assert got.window[0] == "2023-09-24" and got.window[1] == "2023-10-23"
    assert "2023-09-24" <= str(got.value) <= "2023-10-23"


def test_war_duration_english() -> None:
    got = infer("Two years into the war, Ukraine's air defence is stretched thin by Russia.",
                ("en",), persons=[], today=TODAY)
    assert got is not None and got.window == ["2024-02-24", "2025-02-23"]


def test_duration_needs_the_war_context() -> None:
    # a 19-month war in an article that is not about Russia and Ukraine anchors nothing
    assert infer("Der 19-monatige Krieg im Süden des Landes ist vorbei.", ("de",), persons=[],
                 today=TODAY) is None


def test_crimea_annexation_anchor() -> None:
    got = infer("Zehn Jahre nach der Annexion der Krim fordert Kiew die Halbinsel zurück.",
                ("de",), persons=[], today=TODAY)
    assert got is not None and got.window is not None
    assert got.window[0] == "2024-03-18"


def test_day_without_year_is_not_placed_in_an_older_year() -> None:
    # "seit 2019" says nothing about the year of "am 12. März": no value, only the bound
    got = infer("Seit 2019 gibt es das Format. Am 12. März trafen sich die Berater.",
                ("de",), persons=[], today=TODAY)
    assert got is not None and got.value is None and got.origin == "unknown"
    assert got.window == ["2019-01-01", "2026-06-01"]


def test_weekday_with_date_picks_the_fitting_year() -> None:
    # Thursday 8 September: not in 2021 (a Wednesday) but in 2022, the year after the one named
    got = infer("Das Format besteht seit 2021. Am Donnerstag, 8. September, trafen sich alle.",
                ("de",), persons=[], today=TODAY)
    assert got is not None and got.value == "2022-09-08" and got.origin == "inferred"


def test_weekday_far_from_the_year_named_places_nothing() -> None:
    # the first Thursday 8 September after 2019 is in 2022: three years on is a guess
    got = infer("Das Format besteht seit 2019. Am Donnerstag, 8. September, trafen sich alle.",
                ("de",), persons=[], today=TODAY)
    assert got is not None and got.value is None


def test_weekday_corrects_a_slip_of_the_year() -> None:
    # Saturday 9 March is in 2024, not in 2023: the weekday wins over the year written
    got = infer("Am Samstag, den 9. März 2023 eröffnete der Minister die Messe.", ("de",),
                persons=[], today=TODAY)
    assert got is not None and got.value == "2024-03-09"


def test_day_takes_the_year_of_its_month_written_elsewhere() -> None:
    got = infer("Im November 2021 begann der Streik. Am 4. November wurde verhandelt.",
                ("de",), persons=[], today=TODAY)
    assert got is not None and got.value == "2021-11-04"


def test_historical_date_in_the_first_line_is_no_dateline() -> None:
    # a full date inside the first sentence is a mention, not the dateline; a later year
    # written in the text shows the date is history
    got = infer("Am 3. Oktober 1990 wurde Deutschland vereinigt. Im Jahr 2020 feierte Berlin.",
                ("de",), persons=[], today=TODAY)
    assert got is None or got.value is None or not got.value.startswith("1990")


def test_dateline_after_a_place_name() -> None:
    got = infer("Ein Titel\n\nBerlin (dpa), 3. Oktober 2020 – Die Feier begann am Morgen.",
                ("de",), persons=[], today=TODAY)
    assert got is not None and got.value == "2020-10-03"


def test_a_date_looked_ahead_to_bounds_from_above() -> None:
    got = infer("Seit 2019 wird gebaut. Die Brücke soll am 1. Juli 2022 freigegeben werden.",
                ("de",), persons=[], today=TODAY)
    assert got is not None and got.value is None
    assert got.window == ["2019-01-01", "2022-07-08"]


def test_a_past_range_end_is_no_bound_from_above() -> None:
    # "bis August 2021 dauerte": the range is over, so it bounds from below
    got = infer("Der Umbau, der bis August 2021 dauerte, war teuer.", ("de",), persons=[],
                today=TODAY)
    assert got is not None and got.window == ["2021-08-01", "2026-06-01"]


def test_a_judgment_of_a_day_is_past() -> None:
    got = infer("Der Minister verwies auf den Beschluss vom 11. März 2021.", ("de",),
                persons=[], today=TODAY)
    assert got is not None and got.value == "2021-03-11"


def test_birth_date_and_age() -> None:
    got = infer("Der am 4. Mai 1950 geborene Diplomat wird heute 75 Jahre alt.", ("de",),
                persons=[], today=TODAY)
    assert got is not None and got.window is not None
    assert got.window[0] == "2025-05-04"


def test_future_dates_do_not_count() -> None:
    got = infer("Das Abkommen soll bis 2030 gelten. Am 3. Mai 2021 wurde es geschlossen.",
                ("de",), persons=[], today=TODAY)
    assert got is not None and str(got.value).startswith("2021-05")


def test_bare_year_is_only_a_lower_bound() -> None:
    got = infer("Seit 2019 gibt es das Format.", ("de",), persons=[], today=TODAY)
    assert got is not None and got.value is None and got.origin == "unknown"
    assert got.window == ["2019-01-01", "2026-06-01"]
    president = _roles((date(2017, 1, 20), None))
    got = infer("Seit 2019 gibt es das Format.", ("de",), persons=[president], today=TODAY)
    assert got is not None and got.window == ["2019-01-01", "2026-06-01"]


def _roles(*spans: tuple[date | None, date | None], titled: bool = True) -> PersonRoles:
    return PersonRoles(id="Q1", name="X", roles=tuple(RoleSpan("Amt", s, e) for s, e in spans),
                       titled=titled)


def test_titled_persons_intersect_windows() -> None:
    president = _roles((date(2025, 1, 20), None))  # in office since 2025
    envoy = _roles((date(2024, 11, 27), date(2025, 12, 1)))  # left office
    got = infer("Der Präsident empfing den Gesandten.", ("de",), persons=[president, envoy],
                today=TODAY)
    # ten months wide: a window, not a date
    assert got is not None and got.window == ["2025-01-20", "2025-11-30"]
    assert got.value is None and got.origin == "unknown"


def test_narrow_role_window_gives_a_value() -> None:
    envoy = _roles((date(2025, 3, 1), date(2025, 4, 1)))
    got = infer("Der Gesandte sprach.", ("de",), persons=[envoy], today=TODAY)
    assert got is not None and got.origin == "inferred"
    assert got.window == ["2025-03-01", "2025-03-31"] and got.value == "2025-03-16"


def test_former_role_holder_bounds_only_from_below() -> None:
    minister = PersonRoles(id="Q2", name="Erika Muster", titled=True,
                           roles=(RoleSpan("Amt", date(2010, 1, 1), date(2014, 1, 1)),))
    got = infer("Die frühere Ministerin Muster sprach.", ("de",), persons=[minister],
                today=TODAY)
    assert got is not None and got.window == ["2010-01-01", "2026-06-01"]


def test_untitled_person_does_not_override_titled() -> None:
    president = _roles((date(2025, 1, 20), None))
    old = _roles((date(2017, 1, 20), date(2021, 1, 20)), titled=False)
    got = infer("Der Präsident sprach.", ("de",), persons=[president, old], today=TODAY)
    assert got is not None and got.window is not None and got.window[0] == "2025-01-20"


def test_text_mentions_narrow_the_role_window() -> None:
    president = _roles((date(2017, 1, 20), date(2021, 1, 20)))
    got = infer("Am 14. Mai 2019 traf der Präsident den Premier.", ("de",),
                persons=[president], today=TODAY)
    assert got is not None and got.value == "2019-05-14"


def test_no_evidence_no_inference() -> None:
    assert infer("Der Minister sprach mit Journalisten.", ("de",), persons=[],
                 today=TODAY) is None


def test_stage_sets_inferred_and_resolves_relative_expressions() -> None:
    d = Document(text="Russland setzt den 19-monatigen Angriffskrieg gegen die Ukraine fort. "
                      "Am Montag gab es Luftalarm in Kiew.", language="de")
    run(d)
    assert d.published.origin == "inferred" and d.published.value is not None
    monday = next(t for t in d.timexes if t.text == "Am Montag")
    assert monday.value is not None
    assert date.fromisoformat(monday.value).weekday() == 0
    assert monday.value <= d.published.value


def test_metadata_date_is_kept() -> None:
    d = Document(text="Der 19-monatige Angriffskrieg gegen die Ukraine dauert an.",
                 language="de", published=Published(value="2023-10-01", origin="metadata"))
    run(d)
    assert d.published.origin == "metadata" and d.published.value == "2023-10-01"


def test_day_is_placed_in_role_window_when_written_year_is_older() -> None:
    # the text names only an old year; the role says 2025: 12 March can only be in 2025
    president = _roles((date(2025, 1, 20), date(2025, 12, 1)))
    got = infer("Das Format gibt es seit 2019. Am 12. März trafen sich die Berater erneut.",
                ("de",), persons=[president], today=TODAY)
    assert got is not None and got.value == "2025-03-12"


def test_two_terms_in_office_are_kept_apart() -> None:
    # in office 2017–2021 and again from 2025: without other evidence the latest term is the
    # window (not the hull with the gap); a date written in the first term keeps that term
    president = _roles((date(2017, 1, 20), date(2021, 1, 20)), (date(2025, 1, 20), None))
    got = infer("Der Präsident sprach mit Journalisten.", ("de",), persons=[president],
                today=TODAY)
    assert got is not None and got.window == ["2025-01-20", "2026-06-01"]
    got = infer("Am 3. Mai 2019 sprach der Präsident.", ("de",), persons=[president],
                today=TODAY)
    assert got is not None and got.value == "2019-05-03"


def test_the_title_named_picks_the_role() -> None:
    # minister 2014–2017, president from 2017: "Außenminister X" is about the first role
    person = PersonRoles(id="Q3", name="Max Muster", titled=True,
                         title_keys=("foreign_minister",),
                         roles=(RoleSpan("Minister", date(2014, 1, 1), date(2017, 3, 1),
                                         "foreign_minister"),
                                RoleSpan("President", date(2017, 3, 1), None, "head_of_state")))
    got = infer("Außenminister Muster reiste ab.", ("de",), persons=[person], today=TODAY)
    assert got is not None and got.window == ["2014-01-01", "2017-02-28"]


def test_years_ago_with_a_dated_event() -> None:
    # the old date is the event, "vor 30 Jahren" dates the text: 1994 + 30
    got = infer("Vor 30 Jahren, am 12. Mai 1994, unterzeichneten beide Staaten den Vertrag.",
                ("de",), persons=[], today=TODAY)
    assert got is not None and got.window is not None
    assert got.window[0] >= "2024-04-11" and got.window[1] <= "2025-05-12"
    assert got.value is None or got.value >= "2024-04-11"


def test_anniversary_in_the_title_takes_the_first_date() -> None:
    # the old day must not become the publication date: the title says fifteen years on
    got = infer("Vor 15 Jahren: Der Gipfel von Bukarest\n\nAm 3. April 2008 berieten die "
                "Staats- und Regierungschefs über eine Erweiterung.",
                ("de",), persons=[], today=TODAY)
    assert got is not None and got.window is not None
    assert got.window[0] == "2023-03-03" and got.window[1] == "2024-04-02"
    assert got.value is None


def test_numbered_anniversary_is_marked_around_the_day() -> None:
    got = infer("Zum 80. Jahrestag des Kriegsendes am 8. Mai 1945 sprach der Präsident.",
                ("de",), persons=[], today=TODAY)
    assert got is not None and got.window is not None
    assert got.window[0] >= "2025-04-07" and got.window[1] <= "2025-06-08"


def test_a_day_long_before_a_plan_is_history() -> None:
    # the text looks ahead to March 2024; a day reported in 2021 is background, not its present
    got = infer("Am 5. Mai 2021 wurde das Werk geschlossen. Der Prozess soll am 14. März 2024 "
                "beginnen.", ("de",), persons=[], today=TODAY)
    assert got is not None and got.value is None
    assert got.window == ["2021-05-05", "2024-03-21"]


def test_a_day_shortly_before_a_plan_is_the_present() -> None:
    got = infer("Am 5. März 2024 wurde Anklage erhoben. Der Prozess soll am 14. März 2024 "
                "beginnen.", ("de",), persons=[], today=TODAY)
    assert got is not None and got.value == "2024-03-05"
    assert got.window == ["2024-03-05", "2024-03-21"]


def test_english_anniversary_and_plans() -> None:
    got = infer("Thirty years ago, on 12 May 1994, both states signed the treaty.", ("en",),
                persons=[], today=TODAY)
    assert got is not None and got.window == ["2024-04-11", "2025-05-12"]
    got = infer("On 5 May 2021 the plant was closed. The trial will begin on 14 March 2024.",
                ("en",), persons=[], today=TODAY)
    # "plant" is a noun here, not the German "plant" (plans): 5 May 2021 is reported, not
    # planned; it is long before the trial, so it is history, not the present of the text
    assert got is not None and got.value is None
    assert got.window == ["2021-05-05", "2024-03-21"]


def test_a_date_set_for_later_is_a_target_even_in_a_past_clause() -> None:
    # the appointment was made in the past, the day it names is ahead
    got = infer("Am 2. Juni 2021 tagte der Rat. Er hat das Gipfeltreffen für den 26. September "
                "2021 angesetzt.", ("de",), persons=[], today=TODAY)
    assert got is not None and got.value == "2021-06-02"
    assert got.window == ["2021-06-02", "2021-10-03"]


def test_a_later_day_continues_the_year_of_the_story() -> None:
    got = infer("Seit dem 1. Juli 2021 gilt das Gesetz. Am 14. September klagten die Länder.",
                ("de",), persons=[], today=TODAY)
    assert got is not None and got.value == "2021-09-14"


def test_an_earlier_day_does_not_take_the_year_of_the_story() -> None:
    # 14 April before 1 June: it may be of another year, so the full date stays the estimate
    got = infer("Am 1. Juni 2021 klagten die Länder. Am 14. April war das Gesetz beschlossen "
                "worden.", ("de",), persons=[], today=TODAY)
    assert got is not None and got.value == "2021-06-01"


def test_a_weekday_looked_ahead_to_is_in_the_coming_week() -> None:
    # 4 March 2026 is a Wednesday: a text announcing it was written in the days before
    got = infer("Der Rat will am Mittwoch, den 4. März 2026, über den Haushalt abstimmen.",
                ("de",), persons=[], today=TODAY)
    assert got is not None and got.origin == "inferred" and got.window is not None
    assert got.window == ["2026-02-25", "2026-03-11"]
    assert "2026-02-25" <= str(got.value) <= "2026-03-04"


def test_a_plan_bounds_with_a_few_days_of_slack() -> None:
    got = infer("Seit 2019 wird gebaut. Die Brücke soll im Juli 2022 freigegeben werden.",
                ("de",), persons=[], today=TODAY)
    assert got is not None and got.window == ["2019-01-01", "2022-08-07"]


def test_stage_keeps_a_window_without_a_value() -> None:
    d = Document(text="Seit 2019 verhandeln die Staaten. Am Montag gab es eine neue Runde.",
                 language="de")
    run(d)
    assert d.published.value is None and d.published.origin == "unknown"
    assert d.published.window is not None and d.published.window[0] == "2019-01-01"
    monday = next(t for t in d.timexes if t.text == "Am Montag")
    assert monday.value is None  # no anchor: a weekday cannot be resolved


def test_overflowing_anniversary_is_ignored() -> None:
    got = infer("Vor 7999 Jahren, am 3. Mai 2000, begann es.", ("de",), persons=[],
                today=TODAY)
    assert got is not None and got.value == "2000-05-03"


def test_an_adverb_is_not_former() -> None:
    minister = PersonRoles(id="Q2", name="Erika Muster", titled=True,
                           roles=(RoleSpan("Amt", date(2010, 1, 1), date(2014, 1, 1)),))
    got = infer("Und then Muster spoke. Früher hatte Ministerin Muster gewarnt.", ("de",),
                persons=[minister], today=TODAY)
    assert got is not None and got.window == ["2010-01-01", "2013-12-31"]


def test_bis_zum_is_a_deadline() -> None:
    got = infer("Im Januar 2022 begann die Frist. Anträge nimmt das Amt bis zum 15. Mai 2022 "
                "an.", ("de",), persons=[], today=TODAY)
    assert got is not None and got.window == ["2022-01-01", "2022-05-22"]


def test_the_end_of_a_period_told_is_no_deadline() -> None:
    got = infer("Vom 3. Mai bis zum 9. August 1998 lebte sie in Genf. Heute wohnt sie in "
                "Bern.", ("de",), persons=[], today=TODAY)
    assert got is not None and got.window is not None and got.window[1] == "2026-06-01"
