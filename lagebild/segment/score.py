"""Line-level segmentation scores (the "Segments" rule of gold-format.md).

Each non-blank line takes the role of the segment covering most of its characters (the line
without surrounding whitespace). News = title or body. Used by tests and scripts/seg_eval.py.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from lagebild.model import NEWS_ROLES, Segment

NOISE_ROLES = frozenset({"comment", "teaser", "chrome"})


@dataclass
class LineCounts:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    leak_chars: int = 0
    noise_chars: int = 0

    def add(self, other: LineCounts) -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn
        self.leak_chars += other.leak_chars
        self.noise_chars += other.noise_chars

    def scores(self) -> dict[str, float | None]:
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else None
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else None
        f1 = 2 * p * r / (p + r) if p and r else 0.0
        leak = self.leak_chars / self.noise_chars if self.noise_chars else None
        return {"news_P": p, "news_R": r, "news_F1": f1, "noise_leak": leak}


def gold_line_roles(ranges: Iterable[Iterable]) -> dict[int, str]:
    roles: dict[int, str] = {}
    for first, last, role in ranges:
        for number in range(int(first), int(last) + 1):
            roles[number] = str(role)
    return roles


def line_role(segments: list[Segment], start: int, end: int) -> str | None:
    best, best_len = None, 0
    for seg in segments:
        overlap = min(end, seg.end) - max(start, seg.start)
        if overlap > best_len:
            best, best_len = seg.role, overlap
    return best


def system_line_roles(text: str, segments: list[Segment]) -> dict[int, tuple[str | None, str]]:
    """Line number (1-based) -> (system role, stripped line) for every non-blank line."""
    result: dict[int, tuple[str | None, str]] = {}
    pos = 0
    for number, raw in enumerate(text.split("\n"), start=1):
        stripped = raw.strip()
        if stripped:
            start = pos + len(raw) - len(raw.lstrip())
            result[number] = (line_role(segments, start, start + len(stripped)), stripped)
        pos += len(raw) + 1
    return result


def count_lines(text: str, segments: list[Segment], gold: dict[int, str]) -> LineCounts:
    counts = LineCounts()
    for number, (role, stripped) in system_line_roles(text, segments).items():
        g_news, s_news = gold.get(number) in NEWS_ROLES, role in NEWS_ROLES
        counts.tp += g_news and s_news
        counts.fp += s_news and not g_news
        counts.fn += g_news and not s_news
        if gold.get(number) in NOISE_ROLES:
            counts.noise_chars += len(stripped)
            counts.leak_chars += len(stripped) if s_news else 0
    return counts
