"""`dyadwatch dyad A B`: the relationship monitor of one pair of actors."""

from __future__ import annotations

import json
from pathlib import Path

import click

from .crossdoc_common import current_store
from .options import build_config, config_options, db_option


@click.command()
@click.argument("a")
@click.argument("b")
@db_option
@click.option("--since", help="First day (YYYY-MM-DD, or a prefix: 2023, 2023-06).")
@click.option("--until", help="Last day (inclusive; a prefix counts whole: 2023 = all of 2023).")
@click.option("--directed", is_flag=True, help="Only A -> B (default: both directions and "
                                                "joint acts).")
@click.option("--period", type=click.Choice(["week", "month"]), help="Index period "
                                                                     "(default: monitor.period).")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table",
              show_default=True)
@click.option("--export", "export_dir", type=click.Path(file_okay=False),
              help="Also write every monitor table to this folder (see --export-format).")
@click.option("--export-format", type=click.Choice(["csv", "parquet"]), default="csv",
              show_default=True)
@config_options
def dyad(a, b, db, since, until, directed, period, fmt, export_dir, export_format,
         config_path, overrides):
    """Monitor the relationship of A and B (country codes such as CHN RUS)."""
    from ..crossdoc import dyad_view, write_frame

    cfg = build_config(config_path, overrides)
    with current_store(db, cfg) as store:
        view = dyad_view(store, a, b, directed=directed, since=since, until=until, config=cfg,
                         period=period)
    if export_dir:
        Path(export_dir).mkdir(parents=True, exist_ok=True)
        tables = {"events": view.events, "index": view.index, "asymmetry": view.asymmetry,
                  "channels": view.channels, "sources": view.sources,
                  "by_type": view.by("event"), "top_evidence": view.top_evidence}
        for name, frame in tables.items():
            write_frame(frame, export_format, str(Path(export_dir) / f"{name}.{export_format}"))
        click.echo(f"dyadwatch: wrote {len(tables)} tables to {export_dir}", err=True)
    if fmt == "json":
        click.echo(json.dumps(view.to_dict(), ensure_ascii=False, indent=2))
        return
    arrow = "->" if directed else "<->"
    span = f" {since or '…'} to {until or '…'}" if since or until else ""
    click.echo(f"{view.a} {arrow} {view.b}{span}: {len(view.events)} distinct events")
    if view.events.empty:
        click.echo("no events for this pair; `dyadwatch report` lists the active pairs")
        return
    sections = [("cooperation-conflict index per " + view.period, view.index),
                ("events by type", view.by("event")), ("events by modality", view.by("modality")),
                ("asymmetry of material flows", view.asymmetry), ("channels", view.channels),
                ("sources", view.sources), ("top evidence", view.top_evidence[
                    ["date", "direction", "event", "corroboration", "evidence"]])]
    for title, frame in sections:
        click.echo(f"\n{title}:")
        with_width = frame.to_string(index=False, max_colwidth=90)
        click.echo(with_width if len(frame) else "  (none)")
