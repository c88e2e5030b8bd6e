"""Which versions produced a stored record: lagebild, the knowledge base and the models.

Each stage may publish its version as a module attribute of its public API (``KB_VERSION`` in
``lagebild.kb.api``, ``MODEL_VERSION`` in ``lagebild.<stage>.api``). Stages that do not (yet)
fall back to the lagebild version, so provenance never fails an ingest.
"""

from __future__ import annotations

import importlib
import json
from functools import lru_cache

from lagebild import __version__

# (name recorded in provenance, module, attribute names tried in order)
_MODEL_SOURCES: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    ("segment", "lagebild.segment", ("MODEL_VERSION", "VERSION")),
    ("nlp", "lagebild.nlp", ("MODEL_VERSION", "VERSION")),
    ("timex", "lagebild.timex.api", ("MODEL_VERSION", "VERSION")),
    ("entities", "lagebild.kb.api", ("MODEL_VERSION", "NER_MODEL_VERSION")),
    ("quotes", "lagebild.quotes", ("MODEL_VERSION", "VERSION")),
    ("events", "lagebild.events", ("MODEL_VERSION", "VERSION")),
)


def _attr(module_name: str, names: tuple[str, ...]) -> str | None:
    try:
        module = importlib.import_module(module_name)
    except Exception:  # a stage that fails to import must not stop the store
        return None
    for name in names:
        value = getattr(module, name, None)
        if value is not None:
            return str(value)
    return None


@lru_cache(maxsize=1)
def versions() -> dict[str, object]:
    """``{"lagebild": …, "kb": …, "models": {stage: version}}`` for this installation."""
    kb = _attr("lagebild.kb.api", ("KB_VERSION", "VERSION")) or f"lagebild-{__version__}"
    models = {
        name: _attr(module, attrs) or f"lagebild-{__version__}"
        for name, module, attrs in _MODEL_SOURCES
    }
    return {"lagebild": __version__, "kb": kb, "models": models}


def models_json() -> str:
    return json.dumps(versions()["models"], sort_keys=True)
