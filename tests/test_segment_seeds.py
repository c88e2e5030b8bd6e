"""The segmentation targets on the development data (needs ../shared)."""

from __future__ import annotations

import json

from lagebild.ingest.base import document_from_text
from lagebild.segment import run
from lagebild.segment.score import LineCounts, count_lines, gold_line_roles


def _score(directory) -> dict:
    total = LineCounts()
    for txt in sorted(directory.glob("*.txt")):
        gold = json.loads(txt.with_name(txt.stem + ".gold.json").read_text(encoding="utf-8"))
        meta = json.loads(txt.with_name(txt.stem + ".meta.json").read_text(encoding="utf-8"))
        text = txt.read_text(encoding="utf-8")
        doc = run(document_from_text(text, path=str(txt), title=meta.get("title")))
        total.add(count_lines(doc.text, doc.segments, gold_line_roles(gold["lines"])))
    return total.scores()


def test_seed_pages_reach_the_targets(seeds_dir):
    scores = _score(seeds_dir)
    assert scores["news_F1"] >= 0.97
    assert scores["noise_leak"] <= 0.02


def test_events_dev_articles_stay_clean(events_dev_dir):
    scores = _score(events_dev_dir)
    assert scores["news_F1"] >= 0.97
