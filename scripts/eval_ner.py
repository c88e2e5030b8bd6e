"""Score the shipped NER model on the GermEval-2014 test split (official outer-span metric).

The GermEval 2014 evaluation's first (official) metric, "outer chunks, strict", counts a
predicted entity as correct only when its token span and its full outer label (e.g. LOCderiv,
ORGpart) equal a gold outer entity. Precision, recall and F1 are micro-averaged over all spans.
Nested (inner) entities are not scored here. Run it once per released model::

    python scripts/eval_ner.py --data ../shared/data
    python scripts/eval_ner.py --data ../shared/data --split dev   # whole dev (trained on it!)
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from ner_corpora import prf, read_germeval, spans  # noqa: E402

from lagebild.nlp import ner  # noqa: E402


def per_label(gold: list[list[str]], pred: list[list[str]]) -> list[str]:
    tp: Counter[str] = Counter()
    n_gold: Counter[str] = Counter()
    n_pred: Counter[str] = Counter()
    for g, p in zip(gold, pred, strict=True):
        gs, ps = spans(g), spans(p)
        n_gold.update(s[2] for s in gs)
        n_pred.update(s[2] for s in ps)
        tp.update(s[2] for s in gs & ps)
    rows = []
    for label in sorted(n_gold, key=lambda lab: -n_gold[lab]):
        p = tp[label] / n_pred[label] if n_pred[label] else 0.0
        r = tp[label] / n_gold[label]
        f = 2 * p * r / (p + r) if p + r else 0.0
        counts = f"| {label} | {n_gold[label]} | {n_pred[label]} "
        rows.append(f"{counts}| {p:.3f} | {r:.3f} | {f:.3f} |")
    return rows


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--data", type=Path, default=Path("../shared/data"))
    ap.add_argument("--split", choices=("test", "dev"), default="test")
    args = ap.parse_args()
    path = args.data / "germeval2014_ner" / f"NER-de-{args.split}.tsv"
    sentences = list(read_germeval(path))
    t0 = time.time()
    pred = [ner.tag_tokens_fine(tokens) for tokens, _ in sentences]
    seconds = time.time() - t0
    gold = [tags for _, tags in sentences]
    p, r, f, tp, n_gold, n_pred = prf(gold, pred)
    n_tokens = sum(len(t) for t, _ in sentences)
    print(f"GermEval-2014 {args.split}: {len(sentences)} sentences, {n_tokens} tokens")
    print(f"outer-span strict: P={p:.4f} R={r:.4f} F1={f:.4f}", end=" ")
    print(f"(tp={tp} gold={n_gold} pred={n_pred})")
    print(f"tagging speed: {n_tokens / seconds:.0f} tokens/s (incl. first-use model loading)")
    print("| label | gold | pred | P | R | F1 |\n|---|---:|---:|---:|---:|---:|")
    print("\n".join(per_label(gold, pred)))


if __name__ == "__main__":
    main()
