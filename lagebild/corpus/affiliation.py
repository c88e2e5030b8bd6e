"""Which country an entity belongs to, from the knowledge base (for merging across granularity).

A person belongs to their country; a state, a city (a capital standing for its government:
"Moskau und Kiew verhandeln") or an institution with a country is a *collective* of it.
"""

from __future__ import annotations

from functools import lru_cache


@lru_cache(maxsize=100_000)
def kb_affiliation(entity_id: str) -> tuple[str, str] | None:
    """("person" | "collective", ISO country code) for a KB entity, else None."""
    try:
        from lagebild.kb.api import entity_info

        info = entity_info(entity_id)
    except Exception:  # no knowledge base at hand: merge without it
        return None
    if info is None or not info.country:
        return None
    if info.type == "PER":
        return "person", info.country
    if info.type == "GPE":
        return "collective", info.country
    return None
