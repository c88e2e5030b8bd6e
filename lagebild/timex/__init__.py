"""Stage `timex` (placeholder: passes the document through until the stage is built)."""

from lagebild.model import Document


def run(doc: Document) -> Document:
    return doc
