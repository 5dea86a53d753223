"""Evaluation tasks: a gold reader, the stage(s) it scores, and how to score them.

A task is registered with ``register_task``; the stages that fill what it scores register
their prediction through it (``tasks[name].predict``). A task whose stage does not exist
yet still reads its gold data (so every reader is exercised) and reports
``status: "no stage"`` with the item count, never a made-up score.

Headline metrics (``Task.metric``) are what the quality gate's floors refer to.
"""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path
from typing import Any, Callable, Iterable

from ..config import Config, load_config
from ..errors import ConfigError
from . import scoring

log = logging.getLogger(__name__)

Predict = Callable[[list[Any], Config], dict[str, Any]]


@dataclass
class Task:
    name: str
    reader: str
    metric: str  # headline metric key in the result, e.g. "f1"
    description: str
    needs: str  # what must exist to score (a stage name), shown when it does not
    predict: Predict | None = None  # scores items; None until the stage exists
    anchor: str = ""  # a published figure to compare with
    extra: dict[str, Any] = field(default_factory=dict)


TASKS: dict[str, Task] = {}


def register_task(task: Task) -> Task:
    TASKS[task.name] = task
    return task


def scorer(name: str):
    """Decorator: attach the prediction-and-scoring function of a registered task."""

    def deco(fn: Predict) -> Predict:
        TASKS[name].predict = fn
        return fn

    return deco


# ----------------------------------------------------------------------------------------
# The tasks of the gold sets in ../shared/eval and of the project's own gold.

for _t in [
    Task("re3d_entities", "re3d", "f1", "entity spans (Person, Organisation, Nationality, "
         "Location) in re3d dev sentences; exact span+label micro-F1", "parse (spaCy NER)",
         anchor="ConfliBERT 0.684 F1"),
    Task("ptc_sentences", "ptc", "f1", "sentence boundaries of full news articles (one "
         "sentence a line in PTC); boundary F1", "parse"),
    Task("language_en", "ptc", "accuracy", "share of English news articles marked "
         "language=en", "language"),
    Task("cameo_spans", "cameo_ner", "f1", "source and target spans of events (CAMEO NER); "
         "exact span+label micro-F1", "events", anchor="ConfliBERT 0.740 F1"),
    Task("plover_actors", "plover_gsr", "f1", "actor and recipient country codes + sector "
         "of PLOVER GSR dev events", "actors"),
    Task("plover_events", "plover_gsr", "f1", "dyad + type (actor country, event, recipient "
         "country) of PLOVER GSR dev events", "events"),
    Task("cameo_class", "cameo_class", "macro_f1", "5-way CAMEO class (no event, verbal/"
         "material cooperation/conflict) from the PLOVER quad class", "events",
         anchor="ConfliBERT 0.895"),
    Task("polnear_quotes", "polnear", "f1", "quote content spans (overlap F1) and speaker "
         "accuracy on PolNeAR dev", "quotes", anchor="citron 83.2 span-overlap F1 (PARC)"),
    Task("newsquant_claims", "newsquant", "f1", "numeric values (value F1, value+unit F1, "
         "change direction) on NewsQuant dev", "claims", anchor="CQE 92.0 / 85.6"),
    Task("quantulum3_claims", "quantulum3", "f1", "values and units on quantulum3's tests",
         "claims", anchor="quantulum3 73.0 / 47.2 on NewsQuant"),
    Task("newsmtsc_stance", "newsmtsc", "macro_f1", "tone towards a named target in a "
         "sentence (3-way)", "stance", anchor="RoBERTa 83.1 F1m"),
    Task("persent_stance", "persent", "macro_f1", "an article's stance towards its main "
         "entity (3-way)", "stance"),
    Task("ptc_persuasion", "ptc", "f1", "persuasion-technique spans (span F1)", "stance "
         "(framing)", anchor="best SemEval-2020 span F1 about 0.5"),
    Task("claimdiff_pairs", "claimdiff", "macro_f1", "claim pairs: agreeing vs conflicting",
         "crossdoc"),
    Task("own_events", "own_events", "f1", "events with modality and attribution on the "
         "project's own gold", "events"),
    Task("own_quotes", "own_quotes", "f1", "quotes with speakers on the project's own gold",
         "quotes"),
    Task("own_claims", "own_claims", "f1", "numeric claims on the project's own gold",
         "claims"),
]:
    register_task(_t)


# ----------------------------------------------------------------------------------------
# Scorers for what exists now.

RE3D_LABELS = {"PERSON": "Person", "ORG": "Organisation", "NORP": "Nationality",
               "GPE": "Location", "LOC": "Location", "FAC": "Location"}


def _nlp(config: Config):
    from ..nlp.model import get_nlp

    c = config["nlp"]
    return get_nlp(c["model"], tuple(c["exclude"]))


register_task(Task("re3d_spacy", "re3d", "f1", "baseline: spaCy's NER alone mapped to "
                   "re3d's four actor types", "parse (spaCy NER)"))


@scorer("re3d_spacy")
def _re3d_spacy(items: list, config: Config) -> dict:
    """spaCy's NER (the parse stage), its labels mapped to re3d's four."""
    nlp = _nlp(config)
    scores = scoring.SpanScores()
    keep = set(RE3D_LABELS.values())
    for item, doc in zip(items, nlp.pipe((i.text for i in items), batch_size=256)):
        gold = [(s.start, s.end, s.label) for s in item.spans if s.label in keep]
        pred = [(e.start_char, e.end_char, RE3D_LABELS[e.label_]) for e in doc.ents
                if e.label_ in RE3D_LABELS]
        scores.add(gold, pred)
    out = scores.as_dict()
    out["f1"] = out["exact"]["f1"]
    return out


@scorer("ptc_sentences")
def _ptc_sentences(items: list, config: Config) -> dict:
    """Sentence ends found by the parser in the article with its line breaks made spaces."""
    nlp = _nlp(config)
    total = scoring.PRF()
    flat = (item.text.replace("\n", " ") for item in items)
    for item, doc in zip(items, nlp.pipe(flat, batch_size=config["nlp"]["pipe_batch_size"])):
        gold, pos = set(), 0
        for line in item.text.split("\n"):
            if line.strip():
                gold.add(pos + len(line.rstrip()))
            pos += len(line) + 1
        pred = {s.end_char - (len(s.text) - len(s.text.rstrip())) for s in doc.sents}
        last = max(gold | pred) if gold or pred else 0
        gold.discard(last)
        pred.discard(last)
        total = total.add(scoring.match_exact([(g, g, "") for g in gold],
                                              [(p, p, "") for p in pred]))
    out = total.as_dict()
    return out


@scorer("language_en")
def _language(items: list, config: Config) -> dict:
    from ..ingest.language import make_language
    from ..schema import Article

    mark = make_language(config)
    labels = [mark(Article(id=i.id, text=i.text)).language for i in items]
    return {"accuracy": round(sum(1 for x in labels if x == "en") / len(labels), 4)
            if labels else 0.0, "n": len(labels)}


# ----------------------------------------------------------------------------------------

@dataclass
class TaskResult:
    task: str
    status: str  # "scored", "no stage", "no gold"
    items: int = 0
    seconds: float = 0.0
    metric: str = ""
    score: float | None = None
    metrics: dict[str, Any] = field(default_factory=dict)
    note: str = ""

    def as_dict(self) -> dict[str, Any]:
        return {k: getattr(self, k) for k in ("task", "status", "items", "seconds", "metric",
                                               "score", "metrics", "note")}


def run_task(name: str, gold_root: str | Path, limit: int | None = None,
             config: Config | None = None) -> TaskResult:
    from .readers import READERS, read_gold

    if name not in TASKS:
        raise ConfigError(f"unknown evaluation task {name!r}; tasks: {', '.join(TASKS)}")
    task = TASKS[name]
    config = config or load_config()
    spec = READERS[task.reader]
    path = Path(gold_root) / spec.default_path
    if not path.exists():
        return TaskResult(name, "no gold", metric=task.metric,
                          note=f"{path} does not exist")
    t0 = time.perf_counter()
    items = list(islice(read_gold(gold_root, task.reader), limit) if limit else
                 read_gold(gold_root, task.reader))
    if task.predict is None:
        return TaskResult(name, "no stage", len(items), round(time.perf_counter() - t0, 2),
                          task.metric, note=f"gold read; scoring needs the {task.needs} stage")
    metrics = task.predict(items, config)
    score = metrics.get(task.metric)
    return TaskResult(name, "scored", len(items), round(time.perf_counter() - t0, 2),
                      task.metric, score, metrics, task.anchor)


def evaluate(gold_root: str | Path, names: Iterable[str] | None = None,
             limit: int | None = None, config: Config | None = None) -> list[TaskResult]:
    names = list(names) if names else list(TASKS)
    out = []
    for name in names:
        log.info("evaluating %s", name)
        out.append(run_task(name, gold_root, limit, config))
    return out


# Scorers of later stages live beside their subject; importing registers them.
from . import actor_tasks, event_tasks  # noqa: E402,F401
from . import claim_tasks  # noqa: E402,F401
from . import quote_tasks  # noqa: E402,F401
from . import stance_tasks  # noqa: E402,F401
from . import crossdoc_tasks  # noqa: E402,F401
