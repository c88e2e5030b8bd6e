"""Paragraph views over the news sentences: a flat token list with sentence boundaries.

A quote may span sentences (the sentence splitter cuts inside quotation marks), so the stage
works on paragraphs: consecutive news sentences of one segment with no line break between them.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from lagebild.model import Document, Sentence

QUOTE_CHARS = frozenset("„“”\"»«‚‘’›‹")
PUNCT_POS = frozenset({"$,", "$.", "$("})
FINITE = frozenset({"VVFIN", "VAFIN", "VMFIN"})
# titles and name parts written with a full stop inside a name
NAME_ABBREVIATIONS = frozenset({"Prof", "Dr", "St", "Mr", "Mrs", "Ms", "Jr", "Sr", "Sen", "Gen"})


@dataclass
class Tok:
    start: int
    end: int
    text: str
    lemma: str
    pos: str
    sent: int  # index of the sentence inside the paragraph

    @property
    def low(self) -> str:
        return self.text.lower()

    @property
    def is_word(self) -> bool:
        return self.pos not in PUNCT_POS and self.text not in QUOTE_CHARS

    @property
    def is_finite(self) -> bool:
        return self.pos in FINITE


@dataclass
class Paragraph:
    start: int
    end: int
    toks: list[Tok] = field(default_factory=list)
    # token index ranges [first, last) of each sentence
    sentences: list[tuple[int, int]] = field(default_factory=list)

    def sentence_of(self, i: int) -> tuple[int, int]:
        return self.sentences[self.toks[i].sent]


def _segment_key(doc: Document, sent: Sentence) -> int:
    for idx, seg in enumerate(doc.segments):
        if seg.start <= sent.start < seg.end:
            return idx
    return -1


def _join_domains(text: str, toks: list[Tok]) -> list[Tok]:
    """'tagesschau.de', 'ver.di': the tokenizer cuts a web address or a dotted name into three
    tokens; rejoined, it is one name (tagged NE) that can speak."""
    out: list[Tok] = []
    i = 0
    while i < len(toks):
        t = toks[i]
        if i + 2 < len(toks) and toks[i + 1].text == "." and t.end == toks[i + 1].start \
                and toks[i + 1].end == toks[i + 2].start and t.text[-1:].isalnum() \
                and toks[i + 2].text.isalpha() and toks[i + 2].text.islower() \
                and 2 <= len(toks[i + 2].text) <= 4:
            end = toks[i + 2].end
            out.append(Tok(t.start, end, text[t.start:end], text[t.start:end], "NE", t.sent))
            i += 3
            continue
        if t.text.endswith(".") and (t.text[:-1] in NAME_ABBREVIATIONS or len(t.text) == 2) \
                and t.text[0].isupper() and i + 1 < len(toks) and toks[i + 1].text[:1].isupper():
            # "Prof. Dr. Anna Weber", "Matthias W. Beckmann", "St. Andrews": the tokeniser kept
            # the period on the title or initial; tagged as one name word
            out.append(Tok(t.start, t.end, t.text, t.text, "NE", t.sent))
            i += 1
            continue
        out.append(t)
        i += 1
    return out


def paragraphs(doc: Document) -> list[Paragraph]:
    """News sentences grouped into paragraphs (same segment, no line break between)."""
    result: list[Paragraph] = []
    prev: Sentence | None = None
    prev_key = -2
    for sent in doc.news_sentences():
        key = _segment_key(doc, sent) if doc.segments else -1
        gap = doc.text[prev.end:sent.start] if prev is not None else "\n"
        if prev is None or key != prev_key or "\n" in gap:
            result.append(Paragraph(start=sent.start, end=sent.end))
        para = result[-1]
        para.end = sent.end
        first = len(para.toks)
        s_idx = len(para.sentences)
        para.toks.extend(_join_domains(doc.text, [Tok(t.start, t.end, t.text, t.lemma, t.pos, s_idx)
                                                  for t in sent.tokens]))
        para.sentences.append((first, len(para.toks)))
        prev, prev_key = sent, key
    return [p for p in result if p.toks]
