"""``date_for_span``: the date the events stage gives an event."""

from __future__ import annotations

from lagebild.model import Document, Published, Segment
from lagebild.timex import run
from lagebild.timex.api import date_for_span


def doc(text: str, published: str | None = "2025-07-05") -> Document:
    d = Document(text=text, language="de",
                 segments=[Segment(start=0, end=len(text), text=text, role="body")],
                 published=Published(value=published, origin="metadata" if published else
                                     "unknown"))
    return run(d)


def span(d: Document, word: str) -> tuple[int, int]:
    i = d.text.index(word)
    return i, i + len(word)


def test_nearest_expression_in_the_clause() -> None:
    d = doc("Am Donnerstag traf Merz den Präsidenten, und am Freitag reiste er nach Kiew.")
    got = date_for_span(d, *span(d, "reiste"))
    assert (got.value, got.precision, got.text, got.origin) == (
        "2025-07-04", "day", "am Freitag", "text")
    got = date_for_span(d, *span(d, "traf"))
    assert got.value == "2025-07-03"


def test_sentence_when_clause_has_none() -> None:
    d = doc("Am 2. Juli, nach langen Vorbereitungen, unterzeichneten die Minister.")
    got = date_for_span(d, *span(d, "unterzeichneten"))
    assert got.value == "2025-07-02" and got.origin == "text"


def test_publication_date_when_sentence_has_none() -> None:
    d = doc("Am Montag tagte der Rat. Die Außenminister verurteilten den Angriff.")
    got = date_for_span(d, *span(d, "verurteilten"))
    assert (got.value, got.precision, got.origin, got.text) == (
        "2025-07-05", "day", "publication", None)


def test_week_is_its_monday_month_and_year_are_truncated() -> None:
    d = doc("Nächste Woche treffen sich die Gesandten. Im Mai 2024 gab es Gespräche. "
            "2023 scheiterte ein Plan.")
    week = date_for_span(d, *span(d, "treffen"))
    assert (week.value, week.precision) == ("2025-07-07", "week")
    month = date_for_span(d, *span(d, "Gespräche"))
    assert (month.value, month.precision) == ("2024-05", "month")
    year = date_for_span(d, *span(d, "scheiterte"))
    assert (year.value, year.precision) == ("2023", "year")


def test_durations_never_date_an_event() -> None:
    d = doc("Beide Seiten vereinbarten eine 30-tägige Waffenruhe.")
    got = date_for_span(d, *span(d, "vereinbarten"))
    assert got.origin == "publication"


def test_no_date_at_all() -> None:
    d = doc("Beide Seiten vereinbarten eine Waffenruhe.", published=None)
    got = date_for_span(d, *span(d, "vereinbarten"))
    assert got.value is None and got.origin == "unknown"


def test_stage_skips_non_news_segments() -> None:
    text = "Gestern: Werbung\n\nAm Dienstag sprach der Minister."
    d = Document(text=text, language="de", published=Published(value="2025-07-05",
                                                                origin="metadata"),
                 segments=[Segment(start=0, end=16, text=text[:16], role="chrome"),
                           Segment(start=18, end=len(text), text=text[18:], role="body")])
    run(d)
    assert [t.text for t in d.timexes] == ["Am Dienstag"]


def test_deadlines_and_noun_dates_do_not_date_the_event() -> None:
    d = doc("Die Opposition protestierte gegen das Ergebnis der Wahl vom 12. Juni. "
            "Die EU setzte Kiew eine Frist bis März.")
    assert date_for_span(d, *span(d, "protestierte")).origin == "publication"
    assert date_for_span(d, *span(d, "setzte")).origin == "publication"
