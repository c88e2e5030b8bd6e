"""Bytes to text: encoding detection, binary rejection, mojibake repair only where detected."""

from __future__ import annotations

import codecs
import re

import ftfy
from ftfy.badness import is_bad

# Magic numbers of files that are certainly not text.
MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF87a", "GIF image"),
    (b"GIF89a", "GIF image"),
    (b"%PDF", "PDF document"),
    (b"PK\x03\x04", "ZIP archive"),
    (b"\x1f\x8b", "gzip data"),
    (b"\x7fELF", "executable"),
    (b"RIFF", "RIFF media"),
    (b"OggS", "Ogg media"),
    (b"ID3", "MP3 audio"),
    (b"BM", "BMP image"),
)
CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")

# Only the encoding fixes: quotes, widths, line breaks and Unicode normalisation stay as given,
# because the spec says `text` changes nowhere but where mojibake was found.
FTFY_CONFIG = ftfy.TextFixerConfig(
    unescape_html=False,
    remove_terminal_escapes=False,
    fix_encoding=True,
    restore_byte_a0=True,
    replace_lossy_sequences=True,
    decode_inconsistent_utf8=True,
    fix_c1_controls=True,
    fix_latin_ligatures=False,
    fix_character_width=False,
    uncurl_quotes=False,
    fix_line_breaks=False,
    fix_surrogates=True,
    remove_control_chars=False,
    normalization=None,
    explain=False,
)


class DecodeError(ValueError):
    """The bytes are not text (binary file) or cannot be decoded."""


def _utf16_without_bom(data: bytes) -> str | None:
    head = data[:400]
    if len(head) < 4:
        return None
    even_nuls = head[0::2].count(0) / max(1, len(head[0::2]))
    odd_nuls = head[1::2].count(0) / max(1, len(head[1::2]))
    if odd_nuls > 0.4 and even_nuls < 0.05:
        return "utf-16-le"
    if even_nuls > 0.4 and odd_nuls < 0.05:
        return "utf-16-be"
    return None


def _decode_utf16(data: bytes, codec: str) -> str:
    if len(data) % 2:
        data = data[:-1]  # a cap may cut a code unit in half
    return data.decode(codec, errors="replace")


def _decode_utf8(data: bytes, truncated: bool) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        # A byte cap may cut the last character; anything else is not UTF-8.
        if truncated and exc.start >= len(data) - 3 and exc.reason == "unexpected end of data":
            return data[: exc.start].decode("utf-8")
        raise


def _decode_8bit(data: bytes) -> str:
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError:
        return data.decode("latin-1")  # cp1252 leaves five bytes undefined; latin-1 has all


def decode_bytes(data: bytes, *, truncated: bool = False) -> tuple[str, bool]:
    """Decode ``data``; returns the text and whether mojibake was repaired.

    Raises DecodeError for binary data (known magic numbers, NUL bytes, many control bytes).
    """
    if data.startswith(codecs.BOM_UTF8):
        text = _decode_utf8(data[3:], truncated)
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        codec = "utf-16-le" if data.startswith(codecs.BOM_UTF16_LE) else "utf-16-be"
        text = _decode_utf16(data[2:], codec)
    elif (codec16 := _utf16_without_bom(data)) is not None:
        text = _decode_utf16(data, codec16)
    else:
        for magic, kind in MAGIC:
            if data.startswith(magic) and (kind != "BMP image" or b"\x00" in data[:64]):
                raise DecodeError(f"binary file ({kind}), not text")
        if b"\x00" in data:
            raise DecodeError("binary file (contains NUL bytes), not text")
        try:
            text = _decode_utf8(data, truncated)
        except UnicodeDecodeError:
            text = _decode_8bit(data)
    sample = text[:20000]
    if sample and len(CONTROL.findall(sample)) > max(8, len(sample) // 50):
        raise DecodeError("binary file (control bytes), not text")
    return repair_mojibake(text)


def repair_mojibake(text: str) -> tuple[str, bool]:
    """ftfy's encoding repair, applied only when mojibake is detected."""
    if not is_bad(text):
        return text, False
    fixed = ftfy.fix_text(text, config=FTFY_CONFIG)
    return fixed, fixed != text
