"""Document-level text-quality findings."""

from __future__ import annotations

import re

# "US -Außenminister": a space before the hyphen of a compound, typical of machine translation.
SPACED_HYPHEN = re.compile(r"\w \-(?=[^\W\d_]{2,})")
# A phrase stuttered by a translation engine: two words three times in a row ("in Paris in
# Paris in Paris"), or three or four words twice. ("Punkt um Punkt um" is still German.)
REPEATED_PHRASE = re.compile(
    r"\b(\w{2,}[ \t]+\w{2,})(?:[ \t]+\1\b){2,}|\b(\w{2,}(?:[ \t]+\w{2,}){2,3})[ \t]+\2\b",
    re.IGNORECASE,
)
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
    # Lower-case only, so names like "The Washington Post" do not count.
    hits = foreign.findall(unquoted)
    return len(hits) >= 5 and len(set(hits)) >= 3
