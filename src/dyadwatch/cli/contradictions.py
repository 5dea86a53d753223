"""`dyadwatch contradictions`: where sources contradict each other."""

from __future__ import annotations

import json

import click

from ..schema import to_plain
from .crossdoc_common import current_store
from .options import build_config, config_options, db_option


@click.command("contradictions")
@db_option
@click.option("--kind", type=click.Choice(["event", "figure", "characterisation"]),
              multiple=True, help="Only these kinds (repeatable).")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table",
              show_default=True)
@config_options
def contradictions_cmd(db, kind, fmt, config_path, overrides):
    """List contradictions between sources, each with both evidence sentences."""
    from ..crossdoc import contradictions

    cfg = build_config(config_path, overrides)
    with current_store(db, cfg) as store:
        found = [c for c in contradictions(store) if not kind or c.kind in kind]
    if fmt == "json":
        for c in found:
            click.echo(json.dumps(to_plain(c), ensure_ascii=False))
        return
    for c in found:
        click.echo(f"[{c.kind}] {c.label} {'-'.join(c.dyad)}: {c.reason}")
        for side in ("a", "b"):
            src = getattr(c, f"{side}_source") or getattr(c, f"{side}_article")
            text = " ".join((getattr(c, f"{side}_evidence") or "").split())
            click.echo(f"   {side.upper()} {src} ({getattr(c, f'{side}_says')}): {text}")
    click.echo(f"{len(found)} contradictions", err=True)
