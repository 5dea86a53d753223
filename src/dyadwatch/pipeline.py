"""The pipeline: named stages over Article records, in the spirit of spaCy's ``Language``.

A stage is registered under a name with the Article fields it ``requires`` and ``assigns``:

    @register_stage("clean", requires=("text",), assigns=("text", "removed", "title"))
    def make_clean(config):            # a factory: called once per process with the config
        def clean(article): ...        # per article; or batch=True for a list -> list stage
        return clean

``Pipeline.from_config`` builds the stages named in ``[pipeline] stages`` (minus ``disable``),
checks at build time that each stage's requirements are assigned by an earlier stage or by
ingest, and computes the ``version`` string that keys stored records. Running a batch never
raises for one bad article: the article gets an ``error`` and later stages pass it by.
"""

from __future__ import annotations

import importlib
import logging
import time
from dataclasses import dataclass, field
from typing import Any, Callable, Iterable, Sequence

from . import __version__
from .config import Config, load_config
from .errors import ConfigError, DyadwatchError
from .schema import Article, ErrorRecord

log = logging.getLogger(__name__)

# Fields the readers fill before any stage runs.
INGEST_FIELDS = frozenset({"id", "source", "url", "title", "published", "text", "author",
                           "input_path", "raw_hash", "metadata", "language"})

ArticleFn = Callable[[Article], Article]
BatchFn = Callable[[list[Article]], list[Article]]


@dataclass(frozen=True)
class StageSpec:
    name: str
    factory: Callable[[Config], Callable]
    requires: tuple[str, ...] = ()
    assigns: tuple[str, ...] = ()
    version: str = "1"
    batch: bool = False
    doc: str = ""


_REGISTRY: dict[str, StageSpec] = {}


def register_stage(name: str, *, requires: Sequence[str] = (), assigns: Sequence[str] = (),
                   version: str = "1", batch: bool = False):
    """Register a stage factory under ``name``. Registering a name again replaces it."""

    def deco(factory: Callable[[Config], Callable]) -> Callable[[Config], Callable]:
        doc = (factory.__doc__ or "").strip().splitlines()
        _REGISTRY[name] = StageSpec(name, factory, tuple(requires), tuple(assigns), str(version),
                                    batch, doc[0] if doc else "")
        return factory

    return deco


def _load_builtin_stages() -> None:
    # Importing these modules registers their stages.
    from .actors import stage as actors_stage  # noqa: F401
    from .claims import stage as claims_stage  # noqa: F401
    from .events import extract as events_stage  # noqa: F401
    from .ingest import clean, dedup, language  # noqa: F401
    from .nlp import parse  # noqa: F401
    from .quotes import stage as quotes_stage  # noqa: F401
    from .stance import stage as stance_stage  # noqa: F401


def registered_stages() -> dict[str, StageSpec]:
    _load_builtin_stages()
    return dict(_REGISTRY)


def load_plugins(modules: Iterable[str]) -> None:
    for mod in modules:
        try:
            importlib.import_module(mod)
        except ImportError as exc:
            raise ConfigError(f"cannot import plugin module {mod!r} ({exc}); "
                              "check [pipeline] plugins and PYTHONPATH") from None


@dataclass
class StageTiming:
    seconds: float = 0.0
    articles: int = 0


@dataclass
class Stage:
    spec: StageSpec
    fn: Callable
    timing: StageTiming = field(default_factory=StageTiming)

    @property
    def name(self) -> str:
        return self.spec.name


class Pipeline:
    """An ordered list of built stages; call it on a batch of articles."""

    def __init__(self, stages: list[Stage], config: Config):
        self.stages = stages
        self.config = config

    @classmethod
    def from_config(cls, config: Config | None = None) -> "Pipeline":
        config = config or load_config()
        specs = plan_stages(config)
        stages = [Stage(spec, spec.factory(config)) for spec in specs]
        return cls(stages, config)

    @property
    def names(self) -> list[str]:
        return [s.name for s in self.stages]

    @property
    def version(self) -> str:
        return version_of([s.spec for s in self.stages])

    def get(self, name: str) -> Stage:
        for s in self.stages:
            if s.name == name:
                return s
        raise ConfigError(f"no stage {name!r} in this pipeline; it has: {', '.join(self.names)}")

    def __call__(self, articles: list[Article]) -> list[Article]:
        for stage in self.stages:
            live = [a for a in articles if a.error is None]
            if not live:
                break
            t0 = time.perf_counter()
            if stage.spec.batch:
                _run_batch_stage(stage, live)
            else:
                for art in live:
                    _run_article_stage(stage, art)
            stage.timing.seconds += time.perf_counter() - t0
            stage.timing.articles += len(live)
        version = self.version
        for art in articles:
            art.pipeline_version = version
        return articles

    def timings(self) -> dict[str, dict[str, float]]:
        return {s.name: {"seconds": s.timing.seconds, "articles": s.timing.articles}
                for s in self.stages}


def plan_stages(config: Config) -> list[StageSpec]:
    """The stage specs a config asks for, checked, without building any stage."""
    load_plugins(config["pipeline"].get("plugins", []))
    registry = registered_stages()
    names = list(config["pipeline"]["stages"])
    disabled = set(config["pipeline"]["disable"])
    unknown = [n for n in list(names) + list(disabled) if n not in registry]
    if unknown:
        raise ConfigError(
            f"unknown stage(s) {', '.join(map(repr, unknown))}; "
            f"registered stages: {', '.join(sorted(registry))}")
    if len(set(names)) != len(names):
        raise ConfigError(f"a stage is named twice in [pipeline] stages: {names}")
    specs = [registry[n] for n in names if n not in disabled]
    # A stage that needs what a disabled stage assigns is disabled with it ("--disable
    # parse" also skips actors), and the user is told; other order problems are errors.
    lost = {a for n in names if n in disabled for a in registry[n].assigns}
    while True:
        available = set(INGEST_FIELDS)
        dropped = None
        for spec in specs:
            missing = [r for r in spec.requires if r not in available]
            if missing and set(missing) <= lost:
                dropped = spec
                break
            available.update(spec.assigns)
        if dropped is None:
            break
        log.warning("stage %r is skipped too: it needs %s from a disabled stage",
                    dropped.name, ", ".join(r for r in dropped.requires if r in lost))
        specs.remove(dropped)
        lost.update(dropped.assigns)
    check_order(specs)
    return specs


def version_of(specs: Sequence[StageSpec]) -> str:
    """Keys stored records: the package version and each stage's name and version."""
    return f"{__version__}:" + ",".join(f"{s.name}.v{s.version}" for s in specs)


def check_order(specs: Sequence[StageSpec]) -> None:
    """Refuse a pipeline in which a stage needs a field no earlier stage or ingest fills."""
    available = set(INGEST_FIELDS)
    for spec in specs:
        missing = [r for r in spec.requires if r not in available]
        if missing:
            providers = sorted(n for n, s in _REGISTRY.items() if set(missing) & set(s.assigns))
            hint = f" (assigned by: {', '.join(providers)})" if providers else ""
            raise ConfigError(
                f"stage {spec.name!r} requires {', '.join(missing)}, which no earlier stage "
                f"assigns{hint}; reorder [pipeline] stages or enable the stage that assigns it")
        available.update(spec.assigns)


def _fail(stage: Stage, art: Article, exc: BaseException) -> None:
    reason = str(exc) if isinstance(exc, DyadwatchError) else f"{type(exc).__name__}: {exc}"
    log.info("article %s failed in stage %s: %s", art.id, stage.name, reason)
    art.error = ErrorRecord(path=art.input_path, reason=reason, article_id=art.id,
                            stage=stage.name)


def _run_article_stage(stage: Stage, art: Article) -> None:
    try:
        out = stage.fn(art)
        if out is not None and out is not art:
            raise TypeError(f"stage {stage.name} returned a different object; "
                            "stages must return the article they were given")
    except Exception as exc:  # one bad article never kills the batch
        _fail(stage, art, exc)


def _run_batch_stage(stage: Stage, live: list[Article]) -> None:
    try:
        stage.fn(live)
    except Exception as exc:
        # Find the culprit: run the articles one by one so only the bad one fails.
        log.info("batch stage %s failed on a batch (%s); retrying article by article",
                 stage.name, exc)
        for art in live:
            try:
                stage.fn([art])
            except Exception as exc1:
                _fail(stage, art, exc1)


def build_pipeline(config_path: str | None = None, overrides: Iterable[str] = ()) -> Pipeline:
    return Pipeline.from_config(load_config(config_path, overrides))


def describe_stages() -> list[dict[str, Any]]:
    return [{"name": s.name, "version": s.version, "batch": s.batch, "requires": list(s.requires),
             "assigns": list(s.assigns), "doc": s.doc}
            for s in registered_stages().values()]
