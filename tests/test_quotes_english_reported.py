"""English reported speech: "X said (that) …", "X told Y that …", "…, X said.", ", saying …"."""

from __future__ import annotations

import pytest

from lagebild.ingest.base import document_from_text
from lagebild.model import Document
from lagebild.pipeline import process


def _doc(text: str) -> Document:
    return process(document_from_text("Talks\n\n" + text + "\n", published="2025-02-19",
                                      language="en"))


@pytest.mark.parametrize("text, content", [
    ("Kallas said the European Union would keep its sanctions in place.",
     "the European Union would keep its sanctions in place"),
    ("Kallas said that the sanctions would stay.", "the sanctions would stay"),
    ("Kallas told reporters that the sanctions would stay.", "the sanctions would stay"),
    ("Kallas said on Monday that the sanctions would stay.", "the sanctions would stay"),
    ("The sanctions will stay in place, Kallas said.", "The sanctions will stay in place"),
    ("Kallas praised the deal, saying it would help Ukraine.", "it would help Ukraine"),
])
def test_english_reported_clause_and_speaker(text: str, content: str) -> None:
    doc = _doc(text)
    reported = [q for q in doc.quotes if q.kind == "indirect"]
    assert reported and reported[0].text == content
    speaker = doc.entity(reported[0].speaker or "")
    assert speaker is not None and "Kallas" in speaker.name


def test_said_without_a_clause_is_no_quote() -> None:
    # near misses: nothing reported after the verb, or only an object
    assert not _doc("Kallas said nothing.").quotes
    assert not [q for q in _doc("Kallas told reporters.").quotes if q.kind == "indirect"]


def test_german_text_keeps_its_own_rules() -> None:
    # the English patterns never run on German: "said" is no German word anyway, but the gate
    # is the document language
    doc = process(document_from_text("Titel\n\nKallas sagte am Montag etwas.\n",
                                     published="2025-02-19", language="de"))
    assert not doc.quotes
