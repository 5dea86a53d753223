"""PLOVER gold-standard records (JSON array, inline markup) -> EventDoc."""

from __future__ import annotations

import difflib
import re
from pathlib import Path
from typing import Any, Iterator, Optional

from ...errors import InputError
from ..items import EventDoc, GoldActor, GoldEvent
from ._common import read_json

# PLOVER 0.5b1 event names (PLOVER GSR) -> PLOVER 2.0 (event, mode it implies).
PLOVER_2_0: dict[str, tuple[str, Optional[str]]] = {
    "DEMAND": ("REQUEST", None),
    "DISAPPROVE": ("ACCUSE", "disapprove"),
    "INVESTIGATE": ("ACCUSE", "investigate"),
    "FIGHT": ("ASSAULT", None),
}

_MARK = re.compile(r"\((SRC/TAR|SRC/LOC|SRC|TAR|EVT|LOC):\s?")


def _strip_markup(markup: str) -> tuple[str, list[tuple[int, int, str]]]:
    """Plain text and (start, end, tag) spans of PLOVER's inline markup "(EVT: agreed)".
    Tags nest; a literal "(" keeps its ")"; a stray ")" stays text; "}" closes a tag (a typo
    in the data); a tag never closed is dropped."""
    out: list[str] = []
    stack: list[tuple[Optional[str], int]] = []
    spans: list[tuple[int, int, str]] = []
    pos = i = 0
    while i < len(markup):
        m = _MARK.match(markup, i)
        if m:
            stack.append((m.group(1), pos))
            i = m.end()
            continue
        ch = markup[i]
        i += 1
        if ch == "(":
            stack.append((None, pos))
        elif (ch == ")" and stack) or (ch == "}" and stack and stack[-1][0]):
            tag, start = stack.pop()
            if tag:
                spans.append((start, pos, tag))
                continue
        out.append(ch)
        pos += 1
    return "".join(out), sorted(spans)


def _markup_spans(markup: str, text: str) -> list[tuple[int, int, str]]:
    """Markup spans as offsets into ``text``. The markup's plain text differs from ``text``
    in a few records (typos); offsets are then carried over by a character alignment."""
    plain, spans = _strip_markup(markup)
    if plain != text:
        cmap = [0] * (len(plain) + 1)
        sm = difflib.SequenceMatcher(None, plain, text, autojunk=False)
        for _, i1, i2, j1, j2 in sm.get_opcodes():
            for k in range(i1, i2 + 1):
                cmap[k] = j1 + min(k - i1, j2 - j1)
        spans = [(cmap[s], cmap[e], t) for s, e, t in spans]
    out = []
    for s, e, tag in spans:
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if s < e:
            out.append((s, e, tag))
    return out


def _actors(value: Any) -> list[GoldActor]:
    if not isinstance(value, list):  # missing, None or "" (no recipient)
        return []
    return [GoldActor(a.get("actorText") or a.get("name") or "", a.get("code") or None,
                      a.get("sector") or None) for a in value if isinstance(a, dict)]


def read_plover_gsr(path: str | Path) -> Iterator[EventDoc]:
    """PLOVER GSR JSON array -> one EventDoc (one event) per coded sentence.

    Events use PLOVER 2.0 names (``PLOVER_2_0``); meta keeps ``event_original``,
    ``mode_original``, ``eventText``, ``date`` (always 2000-01-01 in this set, so not put on
    the event), ``comment``, ``size``/``dead``/``injured``, ``reciprocal`` (SRC/TAR markup:
    the actors act on each other; the recipient list is then usually empty),
    ``markup_spans`` [(start, end, tag)] and ``trigger_spans`` (the EVT pieces). The event's
    start/end run from the first EVT piece to the last. Ids are the record ids; a repeated
    id gets "#2" (meta ``record_id`` keeps the original)."""
    path = Path(path)
    records = read_json(path)
    if not isinstance(records, list):
        raise InputError(f"{path}: expected a JSON array of PLOVER records", str(path))
    seen: dict[str, int] = {}
    for rec in records:
        if rec.get("event") == "DOCUMENT" or "text" not in rec:
            continue
        seen[rec["id"]] = k = seen.get(rec["id"], 0) + 1
        doc_id = rec["id"] if k == 1 else f"{rec['id']}#{k}"  # the dev file repeats one id
        text, old = rec["text"], rec["event"]
        event, implied_mode = PLOVER_2_0.get(old, (old, None))
        info = rec.get("textInfo")
        markup = info.get("markup") if isinstance(info, dict) else info
        spans = _markup_spans(markup, text) if markup else []
        trig = [(s, e) for s, e, tag in spans if tag == "EVT"]
        loc = rec.get("eventLoc")
        ctx = rec.get("context") or ""
        ctx = ctx if isinstance(ctx, list) else [c.strip() for c in ctx.split(",")]
        ev = GoldEvent(
            event=event, actor=_actors(rec.get("source")),
            recipient=_actors(rec.get("target")),
            mode=implied_mode or rec.get("mode") or None,
            contexts=[c for c in ctx if c],
            location=(loc.get("name") if isinstance(loc, dict) else loc) or None,
            start=trig[0][0] if trig else None, end=trig[-1][1] if trig else None)
        meta = {"record_id": rec["id"], "event_original": old, "mode_original": rec.get("mode"),
                "reciprocal": any(tag == "SRC/TAR" for _, _, tag in spans),
                "markup_spans": spans, "trigger_spans": trig}
        for key in ("eventText", "date", "comment", "size", "dead", "injured", "version"):
            if key in rec:
                meta[key] = rec[key]
        if isinstance(loc, dict) and loc.get("country code"):
            meta["location_country"] = loc["country code"]
        yield EventDoc(doc_id, text, [ev], meta=meta)
