"""Options shared by several commands."""

from __future__ import annotations

import click

from ..config import Config, load_config


def config_options(fn):
    fn = click.option("--set", "overrides", multiple=True, metavar="SECTION.KEY=VALUE",
                      help="Override a setting, e.g. --set pipeline.batch_size=64 "
                           "(repeatable; see docs/CONFIG.md).")(fn)
    fn = click.option("--config", "config_path", type=click.Path(dir_okay=False),
                      help="A TOML file of settings over the defaults.")(fn)
    return fn


def db_option(fn):
    return click.option("--db", type=click.Path(dir_okay=False),
                        help="Database file (default: store.path, dyadwatch.db in the "
                             "current directory).")(fn)


def build_config(config_path: str | None, overrides: tuple[str, ...], **flags) -> Config:
    """Defaults, the --config file, the dedicated flags (``section.key=value``), then --set."""
    sections: dict = {}
    for dotted, value in flags.items():
        if value is not None:
            section, key = dotted.split(".", 1)
            sections.setdefault(section, {})[key] = value
    return load_config(config_path, overrides, sections or None)
