"""Bad input: one clear error for that document, and the batch goes on."""

from __future__ import annotations

import builtins
import os
import tracemalloc

import pytest

from lagebild.ingest.base import IngestError, iter_documents

GOOD = "Die Verhandlungen in Genf wurden am Abend ohne Ergebnis vertagt."


def run_batch(tmp_path, bad_name: str, bad_bytes: bytes | None, **kw):
    """A directory-free batch: good file, bad file, good file."""
    (tmp_path / "1.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "3.txt").write_text(GOOD, encoding="utf-8")
    bad = tmp_path / bad_name
    if bad_bytes is not None:
        bad.write_bytes(bad_bytes)
    paths = [str(tmp_path / "1.txt"), str(bad), str(tmp_path / "3.txt")]
    items = list(iter_documents(paths, **kw))
    assert len(items) == 3
    assert not isinstance(items[0], IngestError) and not isinstance(items[2], IngestError)
    assert isinstance(items[1], IngestError)
    assert items[1].path == str(bad)
    return items[1]


def test_empty_file(tmp_path):
    assert "empty" in run_batch(tmp_path, "2.txt", b"").message
    assert "empty" in run_batch(tmp_path, "2.txt", b" \n\t\n").message


def test_binary_image(tmp_path):
    png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256))
    assert "binary" in run_batch(tmp_path, "2.txt", png).message


def test_nul_bytes(tmp_path):
    data = b"Ein Text\x00\x00\x13mit\x00Nullbytes\x00\x01\x02" * 10
    assert "binary" in run_batch(tmp_path, "2.txt", data).message


def test_missing_path(tmp_path):
    err = run_batch(tmp_path, "does-not-exist.txt", None)
    assert "no such file" in err.message


def test_file_that_vanishes_during_the_walk(tmp_path):
    for name in ("a.txt", "b.txt", "c.txt"):
        (tmp_path / name).write_text(GOOD, encoding="utf-8")
    items = iter_documents([str(tmp_path)])
    assert not isinstance(next(items), IngestError)
    os.remove(tmp_path / "b.txt")
    err, last = next(items), next(items)
    assert isinstance(err, IngestError) and err.path.endswith("b.txt")
    assert not isinstance(last, IngestError)


def test_unreadable_file(tmp_path, monkeypatch):
    target = str(tmp_path / "2.txt")
    real_open = builtins.open

    def guarded_open(file, *args, **kwargs):
        if str(file) == target:
            raise PermissionError(13, "Permission denied", target)
        return real_open(file, *args, **kwargs)

    monkeypatch.setattr(builtins, "open", guarded_open)
    err = run_batch(tmp_path, "2.txt", GOOD.encode())
    assert "permission denied" in err.message


def test_malformed_sidecar(tmp_path):
    (tmp_path / "2.meta.json").write_text("{published: 2024-01-01", encoding="utf-8")
    err = run_batch(tmp_path, "2.txt", GOOD.encode())
    assert "malformed sidecar" in err.message and "2.meta.json" in err.message


def test_sidecar_with_wrong_types(tmp_path):
    (tmp_path / "2.meta.json").write_text('{"published": 20240101}', encoding="utf-8")
    assert "published" in run_batch(tmp_path, "2.txt", GOOD.encode()).message
    (tmp_path / "2.meta.json").write_text('["a", "b"]', encoding="utf-8")
    assert "JSON object" in run_batch(tmp_path, "2.txt", GOOD.encode()).message


def test_malformed_html_without_text(tmp_path):
    err = run_batch(tmp_path, "2.html", b"<html><head><script>var x = 1;</script></head></html>")
    assert "HTML" in err.message


def test_broken_but_readable_html_is_read(tmp_path):
    (tmp_path / "p.html").write_bytes(
        b"<html><body><div><p>Die Gespr\xc3\xa4che in Doha gehen weiter<p>Ohne Ergebnis</div>")
    [doc] = list(iter_documents([str(tmp_path / "p.html")]))
    assert "Die Gespräche in Doha gehen weiter" in doc.text


def test_feed_that_is_not_xml(tmp_path):
    err = run_batch(tmp_path, "2.rss", b"Dies ist kein Feed, sondern Text { mit Klammern }.")
    assert "not an RSS/Atom feed" in err.message


def test_xml_that_is_not_a_feed(tmp_path):
    err = run_batch(tmp_path, "2.xml", b'<?xml version="1.0"?><urlset><url>x</url></urlset>')
    assert "not an RSS/Atom feed" in err.message


def test_corrupt_warc(tmp_path):
    err = run_batch(tmp_path, "2.warc", b"WARC/1.0\r\nthis is not a warc record at all\r\n")
    assert "WARC" in err.message or "warc" in err.message


@pytest.fixture(scope="module")
def huge_file(tmp_path_factory):
    path = tmp_path_factory.mktemp("huge") / "huge.txt"
    sentence = "Die Gespräche über eine Waffenruhe wurden in Istanbul fortgesetzt. "
    block = (sentence * 20 + "\n\n").encode("utf-8") * 400
    with open(path, "wb") as fh:
        while fh.tell() < 50_000_000:
            fh.write(block)
    return path


def test_fifty_megabytes_are_read_up_to_the_cap_in_bounded_memory(huge_file):
    cap = 2_000_000
    tracemalloc.start()
    [doc] = list(iter_documents([str(huge_file)], max_bytes=cap))
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert "truncated" in doc.flags
    assert len(doc.text.encode("utf-8")) <= cap
    assert peak < 20 * cap  # far below the 50 MB file


def test_cap_inside_a_multibyte_character(tmp_path):
    path = tmp_path / "cut.txt"
    path.write_bytes(("ä" * 100).encode("utf-8"))
    [doc] = list(iter_documents([str(path)], max_bytes=51))
    assert doc.text == "ä" * 25 and "truncated" in doc.flags


def test_fifty_megabytes_through_extract(huge_file):
    from typer.testing import CliRunner

    from lagebild.cli import app

    result = CliRunner().invoke(app, ["extract", "--max-bytes", "50000", str(huge_file)])
    assert result.exit_code == 0, result.stderr
    [line] = result.stdout.splitlines()
    assert '"truncated"' in line


def test_binary_jsonl_is_one_error(tmp_path):
    err = run_batch(tmp_path, "2.jsonl", b"\x00\x01\x02\n" * 50)
    assert "binary" in err.message
