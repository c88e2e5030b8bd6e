"""Reported speech: dass, Konjunktiv, zu-infinitives, laut/zufolge/nach Angaben, heißt es."""

from __future__ import annotations

from tests.test_quotes_helpers import only, person, run


def test_dass_clause_after_speech_verb() -> None:
    text = "Scholz betonte am Freitag, dass Deutschland weitere Luftabwehrsysteme liefern werde."
    doc = run(text, [person(text, "O", "Olaf Scholz", ["Scholz"], "m")])
    q = only(doc)
    assert q.kind == "indirect"
    assert q.text.startswith("dass Deutschland weitere Luftabwehrsysteme")
    assert q.speaker == "O"
    assert q.cue == "betonte"


def test_konjunktiv_clause_after_separable_verb() -> None:
    text = "Das Verteidigungsministerium teilte mit, die Brücke sei wieder befahrbar."
    doc = run(text)
    q = only(doc)
    assert q.text == "die Brücke sei wieder befahrbar"
    assert q.cue == "teilte mit"
    ent = doc.entity(q.speaker or "")
    assert ent is not None and ent.type == "ORG"
    assert ent.id.startswith("lb:ORG:")


def test_konjunktiv_clause_before_inverted_verb() -> None:
    text = "Die Gespräche würden in der kommenden Woche fortgesetzt, kündigte Fidan an."
    doc = run(text, [person(text, "F", "Hakan Fidan", ["Fidan"], "m")])
    q = only(doc)
    assert q.text == "Die Gespräche würden in der kommenden Woche fortgesetzt"
    assert q.speaker == "F"


def test_konjunktiv_by_verb_stem() -> None:
    text = "Der Bürgermeister sagte, die Stadt rechne mit weiteren Angriffen."
    doc = run(text)
    assert only(doc).text == "die Stadt rechne mit weiteren Angriffen"


def test_indicative_clause_without_cue_is_not_reported_speech() -> None:
    assert run("Die Brücke ist wieder befahrbar, und der Verkehr rollt.").quotes == []


def test_zu_infinitive_after_request_verb() -> None:
    text = "Guterres forderte beide Seiten auf, die Kampfhandlungen sofort einzustellen."
    doc = run(text, [person(text, "G", "António Guterres", ["Guterres"], "m")])
    q = only(doc)
    assert q.text == "die Kampfhandlungen sofort einzustellen"
    assert q.speaker == "G"


def test_laut_attribution() -> None:
    text = "Laut Kuleba sind bei dem Angriff drei Menschen verletzt worden."
    doc = run(text, [person(text, "K", "Dmytro Kuleba", ["Kuleba"], "m")])
    q = only(doc)
    assert q.text == "sind bei dem Angriff drei Menschen verletzt worden"
    assert q.speaker == "K"
    assert q.cue == "Laut"


def test_zufolge_attribution() -> None:
    text = "Der Regionalverwaltung zufolge fiel in mehreren Dörfern der Strom aus."
    doc = run(text)
    q = only(doc)
    assert q.text == "fiel in mehreren Dörfern der Strom aus"
    assert q.cue == "zufolge"
    assert doc.entity(q.speaker or "") is not None


def test_nach_angaben_von() -> None:
    text = "Nach Angaben der Feuerwehr wurden zwei Wohnhäuser beschädigt."
    doc = run(text)
    q = only(doc)
    assert q.text.startswith("wurden zwei Wohnhäuser")
    ent = doc.entity(q.speaker or "")
    assert ent is not None and "Feuerwehr" in ent.name


def test_heisst_es_in_der_erklaerung_goes_to_the_author() -> None:
    text = ("Sprecher Kirby äußerte sich am Abend. Man sei zu Gesprächen bereit, heißt es in "
            "der Erklärung.")
    doc = run(text, [person(text, "J", "John Kirby", ["Kirby"], "m")])
    q = only(doc)
    assert q.text == "Man sei zu Gesprächen bereit"
    assert q.speaker == "J"


def test_wie_clause() -> None:
    text = "Wie die Polizei mitteilte, wurde der Verdächtige noch in der Nacht festgenommen."
    doc = run(text)
    q = only(doc)
    assert q.text.startswith("wurde der Verdächtige")
    ent = doc.entity(q.speaker or "")
    assert ent is not None and ent.type == "ORG"


def test_perfect_tense_cue_finds_the_subject() -> None:
    text = "Die Kanzlerin Merz hat am Montag bekräftigt, die Hilfe werde fortgesetzt."
    doc = run(text, [person(text, "M", "Friedrich Merz", ["Merz"], "m")])
    assert only(doc).speaker == "M"


def test_english_according_to() -> None:
    text = "According to the ministry, the talks will resume in Riyadh next week."
    doc = run(text)
    q = only(doc)
    assert q.text.startswith("the talks will resume")
    assert q.cue == "according to"


def test_partial_quote_inside_reported_clause_is_one_indirect_quote() -> None:
    text = ("Die Regierung habe „sehr viele offene Fragen“ zu klären, sagte die Ministerin "
            "Reiche.")
    doc = run(text, [person(text, "R", "Katherina Reiche", ["Reiche"], "f")])
    q = only(doc)
    assert q.kind == "indirect"
    assert q.text.startswith("Die Regierung habe")
    assert q.speaker == "R"


def test_partial_quote_with_speech_verb_elsewhere() -> None:
    text = "Macron nannte das Treffen „einen echten Durchbruch für Europa“."
    doc = run(text, [person(text, "E", "Emmanuel Macron", ["Macron"], "m")])
    q = only(doc)
    assert q.kind == "direct"
    assert q.text == "einen echten Durchbruch für Europa"
    assert q.speaker == "E"


def test_speech_noun_with_dass_takes_the_clause_subject() -> None:
    text = "Die Gewerkschaft ist der Ansicht, dass die Löhne steigen müssten."
    doc = run(text)
    q = only(doc)
    assert q.text.startswith("dass die Löhne")
    ent = doc.entity(q.speaker or "")
    assert ent is not None and ent.name == "Gewerkschaft"


def test_compound_source_noun() -> None:
    text = "Nach Polizeiangaben wurden drei Demonstranten festgenommen."
    doc = run(text)
    q = only(doc)
    assert q.text.startswith("wurden drei Demonstranten")
    ent = doc.entity(q.speaker or "")
    assert ent is not None and ent.name == "Polizeiangaben"


def test_subject_after_sentence_initial_adverb() -> None:
    text = "Gestern sagte Kallas, die Sanktionen würden verlängert."
    doc = run(text, [person(text, "KK", "Kaja Kallas", ["Kallas"], "f")])
    assert only(doc).speaker == "KK"


def test_wie_clause_is_the_attribution_not_the_content() -> None:
    text = "Wie die Agentur Ukrinform meldete, informierte Lawrow seine Kollegen über das Treffen."
    doc = run(text)
    q = only(doc)
    assert q.cue == "meldete"
    assert q.text.startswith("informierte Lawrow")
