"""The shipped German NER model: loads, stays small, finds entities in our own sentences."""

from __future__ import annotations

import re

import pytest

from lagebild.model import Sentence, Token
from lagebild.nlp import ner
from lagebild.nlp.ner_features import MODEL_DIR, gazetteer_tags, load_gazetteer, sentence_features

LABELS = {"PER", "LOC", "ORG", "MISC"}


def _words(text: str) -> list[str]:
    return text.split()


def _sentence(text: str, offset: int = 0) -> Sentence:
    """Whitespace/punctuation tokens with document offsets (the nlp stage does this for real)."""
    tokens = [
        Token(start=offset + m.start(), end=offset + m.end(), text=m.group())
        for m in re.finditer(r"\w+(?:-\w+)*|[^\w\s]", text)
    ]
    return Sentence(start=offset, end=offset + len(text), text=text, tokens=tokens)


def _entities(text: str) -> set[tuple[str, str]]:
    doc_text = "Vorspann. " + text
    sentence = _sentence(text, offset=len("Vorspann. "))
    return {(doc_text[s:e], label) for s, e, label in ner.tag_sentence(sentence)}


def test_model_files_ship_and_stay_under_30_mb() -> None:
    files = list(MODEL_DIR.glob("ner_*"))
    assert ner.MODEL_PATH in files
    total = sum(f.stat().st_size for f in files)
    assert total < 30 * 1024 * 1024, f"NER model files take {total / 1e6:.1f} MB"


def test_person_city_and_organisation_in_own_sentence() -> None:
    found = _entities(
        "Die Außenministerin Annalena Baerbock reiste am Dienstag nach Warschau , "
        "wo sie Vertreter der Europäischen Union traf ."
    )
    assert ("Annalena Baerbock", "PER") in found
    assert ("Warschau", "LOC") in found
    assert ("Europäischen Union", "ORG") in found


def test_inflected_place_and_unknown_person() -> None:
    found = _entities(
        "Der Bürgermeister Kiews , Vitali Klitschko , warnte vor neuen Angriffen auf die Stadt ."
    )
    assert ("Kiews", "LOC") in found
    assert ("Vitali Klitschko", "PER") in found


def test_company_and_nationality_adjective() -> None:
    words = _words("Der Konzern Siemens liefert Turbinen an die ukrainische Regierung .")
    tags = ner.tag_tokens(words)
    assert tags[2] == "B-ORG"
    # "ukrainische" is a place-derived adjective: GermEval LOCderiv, MISC for the pipeline
    assert ner.tag_tokens_fine(words)[7] == "B-LOCderiv"
    assert tags[7] == "B-MISC"


def test_sentence_without_entities_gets_none() -> None:
    assert _entities("Am Abend regnete es lange , und die Straßen blieben leer .") == set()


def test_labels_are_pipeline_types_and_offsets_point_into_text() -> None:
    text = "Präsident Wolodymyr Selenskyj sprach in Brüssel mit Vertretern der NATO ."
    sentence = _sentence(text, offset=100)
    doc_text = " " * 100 + text
    spans = ner.tag_sentence(sentence)
    assert spans
    for start, end, label in spans:
        assert label in LABELS
        assert 100 <= start < end <= 100 + len(text)
        assert doc_text[start:end].strip() == doc_text[start:end]


def test_empty_input() -> None:
    assert ner.tag_tokens([]) == []
    assert ner.tag_sentence(Sentence(start=0, end=0, text="")) == []


@pytest.mark.parametrize(
    ("tags", "expected"),
    [
        (["B-PER", "I-PER", "O", "B-LOC"], [(0, 2, "PER"), (3, 4, "LOC")]),
        (["I-ORG", "I-ORG", "B-ORG"], [(0, 2, "ORG"), (2, 3, "ORG")]),
        (["B-PER", "I-LOC"], [(0, 1, "PER"), (1, 2, "LOC")]),
    ],
)
def test_token_spans_reads_iob2(tags: list[str], expected: list[tuple[int, int, str]]) -> None:
    assert ner.token_spans(tags) == expected


def test_gazetteer_matches_multiword_and_genitive() -> None:
    gaz = load_gazetteer()
    tags = gazetteer_tags(_words("Sie flog von Frankfurt am Main über Londons Flughafen"), gaz)
    assert tags[3:6] == ["B", "I", "I"]
    assert tags[7] == "B"
    assert tags[0] == tags[1] == ""


def test_features_are_deterministic_per_token() -> None:
    tokens = _words("Der Kreml wies die Vorwürfe zurück .")
    first = sentence_features(tokens)
    assert first == sentence_features(tokens)
    assert len(first) == len(tokens)
    assert "BOS" in first[0] and "EOS" in first[-1]
