"""Statistical named-entity tagger for German (CRF, trained by ``scripts/train_ner.py``).

Two crfsuite models ship in ``lagebild/nlp/models``: an auxiliary PER/LOC/ORG model trained on
legal (LER) and historic newspaper (Europeana) text, whose tags are features of the main model
trained on GermEval-2014 (stacking). Both also see the extra features of
:mod:`lagebild.nlp.ner_extra` (cue words, known names, derived words, names inside compounds).
The main model predicts GermEval's outer labels: PER, LOC, ORG, OTH and their ``deriv``
("russische") and ``part`` ("NATO-Gipfel") variants.

For the pipeline these map to PER/LOC/ORG/MISC: OTH and every ``deriv``/``part`` label become
MISC (as CoNLL does with nationality adjectives), so a PER/LOC/ORG span always covers a name.
Models load once, on first use.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path

import pycrfsuite

from lagebild.model import Sentence
from lagebild.nlp.ner_extra import add_extra_features
from lagebild.nlp.ner_features import MODEL_DIR, add_aux_features, sentence_features

MODEL_PATH = MODEL_DIR / "ner_de.crfsuite"
AUX_MODEL_PATH = MODEL_DIR / "ner_de_aux.crfsuite"
COARSE = {"PER": "PER", "LOC": "LOC", "ORG": "ORG"}  # everything else -> MISC
# whether the aux model was trained with the extra features (ner_extra) too; must match training
AUX_EXTRA = True


def _open(path: Path) -> pycrfsuite.Tagger:
    if not path.exists():
        raise FileNotFoundError(f"NER model missing: {path} (build it with scripts/train_ner.py)")
    tagger = pycrfsuite.Tagger()
    tagger.open(str(path))
    return tagger


@lru_cache(maxsize=1)
def _taggers() -> tuple[pycrfsuite.Tagger, pycrfsuite.Tagger | None]:
    aux = _open(AUX_MODEL_PATH) if AUX_MODEL_PATH.exists() else None
    return _open(MODEL_PATH), aux


def coarse_label(fine: str) -> str:
    """GermEval outer label -> PER/LOC/ORG/MISC."""
    return COARSE.get(fine, "MISC")


def tag_tokens_fine(tokens: Sequence[str]) -> list[str]:
    """IOB2 tags with GermEval's outer labels (LOC, LOCderiv, ORGpart, OTH, ...)."""
    if not tokens:
        return []
    main, aux = _taggers()
    return main.tag(model_features(tokens, aux))


def model_features(
    tokens: Sequence[str], aux: pycrfsuite.Tagger | None, aux_extra: bool | None = None
) -> list[list[str]]:
    """Features of the main model: base + extra features, plus the aux model's tags."""
    aux_extra = AUX_EXTRA if aux_extra is None else aux_extra
    feats = sentence_features(tokens)
    if aux_extra:
        feats = add_extra_features(tokens, feats)
    if aux is not None:
        feats = add_aux_features(feats, aux.tag(feats))
    return feats if aux_extra else add_extra_features(tokens, feats)


def tag_tokens(tokens: Sequence[str]) -> list[str]:
    """IOB2 tags with types PER/LOC/ORG/MISC, one per token."""
    out: list[str] = []
    for tag in tag_tokens_fine(tokens):
        out.append(tag if tag == "O" else f"{tag[:2]}{coarse_label(tag[2:])}")
    return out


def token_spans(tags: Sequence[str]) -> list[tuple[int, int, str]]:
    """(first token, end token exclusive, label) of each span; a stray I- opens a new span."""
    spans: list[tuple[int, int, str]] = []
    start, label = -1, ""
    for i, tag in enumerate([*tags, "O"]):
        if tag.startswith("I-") and tag[2:] == label:
            continue
        if label:
            spans.append((start, i, label))
        start, label = (i, tag[2:]) if tag[:2] in ("B-", "I-") else (-1, "")
    return spans


def tag_sentence(sentence: Sentence) -> list[tuple[int, int, str]]:
    """Entity spans of a sentence as document character offsets (start, end, PER/LOC/ORG/MISC)."""
    tokens = sentence.tokens
    if not tokens:
        return []
    tags = tag_tokens([t.text for t in tokens])
    return [(tokens[a].start, tokens[b - 1].end, label) for a, b, label in token_spans(tags)]
