"""The extract command: JSON Lines on stdout, one error line per failed document, exit codes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from lagebild.cli import app

PAGES = Path(__file__).parent / "fixtures" / "pages"
runner = CliRunner()


def extract(*args: str, **kw):
    return runner.invoke(app, ["extract", *args], **kw)


def records(result) -> list[dict]:
    return [json.loads(line) for line in result.stdout.splitlines()]


def test_directory_to_json_lines():
    result = extract(str(PAGES))
    assert result.exit_code == 0, result.stderr
    out = records(result)
    layouts = len(list(PAGES.glob("*.txt")))
    # text layouts + 1 HTML page + 2 RSS entries + 1 Atom entry; .lines.json files skipped
    assert len(out) == layouts + 4
    assert all(r["format"] == "lagebild.document/1" for r in out)
    assert "„" in result.stdout or "ä" in result.stdout  # non-ASCII unescaped
    assert "\\u00" not in result.stdout


def test_output_validates_against_the_schema(spec_dir):
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads((spec_dir / "document.schema.json").read_text(encoding="utf-8"))
    for record in records(extract(str(PAGES))):
        jsonschema.validate(record, schema)


def test_some_failed_exit_code_and_stderr_lines(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    result = extract(str(PAGES / "blog_layout.txt"), str(tmp_path / "empty.txt"),
                     str(tmp_path / "missing.txt"))
    assert result.exit_code == 3
    assert len(records(result)) == 1
    errors = result.stderr.strip().splitlines()
    assert len(errors) == 2
    assert "empty.txt" in errors[0] and "missing.txt" in errors[1]


def test_usage_errors_exit_2():
    assert extract().exit_code == 2
    assert extract("--published", "gestern", str(PAGES)).exit_code == 2
    assert extract("--lang", "deutsch", str(PAGES)).exit_code == 2


def test_published_and_lang_options():
    result = extract("--published", "2025-01-02", "--lang", "en", str(PAGES / "blog_layout.txt"))
    [record] = records(result)
    assert record["published"] == {"value": "2025-01-02", "origin": "metadata", "window": None}
    assert record["language"] == "en"
    assert record["source"]["path"] == str(PAGES / "blog_layout.txt")


def test_stdin():
    text = "Merz trifft Tusk in Warschau\n\nDie beiden Regierungschefs sprachen über Grenzschutz."
    result = extract("-", input=text)
    [record] = records(result)
    assert record["text"] == text and record["source"]["path"] == "-"
    assert record["title"] == "Merz trifft Tusk in Warschau"


def test_max_bytes_truncates(tmp_path):
    path = tmp_path / "long.txt"
    path.write_text("Die Gespräche gingen weiter. " * 2000, encoding="utf-8")
    [record] = records(extract("--max-bytes", "1000", str(path)))
    assert "truncated" in record["flags"] and len(record["text"]) <= 1000


def test_processing_exception_fails_only_that_document(monkeypatch):
    import lagebild.pipeline

    real = lagebild.pipeline.process

    def flaky(doc):
        if "portal" in (doc.source.path or ""):
            raise RuntimeError("stage exploded")
        return real(doc)

    monkeypatch.setattr(lagebild.pipeline, "process", flaky)
    result = extract(str(PAGES / "portal_layout.txt"), str(PAGES / "blog_layout.txt"))
    assert result.exit_code == 3
    assert len(records(result)) == 1
    assert "portal_layout.txt" in result.stderr and "stage exploded" in result.stderr


def test_pretty_view():
    result = extract("--pretty", str(PAGES / "syndicated_layout.txt"))
    assert result.exit_code == 0
    assert "Rubio und Lawrow telefonieren" in result.stdout
    assert "comment" in result.stdout and not result.stdout.lstrip().startswith("{")


def test_stdin_html_is_recognised():
    html = (PAGES / "html_article.html").read_text(encoding="utf-8")
    [record] = records(extract("-", input=html))
    assert record["title"].startswith("Gipfel in Istanbul")
    assert "<p>" not in record["text"]
