"""Bytes -> text: BOMs, UTF-8, UTF-16 and Windows-1256, detected; problems as one-line reasons."""

from __future__ import annotations

import codecs
import logging
import re

log = logging.getLogger(__name__)

_BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# Control characters that never occur in text; a few of them mean the file is binary.
_BINARY_BYTES = frozenset(range(0, 9)) | {11, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31}
_TEXT_BYTES = bytes(b for b in range(256) if b not in _BINARY_BYTES)
_BINARY_SHARE = 0.01  # more than 1% control bytes in the first 4 KiB is not text
_UTF16_HIGH_SHARE = 0.7  # share of high bytes in {0x00, 0x06} on one parity that marks UTF-16 text


_CONTROL_RE = re.compile("[\x00-\x08\x0e-\x1f]")


class DecodeError(ValueError):
    """The bytes are not text rasad can read; the message is the one-line reason."""


def _looks_binary(data: bytes) -> bool:
    head = data[:4096]
    if b"\x00" in head:
        return True
    controls = len(head.translate(None, _TEXT_BYTES))  # deleting every text byte leaves the controls
    return controls > _BINARY_SHARE * len(head)


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 without a BOM: the high byte of each unit is 0x00 (ASCII) or 0x06 (Arabic) almost always."""
    head = data[:4096]
    if len(head) < 4:
        return None
    even, odd = head[0::2], head[1::2]
    even_high = (even.count(0) + even.count(6)) / len(even)
    odd_high = (odd.count(0) + odd.count(6)) / len(odd)
    if odd_high > _UTF16_HIGH_SHARE and even_high < 1 - _UTF16_HIGH_SHARE:
        return "utf-16-le"
    if even_high > _UTF16_HIGH_SHARE and odd_high < 1 - _UTF16_HIGH_SHARE:
        return "utf-16-be"
    return None


def _decode_with(data: bytes, encoding: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise DecodeError(f"undecodable as {encoding} at byte {exc.start}") from exc


def decode_bytes(data: bytes) -> tuple[str, str]:
    """Decode ``data`` to text; returns (text, encoding) or raises ``DecodeError`` with the reason."""
    if not data.strip():
        raise DecodeError("empty file")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _decode_with(data[len(bom):], encoding), encoding
    utf16 = _utf16_without_bom(data)
    if utf16:
        text = _decode_with(data, utf16)
        if _CONTROL_RE.search(text[:4096]):
            raise DecodeError("binary file, not text")
        return text, utf16
    if _looks_binary(data):
        raise DecodeError("binary file, not text")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    return _decode_legacy(data)


def _decode_legacy(data: bytes) -> tuple[str, str]:
    """Not UTF-8: ask charset-normalizer, preferring the Arabic code page when it is plausible."""
    from charset_normalizer import from_bytes

    best = from_bytes(data, cp_isolation=["cp1256", "iso8859_6", "cp1252", "latin_1"]).best()
    if best is None:
        raise DecodeError("undecodable: not UTF-8, UTF-16 or a known Arabic code page")
    text = str(best)
    if "\ufffd" in text:
        raise DecodeError(f"undecodable: replacement characters after decoding as {best.encoding}")
    log.debug("decoded as %s", best.encoding)
    return text, best.encoding
