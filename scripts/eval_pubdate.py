"""Evaluate publication-date inference with the sidecar dates withheld.

    PYTHONPATH=. python scripts/eval_pubdate.py [--corpus spkatt2023-train|seeds] [--show N]

For every ``*.txt`` with a ``*.meta.json`` in ``../shared/data/<corpus>``, the text alone is given
to :func:`lagebild.timex.pubdate.infer` (the knowledge base is asked for dated roles as in the
pipeline); the inferred value and window are compared with the sidecar's ``published``.
Reports: share with an inference, share within 31 days of the true date, share whose window
contains it, median absolute error in days (over documents with an inference).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import time
from datetime import date
from pathlib import Path

from lagebild.timex.pubdate import infer

SHARED = Path(os.environ.get("LAGEBILD_SHARED", Path(__file__).resolve().parents[2] / "shared"))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--corpus", default="spkatt2023-train")
    ap.add_argument("--show", type=int, default=0, help="print N documents with their result")
    args = ap.parse_args()
    folder = SHARED / "data" / args.corpus
    if not folder.exists():
        print(f"not found: {folder}", file=sys.stderr)
        return 2
    n = got = near = inside = 0
    errors: list[int] = []
    t0 = time.perf_counter()
    for txt in sorted(folder.glob("*.txt")):
        meta_path = txt.with_suffix(".meta.json")
        if not meta_path.exists():
            continue
        meta = json.loads(meta_path.read_text(encoding="utf-8"))
        if not meta.get("published"):
            continue
        truth = date.fromisoformat(meta["published"][:10])
        lang = meta.get("language") or "de"
        res = infer(txt.read_text(encoding="utf-8"), (lang,) if lang in ("de", "en") else ("de",))
        n += 1
        if res is None or res.value is None:
            if args.show:
                print(f"{txt.name}: truth={truth} inferred=None")
            continue
        got += 1
        err = abs((date.fromisoformat(res.value) - truth).days)
        errors.append(err)
        near += err <= 31
        lo, hi = (date.fromisoformat(x) for x in res.window or [res.value, res.value])
        inside += lo <= truth <= hi
        if args.show and (n <= args.show or err > 31):
            print(f"{txt.name}: truth={truth} value={res.value} window={res.window} err={err}")
    elapsed = time.perf_counter() - t0
    if not n:
        print("no dated documents", file=sys.stderr)
        return 2
    median = statistics.median(errors) if errors else float("nan")
    print(f"corpus={args.corpus} documents={n} inferred={got / n:.3f} "
          f"within_31_days={near / n:.3f} window_contains={inside / n:.3f} "
          f"median_abs_error_days={median:.0f} "
          f"seconds={elapsed:.1f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
