"""Speaker round 4: attribution patterns of German news (own sentences only)."""

from __future__ import annotations

from lagebild.model import Document
from tests.test_quotes_helpers import person, run


def _speaker_text(doc: Document, k: int = 0) -> str | None:
    return doc.quotes[k].speaker_text


def test_lassen_with_speech_infinitive_after_quote() -> None:
    text = "„Die Fähren fahren wieder nach Plan“, ließ die Reederei Nordwind am Abend verlauten."
    ship = person(text, "R1", "Nordwind", ["Reederei Nordwind"], None, "ORG")
    doc = run(text, [ship])
    assert doc.quotes[0].speaker == "R1"


def test_question_with_wollte_wissen_goes_to_the_subject_not_the_name_in_the_clause() -> None:
    text = ("Lea Brandt ist seit März Bürgermeisterin. „Wann wird die Brücke fertig?“, wollten "
            "die Anwohner am Montag wissen.")
    brandt = person(text, "LB", "Lea Brandt", ["Lea Brandt"], "f")
    doc = run(text, [brandt])
    assert doc.quotes[0].speaker != "LB"
    assert _speaker_text(doc) == "die Anwohner"


def test_active_zitieren_gives_the_quoted_object() -> None:
    text = "„Wir sind keine Gegner der Reform“, zitierte man die Gewerkschafterin Jana Fuchs."
    fuchs = person(text, "JF", "Jana Fuchs", ["Jana Fuchs"], "f")
    doc = run(text, [fuchs])
    assert doc.quotes[0].speaker == "JF"


def test_passive_zitieren_gives_the_subject() -> None:
    text = ("Die Zeitung sprach mit Jana Fuchs. „Das Werk bleibt offen“, wird Konzernchef Tim "
            "Berger in dem Blatt zitiert.")
    fuchs = person(text, "JF", "Jana Fuchs", ["Jana Fuchs"], "f")
    berger = person(text, "TB", "Tim Berger", ["Tim Berger"], "m")
    doc = run(text, [fuchs, berger])
    assert doc.quotes[0].speaker == "TB"


def test_sagen_with_a_dative_stays_with_the_subject() -> None:
    # near miss of the zitieren rule: with "sagte" the speaker is the subject, not the object
    text = "„Wir bleiben im Hafen“, sagte Jana Fuchs dem Sender Radio Nord."
    fuchs = person(text, "JF", "Jana Fuchs", ["Jana Fuchs"], "f")
    radio = person(text, "RN", "Radio Nord", ["Radio Nord"], None, "ORG")
    doc = run(text, [fuchs, radio])
    assert doc.quotes[0].speaker == "JF"


def test_reflexive_stance_verb_after_quote() -> None:
    text = ("Der Verein gewann am Samstag. „Wir haben verdient gewonnen“, zeigte sich Trainer "
            "Paul Kerner zufrieden.")
    kerner = person(text, "PK", "Paul Kerner", ["Paul Kerner"], "m")
    doc = run(text, [kerner])
    assert doc.quotes[0].speaker == "PK"


def test_apposition_without_closing_comma_stops_before_the_predicate() -> None:
    text = ("„Das war ein harter Kampf“, gab sich Paul Kerner, der Trainer der Gäste nach dem "
            "Abpfiff zuversichtlich.")
    kerner = person(text, "PK", "Paul Kerner", ["Paul Kerner"], "m")
    doc = run(text, [kerner])
    assert doc.quotes[0].speaker == "PK"
    assert _speaker_text(doc) == "Paul Kerner, der Trainer der Gäste"


def test_subject_after_wie_and_a_particle() -> None:
    text = "Wie bereits die Stadtverwaltung Lindau mitteilte, bleibt die Brücke bis Mai gesperrt."
    town = person(text, "SL", "Stadtverwaltung Lindau", ["Stadtverwaltung Lindau"], None, "ORG")
    doc = run(text, [town])
    assert doc.quotes and doc.quotes[0].speaker == "SL"


def test_insertion_with_darunter_is_not_part_of_the_subject() -> None:
    text = ("Die Kritiker des Plans, darunter auch der Verband Agrar Nord, erklärten, die Kosten "
            "seien zu hoch.")
    doc = run(text)
    assert doc.quotes and _speaker_text(doc) == "Die Kritiker des Plans"


def test_saxon_genitive_opens_the_subject_phrase() -> None:
    text = "Brandts neuer Sprecher Ole Hansen sagte: „Wir prüfen den Antrag sorgfältig.“"
    brandt = person(text, "LB", "Lea Brandt", ["Brandts"], "f")
    hansen = person(text, "OH", "Ole Hansen", ["Ole Hansen"], "m")
    doc = run(text, [brandt, hansen])
    assert doc.quotes[0].speaker == "OH"


def test_name_in_s_after_the_verb_is_no_saxon_genitive() -> None:
    # near miss: after the verb, "Jonas neue Zahlen" is the subject and then its object
    text = "Am Freitag nannte Jonas neue Zahlen: „Wir zählen zwölf Fälle in der Stadt.“"
    jonas = person(text, "JO", "Jonas", ["Jonas"], "m")
    doc = run(text, [jonas])
    assert doc.quotes[0].speaker == "JO"
    assert _speaker_text(doc) == "Jonas"


def test_participle_tagged_verb_after_quote_takes_the_subject_after_it() -> None:
    text = "„Der Vertrag ist nichtig“, begründet das Landgericht Kiel sein Urteil vom Montag."
    court = person(text, "LK", "Landgericht Kiel", ["Landgericht Kiel"], None, "ORG")
    doc = run(text, [court])
    assert doc.quotes[0].speaker == "LK"


def test_quoted_paper_name_before_the_verb_is_the_subject() -> None:
    text = "Wie die Tageszeitung „Nordpost“ berichtete, sei der Hafen geschlossen worden."
    doc = run(text)
    ent = doc.entity(doc.quotes[0].speaker or "")
    assert ent is not None and ent.name == "Nordpost"


def test_subject_before_a_verb_tagged_as_infinitive_introduces_the_colon_quote() -> None:
    text = "Die Bewohner des Viertels sehen alles gelassen: „Wir haben schon Schlimmeres erlebt.“"
    doc = run(text)
    assert doc.quotes and _speaker_text(doc) == "Die Bewohner des Viertels"


def test_possessive_sein_before_a_noun_opens_the_subject() -> None:
    text = "Kai Roth wurde entlassen. Er habe längst gezahlt, wie sein Anwalt mitteilte."
    roth = person(text, "KR", "Kai Roth", ["Kai Roth"], "m")
    doc = run(text, [roth])
    assert doc.quotes and _speaker_text(doc) == "sein Anwalt"


def test_heisst_es_from_a_spokesman_names_him() -> None:
    text = "Die Lage sei ernst, hieß es vom Sprecher Mark Toner."
    doc = run(text)
    assert doc.quotes and _speaker_text(doc) == "Sprecher Mark Toner"


def test_heisst_es_in_a_plain_document_keeps_no_phrase() -> None:
    # near miss: "in dem Papier" names no speaker; the previous speaker goes on
    text = "Kai Roth legte ein Papier vor. Die Lage sei ernst, heißt es in dem Papier."
    roth = person(text, "KR", "Kai Roth", ["Kai Roth"], "m")
    doc = run(text, [roth])
    assert doc.quotes and _speaker_text(doc) is None


def test_resuemieren_is_a_speech_verb() -> None:
    text = "In ihrem Bericht resümiert Karla Vogt: „Wir haben aus dem Fehler viel gelernt.“"
    vogt = person(text, "KV", "Karla Vogt", ["Karla Vogt"], "f")
    doc = run(text, [vogt])
    assert doc.quotes[0].speaker == "KV" and doc.quotes[0].cue == "resümiert"


def test_verb_after_comma_shares_the_subject_of_the_main_clause() -> None:
    text = "Die Prüferin lobte den Bericht, bemängelte aber, die Zahlen seien veraltet."
    doc = run(text)
    assert doc.quotes and _speaker_text(doc) == "Die Prüferin"


def test_verb_after_comma_with_a_subordinate_clause_before_shares_nothing() -> None:
    # near miss: the clause before the comma is subordinate; its subject is not shared
    text = "Als die Prüferin den Bericht las, bemängelte der Minister, die Zahlen seien veraltet."
    doc = run(text)
    assert doc.quotes and _speaker_text(doc) == "der Minister"


def test_aus_with_a_bare_noun_is_a_reason_not_an_origin() -> None:
    text = "Die Brücke soll laut Karla Vogt aus Kostengründen geschlossen werden."
    vogt = person(text, "KV", "Karla Vogt", ["Karla Vogt"], "f")
    doc = run(text, [vogt])
    assert doc.quotes and doc.quotes[0].speaker == "KV"
    assert _speaker_text(doc) == "Karla Vogt"


def test_aus_with_a_place_stays_an_origin() -> None:
    text = "Die Brücke soll laut einem Sprecher aus Lindau geschlossen werden."
    doc = run(text)
    assert doc.quotes and _speaker_text(doc) == "einem Sprecher aus Lindau"


def test_nominalised_adjective_after_an_article_is_the_subject() -> None:
    text = "Ein Ehrenamtlicher begründete seinen Einsatz so: „Ich will etwas zurückgeben.“"
    doc = run(text)
    assert doc.quotes and _speaker_text(doc) == "Ein Ehrenamtlicher"


def test_genitive_adverbial_is_no_nominalised_subject() -> None:
    # near miss: "Des Weiteren" is an adverb, the subject follows the verb
    text = "Des Weiteren verwies Kai Roth darauf, dass die Frist bereits abgelaufen sei."
    roth = person(text, "KR", "Kai Roth", ["Kai Roth"], "m")
    doc = run(text, [roth])
    assert doc.quotes and doc.quotes[0].speaker == "KR"


def test_aus_kreisen_verlautete_names_the_circle() -> None:
    text = "Aus Regierungskreisen verlautete, die Verhandlungen seien weit fortgeschritten."
    doc = run(text)
    assert doc.quotes and _speaker_text(doc) == "Regierungskreisen"


def test_verlautete_aus_after_the_verb_names_the_office() -> None:
    text = "Am Abend verlautete aus dem Ministerium, die Verhandlungen seien gescheitert."
    doc = run(text)
    assert doc.quotes and _speaker_text(doc) == "dem Ministerium"


def test_passive_zitieren_after_an_apposition() -> None:
    text = "„Wir bauen weiter“, wird Tim Berger, Chef der Werft Nordstern, in dem Blatt zitiert."
    berger = person(text, "TB", "Tim Berger", ["Tim Berger"], "m")
    werft = person(text, "WN", "Nordstern", ["Werft Nordstern"], None, "ORG")
    doc = run(text, [berger, werft])
    assert doc.quotes[0].speaker == "TB"


def test_demnach_sentence_reports_the_previous_source() -> None:
    text = ("Die Stadtwerke Lindau legten am Montag ihren Bericht vor. Demnach sind die Preise "
            "für Fernwärme im vergangenen Jahr um zwölf Prozent gestiegen.")
    works = person(text, "SW", "Stadtwerke Lindau", ["Stadtwerke Lindau"], None, "ORG")
    doc = run(text, [works])
    found = [q for q in doc.quotes if q.text.startswith("sind die Preise")]
    assert found and found[0].kind == "indirect" and found[0].cue == "Demnach"


def test_demnach_inside_a_sentence_is_no_cue() -> None:
    # near miss: only a sentence opening with "Demnach" and its verb reports a source
    text = "Die Preise für Fernwärme steigen demnach im kommenden Jahr um zwölf Prozent."
    doc = run(text)
    assert not doc.quotes


def test_nach_einer_studie_is_an_according_phrase() -> None:
    text = ("Nach einer Studie der Universität Kiel trinken Jugendliche heute deutlich weniger "
            "Alkohol als vor zehn Jahren.")
    doc = run(text)
    assert doc.quotes and doc.quotes[0].kind == "indirect"
    assert doc.quotes[0].text.startswith("trinken Jugendliche")


def test_wie_bekannt_wurde_introduces_reported_speech() -> None:
    text = "Wie am Abend bekannt wurde, bleibt der Hafen von Lindau bis Freitag gesperrt."
    doc = run(text)
    assert doc.quotes and doc.quotes[0].text.startswith("bleibt der Hafen")


def test_wurde_bekannt_dass_introduces_reported_speech() -> None:
    text = "Inzwischen wurde bekannt, dass die Brücke noch bis zum Sommer gesperrt bleibt."
    doc = run(text)
    assert doc.quotes and doc.quotes[0].text.startswith("dass die Brücke")


def test_becoming_famous_is_no_speech() -> None:
    # near miss: "bekannt werden" without a reported clause
    text = "Der Autor wurde mit seinem zweiten Roman über die Stadt am Meer bekannt."
    assert not run(text).quotes


def test_reported_verb_after_a_fronted_phrase_with_relative_clause() -> None:
    text = ("Weiterhin erklärte die Ministerin, in den Ländern, in denen Gebühren gelten, sei die "
            "Zahl der Anfänger gestiegen.")
    doc = run(text)
    assert doc.quotes and doc.quotes[0].text.startswith("in den Ländern")
    assert _speaker_text(doc) == "die Ministerin"


def test_relative_clause_after_an_object_is_no_reported_speech() -> None:
    # near miss: the phrase after the comma is an object's apposition, the verb is indicative
    text = ("Weiterhin besuchte die Ministerin, in den Ländern, in denen Gebühren gelten, "
            "die Schulen.")
    assert not run(text).quotes


def test_wie_clause_without_its_closing_comma() -> None:
    text = "Wie die örtlichen Sender berichten sind mindestens zwei Menschen ums Leben gekommen."
    doc = run(text)
    assert doc.quotes and doc.quotes[0].text.startswith("sind mindestens")
    assert _speaker_text(doc) == "die örtlichen Sender"
