"""Contract of the ingest stage: readers turn inputs into Documents or IngestErrors.

The store and the API call :func:`iter_documents`, :func:`document_from_text` and
:func:`document_from_html`; keep their signatures.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from lagebild.model import Document, Published, Source, compute_doc_id

DEFAULT_MAX_BYTES = 20_000_000


@dataclass(frozen=True)
class IngestError:
    """One input that could not be read; the batch goes on."""

    path: str
    message: str

    def __str__(self) -> str:
        return f"{self.path}: {self.message}"


def _published(value: str | None) -> Published:
    return Published(value=value, origin="metadata") if value else Published()


def document_from_text(
    text: str,
    *,
    path: str | None = None,
    url: str | None = None,
    outlet: str | None = None,
    published: str | None = None,
    title: str | None = None,
    language: str | None = None,
) -> Document:
    """A Document for plain text (newlines normalised; nothing else changed)."""
    text = text.replace("\r\n", "\n")
    return Document(
        doc_id=compute_doc_id(text),
        source=Source(path=path, url=url, outlet=outlet),
        published=_published(published),
        title=title,
        language=language,
        text=text,
    )


def document_from_html(
    html: str,
    *,
    path: str | None = None,
    url: str | None = None,
    outlet: str | None = None,
    published: str | None = None,
    title: str | None = None,
    language: str | None = None,
) -> Document:
    """A Document for an HTML page: trafilatura's main text, comments kept apart, page date.

    ``published`` (given by the caller) wins over the date found in the page. The comments'
    character ranges go to ``doc.comment_spans`` so segmentation labels them ``comment``; the
    raw HTML stays in ``doc.html`` (never serialised). Raises ValueError when the page has no
    visible text.
    """
    from lagebild.ingest.html import extract_html

    page = extract_html(html.replace("\r\n", "\n"), url=url)
    doc = document_from_text(
        page.text,
        path=path,
        url=url,
        outlet=outlet,
        published=published or page.date,
        title=title or page.title,
        language=language,
    )
    doc.comment_spans = page.comment_spans
    doc.html = html
    return doc


def iter_documents(
    paths: Iterable[str], *, published: str | None = None, max_bytes: int = DEFAULT_MAX_BYTES
) -> Iterator[Document | IngestError]:
    """Every document under the given paths, one at a time (constant memory).

    Directories are walked recursively; files are read by type (``.txt``, ``.html``/``.htm``,
    ``.jsonl``, ``.warc``/``.warc.gz``, ``.xml``/``.rss``/``.atom`` feeds); ``-`` is stdin.
    A sidecar ``NAME.meta.json`` is applied; ``published`` overrides every other date.
    """
    from lagebild.ingest.readers import iter_path

    for path in paths:
        yield from iter_path(path, published=published, max_bytes=max_bytes)
