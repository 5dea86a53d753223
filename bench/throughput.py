"""End-to-end `analyze` speed next to a bare spaCy parse of the same texts, in one run.

    python bench/throughput.py [DIR_OR_FILES...] [--limit N] [--processes N] [--json OUT]
                               [--set SECTION.KEY=VALUE ...]

Defaults to the 371 full-length articles of ../shared/eval/semeval2020-t11-ptc (read for
timing only; nothing is copied). The model is loaded before either timing starts, so both
figures exclude model loading. The ratio (end-to-end / bare parse speed) is the figure
that matters: the machine is noisy, the ratio less so.
"""

from __future__ import annotations

import argparse
import json
import platform
import resource
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT = ROOT.parent / "shared" / "eval" / "semeval2020-t11-ptc" / "datasets" / "train-articles"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("paths", nargs="*", default=[str(DEFAULT)])
    ap.add_argument("--limit", type=int, default=0, help="use only the first N files")
    ap.add_argument("--processes", type=int, default=1)
    ap.add_argument("--json", help="write the results here too")
    ap.add_argument("--set", action="append", default=[], metavar="SECTION.KEY=VALUE",
                    help="a setting over the defaults, as in the CLI (e.g. "
                         "events.classifier=false); repeatable")
    args = ap.parse_args()

    from dyadwatch.config import load_config
    from dyadwatch.ingest.readers import expand_paths
    from dyadwatch.nlp.model import get_nlp
    from dyadwatch.runner import analyze_paths

    files = [p for p, problem in expand_paths(args.paths) if not problem]
    if args.limit:
        files = files[:args.limit]
    if not files:
        print(f"no input files under {args.paths}", file=sys.stderr)
        return 2
    texts = [Path(f).read_text(encoding="utf-8", errors="replace") for f in files]
    n_words = sum(len(t.split()) for t in texts)
    config = load_config(overrides=args.set, extra={"pipeline": {"processes": args.processes}})
    nlp = get_nlp(config["nlp"]["model"], tuple(config["nlp"]["exclude"]))

    t0 = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=config["nlp"]["pipe_batch_size"]):
        pass
    bare = time.perf_counter() - t0

    with tempfile.TemporaryDirectory() as tmp:
        t0 = time.perf_counter()
        summary = analyze_paths(files, config, db=str(Path(tmp) / "bench.db"))
        e2e = time.perf_counter() - t0

    peak_self = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    peak_children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    result = {
        "articles": len(files), "words": n_words, "processes": args.processes,
        "bare_spacy_seconds": round(bare, 2),
        "bare_spacy_articles_per_s": round(len(files) / bare, 2),
        "bare_spacy_words_per_s": round(n_words / bare),
        "analyze_seconds": round(e2e, 2),
        "analyze_articles_per_s": round(len(files) / e2e, 2),
        "analyze_words_per_s": round(n_words / e2e),
        "ratio_analyze_to_bare": round(bare / e2e, 3),
        "stage_seconds": summary.stage_seconds,
        "failed": summary.failed,
        "peak_rss_mb_main": round(peak_self), "peak_rss_mb_workers": round(peak_children),
        "python": platform.python_version(), "machine": platform.machine(),
    }
    print(json.dumps(result, indent=2))
    if args.json:
        Path(args.json).write_text(json.dumps(result, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
