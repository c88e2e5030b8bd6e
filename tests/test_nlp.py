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
