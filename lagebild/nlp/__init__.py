"""Stage ``nlp``: sentences, tokens, lemmas and STTS tags for every segment.

Sentences carry the role of their segment; later stages read ``doc.news_sentences()`` so that
nothing is extracted from comments, teasers, captions or chrome.
"""

from __future__ import annotations

from lagebild.model import Document, Sentence, Token
from lagebild.nlp.tagger import analyze
from lagebild.nlp.tokenize import split_sentences, tokenize

__all__ = ["run", "sentences_for", "tokenize", "split_sentences", "analyze"]


def _regions(doc: Document) -> list[tuple[int, int, str]]:
    """Regions to split: each segment, or the whole text when segmentation did not run."""
    if doc.segments:
        return [(s.start, s.end, s.role) for s in doc.segments]
    return [(0, len(doc.text), "body")]


def _token(start: int, end: int, text: str) -> Token:
    lemma, pos_tag = analyze(text)
    return Token(start=start, end=end, text=text, lemma=lemma, pos=pos_tag)


def sentences_for(text: str, start: int, end: int, role: str = "body") -> list[Sentence]:
    sentences: list[Sentence] = []
    pos = start
    for line in text[start:end].split("\n"):
        for s_start, s_end in split_sentences(line, pos):
            tokens = [_token(t_start, t_end, t_text) for t_start, t_end, t_text
                      in tokenize(text[s_start:s_end], s_start)]
            sentences.append(Sentence(start=s_start, end=s_end, text=text[s_start:s_end],
                                      role=role, tokens=tokens))
        pos += len(line) + 1
    return sentences


def run(doc: Document) -> Document:
    doc.sentences = []
    for start, end, role in _regions(doc):
        doc.sentences.extend(sentences_for(doc.text, start, end, role))  # type: ignore[arg-type]
    return doc
