"""Readers per input type. Each yields Documents or IngestErrors and never raises for bad input."""

from __future__ import annotations

import json
import os
import re
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import IO, Any

from lagebild.ingest.base import IngestError, document_from_html, document_from_text
from lagebild.ingest.decode import DecodeError, decode_bytes
from lagebild.ingest.html import looks_like_html
from lagebild.model import Document

Item = Document | IngestError
META_KEYS = ("published", "url", "outlet", "language", "title")
DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
SKIPPED_SUFFIXES = (".meta.json", ".gold.json")
SKIPPED_NAMES = frozenset({"index.jsonl"})


def _skipped(name: str) -> bool:
    low = name.lower()
    return (low.endswith(SKIPPED_SUFFIXES) or low in SKIPPED_NAMES or low.startswith("readme")
            or low.startswith("."))


def _kind(name: str) -> str | None:
    low = name.lower()
    if low.endswith((".warc", ".warc.gz")):
        return "warc"
    suffix = os.path.splitext(low)[1]
    return {
        ".txt": "text-only", ".text": "text-only",
        ".html": "html", ".htm": "html", ".xhtml": "html",
        ".jsonl": "jsonl", ".xml": "feed", ".rss": "feed", ".atom": "feed",
    }.get(suffix)


def iter_path(path: str, *, published: str | None, max_bytes: int) -> Iterator[Item]:
    """Documents from one path as given on the command line (file, directory or ``-``)."""
    if path == "-":
        yield from _read_stream(sys.stdin.buffer, "-", published, max_bytes)
        return
    if os.path.isdir(path):
        yield from _walk(path, published, max_bytes)
        return
    # An explicit file of unknown type is read as text (or HTML when it looks like HTML).
    yield from _read_file(path, _kind(path) or "text", published, max_bytes)


def _walk(root: str, published: str | None, max_bytes: int) -> Iterator[Item]:
    """Files below ``root`` in sorted order, streaming (one directory listing at a time).

    A directory that cannot be listed is one error; the walk goes on with the others.
    """
    errors: list[OSError] = []
    for dirpath, dirnames, filenames in os.walk(root, onerror=errors.append):
        while errors:
            exc = errors.pop(0)
            yield IngestError(getattr(exc, "filename", None) or root, _os_message(exc))
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in sorted(filenames):
            kind = _kind(name)
            if kind is None or _skipped(name):
                continue
            yield from _read_file(os.path.join(dirpath, name), kind, published, max_bytes)
    for exc in errors:
        yield IngestError(getattr(exc, "filename", None) or root, _os_message(exc))


def _os_message(exc: OSError) -> str:
    if isinstance(exc, FileNotFoundError):
        return "no such file or directory"
    if isinstance(exc, PermissionError):
        return "permission denied (cannot read file)"
    if isinstance(exc, IsADirectoryError):
        return "is a directory"
    return f"cannot read file: {exc.strerror or exc}"


READERS: dict[str, Callable[..., Iterator[Item]]] = {}


def _read_file(path: str, kind: str, published: str | None, max_bytes: int) -> Iterator[Item]:
    try:
        if kind in ("warc", "jsonl", "feed"):
            yield from READERS[kind](path, published, max_bytes)
            return
        data, truncated = _read_capped(path, max_bytes)
    except OSError as exc:
        yield IngestError(path, _os_message(exc))
        return
    except Exception as exc:  # a reader library failing on odd input fails this file only
        yield IngestError(path, f"cannot read {kind} file: {type(exc).__name__}: {exc}")
        return
    try:
        item = _document(data, path, kind, published, truncated, _sidecar(path))
    except Exception as exc:  # same: one odd file never stops the batch
        item = IngestError(path, f"cannot read {kind} file: {type(exc).__name__}: {exc}")
    yield item


def _read_capped(path: str, max_bytes: int) -> tuple[bytes, bool]:
    with open(path, "rb") as fh:
        return _read_capped_stream(fh, max_bytes)


def _read_capped_stream(fh: IO[bytes], max_bytes: int) -> tuple[bytes, bool]:
    data = fh.read(max_bytes + 1)
    return (data[:max_bytes], True) if len(data) > max_bytes else (data, False)


def _read_stream(fh: IO[bytes], path: str, published: str | None, max_bytes: int) -> Iterator[Item]:
    try:
        data, truncated = _read_capped_stream(fh, max_bytes)
    except OSError as exc:
        yield IngestError(path, _os_message(exc))
        return
    yield _document(data, path, "text", published, truncated, {})


# --- sidecar metadata ------------------------------------------------------------------------


class SidecarError(ValueError):
    pass


def _sidecar(path: str) -> dict[str, Any] | SidecarError:
    """The NAME.meta.json beside NAME.txt / NAME.html, validated; {} when there is none."""
    meta_path = Path(path).with_suffix("").as_posix() + ".meta.json"
    try:
        raw = Path(meta_path).read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        return {}
    except (OSError, UnicodeDecodeError) as exc:
        return SidecarError(f"cannot read sidecar {meta_path}: {exc}")
    try:
        meta = json.loads(raw)
    except json.JSONDecodeError as exc:
        return SidecarError(f"malformed sidecar {meta_path}: {exc}")
    try:
        return _check_meta(meta)
    except SidecarError as exc:
        return SidecarError(f"malformed sidecar {meta_path}: {exc}")


def _check_meta(meta: Any) -> dict[str, Any]:
    if not isinstance(meta, dict):
        raise SidecarError("expected a JSON object")
    clean: dict[str, Any] = {}
    for key in META_KEYS:
        value = meta.get(key)
        if value is None:
            continue
        if not isinstance(value, str):
            raise SidecarError(f"{key!r} must be a string")
        if key == "published" and not DATE.match(value.strip()[:10]):
            raise SidecarError(f"'published' is not a date (YYYY-MM-DD): {value!r}")
        clean[key] = value.strip()[:10] if key == "published" else value.strip()
    return clean


# --- one document from bytes -----------------------------------------------------------------


def _document(data: bytes, path: str, kind: str, published: str | None, truncated: bool,
              meta: dict[str, Any] | SidecarError) -> Item:
    if isinstance(meta, SidecarError):
        return IngestError(path, str(meta))
    if not data.strip():
        return IngestError(path, "empty file (no text)")
    try:
        declared = _html_charset(data) if kind == "html" else ""
        text, repaired = _decode_declared(data, declared, truncated)
    except DecodeError as exc:
        return IngestError(path, str(exc))
    if not text.strip():
        return IngestError(path, "empty file (only whitespace)")
    try:
        doc = make_document(text, kind, path=path, meta=meta, published=published)
    except ValueError as exc:
        return IngestError(path, str(exc))
    return with_read_flags(doc, repaired=repaired, truncated=truncated)


def with_read_flags(doc: Document, *, repaired: bool, truncated: bool) -> Document:
    """Flag what reading did to the text: mojibake repaired, input cut at the size cap."""
    if repaired:
        doc.add_flag("encoding_repaired")
    if truncated:
        doc.add_flag("truncated")
    return doc


def make_document(text: str, kind: str, *, path: str | None, meta: dict[str, Any],
                  published: str | None) -> Document:
    """A Document from decoded text; ``kind`` 'html' (or text that looks like HTML) is parsed."""
    fields = {
        "path": path, "url": meta.get("url"), "outlet": meta.get("outlet"),
        "published": published or meta.get("published"), "title": meta.get("title"),
        "language": meta.get("language"),
    }
    if kind == "html" or (kind != "text-only" and looks_like_html(text)):
        return document_from_html(text, **fields)
    return document_from_text(text, **fields)


# --- JSON Lines ------------------------------------------------------------------------------


def _read_jsonl(path: str, published: str | None, max_bytes: int) -> Iterator[Item]:
    with open(path, "rb") as fh:
        if b"\x00" in fh.read(8192):
            yield IngestError(path, "binary file (contains NUL bytes), not JSON Lines")
            return
        fh.seek(0)
        for lineno, raw in enumerate(_capped_lines(fh, max_bytes), start=1):
            if raw is None:
                yield IngestError(path, f"line {lineno}: record longer than {max_bytes} bytes")
                continue
            if not raw.strip():
                continue
            yield _jsonl_record(raw, path, lineno, published)


def _capped_lines(fh: IO[bytes], max_bytes: int) -> Iterator[bytes | None]:
    """Lines of at most ``max_bytes``; an over-long line is skipped to its end and yields None."""
    while True:
        line = fh.readline(max_bytes + 1)
        if not line:
            return
        if len(line) > max_bytes and not line.endswith(b"\n"):
            while (rest := fh.readline(1 << 20)) and not rest.endswith(b"\n"):
                pass
            yield None
        else:
            yield line


def _jsonl_record(raw: bytes, path: str, lineno: int, published: str | None) -> Item:
    where = f"line {lineno}"
    try:
        record = json.loads(raw.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        return IngestError(path, f"{where}: invalid JSON ({exc})")
    if not isinstance(record, dict):
        return IngestError(path, f"{where}: expected a JSON object")
    body = record.get("html") or record.get("text")
    if not isinstance(body, str) or not body.strip():
        return IngestError(path, f"{where}: record has no 'text' or 'html'")
    try:
        meta = _check_meta({k: record.get(k) for k in META_KEYS})
        kind = "html" if record.get("html") else "text-only"
        return make_document(body, kind, path=path, meta=meta, published=published)
    except ValueError as exc:
        return IngestError(path, f"{where}: {exc}")


# --- WARC ------------------------------------------------------------------------------------


def _read_warc(path: str, published: str | None, max_bytes: int) -> Iterator[Item]:
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    found = 0
    with open(path, "rb") as fh:
        try:
            for record in ArchiveIterator(fh):
                item = _warc_record(record, path, published, max_bytes)
                if item is not None:
                    found += 1
                    yield item
        except ArchiveLoadFailed as exc:
            yield IngestError(path, f"not a valid WARC file: {exc}")
            return
    if not found:
        yield IngestError(path, "no HTML response records in WARC file")


def _warc_record(record: Any, path: str, published: str | None, max_bytes: int) -> Item | None:
    if record.rec_type not in ("response", "resource"):
        return None
    headers = record.http_headers
    ctype = (headers.get_header("Content-Type") if headers else None) or \
        record.rec_headers.get_header("Content-Type") or ""
    if "html" not in ctype.lower():
        return None
    uri = record.rec_headers.get_header("WARC-Target-URI")
    where = f"{path} ({uri})"
    data, truncated = _read_capped_stream(record.content_stream(), max_bytes)
    if not data.strip():
        return IngestError(where, "empty HTML response")
    try:
        text, repaired = _decode_declared(data, ctype, truncated)
        doc = make_document(text, "html", path=path, meta={"url": uri}, published=published)
    except ValueError as exc:
        return IngestError(where, str(exc))
    return with_read_flags(doc, repaired=repaired, truncated=truncated)


def _decode_declared(data: bytes, content_type: str, truncated: bool) -> tuple[str, bool]:
    """Decode with the declared charset when there is one and it works, else detect.

    UTF-8 and Western declarations go through detection (which also catches mojibake and
    binary data); other declared charsets (windows-1251, koi8-r …) cannot be guessed from bytes.
    """
    match = re.search(r"charset=[\"']?([\w.:-]+)", content_type, re.I)
    charset = match.group(1).lower() if match else ""
    if charset and charset not in GUESSED_CHARSETS and b"\x00" not in data[:1024]:
        try:
            return data.decode(charset), False
        except (LookupError, UnicodeDecodeError):
            pass
    return decode_bytes(data, truncated=truncated)


GUESSED_CHARSETS = frozenset({"utf-8", "utf8", "us-ascii", "ascii", "iso-8859-1", "latin-1",
                              "latin1", "windows-1252", "cp1252", "utf-16", "utf-16le",
                              "utf-16be"})
META_CHARSET = re.compile(rb"<meta[^>]+charset=[\"']?([\w.:-]+)", re.I)


def _html_charset(data: bytes) -> str:
    """The charset an HTML page declares in its first bytes, as 'charset=NAME' or ''."""
    match = META_CHARSET.search(data[:4096])
    return f"charset={match.group(1).decode('ascii', 'ignore')}" if match else ""


# --- RSS / Atom ------------------------------------------------------------------------------


def _read_feed(path: str, published: str | None, max_bytes: int) -> Iterator[Item]:
    import feedparser

    data, _ = _read_capped(path, max_bytes)
    if not data.strip():
        yield IngestError(path, "empty file (no feed)")
        return
    feed = feedparser.parse(data)
    if not feed.entries:
        reason = feed.get("bozo_exception") if feed.get("bozo") else "no entries"
        yield IngestError(path, f"not an RSS/Atom feed ({reason})")
        return
    outlet = feed.feed.get("title")
    for number, entry in enumerate(feed.entries, start=1):
        yield _feed_entry(entry, path, number, outlet, published)


def _entry_date(entry: Any) -> str | None:
    parsed = entry.get("published_parsed") or entry.get("updated_parsed")
    return time.strftime("%Y-%m-%d", parsed) if parsed else None


def _feed_entry(entry: Any, path: str, number: int, outlet: str | None,
                published: str | None) -> Item:
    content = entry.get("content")
    body = (content[0].get("value") if content else None) or entry.get("summary") or ""
    title = " ".join((entry.get("title") or "").split()) or None
    if not body.strip() and not title:
        return IngestError(path, f"entry {number}: no content, summary or title")
    meta = {"url": entry.get("link"), "outlet": outlet, "title": title,
            "published": _entry_date(entry)}
    try:
        if "<" in body and looks_like_fragment(body):
            from lagebild.ingest.html import extract_html

            page = extract_html(f"<html><body>{body}</body></html>")
            body = page.text
        text = f"{title}\n\n{body}" if title and not body.startswith(title) else body
        return make_document(text, "text-only", path=path, meta=meta, published=published)
    except ValueError as exc:
        return IngestError(path, f"entry {number}: {exc}")


def looks_like_fragment(text: str) -> bool:
    return bool(re.search(r"</?(p|div|br|a|span|em|strong|b|i|img|ul|li|h\d)\b", text, re.I))


READERS.update({"jsonl": _read_jsonl, "warc": _read_warc, "feed": _read_feed})
