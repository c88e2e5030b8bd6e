"""Readers: plain text with sidecars and encodings, HTML, JSON Lines, WARC, RSS and Atom."""

from __future__ import annotations

import io
import json
from pathlib import Path

from lagebild.ingest.base import IngestError, document_from_html, document_from_text, iter_documents
from lagebild.model import compute_doc_id

PAGES = Path(__file__).parent / "fixtures" / "pages"
TEXT = ("Die Außenministerin reiste am Dienstag nach Kiew. „Wir stehen an Ihrer Seite“, "
        "sagte sie bei der Ankunft.")


def docs(*paths, **kw):
    return list(iter_documents([str(p) for p in paths], **kw))


def one(path, **kw):
    items = docs(path, **kw)
    assert len(items) == 1
    return items[0]


def test_plain_text_document(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(TEXT, encoding="utf-8")
    doc = one(path)
    assert doc.text == TEXT
    assert doc.doc_id == compute_doc_id(TEXT)
    assert doc.source.path == str(path)
    assert doc.published.origin == "unknown" and doc.flags == []


def test_sidecar_metadata_and_published_override(tmp_path):
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "a.meta.json").write_text(json.dumps({
        "published": "2024-02-03", "url": "https://zeitung.example/a", "outlet": "Zeitung",
        "language": "de", "title": "Besuch in Kiew"}), encoding="utf-8")
    doc = one(tmp_path / "a.txt")
    assert doc.published.value == "2024-02-03" and doc.published.origin == "metadata"
    assert doc.source.url == "https://zeitung.example/a" and doc.source.outlet == "Zeitung"
    assert doc.title == "Besuch in Kiew" and doc.language == "de"
    assert one(tmp_path / "a.txt", published="2024-03-01").published.value == "2024-03-01"


def test_crlf_is_normalised_and_nothing_else():
    doc = document_from_text("Zeile eins\r\n\r\n  Zeile „zwei“\u00a0\r\n")
    assert doc.text == "Zeile eins\n\n  Zeile „zwei“\u00a0\n"


def test_utf8_with_bom(tmp_path):
    path = tmp_path / "bom.txt"
    path.write_bytes(b"\xef\xbb\xbf" + TEXT.encode("utf-8"))
    assert one(path).text == TEXT


def test_utf16_with_and_without_bom(tmp_path):
    for name, data in (("le.txt", TEXT.encode("utf-16")),
                       ("be.txt", b"\xfe\xff" + TEXT.encode("utf-16-be")),
                       ("nobom.txt", TEXT.encode("utf-16-le"))):
        path = tmp_path / name
        path.write_bytes(data)
        assert one(path).text == TEXT, name


def test_cp1252_and_latin1(tmp_path):
    path = tmp_path / "win.txt"
    path.write_bytes(TEXT.encode("cp1252"))
    doc = one(path)
    assert doc.text == TEXT and "encoding_repaired" not in doc.flags
    latin = "Grüße aus Düsseldorf, sagte der Bürgermeister."
    path.write_bytes(latin.encode("latin-1"))
    assert one(path).text == latin


def test_mojibake_is_repaired_and_quotes_survive(tmp_path):
    broken = TEXT.encode("utf-8").decode("cp1252", errors="replace")
    assert "Ã" in broken
    path = tmp_path / "moji.txt"
    path.write_text(broken, encoding="utf-8")
    doc = one(path)
    assert "encoding_repaired" in doc.flags
    assert "Außenministerin" in doc.text and "„Wir stehen an Ihrer Seite“" in doc.text


def test_clean_text_with_typographic_quotes_is_untouched(tmp_path):
    path = tmp_path / "clean.txt"
    text = "„Frieden“ – sagte er – ‚bald‘… ﬁnal ＡＢＣ e\u0301"
    path.write_text(text, encoding="utf-8")
    doc = one(path)
    assert doc.text == text and "encoding_repaired" not in doc.flags


def test_html_file(tmp_path):
    doc = one(PAGES / "html_article.html")
    assert doc.title == "Gipfel in Istanbul: Delegationen vereinbaren Gefangenenaustausch"
    assert doc.text.startswith(doc.title)
    assert doc.published.value == "2025-05-16" and doc.published.origin == "metadata"
    assert doc.html and "<article>" in doc.html and "html" not in doc.to_dict()
    assert "Startseite" not in doc.text  # navigation is not visible article text
    [(start, end)] = doc.comment_spans
    assert "Heinz sagt:" in doc.text[start:end]
    assert "Kreml" in doc.text[:start] and "Kreml" not in doc.text[start:end]


def test_html_string_published_argument_wins():
    html = (PAGES / "html_article.html").read_text(encoding="utf-8")
    doc = document_from_html(html, url="https://morgenkurier.example/x", published="2025-05-17")
    assert doc.published.value == "2025-05-17" and doc.source.url == "https://morgenkurier.example/x"


def test_short_html_fragment_falls_back_to_visible_text():
    doc = document_from_html("<html><body><p>Kurze Meldung: Gespräche vertagt.</p></body></html>")
    assert "Kurze Meldung: Gespräche vertagt." in doc.text


def test_jsonl_records(tmp_path):
    path = tmp_path / "batch.jsonl"
    html = "<html><body><h1>Treffen in Genf</h1><p>Die Delegationen trafen sich am Morgen.</p>"
    lines = [
        json.dumps({"text": TEXT, "url": "https://a.example/1", "published": "2024-05-01",
                    "outlet": "A", "title": "Besuch"}, ensure_ascii=False),
        "{not json",
        "",
        json.dumps({"html": html + "</body></html>", "url": "https://a.example/2"}),
        json.dumps({"url": "https://a.example/3"}),
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    items = docs(path)
    assert len(items) == 4
    first, bad, second, empty = items
    assert first.text == TEXT and first.published.value == "2024-05-01"
    assert first.source.outlet == "A" and first.title == "Besuch" and first.source.path == str(path)
    assert isinstance(bad, IngestError) and "line 2" in bad.message
    assert "Die Delegationen trafen sich am Morgen." in second.text
    assert second.source.url == "https://a.example/2"
    assert isinstance(empty, IngestError) and "line 5" in empty.message


def _write_warc(path: Path) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    page = (PAGES / "html_article.html").read_bytes()
    with open(path, "wb") as fh:
        writer = WARCWriter(fh, gzip=path.suffix == ".gz")
        for uri, ctype, body in (
            ("https://morgenkurier.example/istanbul", "text/html; charset=utf-8", page),
            ("https://morgenkurier.example/logo.png", "image/png", b"\x89PNG\r\n\x1a\n0000"),
        ):
            headers = StatusAndHeaders("200 OK", [("Content-Type", ctype)], protocol="HTTP/1.1")
            record = writer.create_warc_record(uri, "response", payload=io.BytesIO(body),
                                               http_headers=headers)
            writer.write_record(record)
        request = writer.create_warc_record("https://morgenkurier.example/istanbul", "request",
                                            payload=io.BytesIO(b"GET / HTTP/1.1\r\n\r\n"))
        writer.write_record(request)


def test_warc_html_responses_become_documents(tmp_path):
    for name in ("crawl.warc", "crawl.warc.gz"):
        path = tmp_path / name
        _write_warc(path)
        [doc] = docs(path)
        assert doc.source.url == "https://morgenkurier.example/istanbul"
        assert doc.source.path == str(path)
        assert "Hakan Fidan" in doc.text and doc.comment_spans


def test_rss_feed_entries():
    first, second = docs(PAGES / "feed.rss")
    assert first.title == "Selenskyj empfängt Schweizer Bundespräsidentin in Kiew"
    assert first.text.startswith(first.title + "\n\n")
    assert "Die Schweiz bot erneut an" in first.text and "<p>" not in first.text
    assert first.source.url == "https://morgenkurier.example/ausland/selenskyj-schweiz"
    assert first.source.outlet == "Morgenkurier – Ausland"
    assert first.published.value == "2025-04-08" and second.published.value == "2025-04-09"


def test_atom_feed_entries():
    [doc] = docs(PAGES / "feed.atom")
    assert doc.source.url == "https://abendblatt.example/g7-sanktionen"
    assert doc.published.value == "2025-06-01"
    assert "über weitere Sanktionen gegen Russland beraten" in doc.text


def test_directory_walk_is_recursive_sorted_and_skips_side_files(tmp_path):
    (tmp_path / "sub" / "deeper").mkdir(parents=True)
    (tmp_path / "b.txt").write_text("Zweiter Text über Gespräche in Ankara.", encoding="utf-8")
    (tmp_path / "a.txt").write_text("Erster Text über Gespräche in Riad.", encoding="utf-8")
    (tmp_path / "a.meta.json").write_text('{"published": "2024-01-01"}', encoding="utf-8")
    (tmp_path / "a.gold.json").write_text("{}", encoding="utf-8")
    (tmp_path / "index.jsonl").write_text('{"text": "nicht lesen"}\n', encoding="utf-8")
    (tmp_path / "README.md").write_text("# Daten", encoding="utf-8")
    (tmp_path / "README.txt").write_text("Beschreibung der Daten", encoding="utf-8")
    (tmp_path / "image.png").write_bytes(b"\x89PNG\r\n")
    (tmp_path / "sub" / "deeper" / "c.txt").write_text("Dritter Text aus Doha.", encoding="utf-8")
    items = docs(tmp_path)
    assert [Path(d.source.path).name for d in items] == ["a.txt", "b.txt", "c.txt"]
    assert items[0].published.value == "2024-01-01"


def test_iteration_is_lazy(tmp_path):
    (tmp_path / "a.txt").write_text("Erster Text.", encoding="utf-8")
    (tmp_path / "b.txt").write_text("Zweiter Text.", encoding="utf-8")
    items = iter_documents([str(tmp_path)])
    assert next(items).text == "Erster Text."
    (tmp_path / "b.txt").write_text("Geändert, bevor er gelesen wurde.", encoding="utf-8")
    assert next(items).text == "Geändert, bevor er gelesen wurde."


def test_xhtml_with_xml_declaration(tmp_path):
    path = tmp_path / "x.xhtml"
    path.write_text('<?xml version="1.0" encoding="utf-8"?>\n<html xmlns="http://www.w3.org/1999/'
                    'xhtml"><head><title>Treffen in Oslo</title></head><body><p>Die Delegationen '
                    'trafen sich in Oslo.</p></body></html>', encoding="utf-8")
    doc = one(path)
    assert "Die Delegationen trafen sich in Oslo." in doc.text and doc.title == "Treffen in Oslo"


def test_txt_is_plain_text_but_unknown_types_are_sniffed(tmp_path):
    html = "<html><body><p>Gespräche in Oslo vertagt.</p></body></html>"
    (tmp_path / "page.txt").write_text(html, encoding="utf-8")
    (tmp_path / "page.dat").write_text(html, encoding="utf-8")
    assert one(tmp_path / "page.txt").text == html
    assert one(tmp_path / "page.dat").text == "Gespräche in Oslo vertagt."


def test_unlistable_directory_is_one_error_and_the_walk_goes_on(tmp_path, monkeypatch):
    import os

    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    (tmp_path / "a" / "x.txt").write_text("Text in a.", encoding="utf-8")
    (tmp_path / "b" / "y.txt").write_text("Text in b.", encoding="utf-8")
    real_scandir = os.scandir

    def scandir(path="."):
        if str(path).endswith(os.sep + "a"):
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    items = docs(tmp_path)
    errors = [i for i in items if isinstance(i, IngestError)]
    assert len(errors) == 1 and errors[0].path.endswith("a")
    assert [d.text for d in items if not isinstance(d, IngestError)] == ["Text in b."]


def test_html_declared_cyrillic_charset(tmp_path):
    page = ('<html><head><meta charset="windows-1251"><title>Переговоры в Стамбуле</title></head>'
            '<body><p>Делегации встретились в Стамбуле и договорились об обмене пленными.</p>'
            '</body></html>')
    path = tmp_path / "ru.html"
    path.write_bytes(page.encode("cp1251"))
    doc = one(path)
    assert "Делегации встретились в Стамбуле" in doc.text and "encoding_repaired" not in doc.flags
