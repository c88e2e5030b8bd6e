"""Classify the missed required gold events of a gold folder: no system event in the evidence
sentence, a system event of another type there, or one of the right type with other parties.

    PYTHONPATH=. python scripts/diag_events.py ../shared/data/events-dev [--half even|odd]

Prints one line per miss (category, document, gold type and parties, the system's parties or
types, the start of the gold evidence) and the counts per category. Reads the gold files at run
time; nothing of them is stored in the repository.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from lagebild.eval.matching import text_matches
from lagebild.eval.runner import system_document
from lagebild.eval.scorer import _event_can_match, _forms_by_id, _participants


def _category(gold_ev: dict[str, Any], events: list[dict[str, Any]],
              names: dict[str, str]) -> tuple[str, str]:
    same_sentence = [s for s in events if text_matches(
        gold_ev, s.get("evidence", {}).get("text", ""), prefix="evidence_")]
    same_type = [s for s in same_sentence if s["type"] == gold_ev["type"]]
    if same_type:
        parties = [names.get(p, p) for p in _participants(same_type[0])]
        return "participants", f" sys={parties}"
    if same_sentence:
        return "wrong_type", f" systypes={[s['type'] for s in same_sentence]}"
    return "no_event_in_sentence", ""


def diagnose(folder: Path, half: str | None) -> dict[str, int]:
    golds = sorted(folder.glob("*.gold.json"))
    if half:
        golds = golds[0::2] if half == "even" else golds[1::2]
    counts: dict[str, int] = {}
    for gold_path in golds:
        gold = json.loads(gold_path.read_text("utf-8"))
        system = system_document(gold_path.with_name(gold_path.name[:-10] + ".txt"))
        system = system or {"entities": [], "events": []}
        forms = _forms_by_id(system)
        names = {e["id"]: e["name"] for e in system["entities"]}
        events = system.get("events", [])
        for gold_ev in gold.get("events", []):
            if not gold_ev.get("required", True) or \
                    any(_event_can_match(gold_ev, s, forms) for s in events):
                continue
            cat, detail = _category(gold_ev, events, names)
            counts[cat] = counts.get(cat, 0) + 1
            groups = [g[0] for g in gold_ev["participants"]]
            print(f"{cat:22} {gold_path.name[:-10]} {gold_ev['type']} {groups}{detail} "
                  f"«{str(gold_ev.get('evidence', ''))[:90]}»")
    return counts


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--half", choices=("even", "odd"), default=None,
                        help="only the files at even/odd index in sorted order")
    args = parser.parse_args()
    print(diagnose(args.folder, args.half))


if __name__ == "__main__":
    main()
