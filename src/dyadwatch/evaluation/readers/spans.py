"""Span sets: CoNLL BIO files (CAMEO source/target, re3d) and PTC technique spans."""

from __future__ import annotations

from pathlib import Path
from typing import Iterator

from ...errors import InputError
from ..items import Span, SpanDoc
from ._common import bio_spans, conll, lines, make_span, read_text


def _read_conll_spans(path: str | Path) -> Iterator[SpanDoc]:
    path = Path(path)
    for n, (line, tokens, tags) in enumerate(conll(path), 1):
        text, spans = bio_spans(tokens, tags)
        yield SpanDoc(f"{path.stem}-{n}", text, spans, meta={"line": line, "tokens": tokens})


def read_cameo_ner(path: str | Path) -> Iterator[SpanDoc]:
    """CAMEO source/target CoNLL -> SpanDoc per sentence; labels "S" (source actor), "T"
    (target) and "R" (reciprocal: both sides of a symmetric event). Text = tokens joined by
    single spaces; meta ``tokens``, ``line``. Ids "<file stem>-<sentence number>"."""
    return _read_conll_spans(path)


def read_re3d(path: str | Path) -> Iterator[SpanDoc]:
    """re3d CoNLL (ConfliBERT split; token<TAB>BIO tag, CRLF) -> SpanDoc per sentence with
    entity labels as in the data ("Organisation", "Person", ...). Text = tokens joined by
    single spaces; meta ``tokens``, ``line``."""
    return _read_conll_spans(path)


def read_ptc(path: str | Path) -> Iterator[SpanDoc]:
    """PTC datasets folder (``train-articles/articleNNN.txt``, ``train-task2-TC.labels``) ->
    SpanDoc per article (id = NNN, every article, spans sorted). Text is the file exactly as
    stored (two articles start with a BOM, which the offsets count). Technique labels as
    given ("Loaded_Language", "Name_Calling,Labeling", ...)."""
    path = Path(path)
    labels: dict[str, list[Span]] = {}
    texts: dict[str, str] = {}
    for art in sorted(path.glob("*-articles/article*.txt")):
        texts[art.stem.removeprefix("article")] = read_text(art)
    if not texts:
        raise InputError(f"no *-articles/article*.txt under {path}; pass the PTC datasets "
                         "folder", str(path))
    for lab in sorted(path.glob("*-task2-TC.labels")):
        for n, line in enumerate(lines(read_text(lab)), 1):
            if not line.strip():
                continue
            try:
                art, technique, start, end = line.split("\t")
                s, e = int(start), int(end)
                labels.setdefault(art, []).append(make_span(texts[art], s, e, technique))
            except (ValueError, KeyError) as err:
                raise InputError(f"{lab}:{n}: bad label line or unknown article: {line!r}",
                                 str(lab), n) from err
    for art, text in texts.items():
        spans = sorted(labels.get(art, []), key=lambda s: (s.start, s.end, s.label))
        yield SpanDoc(art, text, spans)
