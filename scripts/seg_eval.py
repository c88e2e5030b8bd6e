"""Segmentation scores on a gold directory (news precision/recall/F1 per line, noise leak).

Usage: python scripts/seg_eval.py GOLD_DIR [--verbose]
Implements the "Segments" rule of gold-format.md; only the segmentation stage runs.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from lagebild.ingest.base import document_from_text
from lagebild.segment import run as segment

NEWS = {"title", "body"}
NOISE = {"comment", "teaser", "chrome"}


def line_roles(gold: dict, n_lines: int) -> dict[int, str]:
    roles: dict[int, str] = {}
    for first, last, role in gold["lines"]:
        for i in range(first, last + 1):
            roles[i] = role
    return roles


def system_role(doc, start: int, end: int) -> str | None:
    best, best_len = None, 0
    for seg in doc.segments:
        overlap = min(end, seg.end) - max(start, seg.start)
        if overlap > best_len:
            best, best_len = seg.role, overlap
    return best


def score(gold_dir: Path, verbose: bool) -> dict[str, float | None]:
    tp = fp = fn = leak = noise = 0
    for txt in sorted(gold_dir.glob("*.txt")):
        gold_path = txt.with_name(txt.stem + ".gold.json")
        if not gold_path.exists():
            continue
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        meta_path = txt.with_name(txt.stem + ".meta.json")
        meta = json.loads(meta_path.read_text(encoding="utf-8")) if meta_path.exists() else {}
        text = txt.read_text(encoding="utf-8").replace("\r\n", "\n")
        doc = segment(document_from_text(text, path=str(txt), title=meta.get("title")))
        roles = line_roles(gold, 0)
        pos = 0
        for no, raw in enumerate(text.split("\n"), start=1):
            stripped = raw.strip()
            if stripped:
                start = pos + len(raw) - len(raw.lstrip())
                end = start + len(stripped)
                sys_role = system_role(doc, start, end)
                g = roles.get(no)
                g_news, s_news = g in NEWS, sys_role in NEWS
                tp += g_news and s_news
                fp += s_news and not g_news
                fn += g_news and not s_news
                if g in NOISE:
                    noise += len(stripped)
                    leak += len(stripped) if s_news else 0
                if verbose and (g_news != s_news or (g != sys_role and g in NEWS)):
                    print(f"{txt.name}:{no}: gold={g} sys={sys_role}: {stripped[:90]}")
            pos += len(raw) + 1
    p = tp / (tp + fp) if tp + fp else None
    r = tp / (tp + fn) if tp + fn else None
    f1 = 2 * p * r / (p + r) if p and r else 0.0
    return {"news_P": p, "news_R": r, "news_F1": f1, "noise_leak": leak / noise if noise else None}


if __name__ == "__main__":
    result = score(Path(sys.argv[1]), "--verbose" in sys.argv)
    print(json.dumps({k: (round(v, 4) if v is not None else None) for k, v in result.items()}))
