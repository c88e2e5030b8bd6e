"""Token features for the CRF named-entity model, shared by training and prediction.

Training (``scripts/train_ner.py``) and tagging (:mod:`lagebild.nlp.ner`) both call
:func:`sentence_features`, so the model always sees features computed the same way.

German capitalises every noun, so capitalisation alone says little; the features therefore lean on
word identity in a window, affixes (``-ung``/``-isch``/``-burg``), word shape, hyphen parts
("NATO-Gipfel") and a place-name gazetteer (GeoNames cities and regions, CLDR country names).
"""

from __future__ import annotations

import gzip
import re
from collections.abc import Iterable, Sequence
from functools import lru_cache
from pathlib import Path

from lagebild.nlp.tagger import hanta

MODEL_DIR = Path(__file__).resolve().parent / "models"
GAZETTEER_PATH = MODEL_DIR / "ner_loc_gazetteer.txt.gz"
NAMES_PATH = MODEL_DIR / "ner_person_names.txt.gz"
MAX_GAZ_TOKENS = 4  # longest multi-word place name matched ("Rio de Janeiro", "Frankfurt am Main")

_SHAPE_MAP = str.maketrans(
    "ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÜabcdefghijklmnopqrstuvwxyzäöüß0123456789",
    "X" * 29 + "x" * 30 + "d" * 10,
)
_RUN = re.compile(r"(.)\1+")


class Gazetteer:
    """Place names (``name<TAB>kind`` lines, kind = city/region/country) for matching."""

    def __init__(self, entries: dict[str, str]) -> None:
        self.kind = entries
        # 4-letter stems of country and continent names: "russisch" -> "russ" -> Russland
        self.country_stems = frozenset(
            n[:4].lower() for n, k in entries.items() if k == "country" and len(n) >= 4
        )

    def __bool__(self) -> bool:
        return bool(self.kind)

    def __contains__(self, name: str) -> bool:
        return name in self.kind


def load_gazetteer(path: Path = GAZETTEER_PATH) -> Gazetteer:
    """Read the gzip gazetteer; a missing file gives an empty gazetteer."""
    entries: dict[str, str] = {}
    if path.exists():
        with gzip.open(path, "rt", encoding="utf-8") as fh:
            for line in fh:
                name, _, kind = line.rstrip("\n").partition("\t")
                if name:
                    entries[name] = kind or "city"
    return Gazetteer(entries)


@lru_cache(maxsize=1)
def default_gazetteer() -> Gazetteer:
    return load_gazetteer()


@lru_cache(maxsize=1)
def person_names() -> dict[str, str]:
    """Given and family names (Faker's lists, see scripts/build_ner_names.py): name -> kind."""
    if not NAMES_PATH.exists():
        return {}
    with gzip.open(NAMES_PATH, "rt", encoding="utf-8") as fh:
        pairs = (line.rstrip("\n").partition("\t") for line in fh)
        return {name: kind for name, _, kind in pairs if name}


def name_feature(word: str) -> str:
    """'first'/'last' when the word (or its genitive without -s) is a known person name."""
    names = person_names()
    kind = names.get(word)
    if kind is None and word.endswith("s"):
        kind = names.get(word[:-1])
    return kind or ""


# HanTa log-probabilities above this come from its lexicon; far lower ones are guesses for
# unknown forms (about -30), which itself says "rare word, maybe a name".
_KNOWN_LOGP = -20.0


_ADJ_RE = re.compile(r"^([a-zäöü]{3,}?)i?sch(e|en|er|es|em)?$")


def hanta_features(word: str) -> list[str]:
    """Context-free STTS analysis of the word form: best tag, NE possible, known, lemma."""
    if not any(c.isalpha() for c in word):
        return []
    try:
        cands = hanta().tag_word(word)[:3]
        lemma = hanta().analyze(word)[0]
    except Exception:  # HanTa raises on odd forms; no feature is better than a crash
        return ["hp=ERR"]
    if not cands:
        return []
    best, logp = cands[0]
    feats = [f"hp={best.split('(')[0]}", "hk=1" if float(logp) > _KNOWN_LOGP else "hk=0"]
    if best != "NE" and any(tag == "NE" for tag, _ in cands[1:]):
        feats.append("hp2=NE")
    if lemma.lower() != word.lower():
        feats.append(f"lem={lemma.lower()}")
    return feats


def adjective_features(word: str, gaz: Gazetteer) -> list[str]:
    """Place-derived words: "russischen" (stem of a country name), "Berliner" (city + -er)."""
    feats: list[str] = []
    m = _ADJ_RE.match(word)
    if m:
        feats.append("adj=isch")
        if m.group(1)[:4] in gaz.country_stems:
            feats.append("adj=country")
    elif word[:1].isupper():
        for cut in ("er", "ern", "ers", "erin", "erinnen"):
            if word.endswith(cut) and word[: -len(cut)] in gaz:
                feats.append("adj=gazer")
                break
    return feats


@lru_cache(maxsize=200_000)
def word_features(word: str) -> tuple[str, ...]:
    """Features of one word form alone (cached: news text repeats word forms a lot)."""
    low = word.lower()
    shape = word.translate(_SHAPE_MAP)
    short = _RUN.sub(r"\1", shape)
    feats = [f"w={low}", f"sh={short}", f"len={min(len(word), 8)}", *hanta_features(word)]
    pname = name_feature(word) if word[:1].isupper() else ""
    if pname:
        feats.append(f"pn={pname}")
    if len(shape) <= 6:
        feats.append(f"shl={shape}")
    for k in range(1, 5):
        if len(low) > k:
            feats.append(f"p{k}={low[:k]}")
            feats.append(f"s{k}={low[-k:]}")
    if word[:1].isupper():
        feats.append("cap")
    if word.isupper() and len(word) > 1:
        feats.append("allcap")
    if any(c.isdigit() for c in word):
        feats.append("digit")
    if "-" in word.strip("-"):
        parts = [p for p in word.split("-") if p]
        if parts:
            feats.append(f"hy0={parts[0].lower()}")
            feats.append(f"hyN={parts[-1].lower()}")
            feats.append("hy0sh=" + _RUN.sub(r"\1", parts[0].translate(_SHAPE_MAP)))
    if not any(c.isalnum() for c in word):
        feats.append("punct")
    return tuple(feats)


def gazetteer_tags(tokens: Sequence[str], gaz: Gazetteer) -> list[str]:
    """Longest-match place names over the token sequence: 'B'/'I' per token, '' elsewhere.

    A trailing genitive -s ("Berlins", "Kiews") also counts, since German inflects names.
    """
    tags = [""] * len(tokens)
    if not gaz:
        return tags
    i = 0
    while i < len(tokens):
        found = 0
        if tokens[i][:1].isupper():
            for n in range(min(MAX_GAZ_TOKENS, len(tokens) - i), 0, -1):
                name = " ".join(tokens[i : i + n])
                if name in gaz or (name.endswith("s") and name[:-1] in gaz):
                    found = n
                    break
        if found:
            name = " ".join(tokens[i : i + found])
            kind = gaz.kind.get(name) or gaz.kind.get(name[:-1], "")
            tags[i] = "B" if kind != "country" else "Bc"
            for j in range(i + 1, i + found):
                tags[j] = "I" if kind != "country" else "Ic"
            i += found
        else:
            i += 1
    return tags


def add_aux_features(feats: list[list[str]], aux_tags: Sequence[str]) -> list[list[str]]:
    """Stacking: the auxiliary model's tags (trained on LER + Europeana) at i-1, i, i+1."""
    n = len(aux_tags)
    for i, row in enumerate(feats):
        row.append(f"ax={aux_tags[i]}")
        row.append(f"-1:ax={aux_tags[i - 1] if i > 0 else '<pad>'}")
        row.append(f"1:ax={aux_tags[i + 1] if i < n - 1 else '<pad>'}")
    return feats


def sentence_features(
    tokens: Sequence[str], gaz: Gazetteer | None = None
) -> list[list[str]]:
    """CRF attribute lists, one per token: the word's own features plus a ±2 window."""
    if gaz is None:
        gaz = default_gazetteer()
    n = len(tokens)
    own = [word_features(t) for t in tokens]
    low = [t.lower() for t in tokens]
    gtag = gazetteer_tags(tokens, gaz)
    out: list[list[str]] = []
    for i in range(n):
        feats = ["bias", *own[i]]
        if i == 0:
            feats.append("BOS")
        if i == n - 1:
            feats.append("EOS")
        if gtag[i]:
            feats.append(f"gaz={gtag[i]}")
        feats.extend(adjective_features(tokens[i], gaz))
        for d in (-2, -1, 1, 2):
            j = i + d
            if 0 <= j < n:
                feats.append(f"{d}:w={low[j]}")
                if abs(d) == 1:
                    feats.append(f"{d}:sh={own[j][1][3:]}")
                    feats.extend(f"{d}:{x}" for x in own[j] if x.startswith(("hp", "pn")))
                    feats.append(f"{d}:s3={low[j][-3:]}")
                    if gtag[j]:
                        feats.append(f"{d}:gaz={gtag[j]}")
                else:
                    feats.extend(f"{d}:{x}" for x in own[j] if x.startswith("hp="))
            elif abs(d) == 1:
                feats.append(f"{d}:w=<pad>")
        if i > 0:
            feats.append(f"-1|0={low[i - 1]}|{low[i]}")
        if i < n - 1:
            feats.append(f"0|1={low[i]}|{low[i + 1]}")
        out.append(feats)
    return out


def iter_sentence_features(
    sentences: Iterable[Sequence[str]], gaz: Gazetteer | None = None
) -> Iterable[list[list[str]]]:
    for tokens in sentences:
        yield sentence_features(tokens, gaz)
