"""Opaque keyset cursors: stable pages under concurrent inserts, no OFFSET scans."""

from __future__ import annotations

import base64
import json
from typing import Any

MAX_PAGE = 200
DEFAULT_PAGE = 50


class CursorError(ValueError):
    """A cursor that was not produced by this API."""


def encode_cursor(key: list[Any]) -> str:
    raw = json.dumps(key, separators=(",", ":")).encode("utf-8")
    return base64.urlsafe_b64encode(raw).decode("ascii").rstrip("=")


def decode_cursor(cursor: str | None) -> list[Any] | None:
    if not cursor:
        return None
    try:
        padded = cursor + "=" * (-len(cursor) % 4)
        key = json.loads(base64.urlsafe_b64decode(padded.encode("ascii")))
    except (ValueError, UnicodeError) as exc:
        raise CursorError("invalid cursor") from exc
    if not isinstance(key, list) or len(key) != 2 or not isinstance(key[0], str) \
            or not isinstance(key[1], int | str) or isinstance(key[1], bool):
        raise CursorError("invalid cursor")
    if isinstance(key[1], int) and not 0 <= key[1] < 2**63:  # not a database id
        raise CursorError("invalid cursor")
    return key


def clamp_limit(limit: int | None) -> int:
    if limit is None:
        return DEFAULT_PAGE
    return max(1, min(MAX_PAGE, limit))
