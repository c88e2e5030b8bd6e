"""Contract of the ingest stage: readers turn inputs into Documents or IngestErrors."""

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


def document_from_text(
    text: str,
    *,
    path: str | None = None,
    url: str | None = None,
    outlet: str | None = None,
    published: str | None = None,
    title: str | None = None,
) -> Document:
    """A Document for plain text (newlines normalised; nothing else changed)."""
    text = text.replace("\r\n", "\n")
    return Document(
        doc_id=compute_doc_id(text),
        source=Source(path=path, url=url, outlet=outlet),
        published=Published(value=published, origin="metadata") if published else Published(),
        title=title,
        text=text,
    )


def iter_documents(
    paths: Iterable[str], *, published: str | None = None, max_bytes: int = DEFAULT_MAX_BYTES
) -> Iterator[Document | IngestError]:
    """Every document under the given paths (placeholder: plain text files only)."""
    for path in paths:
        try:
            with open(path, encoding="utf-8") as fh:
                text = fh.read(max_bytes)
        except OSError as exc:
            yield IngestError(path, str(exc))
            continue
        yield document_from_text(text, path=path, published=published)
