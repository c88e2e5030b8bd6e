"""Cross-document event merging: the reports of one real-world event become one merged event.

Two event mentions are the same event when they have the same type, compatible modes, compatible
statuses (a planned meeting later reported as held is one event, upgraded to ``occurred``),
overlapping resolved participants and compatible dates (by precision: "im März" is compatible
with "am 18. März"); an agreeing place prefers a cluster, a different one counts against it.
Mentions are clustered greedily in date order against a cluster's *core* participants (those
most of its mentions name), not the union, so one mistaken participant cannot chain two events.
Given each entity's country, a person on one side and a state (or capital) of the same country on
the other count as shared: "Medinski und Umerow" and "Russland und die Ukraine".
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta

from lagebild.store.dates import day_range

MERGED_FORMAT = "lagebild.merged/1"
# modes that name the same kind of contact (outlets differ on whether a host "receives" a
# visitor or two leaders "meet"; a summit is also a meeting)
_MODE_GROUPS = {"visit": "in_person", "meet": "in_person", "multilateral": "in_person"}
# statuses that may describe the same event; planned -> occurred is the usual upgrade
_STATUS_GROUPS = {"occurred": "real", "planned": "real", "proposed": "proposed",
                  "negated": "negated", "hypothetical": "hypothetical"}
_STATUS_RANK = {"occurred": 5, "planned": 4, "proposed": 3, "hypothetical": 2, "negated": 1}
_PRECISION_RANK = {"day": 4, "week": 3, "month": 2, "year": 1, None: 0}
DAY_TOLERANCE = 1  # a day-precise date may be off by one (late-night events, time zones)
REPORT_LAG = 2  # an event dated only by its report happened on that day or up to 2 days before
PLAN_HORIZON = 60  # an undated planned event is expected within this many days of the report


@dataclass(frozen=True)
class EventMention:
    """One event as one document reported it (the input to merging)."""

    doc_id: str
    idx: int
    type: str
    status: str = "occurred"
    mode: str | None = None
    actors: tuple[str, ...] = ()
    recipients: tuple[str, ...] = ()
    location: str | None = None
    topics: tuple[str, ...] = ()
    date_value: str | None = None
    date_precision: str | None = None
    date_origin: str = "unknown"
    published: str | None = None
    evidence: str = ""
    evidence_start: int = 0
    evidence_end: int = 0
    outlets: tuple[str, ...] = ()
    n_sources: int = 1
    duplicate_of: str | None = None
    confidence: float = 0.5
    row_id: int | None = None  # the store's row, when read from one

    @property
    def key(self) -> tuple[str, int]:
        return self.doc_id, self.idx

    @property
    def participants(self) -> frozenset[str]:
        return frozenset(self.actors) | frozenset(self.recipients)

    def window(self) -> tuple[date, date] | None:
        """The days this event may have happened on."""
        if self.date_origin == "text":
            rng = day_range(self.date_value, self.date_precision)
            if rng is not None:
                lo, hi = rng
                if (self.date_precision or "day") == "day":
                    lo, hi = lo - timedelta(DAY_TOLERANCE), hi + timedelta(DAY_TOLERANCE)
                return lo, hi
        base = day_range(self.published or self.date_value, "day")
        if base is None:
            return None
        day = base[0]
        if self.status in ("planned", "proposed"):
            return day, day + timedelta(PLAN_HORIZON)
        return day - timedelta(REPORT_LAG), day


@dataclass
class Cluster:
    id: int
    type: str
    mentions: list[EventMention] = field(default_factory=list)
    window: tuple[date, date] | None = None
    counts: Counter[str] = field(default_factory=Counter)

    def core(self) -> frozenset[str]:
        """Participants named by more than half of the mentions (all of them for one)."""
        total = len(self.mentions)
        core = frozenset(p for p, n in self.counts.items() if 2 * n > total)
        # reports that name the parties at different granularity (people in one, their states
        # in another) leave no majority: then those named by half of the reports
        return core or frozenset(p for p, n in self.counts.items() if 2 * n >= total)

    def add(self, m: EventMention, window: tuple[date, date] | None) -> None:
        self.mentions.append(m)
        self.counts.update(m.participants)
        if self.window is None:
            self.window = window
        elif window is not None:
            self.window = (max(self.window[0], window[0]), min(self.window[1], window[1]))


# entity id -> ("person" | "collective", ISO country code), or None when unknown
Affiliation = Callable[[str], tuple[str, str] | None]


def _bridged(a: frozenset[str], b: frozenset[str], affiliation: Affiliation | None) -> int:
    """Participants named at different granularity: a person on one side and the state (or its
    capital, or an institution of it) on the other — "Medinski und Umerow" and "Russland und
    die Ukraine". Counts the countries so bridged; two persons of one country never bridge."""
    if affiliation is None or not a or not b:
        return 0

    def kinds(ids: frozenset[str]) -> dict[str, set[str]]:
        out: dict[str, set[str]] = {"person": set(), "collective": set()}
        for x in ids:
            aff = affiliation(x)
            if aff is not None:
                out[aff[0]].add(aff[1])
        return out

    ka, kb = kinds(a), kinds(b)
    return len((ka["person"] & kb["collective"]) | (ka["collective"] & kb["person"]))


def _compatible(c: Cluster, m: EventMention, window: tuple[date, date] | None,
                affiliation: Affiliation | None = None) -> float | None:
    """A score (higher is better) when ``m`` may join ``c``; None when it may not."""
    if window is None or c.window is None:
        return None
    if window[0] > c.window[1] or c.window[0] > window[1]:
        return None
    first = c.mentions[0]
    if _STATUS_GROUPS.get(first.status) != _STATUS_GROUPS.get(m.status):
        return None
    modes = {x.mode for x in c.mentions if x.mode}
    if m.mode and modes and not any(_same_mode(m.mode, x) for x in modes):
        return None
    places = {x.location for x in c.mentions if x.location}
    core, mine = c.core(), m.participants
    direct = len(core & mine)
    bridged = _bridged(core - mine, mine - core, affiliation)
    shared = direct + bridged
    if shared < 1 or shared < min(2, len(core), len(mine)):
        return None
    # prefer the cluster that shares most (the same entities over bridged countries), then the
    # one agreeing on mode and place
    score = 2.0 * direct + 1.0 * bridged - 0.5 * len(mine - core)
    score += 0.5 if m.mode and m.mode in modes else 0.0
    # places are a hint, not a veto: outlets name a place at different granularity
    # ("Anchorage", "Alaska", "USA") and no containment data is at hand here
    if m.location and places:
        score += 0.5 if m.location in places else -1.0
    return score


def _same_mode(a: str, b: str) -> bool:
    group = _MODE_GROUPS.get(a)
    return a == b or (group is not None and group == _MODE_GROUPS.get(b))


def cluster_events(mentions: Iterable[EventMention],
                   affiliation: Affiliation | None = None) -> list[Cluster]:
    """Group event mentions into clusters, one per real-world event (deterministic).

    ``affiliation`` (optional) tells which country a person or a state/city/institution belongs
    to, so reports naming people and reports naming their states can still be merged.
    """
    items = [(m, m.window()) for m in mentions]
    far = date.max
    items.sort(key=lambda it: (it[1][0] if it[1] else far, it[0].published or "",
                               it[0].doc_id, it[0].idx))
    clusters: list[Cluster] = []
    index: dict[tuple[str, str], set[int]] = {}
    cluster_keys: dict[int, set[str]] = {}

    def keys(m: EventMention) -> set[str]:
        """Blocking keys: the participants, and the countries they belong to."""
        out = set(m.participants)
        if affiliation is not None:
            out |= {"@" + aff[1] for p in m.participants if (aff := affiliation(p))}
        return out

    for m, window in items:
        mine = keys(m)
        cands = set().union(*(index.get((m.type, k), set()) for k in mine))
        best: tuple[float, int] | None = None
        for cid in sorted(cands):
            cw = clusters[cid].window
            if window is not None and cw is not None and cw[1] < window[0]:
                # items come in order of window start, so this cluster is closed for good
                for k in cluster_keys[cid]:
                    index[(m.type, k)].discard(cid)
                continue
            score = _compatible(clusters[cid], m, window, affiliation)
            if score is not None and (best is None or score > best[0]):
                best = (score, cid)
        if best is None:
            cluster = Cluster(id=len(clusters), type=m.type)
            clusters.append(cluster)
        else:
            cluster = clusters[best[1]]
        cluster.add(m, window)
        cluster_keys.setdefault(cluster.id, set()).update(mine)
        for k in mine:
            index.setdefault((m.type, k), set()).add(cluster.id)
    return clusters


# --- the lagebild.merged/1 record ---------------------------------------------------------


def _merged_date(c: Cluster) -> dict[str, str | None]:
    dated = [m for m in c.mentions if m.date_origin == "text" and m.date_value]
    if dated:
        best_rank = max(_PRECISION_RANK.get(m.date_precision, 0) for m in dated)
        best = [m for m in dated if _PRECISION_RANK.get(m.date_precision, 0) == best_rank]
        # occurred reports date the event better than plans made before it
        best.sort(key=lambda m: (m.status != "occurred",))
        value, _ = Counter(m.date_value for m in best
                           if m.status == best[0].status).most_common(1)[0]
        precision = best[0].date_precision
    elif c.window is not None:
        value, precision = c.window[1].isoformat(), "day"
        if c.window[0] != c.window[1]:
            precision = None
    else:
        value, precision = None, None
    rng = day_range(value, precision) if value else None
    return {"value": value, "precision": precision,
            "start": rng[0].isoformat() if rng else None,
            "end": rng[1].isoformat() if rng else None}


def _ordered(counter: Counter[str], keep: int) -> list[str]:
    return [p for p, n in sorted(counter.items(), key=lambda kv: (-kv[1], kv[0])) if n >= keep]


def merged_record(c: Cluster) -> dict:
    """The ``lagebild.merged/1`` record of one cluster."""
    ms = c.mentions
    originals = sorted({m.doc_id for m in ms if not m.duplicate_of})
    copies = sorted({m.doc_id for m in ms if m.duplicate_of} - set(originals))
    keep = max(1, (len(ms) + 2) // 3)  # a participant named by a third of the reports
    actors = _ordered(Counter(a for m in ms for a in dict.fromkeys(m.actors)), keep)
    recipients = [r for r in _ordered(Counter(r for m in ms for r in dict.fromkeys(m.recipients)),
                                      keep) if r not in actors]
    statuses = sorted({m.status for m in ms}, key=lambda s: -_STATUS_RANK[s])
    history = []
    for status in sorted(statuses, key=lambda s: min((m.published or "9999") for m in ms
                                                     if m.status == s)):
        history.append({"status": status, "first_reported": min(
            (m.published for m in ms if m.status == status and m.published), default=None)})
    modes = Counter(m.mode for m in ms if m.mode)
    places = Counter(m.location for m in ms if m.location)
    topics = Counter(t for m in ms for t in dict.fromkeys(m.topics))
    docs_seen: dict[str, EventMention] = {}
    for m in ms:
        docs_seen.setdefault(m.doc_id, m)
    outlets = sorted({o for m in docs_seen.values() for o in m.outlets})
    reported = [m.published for m in ms if m.published]
    record = {
        "format": MERGED_FORMAT,
        "kind": "event",
        "id": merged_key(c),
        "type": c.type,
        "mode": modes.most_common(1)[0][0] if modes else None,
        "status": statuses[0],
        "status_history": history,
        "date": _merged_date(c),
        "actors": actors,
        "recipients": recipients,
        "location": places.most_common(1)[0][0] if places else None,
        "topics": _ordered(topics, 1),
        "first_reported": min(reported) if reported else None,
        "n_documents": len(originals),
        "n_copies": len(copies),
        "n_sources": sum(m.n_sources for m in docs_seen.values()),
        "n_outlets": len(outlets),
        "outlets": outlets,
        "doc_ids": originals,
        "copies": copies,
        "confidence": round(max(m.confidence for m in ms), 3),
        "evidence": [
            {"doc_id": m.doc_id, "event_index": m.idx, "start": m.evidence_start,
             "end": m.evidence_end, "text": m.evidence, "status": m.status,
             "published": m.published, "outlets": list(m.outlets)}
            for m in sorted(ms, key=lambda m: (m.published or "", m.doc_id, m.idx))
        ],
    }
    return record


def merged_key(c: Cluster) -> str:
    """A stable id: the earliest-reported mention names the cluster."""
    first = min(c.mentions, key=lambda m: (m.published or "", m.doc_id, m.idx))
    raw = json.dumps([c.type, first.doc_id, first.idx])
    return "m:" + hashlib.sha256(raw.encode()).hexdigest()[:16]
