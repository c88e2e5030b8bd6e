"""``lagebild timex TEXT --anchor`` and the WikiWarsDE / publication-date measurements."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from typer.testing import CliRunner

from lagebild.cli import app
from tests.conftest import shared_path

REPO = Path(__file__).resolve().parent.parent
ENV = {**os.environ, "PYTHONPATH": str(REPO)}


def test_timex_command_prints_json_array() -> None:
    res = CliRunner().invoke(app, ["timex", "Am Freitag sprach Merz, am 9. Juli reist er.",
                                   "--anchor", "2025-07-05"])
    assert res.exit_code == 0, res.output
    data = json.loads(res.output)
    assert [set(d) for d in data] == [{"text", "start", "end", "type", "value", "precision"}] * 2
    assert [(d["text"], d["value"]) for d in data] == [("Am Freitag", "2025-07-04"),
                                                       ("9. Juli", "2025-07-09")]


def test_timex_command_rejects_bad_anchor() -> None:
    res = CliRunner().invoke(app, ["timex", "heute", "--anchor", "5.7.2025"])
    assert res.exit_code == 2


def test_wikiwarsde_test_split_reaches_goal() -> None:
    shared_path("data", "wikiwarsde_temporal")
    out = subprocess.run([sys.executable, "scripts/eval_wikiwarsde.py", "--split", "test"],
                         cwd=REPO, env=ENV, capture_output=True, text=True, check=True).stdout
    scores = dict(kv.split("=") for kv in out.split()[1:])
    assert float(scores["f1"]) >= 0.85 and float(scores["value_accuracy"]) >= 0.80, out


def test_pubdate_eval_runs_on_seeds() -> None:
    shared_path("data", "seeds")
    out = subprocess.run([sys.executable, "scripts/eval_pubdate.py", "--corpus", "seeds"],
                         cwd=REPO, env=ENV, capture_output=True, text=True, check=True).stdout
    assert "within_31_days=" in out and "window_contains=" in out
