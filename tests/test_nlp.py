from lagebild.model import Document
from lagebild.nlp import run, split_sentences, tokenize


def _sentences(text: str) -> list[str]:
    return [text[a:b] for a, b in split_sentences(text)]


def test_ordinal_dates_and_abbreviations_do_not_end_sentences():
    text = "Am 3. März traf Dr. Weber z. B. den Botschafter. Danach reiste er ab."
    assert _sentences(text) == [
        "Am 3. März traf Dr. Weber z. B. den Botschafter.",
        "Danach reiste er ab.",
    ]


def test_closing_quote_stays_with_its_sentence():
    text = "„Wir werden nicht nachgeben.“ Das sagte die Ministerin am Abend."
    assert _sentences(text)[0] == "„Wir werden nicht nachgeben.“"


def test_quote_followed_by_attribution_is_one_sentence():
    text = "„Wir bleiben standhaft“, erklärte der Kanzler. Er reiste dann nach Rom."
    assert _sentences(text)[0] == "„Wir bleiben standhaft“, erklärte der Kanzler."


def test_tokens_split_quotes_and_keep_compounds():
    toks = [t for _, _, t in tokenize("„Der NATO-Gipfel“ in Den Haag, sagte er.")]
    assert toks[:3] == ["„", "Der", "NATO-Gipfel"]
    assert "," in toks and toks[-1] == "."


def test_stage_gives_lemmas_and_sentences_per_line():
    doc = run(Document(text="Gipfel in Genf\nDie Minister trafen sich am Montag."))
    texts = [s.text for s in doc.sentences]
    assert texts == ["Gipfel in Genf", "Die Minister trafen sich am Montag."]
    lemmas = {t.text: t.lemma for t in doc.sentences[1].tokens}
    assert lemmas["trafen"] == "treffen"
    tags = {t.text: t.pos for t in doc.sentences[1].tokens}
    assert tags["trafen"].startswith("VV") and tags["."] == "$."


def test_titles_and_initials_keep_their_period() -> None:
    from lagebild.nlp.tokenize import split_sentences, tokenize

    text = "Botschafterin Dr. Jana M. Novak traf ca. 20 Delegierte. Danach reiste sie ab."
    words = [t for _, _, t in tokenize(text)]
    assert words[:5] == ["Botschafterin", "Dr.", "Jana", "M.", "Novak"]
    assert "ca." in words and words.count(".") == 2  # the two sentence ends stay apart
    assert len(split_sentences(text)) == 2


def test_a_capital_letter_before_a_number_is_no_initial() -> None:
    from lagebild.nlp.tokenize import tokenize

    words = [t for _, _, t in tokenize("Es war Punkt A. 2019 kam B.")]
    assert words[:5] == ["Es", "war", "Punkt", "A", "."]
