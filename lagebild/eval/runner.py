"""Run the pipeline over a gold directory and score it."""

from __future__ import annotations

import json
import multiprocessing
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from lagebild.eval.scorer import Report, score_document


def gold_files(gold_dir: Path, limit: int | None = None) -> list[Path]:
    files = sorted(p for p in gold_dir.glob("*.gold.json"))
    return files[:limit] if limit else files


def system_document(txt: Path, withhold_published: bool = False) -> dict[str, Any] | None:
    """The pipeline's output for one text file, or None when it failed (scores zero)."""
    from lagebild.ingest.base import IngestError, iter_documents
    from lagebild.pipeline import process

    try:  # the reader takes the publication date from the NAME.meta.json sidecar
        for item in iter_documents([str(txt)]):
            if isinstance(item, IngestError):
                print(f"error: {item}", file=sys.stderr)
                return None
            if withhold_published:
                item.published.value, item.published.origin = None, "unknown"
            return process(item).to_dict()
    except Exception as exc:  # one failing document must not stop the evaluation
        print(f"error: {txt}: {type(exc).__name__}: {exc}", file=sys.stderr)
    return None


def _work(args: tuple[str, bool]) -> tuple[str, dict[str, Any] | None]:
    path, withhold = args
    return path, system_document(Path(path), withhold)


def system_documents(txts: list[Path], workers: int = 1,
                     withhold_published: bool = False) -> Iterator[tuple[Path, Any]]:
    jobs = [(str(t), withhold_published) for t in txts]
    if workers <= 1:
        for job in jobs:
            path, doc = _work(job)
            yield Path(path), doc
        return
    with multiprocessing.get_context("fork").Pool(workers) as pool:
        for path, doc in pool.imap(_work, jobs, chunksize=4):
            yield Path(path), doc


def evaluate(gold_dir: Path, *, workers: int = 1, limit: int | None = None,
             withhold_published: bool = False) -> Report:
    report = Report()
    golds = gold_files(gold_dir, limit)
    txts = [g.with_name(g.name[: -len(".gold.json")] + ".txt") for g in golds]
    present = [t for t in txts if t.exists()]
    outputs = dict(system_documents(present, workers, withhold_published))
    for gold_path, txt in zip(golds, txts, strict=True):
        gold = json.loads(gold_path.read_text("utf-8"))
        gold.setdefault("doc", txt.stem)
        score_document(gold, outputs.get(txt), report)
    return report
