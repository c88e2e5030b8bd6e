"""Evaluate publication-date inference with the sidecar dates withheld.

    PYTHONPATH=. python scripts/eval_pubdate.py [--corpus spkatt2023-train|seeds] [--show N]

For every ``*.txt`` with a ``*.meta.json`` in ``../shared/data/<corpus>``, the text alone is given
to :func:`lagebild.timex.pubdate.infer` (the knowledge base is asked for dated roles as in the
pipeline); the result is compared with the sidecar's ``published``.

Scoring: every dated document counts in the denominator. ``inferred`` is the share given a
value (origin ``inferred``); ``within_31_days`` the share whose value is at most 31 days from the
true date (a document without a value is a miss); ``window_contains`` the share whose window
contains the true date — documents left without a value (origin ``unknown``) still count here
when the evidence gave them a window; ``with_window`` is the share with any window and
``median_window_days`` its median width, so that wide windows are seen for what they are;
``year_window_contains`` counts only windows at most 366 days wide.
Results are printed for the even- and odd-numbered files (by the digits in the file name) and
for all.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import statistics
import sys
import time
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from lagebild.timex.pubdate import infer

SHARED = Path(os.environ.get("LAGEBILD_SHARED", Path(__file__).resolve().parents[2] / "shared"))


@dataclass
class Tally:
    n: int = 0
    got: int = 0
    near: int = 0
    inside: int = 0
    windows: int = 0
    narrow: int = 0
    errors: list[int] = field(default_factory=list)
    widths: list[int] = field(default_factory=list)

    def line(self, name: str) -> str:
        if not self.n:
            return f"{name}: no dated documents"
        med = statistics.median(self.errors) if self.errors else float("nan")
        wid = statistics.median(self.widths) if self.widths else float("nan")
        return (f"{name}: documents={self.n} inferred={self.got / self.n:.3f} "
                f"within_31_days={self.near / self.n:.3f} "
                f"window_contains={self.inside / self.n:.3f} "
                f"year_window_contains={self.narrow / self.n:.3f} "
                f"with_window={self.windows / self.n:.3f} median_window_days={wid:.0f} "
                f"median_abs_error_days={med:.0f}")


def _half(name: str) -> str:
    digits = re.sub(r"\D", "", name)
    return "odd" if digits and int(digits) % 2 else "even"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--corpus", default="spkatt2023-train")
    ap.add_argument("--show", type=int, default=0, help="print N documents with their result")
    args = ap.parse_args()
    folder = SHARED / "data" / args.corpus
    if not folder.exists():
        print(f"not found: {folder}", file=sys.stderr)
        return 2
    tallies = {"even": Tally(), "odd": Tally(), "all": Tally()}
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
        err = None
        if res is not None and res.value:
            err = abs((date.fromisoformat(res.value[:10]) - truth).days)
        inside = None
        if res is not None and res.window:
            lo, hi = (date.fromisoformat(x) for x in res.window)
            inside = (lo <= truth <= hi, (hi - lo).days + 1)
        for key in (_half(txt.name), "all"):
            t = tallies[key]
            t.n += 1
            if err is not None:
                t.got += 1
                t.errors.append(err)
                t.near += err <= 31
            if inside is not None:
                t.windows += 1
                t.inside += inside[0]
                t.narrow += inside[0] and inside[1] <= 366
                t.widths.append(inside[1])
        if args.show and (err is None or err > 31):
            print(f"{txt.name}: truth={truth} value={res and res.value} "
                  f"window={res and res.window} err={err}")
    elapsed = time.perf_counter() - t0
    if not tallies["all"].n:
        print("no dated documents", file=sys.stderr)
        return 2
    print(f"corpus={args.corpus} seconds={elapsed:.1f}")
    for key in ("even", "odd", "all"):
        print(tallies[key].line(key))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
