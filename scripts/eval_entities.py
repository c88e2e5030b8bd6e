"""Entity metrics of the entities stage alone: segments are taken from the gold ``lines`` (so
segmentation errors do not count) and only segment → nlp → entities run; later stages, which may
add entities of their own, do not run. Matching and metrics are those of ``lagebild eval``.

Usage: ``python scripts/eval_entities.py GOLD_DIR [GOLD_DIR …] [-v]``
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

from lagebild import kb, nlp
from lagebild.eval import scorer
from lagebild.ingest.base import document_from_text
from lagebild.model import Document, Segment


def gold_segments(doc: Document, gold: dict) -> list[Segment]:
    roles = {i: r for a, b, r in gold.get("lines", []) for i in range(a, b + 1)}
    segments, pos = [], 0
    for number, line in enumerate(doc.text.split("\n"), 1):
        if line.strip():
            segments.append(Segment(start=pos, end=pos + len(line), text=line,
                                    role=roles.get(number, "chrome")))
        pos += len(line) + 1
    return segments


def main(argv: list[str]) -> None:
    verbose = "-v" in argv
    report, started, count = scorer.Report(), time.time(), 0
    for folder in (Path(a) for a in argv if a != "-v"):
        for gold_path in sorted(folder.glob("*.gold.json")):
            gold = json.loads(gold_path.read_text("utf-8"))
            stem = gold_path.name[: -len(".gold.json")]
            meta_path = gold_path.with_name(stem + ".meta.json")
            meta = json.loads(meta_path.read_text("utf-8")) if meta_path.exists() else {}
            txt = gold_path.with_name(stem + ".txt")
            doc = document_from_text(txt.read_text("utf-8"), path=str(txt),
                                     published=meta.get("published"))
            doc.segments = gold_segments(doc, gold)
            kb.run(nlp.run(doc))
            system = doc.to_dict()
            scorer._score_entities(gold, system, scorer._forms_by_id(system), report, stem)
            count += 1
    m = scorer.metrics(report)
    print(json.dumps({"docs": count, "seconds": round(time.time() - started, 1),
                      **{k: m[k] for k in ("entity_P", "entity_R", "entity_link_acc")}}))
    if verbose:
        for line in report.misses:
            print("-", line)
        for line in report.spurious:
            print("+", line)


if __name__ == "__main__":
    main(sys.argv[1:])
