"""`dyadwatch eval`: score the stages on gold sets, and check the quality gate."""

from __future__ import annotations

import json
from pathlib import Path

import click

from ..errors import ConfigError, QualityGateError
from ..evaluation.gate import check, load_floors
from ..evaluation.tasks import TASKS, evaluate
from .options import build_config, config_options


@click.command("eval")
@click.option("--gold", "gold", type=click.Path(file_okay=False), required=True,
              help="The gold folder (e.g. ../shared/eval); the project's own gold is found "
                   "under tests/gold of the repository unless --own-gold is given.")
@click.option("--task", "tasks", multiple=True, help="Only these tasks (repeatable).")
@click.option("--limit", type=int, help="Only the first N items of each gold set.")
@click.option("--json", "json_out", type=click.Path(dir_okay=False),
              help="Write the full results as JSON here.")
@click.option("--check", "floors_path", type=click.Path(dir_okay=False),
              help="A floors file (quality/floors.toml): exit 6 when a score is below a floor.")
@click.option("--fast", is_flag=True,
              help="With --check: run the fast subsets the floors file names, check their floors.")
@click.option("--list", "list_tasks", is_flag=True, help="List the tasks and exit.")
@config_options
def eval_cmd(gold, tasks, limit, json_out, floors_path, fast, list_tasks, config_path,
             overrides):
    """Score the pipeline's stages on gold sets (precision, recall, F1 and task metrics)."""
    if list_tasks:
        for t in TASKS.values():
            state = "ready" if t.predict else f"needs {t.needs}"
            click.echo(f"{t.name:<18} {t.reader:<12} {t.metric:<9} {state:<22} {t.description}")
        return
    cfg = build_config(config_path, overrides)
    names = list(tasks) or list(TASKS)
    unknown = [n for n in names if n not in TASKS]
    if unknown:
        raise ConfigError(f"unknown task(s) {', '.join(unknown)}; `dyadwatch eval --list` "
                          "shows them")
    floors, limits = load_floors(floors_path) if floors_path else ([], {})
    results = []
    for name in names:
        lim = limits.get(name) if fast and limits.get(name) else limit
        results.extend(evaluate(gold, [name], lim, cfg))
    for r in results:
        score = f"{r.score:.4f}" if r.score is not None else "-"
        click.echo(f"{r.task:<18} {r.status:<9} items={r.items:<6} {r.metric}={score:<8} "
                   f"{r.seconds:>7.1f}s  {r.note}")
        prf = r.metrics.get("exact", r.metrics)
        if r.status == "scored" and "precision" in prf:
            click.echo(f"{'':<18} precision={prf['precision']} recall={prf['recall']} "
                       f"f1={prf['f1']}")
    if json_out:
        Path(json_out).write_text(json.dumps([r.as_dict() for r in results], indent=2))
        click.echo(f"results: {json_out}")
    if floors_path:
        problems = check(results, floors, fast=fast)
        if problems:
            raise QualityGateError("quality gate failed: " + "; ".join(problems))
        click.echo(f"quality gate: every floor in {floors_path} met")
