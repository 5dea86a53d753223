"""Helpers shared by the gold readers: file access with clear errors, spans, CoNLL/BIO."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any, Iterator, Optional

from ...errors import InputError
from ..items import Span

SENTIMENT = {"2.0": "negative", "4.0": "neutral", "6.0": "positive",  # NewsMTSC scale
             "negative": "negative", "neutral": "neutral", "positive": "positive"}


def read_text(path: Path) -> str:
    """The file's text exactly as stored (no newline translation, BOM kept)."""
    try:
        with open(path, encoding="utf-8", newline="") as f:
            return f.read()
    except FileNotFoundError:
        raise InputError(f"gold file {path} does not exist; check the gold root",
                         str(path)) from None
    except (OSError, UnicodeDecodeError) as e:
        raise InputError(f"cannot read gold file {path}: {e}", str(path)) from e


def lines(text: str) -> list[str]:
    """Lines split on "\n" only (``str.splitlines`` also splits on U+2028, form feeds and
    other characters that occur inside sentences), without a trailing "\r"."""
    return [line.removesuffix("\r") for line in text.split("\n")]


def read_json(path: Path) -> Any:
    try:
        return json.loads(read_text(path))
    except json.JSONDecodeError as e:
        raise InputError(f"{path} is not valid JSON ({e}); is it the right file?",
                         str(path), e.lineno) from e


def read_jsonl(path: Path) -> Iterator[tuple[int, dict]]:
    for n, line in enumerate(lines(read_text(path)), 1):
        if not line.strip():
            continue
        try:
            yield n, json.loads(line)
        except json.JSONDecodeError as e:
            raise InputError(f"{path}:{n} is not a JSON object ({e})", str(path), n) from e


def make_span(text: str, start: int, end: int, label: str) -> Span:
    return Span(start, end, label, text[start:end])


def find_near(text: str, needle: Optional[str], anchor: tuple[int, int] = (0, 0),
              outside: bool = False) -> Optional[tuple[int, int]]:
    """The occurrence of ``needle`` in ``text`` closest to the ``anchor`` span (preferring
    ones outside it when ``outside``), or None."""
    if not needle:
        return None
    hits, i = [], text.find(needle)
    while i >= 0:
        hits.append(i)
        i = text.find(needle, i + 1)
    if not hits:
        return None
    a0, a1 = anchor

    def key(s: int) -> tuple[int, int]:
        e = s + len(needle)
        inside = s < a1 and e > a0
        return (int(outside and inside), 0 if inside else min(abs(s - a1), abs(a0 - e)))

    best = min(hits, key=key)
    return best, best + len(needle)


def bio_spans(tokens: list[str], tags: list[str]) -> tuple[str, list[Span]]:
    """Sentence text (tokens joined by single spaces) and the spans of its BIO tags.
    An I- tag that does not continue a span of the same label starts a new one."""
    text = " ".join(tokens)
    spans: list[Span] = []
    pos, cur = 0, None  # cur = [start, end, label]
    for tok, tag in zip(tokens, tags):
        start, end = pos, pos + len(tok)
        pos = end + 1
        prefix, _, label = tag.partition("-")
        if prefix == "I" and cur and cur[2] == label:
            cur[1] = end
            continue
        if cur:
            spans.append(make_span(text, *cur))
            cur = None
        if prefix in ("B", "I") and label:
            cur = [start, end, label]
    if cur:
        spans.append(make_span(text, *cur))
    return text, spans


def conll(path: Path) -> Iterator[tuple[int, list[str], list[str]]]:
    """(first line number, tokens, tags) per sentence of a CoNLL file: one "token tag" a
    line (tab or space separated, the tag last), a blank line between sentences."""
    tokens: list[str] = []
    tags: list[str] = []
    first = 0
    for n, line in enumerate(lines(read_text(path)), 1):
        if not line.strip():
            if tokens:
                yield first, tokens, tags
            tokens, tags = [], []
            continue
        parts = line.split("\t") if "\t" in line else line.rsplit(" ", 1)
        if len(parts) != 2 or not parts[0]:
            raise InputError(f"{path}:{n}: expected 'token<TAB or space>tag', got {line!r}",
                             str(path), n)
        if not tokens:
            first = n
        tokens.append(parts[0])
        tags.append(parts[1].strip())
    if tokens:
        yield first, tokens, tags


RANGE = re.compile(r"^\s*(-?[\d.]+(?:e-?\d+)?)\s*-\s*(-?[\d.]+(?:e-?\d+)?)\s*$")


def to_value(raw: Any) -> tuple[float, Optional[tuple[float, float]]]:
    """A gold value as float, and (low, high) when it is a range "a-b" (value = a)."""
    if isinstance(raw, (int, float)):
        return float(raw), None
    try:
        return float(str(raw).replace(",", "")), None
    except ValueError:
        m = RANGE.match(str(raw))
        if not m:
            raise
        lo, hi = float(m.group(1)), float(m.group(2))
        return lo, (lo, hi)


def blank_none(value: Any) -> Any:
    return None if value in ("-", "", None) else value
