"""Pairwise precision and recall of event merging on a corpus with gold clusters.

The corpus is a YAML file (see ``tests/fixtures/corpus/``): articles with text, outlet,
publication date and gold events, each gold event naming the real-world event (``cluster``) it
reports. Two modes:

- ``gold``: the gold events are merged (extraction taken as perfect); measures merging alone.
- ``pipeline``: the articles run through the extraction pipeline, the extracted events are
  merged, and pairs of *documents* are scored (a document pair is positive when the documents
  share a real-world event); measures extraction and merging together.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Hashable, Iterable
from dataclasses import dataclass
from itertools import combinations
from pathlib import Path
from typing import Any

import yaml

from lagebild.corpus.dedup import DuplicateIndex
from lagebild.corpus.merge import EventMention, cluster_events


@dataclass
class PRF:
    tp: int
    fp: int
    fn: int

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self) -> dict[str, float | int]:
        return {"precision": round(self.precision, 4), "recall": round(self.recall, 4),
                "f1": round(self.f1, 4), "tp": self.tp, "fp": self.fp, "fn": self.fn}


def pairwise(gold: dict[Hashable, Hashable], pred: dict[Hashable, Hashable]) -> PRF:
    """Pairwise scores of a predicted clustering against gold (both: item -> cluster id)."""
    items = sorted(gold, key=repr)
    tp = fp = fn = 0
    for a, b in combinations(items, 2):
        same_gold = gold[a] == gold[b]
        same_pred = pred.get(a, ("solo", a)) == pred.get(b, ("solo", b))
        tp += same_gold and same_pred
        fp += same_pred and not same_gold
        fn += same_gold and not same_pred
    return PRF(tp, fp, fn)


def pairwise_sets(gold: dict[Hashable, set], pred: dict[Hashable, set]) -> PRF:
    """Pairwise scores where an item may belong to several clusters (documents and events)."""
    items = sorted(gold, key=repr)
    tp = fp = fn = 0
    for a, b in combinations(items, 2):
        same_gold = bool(gold[a] & gold[b])
        same_pred = bool(pred.get(a, set()) & pred.get(b, set()))
        tp += same_gold and same_pred
        fp += same_pred and not same_gold
        fn += same_gold and not same_pred
    return PRF(tp, fp, fn)


def load_corpus(path: Path) -> dict[str, Any]:
    data = yaml.safe_load(path.read_text("utf-8"))
    ents = {k: (f"lb:{v[0]}:{k}", v[1], v[0]) for k, v in data["entities"].items()}
    data["entity_ids"] = ents
    # optional third field: the entity's country, standing in for the knowledge base
    data["affiliations"] = {
        f"lb:{v[0]}:{k}": ("person" if v[0] == "PER" else "collective", v[2])
        for k, v in data["entities"].items() if len(v) > 2}
    return data


def _mention(art: dict[str, Any], i: int, ev: dict[str, Any], ents: dict) -> EventMention:
    def ids(keys: Iterable[str]) -> tuple[str, ...]:
        return tuple(ents[k][0] for k in keys)

    return EventMention(
        doc_id=art["id"], idx=i, type=ev["type"], status=ev.get("status", "occurred"),
        mode=ev.get("mode"), actors=ids(ev.get("actors", [])),
        recipients=ids(ev.get("recipients", [])),
        location=ents[ev["location"]][0] if ev.get("location") else None,
        topics=tuple(ev.get("topics", [])), date_value=str(ev["date"]) if ev.get("date") else None,
        date_precision=ev.get("precision", "day"), date_origin=ev.get("origin", "text"),
        published=str(art["published"]), outlets=(art["outlet"],),
        duplicate_of=art.get("copy_of"))


def evaluate_gold(corpus: dict[str, Any], affiliations: bool = True) -> dict[str, Any]:
    """Merge the gold events; pairwise scores over event mentions. ``affiliations``: let the
    merger know each entity's country (from the corpus's entity list)."""
    ents = corpus["entity_ids"]
    mentions, gold = [], {}
    for art in corpus["articles"]:
        for i, ev in enumerate(art.get("events", [])):
            m = _mention(art, i, ev, ents)
            mentions.append(m)
            gold[m.key] = ev["cluster"]
    aff = corpus["affiliations"].get if affiliations else None
    clusters = cluster_events(mentions, aff)
    pred = {m.key: c.id for c in clusters for m in c.mentions}
    score = pairwise(gold, pred)
    errors = []
    for c in clusters:
        golds = sorted({gold[m.key] for m in c.mentions})
        if len(golds) > 1:
            errors.append(f"merged different events: {golds}")
    by_gold: dict[str, set[int]] = defaultdict(set)
    for key, g in gold.items():
        by_gold[g].add(pred[key])
    errors += [f"split {g} into {len(cs)} clusters" for g, cs in sorted(by_gold.items())
               if len(cs) > 1]
    mode = "gold" + ("+affiliations" if affiliations else "")
    return {"mode": mode, "articles": len(corpus["articles"]), "mentions": len(mentions),
            "gold_events": len(by_gold), "merged_events": len(clusters),
            **score.as_dict(), "errors": errors}


def evaluate_duplicates(corpus: dict[str, Any]) -> dict[str, Any]:
    """Near-duplicate detection on the article texts (gold: ``copy_of``)."""
    index = DuplicateIndex()
    gold, pred = {}, {}
    for art in corpus["articles"]:
        gold[art["id"]] = art.get("copy_of") or art["id"]
        found = index.find(art["text"])
        if found:
            pred[art["id"]] = found[0]
        else:
            pred[art["id"]] = art["id"]
            index.add(art["id"], art["text"])
    return {"mode": "duplicates", **pairwise(gold, pred).as_dict()}


def evaluate_pipeline(corpus: dict[str, Any]) -> dict[str, Any]:
    """Extract with the pipeline, merge, score document pairs sharing a real-world event."""
    from lagebild.ingest.base import document_from_text
    from lagebild.pipeline import process

    gold: dict[str, set] = {}
    mentions: list[EventMention] = []
    n_events = 0
    for art in corpus["articles"]:
        gold[art["id"]] = {ev["cluster"] for ev in art.get("events", [])}
        doc = document_from_text(art["text"], outlet=art["outlet"],
                                 published=str(art["published"]), title=art.get("title"))
        doc = process(doc)
        n_events += len(doc.events)
        for i, ev in enumerate(doc.events):
            mentions.append(EventMention(
                doc_id=art["id"], idx=i, type=ev.type, status=ev.status, mode=ev.mode,
                actors=tuple(ev.actors), recipients=tuple(ev.recipients), location=ev.location,
                topics=tuple(ev.topics), date_value=ev.date.value,
                date_precision=ev.date.precision, date_origin=ev.date.origin,
                published=str(art["published"]), outlets=(art["outlet"],),
                duplicate_of=art.get("copy_of")))
    from lagebild.corpus.affiliation import kb_affiliation

    out: dict[str, Any] = {"mode": "pipeline", "articles": len(corpus["articles"]),
                           "extracted_events": n_events}
    for name, aff in (("without_countries", None), ("with_kb_countries", kb_affiliation)):
        pred: dict[str, set] = defaultdict(set)
        clusters = cluster_events(mentions, aff)
        for c in clusters:
            for m in c.mentions:
                pred[m.doc_id].add(c.id)
        out[name] = {"merged_events": len(clusters), **pairwise_sets(gold, pred).as_dict()}
    return out
