"""How the entities stage uses the statistical NER layer (a stand-in tagger, so that the
behaviour is tested whether or not the trained model is installed)."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

import pytest

from lagebild import kb, nlp
from lagebild.kb import link
from lagebild.kb.index import build_index, set_index
from lagebild.model import Document, Sentence

FIXTURE = Path(__file__).parent / "fixtures" / "kb"


@pytest.fixture(scope="module", autouse=True)
def index():
    set_index(build_index(data_dir=FIXTURE))
    yield
    set_index(None)


def _tagger(names: dict[str, str]):
    """A tagger that labels the given surface strings wherever they occur."""
    def tag_sentence(sent: Sentence) -> list[tuple[int, int, str]]:
        spans: list[tuple[int, int, str]] = []
        for text, label in sorted(names.items(), key=lambda kv: -len(kv[0])):
            at = sent.text.find(text)
            start, end = sent.start + at, sent.start + at + len(text)
            if at >= 0 and not any(s < end and start < e for s, e, _ in spans):
                spans.append((start, end, label))  # like a tagger: no overlapping spans
        return spans
    return SimpleNamespace(tag_sentence=tag_sentence)


def _run(text: str) -> dict[str, list[str]]:
    doc = Document(text=text)
    doc.published.value = "2024-05-01"
    nlp.run(doc)
    kb.run(doc)
    return {e.id: [m.text for m in e.mentions] for e in doc.entities}


def test_model_spans_become_local_entities(monkeypatch):
    monkeypatch.setattr(link, "_ner", _tagger({"Halyna Petrenko": "PER", "Petrenko": "PER",
                                               "Kyjiwer Morgenblatt": "ORG", "gestern": "MISC"}))
    monkeypatch.setattr(link, "_NER_BROKEN", [])
    found = _run("Halyna Petrenko sprach mit dem Kyjiwer Morgenblatt. Petrenko sagte gestern, "
                 "Selenskyj sei informiert.")
    assert found["lb:PER:halyna_petrenko"] == ["Halyna Petrenko", "Petrenko"]
    assert found["lb:ORG:kyjiwer_morgenblatt"] == ["Kyjiwer Morgenblatt"]
    assert "lb:PER:Wolodymyr Selenskyj" in found  # the knowledge base still links
    assert not any(k.startswith("lb:MISC") for k in found)


def test_knowledge_base_wins_over_an_overlapping_model_span(monkeypatch):
    monkeypatch.setattr(link, "_ner", _tagger({"Selenskyj sei": "PER"}))
    monkeypatch.setattr(link, "_NER_BROKEN", [])
    found = _run("Man hört, Selenskyj sei informiert.")
    assert found == {"lb:PER:Wolodymyr Selenskyj": ["Selenskyj"]}


def test_organisation_around_a_place_keeps_both(monkeypatch):
    monkeypatch.setattr(link, "_ner", _tagger({"Rom Tribune": "ORG"}))
    monkeypatch.setattr(link, "_NER_BROKEN", [])
    found = _run("Das meldete die Rom Tribune am Abend.")
    assert found["lb:ORG:rom_tribune"] == ["Rom Tribune"]


def test_missing_model_falls_back_to_proper_noun_runs(monkeypatch):
    def broken(sent: Sentence) -> list[tuple[int, int, str]]:
        raise FileNotFoundError("NER model missing")

    monkeypatch.setattr(link, "_ner", SimpleNamespace(tag_sentence=broken))
    monkeypatch.setattr(link, "_NER_BROKEN", [])
    found = _run("Dort sprach Friedhelm Kowalczyk mit Reportern.")
    assert "lb:PER:friedhelm_kowalczyk" in found


def test_fallback_takes_an_unknown_name_after_nach_as_a_place(monkeypatch):
    monkeypatch.setattr(link, "_ner", None)
    found = _run("Die Delegation reiste danach Richtung Süden weiter nach Sangin.")
    assert found["lb:GPE:sangin"] == ["Sangin"]


def test_fallback_surnames_tagged_as_nouns(monkeypatch):
    monkeypatch.setattr(link, "_ner", None)
    found = _run("Gestern sprach Werner Schlotter mit Reportern. Von Seiten der Opposition kam "
                 "Kritik.")
    assert found["lb:PER:werner_schlotter"] == ["Werner Schlotter"]
    assert not any("Seiten" in m for ms in found.values() for m in ms)


def test_fallback_first_name_tagged_as_noun(monkeypatch):
    monkeypatch.setattr(link, "_ner", None)
    found = _run("Am Abend widersprach der Abgeordnete Dariusch Tabrizi dem Minister.")
    assert found["lb:PER:dariusch_tabrizi"] == ["Dariusch Tabrizi"]
