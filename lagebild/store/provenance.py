"""Which versions produced a stored record: lagebild, the knowledge base and the models.

Each stage may publish its version as a module attribute of its public API (``KB_VERSION`` in
``lagebild.kb.api``, ``MODEL_VERSION`` in ``lagebild.<stage>.api``). For a stage that does not,
the version is a hash of the files in its ``models/`` and ``data/`` folders (what a retrained
model or an edited lexicon changes), else the lagebild version; provenance never fails an ingest.
"""

from __future__ import annotations

import hashlib
import importlib
import importlib.util
import json
from functools import lru_cache
from pathlib import Path

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


def _data_hash(module_name: str) -> str | None:
    """A short content hash of the stage package's ``models/`` and ``data/`` files."""
    package = module_name.rsplit(".api", 1)[0]
    try:
        spec = importlib.util.find_spec(package)
    except (ImportError, ValueError):
        return None
    if spec is None or not spec.submodule_search_locations:
        return None
    root = Path(next(iter(spec.submodule_search_locations)))
    files = sorted(p for d in ("models", "data") for p in (root / d).rglob("*")
                   if p.is_file() and "__pycache__" not in p.parts)
    if not files:
        return None
    digest = hashlib.sha256()
    for p in files:
        digest.update(str(p.relative_to(root)).encode())
        digest.update(p.read_bytes())
    return "data-" + digest.hexdigest()[:12]


@lru_cache(maxsize=1)
def versions() -> dict[str, object]:
    """``{"lagebild": …, "kb": …, "models": {stage: version}}`` for this installation."""
    kb = _attr("lagebild.kb.api", ("KB_VERSION", "VERSION")) or f"lagebild-{__version__}"
    models = {
        name: _attr(module, attrs) or _data_hash(module) or f"lagebild-{__version__}"
        for name, module, attrs in _MODEL_SOURCES
    }
    return {"lagebild": __version__, "kb": kb, "models": models}


def models_json() -> str:
    return json.dumps(versions()["models"], sort_keys=True)
