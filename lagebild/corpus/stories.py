"""Stories: merged events grouped by shared actors, topics and time.

A story is a chain of merged events, each within ``GAP_DAYS`` of the story's latest event, that
share at least two of the story's main actors, or one main actor and a topic. "Trump and Putin
talk about a ceasefire" over some weeks becomes one story; a meeting of other leaders the same
day does not join it.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta

from lagebild.corpus.merge import MERGED_FORMAT
from lagebild.store.dates import parse_day

GAP_DAYS = 21
MAIN_ACTORS = 4


@dataclass
class Story:
    events: list[dict] = field(default_factory=list)
    actors: Counter[str] = field(default_factory=Counter)
    topics: Counter[str] = field(default_factory=Counter)
    last: date | None = None

    def main_actors(self) -> set[str]:
        return {a for a, _ in self.actors.most_common(MAIN_ACTORS)}


def _participants(rec: dict) -> set[str]:
    return set(rec["actors"]) | set(rec["recipients"])


def _day(rec: dict) -> date | None:
    d = rec["date"]
    return parse_day(d.get("start") or d.get("value")) or parse_day(rec.get("first_reported"))


def group_stories(merged: list[dict]) -> list[Story]:
    """Group ``lagebild.merged/1`` event records into stories (deterministic)."""
    stories: list[Story] = []
    open_ids: list[int] = []  # stories still within reach of the current day
    for rec in sorted(merged, key=lambda r: (_day(r) or date.max, r["id"])):
        day, mine, topics = _day(rec), _participants(rec), set(rec["topics"])
        best: tuple[int, int] | None = None
        if day is not None:  # events come in date order: a story closed now stays closed
            open_ids = [i for i in open_ids if stories[i].last is None
                        or day - stories[i].last <= timedelta(GAP_DAYS)]
        for i in open_ids:
            st = stories[i]
            shared = len(mine & st.main_actors())
            if shared >= 2 or (shared == 1 and topics & set(st.topics)):
                score = 2 * shared + len(topics & set(st.topics))
                if best is None or score > best[0]:
                    best = (score, i)
        st = stories[best[1]] if best else Story()
        if best is None:
            stories.append(st)
            open_ids.append(len(stories) - 1)
        st.events.append(rec)
        st.actors.update(mine)
        st.topics.update(topics)
        if day is not None and (st.last is None or day > st.last):
            st.last = day
    return stories


def story_record(st: Story, name_of: Callable[[str], str]) -> dict:
    days = sorted(d for d in (_day(r) for r in st.events) if d)
    actors = [a for a, _ in st.actors.most_common()]
    topics = [t for t, _ in st.topics.most_common()]
    doc_ids = sorted({d for r in st.events for d in r["doc_ids"] + r.get("copies", [])})
    title = " – ".join(name_of(a) for a in actors[:2]) or "ohne Akteure"
    if topics:
        title += f": {topics[0]}"
    key = "s:" + hashlib.sha256(st.events[0]["id"].encode()).hexdigest()[:16]
    return {
        "format": MERGED_FORMAT,
        "kind": "story",
        "id": key,
        "title": title,
        "start": days[0].isoformat() if days else None,
        "end": days[-1].isoformat() if days else None,
        "actors": actors,
        "topics": topics,
        "events": [r["id"] for r in st.events],
        "n_events": len(st.events),
        "doc_ids": doc_ids,
    }
