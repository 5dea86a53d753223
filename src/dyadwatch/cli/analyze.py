"""`dyadwatch analyze`: the main job."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from ..errors import EXIT_SOME_FAILED
from ..pipeline import plan_stages
from ..runner import analyze_paths, count_files, sample_corpus
from .options import build_config, config_options, db_option


@click.command()
@click.argument("paths", nargs=-1)
@click.option("--out", type=click.Path(dir_okay=False),
              help="Write one JSON object per article (the record contract) to this file.")
@db_option
@click.option("--processes", "-j", type=int, help="Worker processes (default 1).")
@click.option("--batch-size", type=int, help="Articles per batch (default 32).")
@click.option("--stages", help="Comma-separated stage names replacing [pipeline] stages.")
@click.option("--disable", multiple=True, help="Skip a stage by name (repeatable).")
@click.option("--force", is_flag=True,
              help="Re-run articles already stored with the same content and pipeline version.")
@click.option("--no-progress", is_flag=True, help="No progress bar.")
@click.option("--no-report", is_flag=True,
              help="Skip the cross-article update (clusters, contradictions) and the HTML "
                   "report written next to the database.")
@config_options
def analyze(paths, out, db, processes, batch_size, stages, disable, force, no_progress,
            no_report, config_path, overrides):
    """Analyse articles and store the records.

    PATHS are files, directories (read recursively), glob patterns or - for standard
    input; formats: .txt, .html, .json, .jsonl, .csv (each optionally .gz). With no PATHS,
    the bundled sample corpus is analysed.
    """
    cfg = build_config(config_path, overrides, **{
        "pipeline.processes": processes, "pipeline.batch_size": batch_size,
        "pipeline.stages": [s.strip() for s in stages.split(",") if s.strip()] if stages else None,
        "pipeline.disable": list(disable) if disable else None,
    })
    plan_stages(cfg)  # a wrong stage list fails here, before anything is read
    inputs = list(paths)
    if not inputs:
        inputs = [str(sample_corpus())]
        click.echo(f"dyadwatch: no input given; analysing the bundled sample corpus "
                   f"({inputs[0]})", err=True)
    show_bar = not no_progress and sys.stderr.isatty()
    bar = None
    if show_bar:
        from tqdm import tqdm

        total = count_files(inputs)
        if total is None or total > 3:
            bar = tqdm(total=total, unit="article", file=sys.stderr, dynamic_ncols=True)
    try:
        summary = analyze_paths(inputs, cfg, db=db, out=out, force=force,
                                progress=bar.update if bar else None)
    finally:
        if bar:
            bar.close()
    rate = summary.processed / summary.seconds if summary.seconds else 0.0
    click.echo(f"dyadwatch: {summary.read} articles read: {summary.processed} analysed, "
               f"{summary.skipped} already stored, {summary.failed} failed, "
               f"{summary.duplicates} duplicates, in {summary.seconds:.1f} s "
               f"({rate:.1f} articles/s)")
    click.echo(f"database: {Path(summary.db).resolve()}")
    if summary.out:
        click.echo(f"records:  {Path(summary.out).resolve()}")
    if not no_report and cfg["crossdoc"]["enabled"] and cfg["report"]["enabled"]:
        from .report import report as report_cmd

        click.get_current_context().invoke(report_cmd, db=summary.db, out=None,
                                           config_path=config_path, overrides=overrides)
    for err in summary.errors[:20]:
        where = err["path"] or err["article_id"] or "?"
        if err["line"]:
            where += f":{err['line']}"
        stage = f" [{err['stage']}]" if err["stage"] else ""
        click.echo(f"failed: {where}{stage}: {err['reason']}", err=True)
    if summary.failed > 20:
        click.echo(f"... and {summary.failed - 20} more: dyadwatch errors --run "
                   f"{summary.run_id}", err=True)
    if not summary.ok:
        sys.exit(EXIT_SOME_FAILED)
