"""Single segmentation rules, each on new sentences written for the test."""

from __future__ import annotations

from lagebild.ingest.base import document_from_text
from lagebild.segment import run, segment_text

BODY_1 = ("Die Außenminister der Europäischen Union haben sich am Montag in Brüssel auf ein "
          "neues Sanktionspaket gegen Russland verständigt.")
BODY_2 = ("Ungarn gab seinen Widerstand nach langen Verhandlungen auf, wie Diplomaten "
          "am Abend berichteten.")
BODY_3 = "Das Paket soll noch in dieser Woche in Kraft treten, hieß es weiter."
HEAD = "EU einigt sich auf neues Sanktionspaket"


def roles(text: str, **kw) -> dict[str, str]:
    segments, _ = segment_text(text, **kw)
    return {s.text: s.role for s in segments}


def page(*blocks: str) -> str:
    return "\n\n".join(blocks)


def test_headline_then_body():
    got = roles(page(HEAD, BODY_1, BODY_2))
    assert got[HEAD] == "title" and got[BODY_1] == "body" and got[BODY_2] == "body"


def test_first_line_that_is_a_full_sentence_is_body_not_title():
    got = roles(page(BODY_1, BODY_2))
    assert got[BODY_1] == "body"


def test_given_title_is_used_even_when_not_first():
    got = roles(page("Kurzmeldung aus Brüssel heute", HEAD, BODY_1), title=HEAD)
    assert got[HEAD] == "title"


def test_comment_thread_after_marker_and_author_lines():
    text = page(HEAD, BODY_1, "Kommentare", "Gerd K. sagt:\nDas kommt viel zu spät.\n5\n1",
                "Antworten")
    got = roles(text)
    assert got["Kommentare"] == "chrome"
    assert got["Gerd K. sagt:\nDas kommt viel zu spät.\n5\n1"] == "comment"
    assert got["Antworten"] == "comment"


def test_author_line_with_thread_structure_starts_a_thread():
    got = roles(page(HEAD, BODY_1, "Waltraud schreibt:\n3. Juni 2025 um 08:15",
                     "Endlich handelt Brüssel einmal."))
    assert got["Endlich handelt Brüssel einmal."] == "comment"


def test_news_sentence_ending_in_sagt_colon_stays_body():
    intro = "Die Kommissionspräsidentin sagt:"
    quote = "„Wir werden den Druck auf Moskau weiter erhöhen, bis die Angriffe aufhören.“"
    got = roles(page(HEAD, BODY_1, intro, quote, BODY_2))
    assert got[intro] == "body" and got[quote] == "body" and got[BODY_2] == "body"


def test_marker_words_used_as_subheadings_inside_the_article():
    long_1 = BODY_1 + " " + BODY_2 + " Die Einigung gilt als Erfolg der polnischen Präsidentschaft."
    long_2 = BODY_3 + " " + BODY_1 + " Kritiker halten das Paket jedoch für zu schwach."
    got = roles(page(HEAD, BODY_1, "Reaktionen", long_1, long_2, "Nachrichten", long_2 + " Ja.",
                     long_1 + " Nein."))
    assert got[long_1] == "body" and got[long_2] == "body"
    assert got[long_2 + " Ja."] == "body" and got[long_1 + " Nein."] == "body"


def test_comments_marker_before_the_article_is_only_navigation():
    got = roles(page("Kommentare", HEAD, BODY_1, BODY_2))
    assert got["Kommentare"] == "chrome"
    assert got[BODY_1] == "body" and got[BODY_2] == "body"


def test_teaser_section_after_marker():
    teaser = "Wie Ungarn seine Blockade begründet hatte"
    got = roles(page(HEAD, BODY_1, "Das könnte Sie auch interessieren", teaser))
    assert got[teaser] == "teaser"


def test_truncated_teaser_ending_in_ellipsis():
    cut = "Nach dem Gipfel in Brüssel kündigte die Kommission an, dass sie bis zum..."
    got = roles(page(HEAD, BODY_1, BODY_2, cut))
    assert got[cut] == "teaser"


def test_read_also_line_and_the_line_after_it():
    got = roles(page(HEAD, BODY_1, "Lesen Sie auch:", "Die Geschichte der EU-Sanktionen",
                     BODY_2))
    assert got["Lesen Sie auch:"] == "chrome"
    assert got["Die Geschichte der EU-Sanktionen"] == "teaser"
    assert got[BODY_2] == "body"


def test_captions_and_credits():
    got = roles(page(HEAD, "Foto: Imago/Christian Ohde", BODY_1,
                     "Kaja Kallas und Josep Borrell", BODY_2,
                     "Die Minister vor dem Ratsgebäude.Max Muster/AFP/Getty Images", BODY_3))
    assert got["Foto: Imago/Christian Ohde"] == "caption"
    assert got["Kaja Kallas und Josep Borrell"] == "caption"
    assert got["Die Minister vor dem Ratsgebäude.Max Muster/AFP/Getty Images"] == "caption"


def test_gallery_prompt_makes_next_line_a_caption():
    caption = "Die Außenminister beim Familienfoto vor dem Europagebäude am Montagmorgen."
    got = roles(page(HEAD, "Bild 3 von 12", caption, BODY_1))
    assert got["Bild 3 von 12"] == "caption" and got[caption] == "caption"


def test_short_caption_above_credit_line():
    got = roles(page(HEAD, BODY_1, "Die Ratsvorsitzende in Brüssel\nArchivbild", BODY_2))
    assert got["Die Ratsvorsitzende in Brüssel\nArchivbild"] == "caption"


def test_share_picker_and_donation_prompts_are_chrome():
    got = roles(page("Sprache auswählen", "Deutsch", HEAD, "Teilen Sie dies:", BODY_1,
                     "Jetzt Newsletter abonnieren", "Unterstützen Sie uns mit einer Spende",
                     "Nach oben"))
    for line in ("Sprache auswählen", "Deutsch", "Teilen Sie dies:", "Jetzt Newsletter abonnieren",
                 "Unterstützen Sie uns mit einer Spende", "Nach oben"):
        assert got[line] == "chrome", line


def test_syndication_and_copyright_are_disclaimers():
    note = "Dieser Text ist ursprünglich im Wochenblatt Nord erschienen."
    syn = "(Automatisch aus einem syndizierten Newsfeed übernommen, nicht redaktionell bearbeitet.)"
    got = roles(page(HEAD, BODY_1, "Mit Material von dpa und AFP", syn, note,
                     "© 2024 Nordverlag. Alle Rechte vorbehalten."))
    assert got["Mit Material von dpa und AFP"] == "disclaimer"
    assert got[syn] == "disclaimer"
    assert got["© 2024 Nordverlag. Alle Rechte vorbehalten."] == "disclaimer"


def test_short_subheading_inside_body_stays_body():
    got = roles(page(HEAD, BODY_1, "Widerstand aus Budapest", BODY_2))
    assert got["Widerstand aus Budapest"] == "body"


def test_short_non_sentences_outside_body_are_chrome():
    got = roles(page("Politik", "Ausland", HEAD, BODY_1, BODY_2, "Mehr", "Icon PfeilIcon Pfeil"))
    assert got["Politik"] == "chrome" and got["Mehr"] == "chrome"
    assert got["Icon PfeilIcon Pfeil"] == "chrome"


def test_html_comment_spans_are_comments():
    text = page(HEAD, BODY_1, "Ein Leserbrief ohne jede Markierung im Text.")
    start = text.index("Ein Leserbrief")
    segments, _ = segment_text(text, comment_spans=[(start, len(text))])
    assert segments[-1].role == "comment" and segments[-2].role == "body"


def test_run_sets_title_language_and_no_body_flag():
    doc = run(document_from_text(page(HEAD, BODY_1, BODY_2)))
    assert doc.title == HEAD and doc.language == "de" and "no_body_found" not in doc.flags
    empty = run(document_from_text("Startseite\nMenü\nSuche\n"))
    assert "no_body_found" in empty.flags


def test_given_language_is_kept():
    doc = document_from_text(page(HEAD, BODY_1), language="fr")
    assert run(doc).language == "fr"


def test_language_detection_outside_german():
    doc = run(document_from_text(
        "Les ministres des Affaires étrangères se sont réunis lundi à Bruxelles pour discuter "
        "de nouvelles sanctions contre la Russie."))
    assert doc.language == "fr"


def test_machine_translation_signals():
    spaced = page(HEAD, "Der US -Gesandte traf den EU -Beauftragten am Rande der Konferenz.")
    assert "machine_translation_suspected" in run(document_from_text(spaced)).flags
    repeated = page(HEAD, "Die Minister trafen sich in Brüssel in Brüssel in Brüssel.")
    assert "machine_translation_suspected" in run(document_from_text(repeated)).flags
    idiom = page(HEAD, "Die Diplomaten rangen Punkt um Punkt um einen Kompromiss.")
    assert "machine_translation_suspected" not in run(document_from_text(idiom)).flags
    clean = page(HEAD, BODY_1, BODY_2, BODY_3)
    assert "machine_translation_suspected" not in run(document_from_text(clean)).flags


def test_untranslated_english_fragments():
    text = page(HEAD, "Die Minister sprachen über the future of the sanctions and the "
                      "role of the Commission in Brüssel.")
    assert "machine_translation_suspected" in run(document_from_text(text)).flags
    names = page(HEAD, "Das Institute for the Study of War und The Washington Post berichten, "
                       "die Angriffe hätten zugenommen.")
    assert "machine_translation_suspected" not in run(document_from_text(names)).flags


def test_whitespace_only_text_has_no_segments():
    segments, _ = segment_text("  \n\n \t\n")
    assert segments == []


def test_language_given_in_meta_is_kept():
    doc = document_from_text(page(HEAD, BODY_1))
    doc.meta["language"] = "nl"
    assert run(doc).language == "nl"


def test_closed_comment_section_and_single_word_subheading():
    got = roles(page(HEAD, BODY_1, "Hintergrund", BODY_2, "Kommentare",
                     "Die Kommentarfunktion für diesen Artikel ist geschlossen."))
    assert got["Hintergrund"] == "body"
    assert got["Kommentare"] == "chrome"
    assert got["Die Kommentarfunktion für diesen Artikel ist geschlossen."] == "chrome"


def test_copyright_credit_under_a_photo():
    got = roles(page(HEAD, BODY_1, "Maia Sandu\nMaia Sandu © Getty Images", BODY_2))
    assert got["Maia Sandu\nMaia Sandu © Getty Images"] == "caption"


def test_body_sentences_that_mention_cue_words_stay_body():
    lines = [
        "Die Zahl der Verletzten stieg auf zwölf (Quelle: regionale Verwaltung).",
        "Der Sprecher äußerte sich zum Thema: Die Lage an der Grenze sei weiterhin angespannt.",
        "Die Regierung teilte dies am Abend in sozialen Netzwerken mit und kündigte Hilfen an.",
    ]
    got = roles(page(HEAD, BODY_1, *lines, BODY_2))
    for line in lines:
        assert got[line] == "body", line


def test_flattened_menu_line_is_not_the_headline():
    got = roles(page("Politik Wirtschaft Kultur Sport Videos Podcasts", HEAD, BODY_1))
    assert got["Politik Wirtschaft Kultur Sport Videos Podcasts"] == "chrome"
    assert got[HEAD] == "title"
    english = "Putin And Trump Speak By Phone For Two Hours"
    assert roles(page(english, "The Kremlin called the conversation frank and useful on Monday."))[
        english] == "title"


def test_short_headline_directly_before_the_body():
    got = roles(page("Politik", "Waffenruhe in Gaza", BODY_1, BODY_2))
    assert got["Waffenruhe in Gaza"] == "title" and got["Politik"] == "chrome"
    got = roles(page("Down Pfeil", "Sanktionen verlängert", BODY_1))
    assert got["Sanktionen verlängert"] == "title" and got["Down Pfeil"] == "chrome"


def test_scene_description_after_bild_colon_is_not_a_credit():
    line = "Die Verhandlungen dauerten bis in die Nacht. Bild: Die Delegationen vor dem Hotel"
    assert roles(page(HEAD, BODY_1, line, BODY_2))[line] == "body"
    credit = "Die Delegationen vor dem Hotel. Foto: Anna Beispiel"
    assert roles(page(HEAD, BODY_1, credit, BODY_2))[credit] == "caption"


def test_advertisement_label_and_its_text():
    promo = "Jetzt Digitalzugang testen – vier Wochen gratis"
    got = roles(page(HEAD, BODY_1, "Anzeige", promo, BODY_2))
    assert got["Anzeige"] == "chrome" and got[promo] == "chrome" and got[BODY_2] == "body"
    long_body = BODY_1 + " " + BODY_2 + " " + BODY_3
    got = roles(page(HEAD, BODY_1, "Anzeige", long_body))
    assert got[long_body] == "body"


def test_section_headings_with_counts_and_by_form():
    got = roles(page(HEAD, BODY_1, BODY_2, "Beiträge zum Thema",
                     "Wie die Sanktionen wirken sollen", "Leserkommentare (2)",
                     "Lisa_M\nvor 3 Std.\nEndlich.\nAntworten"))
    assert got["Beiträge zum Thema"] == "chrome"
    assert got["Wie die Sanktionen wirken sollen"] == "teaser"
    assert got["Leserkommentare (2)"] == "chrome"
    assert got["Lisa_M\nvor 3 Std.\nEndlich.\nAntworten"] == "comment"
