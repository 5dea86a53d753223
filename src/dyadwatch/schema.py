"""The records dyadwatch produces, and the single source of truth for their fields.

Every other representation is derived from the dataclasses here: the JSON lines of the
record contract (``Article.to_dict``), the database tables (``TABLES`` and ``columns_of``),
the CSV and Parquet exports and, later, the web API.

The field names of the record contract in PRODUCT.md are a public interface: fields may be
added, never renamed or dropped. ``tests/test_schema.py`` guards that.

A field whose metadata says ``transient=True`` lives only while an article is in the
pipeline (the spaCy ``Doc``, the MinHash signature) and is never serialised.
"""

from __future__ import annotations

import dataclasses
import json
import types
import typing
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, Optional, Union

SCHEMA_VERSION = "1"

MODALITIES = ("asserted", "negated", "future", "hypothetical", "historical")
STANCE_LABELS = ("critical", "neutral", "favourable")
QUOTE_KINDS = ("direct", "indirect", "mixed", "partial")


def _transient(default: Any = None) -> Any:
    return field(default=default, repr=False, compare=False, metadata={"transient": True})


@dataclass(slots=True)
class Mention:
    """One place in the clean text where an actor is named."""

    start: int
    end: int
    text: str


@dataclass(slots=True)
class Actor:
    """An actor an article talks about, with every mention of it."""

    id: str
    name: str
    code: Optional[str] = None  # ISO 3166 alpha-3 or a PLOVER code (IGO, UNO, EUR, NGO, MNC ...)
    sector: Optional[str] = None  # GOV, MIL, BUS, EDU, MED, JRN, LEG, JUD, SPY, REB, CVL ...
    kind: Optional[str] = None  # state, person, organisation, company
    office: Optional[str] = None
    mentions: list[Mention] = field(default_factory=list)
    role: Optional[str] = None  # the role word that described it ("analyst", "troops")
    affiliation: Optional[str] = None  # the organisation a person spoke for
    basis: Optional[str] = None  # how `code` was decided: dictionary, context or article


@dataclass(slots=True)
class ActorRef:
    """A reference to an actor inside an event: a list element, never a glued code."""

    code: Optional[str] = None
    sector: Optional[str] = None
    name: Optional[str] = None


@dataclass(slots=True)
class Event:
    """One PLOVER event with its evidence span."""

    id: str
    event: str
    mode: Optional[str] = None
    contexts: list[str] = field(default_factory=list)
    actor: list[ActorRef] = field(default_factory=list)
    recipient: list[ActorRef] = field(default_factory=list)
    modality: str = "asserted"
    attributed_to: Optional[str] = None
    date: Optional[str] = None
    location: Optional[str] = None
    score: Optional[float] = None
    confidence: Optional[float] = None
    sentence: Optional[int] = None
    start: Optional[int] = None
    end: Optional[int] = None
    evidence: Optional[str] = None
    date_basis: Optional[str] = None  # "text" (a date in the sentence) or "published"
    modality_cue: Optional[str] = None  # the word that decided the modality
    reported_by: list[str] = field(default_factory=list)  # every reporter, nearest first
    date_precision: Optional[str] = None  # day, week, month, quarter, half, year, decade
    # character offsets of the mention of each actor / recipient this event was read from
    # (aligned with `actor` / `recipient`; None where the party is not named in the sentence)
    actor_spans: list[Optional[list[int]]] = field(default_factory=list)
    recipient_spans: list[Optional[list[int]]] = field(default_factory=list)


@dataclass(slots=True)
class Speaker:
    name: Optional[str] = None
    code: Optional[str] = None
    sector: Optional[str] = None
    affiliation: Optional[str] = None
    role: Optional[str] = None
    # person, organisation, state, anonymous ("a source familiar with ..."), collective
    # ("experts", "senior US officials") or document ("the report")
    kind: Optional[str] = None
    actor_id: Optional[str] = None  # the id of the speaker's record in `actors`, if any
    mention: Optional[str] = None  # the words naming the speaker at the cue ("he", "Dr X")


@dataclass(slots=True)
class Quote:
    text: str
    kind: str = "direct"  # direct, indirect, mixed, partial (docs/RECORDS.md)
    speaker: Optional[Speaker] = None
    cue: Optional[str] = None
    start: Optional[int] = None
    end: Optional[int] = None
    # [start, end] of each piece when the content is cut by its own cue ("Trade, the
    # study says, grew ..."); empty for one piece
    parts: list[list[int]] = field(default_factory=list)
    cue_start: Optional[int] = None
    cue_end: Optional[int] = None
    cue_kind: Optional[str] = None  # speech, written, thought, finding
    speaker_start: Optional[int] = None  # the words naming the speaker at the cue
    speaker_end: Optional[int] = None
    sentence: Optional[int] = None  # index of the sentence the quote starts in
    continued: bool = False  # takes its speaker and cue from the quote before it


@dataclass(slots=True)
class Claim:
    text: str
    value: Optional[float] = None
    unit: Optional[str] = None
    qualifier: Optional[str] = None
    measure: Optional[str] = None
    period: Optional[str] = None
    actors: list[str] = field(default_factory=list)
    attributed_to: Optional[str] = None
    start: Optional[int] = None
    end: Optional[int] = None
    # --- added fields (docs/RECORDS.md, "Claims") ---
    kind: Optional[str] = None  # money, percent, multiple, count, duration, measure, number
    unit_text: Optional[str] = None  # the unit or currency as written ("bn roubles", "%")
    low: Optional[float] = None  # a range's ends ("5 to 10", "tens of thousands")
    high: Optional[float] = None
    per: Optional[str] = None  # a rate's denominator ("$10 per gram" -> gram)
    qualifier_text: Optional[str] = None  # the qualifier as written ("nearly")
    change: Optional[str] = None  # increase, decrease, or None
    change_role: Optional[str] = None  # amount, from, to
    change_id: Optional[str] = None  # the same id links the ends of one change
    period_precision: Optional[str] = None  # day, week, month, quarter, half, year, ...
    measure_start: Optional[int] = None  # character offsets of `measure` in the text
    measure_end: Optional[int] = None
    sentence: Optional[int] = None  # index of the sentence in `Article.sentences`
    evidence: Optional[str] = None  # the sentence's text


@dataclass(slots=True)
class HeldStance:
    """A quoted or reporting holder's stance towards an actor (not the outlet's voice)."""

    holder: Optional[str] = None  # the holder's name as written or resolved
    holder_id: Optional[str] = None  # its record in `actors`, if any
    holder_code: Optional[str] = None
    score: float = 0.0
    label: str = "neutral"
    evidence: list[str] = field(default_factory=list)
    spans: list[list[int]] = field(default_factory=list)  # [start, end] of each evidence


@dataclass(slots=True)
class Stance:
    """The article's own (outlet's) tone towards one actor it discusses (docs/RECORDS.md)."""

    actor: str  # the actor's id in `actors`
    score: float = 0.0
    label: str = "neutral"
    evidence: list[str] = field(default_factory=list)
    # --- added fields (docs/RECORDS.md, "Stance") ---
    name: Optional[str] = None
    code: Optional[str] = None
    sector: Optional[str] = None
    kind: Optional[str] = None
    salience: list[str] = field(default_factory=list)  # why it counts as discussed
    includes: list[str] = field(default_factory=list)  # actor ids rolled up into a state
    spans: list[list[int]] = field(default_factory=list)  # [start, end] of each evidence
    sentences: list[int] = field(default_factory=list)  # sentence index of each evidence
    counts: dict[str, int] = field(default_factory=dict)  # sentences, critical, favourable
    attributed: list[HeldStance] = field(default_factory=list)  # quoted holders' stances


@dataclass(slots=True)
class Marker:
    """A persuasion technique (SemEval-2020 Task 11 names) at a span of the text."""

    technique: str
    start: int
    end: int
    text: str
    cue: Optional[str] = None  # the cue words or the rule that found it
    sentence: Optional[int] = None


@dataclass(slots=True)
class Framing:
    """An article's genre and persuasion markers (stage ``stance``)."""

    genre: str = "news"  # news, analysis, opinion
    genre_scores: dict[str, float] = field(default_factory=dict)
    signals: dict[str, float] = field(default_factory=dict)  # the measures genre used
    persuasion: list[Marker] = field(default_factory=list)


@dataclass(slots=True)
class Cluster:
    """The same event or claim across articles (filled by ``dyadwatch.crossdoc``;
    docs/RECORDS.md, "Clusters")."""

    id: str
    kind: str  # "event" or "claim"
    label: Optional[str] = None
    members: list[str] = field(default_factory=list)  # "article_id#idx" of each member
    sources: list[str] = field(default_factory=list)  # outlets (article id when unknown)
    first_seen: Optional[str] = None  # earliest publication (else event) date of a member
    size: int = 0  # members, syndicated copies included
    # --- added fields (crossdoc) ---
    corroboration: int = 0  # distinct original articles: syndicated copies count once
    actor: list[str] = field(default_factory=list)  # codes (event clusters)
    recipient: list[str] = field(default_factory=list)
    event: Optional[str] = None  # PLOVER type of the first member
    quad: Optional[str] = None
    mode: Optional[str] = None  # most frequent mode among members
    modality: Optional[str] = None  # asserted (asserted/historical), negated, future, hypothetical
    contexts: list[str] = field(default_factory=list)
    score: Optional[float] = None  # PLOVER cooperation-conflict score of type (and mode)
    date_start: Optional[str] = None  # earliest / latest member date (event date, else published)
    date_end: Optional[str] = None
    evidence: Optional[str] = None  # the first member's evidence sentence
    evidence_article: Optional[str] = None
    measure: Optional[str] = None  # claim clusters: what is measured, unit, period
    unit: Optional[str] = None
    period: Optional[str] = None
    values: list[float] = field(default_factory=list)  # distinct values given
    agreement: Optional[str] = None  # claim clusters: single, agree or conflict
    version: Optional[str] = None  # the crossdoc settings version that built it


@dataclass(slots=True)
class ClusterMember:
    """One event or claim record of one article in a cluster."""

    id: str  # cluster_id:article_id:idx
    cluster_id: str
    kind: str
    article_id: str
    pipeline_version: str
    idx: int  # index into the article's events or claims
    source: Optional[str] = None
    published: Optional[str] = None
    date: Optional[str] = None
    duplicate_of: Optional[str] = None  # the article's original when it is a syndicated copy
    similarity: Optional[float] = None  # to the cluster's closest earlier member
    modality: Optional[str] = None
    value: Optional[float] = None  # claims
    evidence: Optional[str] = None
    start: Optional[int] = None  # evidence span in the article's text
    end: Optional[int] = None
    seq: int = 0  # order of assignment (clusters are built in this order)


@dataclass(slots=True)
class Contradiction:
    """Two sources that cannot both be right, each with its evidence (crossdoc)."""

    id: str
    kind: str  # event (asserted vs negated), figure (conflicting values), characterisation
    label: Optional[str] = None  # event type, measure or aspect
    dyad: list[str] = field(default_factory=list)  # actor codes concerned
    reason: Optional[str] = None  # one sentence saying why the two disagree
    similarity: Optional[float] = None  # of the two evidence sentences
    a_article: Optional[str] = None
    a_source: Optional[str] = None
    a_published: Optional[str] = None
    a_evidence: Optional[str] = None  # the sentence
    a_start: Optional[int] = None  # the sentence's span in the article's text
    a_end: Optional[int] = None
    a_mark: list[int] = field(default_factory=list)  # [start, end] inside a_evidence to highlight
    a_says: Optional[str] = None  # what this side says: "asserted", "negated", "12.5 USD" ...
    b_article: Optional[str] = None
    b_source: Optional[str] = None
    b_published: Optional[str] = None
    b_evidence: Optional[str] = None
    b_start: Optional[int] = None
    b_end: Optional[int] = None
    b_mark: list[int] = field(default_factory=list)
    b_says: Optional[str] = None


@dataclass(slots=True)
class CleaningStep:
    """A line the cleaning stage took out of the body, and why."""

    text: str
    reason: str  # boilerplate rule name, "repeated-paragraph", "title", "date-line", ...


@dataclass(slots=True)
class Article:
    """One article as it flows through the pipeline; ``to_dict`` gives the record contract."""

    # --- the record contract (PRODUCT.md) ---
    id: str
    source: Optional[str] = None
    url: Optional[str] = None
    title: Optional[str] = None
    published: Optional[str] = None  # YYYY-MM-DD
    language: Optional[str] = None
    text: str = ""
    removed: list[str] = field(default_factory=list)
    actors: list[Actor] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    stance: list[Stance] = field(default_factory=list)
    # --- added fields ---
    framing: Optional[Framing] = None  # genre and persuasion markers (stage stance)
    author: Optional[str] = None
    dateline: Optional[str] = None
    input_path: Optional[str] = None
    raw_hash: Optional[str] = None  # hash of the text as read: the key for resuming a run
    content_hash: Optional[str] = None  # hash of the normalised clean text: exact duplicates
    duplicate_of: Optional[str] = None  # id of the first-seen article this one copies
    duplicate_similarity: Optional[float] = None
    sentences: list[list[int]] = field(default_factory=list)  # [start, end] of each sentence
    cleaning: list[CleaningStep] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    metadata: dict[str, Any] = field(default_factory=dict)
    pipeline_version: Optional[str] = None
    # --- transient: only while in the pipeline ---
    doc: Any = _transient()
    signature: Any = _transient()
    error: Any = _transient()

    def to_dict(self) -> dict[str, Any]:
        return to_plain(self)

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "Article":
        return from_plain(cls, data)


@dataclass(slots=True)
class ErrorRecord:
    """An input or an article that could not be processed."""

    path: Optional[str]
    reason: str
    article_id: Optional[str] = None
    stage: Optional[str] = None
    line: Optional[int] = None
    run_id: Optional[str] = None


@dataclass(slots=True)
class DyadRow:
    """One directed actor -> recipient pair of one event: the unit the relationship monitor
    aggregates. Derived from ``Article.events`` when an article is stored (``dyad_rows``);
    an event with n actors and m recipients gives n x m rows (n rows, recipient null, when
    it has none). Kept flat and indexed so a dyad's events are found without reading JSON.
    """

    article_id: str
    pipeline_version: str
    event_idx: int
    event_id: str
    event: str
    actor_code: Optional[str] = None
    actor_sector: Optional[str] = None
    recipient_code: Optional[str] = None
    recipient_sector: Optional[str] = None
    mode: Optional[str] = None
    modality: Optional[str] = None
    date: Optional[str] = None
    score: Optional[float] = None
    confidence: Optional[float] = None
    source: Optional[str] = None
    published: Optional[str] = None
    duplicate_of: Optional[str] = None


def dyad_rows(art: "Article") -> list[DyadRow]:
    rows = []
    version = art.pipeline_version or ""
    for i, ev in enumerate(art.events):
        recipients = ev.recipient or [ActorRef()]
        for a in ev.actor or [ActorRef()]:
            for r in recipients:
                rows.append(DyadRow(art.id, version, i, ev.id, ev.event, a.code, a.sector,
                                    r.code, r.sector, ev.mode, ev.modality,
                                    ev.date or art.published, ev.score, ev.confidence,
                                    art.source, art.published, art.duplicate_of))
    return rows


# --------------------------------------------------------------------------------------
# Contract: the fields of the JSON lines that other tools read.

CONTRACT: dict[str, tuple[str, ...]] = {
    "article": ("id", "source", "url", "title", "published", "language", "text", "removed",
                "actors", "events", "quotes", "claims", "stance"),
    "actor": ("id", "name", "code", "sector", "kind", "office", "mentions"),
    "mention": ("start", "end", "text"),
    "event": ("id", "event", "mode", "contexts", "actor", "recipient", "modality",
              "attributed_to", "date", "location", "score", "confidence", "sentence", "start",
              "end", "evidence"),
    "actor_ref": ("code", "sector", "name"),
    "quote": ("text", "kind", "speaker", "cue", "start", "end"),
    "speaker": ("name", "code", "sector", "affiliation", "role"),
    "claim": ("text", "value", "unit", "qualifier", "measure", "period", "actors",
              "attributed_to", "start", "end"),
    "stance": ("actor", "score", "label", "evidence"),
}
CONTRACT_CLASSES: dict[str, type] = {
    "article": Article, "actor": Actor, "mention": Mention, "event": Event,
    "actor_ref": ActorRef, "quote": Quote, "speaker": Speaker, "claim": Claim, "stance": Stance,
}


# --------------------------------------------------------------------------------------
# Plain (JSON-ready) conversion, driven by the dataclass fields.

def persisted_fields(cls: type) -> list[dataclasses.Field]:
    return [f for f in dataclasses.fields(cls) if not f.metadata.get("transient")]


_SCALARS = (str, int, float, bool, type(None))
# Persisted field names per record class (None: not a record), filled on first sight.
_NAMES: dict[type, tuple[str, ...] | None] = {}


def _names(cls: type) -> tuple[str, ...] | None:
    if cls not in _NAMES:
        _NAMES[cls] = (tuple(f.name for f in persisted_fields(cls))
                       if dataclasses.is_dataclass(cls) else None)
    return _NAMES[cls]


def to_plain(obj: Any) -> Any:
    """Turn a record (and everything inside it) into dicts, lists and scalars."""
    if isinstance(obj, _SCALARS):
        return obj
    if isinstance(obj, (list, tuple)):
        return [to_plain(v) for v in obj]
    if isinstance(obj, dict):
        return {str(k): to_plain(v) for k, v in obj.items()}
    names = _names(type(obj))
    if names is not None:
        return {n: to_plain(getattr(obj, n)) for n in names}
    return obj


_HINTS: dict[type, dict[str, Any]] = {}


def _hints(cls: type) -> dict[str, Any]:
    if cls not in _HINTS:
        _HINTS[cls] = typing.get_type_hints(cls)
    return _HINTS[cls]


def _unwrap_optional(tp: Any) -> Any:
    origin = typing.get_origin(tp)
    if origin in (Union, types.UnionType):
        args = [a for a in typing.get_args(tp) if a is not type(None)]
        if len(args) == 1:
            return args[0]
    return tp


def _convert(tp: Any, value: Any) -> Any:
    if value is None:
        return None
    tp = _unwrap_optional(tp)
    if dataclasses.is_dataclass(tp) and isinstance(value, dict):
        return from_plain(tp, value)
    if typing.get_origin(tp) is list and isinstance(value, list):
        (item_tp,) = typing.get_args(tp) or (Any,)
        return [_convert(item_tp, v) for v in value]
    return value


def from_plain(cls: type, data: dict[str, Any]) -> Any:
    """Rebuild a record from its plain form; unknown keys are ignored."""
    hints = _hints(cls)
    kwargs = {}
    for f in persisted_fields(cls):
        if f.name in data:
            kwargs[f.name] = _convert(hints[f.name], data[f.name])
    return cls(**kwargs)


# --------------------------------------------------------------------------------------
# Tables: how each record is laid out in the store and in flat exports.

@dataclass(frozen=True)
class TableSpec:
    name: str
    record: type
    article_field: Optional[str]  # the Article list this table holds, None for articles itself


TABLES: dict[str, TableSpec] = {
    "articles": TableSpec("articles", Article, None),
    "actors": TableSpec("actors", Actor, "actors"),
    "events": TableSpec("events", Event, "events"),
    "quotes": TableSpec("quotes", Quote, "quotes"),
    "claims": TableSpec("claims", Claim, "claims"),
    "stance": TableSpec("stance", Stance, "stance"),
    # across articles (dyadwatch.crossdoc; rebuilt or extended after each analysis)
    "clusters": TableSpec("clusters", Cluster, None),
    "cluster_members": TableSpec("cluster_members", ClusterMember, None),
    "contradictions": TableSpec("contradictions", Contradiction, None),
}
CHILD_TABLES = tuple(name for name, spec in TABLES.items() if spec.article_field)
# The Article fields that have a table of their own and so are not columns of ``articles``.
ARTICLE_LIST_FIELDS = {spec.article_field for spec in TABLES.values() if spec.article_field}


def sql_type(tp: Any) -> str:
    """The SQLite column type for a field annotation; structured values are JSON text."""
    tp = _unwrap_optional(tp)
    if tp is bool or tp is int:
        return "INTEGER"
    if tp is float:
        return "REAL"
    if tp is str:
        return "TEXT"
    return "JSON"


@lru_cache(maxsize=None)
def _columns(spec: TableSpec) -> tuple[tuple[str, str], ...]:
    return tuple(_columns_uncached(spec))


def columns_of(spec: TableSpec) -> list[tuple[str, str]]:
    """(column, type) pairs of a table, derived from the record's fields."""
    return list(_columns(spec))


def _columns_uncached(spec: TableSpec) -> list[tuple[str, str]]:
    hints = _hints(spec.record)
    cols: list[tuple[str, str]] = []
    if spec.article_field:
        cols += [("article_id", "TEXT"), ("pipeline_version", "TEXT"), ("idx", "INTEGER")]
    for f in persisted_fields(spec.record):
        if spec.article_field is None and f.name in ARTICLE_LIST_FIELDS:
            continue
        cols.append((f.name, sql_type(hints[f.name])))
    return cols


def row_of_plain(spec: TableSpec, plain: dict[str, Any], prefix: tuple = ()) -> tuple:
    """A record, in its plain form (``to_plain``), as a row of its table; structured
    fields become JSON text."""
    values = list(prefix)
    for name, kind in _columns(spec)[len(prefix):]:
        value = plain.get(name)
        if kind == "JSON":
            value = json.dumps(value, ensure_ascii=False)
        elif isinstance(value, bool):
            value = int(value)
        values.append(value)
    return tuple(values)
