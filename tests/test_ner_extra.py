"""Extra NER feature families (lagebild/nlp/ner_extra.py) on our own sentences."""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np

from lagebild.nlp import ner_extra
from lagebild.nlp.ner_extra import Cues, KnownNames, add_extra_features, quoted

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

import build_ner_clusters  # noqa: E402
import build_ner_names  # noqa: E402


def _words(text: str) -> list[str]:
    return text.split()


CUES = Cues([
    ("orghead", "ministerium"), ("orghead", "bank"), ("orgtok", "GmbH"),
    ("othhead", "festival"), ("perhead", "bürgermeister"), ("en", "the"),
])


def test_cue_heads_match_compounds_and_exact_words() -> None:
    assert "orghead=c" in CUES.word_cues("Landwirtschaftsministerium")
    assert "orghead=x" in CUES.word_cues("Bank")
    assert "orgtok" in CUES.word_cues("GmbH")
    assert "othhead=c" in CUES.word_cues("Jazzfestival")
    assert "en" in CUES.word_cues("The")
    assert CUES.word_cues("Hafenrundfahrt") == ()


def test_quoted_marks_short_titles_only() -> None:
    short = _words("Der Film „ Die Brücke am Fluss “ lief gestern .")
    marks = quoted(short)
    assert marks[3] == "q1" and marks[4:7] == ["q", "q", "q"]
    assert marks[0] == marks[-1] == "" and marks[2] == ""
    long_quote = ("Er sagte : „ " + " ".join(["Wort"] * 14) + " “ .").split()
    assert not any(quoted(long_quote))


def test_known_names_longest_match_with_genitive() -> None:
    known = KnownNames([
        ("Nordsee Werft", "ORG"), ("Nordsee", "LOC"), ("Ilse Brandt", "PER"), ("klein", "LOC"),
    ])
    tokens = _words("Die Nordsee Werft gehört Ilse Brandts Familie , nicht der Nordsee .")
    tags = known.match(tokens)
    assert tags[1:3] == ["B-ORG", "I-ORG"]
    assert tags[4:6] == ["B-PER", "I-PER"]
    assert tags[10] == "B-LOC"
    assert tags[0] == tags[3] == tags[6] == ""
    assert known.token_types["Nordsee"] == {"ORG", "LOC"}


def test_extra_features_reach_neighbours(monkeypatch) -> None:
    monkeypatch.setattr(ner_extra, "cues", lambda: CUES)
    monkeypatch.setattr(ner_extra, "known_names", lambda: KnownNames([("Kornbank", "ORG")]))
    monkeypatch.setattr(ner_extra, "clusters", lambda: {"Kornbank": "0110101"})
    monkeypatch.setattr(ner_extra, "ENABLED", {"cues", "known", "clusters"})
    ner_extra._word_extra.cache_clear()
    try:
        tokens = _words("Die Kornbank in Ulm")
        feats = add_extra_features(tokens, [[] for _ in tokens])
    finally:
        ner_extra._word_extra.cache_clear()
    assert {"orghead=c", "kt=ORG", "kb=B-ORG", "c4=0110", "cf=0110101"} <= set(feats[1])
    assert "1:orghead=c" in feats[0] and "-1:kb=B-ORG" in feats[2]
    assert "-2:c4=0110" in feats[3]


def test_shipped_cue_lexicon_loads() -> None:
    shipped = ner_extra.cues()
    assert "orghead=c" in shipped.word_cues("Bundesgesundheitsministerium")
    assert "othhead=x" in shipped.word_cues("Film")


def test_known_names_from_kb_and_ler_org_lines(tmp_path: Path) -> None:
    kb = tmp_path / "kb"
    (kb / "persons").mkdir(parents=True)
    (kb / "persons" / "x.yaml").write_text(
        "- id: lb:PER:a\n  name: Erna Musterfrau\n  aliases: [Musterfrau]\n", encoding="utf-8")
    (kb / "orgs.yaml").write_text(
        "- id: lb:ORG:b\n  name: Verband der Imker\n  aliases: [VdI]\n", encoding="utf-8")
    (kb / "places.yaml").write_text("- id: lb:LOC:c\n  name: Oberhausen\n", encoding="utf-8")
    (kb / "states.yaml").write_text(
        "- iso: XY\n  name_de: Beispielland\n  name_en: Sampleland\n  extra_aliases: [BL]\n",
        encoding="utf-8")
    ler = tmp_path / "data" / "german_ler"
    ler.mkdir(parents=True)
    import gzip

    lines = "Das O\nAmtsgericht B-GRT\nUlm I-GRT\nund O\n3. B-GRT\nSenat I-GRT\nO O\n\n"
    with gzip.open(ler / "ler_train_derived.conll.gz", "wt", encoding="utf-8") as fh:
        fh.write(lines)
    known = build_ner_names.collect_known(tmp_path / "data", kb)
    assert known["Erna Musterfrau"] == "PER" and known["Musterfrau"] == "PER"
    assert known["Verband der Imker"] == "ORG" and known["VdI"] == "ORG"
    assert known["Oberhausen"] == "LOC" and known["Sampleland"] == "LOC"
    assert known["Amtsgericht Ulm"] == "ORG"
    assert "3. Senat" not in known  # numbered court chambers are left out


def test_cluster_tree_separates_groups_deterministically() -> None:
    rng = np.random.default_rng(0)
    a = rng.normal(0, 0.05, (20, 5)) + np.array([1, 0, 0, 0, 0])
    b = rng.normal(0, 0.05, (20, 5)) + np.array([0, 1, 0, 0, 0])
    vecs = np.vstack([a, b])
    paths = build_ner_clusters.bisect(vecs, depth=3, min_leaf=4)
    assert paths == build_ner_clusters.bisect(vecs, depth=3, min_leaf=4)
    assert len({p[0] for p in paths[:20]}) == 1 and len({p[0] for p in paths[20:]}) == 1
    assert paths[0][0] != paths[20][0]
    assert all(len(p) <= 3 for p in paths)


def test_substitution_keeps_context_and_labels() -> None:
    import random

    import train_ner

    pools = {
        "ORG": [["Glaswerk", "Ost"]], "LOC": [["Lindau"]], "PER": [],
        "FIRST": [["Hanna"]], "LAST": [["Kowalczyk"]],
    }
    tokens = _words("Frau Meier vom Stahlbund besuchte gestern Bremens Hafen und Schulz .")
    tags = ["O", "B-PER", "O", "B-ORG", "O", "O", "B-LOC", "O", "O", "B-PER", "O"]
    new = train_ner.substitute((tokens, tags), pools, random.Random(1))
    assert new is not None
    new_tokens, new_tags = new
    assert new_tokens == _words(
        "Frau Kowalczyk vom Glaswerk Ost besuchte gestern Lindaus Hafen und Kowalczyk ."
    )
    assert new_tags[3:5] == ["B-ORG", "I-ORG"] and new_tags[7] == "B-LOC"
    assert len(new_tags) == len(new_tokens)
    # a multi-token person gets a given name too; no entity: no copy
    two = train_ner.substitute((_words("Anna Meier lacht"), ["B-PER", "I-PER", "O"]), pools,
                               random.Random(1))
    assert two == (_words("Hanna Kowalczyk lacht"), ["B-PER", "I-PER", "O"])
    assert train_ner.substitute((_words("Es regnet"), ["O", "O"]), pools, random.Random(1)) is None


def test_derived_adjectives_and_demonyms() -> None:
    known = KnownNames([("ghanaisch", "ADJ"), ("Ghanaer", "DEM"), ("Ghanaerin", "DEM")])
    assert known.derived("ghanaischen") == "adj"
    assert known.derived("Ghanaische") == "adj"
    assert known.derived("Ghanaerinnen") == "dem"
    assert known.derived("Ghanaern") == "dem"
    assert known.derived("ghanaischste") == ""
    assert known.derived("tirolerischen", frozenset({"tirolerisch"})) == "adj"


def test_derived_substitution_keeps_the_form() -> None:
    import random

    import train_ner

    pools = {"ADJ": [["chilenisch"]], "CITY": [["Lindau"]]}
    rng = random.Random(0)
    assert train_ner.substitute_derived("polnischen", pools, rng) == "chilenischen"
    assert train_ner.substitute_derived("Polnische", pools, rng) == "Chilenische"
    assert train_ner.substitute_derived("Leipziger", pools, rng) == "Lindauer"
    assert train_ner.substitute_derived("Russen", pools, rng) == "Russen"


def test_names_inside_compounds(monkeypatch) -> None:
    from lagebild.nlp.ner_features import Gazetteer

    monkeypatch.setattr(ner_extra, "default_gazetteer", lambda: Gazetteer({"Lindau": "city"}))
    monkeypatch.setattr(ner_extra, "known_names", lambda: KnownNames([("Stahlbund", "ORG")]))
    monkeypatch.setattr(ner_extra, "person_names", lambda: {"Kowalczyk": "last"})
    assert ner_extra.part_features("Stahlbund-Tagung") == ["hp0=ORG"]
    assert ner_extra.part_features("Kowalczyk-Plan") == ["hp0=PER"]
    assert ner_extra.part_features("Lindaureise") == ["cpd=LOC"]
    assert ner_extra.part_features("Lindaus-Hafen") == []  # a hyphen part must match as it is
    assert ner_extra.part_features("Lindausbesuch") == ["cpd=LOC"]  # linking -s
    assert ner_extra.part_features("Hafenrundfahrt") == []


def test_made_up_organisations_have_the_four_shapes() -> None:
    import train_ner

    pools = {"LAST": [["Kowalczyk"]], "CITY": [["Lindau"]]}
    orgs = train_ner.made_up_orgs(pools, ["Sparkasse"], 8, seed=5)
    assert orgs == train_ner.made_up_orgs(pools, ["Sparkasse"], 8, seed=5)  # deterministic
    assert orgs[0][0] == "Kowalczyk" and orgs[0][1] in train_ner.LEGAL_FORMS
    assert orgs[1] == ["Lindauer", "Sparkasse"] and orgs[2] == ["Sparkasse", "Lindau"]
    assert len(orgs[3]) == 1 and orgs[3][0].isupper() and 2 <= len(orgs[3][0]) <= 4
