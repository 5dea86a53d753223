"""`dyadwatch show`, `stages`, `errors`, `runs`: look at what is stored and configured."""

from __future__ import annotations

import json

import click

from ..config import load_config
from ..pipeline import describe_stages
from ..store import Store
from .options import config_options, db_option


def _db(db: str | None) -> str:
    return db or load_config()["store"]["path"]


@click.command()
@click.argument("article_id")
@db_option
@click.option("--version", "pipeline_version", help="A pipeline version (default: the latest).")
@click.option("--text/--no-text", default=True, help="Include the article text.")
def show(article_id, db, pipeline_version, text):
    """Print one article's record (JSON)."""
    with Store(_db(db), readonly=True) as store:
        rec = store.get_article(article_id, pipeline_version).to_dict()
    if not text:
        rec.pop("text", None)
    click.echo(json.dumps(rec, ensure_ascii=False, indent=2))


@click.command()
@config_options
def stages(config_path, overrides):
    """List the registered pipeline stages and which ones the config runs."""
    cfg = load_config(config_path, overrides)
    active = [n for n in cfg["pipeline"]["stages"] if n not in cfg["pipeline"]["disable"]]
    for s in describe_stages():
        mark = f"{active.index(s['name']) + 1:>2}" if s["name"] in active else " -"
        click.echo(f"{mark} {s['name']:<12} v{s['version']}  {s['doc']}")
        click.echo(f"     requires: {', '.join(s['requires']) or '-'};  "
                   f"assigns: {', '.join(s['assigns']) or '-'}")


@click.command("errors")
@db_option
@click.option("--run", "run_id", help="Only the errors of this run.")
def errors_cmd(db, run_id):
    """List the inputs and articles that failed."""
    with Store(_db(db), readonly=True) as store:
        rows = store.errors(run_id)
    for r in rows:
        where = r["path"] or r["article_id"] or "?"
        if r["line"]:
            where += f":{r['line']}"
        stage = f" [{r['stage']}]" if r["stage"] else ""
        click.echo(f"{r['run_id']}  {where}{stage}: {r['reason']}")
    if not rows:
        click.echo("no errors recorded", err=True)


@click.command("runs")
@db_option
def runs_cmd(db):
    """List the runs recorded in the database."""
    with Store(_db(db), readonly=True) as store:
        for r in store.runs():
            s = json.loads(r["summary"]) if r["summary"] else {}
            click.echo(f"{r['run_id']}  {r['status']:<11} read={s.get('read', '?')} "
                       f"analysed={s.get('processed', '?')} skipped={s.get('skipped', '?')} "
                       f"failed={s.get('failed', '?')}  {r['pipeline_version']}")
