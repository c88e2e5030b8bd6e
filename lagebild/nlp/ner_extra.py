"""Extra features of the main (GermEval) NER model: cue words, known names, word clusters.

They are added on top of :func:`lagebild.nlp.ner_features.sentence_features` only for the main
model; the auxiliary model keeps the base features. Three families, each from a data file in
``lagebild/nlp/models`` (a missing file switches its family off):

* cue words (``ner_cues.tsv``, hand-written): heads of organisation names ("-ministerium",
  "-bank", "GmbH"), of works and events (GermEval's OTH: "Film", "Festival", "Cup"), role nouns
  next to persons, place-name heads, English function words (titles of works), and whether a
  token stands inside a short quoted stretch (titles are often quoted);
* known names (``ner_known_names.txt.gz``, built by ``scripts/build_ner_names.py --known`` from
  the project's knowledge base and LER's organisation names): longest match of a multi-word name
  per type (PER/LOC/ORG) and whether the token occurs in any name of a type;
* word clusters (``ner_clusters.txt.gz``, built by ``scripts/build_ner_clusters.py``): the
  distributional class of the word form at two granularities, for it and its neighbours. Tried,
  no gain on the dev folds: not shipped, off unless ``--extra`` names it.
"""

from __future__ import annotations

import gzip
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path

from lagebild.nlp.ner_features import MODEL_DIR, default_gazetteer, person_names

CUES_PATH = MODEL_DIR / "ner_cues.tsv"
KNOWN_PATH = MODEL_DIR / "ner_known_names.txt.gz"
CLUSTERS_PATH = MODEL_DIR / "ner_clusters.txt.gz"
SUFFIX_KINDS = ("orghead", "othhead", "perhead", "lochead")
MAX_NAME_TOKENS = 6
MAX_QUOTED = 10  # a quoted stretch longer than this is a quotation, not a title
QUOTES = {'"', "„", "“", "”", "»", "«", "‚", "‘", "’", "'", "``", "''"}
TYPES = ("PER", "LOC", "ORG")
# families in use; scripts/train_ner.py sets this with --extra. The shipped model uses cues and
# known names; word clusters were tried and did not help (docs/quality.md), so their file is not
# shipped and the family is off.
ENABLED = {"cues", "known"}


class Cues:
    """Cue lexicon: exact tokens and compound-final suffixes per kind."""

    def __init__(self, rows: Sequence[tuple[str, str]]) -> None:
        self.suffixes: dict[str, tuple[str, ...]] = {}
        self.exact: dict[str, str] = {}
        self.rows = list(rows)
        self.english: frozenset[str] = frozenset(w for k, w in rows if k == "en")
        self.loc_adjectives: frozenset[str] = frozenset(w for k, w in rows if k == "locadj")
        for kind in SUFFIX_KINDS:
            self.suffixes[kind] = tuple(sorted({w for k, w in rows if k == kind}, key=len))
        for kind, word in rows:
            if kind == "orgtok":
                self.exact[word] = kind

    def word_cues(self, word: str) -> tuple[str, ...]:
        """Kinds whose head the word is or ends in (a compound); ``en`` for English words."""
        low = word.lower()
        out = [self.exact[word]] if word in self.exact else []
        for kind, sfx in self.suffixes.items():
            if any(low.endswith(s) for s in sfx):
                # "exact" when the word is the head itself, "compound" when it ends in it
                out.append(f"{kind}={'x' if low in sfx else 'c'}")
        if low in self.english:
            out.append("en")
        return tuple(out)


def _read_tsv(path: Path) -> list[tuple[str, str]]:
    if not path.exists():
        return []
    opener = gzip.open if path.suffix == ".gz" else open
    rows = []
    with opener(path, "rt", encoding="utf-8") as fh:
        for line in fh:
            if line.startswith("#") or not line.strip():
                continue
            a, _, b = line.rstrip("\n").partition("\t")
            rows.append((a, b))
    return rows


@lru_cache(maxsize=1)
def cues() -> Cues:
    return Cues(_read_tsv(CUES_PATH))


class KnownNames:
    """Multi-word names per type (``name<TAB>TYPE`` lines) for longest-match tagging."""

    def __init__(self, rows: Sequence[tuple[str, str]]) -> None:
        self.types: dict[tuple[str, ...], str] = {}
        self.token_types: dict[str, set[str]] = {}
        # derived words: adjective stems ("polnisch", also from the cue list) and demonyms
        self.adjectives = {n.lower() for n, t in rows if t == "ADJ"}
        self.demonyms = {n for n, t in rows if t == "DEM"}
        for name, typ in rows:
            toks = tuple(name.split())
            if not toks or typ not in TYPES:
                continue
            self.types.setdefault(toks, typ)
            for t in toks:
                if t[:1].isupper():
                    self.token_types.setdefault(t, set()).add(typ)

    def __bool__(self) -> bool:
        return bool(self.types)

    def derived(self, word: str, more_adjectives: frozenset[str] = frozenset()) -> str:
        """'adj' for an inflected known adjective ("polnischen", "US-amerikanische"), 'dem' for a
        demonym ("Polin", "Amerikanern"), '' otherwise."""
        low = word.lower()
        for end in ("", "e", "en", "er", "es", "em"):
            stem = low[: len(low) - len(end)]
            if low.endswith(end) and (stem in self.adjectives or stem in more_adjectives):
                return "adj"
        for end in ("", "n", "s", "nen"):
            if word.endswith(end) and word[: len(word) - len(end)] in self.demonyms:
                return "dem"
        return ""

    def match(self, tokens: Sequence[str]) -> list[str]:
        """Longest match, left to right: 'B-TYPE'/'I-TYPE' per token, '' elsewhere.

        The last token may carry a genitive -s the list lacks ("Gazproms").
        """
        tags = [""] * len(tokens)
        i = 0
        while i < len(tokens):
            found, typ = 0, ""
            if tokens[i][:1].isupper():
                for n in range(min(MAX_NAME_TOKENS, len(tokens) - i), 0, -1):
                    key = tuple(tokens[i : i + n])
                    typ = self.types.get(key, "")
                    if not typ and key[-1].endswith("s"):
                        typ = self.types.get((*key[:-1], key[-1][:-1]), "")
                    if typ:
                        found = n
                        break
            if found:
                tags[i] = f"B-{typ}"
                for j in range(i + 1, i + found):
                    tags[j] = f"I-{typ}"
                i += found
            else:
                i += 1
        return tags


@lru_cache(maxsize=1)
def known_names() -> KnownNames:
    return KnownNames(_read_tsv(KNOWN_PATH))


@lru_cache(maxsize=1)
def clusters() -> dict[str, str]:
    """Word form -> cluster path (bit string; prefixes are coarser classes)."""
    return dict(_read_tsv(CLUSTERS_PATH))


def quoted(tokens: Sequence[str]) -> list[str]:
    """'q' for tokens inside a short quoted stretch, 'q1' for its first token, '' elsewhere."""
    out = [""] * len(tokens)
    opens = [i for i, t in enumerate(tokens) if t in QUOTES]
    k = 0
    while k + 1 < len(opens):
        a, b = opens[k], opens[k + 1]
        if 1 < b - a <= MAX_QUOTED + 1:
            out[a + 1] = "q1"
            for j in range(a + 2, b):
                out[j] = "q"
            k += 2
        else:
            k += 1
    return out


def _name_type(name: str) -> str:
    """LOC/ORG/PER when a single word is a known place, organisation or person name."""
    if len(name) < 4:
        return ""
    if name in default_gazetteer():
        return "LOC"
    return known_names().types.get((name,)) or ("PER" if name in person_names() else "")


def part_features(word: str) -> list[str]:
    """Names inside compounds (GermEval's ``part`` labels): "NATO-Gipfel" (hyphen part is a
    known name), "Deutschlandreise" (a known name, then a lower-case noun)."""
    out = []
    if "-" in word.strip("-"):
        parts = [p for p in word.split("-") if p]
        for pos, part in (("0", parts[0]), ("N", parts[-1])):
            typ = _name_type(part) if part[:1].isupper() else ""
            if typ:
                out.append(f"hp{pos}={typ}")
    elif word[:1].isupper() and len(word) >= 8:
        for cut in range(len(word) - 3, 3, -1):
            head, rest = word[:cut], word[cut:]
            if rest.islower() and _name_type(head) or (
                head.endswith("s") and rest.islower() and _name_type(head[:-1])
            ):
                out.append(f"cpd={_name_type(head) or _name_type(head[:-1])}")
                break
    return out


@lru_cache(maxsize=200_000)
def _word_extra(word: str) -> tuple[str, ...]:
    feats = list(cues().word_cues(word)) if "cues" in ENABLED else []
    kn = known_names()
    if "known" in ENABLED:
        types = kn.token_types.get(word) or (word.endswith("s") and kn.token_types.get(word[:-1]))
        feats.extend(f"kt={t}" for t in sorted(types or ()))
        derived = kn.derived(word, cues().loc_adjectives)
        if derived:
            feats.append(f"kd={derived}")
    if "known" in ENABLED:
        feats.extend(part_features(word))
    path = (clusters().get(word) or clusters().get(word.lower())) if "clusters" in ENABLED else ""
    if path:
        feats.extend((f"c4={path[:4]}", f"c8={path[:8]}", f"cf={path}"))
    return tuple(feats)


def add_extra_features(tokens: Sequence[str], feats: list[list[str]]) -> list[list[str]]:
    """Append the extra families to the base feature lists (in place; also returned)."""
    n = len(tokens)
    own = [_word_extra(t) for t in tokens]
    kb = known_names().match(tokens) if "known" in ENABLED else [""] * n
    quote = quoted(tokens) if "cues" in ENABLED else [""] * n
    for i, row in enumerate(feats):
        row.extend(own[i])
        if kb[i]:
            row.append(f"kb={kb[i]}")
        if quote[i]:
            row.append(f"qt={quote[i]}")
        for d in (-2, -1, 1, 2):
            j = i + d
            if not 0 <= j < n:
                continue
            # cue kinds and coarse clusters of neighbours; known-name tags only next door
            row.extend(f"{d}:{x}" for x in own[j] if not x.startswith(("cf=", "kt=", "kd=")))
            if abs(d) == 1 and kb[j]:
                row.append(f"{d}:kb={kb[j]}")
    return feats
