"""Diagnose quote speaker misses on a gold folder (development aid; embeds no data text).

For every matched required quote whose system speaker is wrong it prints the gold speaker
group, the system speaker entity (id, name, forms) and the sentence, so the misses can be
bucketed. The documents after the entities stage are cached (pickle) so that a change in the
quotes stage is measured in seconds:

    PYTHONPATH=. python scripts/diag_quote_speakers.py /tmp/even --cache /tmp/qcache [-q]
"""

from __future__ import annotations

import argparse
import json
import pickle
import sys
from pathlib import Path
from typing import Any

from lagebild.eval.matching import entity_forms, group_matches, text_matches
from lagebild.model import Document
from lagebild.pipeline import Pipeline


def _pre_quotes(txt: Path, cache: Path | None) -> Document | None:
    """The document after the entities stage (cached per file)."""
    from lagebild.ingest.base import IngestError, iter_documents

    cached = cache / (txt.stem + ".pkl") if cache else None
    if cached is not None and cached.exists():
        doc: Document = pickle.loads(cached.read_bytes())
        return doc
    pipe = Pipeline.default(skip=("quotes", "events"))
    for item in iter_documents([str(txt)]):
        if isinstance(item, IngestError):
            return None
        doc = pipe(item)
        if cached is not None:
            cached.write_bytes(pickle.dumps(doc))
        return doc
    return None


def _sentence(doc: Document, pos: int) -> str:
    for s in doc.sentences:
        if s.start <= pos < s.end:
            return doc.text[s.start:s.end].replace("\n", " ")
    return ""


def _diagnose(gold: dict[str, Any], system: dict[str, Any], doc: Document,
              quiet: bool) -> tuple[int, int]:
    forms = {e["id"]: entity_forms(e) for e in system.get("entities", [])}
    by_id = {e["id"]: e for e in system.get("entities", [])}
    sys_quotes = system.get("quotes", [])
    taken: set[int] = set()
    n = ok = 0
    ordered = sorted(gold.get("quotes", []), key=lambda g: not g.get("required", True))
    for g in ordered:
        match = next((i for i, s in enumerate(sys_quotes)
                      if i not in taken and text_matches(g, s.get("text", ""))), None)
        if match is None:
            continue
        taken.add(match)
        group = [*g.get("speaker", []), g.get("speaker_qid")]
        if not g.get("required", True) or not any(group):
            continue
        s = sys_quotes[match]
        n += 1
        if group_matches(group, s.get("speaker"), forms):
            ok += 1
            continue
        if quiet:
            continue
        ent = by_id.get(s.get("speaker") or "", {})
        print(f"--- {gold.get('doc')} gold {g.get('speaker')} | system {s.get('speaker')} "
              f"[{ent.get('type')}] text={s.get('speaker_text')!r} cue={s.get('cue')!r}")
        print(f"    forms: {sorted(forms.get(s.get('speaker') or '', set()))[:12]}")
        print(f"    sent: {_sentence(doc, s['start'])[:300]}")
    return n, ok


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("gold_dir", type=Path)
    ap.add_argument("--cache", type=Path)
    ap.add_argument("-q", "--quiet", action="store_true")
    ap.add_argument("--no-events", action="store_true")
    args = ap.parse_args()
    if args.cache:
        args.cache.mkdir(parents=True, exist_ok=True)
    skip = ("segment", "nlp", "timex", "entities") + (("events",) if args.no_events else ())
    post = Pipeline.default(skip=skip)
    total = right = 0
    for gpath in sorted(args.gold_dir.glob("*.gold.json")):
        gold = json.loads(gpath.read_text("utf-8"))
        gold.setdefault("doc", gpath.name[:-len(".gold.json")])
        txt = gpath.with_name(gold["doc"] + ".txt")
        doc = _pre_quotes(txt, args.cache)
        if doc is None:
            print(f"error: {txt}", file=sys.stderr)
            continue
        doc = post(doc)
        n, ok = _diagnose(gold, doc.to_dict(), doc, args.quiet)
        total += n
        right += ok
    print(f"speaker accuracy {right}/{total} = {right / max(total, 1):.3f}")


if __name__ == "__main__":
    main()
