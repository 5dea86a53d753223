"""What the cross-article commands share: opening the store and bringing its clusters up
to date with a progress bar."""

from __future__ import annotations

import sys
from contextlib import contextmanager

import click

from ..config import Config
from ..store import Store
from .inspect import _db


@contextmanager
def current_store(db: str | None, cfg: Config, progress: bool = True):
    """The store, its cross-article tables updated first when records were added."""
    from ..crossdoc import ensure_current
    from ..crossdoc.store import pending

    path = _db(db)
    Store(path, readonly=True).close()  # a missing database fails here with NotFound
    with Store(path) as store:
        todo = pending(store)
        bar = None
        if progress and todo > 200 and sys.stderr.isatty():
            from tqdm import tqdm

            bar = tqdm(total=todo, unit="event", file=sys.stderr, desc="clustering")
        try:
            result = ensure_current(store, cfg, bar.update if bar else None)
        finally:
            if bar:
                bar.close()
        if result is not None:
            s = result.summary()
            click.echo(f"dyadwatch: clusters updated ({s['new_events']} new events, "
                       f"{s['new_claims']} new figures, {sum(s['contradictions'].values())} "
                       f"contradictions, {s['seconds']} s)", err=True)
        yield store
