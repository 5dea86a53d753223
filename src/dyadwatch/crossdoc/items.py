"""The records the cross-article stage compares, flattened: one ``EventItem`` per event and
one ``ClaimItem`` per claim of the latest stored version of each article.

Read either straight from the store's tables (``event_items(store)``: no article JSON is
parsed, so 100k articles load in seconds) or from ``Article`` objects in memory
(``items_from_articles``: tests, the Python API). Both give the same items in the same
order: article order (first stored first), then the record's index.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Iterable, Optional

from ..datafiles import package_text, tsv_rows
from ..schema import Article

# The article of each id written last (the latest pipeline version), in storage order.
_LATEST = ("SELECT a.rowid AS seq, a.id, a.pipeline_version, a.source, a.published, "
           "a.duplicate_of, a.title FROM articles a WHERE a.rowid = (SELECT max(rowid) "
           "FROM articles b WHERE b.id = a.id)")


@dataclass(slots=True)
class ArticleInfo:
    id: str
    version: str
    source: Optional[str]
    published: Optional[str]
    duplicate_of: Optional[str]
    title: Optional[str] = None
    seq: int = 0

    @property
    def outlet(self) -> str:
        """The outlet, or the article id when the outlet is unknown (each unknown-outlet
        article counts as a source of its own)."""
        return self.source or self.id

    @property
    def original(self) -> str:
        """The article this one copies, or itself: syndicated copies share an original."""
        return self.duplicate_of or self.id


@dataclass(slots=True)
class EventItem:
    art: ArticleInfo
    idx: int
    event: str
    mode: Optional[str]
    modality: str
    actor: tuple[str, ...]
    recipient: tuple[str, ...]
    contexts: tuple[str, ...] = ()
    date: Optional[str] = None
    score: Optional[float] = None
    confidence: Optional[float] = None
    attributed_to: Optional[str] = None
    evidence: str = ""
    start: Optional[int] = None
    end: Optional[int] = None
    modality_cue: Optional[str] = None
    sentence: Optional[int] = None
    core: str = ""  # the words from the first to the last of trigger, actors, recipients
    core_span: tuple = ()  # [start, end) of those words inside `evidence`

    @property
    def when(self) -> Optional[str]:
        """The event's date if it has a day-like one, else its article's publication date."""
        return _day(self.date) or self.art.published


@dataclass(slots=True)
class ClaimItem:
    art: ArticleInfo
    idx: int
    text: str
    value: Optional[float]
    unit: Optional[str]
    kind: Optional[str]
    qualifier: Optional[str]
    measure: Optional[str]
    period: Optional[str]
    actors: tuple[str, ...] = ()
    low: Optional[float] = None
    high: Optional[float] = None
    change: Optional[str] = None
    change_role: Optional[str] = None
    attributed_to: Optional[str] = None
    evidence: str = ""
    start: Optional[int] = None
    end: Optional[int] = None
    sentence_start: Optional[int] = None
    extra: dict = field(default_factory=dict)


def _day(date: Optional[str]) -> Optional[str]:
    if not date or len(date) < 7 or not date[:4].isdigit():
        return None
    if len(date) == 7 and date[4] == "-":
        return date + "-01"
    if len(date) >= 10 and date[4] == "-" and date[7] == "-":
        return date[:10]
    return None


def _codes(refs) -> tuple[str, ...]:
    out = []
    for r in refs or ():
        code = r.get("code") if isinstance(r, dict) else getattr(r, "code", None)
        if code and code not in out:
            out.append(code)
    return tuple(out)


def _j(value):
    return json.loads(value) if isinstance(value, str) else value


@lru_cache(maxsize=1)
def country_names() -> dict[str, str]:
    """ISO alpha-3 code -> the short English name (actors/data/countries.tsv)."""
    return {r["code"]: r["name"] for r in tsv_rows(package_text("actors/data/countries.tsv"))
            if r.get("code") and r.get("name")}


def core_text(evidence: str, sentence_start: Optional[int], trigger: tuple,
              parties: list[tuple[Optional[list], Optional[str]]]) -> tuple[str, tuple]:
    """The part of the evidence from the first to the last of the event's trigger, actor
    and recipient mentions, each mention replaced by its state's name: the event without
    the rest of its sentence and without metonyms ("no evidence has emerged that Beijing
    has sent weapons to Moscow, and experts say ..." -> "China has sent weapons to
    Russia"), so that two reports of one act compare as alike. ``parties`` are
    ``(span, code)`` pairs. The whole sentence when spans are unknown or give fewer than
    four words. Returns the text and its span in the evidence (empty for the sentence)."""
    if sentence_start is None or trigger[0] is None:
        return evidence, ()
    spans = [(sp[0] - sentence_start, sp[1] - sentence_start, code)
             for sp, code in parties if sp and sp[0] is not None]
    points = [(trigger[0] - sentence_start, trigger[1] - sentence_start)] + \
        [(a, b) for a, b, _ in spans]
    lo, hi = min(p[0] for p in points), max(p[1] for p in points)
    if lo < 0 or hi > len(evidence) or len(evidence[lo:hi].split()) < 4:
        return evidence, ()
    names = country_names()
    out, pos = [], lo
    for a, b, code in sorted(set(spans)):
        if a < pos or code not in names:
            continue
        out += [evidence[pos:a], names[code]]
        pos = b
    out.append(evidence[pos:hi])
    return "".join(out), (lo, hi)


def _parties(refs, spans) -> list[tuple[Optional[list], Optional[str]]]:
    refs = refs or []
    spans = spans or []
    out = []
    for i, ref in enumerate(refs):
        code = ref.get("code") if isinstance(ref, dict) else getattr(ref, "code", None)
        out.append((spans[i] if i < len(spans) else None, code))
    return out


def articles_info(store) -> dict[tuple[str, str], ArticleInfo]:
    out = {}
    for r in store.con.execute(_LATEST + " ORDER BY a.rowid"):
        out[(r["id"], r["pipeline_version"])] = ArticleInfo(
            r["id"], r["pipeline_version"], r["source"], r["published"], r["duplicate_of"],
            r["title"], r["seq"])
    return out


def event_items(store, infos: dict | None = None) -> list[EventItem]:
    infos = infos if infos is not None else articles_info(store)
    rows = store.con.execute(
        "SELECT e.article_id, e.pipeline_version, e.idx, e.event, e.mode, e.modality, e.actor, "
        "e.recipient, e.contexts, e.date, e.score, e.confidence, e.attributed_to, e.evidence, "
        "e.start, e.end, e.modality_cue, e.sentence, e.actor_spans, e.recipient_spans, "
        "(SELECT json_extract(a.sentences, '$[' || e.sentence || '][0]') FROM articles a "
        " WHERE a.id = e.article_id AND a.pipeline_version = e.pipeline_version) "
        "FROM events e")
    out = []
    for r in rows:
        art = infos.get((r[0], r[1]))
        if art is None:
            continue  # an older pipeline version
        evidence = r[13] or ""
        core, span = core_text(evidence, r[20], (r[14], r[15]),
                               _parties(_j(r[6]), _j(r[18])) + _parties(_j(r[7]), _j(r[19])))
        out.append(EventItem(art, r[2], r[3], r[4], r[5] or "asserted", _codes(_j(r[6])),
                             _codes(_j(r[7])), tuple(_j(r[8]) or ()), r[9], r[10], r[11],
                             r[12], evidence, r[14], r[15], r[16], r[17], core, span))
    out.sort(key=lambda it: (it.art.seq, it.idx))
    return out


def claim_items(store, infos: dict | None = None) -> list[ClaimItem]:
    infos = infos if infos is not None else articles_info(store)
    rows = store.con.execute(
        "SELECT article_id, pipeline_version, idx, text, value, unit, kind, qualifier, measure, "
        "period, actors, low, high, change, change_role, attributed_to, evidence, start, end "
        "FROM claims")
    out = []
    for r in rows:
        art = infos.get((r[0], r[1]))
        if art is None:
            continue
        out.append(ClaimItem(art, r[2], r[3], r[4], r[5], r[6], r[7], r[8], r[9],
                             tuple(_j(r[10]) or ()), r[11], r[12], r[13], r[14], r[15],
                             r[16] or "", r[17], r[18]))
    out.sort(key=lambda it: (it.art.seq, it.idx))
    return out


def items_from_articles(articles: Iterable[Article]
                        ) -> tuple[list[ArticleInfo], list[EventItem], list[ClaimItem]]:
    infos: list[ArticleInfo] = []
    events: list[EventItem] = []
    claims: list[ClaimItem] = []
    for seq, a in enumerate(articles, 1):
        info = ArticleInfo(a.id, a.pipeline_version or "", a.source, a.published,
                           a.duplicate_of, a.title, seq)
        infos.append(info)
        for i, e in enumerate(a.events):
            s0 = (a.sentences[e.sentence][0] if e.sentence is not None
                  and 0 <= e.sentence < len(a.sentences) else None)
            core, span = core_text(e.evidence or "", s0, (e.start, e.end),
                             _parties(e.actor, e.actor_spans)
                             + _parties(e.recipient, e.recipient_spans))
            events.append(EventItem(info, i, e.event, e.mode, e.modality or "asserted",
                                    _codes(e.actor), _codes(e.recipient), tuple(e.contexts),
                                    e.date, e.score, e.confidence, e.attributed_to,
                                    e.evidence or "", e.start, e.end, e.modality_cue,
                                    e.sentence, core, span))
        for i, c in enumerate(a.claims):
            claims.append(ClaimItem(info, i, c.text, c.value, c.unit, c.kind, c.qualifier,
                                    c.measure, c.period, tuple(c.actors), c.low, c.high,
                                    c.change, c.change_role, c.attributed_to,
                                    c.evidence or "", c.start, c.end))
    return infos, events, claims
