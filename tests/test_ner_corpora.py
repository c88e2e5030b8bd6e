"""The NER corpus readers and the outer-span metric of scripts/eval_ner.py, on made-up data."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "scripts"))

from ner_corpora import prf, read_europeana, read_germeval, read_ler  # noqa: E402


def test_outer_span_metric_needs_exact_span_and_full_label() -> None:
    gold = [["B-PER", "I-PER", "O", "B-LOCderiv", "O", "B-ORG"]]
    pred = [["B-PER", "I-PER", "O", "B-LOC", "O", "B-ORG"]]  # deriv label wrong
    p, r, f, tp, n_gold, n_pred = prf(gold, pred)
    assert (tp, n_gold, n_pred) == (2, 3, 3)
    assert p == pytest.approx(2 / 3) and r == pytest.approx(2 / 3) and f == pytest.approx(2 / 3)
    # a span one token too short is wrong as a whole
    _, _, f_short, tp_short, _, _ = prf([["B-ORG", "I-ORG"]], [["B-ORG", "O"]])
    assert tp_short == 0 and f_short == 0.0


def test_germeval_reader_keeps_outer_column(tmp_path: Path) -> None:
    path = tmp_path / "ge.tsv"
    path.write_text(
        "#\thttp://example.org\t[2020-01-01]\n1\tIn\tO\tO\n2\tPotsdam\tB-LOC\tO\n"
        "3\tsprach\tO\tO\n4\tMaria\tB-PER\tO\n5\tSchulz\tI-PER\tO\n\n"
        "#\thttp://example.org\t[2020-01-02]\n1\tdeutsche\tB-LOCderiv\tO\n\n",
        encoding="utf-8",
    )
    sentences = list(read_germeval(path))
    assert sentences[0] == (
        ["In", "Potsdam", "sprach", "Maria", "Schulz"], ["O", "B-LOC", "O", "B-PER", "I-PER"]
    )
    assert sentences[1] == (["deutsche"], ["B-LOCderiv"])


def test_ler_reader_maps_classes(tmp_path: Path) -> None:
    path = tmp_path / "ler.conll"
    path.write_text(
        "Das O\r\nLandgericht B-GRT\r\nKassel I-GRT\r\nnach O\r\n§ B-GS\r\n5 I-GS\r\n"
        "Richterin O\r\nK B-RR\r\n\r\n",
        encoding="utf-8",
    )
    [(tokens, tags)] = list(read_ler(path))
    assert tokens[1] == "Landgericht"
    assert tags == ["O", "B-ORG", "I-ORG", "O", "O", "O", "O", "B-PER"]


def test_europeana_reader_chunks_and_repairs_tags(tmp_path: Path) -> None:
    path = tmp_path / "enp.bio"
    path.write_text(
        "# file: x\nDer O\nGraf B-PEr\nLeo I_PER\nkam O\nnach O\nGraz B-LOCer\n. O\n"
        ". . . O\nDann O\nWien B-LOC\n",
        encoding="utf-8",
    )
    chunks = list(read_europeana(path))
    assert chunks[0] == (
        ["Der", "Graf", "Leo", "kam", "nach", "Graz", "."],
        ["O", "B-PER", "I-PER", "O", "O", "O", "O"],
    )
    assert chunks[1] == (["Dann", "Wien"], ["O", "B-LOC"])
