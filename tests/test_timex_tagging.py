"""Time expressions: every family of the issue, German and English, on our own sentences."""

from __future__ import annotations

from datetime import date

import pytest

from lagebild.timex import extract

ANCHOR = date(2025, 4, 24)  # a Thursday


def found(text: str, lang: str = "de", anchor: date | None = ANCHOR) -> dict[str, tuple]:
    return {t.text: (t.type, t.value, t.precision)
            for t in extract(text, anchor, (lang,))}


@pytest.mark.parametrize("text, expr, value, precision", [
    ("Die Delegation reiste am 9. Juli 2025 nach Genf.", "9. Juli 2025", "2025-07-09", "day"),
    ("Das Treffen fand am 17.04.2025 in Rom statt.", "17.04.2025", "2025-04-17", "day"),
    ("Bis zum 20. April dieses Jahres soll es eine Antwort geben.", "20. April dieses Jahres",
     "2025-04-20", "day"),
    ("Im Februar 2022 marschierten die Truppen ein.", "Februar 2022", "2022-02", "month"),
    ("Schon 2014 begann der Konflikt im Donbas.", "2014", "2014", "year"),
    ("Mitte März gab es erste Gespräche.", "Mitte März", "2025-03", "month"),
    ("Die Lieferung kam im Frühjahr 2023.", "Frühjahr 2023", "2023-SP", "season"),
    ("Der Vertrag stammt aus dem 19. Jahrhundert.", "19. Jahrhundert", "18", "century"),
    ("In den 1990er-Jahren wurde verhandelt.", "1990er-Jahren", "199", "decade"),
])
def test_absolute_german(text: str, expr: str, value: str, precision: str) -> None:
    got = found(text)
    assert any(expr in k for k in got), got
    key = next(k for k in got if expr in k)
    assert got[key][1:] == (value, precision)


@pytest.mark.parametrize("text, expr, value, precision", [
    ("Gestern sprach der Außenminister in Warschau.", "Gestern", "2025-04-23", "day"),
    ("Vorgestern landete die Maschine in Kiew.", "Vorgestern", "2025-04-22", "day"),
    ("Heute beginnt die Konferenz.", "Heute", "2025-04-24", "day"),
    ("Die Gespräche gehen morgen weiter.", "morgen", "2025-04-25", "day"),
    ("Vor drei Tagen schlug eine Rakete ein.", "Vor drei Tagen", "2025-04-21", "day"),
    ("Letzte Woche gab es Proteste.", "Letzte Woche", "2025-04-14", "week"),
    ("Die Gespräche sollen nächste Woche in London weitergehen.", "nächste Woche",
     "2025-04-28", "week"),
    ("Diese Woche bleibt der Botschafter in Berlin.", "Diese Woche", "2025-04-21", "week"),
    ("Im vergangenen Monat wurde das Abkommen paraphiert.", "Im vergangenen Monat",
     "2025-03", "month"),
    ("Vergangenes Jahr scheiterte der Plan.", "Vergangenes Jahr", "2024", "year"),
    ("Am Dienstagabend telefonierten die beiden Präsidenten.", "Am Dienstagabend",
     "2025-04-22", "day"),
])
def test_relative_german(text: str, expr: str, value: str, precision: str) -> None:
    got = found(text)
    assert got[expr][1:] == (value, precision), got


def test_relative_range_and_war_start() -> None:
    got = found("In den kommenden Wochen will Kiew mehr Flugabwehr. Seit Kriegsbeginn hat die "
                "Ukraine viele Partner gewonnen.")
    assert got["In den kommenden Wochen"] == ("duration", "PXW", None)
    assert got["Seit Kriegsbeginn"][1] == "2022-02-24"


@pytest.mark.parametrize("text, expr, value", [
    ("Beide Seiten vereinbarten eine 30-tägige Waffenruhe.", "30-tägige", "P30D"),
    ("Er sprach vom 19-monatigen Krieg.", "19-monatigen", "P19M"),
    ("Mehr als drei Jahre nach der Invasion fehlt eine Lösung.", "Mehr als drei Jahre", "P3Y"),
    ("Die Verhandlungen dauerten zwei Wochen.", "zwei Wochen", "P2W"),
    ("Der 64-Jährige trat zurück.", "64-Jährige", "P64Y"),
])
def test_durations_are_not_dates(text: str, expr: str, value: str) -> None:
    got = found(text)
    assert got[expr] == ("duration", value, None)


def test_sets() -> None:
    got = found("Die Außenminister treffen sich jeden Montag, Berichte kommen täglich.")
    assert got["jeden Montag"][:2] == ("set", "P1W")
    assert got["täglich"][:2] == ("set", "P1D")


@pytest.mark.parametrize("text, expr, value, precision", [
    ("The delegation arrived on July 9, 2025.", "July 9, 2025", "2025-07-09", "day"),
    ("Talks were held on 3 March 2024 in Riyadh.", "3 March 2024", "2024-03-03", "day"),
    ("The invasion began in February 2022.", "February 2022", "2022-02", "month"),
    ("Yesterday the minister flew to Kyiv.", "Yesterday", "2025-04-23", "day"),
    ("The envoy will return next week.", "next week", "2025-04-28", "week"),
    ("Sanctions were tightened last month.", "last month", "2025-03", "month"),
    ("Two drones were shot down three days ago.", "three days ago", "2025-04-21", "day"),
    ("Fighting intensified in early March.", "early March", "2025-03", "month"),
    ("Elections were held in 2019.", "2019", "2019", "year"),
])
def test_english_dates(text: str, expr: str, value: str, precision: str) -> None:
    got = found(text, "en")
    key = next(k for k in got if expr in k)
    assert got[key][1:] == (value, precision), got


def test_english_durations_and_sets() -> None:
    got = found("Both sides agreed to a 30-day ceasefire; in the coming weeks monitors will "
                "report daily.", "en")
    assert got["30-day"] == ("duration", "P30D", None)
    assert got["in the coming weeks"][:2] == ("duration", "PXW")
    assert got["daily"][:2] == ("set", "P1D")


def test_counts_are_not_years() -> None:
    got = found("Die Armee verlegte 1500 Panzer und über 2000 Soldaten an die Grenze.")
    assert got == {}


def test_august_as_a_name_is_not_a_month() -> None:
    assert "August" not in found("Der Politiker August Winkler sprach in Bonn.")


def test_no_anchor_leaves_relative_values_empty() -> None:
    got = found("Am Donnerstag traf er den Kanzler, vor zwei Tagen den Papst.", anchor=None)
    assert got["Am Donnerstag"][1] is None
    assert got["vor zwei Tagen"][1] is None


def test_offsets_point_into_the_text() -> None:
    text = "Bereits am 9. Juli hatten beide Seiten gesprochen."
    for t in extract(text, ANCHOR, ("de",)):
        assert text[t.start:t.end] == t.text


@pytest.mark.parametrize("text, expr, anchor, want, lang", [
    ("Am Ostermontag wurde eine Waffenruhe ausgerufen.", "Ostermontag", date(2025, 4, 23),
     "2025-04-21", "de"),
    ("Zu Weihnachten 2024 gab es einen Gefangenenaustausch.", "Weihnachten 2024",
     date(2025, 4, 23), "2024-12-25", "de"),
    ("On Easter Sunday both sides reported shelling.", "Easter Sunday", date(2024, 4, 5),
     "2024-03-31", "en"),
    ("Talks stalled over Christmas.", "Christmas", date(2025, 1, 3), "2024-12-25", "en"),
])
def test_holidays(text: str, expr: str, anchor: date, want: str, lang: str) -> None:
    got = found(text, lang, anchor)
    assert got[expr][1:] == (want, "day"), got


def test_part_of_day_follows_the_narrative_day() -> None:
    got = found("Am 9. April landete der Minister in Kiew. Am Nachmittag traf er Selenskyj.")
    assert got["Am Nachmittag"][1] == "2025-04-09"
    assert "Morgen" not in "".join(found("Er sprach am Morgen des 9. April."))


@pytest.mark.parametrize("text, expr, want, lang", [
    ("Am Wochenende hatten Drohnen Odessa getroffen.", "Am Wochenende", "2025-04-19", "de"),
    ("Am Wochenende sollen die Gespräche weitergehen.", "Am Wochenende", "2025-04-26", "de"),
    ("Dieses Wochenende bleibt die Grenze zu.", "Dieses Wochenende", "2025-04-26", "de"),
    ("Over the weekend, drones hit Odesa.", "Over the weekend", "2025-04-19", "en"),
    ("The talks will resume at the weekend.", "at the weekend", "2025-04-26", "en"),
    ("This morning the envoy landed in Kyiv.", "This morning", "2025-04-24", "en"),
    ("Last night air defence was active.", "Last night", "2025-04-23", "en"),
])
def test_weekends_and_parts_of_today(text: str, expr: str, want: str, lang: str) -> None:
    assert found(text, lang)[expr][1] == want


def test_english_end_of_the_year() -> None:
    got = found("A deal is expected by the end of the year.", "en")
    assert got["by the end of the year"][1:] == ("2025", "year")
