"""Quantity sets: NewsQuant (CQE evaluation) and quantulum3's test fixtures."""

from __future__ import annotations

from pathlib import Path
from typing import Iterator

from ..items import GoldQuantity, QuantityDoc
from ._common import blank_none, read_json, to_value


def read_newsquant(path: str | Path) -> Iterator[QuantityDoc]:
    """NewsQuant JSON list -> QuantityDoc per sentence (ids "newsquant-<n>"). ``unit`` is
    the gold's normalized_unit ("-" -> None); ``change`` as given (=, ~, >, <, up, down);
    ``measure`` = referred_concepts. No surface text or offsets in the data. A range value
    "a-b" gives value a and meta ``ranges`` {index: (a, b)}; meta ``raw`` keeps the gold
    quantities (surface ``unit`` included) in the same order."""
    path = Path(path)
    for n, rec in enumerate(read_json(path), 1):
        quantities, ranges = [], {}
        for i, q in enumerate(rec.get("quantities") or []):
            value, rng = to_value(q["value"])
            if rng:
                ranges[i] = rng
            quantities.append(GoldQuantity(value, blank_none(q.get("normalized_unit")),
                                           change=blank_none(q.get("change")),
                                           measure=blank_none(q.get("referred_concepts"))))
        yield QuantityDoc(f"newsquant-{n}", rec["text"], quantities,
                          meta={"raw": rec.get("quantities") or [], "ranges": ranges})


def read_quantulum3(path: str | Path) -> Iterator[QuantityDoc]:
    """quantulum3 test fixtures ``[{req, res: [{value, unit, surface, ...}]}]`` ->
    QuantityDoc per sentence (ids "<file stem>-<n>"). Surface offsets are found in ``req``
    left to right. Units are quantulum3 names as given ("dimensionless" included); meta
    ``raw`` keeps entity/uncertainty/dimensions."""
    path = Path(path)
    name = path.name.removesuffix(".json")
    for n, rec in enumerate(read_json(path), 1):
        text, pos, quantities = rec["req"], 0, []
        for q in rec.get("res") or []:
            surface = q.get("surface")
            start = text.find(surface, pos) if surface else -1
            if surface and start < 0:
                start = text.find(surface)
            found = start >= 0
            if found:
                pos = start + len(surface)
            quantities.append(GoldQuantity(float(q["value"]), q.get("unit"), surface,
                                           start if found else None,
                                           start + len(surface) if found else None))
        meta = {"raw": rec.get("res") or []}
        if rec.get("comment"):
            meta["comment"] = rec["comment"]
        yield QuantityDoc(f"{name}-{n}", text, quantities, meta=meta)
