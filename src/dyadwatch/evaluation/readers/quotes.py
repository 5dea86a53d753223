"""PolNeAR attributions (brat standoff) -> QuoteDoc."""

from __future__ import annotations

from pathlib import Path
from typing import Iterator

from ...errors import InputError
from ..items import GoldQuote, QuoteDoc
from ._common import lines, make_span, read_text

_ROLES = {"Content": "content", "Cue": "cue", "Source": "source"}


def _brat(path: Path) -> tuple[dict[str, tuple[str, list[tuple[int, int]]]],
                               list[list[tuple[str, str]]]]:
    """T lines {id: (type, fragments)} and E lines [[(role, T id), ...]] of one .ann file."""
    ts: dict[str, tuple[str, list[tuple[int, int]]]] = {}
    es: list[list[tuple[str, str]]] = []
    for n, line in enumerate(lines(read_text(path)), 1):
        fields = line.split("\t")
        try:
            if line.startswith("T"):
                kind, _, offsets = fields[1].partition(" ")
                frags = [(int(a), int(b)) for a, b in
                         (f.split() for f in offsets.split(";"))]
                ts[fields[0]] = (kind, frags)
            elif line.startswith("E"):
                es.append([arg.partition(":")[::2] for arg in fields[1].split()])
        except (IndexError, ValueError) as e:
            raise InputError(f"{path}:{n}: not a brat T/E line: {line[:60]!r}",
                             str(path), n) from e
    return ts, es


def read_polnear(path: str | Path, all_annotators: bool = False) -> Iterator[QuoteDoc]:
    """PolNeAR split folder (``text/*.txt``, ``attributions/<article>_<annotator>.ann``) ->
    QuoteDoc per article. Each brat E line (an attribution relation) gives one GoldQuote
    with its Content, Cue and Source spans (kind: "no-source" for Attribution-no-source,
    else None); relations without content are skipped. Discontinuous spans
    ("s e;s e") become one span from the first start to the last end; meta ``fragments``
    (one dict per quote: role -> [(start, end)]) keeps the exact pieces. Articles annotated
    by several annotators give the first annotator's file (sorted by id) unless
    ``all_annotators``; meta ``annotator``, ``annotators``."""
    path = Path(path)
    anns: dict[str, list[Path]] = {}
    for ann in sorted((path / "attributions").glob("*.ann")):
        anns.setdefault(ann.stem.rpartition("_")[0], []).append(ann)
    if not anns:
        raise InputError(f"no .ann files under {path / 'attributions'}; pass a PolNeAR "
                         "split folder such as polnear/data/dev", str(path))
    for article, files in anns.items():
        text = read_text(path / "text" / f"{article}.txt")
        annotators = [f.stem.rpartition("_")[2] for f in files]
        for ann in files if all_annotators else files[:1]:
            ts, es = _brat(ann)
            quotes, fragments = [], []
            for args in es:
                parts: dict[str, list[tuple[int, int]]] = {}
                for role, tid in args:
                    if role in _ROLES and tid in ts:
                        parts.setdefault(_ROLES[role], []).extend(ts[tid][1])
                if "content" not in parts:
                    continue
                spans = {r: make_span(text, min(s for s, _ in fr), max(e for _, e in fr), r)
                         for r, fr in parts.items()}
                kind = "no-source" if args[0][0] == "Attribution-no-source" else None
                quotes.append(GoldQuote(spans["content"], spans.get("cue"),
                                        spans.get("source"), kind))
                fragments.append({r: sorted(fr) for r, fr in parts.items()})
            annotator = ann.stem.rpartition("_")[2]
            yield QuoteDoc(f"{article}_{annotator}" if all_annotators else article, text,
                           quotes, meta={"article": article, "annotator": annotator,
                                         "annotators": annotators, "fragments": fragments})
