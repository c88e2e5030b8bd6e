"""Evaluate the timex stage on WikiWarsDE (TIMEX2, 22 German Wikipedia war articles).

    PYTHONPATH=. python scripts/eval_wikiwarsde.py [--split dev|test|all] [--errors N]

dev = the first 11 documents by file name (used for development), test = the last 11 (report).
Extraction is scored leniently (a system expression and a gold one match when they overlap);
value accuracy is the share of matched gold expressions whose value equals the system's.

Mapping from TIMEX2 gold values to lagebild values (a gold value lagebild cannot express
counts as wrong):
- dates, months, years, seasons (``1940-SU``), decades (``193``), centuries (``19``), BC years
  (``BC0490``) and durations (``P3D``, ``PXY``) are the same in both;
- part-of-day suffixes are dropped: ``1941-06-22TMO`` -> ``1941-06-22`` (lagebild gives the
  day, not the part of it);
- clock times keep hour and minute: ``1945-05-08T23:01+01`` -> ``1945-05-08T23:01``;
- ``PRESENT_REF`` anchored at the document creation time ("heute") -> that day;
- other ``PAST_REF`` / ``PRESENT_REF`` / ``FUTURE_REF`` ("später", "damals", "nun") -> not
  expressible (lagebild gives no value for vague references), counted wrong when matched.
The anchor is the document creation time; relative expressions use reference-time tracking
(``history=True``).
"""

from __future__ import annotations

import argparse
import html
import os
import re
import sys
import time
from datetime import date
from pathlib import Path

from lagebild.timex import extract

SHARED = Path(os.environ.get("LAGEBILD_SHARED", Path(__file__).resolve().parents[2] / "shared"))
CORPUS = SHARED / "data" / "wikiwarsde_temporal" / "WikiWarsDE_20110412" / "keyinline"
_TAG = re.compile(r"<TIMEX2([^>]*)>|</TIMEX2>")
_ATTR = re.compile(r'(\w+)="([^"]*)"')


def load(path: Path) -> tuple[str, date, list[dict[str, object]]]:
    """Plain text of the TEXT element, the creation date, and gold expressions with offsets."""
    raw = path.read_text(encoding="utf-8")
    dct = date.fromisoformat(re.search(r'<DATETIME>\s*<TIMEX2 val="([\d-]+)', raw)[1][:10])
    body = raw[raw.index("<TEXT>") + len("<TEXT>"):raw.index("</TEXT>")]
    text_parts: list[str] = []
    gold: list[dict[str, object]] = []
    stack: list[tuple[int, dict[str, str]]] = []
    pos = 0
    length = 0
    for m in _TAG.finditer(body):
        chunk = html.unescape(body[pos:m.start()])
        text_parts.append(chunk)
        length += len(chunk)
        pos = m.end()
        if m.group(0).startswith("</"):
            start, attrs = stack.pop()
            if not stack:  # nested TIMEX2: score the outer one
                gold.append({"start": start, "end": length, "attrs": attrs})
        else:
            stack.append((length, dict(_ATTR.findall(m.group(1)))))
    text_parts.append(html.unescape(body[pos:]))
    text = "".join(text_parts)
    for g in gold:
        g["text"] = text[g["start"]:g["end"]]  # type: ignore[index]
    return text, dct, gold


def map_gold(attrs: dict[str, str], dct: date) -> str | None:
    """The lagebild value a TIMEX2 value corresponds to (None: not expressible)."""
    val = attrs.get("val", "")
    if val.endswith("_REF"):
        if val == "PRESENT_REF" and attrs.get("anchor_val", "")[:10] == dct.isoformat():
            return dct.isoformat()
        return None
    m = re.fullmatch(r"(\d{4}-\d{2}-\d{2})T(MO|AF|EV|NI|DT|MI)", val)
    if m:
        return m[1]
    m = re.fullmatch(r"(\d{4}-\d{2}-\d{2}T\d{2}:\d{2})(:\d{2})?([+-]\d+)?", val)
    if m:
        return m[1]
    return val or None


def evaluate(files: list[Path], show_errors: int = 0) -> dict[str, float]:
    tp_gold = n_gold = tp_sys = n_sys = correct = 0
    errors: list[str] = []
    t0 = time.perf_counter()
    for path in files:
        text, dct, gold = load(path)
        system = extract(text, anchor=dct, langs=("de",), history=True)
        n_gold += len(gold)
        n_sys += len(system)
        for s in system:
            if any(s.start < g["end"] and g["start"] < s.end for g in gold):  # type: ignore
                tp_sys += 1
            elif len(errors) < show_errors * 3:
                errors.append(f"FP  {path.name[:12]} {s.text!r} -> {s.value}")
        for g in gold:
            over = [s for s in system if s.start < g["end"] and g["start"] < s.end]  # type: ignore
            if not over:
                if len(errors) < show_errors * 3:
                    errors.append(f"FN  {path.name[:12]} {g['text']!r} {g['attrs']}")
                continue
            tp_gold += 1
            best = max(over, key=lambda s: min(s.end, g["end"]) - max(s.start, g["start"]))
            want = map_gold(g["attrs"], dct)  # type: ignore[arg-type]
            if want is not None and best.value == want:
                correct += 1
            elif len(errors) < show_errors * 3:
                errors.append(f"VAL {path.name[:12]} {g['text']!r} gold={want} "
                              f"sys={best.value} ({best.text!r})")
    elapsed = time.perf_counter() - t0
    p = tp_sys / n_sys if n_sys else 0.0
    r = tp_gold / n_gold if n_gold else 0.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    for line in errors:
        print(line)
    return {"documents": len(files), "gold": n_gold, "system": n_sys, "precision": p,
            "recall": r, "f1": f1, "value_accuracy": correct / tp_gold if tp_gold else 0.0,
            "seconds": elapsed}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--split", choices=("dev", "test", "all"), default="test")
    ap.add_argument("--errors", type=int, default=0, help="print up to 3*N error lines")
    args = ap.parse_args()
    if not CORPUS.exists():
        print(f"corpus not found: {CORPUS}", file=sys.stderr)
        return 2
    files = sorted(CORPUS.glob("*.xml"))
    files = {"dev": files[:11], "test": files[11:], "all": files}[args.split]
    res = evaluate(files, args.errors)
    print(f"split={args.split} " + " ".join(
        f"{k}={v:.3f}" if isinstance(v, float) else f"{k}={v}" for k, v in res.items()))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
