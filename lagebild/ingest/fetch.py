"""Fetching pages over HTTP politely: timeouts, a size cap, few redirects, robots.txt."""

from __future__ import annotations

import urllib.robotparser
from urllib.parse import urljoin, urlsplit

import httpx

from lagebild import __version__
from lagebild.ingest.base import IngestError
from lagebild.ingest.readers import _decode_declared, _html_charset, make_document, with_read_flags
from lagebild.model import Document

USER_AGENT = f"lagebild/{__version__} (news event extraction; +https://github.com/lagebild)"
MAX_REDIRECTS = 5


class FetchError(Exception):
    pass


def _client(timeout: float) -> httpx.Client:
    return httpx.Client(
        headers={"User-Agent": USER_AGENT, "Accept": "text/html,text/plain;q=0.9,*/*;q=0.1"},
        timeout=httpx.Timeout(timeout),
        follow_redirects=True,
        max_redirects=MAX_REDIRECTS,
    )


def _robots_allow(client: httpx.Client, url: str) -> bool:
    """robots.txt of the URL's host; a missing robots.txt allows, an unreachable one too."""
    parts = urlsplit(url)
    robots_url = f"{parts.scheme}://{parts.netloc}/robots.txt"
    parser = urllib.robotparser.RobotFileParser()
    try:
        response = client.get(robots_url)
    except httpx.HTTPError:
        return True
    if response.status_code in (401, 403):
        return False  # as urllib.robotparser does: access to robots.txt denied means disallow
    if response.status_code >= 400:
        return True
    parser.parse(response.text[:500_000].splitlines())
    return parser.can_fetch(USER_AGENT, url)


def _download(client: httpx.Client, url: str, max_bytes: int) -> tuple[bytes, str, str, bool]:
    with client.stream("GET", url) as response:
        if response.status_code >= 400:
            raise FetchError(f"HTTP {response.status_code}")
        chunks: list[bytes] = []
        size = 0
        truncated = False
        for chunk in response.iter_bytes():
            chunks.append(chunk)
            size += len(chunk)
            if size > max_bytes:
                truncated = True
                break
        data = b"".join(chunks)[:max_bytes]
        return data, response.headers.get("content-type", ""), str(response.url), truncated


def fetch_document(url: str, *, max_bytes: int, timeout: float = 20.0,
                   published: str | None = None) -> Document | IngestError:
    """One URL as a Document, or an IngestError saying why not."""
    if urlsplit(url).scheme not in ("http", "https"):
        return IngestError(url, "not an http(s) URL")
    try:
        with _client(timeout) as client:
            if not _robots_allow(client, url):
                return IngestError(url, "disallowed by robots.txt")
            data, ctype, final_url, truncated = _download(client, url, max_bytes)
    except httpx.TooManyRedirects:
        return IngestError(url, f"more than {MAX_REDIRECTS} redirects")
    except httpx.TimeoutException:
        return IngestError(url, f"timed out after {timeout:g} s")
    except (httpx.HTTPError, FetchError) as exc:
        return IngestError(url, f"fetch failed: {exc}")
    low = ctype.lower()
    if low and not any(t in low for t in ("html", "text/plain", "xml")):
        return IngestError(url, f"not a text or HTML page (Content-Type {ctype})")
    try:
        declared = ctype if "charset=" in low else _html_charset(data)
        text, repaired = _decode_declared(data, declared, truncated) if data else ("", False)
        if not text.strip():
            return IngestError(url, "empty response")
        kind = "text-only" if "text/plain" in low else "html"
        doc = make_document(text, kind, path=None, meta={"url": urljoin(url, final_url)},
                            published=published)
    except ValueError as exc:
        return IngestError(url, str(exc))
    return with_read_flags(doc, repaired=repaired, truncated=truncated)

