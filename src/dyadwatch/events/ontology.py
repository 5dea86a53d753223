"""The PLOVER event ontology, loaded once from ``events/data``.

| file | what it gives |
|---|---|
| plover.toml | the 16 PLOVER 2.0 event types (quad class, score, definition, modes), |
| | the contexts, old type names, quad class -> CAMEO PentaClass |
| cameo2plover.tsv | CAMEO code -> PLOVER event, mode, context |

Both files start with a comment block saying where their facts come from.

    >>> onto = load_ontology()
    >>> onto.normalise("DEMAND")
    ('REQUEST', None)
    >>> onto.plover_of_cameo("042")
    CameoMapping(event='CONSULT', mode='visit', context=())
    >>> onto.cameo_class(None), onto.cameo_class("ASSAULT")
    (0, 4)

Old type names (DEMAND, DISAPPROVE, INVESTIGATE, FIGHT) are accepted everywhere a type name
is and are turned into their PLOVER 2.0 name; an unknown name raises ``ConfigError``.
"""

from __future__ import annotations

import math
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from types import MappingProxyType
from typing import Mapping, NamedTuple, Optional

from ..errors import ConfigError
from ..datafiles import package_text, tsv_reader

QUADS = ("verbal_cooperation", "material_cooperation", "verbal_conflict", "material_conflict")
TSV_COLUMNS = ["cameo", "event", "mode", "context", "note"]


@dataclass(frozen=True)
class Mode:
    name: str
    definition: str
    score: Optional[float] = None  # None: the mode takes its event type's score
    source: str = "manual"


@dataclass(frozen=True)
class EventType:
    name: str
    quad: str
    score: float
    definition: str
    modes: Mapping[str, Mode]


class CameoMapping(NamedTuple):
    event: str
    mode: Optional[str]
    context: tuple[str, ...]


@dataclass(frozen=True)
class Ontology:
    version: int
    types: Mapping[str, EventType]
    contexts: Mapping[str, str]  # general and special contexts of the manual
    special_contexts: frozenset[str]
    table_only_contexts: Mapping[str, str]  # used by the CAMEO table only
    renamed: Mapping[str, tuple[str, Optional[str]]]  # old name -> (event, mode)
    mode_aliases: Mapping[str, Mapping[str, str]]  # event -> old mode -> mode
    quad_class: Mapping[str, int]  # quad -> CAMEO PentaClass; "none" -> 0
    cameo: Mapping[str, CameoMapping]  # CAMEO code (with leading zero) -> PLOVER
    cameo_dropped: frozenset[str]  # CAMEO codes PLOVER drops (01, 02)

    # ------------------------------------------------------------------ names

    def normalise(self, name: str, mode: Optional[str] = None) -> tuple[str, Optional[str]]:
        """(PLOVER 2.0 event, mode) for a type name, old or new, in any case.

        An old name that became a mode (DISAPPROVE -> ACCUSE/disapprove) gives that mode
        unless ``mode`` is given. Modes are matched case-insensitively against the type's
        modes and old mode names (``host`` -> ``visit``); a mode the ontology does not know is
        returned as given (stripped), an empty one as None.
        """
        if not isinstance(name, str) or not name.strip():
            raise ConfigError(f"event type {name!r} is not a name: {self._expected()}")
        key = name.strip().upper()
        given = mode.strip() if isinstance(mode, str) and mode.strip() else None
        if key in self.types:
            event = key
        elif key in self.renamed:
            event, new_mode = self.renamed[key]
            given = given or new_mode
        else:
            raise ConfigError(f"unknown PLOVER event type {name!r}: {self._expected()}")
        if given is None:
            return event, None
        aliases = self.mode_aliases.get(event, {})
        given = aliases.get(given, aliases.get(given.lower(), given))
        for known in self.types[event].modes:
            if known.lower() == given.lower():
                return event, known
        return event, given

    def _expected(self) -> str:
        return (f"use one of {', '.join(self.types)} (old names "
                f"{', '.join(sorted(self.renamed))} are also accepted)")

    def event_type(self, name: str) -> EventType:
        return self.types[self.normalise(name)[0]]

    # ------------------------------------------------------------------ scales

    def quad(self, event: str) -> str:
        """verbal_cooperation, material_cooperation, verbal_conflict or material_conflict."""
        return self.event_type(event).quad

    def score(self, event: str, mode: Optional[str] = None) -> float:
        """Score, -10 (conflict) to +10 (cooperation): the mode's if it has one, else the type's."""
        name, mode = self.normalise(event, mode)
        etype = self.types[name]
        found = etype.modes.get(mode) if mode else None
        if found is not None and found.score is not None:
            return found.score
        return etype.score

    def cameo_class(self, event: Optional[str]) -> int:
        """ConfliBERT's 5-way CAMEO PentaClass: 0 no event, 1-4 the quad classes."""
        if event is None or (isinstance(event, str) and not event.strip()):
            return self.quad_class["none"]
        return self.quad_class[self.quad(event)]

    # ------------------------------------------------------------------ CAMEO

    def plover_of_cameo(self, code: str | int) -> Optional[CameoMapping]:
        """PLOVER (event, mode, context) for a CAMEO event code, or None.

        None for codes PLOVER drops (01x, 02x) and for what is not a CAMEO code. A code
        missing from the table falls back to its 3-digit, then 2-digit, prefix ("0315" ->
        "031", "047" -> "04"). Give codes as strings with their leading zero ("042"); a code
        that lost it (the int 42, "311") is read as 2-digit root if it is 1-20, else as the
        3- or 4-digit code with a leading zero put back where it must have had one (42 -> "042",
        311 -> "0311", but 205 stays under root 20).
        """
        key = self._cameo_key(code)
        if key is None:
            return None
        for size in (4, 3, 2):
            if len(key) < size:
                continue
            prefix = key[:size]
            if prefix in self.cameo_dropped:
                return None
            if prefix in self.cameo:
                return self.cameo[prefix]
        return None

    def _cameo_key(self, code: str | int) -> Optional[str]:
        if isinstance(code, bool):
            return None
        if isinstance(code, int):
            text = str(code) if code >= 0 else ""
        elif isinstance(code, str):
            text = code.strip()
        else:
            return None
        if not (text.isascii() and text.isdigit()) or len(text) > 4:
            return None
        if text in self.cameo or text in self.cameo_dropped or text.startswith("0"):
            return text
        number = int(text)
        if number <= 20 and len(text) <= 2:
            return f"{number:02d}"
        if len(text) == 2 or (len(text) == 3 and int(text[:2]) > 20):
            return "0" + text
        return text


# ---------------------------------------------------------------------- loading


def _data(name: str) -> str:
    try:
        return package_text(f"events/data/{name}")
    except FileNotFoundError as exc:
        raise ConfigError(f"the ontology data file events/data/{name} is missing: "
                          f"reinstall dyadwatch") from exc


@lru_cache(maxsize=1)
def load_ontology() -> Ontology:
    """The ontology from the packaged plover.toml and cameo2plover.tsv (read once)."""
    return parse_ontology(_data("plover.toml"), _data("cameo2plover.tsv"))


def parse_ontology(toml_text: str, tsv_text: str) -> Ontology:
    """Build and check an Ontology from the two files' text; ConfigError if inconsistent."""
    try:
        data = tomllib.loads(toml_text)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"plover.toml is not valid TOML: {exc}") from exc

    def fail(message: str):
        raise ConfigError(f"plover.toml: {message}")

    types: dict[str, EventType] = {}
    for name, spec in (data.get("event") or {}).items():
        quad = spec.get("quad")
        if quad not in QUADS:
            fail(f"event {name}: quad {quad!r} is not one of {', '.join(QUADS)}")
        score = _score(spec.get("score"), f"event {name}", fail)
        if score is None:
            fail(f"event {name} has no score")
        modes = {}
        for mode, mspec in (spec.get("modes") or {}).items():
            if not isinstance(mspec, dict) or not mspec.get("definition"):
                fail(f"event {name}, mode {mode}: needs a definition")
            modes[mode] = Mode(mode, mspec["definition"],
                               _score(mspec.get("score"), f"{name}.{mode}", fail),
                               mspec.get("source", "manual"))
        if not spec.get("definition"):
            fail(f"event {name} has no definition")
        types[name] = EventType(name, quad, score, spec["definition"], MappingProxyType(modes))
    if not types:
        fail("no [event.NAME] tables")

    contexts = dict(data.get("contexts") or {})
    special = frozenset(data.get("special_contexts") or ())
    if not special <= contexts.keys():
        fail(f"special contexts {sorted(special - contexts.keys())} have no definition")
    table_only = dict(data.get("table_only_contexts") or {})

    renamed: dict[str, tuple[str, Optional[str]]] = {}
    for old, spec in (data.get("renamed") or {}).items():
        event, mode = spec.get("event"), spec.get("mode")
        if event not in types:
            fail(f"renamed {old} -> {event!r}, which is not an event type")
        if mode is not None and mode not in types[event].modes:
            fail(f"renamed {old} -> {event} with mode {mode!r}, which {event} does not have")
        renamed[old.upper()] = (event, mode)

    aliases: dict[str, Mapping[str, str]] = {}
    for event, table in (data.get("mode_aliases") or {}).items():
        if event not in types:
            fail(f"mode_aliases.{event}: not an event type")
        for old, new in table.items():
            if new not in types[event].modes:
                fail(f"mode_aliases.{event}: {old} -> {new!r}, which {event} does not have")
        aliases[event] = MappingProxyType(dict(table))

    quad_class = dict(data.get("cameo_class") or {})
    missing = {"none", *QUADS} - quad_class.keys()
    if missing:
        fail(f"[cameo_class] lacks {sorted(missing)}")

    cameo, dropped = _parse_cameo(tsv_text, types, contexts.keys() | table_only.keys())
    return Ontology(
        version=int(data.get("version", 0)),
        types=MappingProxyType(types),
        contexts=MappingProxyType(contexts),
        special_contexts=special,
        table_only_contexts=MappingProxyType(table_only),
        renamed=MappingProxyType(renamed),
        mode_aliases=MappingProxyType(aliases),
        quad_class=MappingProxyType(quad_class),
        cameo=MappingProxyType(cameo),
        cameo_dropped=frozenset(dropped),
    )


def _score(value, where: str, fail) -> Optional[float]:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, (int, float)) or math.isnan(value) \
            or not -10 <= value <= 10:
        fail(f"{where}: score {value!r} is not a number from -10 to 10")
    return float(value)


def _parse_cameo(text: str, types: Mapping[str, EventType], contexts) -> tuple[dict, set]:
    reader = tsv_reader(text)
    if reader.fieldnames != TSV_COLUMNS:
        raise ConfigError(f"cameo2plover.tsv: header is {reader.fieldnames}, "
                          f"expected {TSV_COLUMNS}")
    cameo: dict[str, CameoMapping] = {}
    dropped: set[str] = set()
    for number, row in enumerate(reader, start=2):
        row = {k: (v or "").strip() for k, v in row.items()}
        code, event, mode = row["cameo"], row["event"], row["mode"] or None
        where = f"cameo2plover.tsv row {number} ({code})"
        if not (code.isascii() and code.isdigit() and 2 <= len(code) <= 4):
            raise ConfigError(f"{where}: not a 2- to 4-digit CAMEO code")
        if code in cameo or code in dropped:
            raise ConfigError(f"{where}: code listed twice")
        if not event:
            dropped.add(code)
            continue
        if event not in types:
            raise ConfigError(f"{where}: {event!r} is not a PLOVER event type")
        if mode is not None and mode not in types[event].modes:
            raise ConfigError(f"{where}: {event} has no mode {mode!r}")
        context = tuple(c.strip() for c in row["context"].split(";") if c.strip())
        unknown = [c for c in context if c not in contexts]
        if unknown:
            raise ConfigError(f"{where}: unknown context(s) {unknown}")
        cameo[code] = CameoMapping(event, mode, context)
    return cameo, dropped
