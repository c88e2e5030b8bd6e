"""Stage ``entities``: find persons, organisations, states and places in news content and link
them to the knowledge base (roles resolved on the document's date, in-document coreference)."""

from __future__ import annotations

from lagebild.kb.link import extract
from lagebild.model import Document


def run(doc: Document) -> Document:
    doc.entities = extract(doc)
    return doc
