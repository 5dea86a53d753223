"""What the gold readers produce: one small record type per kind of gold data.

Every reader in ``evaluation.readers`` yields items of one of these types, so that the
tasks and scorers never see a file format. Character offsets index into ``text``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Optional


@dataclass(slots=True)
class Span:
    start: int
    end: int
    label: str
    text: str = ""


@dataclass(slots=True)
class SpanDoc:
    """A text with labelled spans: entities (re3d, CAMEO source/target), persuasion
    techniques (PTC), attribution parts (PolNeAR content/cue/source)."""

    id: str
    text: str
    spans: list[Span] = field(default_factory=list)
    links: list[tuple[int, int, str]] = field(default_factory=list)  # (span i, span j, relation)
    meta: dict[str, Any] = field(default_factory=dict)


@dataclass(slots=True)
class LabeledText:
    """A text with one label, optionally towards a target (CAMEO class, NewsMTSC, PerSenT)."""

    id: str
    text: str
    label: str
    target: Optional[str] = None
    target_spans: list[tuple[int, int]] = field(default_factory=list)
    meta: dict[str, Any] = field(default_factory=dict)


@dataclass(slots=True)
class GoldActor:
    text: str
    code: Optional[str] = None
    sector: Optional[str] = None


@dataclass(slots=True)
class GoldEvent:
    event: str  # PLOVER 2.0 name (old names mapped by the reader)
    actor: list[GoldActor] = field(default_factory=list)
    recipient: list[GoldActor] = field(default_factory=list)
    mode: Optional[str] = None
    modality: Optional[str] = None
    attributed_to: Optional[str] = None
    contexts: list[str] = field(default_factory=list)
    location: Optional[str] = None
    date: Optional[str] = None
    start: Optional[int] = None
    end: Optional[int] = None


@dataclass(slots=True)
class EventDoc:
    """A text with its coded events (PLOVER GSR, the project's own gold)."""

    id: str
    text: str
    events: list[GoldEvent] = field(default_factory=list)
    published: Optional[str] = None
    meta: dict[str, Any] = field(default_factory=dict)


@dataclass(slots=True)
class GoldQuantity:
    value: float
    unit: Optional[str] = None
    text: Optional[str] = None  # surface form
    start: Optional[int] = None
    end: Optional[int] = None
    change: Optional[str] = None  # "=", "up", "down", "~", ... as the gold gives it
    measure: Optional[str] = None


@dataclass(slots=True)
class QuantityDoc:
    """A text with its quantities (NewsQuant, quantulum3 tests, own gold claims)."""

    id: str
    text: str
    quantities: list[GoldQuantity] = field(default_factory=list)
    meta: dict[str, Any] = field(default_factory=dict)


@dataclass(slots=True)
class GoldQuote:
    content: Span
    cue: Optional[Span] = None
    source: Optional[Span] = None
    kind: Optional[str] = None


@dataclass(slots=True)
class QuoteDoc:
    """A text with its attributions (PolNeAR, own gold quotes)."""

    id: str
    text: str
    quotes: list[GoldQuote] = field(default_factory=list)
    meta: dict[str, Any] = field(default_factory=dict)


@dataclass(slots=True)
class ClaimPair:
    """Two claims and how they relate (ClaimDiff)."""

    id: str
    a: str
    b: str
    label: str
    meta: dict[str, Any] = field(default_factory=dict)
