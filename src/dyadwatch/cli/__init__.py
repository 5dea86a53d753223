"""The command line: a thin shell over the library. Only this package prints.

Each command lives in a module of its own; ``main`` maps DyadwatchError subclasses to their
exit codes and a one-line message.
"""

from __future__ import annotations

import logging
import sys

import click

from .. import __version__
from ..errors import DyadwatchError
from .analyze import analyze
from .inspect import errors_cmd, runs_cmd, show, stages
from .evaluate import eval_cmd
from .export import export
from .contradictions import contradictions_cmd
from .dyad import dyad
from .report import clusters, report
from .stance import stance_cmd


@click.group(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(__version__, prog_name="dyadwatch")
@click.option("-v", "--verbose", count=True, help="More log output (-vv for debug).")
def cli(verbose: int) -> None:
    """dyadwatch: who did what to whom in news about relations between states, with evidence.

    Run `dyadwatch analyze` with no argument to analyse the bundled sample corpus.
    """
    level = logging.WARNING if verbose == 0 else logging.INFO if verbose == 1 else logging.DEBUG
    logging.basicConfig(level=level, format="%(levelname)s %(name)s: %(message)s",
                        stream=sys.stderr)


for command in (analyze, show, export, stages, errors_cmd, runs_cmd, eval_cmd, stance_cmd,
                dyad, contradictions_cmd, report, clusters):
    cli.add_command(command)


def main(argv: list[str] | None = None) -> None:
    try:
        cli.main(args=argv, prog_name="dyadwatch", standalone_mode=False)
    except DyadwatchError as exc:
        click.echo(f"dyadwatch: error: {exc}", err=True)
        sys.exit(exc.exit_code)
    except click.exceptions.Abort:
        click.echo("dyadwatch: aborted", err=True)
        sys.exit(130)
    except click.ClickException as exc:
        exc.show()
        sys.exit(exc.exit_code)
    except click.exceptions.Exit as exc:
        sys.exit(exc.exit_code)
    except KeyboardInterrupt:
        click.echo("dyadwatch: interrupted; run the same command again to finish the rest",
                   err=True)
        sys.exit(130)
