"""The matching rules of ``gold-format.md`` ("Matching"), as small pure functions."""

from __future__ import annotations

import hashlib
import math
import re
import unicodedata
from collections.abc import Iterable, Sequence
from typing import Any

QID_RE = re.compile(r"^Q[0-9]+$")
_SEPARATORS_RE = re.compile(r"[\s\-‐‑‒–—―_]+")
_QUOTE_MARKS = "„“”\"»«‚‘’›‹"
_QUOTE_TABLE = str.maketrans({c: " " for c in _QUOTE_MARKS})
_WORD_STRIP = ".,;:!?()[]…-–—'"


def fold(text: str) -> str:
    """NFKD, combining marks removed, ß→ss, lower case, separator runs → one space."""
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    stripped = stripped.replace("ß", "ss").lower()
    return _SEPARATORS_RE.sub(" ", stripped).strip()


def _last_token(form: str) -> str | None:
    parts = form.split(" ")
    return parts[-1] if len(parts) > 1 else None


def entity_forms(entity: dict[str, Any]) -> set[str]:
    """Folded name and mention texts, plus the last token of each multi-token form."""
    forms = {fold(entity.get("name") or "")}
    forms.update(fold(m.get("text") or "") for m in entity.get("mentions", []))
    forms.update(t for t in (_last_token(f) for f in list(forms)) if t)
    forms.discard("")
    return forms


def group_matches(group: Iterable[str | None], entity_id: str | None,
                  forms_by_id: dict[str, set[str]]) -> bool:
    """Does a gold group (names and/or QIDs) match the system entity id?"""
    if entity_id is None:
        return False
    items = [g for g in group if g]
    if entity_id in items and QID_RE.match(entity_id):
        return True
    forms = forms_by_id.get(entity_id)
    if not forms:
        return False
    for name in items:
        if QID_RE.match(name):
            continue
        folded = fold(name)
        if folded in forms or (_last_token(folded) or folded) in forms:
            return True
    return False


def words(text: str) -> list[str]:
    """Quotation marks → spaces, lower case, split, strip punctuation, drop empties."""
    out = []
    for word in text.translate(_QUOTE_TABLE).lower().split():
        word = word.strip(_WORD_STRIP)
        if word:
            out.append(word)
    return out


def words_sha(ws: Sequence[str]) -> str:
    return hashlib.sha256(" ".join(ws).encode("utf-8")).hexdigest()[:20]


def _contains_run(haystack: Sequence[str], needle: Sequence[str]) -> bool:
    n = len(needle)
    if n == 0:
        return False
    first = needle[0]
    return any(
        haystack[i] == first and list(haystack[i:i + n]) == list(needle)
        for i in range(len(haystack) - n + 1)
    )


def text_matches(gold: dict[str, Any], system_text: str, *, prefix: str = "") -> bool:
    """Word rule: gold words as a contiguous run of the system words, or the system words equal
    the first k gold words with k ≥ 80 % (rounded up). ``prefix`` selects ``evidence_`` fields."""
    sys_words = words(system_text)
    plain = gold.get("text" if not prefix else "evidence")
    if plain:
        gold_words = words(plain)
        if _contains_run(sys_words, gold_words):
            return True
        k = len(sys_words)
        return 0 < k <= len(gold_words) and k >= math.ceil(0.8 * len(gold_words)) \
            and sys_words == gold_words[:k]
    return _hashed_matches(gold, sys_words, prefix)


def _hashed_matches(gold: dict[str, Any], sys_words: list[str], prefix: str) -> bool:
    sha = gold.get(f"{prefix}text_sha" if not prefix else "evidence_sha")
    n = gold.get(f"{prefix}text_words" if not prefix else "evidence_words")
    prefixes = set(gold.get("prefix_shas" if not prefix else "evidence_prefix_shas") or [])
    if not sha or not n:
        return False
    for i in range(len(sys_words) - n + 1):
        if words_sha(sys_words[i:i + n]) == sha:
            return True
    k = len(sys_words)
    if 0 < k < n and k >= math.ceil(0.8 * n):
        return words_sha(sys_words) in prefixes
    return False


def date_right(gold_date: str | None, tolerance_days: int, sys_date: dict[str, Any] | None) -> bool:
    """Precision-aware date comparison of gold-format.md.

    A day in gold needs a written day within the tolerance. document-format.md writes a week as
    its Monday (``YYYY-MM-DD``, precision ``week``), so that value is compared as the day it is:
    the gold annotations give week-dated events a day with a tolerance that reaches the Monday.
    Month and year precision never satisfy a day.
    """
    from datetime import date

    if not gold_date or not sys_date or not sys_date.get("value"):
        return False
    value: str = sys_date["value"]
    if len(gold_date) == 10:
        if len(value) != 10 or sys_date.get("precision") not in (None, "day", "week"):
            return False
        delta = date.fromisoformat(value) - date.fromisoformat(gold_date)
        return abs(delta.days) <= (tolerance_days or 0)
    return value.startswith(gold_date)
