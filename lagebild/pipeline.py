"""The pipeline runner: registered stages applied in order to one Document.

Stages are named in ``STAGES`` (one place) as ``module:attribute``; each is a callable that takes
a :class:`~lagebild.model.Document` and returns it enriched. A stage never reaches into another
stage's internals: it reads only the Document.
"""

from __future__ import annotations

import importlib
import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from lagebild.model import Document

log = logging.getLogger(__name__)

Stage = Callable[[Document], Document]

# Order matters: each stage may read what the stages before it wrote.
STAGES: tuple[tuple[str, str], ...] = (
    ("segment", "lagebild.segment:run"),  # language, flags, segments
    ("nlp", "lagebild.nlp:run"),  # sentences, tokens, lemmas over news content
    ("timex", "lagebild.timex:run"),  # time expressions, publication-date inference
    ("entities", "lagebild.kb:run"),  # mentions, linking, coreference
    ("quotes", "lagebild.quotes:run"),  # direct and reported speech with speakers
    ("events", "lagebild.events:run"),  # PLOVER events
)


def load_stage(target: str) -> Stage:
    module_name, _, attr = target.partition(":")
    module = importlib.import_module(module_name)
    stage: Stage = getattr(module, attr)
    return stage


@dataclass
class Pipeline:
    """An ordered list of named stages."""

    stages: list[tuple[str, Stage]] = field(default_factory=list)

    @classmethod
    def default(cls, skip: Iterable[str] = ()) -> Pipeline:
        skipped = set(skip)
        return cls([(name, load_stage(t)) for name, t in STAGES if name not in skipped])

    def __call__(self, doc: Document) -> Document:
        for name, stage in self.stages:
            doc = stage(doc)
            if doc is None:  # a stage must return the document; fail loudly, not silently
                raise RuntimeError(f"stage {name!r} returned None")
        return doc

    @property
    def names(self) -> list[str]:
        return [name for name, _ in self.stages]


_DEFAULT: Pipeline | None = None


def default_pipeline() -> Pipeline:
    global _DEFAULT
    if _DEFAULT is None:
        _DEFAULT = Pipeline.default()
    return _DEFAULT


def process(doc: Document) -> Document:
    """Run the default pipeline on one document."""
    return default_pipeline()(doc)
