"""Near-duplicate documents: exact hash of the normalised news text, then MinHash LSH.

The same agency story carried by several outlets (different page chrome, a changed headline, a
sentence cut) is a copy, not another report: it is kept and linked to its original
(``duplicate_of``) so counts of independent reports do not grow with syndication.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field

import numpy as np
from datasketch import MinHash, MinHashLSH

NUM_PERM = 64
SHINGLE = 3  # word 3-grams: robust to small edits, still specific to the article's wording
THRESHOLD = 0.6  # estimated Jaccard at or above which a document is a copy
# A copy carrying extra page text (a comment thread, a breadcrumb, an agency line) has a lower
# Jaccard, but most of the smaller text's shingles are in the larger one: containment. Only
# judged for texts of comparable size, where the MinHash estimate of it is reliable.
CONTAINMENT = 0.7
MIN_SIZE_RATIO = 0.5
RETRIEVE = 0.3  # LSH candidates are retrieved from this Jaccard on, then verified
_WORD = re.compile(r"\w+", re.UNICODE)
_SCHEME = getattr(MinHash(num_perm=2), "scheme", None)


def normalise(text: str) -> list[str]:
    return _WORD.findall(text.casefold())


def exact_hash(text: str) -> str:
    return hashlib.sha256(" ".join(normalise(text)).encode("utf-8")).hexdigest()


def shingles(text: str) -> set[str]:
    words = normalise(text)
    return {" ".join(words[i:i + SHINGLE]) for i in range(max(1, len(words) - SHINGLE + 1))}


def minhash(text: str) -> MinHash:
    grams = shingles(text)
    mh = MinHash(num_perm=NUM_PERM, seed=1)
    mh.update_batch([g.encode("utf-8") for g in grams])
    return mh


def to_hex(mh: MinHash) -> str:
    return mh.hashvalues.astype("<u8").tobytes().hex()


def from_hex(value: str) -> MinHash:
    values = np.frombuffer(bytes.fromhex(value), dtype="<u8").copy()
    try:  # datasketch >= 2 wants the hashing scheme named; 1.x has no such argument
        return MinHash(num_perm=NUM_PERM, seed=1, hashvalues=values, scheme=_SCHEME)
    except TypeError:
        return MinHash(num_perm=NUM_PERM, seed=1, hashvalues=values)


@dataclass
class DuplicateIndex:
    """Originals seen so far; ``find`` names the original a new text copies, if any."""

    threshold: float = THRESHOLD
    _exact: dict[str, str] = field(default_factory=dict)
    _sigs: dict[str, MinHash] = field(default_factory=dict)
    _sizes: dict[str, int] = field(default_factory=dict)
    _lsh: MinHashLSH | None = None

    def __post_init__(self) -> None:
        self._lsh = MinHashLSH(threshold=RETRIEVE, num_perm=NUM_PERM)

    def add(self, doc_id: str, text: str, mh: MinHash | None = None) -> None:
        self._exact.setdefault(exact_hash(text), doc_id)
        if doc_id not in self._sigs:
            sig = mh or minhash(text)
            self._sigs[doc_id] = sig
            self._sizes[doc_id] = len(shingles(text))
            assert self._lsh is not None
            self._lsh.insert(doc_id, sig)

    def find(self, text: str, mh: MinHash | None = None) -> tuple[str, float] | None:
        """(original doc_id, similarity) for a copy; None for a new text."""
        original = self._exact.get(exact_hash(text))
        if original is not None:
            return original, 1.0
        if len(normalise(text)) < 3 * SHINGLE:  # too short to judge by shingles
            return None
        sig = mh or minhash(text)
        size = len(shingles(text))
        assert self._lsh is not None
        best: tuple[str, float] | None = None
        for cand in self._lsh.query(sig):
            sim = self._similarity(sig, size, cand)
            if sim is not None and (best is None or sim > best[1]
                                    or (sim == best[1] and cand < best[0])):
                best = (cand, sim)
        return best

    def _similarity(self, sig: MinHash, size: int, cand: str) -> float | None:
        """Jaccard when it reaches the threshold, else containment when that does."""
        jac = float(sig.jaccard(self._sigs[cand]))
        if jac >= self.threshold:
            return jac
        other = self._sizes[cand]
        small, large = min(size, other), max(size, other)
        if not small or small / large < MIN_SIZE_RATIO:
            return None
        # |A ∩ B| = J (|A| + |B|) / (1 + J); containment of the smaller text in the larger
        contained = jac * (size + other) / ((1 + jac) * small)
        return round(min(contained, 1.0), 4) if contained >= CONTAINMENT else None
