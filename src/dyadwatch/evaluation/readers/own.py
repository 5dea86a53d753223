"""The project's own gold (tests/gold/relations.jsonl): events, quotes, claims.

One JSON object a line: id, text, published, events [{event, mode, actor: [{code, sector,
name}], recipient, modality, attributed_to, date, location, start, end, evidence}], quotes
[{text, kind, speaker: {name, code, sector, affiliation, role}, cue, start, end}], claims
[{text, value, unit, qualifier, measure, period, actors, attributed_to, start, end}].
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any, Iterator, Optional

from ..items import (EventDoc, GoldActor, GoldEvent, GoldQuantity, GoldQuote, QuantityDoc, QuoteDoc, Span, SpanDoc)
from ._common import find_near, make_span, read_jsonl, to_value

log = logging.getLogger(__name__)

# The project's own gold lives in the repository (tests/gold), not under the gold root;
# an absolute default path makes ``Path(root) / default_path`` point at it.
OWN_GOLD = Path(__file__).resolve().parents[4] / "tests" / "gold" / "relations.jsonl"


def _name(value: Any) -> Optional[str]:
    if isinstance(value, dict):
        return value.get("name") or value.get("text")
    return value or None


def _offsets(text: str, rec: dict, surface: Optional[str], where: str
             ) -> tuple[Optional[int], Optional[int]]:
    """start/end of a gold record; found from ``surface`` when missing. Logs a mismatch."""
    start, end = rec.get("start"), rec.get("end")
    if start is None or end is None:
        found = find_near(text, surface)
        return found if found else (None, None)
    if surface and text[start:end] != surface:
        log.warning("%s: text[%s:%s] is %r, not %r", where, start, end, text[start:end],
                    surface)
    return start, end


def _own_actors(value: Any) -> list[GoldActor]:
    value = value if isinstance(value, list) else [value] if value else []
    return [GoldActor(a.get("name") or a.get("text") or "", a.get("code"), a.get("sector"))
            if isinstance(a, dict) else GoldActor(str(a)) for a in value]


def read_own_events(path: str | Path = OWN_GOLD) -> Iterator[EventDoc]:
    """Own gold JSONL -> EventDoc per article with its events. Event offsets from
    start/end (else found from ``evidence``); meta ``evidence`` (one per event)."""
    path = Path(path)
    for n, rec in read_jsonl(path):
        text, events, evidence = rec["text"], [], []
        for ev in rec.get("events") or []:
            start, end = _offsets(text, ev, ev.get("evidence"), f"{path}:{n} event")
            events.append(GoldEvent(
                ev["event"], _own_actors(ev.get("actor")), _own_actors(ev.get("recipient")),
                ev.get("mode") or None, ev.get("modality"), _name(ev.get("attributed_to")),
                list(ev.get("contexts") or []), _name(ev.get("location")), ev.get("date"),
                start, end))
            evidence.append(ev.get("evidence"))
        yield EventDoc(str(rec["id"]), text, events, rec.get("published"),
                       meta={"evidence": evidence})


def read_own_quotes(path: str | Path = OWN_GOLD) -> Iterator[QuoteDoc]:
    """Own gold JSONL -> QuoteDoc per article. Content span from start/end (else found from
    the quote text); source = the speaker's name and cue = the cue, each found in the text
    at the occurrence nearest the content (outside it if possible; None if absent); kind as
    given. Meta ``speakers`` (the speaker objects: name, code, sector, affiliation, role)."""
    path = Path(path)
    for n, rec in read_jsonl(path):
        text, quotes, speakers = rec["text"], [], []
        for q in rec.get("quotes") or []:
            start, end = _offsets(text, q, q.get("text"), f"{path}:{n} quote")
            if start is None:
                log.warning("%s:%s: quote %r not found in the text; skipped", path, n,
                            (q.get("text") or "")[:40])
                continue
            speaker = q.get("speaker") if isinstance(q.get("speaker"), dict) else \
                {"name": q.get("speaker")}
            found = {role: find_near(text, needle, (start, end), outside=True)
                     for role, needle in (("source", speaker.get("name")),
                                          ("cue", q.get("cue")))}
            src, cue = (make_span(text, *found[r], r) if found[r] else None
                        for r in ("source", "cue"))
            quotes.append(GoldQuote(make_span(text, start, end, "content"), cue, src,
                                    q.get("kind")))
            speakers.append(speaker)
        yield QuoteDoc(str(rec["id"]), text, quotes, meta={"speakers": speakers})


def read_own_claims(path: str | Path = OWN_GOLD) -> Iterator[QuantityDoc]:
    """Own gold JSONL -> QuantityDoc per article: value, unit, text, start/end (else found
    from the text), change = ``qualifier``, measure. Claims without a numeric value are
    left out of ``quantities``; meta ``claims`` keeps every claim as given (period, actors,
    attributed_to ...)."""
    path = Path(path)
    for n, rec in read_jsonl(path):
        text, quantities = rec["text"], []
        for c in rec.get("claims") or []:
            try:
                value, _ = to_value(c.get("value"))
            except (TypeError, ValueError):
                continue
            start, end = _offsets(text, c, c.get("text"), f"{path}:{n} claim")
            quantities.append(GoldQuantity(value, c.get("unit"), c.get("text"), start, end,
                                           c.get("qualifier"), c.get("measure")))
        yield QuantityDoc(str(rec["id"]), text, quantities,
                          meta={"claims": rec.get("claims") or []})


def read_own_actors(path: Path) -> Iterator[SpanDoc]:
    """tests/gold/actors.jsonl: each mention a span labelled with its code ("-" for none);
    the full mention records (sector, kind, name) and the non-actor places in ``meta``."""
    for _, rec in read_jsonl(Path(path)):
        spans = [Span(m["start"], m["end"], m.get("code") or "-", m["text"])
                 for m in rec["mentions"]]
        yield SpanDoc(rec["id"], rec["text"], spans,
                      meta={"published": rec.get("published"), "mentions": rec["mentions"],
                            "not_actors": rec.get("not_actors", [])})
