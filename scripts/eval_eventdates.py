"""Check ``date_for_span`` against the gold event dates of events-dev.

    PYTHONPATH=. python scripts/eval_eventdates.py [--show]

For every gold event with a date, the evidence sentence is located in the text and the timex
stage's ``date_for_span`` is asked for its date (publication date from the sidecar). A day is
right within the event's ``tolerance_days``; a month or year gold value must be the prefix of
the answer. Measures the dating API alone (perfect evidence spans), not event extraction.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from datetime import date
from pathlib import Path

from lagebild.model import Document, Published
from lagebild.timex import run
from lagebild.timex.api import date_for_span

SHARED = Path(os.environ.get("LAGEBILD_SHARED", Path(__file__).resolve().parents[2] / "shared"))


def right(answer: str | None, want: str, tolerance: int) -> bool:
    if not answer:
        return False
    if len(want) == 10 and len(answer) == 10:
        return abs((date.fromisoformat(answer) - date.fromisoformat(want)).days) <= tolerance
    return answer.startswith(want)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--show", action="store_true", help="print the wrong ones")
    args = ap.parse_args()
    folder = SHARED / "data" / "events-dev"
    if not folder.exists():
        print(f"not found: {folder}", file=sys.stderr)
        return 2
    n = ok = from_pub = 0
    for gold_path in sorted(folder.glob("*.gold.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        text = gold_path.with_name(gold_path.name.replace(".gold.json", ".txt")).read_text(
            encoding="utf-8")
        doc = run(Document(text=text, language=gold.get("language") or "de",
                           published=Published(value=gold["published"], origin="metadata")))
        for ev in gold["events"]:
            start = text.find(ev["evidence"][:60]) if ev.get("date") else -1
            if start < 0:
                continue
            got = date_for_span(doc, start, start + len(ev["evidence"]))
            n += 1
            good = right(got.value, ev["date"], int(ev.get("tolerance_days") or 0))
            ok += good
            from_pub += got.origin == "publication"
            if args.show and not good:
                print(f"{gold_path.name[:8]} gold={ev['date']} got={got.value} ({got.text!r}) "
                      f"| {ev['evidence'][:80]}")
    print(f"events={n} date_right={ok / n:.3f} from_publication={from_pub / n:.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
