"""Reading the packaged data files: tab-separated tables with a commented header block.

Every data file (actor dictionaries, trigger and cue lexicons, the CAMEO mapping, places)
starts with `#` lines saying where its facts come from, then a header row, then rows.
"""

from __future__ import annotations

import csv
import io
from functools import lru_cache
from importlib import resources


def package_text(path: str) -> str:
    """A file shipped inside the package, by its path below ``dyadwatch/``."""
    return resources.files("dyadwatch").joinpath(path).read_text(encoding="utf-8")


def package_bytes(path: str) -> bytes:
    """A binary file shipped inside the package (model weights), by its path below
    ``dyadwatch/``."""
    return resources.files("dyadwatch").joinpath(path).read_bytes()


def tsv_reader(text: str) -> csv.DictReader:
    """A reader over the rows of a data table, its `#` comment lines left out."""
    body = "\n".join(line for line in text.splitlines()
                     if line.strip() and not line.lstrip().startswith("#"))
    return csv.DictReader(io.StringIO(body), delimiter="\t", quoting=csv.QUOTE_NONE)


def tsv_rows(text: str) -> list[dict[str, str]]:
    """The rows of a data table as dicts, keys and values stripped."""
    return [{(k or "").strip(): (v or "").strip() for k, v in row.items()}
            for row in tsv_reader(text)]


@lru_cache(maxsize=1)
def places() -> dict[str, str]:
    """``data/places.tsv``: lower-case city -> ISO alpha-3 code of its state."""
    out = {}
    for line in package_text("data/places.tsv").splitlines():
        if line.strip() and not line.startswith("#"):
            parts = line.split("\t")
            if len(parts) >= 2:
                out[parts[0].strip().lower()] = parts[1].strip()
    return out
