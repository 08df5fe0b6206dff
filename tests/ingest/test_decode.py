"""Decoding: BOMs, UTF-16 with and without BOM, Windows-1256, and the reasons for failure."""

from __future__ import annotations

import codecs

import pytest

from rasad.ingest import DecodeError, decode_bytes

ARABIC = "انسحبت القوات من القاعدة العسكرية في شمال شرق البلاد يوم الجمعة."


@pytest.mark.parametrize(
    "data",
    [
        ARABIC.encode("utf-8"),
        codecs.BOM_UTF8 + ARABIC.encode("utf-8"),
        ARABIC.encode("utf-16"),
        ARABIC.encode("utf-16-le"),
        ARABIC.encode("utf-16-be"),
        ARABIC.encode("cp1256"),
    ],
    ids=["utf8", "utf8-bom", "utf16-bom", "utf16le-nobom", "utf16be-nobom", "cp1256"],
)
def test_decodes_arabic_in_every_supported_encoding(data: bytes) -> None:
    text, _ = decode_bytes(data)
    assert text.lstrip("\ufeff") == ARABIC


def test_cp1256_is_named_as_such() -> None:
    _, encoding = decode_bytes(ARABIC.encode("cp1256"))
    assert encoding.replace("_", "").lower() in ("cp1256", "windows1256")


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "empty"),
        (b"  \n\t ", "empty"),
        (bytes(range(256)) * 8, "binary"),
        (b"\x89PNG\r\n\x1a\n" + b"\x00" * 64, "binary"),
        (codecs.BOM_UTF16_LE + ARABIC.encode("utf-16-le")[:-1], "undecodable"),
    ],
    ids=["empty", "blank", "bytes", "png", "truncated-utf16"],
)
def test_bad_bytes_give_a_reason(data: bytes, reason: str) -> None:
    with pytest.raises(DecodeError, match=reason):
        decode_bytes(data)
