"""Readers of the gold formats: one function per format, each yielding ``items`` records.

Every reader takes the path of its file (or folder) and yields items lazily; the gold data
are never copied into the repository. ``READERS`` names each reader with its default path
under the gold root (``../shared/eval``), and ``read_gold(root, name)`` reads one by name.

Conventions a scorer can rely on:

* Offsets are Python string indices into ``item.text``, end exclusive, and
  ``text[start:end] == span.text`` holds for every span a reader builds.
* CoNLL sets (``cameo_ner``, ``re3d``) have no raw text: the reader rebuilds each sentence
  by joining its tokens with single spaces ("Iraq 's army ." not "Iraq's army.").
* Sentiment labels are ``negative`` / ``neutral`` / ``positive`` whatever the source scale.
* Fields a type has no slot for stay in ``item.meta`` (documented per reader).

Modules: ``events`` (PLOVER GSR), ``spans`` (CoNLL sets, PTC), ``labels`` (CAMEO classes,
NewsMTSC, PerSenT, ClaimDiff), ``quotes`` (PolNeAR), ``quantities`` (NewsQuant,
quantulum3), ``own`` (the project's own gold), ``_common`` (shared helpers).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Iterator

from ...errors import ConfigError, InputError
from ..items import ClaimPair, EventDoc, LabeledText, QuantityDoc, QuoteDoc, SpanDoc
from .events import PLOVER_2_0, read_plover_gsr
from .labels import (CAMEO_PENTACLASS, read_cameo_class, read_claimdiff, read_newsmtsc,
                     read_persent)
from .own import OWN_GOLD, read_own_actors, read_own_claims, read_own_events, read_own_quotes
from .quantities import read_newsquant, read_quantulum3
from .quotes import read_polnear
from .spans import read_cameo_ner, read_ptc, read_re3d

__all__ = ["READERS", "ReaderSpec", "read_gold", "gold_path", "OWN_GOLD", "PLOVER_2_0",
           "CAMEO_PENTACLASS", "read_plover_gsr", "read_cameo_class", "read_cameo_ner",
           "read_re3d", "read_polnear", "read_newsquant", "read_quantulum3", "read_newsmtsc",
           "read_persent", "read_ptc", "read_claimdiff", "read_own_events", "read_own_quotes",
           "read_own_claims", "read_own_actors"]


@dataclass(frozen=True)
class ReaderSpec:
    name: str
    function: Callable[[Path], Iterator[Any]]
    default_path: str  # relative to the gold root (absolute for the project's own gold)
    item_type: type
    description: str


READERS: dict[str, ReaderSpec] = {s.name: s for s in [
    ReaderSpec("plover_gsr", read_plover_gsr, "plover-gsr/PLOVER_GSR_dev.json", EventDoc,
               "PLOVER GSR dev sentences with one coded event each (PLOVER 2.0 names)"),
    ReaderSpec("cameo_class", read_cameo_class, "conflibert-cameo/cameo_class_train.tsv",
               LabeledText, "CAMEO PentaClass sentences, labels 0..4 (statement .. "
               "material conflict)"),
    ReaderSpec("cameo_ner", read_cameo_ner, "conflibert-cameo/cameo_ner_train.txt", SpanDoc,
               "CAMEO sentences with source (S), target (T), reciprocal (R) actor spans"),
    ReaderSpec("re3d", read_re3d, "re3d/conll-conflibert/dev.txt", SpanDoc,
               "re3d dev sentences with entity spans (10 types)"),
    ReaderSpec("polnear", read_polnear, "polnear/data/dev", QuoteDoc,
               "PolNeAR dev articles with attributions (content, cue, source spans)"),
    ReaderSpec("newsquant", read_newsquant, "newsquant/NewsQuant_dev.json", QuantityDoc,
               "NewsQuant dev sentences with quantities (value, unit, change, concept)"),
    ReaderSpec("quantulum3", read_quantulum3, "quantulum3-tests/quantities.json",
               QuantityDoc, "quantulum3 test sentences with value, unit, surface span"),
    ReaderSpec("quantulum3_ambiguity", read_quantulum3,
               "quantulum3-tests/quantities.ambiguity.json", QuantityDoc,
               "quantulum3 unit-ambiguity test sentences"),
    ReaderSpec("newsmtsc", read_newsmtsc, "newsmtsc/devtest_rw.jsonl", LabeledText,
               "NewsMTSC real-world-distribution dev half: sentiment towards each target"),
    ReaderSpec("newsmtsc_mt", read_newsmtsc, "newsmtsc/devtest_mt.jsonl", LabeledText,
               "NewsMTSC multi-target dev half: sentiment towards each target"),
    ReaderSpec("persent", read_persent, "persent/random_test.csv", LabeledText,
               "PerSenT articles: author's sentiment towards the main entity"),
    ReaderSpec("ptc", read_ptc, "semeval2020-t11-ptc/datasets", SpanDoc,
               "PTC training articles with propaganda-technique spans (14 classes)"),
    ReaderSpec("claimdiff", read_claimdiff, "claimdiff/ClaimDiff-W/ClaimDiff-weak-test.json",
               ClaimPair, "ClaimDiff-W claim pairs: does claim b weaken claim a"),
    ReaderSpec("claimdiff_full", read_claimdiff,
               "claimdiff/ClaimDiff-W/ClaimDiff-weak-test-full.json", ClaimPair,
               "ClaimDiff-W with the realistic share of unrelated pairs"),
    ReaderSpec("own_events", read_own_events, str(OWN_GOLD), EventDoc,
               "the project's own gold (tests/gold/relations.jsonl): events"),
    ReaderSpec("own_quotes", read_own_quotes, str(OWN_GOLD), QuoteDoc,
               "the project's own gold (tests/gold/relations.jsonl): quotes with speakers"),
    ReaderSpec("own_claims", read_own_claims, str(OWN_GOLD), QuantityDoc,
               "the project's own gold (tests/gold/relations.jsonl): numeric claims"),
    ReaderSpec("own_actors", read_own_actors, str(OWN_GOLD.parent / "actors.jsonl"), SpanDoc,
        "the project's own actor set (tests/gold/actors.jsonl): mentions with code, "
        "sector, kind"),
]}


def gold_path(root: str | Path, name: str) -> Path:
    """Where reader ``name`` finds its data under the gold ``root``."""
    if name not in READERS:
        raise ConfigError(f"unknown gold reader {name!r}; readers: {', '.join(READERS)}")
    return Path(root) / READERS[name].default_path


def read_gold(root: str | Path, name: str, path: str | Path | None = None) -> Iterator[Any]:
    """Items of gold set ``name`` read from its default path under ``root`` (or ``path``).
    Raises ConfigError for an unknown name, InputError when the data are not there."""
    default = gold_path(root, name)
    target = Path(path) if path is not None else default
    if not target.exists():
        where = ("write the project's gold there or pass path=" if name.startswith("own_")
                 else "pass the gold root (e.g. ../shared/eval) or path=")
        raise InputError(f"gold data for {name!r} not found at {target}; {where}",
                         str(target))
    return READERS[name].function(target)
