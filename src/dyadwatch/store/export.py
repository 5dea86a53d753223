"""Exports of the store: JSON lines (the record contract), CSV and Parquet tables.

Column names and types come from ``dyadwatch.schema`` (``columns_of``), so an export has
the same columns whether or not a table holds rows. Structured fields are JSON text.
Exports stream: rows are read and written in chunks, never all held in memory.
"""

from __future__ import annotations

import csv
import json
import sys
from contextlib import contextmanager
from itertools import islice
from typing import IO, Iterable, Iterator

from ..errors import ConfigError
from ..schema import TABLES, columns_of
from .sqlite import Store

FORMATS = ("jsonl", "csv", "parquet")
EXPORT_TABLES = tuple(TABLES)


def table_columns(table: str) -> list[tuple[str, str]]:
    if table not in TABLES:
        raise ConfigError(f"cannot export table {table!r}; tables: {', '.join(TABLES)}")
    return columns_of(TABLES[table])


def export(store: Store, fmt: str, table: str = "articles", out: str | None = None) -> int:
    """Write ``table`` of ``store`` in ``fmt`` to ``out`` (stdout for None); returns rows."""
    if fmt not in FORMATS:
        raise ConfigError(f"unknown export format {fmt!r}; formats: {', '.join(FORMATS)}")
    cols = table_columns(table)
    if fmt == "parquet":
        if not out:
            raise ConfigError("Parquet is binary: give --out FILE.parquet")
        return _parquet(store.iter_rows(table), cols, out)
    with text_output(out) as fh:
        if fmt == "jsonl":
            n = 0
            if table == "articles":
                for rec in store.iter_records():
                    fh.write(rec + "\n")
                    n += 1
            else:
                for row in store.iter_rows(table):
                    fh.write(json.dumps(_decode(row, cols), ensure_ascii=False) + "\n")
                    n += 1
            return n
        writer = csv.DictWriter(fh, fieldnames=[c for c, _ in cols], extrasaction="ignore")
        return write_dict_rows(writer, store.iter_rows(table))


@contextmanager
def text_output(out: str | None) -> Iterator[IO[str]]:
    """A text file opened for writing (closed afterwards), or standard output for None."""
    if not out:
        yield sys.stdout
        return
    with open(out, "w", encoding="utf-8", newline="") as fh:
        yield fh


def write_dict_rows(writer: csv.DictWriter, rows: Iterable[dict]) -> int:
    """The header and every row through ``writer``; returns the number of rows."""
    writer.writeheader()
    n = 0
    for row in rows:
        writer.writerow(row)
        n += 1
    return n


def _decode(row: dict, cols: list[tuple[str, str]]) -> dict:
    out = {}
    for name, kind in cols:
        value = row.get(name)
        out[name] = json.loads(value) if kind == "JSON" and isinstance(value, str) else value
    return out


_ARROW = {"INTEGER": "int64", "REAL": "float64", "TEXT": "string", "JSON": "string"}


def _parquet(rows: Iterator[dict], cols: list[tuple[str, str]], out: str,
             chunk: int = 50_000) -> int:
    import pyarrow as pa
    import pyarrow.parquet as pq

    schema = pa.schema([(name, pa.type_for_alias(_ARROW[kind])) for name, kind in cols])
    n = 0
    with pq.ParquetWriter(out, schema) as writer:
        while True:
            part = list(islice(rows, chunk))
            if not part:
                break
            data = {name: [r.get(name) for r in part] for name, _ in cols}
            writer.write_table(pa.table(data, schema=schema))
            n += len(part)
    return n
