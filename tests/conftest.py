"""Shared test fixtures.

Tests that need ``../shared`` data, a browser or a database server call :func:`require` and skip
with a visible reason when it is missing — unless ``LAGEBILD_REQUIRE_ALL=1`` (set by ``.ci/run``),
where a missing resource is a failure.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("LAGEBILD_SHARED", REPO.parent / "shared"))
SHARED_DATA = SHARED / "data"
SPEC = SHARED / "spec"


def require(condition: bool, reason: str) -> None:
    """Skip (or, under LAGEBILD_REQUIRE_ALL=1, fail) when a needed resource is absent."""
    if condition:
        return
    if os.environ.get("LAGEBILD_REQUIRE_ALL") == "1":
        pytest.fail(f"required resource missing: {reason}")
    pytest.skip(reason)


def shared_path(*parts: str) -> Path:
    path = SHARED.joinpath(*parts)
    require(path.exists(), f"{path} not found (../shared is absent)")
    return path


@pytest.fixture
def seeds_dir() -> Path:
    return shared_path("data", "seeds")


@pytest.fixture
def events_dev_dir() -> Path:
    return shared_path("data", "events-dev")


@pytest.fixture
def spec_dir() -> Path:
    return shared_path("spec")
