"""The typed document model that flows through every stage.

Public fields serialise to exactly ``lagebild.document/1``. Fields marked ``exclude=True`` are the
working state stages share (sentences, tokens, time expressions); they never reach the output.
"""

from __future__ import annotations

import hashlib
import json
import unicodedata
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from lagebild import FORMAT

Role = Literal["title", "body", "caption", "chrome", "teaser", "comment", "disclaimer"]
NEWS_ROLES: frozenset[str] = frozenset({"title", "body"})
EntityType = Literal["PER", "ORG", "GPE", "LOC", "EVENT", "MISC"]
EventType = Literal[
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
]
EVENT_TYPES: tuple[str, ...] = EventType.__args__  # type: ignore[attr-defined]
Status = Literal["occurred", "planned", "proposed", "negated", "hypothetical"]
Precision = Literal["day", "week", "month", "year"]
TOPICS: tuple[str, ...] = (
    "ceasefire", "peace_talks", "security_guarantees", "air_defense", "weapons_supply",
    "arms_production", "sanctions", "nato_membership", "eu_membership", "territory",
    "troop_deployment", "prisoners", "energy", "drones", "cyber", "economy_trade",
    "humanitarian", "nuclear", "elections", "war_crimes",
)


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", validate_assignment=False)


class Span(_Model):
    start: int
    end: int
    text: str


class Segment(Span):
    role: Role


class Source(_Model):
    path: str | None = None
    url: str | None = None
    outlet: str | None = None


class Published(_Model):
    value: str | None = None
    origin: Literal["metadata", "inferred", "unknown"] = "unknown"
    window: list[str] | None = None


class Entity(_Model):
    id: str
    name: str
    type: EntityType
    kb: str | None = None
    roles: list[str] = Field(default_factory=list)
    mentions: list[Span] = Field(default_factory=list)
    # working state for later stages (pronoun resolution needs gender); never serialised
    gender: str | None = Field(default=None, exclude=True)


class Quote(Span):
    kind: Literal["direct", "indirect"]
    speaker: str | None = None
    speaker_text: str | None = None
    cue: str | None = None
    channel: str | None = None


class EventDate(_Model):
    value: str | None = None
    precision: Precision | None = None
    text: str | None = None
    origin: Literal["text", "publication", "unknown"] = "unknown"


class Event(_Model):
    type: EventType
    mode: str | None = None
    actors: list[str] = Field(default_factory=list)
    recipients: list[str] = Field(default_factory=list)
    date: EventDate = Field(default_factory=EventDate)
    location: str | None = None
    status: Status = "occurred"
    topics: list[str] = Field(default_factory=list)
    evidence: Span
    confidence: float = 0.5


# --- working state shared between stages (never serialised) -------------------------------


class Token(_Model):
    start: int
    end: int
    text: str
    lemma: str = ""
    pos: str = ""


class Sentence(_Model):
    start: int
    end: int
    text: str
    role: Role = "body"
    tokens: list[Token] = Field(default_factory=list)


class Timex(_Model):
    """A temporal expression found by the timex stage."""

    start: int
    end: int
    text: str
    type: Literal["date", "duration", "set", "time"] = "date"
    value: str | None = None
    precision: str | None = None
    direction: Literal["past", "future", "present", "unknown"] = "unknown"


class Document(_Model):
    format: Literal["lagebild.document/1"] = FORMAT
    doc_id: str = ""
    source: Source = Field(default_factory=Source)
    language: str | None = None
    published: Published = Field(default_factory=Published)
    title: str | None = None
    text: str = ""
    flags: list[str] = Field(default_factory=list)
    segments: list[Segment] = Field(default_factory=list)
    entities: list[Entity] = Field(default_factory=list)
    quotes: list[Quote] = Field(default_factory=list)
    events: list[Event] = Field(default_factory=list)

    # working state, excluded from output
    sentences: list[Sentence] = Field(default_factory=list, exclude=True)
    timexes: list[Timex] = Field(default_factory=list, exclude=True)
    html: str | None = Field(default=None, exclude=True)
    comment_spans: list[tuple[int, int]] = Field(default_factory=list, exclude=True)
    meta: dict[str, Any] = Field(default_factory=dict, exclude=True)

    def add_flag(self, flag: str) -> None:
        if flag not in self.flags:
            self.flags.append(flag)

    def news_segments(self) -> list[Segment]:
        return [s for s in self.segments if s.role in NEWS_ROLES]

    def news_sentences(self) -> list[Sentence]:
        return [s for s in self.sentences if s.role in NEWS_ROLES]

    def entity(self, entity_id: str) -> Entity | None:
        for ent in self.entities:
            if ent.id == entity_id:
                return ent
        return None

    def entity_at(self, start: int, end: int) -> Entity | None:
        """The entity with a mention overlapping [start, end), preferring the longest mention."""
        best: tuple[int, Entity] | None = None
        for ent in self.entities:
            for m in ent.mentions:
                if m.start < end and start < m.end:
                    length = m.end - m.start
                    if best is None or length > best[0]:
                        best = (length, ent)
        return best[1] if best else None

    def span(self, start: int, end: int) -> Span:
        return Span(start=start, end=end, text=self.text[start:end])

    def to_dict(self) -> dict[str, Any]:
        return self.model_dump(mode="json", exclude_none=False)

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False)


def normalise_for_id(text: str) -> str:
    """The normalised text a document id is hashed from: NFC, whitespace runs folded."""
    return " ".join(unicodedata.normalize("NFC", text).split())


def compute_doc_id(text: str) -> str:
    return hashlib.sha256(normalise_for_id(text).encode("utf-8")).hexdigest()
