"""Direct quotes: quotation styles, attribution positions, interruptions, non-quotes."""

from __future__ import annotations

import pytest

from tests.test_quotes_helpers import only, person, run

STYLES = [
    ("„", "“"), ("“", "”"), ('"', '"'), ("»", "«"), ("«", "»"), ("‚", "‘"),
]


@pytest.mark.parametrize(("opening", "closing"), STYLES)
def test_every_quotation_style_with_attribution_after(opening: str, closing: str) -> None:
    text = (f"{opening}Wir werden die Gespräche in Genf fortsetzen{closing}, sagte Lawrow "
            "am Montag.")
    doc = run(text, [person(text, "Q1", "Sergej Lawrow", ["Lawrow"], "m")])
    q = only(doc)
    assert q.kind == "direct"
    assert q.text == "Wir werden die Gespräche in Genf fortsetzen"
    assert q.speaker == "Q1"
    assert q.cue == "sagte"


def test_mixed_marks_as_scraped_pages_have_them() -> None:
    text = "„Die Lieferungen gehen weiter”, betonte Baerbock in Berlin."
    doc = run(text, [person(text, "B", "Annalena Baerbock", ["Baerbock"], "f")])
    q = only(doc)
    assert q.text == "Die Lieferungen gehen weiter"
    assert q.speaker == "B"


def test_attribution_before_with_colon() -> None:
    text = ("Die Außenministerin blieb hart. Baerbock erklärte: „Ohne Abzug der Truppen gibt es "
            "keinen Frieden.“")
    doc = run(text, [person(text, "B", "Annalena Baerbock", ["Baerbock"], "f")])
    q = only(doc, "direct")
    assert q.text.startswith("Ohne Abzug der Truppen")
    assert q.speaker == "B"
    assert q.cue == "erklärte"


def test_colon_introduction_with_pronoun_resolves_to_previous_person() -> None:
    text = ("Der finnische Präsident Stubb besuchte am Dienstag Kiew. Er fuhr fort: "
            "„Wir stehen fest an der Seite der Ukraine.“")
    doc = run(text, [person(text, "S", "Alexander Stubb", ["Stubb", "finnische Präsident"],
                            "m")])
    q = only(doc, "direct")
    assert q.text.startswith("Wir stehen fest")
    assert q.speaker == "S"
    assert q.speaker_text == "Er"


def test_quote_interrupted_by_attribution_is_one_quote() -> None:
    text = ("„Die Verhandlungen sind schwierig“, sagte Stubb, „aber wir geben nicht auf.“")
    doc = run(text, [person(text, "S", "Alexander Stubb", ["Stubb"], "m")])
    q = only(doc)
    assert q.text.startswith("Die Verhandlungen sind schwierig")
    assert q.text.endswith("aber wir geben nicht auf.")
    assert q.speaker == "S"


def test_quote_spanning_sentences() -> None:
    text = ("„Die Lage an der Front ist ernst. Wir brauchen mehr Flugabwehr. Jeder Tag zählt“, "
            "sagte Syrskyj.")
    doc = run(text, [person(text, "Y", "Olexander Syrskyj", ["Syrskyj"], "m")])
    q = only(doc)
    assert q.text.startswith("Die Lage an der Front ist ernst.")
    assert q.text.endswith("Jeder Tag zählt")
    assert q.speaker == "Y"


def test_unclosed_quote_runs_to_paragraph_end() -> None:
    text = "Sybiha schrieb auf X: „Russland muss die Angriffe sofort einstellen.\n\nNeuer Absatz."
    doc = run(text, [person(text, "H", "Andrij Sybiha", ["Sybiha"], "m")])
    q = only(doc)
    assert q.text == "Russland muss die Angriffe sofort einstellen."
    assert q.channel == "X"


def test_english_quote_with_said_after() -> None:
    text = '"We are ready to talk to anyone," Rutte said on Tuesday.'
    doc = run(text, [person(text, "R", "Mark Rutte", ["Rutte"], "m")])
    q = only(doc)
    assert q.text.startswith("We are ready to talk")
    assert q.speaker == "R"


def test_channel_is_named() -> None:
    text = "„Wir halten durch“, sagte Selenskyj in seiner abendlichen Videoansprache."
    doc = run(text, [person(text, "Z", "Wolodymyr Selenskyj", ["Selenskyj"], "m")])
    assert only(doc).channel == "Videoansprache"


# --- non-quotes --------------------------------------------------------------------------------


def test_scare_quotes_around_one_word_are_not_quotes() -> None:
    doc = run("Die sogenannte „Friedensinitiative“ stieß in Brüssel auf Skepsis.")
    assert doc.quotes == []


def test_titles_of_books_and_operations_are_not_quotes() -> None:
    text = ("Der Roman „Krieg und Frieden in der Steppe“ erschien 2019. Die Operation "
            "„Schneller Sturm im Osten“ begann im Herbst.")
    assert run(text).quotes == []


def test_quoted_organisation_name_is_not_a_quote() -> None:
    text = "Der Verein „Hilfe für Charkiw“ sammelte Spenden für Generatoren."
    assert run(text).quotes == []


def test_quotation_marks_in_reader_comments_are_ignored() -> None:
    body = "Das Treffen in Istanbul dauerte zwei Stunden."
    comment = "„Das ist doch alles nur Theater und niemand glaubt daran“, schreibt ein Leser."
    text = body + "\n\n" + comment
    doc = run(text, segments=[(0, len(body), "body"),
                              (len(body) + 2, len(text), "comment")])
    assert doc.quotes == []


def test_paragraph_ending_in_colon_introduces_the_next_quote() -> None:
    text = ("Die Ministerin wandte sich an die Abgeordneten. Dann sagte Reiche:\n\n"
            "„Wir werden die Netze schneller ausbauen als geplant.“")
    doc = run(text, [person(text, "KR", "Katherina Reiche", ["Reiche"], "f")])
    q = only(doc)
    assert q.text.startswith("Wir werden die Netze")
    assert q.speaker == "KR"


def test_quoted_name_inside_the_speaker_phrase() -> None:
    text = ("„Die Straße bleibt gesperrt“, sagte ein Sprecher der „Stadtwerke Nord“, "
            "Jan Petersen.")
    doc = run(text)
    ent = doc.entity(only(doc).speaker or "")
    assert ent is not None and ent.name == "Jan Petersen"


def test_following_sentence_names_the_speaker() -> None:
    text = ("„Wir liefern, was wir versprochen haben.“ Das betonte Pistorius am Rande des "
            "Treffens in Ramstein.")
    doc = run(text, [person(text, "BP", "Boris Pistorius", ["Pistorius"], "m")])
    q = only(doc)
    assert q.speaker == "BP"
    assert q.cue == "betonte"


@pytest.mark.parametrize("text", ["", "„", "“”", "\"\"\"", "„“„“ sagte ,", ": „", "sagte, dass"])
def test_degenerate_input_does_not_crash(text: str) -> None:
    doc = run(text)
    ids = {e.id for e in doc.entities}
    assert all(q.speaker is None or q.speaker in ids for q in doc.quotes)
