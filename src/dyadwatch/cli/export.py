"""`dyadwatch export`: the store as JSONL, CSV or Parquet."""

from __future__ import annotations

import click

from ..store import Store
from ..store.export import EXPORT_TABLES, FORMATS, export as export_table
from .inspect import _db
from .options import db_option


@click.command()
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="jsonl", show_default=True)
@click.option("--table", type=click.Choice(EXPORT_TABLES), default="articles", show_default=True,
              help="Which records; jsonl of articles is the full record contract.")
@click.option("--out", type=click.Path(dir_okay=False), help="Output file (default: stdout).")
@db_option
def export(fmt, table, out, db):
    """Export stored records (the latest pipeline version of each article)."""
    with Store(_db(db), readonly=True) as store:
        n = export_table(store, fmt, table, out)
    if out:
        click.echo(f"dyadwatch: wrote {n} {table} rows to {out}", err=True)
