"""Reading the cross-article data files: the packaged one or a user's file in its format."""

from __future__ import annotations

from ..datafiles import package_text
from ..errors import ConfigError


def data_text(path: str, builtin: str, setting: str) -> str:
    """The text of ``crossdoc/data/<builtin>`` when ``path`` is "builtin", else of the file
    ``path``; ConfigError naming the ``setting`` when it cannot be read."""
    try:
        if path == "builtin":
            return package_text(f"crossdoc/data/{builtin}")
        with open(path, encoding="utf-8") as fh:
            return fh.read()
    except OSError as exc:
        raise ConfigError(f"cannot read {path} ({exc}); set {setting} to \"builtin\" or a "
                          f"TSV file in the format of crossdoc/data/{builtin}") from None
