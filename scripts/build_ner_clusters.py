"""Build the word clusters of the NER model (``lagebild/nlp/models/ner_clusters.txt.gz``).

Distributional word classes from unlabelled German text, used as features by
``lagebild/nlp/ner_extra.py``: each word form gets a bit-string path in a binary tree, and
prefixes of the path are coarser classes (as with Brown clusters). How:

1. text: every token of LER (derived train, dev and test; German court decisions, CC BY 4.0) and
   Europeana Newspapers (historic OCR newspaper text, CC0). GermEval is left out on purpose, so
   that its dev holdout is scored with clusters that never saw it, as the test split is.
2. each word form seen at least ``--min-count`` times is described by its left and right
   neighbours among the ``--contexts`` most frequent forms (positive PMI, context counts
   smoothed with exponent 0.75), reduced to ``--dims`` dimensions by a truncated SVD;
3. the tree: principal-direction divisive partitioning (split each node by the sign of the
   projection on its first principal direction), ``--depth`` levels, nodes under
   ``--min-leaf`` words are not split. No random start anywhere, so the file is deterministic
   for the same data and settings::

    python scripts/build_ner_clusters.py --data ../shared/data
"""

from __future__ import annotations

import argparse
import gzip
import sys
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import numpy as np
from scipy import sparse
from scipy.sparse.linalg import svds

sys.path.insert(0, str(Path(__file__).resolve().parent))

from ner_corpora import EUROPEANA_FILES, read_europeana, read_ler  # noqa: E402

OUT = Path(__file__).resolve().parent.parent / "lagebild/nlp/models/ner_clusters.txt.gz"
BOUNDARY = "<s>"


def corpus(data: Path) -> Iterator[list[str]]:
    """Token lists of the unlabelled text (labels are ignored)."""
    ler = data / "german_ler"
    for name in ("ler_train_derived.conll.gz", "ler_dev.conll", "ler_test.conll"):
        for tokens, _ in read_ler(ler / name):
            yield tokens
    for name in EUROPEANA_FILES:
        for tokens, _ in read_europeana(data / "europeana_newspapers_ner_de" / name):
            yield tokens


def embed(sentences: list[list[str]], min_count: int, n_ctx: int, dims: int):
    counts = Counter(t for s in sentences for t in s)
    vocab = sorted((w for w, c in counts.items() if c >= min_count), key=lambda w: (-counts[w], w))
    index = {w: i for i, w in enumerate(vocab)}
    ctx_words = [BOUNDARY, *vocab[:n_ctx]]
    ctx = {w: i for i, w in enumerate(ctx_words)}
    rows: list[int] = []
    cols: list[int] = []
    n = len(ctx_words)
    for s in sentences:
        padded = [BOUNDARY, *s, BOUNDARY]
        for k in range(1, len(padded) - 1):
            i = index.get(padded[k])
            if i is None:
                continue
            left, right = ctx.get(padded[k - 1]), ctx.get(padded[k + 1])
            if left is not None:
                rows.append(i)
                cols.append(left)
            if right is not None:
                rows.append(i)
                cols.append(n + right)
    m = sparse.coo_matrix(
        (np.ones(len(rows)), (rows, cols)), shape=(len(vocab), 2 * n)
    ).tocsr()
    m.sum_duplicates()
    total = m.sum()
    row_p = np.asarray(m.sum(axis=1)).ravel() / total
    col_c = np.asarray(m.sum(axis=0)).ravel() ** 0.75
    col_p = col_c / col_c.sum()
    coo = m.tocoo()
    pmi = np.log(coo.data / total / (row_p[coo.row] * col_p[coo.col]))
    keep = pmi > 0
    ppmi = sparse.csr_matrix((pmi[keep], (coo.row[keep], coo.col[keep])), shape=m.shape)
    v0 = np.ones(min(ppmi.shape)) / np.sqrt(min(ppmi.shape))
    u, s, _ = svds(ppmi, k=dims, v0=v0, solver="arpack")
    vecs = u * np.sqrt(s)
    vecs /= np.linalg.norm(vecs, axis=1, keepdims=True) + 1e-12
    return vocab, vecs


def bisect(vecs: np.ndarray, depth: int, min_leaf: int) -> list[str]:
    """Bit-string path per row: divisive partitioning by the first principal direction."""
    paths = [""] * len(vecs)
    todo = [(np.arange(len(vecs)), "")]
    while todo:
        idx, prefix = todo.pop()
        if len(prefix) >= depth or len(idx) < min_leaf:
            for i in idx:
                paths[i] = prefix or "0"
            continue
        sub = vecs[idx] - vecs[idx].mean(axis=0)
        _, _, vt = np.linalg.svd(sub, full_matrices=False)
        direction = vt[0] * np.sign(vt[0][np.argmax(np.abs(vt[0]))])  # fixed sign
        side = sub @ direction > 0
        todo.append((idx[~side], prefix + "0"))
        todo.append((idx[side], prefix + "1"))
    return paths


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--data", type=Path, default=Path("../shared/data"))
    ap.add_argument("--out", type=Path, default=OUT)
    ap.add_argument("--min-count", type=int, default=5)
    ap.add_argument("--contexts", type=int, default=2000)
    ap.add_argument("--dims", type=int, default=100)
    ap.add_argument("--depth", type=int, default=12)
    ap.add_argument("--min-leaf", type=int, default=8)
    args = ap.parse_args()
    sentences = list(corpus(args.data))
    print(f"{len(sentences)} sentences, {sum(len(s) for s in sentences)} tokens")
    vocab, vecs = embed(sentences, args.min_count, args.contexts, args.dims)
    paths = bisect(vecs, args.depth, args.min_leaf)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    lines = "".join(f"{w}\t{p}\n" for w, p in sorted(zip(vocab, paths, strict=True)))
    with gzip.GzipFile(args.out, "wb", mtime=0) as raw:
        raw.write(lines.encode("utf-8"))
    print(f"{len(vocab)} word forms, {len(set(paths))} leaves -> {args.out}")


if __name__ == "__main__":
    main()
