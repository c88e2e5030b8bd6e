"""`fetch` against a local HTTP server on 127.0.0.1 (never the internet)."""

from __future__ import annotations

import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from typer.testing import CliRunner

from lagebild.cli import app
from lagebild.ingest.base import IngestError
from lagebild.ingest.fetch import USER_AGENT, fetch_document

PAGE = (Path(__file__).parent / "fixtures" / "pages" / "html_article.html").read_bytes()
SEEN_AGENTS: list[str] = []


class Handler(BaseHTTPRequestHandler):
    def log_message(self, *args):  # keep test output quiet
        pass

    def _send(self, status: int, body: bytes, ctype: str = "text/html; charset=utf-8",
              headers: dict[str, str] | None = None) -> None:
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        for key, value in (headers or {}).items():
            self.send_header(key, value)
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self):  # noqa: N802 - the http.server API
        SEEN_AGENTS.append(self.headers.get("User-Agent", ""))
        routes = {
            "/robots.txt": lambda: self._send(200, b"User-agent: *\nDisallow: /intern/\n",
                                              "text/plain"),
            "/artikel": lambda: self._send(200, PAGE),
            "/intern/artikel": lambda: self._send(200, PAGE),
            "/umleitung": lambda: self._send(302, b"", headers={"Location": "/artikel"}),
            "/schleife": lambda: self._send(302, b"", headers={"Location": "/schleife"}),
            "/gross": lambda: self._send(200, b"<html><body>" + b"<p>Die Gespr\xc3\xa4che "
                                         b"gehen weiter und weiter.</p>" * 100_000),
            "/bild": lambda: self._send(200, b"\x89PNG\r\n\x1a\n", "image/png"),
            "/text": lambda: self._send(200, b"Kurze Meldung aus Kiew.", "text/plain"),
        }
        if self.path == "/langsam":
            time.sleep(2)
            self._send(200, PAGE)
        elif self.path in routes:
            routes[self.path]()
        else:
            self._send(404, b"nicht gefunden")


class QuietServer(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address):
        pass  # clients that stop reading (size cap, timeout) break the pipe on purpose


@pytest.fixture(scope="module")
def server():
    httpd = QuietServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def test_fetch_html_page(server):
    doc = fetch_document(f"{server}/artikel", max_bytes=1_000_000)
    assert not isinstance(doc, IngestError), doc
    assert doc.source.url == f"{server}/artikel"
    assert doc.title.startswith("Gipfel in Istanbul") and doc.published.value == "2025-05-16"
    assert SEEN_AGENTS and all(agent == USER_AGENT for agent in SEEN_AGENTS)
    assert "lagebild" in USER_AGENT


def test_robots_txt_is_respected(server):
    err = fetch_document(f"{server}/intern/artikel", max_bytes=1_000_000)
    assert isinstance(err, IngestError) and "robots.txt" in err.message


def test_redirects_followed_but_limited(server):
    doc = fetch_document(f"{server}/umleitung", max_bytes=1_000_000)
    assert not isinstance(doc, IngestError) and doc.source.url == f"{server}/artikel"
    err = fetch_document(f"{server}/schleife", max_bytes=1_000_000)
    assert isinstance(err, IngestError) and "redirects" in err.message


def test_size_cap(server):
    doc = fetch_document(f"{server}/gross", max_bytes=50_000)
    assert not isinstance(doc, IngestError)
    assert "truncated" in doc.flags and len(doc.text) <= 50_000


def test_timeout(server):
    err = fetch_document(f"{server}/langsam", max_bytes=1_000_000, timeout=0.3)
    assert isinstance(err, IngestError) and "timed out" in err.message


def test_http_errors_and_wrong_types(server):
    assert "404" in fetch_document(f"{server}/fehlt", max_bytes=1000).message
    assert "Content-Type" in fetch_document(f"{server}/bild", max_bytes=1000).message
    assert "http" in fetch_document("ftp://127.0.0.1/x", max_bytes=1000).message
    doc = fetch_document(f"{server}/text", max_bytes=1000)
    assert doc.text == "Kurze Meldung aus Kiew."


def test_fetch_command(server):
    result = CliRunner().invoke(app, ["fetch", f"{server}/artikel", f"{server}/intern/artikel"])
    assert result.exit_code == 3
    [record] = [json.loads(line) for line in result.stdout.splitlines()]
    assert record["source"]["url"] == f"{server}/artikel"
    assert "intern/artikel" in result.stderr and "robots.txt" in result.stderr
