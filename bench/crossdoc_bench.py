"""Time the cross-article update and the monitor's queries on an analysed database.

    python bench/crossdoc_bench.py DB [--dyad RUS-CHN --dyad RUS-USA ...] [--set K=V ...]
        [--report FILE.html]

Prints: seconds and peak memory of the update (clusters and contradictions; run it on a
copy: it writes), then for each dyad the seconds of ``dyad_view`` and of its index,
directed and undirected, with the number of distinct events. Figures: docs/BENCHMARKS.md.
"""

from __future__ import annotations

import argparse
import resource
import time

from dyadwatch.config import load_config
from dyadwatch.crossdoc import dyad_view, update_store, write_report
from dyadwatch.store import Store


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("db")
    ap.add_argument("--dyad", action="append", default=[])
    ap.add_argument("--set", dest="overrides", action="append", default=[])
    ap.add_argument("--report")
    args = ap.parse_args()
    cfg = load_config(overrides=args.overrides)
    with Store(args.db) as store:
        t0 = time.perf_counter()
        result = update_store(store, cfg)
        print(f"update: {time.perf_counter() - t0:.1f} s {result.summary()}")
        for dyad in args.dyad or ["RUS-CHN", "RUS-USA", "RUS-UKR"]:
            a, b = dyad.split("-")
            for directed in (False, True):
                t0 = time.perf_counter()
                view = dyad_view(store, a, b, directed=directed, config=cfg)
                t1 = time.perf_counter()
                index = view.index
                t2 = time.perf_counter()
                print(f"{a}{'->' if directed else '<->'}{b}: {len(view.events)} distinct "
                      f"events, {len(index)} months; query {t1 - t0:.3f} s, index "
                      f"{t2 - t1:.3f} s")
        if args.report:
            t0 = time.perf_counter()
            write_report(store, args.report, cfg)
            print(f"report: {time.perf_counter() - t0:.1f} s")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak memory: {peak:.0f} MB")


if __name__ == "__main__":
    main()
