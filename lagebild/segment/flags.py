"""Document-level text-quality findings."""

from __future__ import annotations

import re

# "US -Außenminister": a space before the hyphen of a compound, typical of machine translation.
SPACED_HYPHEN = re.compile(r"\w \-(?=[^\W\d_]{2,})")
# The same two- or three-word phrase twice in a row ("in Paris in Paris").
REPEATED_PHRASE = re.compile(r"\b(\w{2,}(?:[ \t]+\w{2,}){1,2})[ \t]+\1\b", re.IGNORECASE)
ENGLISH_FUNCTION = re.compile(r"\b(the|and|of|with|for|is|are|was|were|that|this|to)\b")
GERMAN_FUNCTION = re.compile(r"\b(und|der|die|das|nicht|mit|für|ist|sind|wurde|dass)\b")
QUOTED = re.compile(r"[„“\"»«][^„“”\"»«]{0,400}[“”\"«»]")


def machine_translation_suspected(news_text: str, language: str | None) -> bool:
    """Signals of machine translation in the article's own text."""
    if len(SPACED_HYPHEN.findall(news_text)) >= 2:
        return True
    if REPEATED_PHRASE.search(news_text):
        return True
    # Untranslated fragments: function words of the other language outside quotations.
    unquoted = QUOTED.sub(" ", news_text)
    foreign = {"de": ENGLISH_FUNCTION, "en": GERMAN_FUNCTION}.get(language or "")
    if foreign is None:
        return False
    hits = foreign.findall(unquoted)
    return len(hits) >= 4 and len(set(hits)) >= 2
