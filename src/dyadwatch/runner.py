"""Running the pipeline over inputs: batches, worker processes, the store, resume.

``analyze_paths`` is what ``dyadwatch analyze`` calls. It streams inputs (never holding a
whole corpus in memory), skips articles already stored with the same content and pipeline
version (so a killed run started again finishes the rest: nothing lost, nothing doubled),
runs batches in this process or in worker processes that load the models once each, and
writes each batch in one transaction. ``analyze_texts`` is the in-memory variant for the
Python API.
"""

from __future__ import annotations

import collections
import concurrent.futures as cf
import json
import logging
import multiprocessing
import os
import tempfile
import time
from dataclasses import asdict, dataclass, field
from importlib import resources
from pathlib import Path
from typing import Callable, Iterable, Iterator

from .config import Config, load_config
from .errors import ConfigError, InputError
from .ingest.dedup import DuplicateIndex
from .ingest.readers import article_from_record, detect_format, expand_paths, finish_raw, \
    read_inputs
from .pipeline import Pipeline, plan_stages, version_of
from .schema import Article, ErrorRecord
from .store import Store

log = logging.getLogger(__name__)


@dataclass
class RunSummary:
    run_id: str | None = None
    db: str | None = None
    out: str | None = None
    pipeline_version: str = ""
    read: int = 0  # articles read from the inputs
    processed: int = 0  # articles run through the pipeline and stored
    skipped: int = 0  # already stored with the same content and pipeline version
    failed: int = 0  # input errors plus articles a stage failed on
    duplicates: int = 0  # articles linked to an earlier copy
    seconds: float = 0.0
    stage_seconds: dict[str, float] = field(default_factory=dict)
    errors: list[dict] = field(default_factory=list)  # the first 100, for display

    @property
    def ok(self) -> bool:
        return self.failed == 0

    def to_dict(self) -> dict:
        return asdict(self)


def sample_corpus() -> Path:
    """The bundled sample: five articles on China's support for Russia in the war in Ukraine."""
    return Path(str(resources.files("dyadwatch").joinpath("sample")))


# ----------------------------------------------------------------------------------------
# Worker side

_WORKER: Pipeline | None = None


def _init_worker(config: Config) -> None:
    global _WORKER
    # one thread per worker for torch (the sentence classifier): the processes already
    # fill the cores, and threads on top of them only contend
    os.environ.setdefault("OMP_NUM_THREADS", "1")
    _WORKER = Pipeline.from_config(config)


def _run_worker(batch: list[Article]) -> tuple[list[Article], dict]:
    assert _WORKER is not None
    before = {s.name: s.timing.seconds for s in _WORKER.stages}
    out = _strip(_WORKER(batch))
    spent = {s.name: s.timing.seconds - before[s.name] for s in _WORKER.stages}
    return out, spent


def _strip(batch: list[Article]) -> list[Article]:
    for art in batch:
        art.doc = None
    return batch


class _Executor:
    """Runs batches in order, here or in worker processes, with a bounded queue."""

    def __init__(self, config: Config):
        self.processes = int(config["pipeline"]["processes"])
        if self.processes < 1:
            raise ConfigError("pipeline.processes must be at least 1")
        self.pool: cf.ProcessPoolExecutor | None = None
        self.pipeline: Pipeline | None = None
        if self.processes == 1:
            self.pipeline = Pipeline.from_config(config)
        else:
            ctx = multiprocessing.get_context("spawn")
            self.pool = cf.ProcessPoolExecutor(self.processes, mp_context=ctx,
                                               initializer=_init_worker, initargs=(config,))
        self.pending: collections.deque = collections.deque()
        self.stage_seconds: dict[str, float] = collections.Counter()

    def submit(self, batch: list[Article], meta: object) -> Iterator[tuple[list[Article], object]]:
        """Queue a batch; yields finished batches (in order) when the queue is full."""
        if self.pipeline is not None:
            before = {s.name: s.timing.seconds for s in self.pipeline.stages}
            out = _strip(self.pipeline(batch))
            for s in self.pipeline.stages:
                self.stage_seconds[s.name] += s.timing.seconds - before[s.name]
            yield out, meta
            return
        assert self.pool is not None
        self.pending.append((self.pool.submit(_run_worker, batch), meta))
        while len(self.pending) > 2 * self.processes:
            yield self._pop()

    def drain(self) -> Iterator[tuple[list[Article], object]]:
        while self.pending:
            yield self._pop()

    def _pop(self) -> tuple[list[Article], object]:
        fut, meta = self.pending.popleft()
        out, spent = fut.result()
        for k, v in spent.items():
            self.stage_seconds[k] += v
        return out, meta

    def close(self) -> None:
        if self.pool is not None:
            self.pool.shutdown(cancel_futures=True)


# ----------------------------------------------------------------------------------------

def count_files(paths: Iterable[str], limit: int = 100_000) -> int | None:
    """Number of input articles when every input is one article per file, else None."""
    n = 0
    for path, problem in expand_paths(paths):
        if path == "-" or problem:
            continue
        fmt, _ = detect_format(path)
        if fmt in ("json", "jsonl", "csv"):
            return None
        n += 1
        if n > limit:
            return None
    return n


def analyze_paths(paths: list[str], config: Config | None = None, db: str | None = None,
                  out: str | None = None, force: bool = False,
                  progress: Callable[[int], None] | None = None) -> RunSummary:
    """Read, analyse and store every article of ``paths``; optionally write JSONL to ``out``.

    Returns a summary; never raises for a bad input or a failing article (they are counted
    in ``failed`` and stored in the ``errors`` table). ``force`` re-runs articles already
    stored with the same content and pipeline version.
    """
    config = config or load_config()
    db = db or config["store"]["path"]
    t0 = time.perf_counter()
    specs = plan_stages(config)
    version = version_of(specs)
    summary = RunSummary(db=str(db), pipeline_version=version)
    batch_size = int(config["pipeline"]["batch_size"])
    with Store(db) as store:
        run_id = store.begin_run(version, config, [str(p) for p in paths])
        summary.run_id = run_id
        dedup = DuplicateIndex(config, store)
        executor = _Executor(config)
        status = "interrupted"
        try:
            seq = 0
            batch: list[Article] = []
            listed: list[tuple[int, str, str]] = []
            errors: list[ErrorRecord] = []

            def flush(batch, listed, errors):
                for done_batch, (lst, errs) in executor.submit(batch, (listed, errors)):
                    _write(store, run_id, done_batch, lst, errs, dedup, summary, progress)

            for item in read_inputs(paths, config):
                if isinstance(item, ErrorRecord):
                    item.run_id = run_id
                    errors.append(item)
                    summary.failed += 1
                    _note_error(summary, item)
                    if progress:
                        progress(1)
                    continue
                summary.read += 1
                item.pipeline_version = version
                listed.append((seq, item.id, version))
                seq += 1
                if not force and store.done([(item.id, version, item.raw_hash or "")]):
                    summary.skipped += 1
                    if progress:
                        progress(1)
                else:
                    batch.append(item)
                if len(batch) >= batch_size or len(listed) >= batch_size * 8:
                    flush(batch, listed, errors)
                    batch, listed, errors = [], [], []
            flush(batch, listed, errors)
            for done_batch, (lst, errs) in executor.drain():
                _write(store, run_id, done_batch, lst, errs, dedup, summary, progress)
            status = "finished"
        finally:
            executor.close()
            summary.seconds = round(time.perf_counter() - t0, 3)
            summary.stage_seconds = {k: round(v, 3) for k, v in executor.stage_seconds.items()}
            store.finish_run(run_id, {k: v for k, v in summary.to_dict().items()
                                      if k != "errors"}, status)
        if out:
            write_jsonl(store.iter_records(run_id), out)
            summary.out = str(out)
    log.info("run %s: %d read, %d processed, %d skipped, %d failed, %d duplicates in %.1fs",
             run_id, summary.read, summary.processed, summary.skipped, summary.failed,
             summary.duplicates, summary.seconds)
    return summary


def _note_error(summary: RunSummary, err: ErrorRecord) -> None:
    if len(summary.errors) < 100:
        summary.errors.append({"path": err.path, "line": err.line, "article_id": err.article_id,
                               "stage": err.stage, "reason": err.reason})


def _write(store: Store, run_id: str, batch: list[Article], listed, errors, dedup,
           summary: RunSummary, progress) -> None:
    ok = []
    for art in batch:
        if art.error is not None:
            art.error.run_id = run_id
            errors.append(art.error)
            summary.failed += 1
            _note_error(summary, art.error)
        else:
            ok.append(art)
    failed_ids = {a.id for a in batch if a.error is not None}
    listed = [row for row in listed if row[1] not in failed_ids]
    store.write_batch(run_id, ok, errors, listed, dedup)
    summary.processed += len(ok)
    summary.duplicates += sum(1 for a in ok if a.duplicate_of)
    if progress:
        progress(len(batch))


def write_jsonl(records: Iterable[str], out: str | os.PathLike) -> int:
    """Write record JSON strings to ``out`` atomically (a temporary file, then a rename)."""
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    n = 0
    fd, tmp = tempfile.mkstemp(prefix=out.name + ".", suffix=".tmp", dir=out.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            for rec in records:
                fh.write(rec)
                fh.write("\n")
                n += 1
        os.replace(tmp, out)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return n


_API_PIPELINES: dict[str, Pipeline] = {}


def analyze_texts(texts: Iterable[str | dict], config: Config | None = None,
                  keep_docs: bool = False) -> list[Article]:
    """Analyse texts (or records with id/title/published/... fields) in memory.

    Nothing is stored. Failed articles come back with ``error`` set. ``keep_docs`` keeps
    each spaCy ``Doc`` on ``article.doc``.
    """
    config = config or load_config()
    key = json.dumps(config, sort_keys=True)
    pipe = _API_PIPELINES.get(key)
    if pipe is None:
        pipe = _API_PIPELINES[key] = Pipeline.from_config(config)
    dedup = DuplicateIndex(config)
    raws = []
    for i, t in enumerate(texts):
        rec = {"text": t} if isinstance(t, str) else t
        try:
            raws.append(finish_raw(article_from_record(rec, config), None))
        except InputError as exc:
            raise InputError(f"text {i}: {exc}") from None
    out: list[Article] = []
    size = int(config["pipeline"]["batch_size"])
    for start in range(0, len(raws), size):
        batch = pipe(raws[start:start + size])
        for art in batch:
            if art.error is None:
                dedup.link(art)
            if not keep_docs:
                art.doc = None
        out.extend(batch)
    return out
