"""Bytes to text: encoding detection, binary detection, hashing and whitespace normalisation."""

from __future__ import annotations

import codecs
import hashlib
import re
import unicodedata

from ..errors import UnsupportedInput

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Control characters that never occur in text (tab, newline, carriage return, form feed
# and escape are allowed).
_CONTROL = bytes(b for b in range(32) if b not in (9, 10, 12, 13, 27))


def looks_binary(sample: bytes) -> bool:
    """True for data that is not text in any 8-bit or UTF-8 encoding (NUL or control bytes)."""
    if not sample:
        return False
    if b"\x00" in sample:
        return True
    bad = sum(sample.count(bytes([b])) for b in _CONTROL)
    return bad / len(sample) > 0.01


def decode_bytes(data: bytes, path: str | None = None) -> tuple[str, str]:
    """Decode ``data``; returns (text, encoding). Raises UnsupportedInput for binary data.

    UTF-8 (and BOM-marked UTF-16/32) first; otherwise charset-normalizer's best guess. A
    guess is reported in the encoding name so the caller can record it.
    """
    for bom, enc in _BOMS:
        if data.startswith(bom):
            return data.decode(enc), enc
    if looks_binary(data[:65536]):
        raise UnsupportedInput(
            "file is binary, not text; give .txt, .html, .json, .jsonl or .csv files", path)
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    western = _as_western(data)
    if western is not None:
        return western, "cp1252"
    from charset_normalizer import from_bytes

    best = from_bytes(data[:1_000_000]).best()
    if best is None or best.encoding is None:
        raise UnsupportedInput(
            "cannot tell the text encoding (not UTF-8 and no other encoding fits); "
            "convert the file to UTF-8", path)
    enc = best.encoding
    return data.decode(enc, errors="replace"), enc


def _as_western(data: bytes) -> str | None:
    """Windows-1252 text (a superset of Latin-1's printable range), if the bytes read as
    mostly-ASCII text in it.

    News in English and other Western European languages that is not UTF-8 is nearly always
    Windows-1252 or Latin-1: words are mostly ASCII with an accented letter here and there.
    Text in another script (Cyrillic, Greek) decoded this way turns into whole words of
    accented Latin letters, and is left to charset-normalizer's detection instead.
    """
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        return None
    tokens = [w for w in re.findall(r"[^\W\d_]{2,}", text)]
    if not tokens:
        return None
    foreign = sum(1 for w in tokens if all(ord(ch) > 127 for ch in w))
    return text if foreign / len(tokens) <= 0.2 else None


def sha1_16(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8", "surrogatepass")).hexdigest()[:16]


_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_ZERO_WIDTH = re.compile(r"[\u200b\u200c\u200d\u2060\ufeff\u00ad]")


def normalise_text(text: str) -> str:
    """NFC, unified newlines, no zero-width characters, runs of spaces folded, lines stripped."""
    text = unicodedata.normalize("NFC", text)
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n")
    text = text.replace("\u2029", "\n\n").replace("\f", "\n")
    text = _ZERO_WIDTH.sub("", text)
    lines = [_SPACES.sub(" ", line).strip() for line in text.split("\n")]
    return "\n".join(lines).strip()


_WORD = re.compile(r"\w+", re.UNICODE)


def words(text: str) -> list[str]:
    return _WORD.findall(text.lower())


def content_key(text: str) -> str:
    """Hash of the words of ``text``: equal for copies that differ only in spacing or case."""
    return sha1_16(" ".join(words(text)))
