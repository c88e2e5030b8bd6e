"""Document language with lingua, restricted to the languages news pages here come in."""

from __future__ import annotations

from functools import lru_cache

from lingua import IsoCode639_1, Language, LanguageDetector, LanguageDetectorBuilder

# A small set keeps detection fast and avoids exotic guesses on short texts.
SUPPORTED: tuple[str, ...] = ("de", "en", "ru", "uk", "fr", "pl", "it", "es", "nl")
SAMPLE_CHARS = 800  # ~100 words: reliable, and detection time grows with length


@lru_cache(maxsize=1)
def _detector() -> LanguageDetector:
    languages = [Language.from_iso_code_639_1(getattr(IsoCode639_1, c.upper())) for c in SUPPORTED]
    return LanguageDetectorBuilder.from_languages(*languages).build()


def detect_language(text: str) -> str | None:
    """ISO 639-1 code of the text's language, or None when it cannot be told."""
    sample = text[:SAMPLE_CHARS].strip()
    if len(sample) < 3:
        return None
    found = _detector().detect_language_of(sample)
    return found.iso_code_639_1.name.lower() if found else None
