"""Pairwise precision/recall of cross-document event merging on the project's own corpus.

    python scripts/eval_merging.py [--corpus tests/fixtures/corpus/corpus.yaml] [--pipeline]

Prints JSON: merging of the gold events (extraction taken as perfect), near-duplicate detection,
and with ``--pipeline`` extraction plus merging scored over document pairs.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from lagebild.corpus.evaluate import (
    evaluate_duplicates,
    evaluate_gold,
    evaluate_pipeline,
    load_corpus,
)

DEFAULT = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "corpus" / "corpus.yaml"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=DEFAULT)
    ap.add_argument("--pipeline", action="store_true", help="also run the extraction pipeline")
    args = ap.parse_args()
    corpus = load_corpus(args.corpus)
    out = {"gold_events": evaluate_gold(corpus, affiliations=False),
           "gold_events_with_countries": evaluate_gold(corpus),
           "duplicates": evaluate_duplicates(corpus)}
    if args.pipeline:
        out["pipeline"] = evaluate_pipeline(corpus)
    print(json.dumps(out, ensure_ascii=False, indent=1))


if __name__ == "__main__":
    main()
