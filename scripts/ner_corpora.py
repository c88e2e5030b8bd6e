"""Readers for the NER training and evaluation corpora (used by train_ner.py and eval_ner.py).

Every reader yields ``(tokens, tags)`` pairs with IOB2 tags. GermEval keeps its full outer labels
(PER, LOC, ORG, OTH and their ``deriv``/``part`` variants), because the official outer-span score
counts the fine label. LER and Europeana are mapped onto PER/LOC/ORG (everything else becomes O).
"""

from __future__ import annotations

import gzip
import random
from collections.abc import Iterator
from pathlib import Path

Sentence = tuple[list[str], list[str]]

# LER fine classes -> GermEval outer classes (Leitner et al. 2019 coarse classes PER/LOC/ORG).
# Norms, regulations, contracts, decisions and literature (GS, VO, EUN, VS, VT, RS, LIT) have no
# GermEval counterpart of the same extent (citations like "§ 9 Abs. 2 ArbGG"), so they become O.
LER_MAP = {
    "PER": "PER", "RR": "PER", "AN": "PER",
    "LD": "LOC", "ST": "LOC", "STR": "LOC", "LDS": "LOC",
    "ORG": "ORG", "UN": "ORG", "INN": "ORG", "GRT": "ORG", "MRK": "ORG",
}
EUROPEANA_TYPES = {"PER", "LOC", "ORG"}
EUROPEANA_FILES = ("enp_DE.lft.bio", "enp_DE.onb.bio", "enp_DE.sbb.bio")
EUROPEANA_CHUNK = 40  # OCR text has no sentence breaks: cut at "." or after this many tokens


def read_germeval(path: Path) -> Iterator[Sentence]:
    """GermEval-2014 TSV: '#' comment line, then ``idx token outer nested`` lines, blank line."""
    tokens: list[str] = []
    tags: list[str] = []
    with path.open(encoding="utf-8") as fh:
        for raw in fh:
            line = raw.rstrip("\n")
            if line.startswith("#\t") or line.startswith("# "):
                continue
            if not line.strip():
                if tokens:
                    yield tokens, tags
                tokens, tags = [], []
                continue
            fields = line.split("\t")
            tokens.append(fields[1])
            tags.append(fields[2])
    if tokens:
        yield tokens, tags


def _map_tag(tag: str, mapping: dict[str, str]) -> str:
    if tag == "O" or len(tag) < 3 or tag[1] != "-":
        return "O"
    label = mapping.get(tag[2:])
    return f"{tag[0]}-{label}" if label and tag[0] in "BI" else "O"


def repair_iob(tags: list[str]) -> list[str]:
    """Turn a dangling I-X (after O or another type) into B-X, as conlleval reads it."""
    out: list[str] = []
    prev = "O"
    for tag in tags:
        if tag.startswith("I-") and prev[2:] != tag[2:]:
            tag = "B-" + tag[2:]
        out.append(tag)
        prev = tag
    return out


def read_ler(path: Path) -> Iterator[Sentence]:
    """LER CoNLL (``token tag``, blank line between sentences), fine classes mapped."""
    opener = gzip.open if path.suffix == ".gz" else open
    tokens: list[str] = []
    tags: list[str] = []
    with opener(path, "rt", encoding="utf-8") as fh:
        for raw in fh:
            line = raw.rstrip("\r\n")
            if not line.strip():
                if tokens:
                    yield tokens, repair_iob(tags)
                tokens, tags = [], []
                continue
            token, _, tag = line.rpartition(" ")
            tokens.append(token)
            tags.append(_map_tag(tag, LER_MAP))
    if tokens:
        yield tokens, repair_iob(tags)


def _europeana_tag(tag: str) -> str:
    norm = tag.upper().replace("_", "-").replace(".", "-")
    if len(norm) >= 5 and norm[1] == "-" and norm[0] in "BI" and norm[2:] in EUROPEANA_TYPES:
        return norm
    return "O"


def read_europeana(path: Path) -> Iterator[Sentence]:
    """Europeana BIO without sentence breaks: chunk at '.' tokens or every EUROPEANA_CHUNK."""
    tokens: list[str] = []
    tags: list[str] = []
    with path.open(encoding="utf-8") as fh:
        for raw in fh:
            line = raw.rstrip("\r\n")
            if line.startswith("# ") or not line.strip():
                continue
            fields = line.split(" ")
            if len(fields) != 2 or not fields[0]:
                continue  # OCR noise lines (". . . O") and malformed rows
            tokens.append(fields[0])
            tags.append(_europeana_tag(fields[1]))
            inside = tags[-1] != "O"
            if (fields[0] == "." and not inside) or len(tokens) >= EUROPEANA_CHUNK:
                yield tokens, repair_iob(tags)
                tokens, tags = [], []
    if tokens:
        yield tokens, repair_iob(tags)


def sample_ler(
    sentences: list[Sentence], limit: int, empty_share: float, seed: int
) -> list[Sentence]:
    """Keep LER sentences with a PER/LOC/ORG entity first, plus a share without any.

    LER is legal text where most sentences hold only citations; all of them would drown the
    news-like GermEval data and slow training down.
    """
    rng = random.Random(seed)
    with_ent = [s for s in sentences if any(t != "O" for t in s[1])]
    without = [s for s in sentences if all(t == "O" for t in s[1])]
    rng.shuffle(with_ent)
    rng.shuffle(without)
    n_with = min(len(with_ent), limit)
    n_without = min(len(without), int(n_with * empty_share))
    return with_ent[:n_with] + without[:n_without]


def spans(tags: list[str]) -> set[tuple[int, int, str]]:
    """Exact (start, end, label) spans of an IOB2 sequence; I- after another type opens a span."""
    out: set[tuple[int, int, str]] = set()
    start, label = -1, ""
    for i, tag in enumerate([*tags, "O"]):
        if tag.startswith("I-") and label == tag[2:]:
            continue
        if label:
            out.add((start, i, label))
        start, label = (i, tag[2:]) if tag[:2] in ("B-", "I-") else (-1, "")
    return out


def prf(gold: list[list[str]], pred: list[list[str]]) -> tuple[float, float, float, int, int, int]:
    """Strict span precision/recall/F1 over sentences (GermEval outer level, full labels)."""
    tp = n_gold = n_pred = 0
    for g, p in zip(gold, pred, strict=True):
        gs, ps = spans(g), spans(p)
        tp += len(gs & ps)
        n_gold += len(gs)
        n_pred += len(ps)
    precision = tp / n_pred if n_pred else 0.0
    recall = tp / n_gold if n_gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1, tp, n_gold, n_pred
