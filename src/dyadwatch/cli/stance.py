"""`dyadwatch stance`: each outlet's mean tone towards each actor code, from the store."""

from __future__ import annotations

import json

import click

from ..config import load_config
from ..stance.outlets import store_outlet_stance
from ..store import Store
from .options import db_option


@click.command("stance")
@db_option
@click.option("--by", type=click.Choice(["outlet"]), default="outlet", show_default=True,
              help="How to group articles.")
@click.option("--code", "codes", multiple=True, help="Only these actor codes (repeatable).")
@click.option("--min-articles", default=1, show_default=True,
              help="Leave out rows with fewer articles.")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table",
              show_default=True)
def stance_cmd(db, by, codes, min_articles, fmt):
    """Print each outlet's mean stance towards each actor code (critical < 0 < favourable)."""
    with Store(db or load_config()["store"]["path"], readonly=True) as store:
        df = store_outlet_stance(store, codes or None, min_articles)
    if fmt == "json":
        click.echo(json.dumps(df.to_dict(orient="records"), ensure_ascii=False, indent=2))
    elif df.empty:
        click.echo("no stance records stored; run `dyadwatch analyze` first", err=True)
    else:
        click.echo(df.to_string(index=False))
