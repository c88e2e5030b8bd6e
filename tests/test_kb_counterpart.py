""""Amtskollege"/"counterpart": the holder, in the named state, of the office held by the person
the sentence is about, on the document's date (fixture knowledge base)."""

from __future__ import annotations

import pytest

from tests.test_kb_link import entities, index  # noqa: F401  (fixture)

SELENSKYJ = "lb:PER:Wolodymyr Selenskyj"


def persons(text: str, published: str) -> dict[str, list[str]]:
    return {k: v for k, v in entities(text, published).items() if k.startswith("lb:PER:")}


@pytest.mark.parametrize(("published", "holder"), [
    ("2023-06-01", "lb:PER:Joe Biden"),
    ("2025-03-01", "lb:PER:Donald Trump"),
])
def test_counterpart_is_the_same_office_in_the_named_state_on_that_day(index, published,  # noqa: F811
                                                                         holder):
    found = persons("Selenskyj empfing seinen US-Amtskollegen in Kiew.", published)
    assert found == {SELENSKYJ: ["Selenskyj"], holder: ["US-Amtskollegen"]}


def test_the_anchor_is_never_its_own_counterpart(index) -> None:  # noqa: F811
    # Rubio's office in his own state is Rubio: no second person is made of him
    found = persons("Rubio telefonierte am Abend mit seiner amerikanischen Amtskollegin.",
                    "2025-03-01")
    assert found == {"lb:PER:Marco Rubio": ["Rubio"]}


def test_no_state_named_links_nobody(index) -> None:  # noqa: F811
    # near miss: "seinen Amtskollegen" alone does not say whose office
    found = persons("Selenskyj empfing seinen Amtskollegen in Kiew.", "2023-06-01")
    assert found == {SELENSKYJ: ["Selenskyj"]}


def test_an_office_with_several_holders_links_nobody(index) -> None:  # noqa: F811
    # spokespersons are many: the "US-Amtskollege" of a spokesperson is not one person
    found = persons("Peskow widersprach seinem US-Amtskollegen.", "2023-06-01")
    assert found == {"lb:PER:Dmitri Peskow": ["Peskow"]}


def test_english_counterpart(index) -> None:  # noqa: F811
    found = persons("Zelensky met his US counterpart in Kyiv.", "2025-03-01")
    assert found.get("lb:PER:Donald Trump") == ["US counterpart"], found
