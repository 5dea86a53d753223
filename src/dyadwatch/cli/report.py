"""`dyadwatch report`: the self-contained HTML report; `dyadwatch clusters`: update the
cross-article tables and export them."""

from __future__ import annotations

from pathlib import Path

import click

from .crossdoc_common import current_store
from .inspect import _db
from .options import build_config, config_options, db_option


@click.command()
@db_option
@click.option("--out", type=click.Path(dir_okay=False),
              help="The HTML file (default: report.html next to the database).")
@config_options
def report(db, out, config_path, overrides):
    """Write the HTML report (relationships, contradictions, quotes, claims, sources)."""
    from ..crossdoc import default_report_path, write_report

    cfg = build_config(config_path, overrides)
    with current_store(db, cfg) as store:
        path = write_report(store, out or default_report_path(_db(db)), cfg)
    click.echo(f"report:   {Path(path).resolve()}")


@click.command()
@db_option
@click.option("--polecat", type=click.Path(dir_okay=False),
              help="Write every event as POLECAT-style TSV to this file.")
@config_options
def clusters(db, polecat, config_path, overrides):
    """Update the event and claim clusters and contradictions; print their counts."""
    from ..crossdoc import write_polecat

    cfg = build_config(config_path, overrides)
    with current_store(db, cfg) as store:
        rows = store.con.execute(
            "SELECT kind, count(*), sum(corroboration > 1), sum(agreement = 'conflict') "
            "FROM clusters GROUP BY kind").fetchall()
        n_contra = store.count("contradictions")
        if polecat:
            n = write_polecat(store, polecat)
            click.echo(f"dyadwatch: wrote {n} events to {polecat}", err=True)
    for kind, n, corroborated, conflict in rows:
        extra = f", {conflict or 0} with conflicting values" if kind == "claim" else ""
        click.echo(f"{kind} clusters: {n} ({corroborated or 0} reported by 2+ articles{extra})")
    click.echo(f"contradictions: {n_contra}")
