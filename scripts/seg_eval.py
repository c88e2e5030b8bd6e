"""Segmentation scores on a gold directory (news precision/recall/F1 per line, noise leak).

Usage: PYTHONPATH=. python scripts/seg_eval.py GOLD_DIR [--verbose]
Runs only the segmentation stage on every NAME.txt with NAME.gold.json (and NAME.meta.json),
scoring by the "Segments" rule of gold-format.md. `lagebild eval` reports the same numbers.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from lagebild.ingest.base import document_from_text
from lagebild.segment import run as segment
from lagebild.segment.score import LineCounts, count_lines, gold_line_roles, system_line_roles


def score(gold_dir: Path, verbose: bool) -> dict[str, float | None]:
    total = LineCounts()
    for txt in sorted(gold_dir.glob("*.txt")):
        gold_path = txt.with_name(txt.stem + ".gold.json")
        if not gold_path.exists():
            continue
        gold = gold_line_roles(json.loads(gold_path.read_text(encoding="utf-8"))["lines"])
        meta_path = txt.with_name(txt.stem + ".meta.json")
        meta = json.loads(meta_path.read_text(encoding="utf-8")) if meta_path.exists() else {}
        text = txt.read_text(encoding="utf-8").replace("\r\n", "\n")
        doc = segment(document_from_text(text, path=str(txt), title=meta.get("title")))
        total.add(count_lines(text, doc.segments, gold))
        if verbose:
            for number, (role, line) in system_line_roles(text, doc.segments).items():
                if role != gold.get(number):
                    print(f"{txt.name}:{number}: gold={gold.get(number)} sys={role}: {line[:80]}")
    return total.scores()


if __name__ == "__main__":
    result = score(Path(sys.argv[1]), "--verbose" in sys.argv)
    print(json.dumps({k: (round(v, 4) if v is not None else None) for k, v in result.items()}))
