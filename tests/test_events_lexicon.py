"""The trigger lexicons are well-formed data: valid PLOVER types and modes, all 16 types in both
languages, separable verbs and compounds matched as designed."""

from __future__ import annotations

import pytest

from lagebild.events.lexicon import english_forms, german_weak_forms, load, topics_for
from lagebild.model import EVENT_TYPES, TOPICS

MODES = {
    "CONSULT": {"visit", "third-party", "multilateral", "phone", "meet"},
    "RETREAT": {"withdraw", "release", "disarm", "ceasefire", "access", "resign"},
    "REQUEST": {"assist", "change", "yield", "meet"},
    "REJECT": {"assist", "change", "yield", "meet"},
    "ACCUSE": {"disapprove", "investigate", "allege"},
    "THREATEN": {"restrict", "arrest", "relations", "expel", "territory", "violence"},
    "PROTEST": {"demo", "riot", "strike", "hunger", "boycott", "obstruct", "vandalize"},
    "SANCTION": {"convict", "expel", "withdraw", "discontinue"},
    "MOBILIZE": {"troops", "weapons", "police", "militia"},
    "COERCE": {"seize", "restrict", "censor", "curfew", "martial-law", "arrest", "deport",
               "withhold", "misinformation", "cyber"},
    "ASSAULT": {"abduct", "beat", "torture", "sexual", "targeted", "destroy", "primitive",
                "firearms", "explosives", "suicide-attack", "aerial", "drone", "heavy-weapons",
                "crowd-control", "unconventional"},
    "AID": {"military", "economic", "humanitarian"},
}


@pytest.mark.parametrize("lang", ["de", "en"])
def test_lexicon_types_and_modes_are_plover(lang: str) -> None:
    lex = load(lang)
    triggers = [t for ts in lex.verbs.values() for t in ts] + lex.nouns
    assert {t.type for t in triggers} == set(EVENT_TYPES)
    for t in triggers:
        assert t.type in EVENT_TYPES
        if t.mode is not None:
            assert t.mode in MODES.get(t.type, set()), (t.head, t.type, t.mode)
        assert 0.0 < t.weight <= 1.0


def test_separable_verbs_are_indexed_joined_and_split() -> None:
    lex = load("de")
    assert any(t.particle == "ab" and t.type == "REJECT" for t in lex.verbs["lehnen"])
    assert any(t.type == "REJECT" for t in lex.verbs["ablehnen"])


def test_inflection_helpers() -> None:
    assert {"met", "meeting", "meets"} <= {f for f in load("en").forms if f.startswith("me")}
    assert "rejected" in english_forms("reject") and "urges" in english_forms("urge")
    assert "telefonierten" in german_weak_forms("telefonieren")


def test_topics_are_from_the_spec() -> None:
    found = topics_for("Die EU beschloss neue Sanktionen und weitere Waffenlieferungen.")
    assert {"sanctions", "weapons_supply"} <= set(found)
    assert set(found) <= set(TOPICS)


def test_content_modes_are_plover_and_refine_demands() -> None:
    from lagebild.events.lexicon import mode_for, modes
    for etype, table in modes().items():
        assert set(table) <= MODES[etype]
    assert mode_for("REQUEST", None, ["forderte", "die", "freilassung"]) == "yield"
    assert mode_for("REJECT", None, ["lehnte", "gespräche", "ab"]) == "meet"
    assert mode_for("CONSULT", None, ["sprach", "telefonisch"]) == "phone"
    assert mode_for("CONSULT", "visit", ["telefonisch"]) == "visit"
