"""Scoring system documents against ``lagebild.gold/1`` files (gold-format.md, "Matching").

Counts are summed over all documents (micro-averaged); every ratio is computed once at the end.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from lagebild.eval.matching import date_right, entity_forms, group_matches, text_matches

SCORED_ENTITY_TYPES = frozenset({"PER", "ORG", "GPE", "LOC"})
NEWS = frozenset({"title", "body"})
NOISE = frozenset({"comment", "teaser", "chrome"})


@dataclass
class Report:
    counts: Counter[str] = field(default_factory=Counter)
    misses: list[str] = field(default_factory=list)
    spurious: list[str] = field(default_factory=list)
    docs: int = 0
    # (confidence, matched) per system event, for the ranking check of the events issue
    event_confidence: list[tuple[float, bool]] = field(default_factory=list)

    def add(self, **counts: int) -> None:
        self.counts.update(counts)


def _in_scope(gold: dict[str, Any], part: str) -> bool:
    scope = gold.get("scope")
    return scope is None or part in scope


def _forms_by_id(system: dict[str, Any]) -> dict[str, set[str]]:
    return {e["id"]: entity_forms(e) for e in system.get("entities", [])}


def score_document(gold: dict[str, Any], system: dict[str, Any] | None, report: Report) -> None:
    """Add one document's counts to ``report``; a missing system document scores zero."""
    report.docs += 1
    system = system or {"entities": [], "quotes": [], "events": [], "segments": [], "text": ""}
    forms = _forms_by_id(system)
    name = gold.get("doc", "?")
    if _in_scope(gold, "events"):
        _score_events(gold, system, forms, report, name)
    if _in_scope(gold, "quotes"):
        _score_quotes(gold, system, forms, report, name)
    if _in_scope(gold, "entities"):
        _score_entities(gold, system, forms, report, name)
    if _in_scope(gold, "lines") and gold.get("lines"):
        _score_segments(gold, system, report)


def _ordered(items: list[dict[str, Any]]) -> list[tuple[int, dict[str, Any]]]:
    """Gold items in order, required ones first."""
    indexed = list(enumerate(items))
    return [p for p in indexed if p[1].get("required", True)] + \
        [p for p in indexed if not p[1].get("required", True)]


# --- events ----------------------------------------------------------------------------------


def _participants(event: dict[str, Any]) -> list[str]:
    return list(dict.fromkeys([*event.get("actors", []), *event.get("recipients", [])]))


def _event_can_match(gold_ev: dict[str, Any], sys_ev: dict[str, Any],
                     forms: dict[str, set[str]]) -> bool:
    if gold_ev.get("type") != sys_ev.get("type"):
        return False
    groups = gold_ev.get("participants", [])
    parts = _participants(sys_ev)
    matched_groups = sum(1 for g in groups if any(group_matches(g, p, forms) for p in parts))
    if matched_groups < min(2, len(groups)):
        return False
    real = sum(1 for p in parts if any(group_matches(g, p, forms) for g in groups))
    return real * 2 >= len(parts)


def _score_events(gold: dict[str, Any], system: dict[str, Any], forms: dict[str, set[str]],
                  report: Report, name: str) -> None:
    sys_events = system.get("events", [])
    taken: set[int] = set()
    for _, g in _ordered(gold.get("events", [])):
        required = g.get("required", True)
        report.add(event_gold_required=int(required))
        candidates = [i for i, s in enumerate(sys_events)
                      if i not in taken and _event_can_match(g, s, forms)]
        if not candidates:
            if required:
                report.misses.append(f"{name} event {g.get('type')} {g.get('participants')} "
                                     f"«{g.get('evidence', '')[:70]}»")
            continue
        tol = g.get("tolerance_days", 0) or 0

        def rank(i: int, g: dict[str, Any] = g, tol: int = tol) -> tuple[bool, bool, int]:
            s = sys_events[i]
            ev = s.get("evidence", {}).get("text", "")
            return (not date_right(g.get("date"), tol, s.get("date")),
                    not text_matches(g, ev, prefix="evidence_"), i)

        best = min(candidates, key=rank)
        taken.add(best)
        report.add(event_sys_matched=1)
        if required:
            _event_attributes(g, sys_events[best], forms, report)
    report.add(event_sys=len(sys_events))
    report.event_confidence += [(float(s.get("confidence") or 0.0), i in taken)
                                for i, s in enumerate(sys_events)]
    for i, s in enumerate(sys_events):
        if i not in taken:
            report.spurious.append(f"{name} event {s.get('type')} {_participants(s)} "
                                   f"«{s.get('evidence', {}).get('text', '')[:70]}»")


def _event_attributes(g: dict[str, Any], s: dict[str, Any], forms: dict[str, set[str]],
                      report: Report) -> None:
    report.add(event_req_matched=1)
    if g.get("date"):
        report.add(date_n=1, date_ok=int(date_right(g["date"], g.get("tolerance_days", 0) or 0,
                                                     s.get("date"))))
    if g.get("status"):
        ok = s.get("status") == g["status"]
        report.add(status_n=1, status_ok=int(ok))
        if g["status"] in ("planned", "negated"):
            report.add(**{f"{g['status']}_n": 1, f"{g['status']}_ok": int(ok)})
    if g.get("mode"):
        ok = (s.get("mode") or "").lower() == str(g["mode"]).lower()
        report.add(mode_n=1, mode_ok=int(ok))
    if g.get("location"):
        report.add(loc_n=1, loc_ok=int(group_matches(g["location"], s.get("location"), forms)))


# --- quotes ----------------------------------------------------------------------------------


def _score_quotes(gold: dict[str, Any], system: dict[str, Any], forms: dict[str, set[str]],
                  report: Report, name: str) -> None:
    sys_quotes = system.get("quotes", [])
    taken: set[int] = set()
    for _, g in _ordered(gold.get("quotes", [])):
        required = g.get("required", True)
        kind = g.get("kind", "direct")
        report.add(quote_gold_required=int(required),
                   **{f"quote_gold_required_{kind}": int(required)})
        match = next((i for i, s in enumerate(sys_quotes)
                      if i not in taken and text_matches(g, s.get("text", ""))), None)
        if match is None:
            if required:
                report.misses.append(f"{name} quote [{kind}] «{_gold_text(g)[:80]}»")
            continue
        taken.add(match)
        s = sys_quotes[match]
        report.add(quote_sys_matched=1, **{f"quote_sys_matched_{s.get('kind')}": 1})
        if not required:
            continue
        report.add(quote_req_matched=1, **{f"quote_req_matched_{kind}": 1},
                   kind_ok=int(s.get("kind") == kind))
        group = [*g.get("speaker", []), g.get("speaker_qid")]
        if any(group):
            ok = group_matches(group, s.get("speaker"), forms)
            report.add(speaker_n=1, speaker_ok=int(ok))
            if not ok:
                report.misses.append(f"{name} speaker of «{_gold_text(g)[:50]}»: gold "
                                     f"{g.get('speaker')} system {s.get('speaker')}")
    report.add(quote_sys=len(sys_quotes))
    for s in sys_quotes:
        report.add(**{f"quote_sys_{s.get('kind')}": 1})
    for i, s in enumerate(sys_quotes):
        if i not in taken:
            report.spurious.append(f"{name} quote [{s.get('kind')}] «{s.get('text', '')[:80]}»")


def _gold_text(g: dict[str, Any]) -> str:
    return g.get("text") or f"<hashed {g.get('text_words')} words>"


# --- entities --------------------------------------------------------------------------------


def _score_entities(gold: dict[str, Any], system: dict[str, Any], forms: dict[str, set[str]],
                    report: Report, name: str) -> None:
    gold_ents = [g for g in gold.get("entities", []) if g.get("type") in SCORED_ENTITY_TYPES]
    sys_ents = [e for e in system.get("entities", []) if e.get("type") in SCORED_ENTITY_TYPES]
    for g in gold_ents:
        group = [*g.get("names", []), g.get("qid")]
        hits = [e for e in sys_ents if group_matches(group, e["id"], forms)]
        report.add(entity_gold=1)
        if not hits:
            report.misses.append(f"{name} entity {g.get('type')} {g.get('names')}")
            continue
        report.add(entity_found=1)
        if g.get("qid"):
            best = max(hits, key=lambda e: sum(
                group_matches([n], e["id"], forms) for n in g.get("names", [])))
            ok = best["id"] == g["qid"]
            report.add(link_n=1, link_ok=int(ok))
            if not ok:
                report.misses.append(f"{name} link {g.get('names')}: gold {g['qid']} "
                                     f"system {best['id']}")
    for e in sys_ents:
        ok = any(group_matches([*g.get("names", []), g.get("qid")], e["id"], forms)
                 for g in gold_ents)
        report.add(entity_sys=1, entity_sys_ok=int(ok))
        if not ok:
            report.spurious.append(f"{name} entity {e['type']} {e['id']} «{e.get('name')}»")


# --- segments --------------------------------------------------------------------------------


def _gold_line_roles(gold: dict[str, Any]) -> dict[int, str]:
    roles: dict[int, str] = {}
    for first, last, role in gold.get("lines", []):
        for n in range(first, last + 1):
            roles[n] = role
    return roles


def _line_role(start: int, end: int, segments: list[dict[str, Any]]) -> str | None:
    """Role of the system segment covering most characters of [start, end)."""
    best, best_overlap = None, 0
    for seg in segments:
        overlap = min(end, seg["end"]) - max(start, seg["start"])
        if overlap > best_overlap:
            best, best_overlap = seg["role"], overlap
    return best


def _score_segments(gold: dict[str, Any], system: dict[str, Any], report: Report) -> None:
    gold_roles = _gold_line_roles(gold)
    text: str = system.get("text", "")
    segments = system.get("segments", [])
    pos = 0
    for number, line in enumerate(text.split("\n"), start=1):
        line_start, pos = pos, pos + len(line) + 1
        stripped = line.strip()
        if not stripped:
            continue
        start = line_start + (len(line) - len(line.lstrip()))
        sys_role = _line_role(start, start + len(stripped), segments)
        gold_role = gold_roles.get(number)
        sys_news, gold_news = sys_role in NEWS, gold_role in NEWS
        report.add(news_sys=int(sys_news), news_gold=int(gold_news),
                   news_both=int(sys_news and gold_news))
        if gold_role in NOISE:
            report.add(noise_chars=len(stripped), noise_leaked=len(stripped) * int(sys_news))
    if not text:  # no system document: every gold news line is missed
        report.add(news_gold=sum(1 for r in gold_roles.values() if r in NEWS))


# --- metrics ---------------------------------------------------------------------------------


def _ratio(num: int, den: int) -> float | None:
    return round(num / den, 4) if den else None


def _f1(p: float | None, r: float | None) -> float | None:
    if p == 0 or r == 0:
        return 0.0
    if p is None or r is None:
        return None
    return round(2 * p * r / (p + r), 4)


def metrics(report: Report) -> dict[str, Any]:
    c = report.counts
    out: dict[str, Any] = {"docs": report.docs}
    out["event_P"] = _ratio(c["event_sys_matched"], c["event_sys"])
    out["event_R"] = _ratio(c["event_req_matched"], c["event_gold_required"])
    out["event_F1"] = _f1(out["event_P"], out["event_R"])
    out["event_date_acc"] = _ratio(c["date_ok"], c["date_n"])
    out["event_status_acc"] = _ratio(c["status_ok"], c["status_n"])
    out["event_planned_R"] = _ratio(c["planned_ok"], c["planned_n"])
    out["event_negated_R"] = _ratio(c["negated_ok"], c["negated_n"])
    out["event_mode_acc"] = _ratio(c["mode_ok"], c["mode_n"])
    out["event_loc_acc"] = _ratio(c["loc_ok"], c["loc_n"])
    out["quote_P"] = _ratio(c["quote_sys_matched"], c["quote_sys"])
    out["quote_R"] = _ratio(c["quote_req_matched"], c["quote_gold_required"])
    out["quote_F1"] = _f1(out["quote_P"], out["quote_R"])
    out["quote_speaker_acc"] = _ratio(c["speaker_ok"], c["speaker_n"])
    out["quote_kind_acc"] = _ratio(c["kind_ok"], c["quote_req_matched"])
    out["entity_P"] = _ratio(c["entity_sys_ok"], c["entity_sys"])
    out["entity_R"] = _ratio(c["entity_found"], c["entity_gold"])
    out["entity_link_acc"] = _ratio(c["link_ok"], c["link_n"])
    out["news_P"] = _ratio(c["news_both"], c["news_sys"])
    out["news_R"] = _ratio(c["news_both"], c["news_gold"])
    out["news_F1"] = _f1(out["news_P"], out["news_R"])
    out["noise_leak"] = _ratio(c["noise_leaked"], c["noise_chars"])
    return out


def confidence_ranking(report: Report) -> dict[str, float | None]:
    """Precision of the most confident half of all system events against overall precision:
    a confidence that ranks puts the matched events first."""
    ranked = sorted(report.event_confidence, key=lambda cm: -cm[0])
    if not ranked:
        return {"event_P_top_half": None, "event_P_all": None}
    top = ranked[: (len(ranked) + 1) // 2]
    return {"event_P_top_half": sum(m for _, m in top) / len(top),
            "event_P_all": sum(m for _, m in ranked) / len(ranked)}


def quote_kind_metrics(report: Report) -> dict[str, dict[str, float | None]]:
    """Per-kind quote precision/recall/F1 (precision by system kind, recall by gold kind)."""
    c = report.counts
    out = {}
    for kind in ("direct", "indirect"):
        p = _ratio(c[f"quote_sys_matched_{kind}"], c[f"quote_sys_{kind}"])
        r = _ratio(c[f"quote_req_matched_{kind}"], c[f"quote_gold_required_{kind}"])
        out[kind] = {"P": p, "R": r, "F1": _f1(p, r)}
    return out
