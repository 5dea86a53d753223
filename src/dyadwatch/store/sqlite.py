"""The embedded store: one SQLite file in WAL mode.

Why SQLite (docs/ARCHITECTURE.md has the long form): the web API must read while a batch
writes, and SQLite in WAL mode lets any number of readers in during a write, where DuckDB
locks its file against every other process. Writes are one transaction per batch, so a
process killed at any moment leaves whole batches or nothing; re-running an article
replaces its rows (key: article id + pipeline version). Analytics over millions of events
read the store through DuckDB or pandas (the monitor issue measures it).
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import os
import sqlite3
import uuid
from pathlib import Path
from typing import Any, Iterable, Iterator

from ..errors import NotFound, StoreError
from ..schema import TABLES, Article, ErrorRecord, dyad_rows, row_of_plain
from .migrations import migrate

log = logging.getLogger(__name__)


def _now() -> str:
    return dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")


def _pid_alive(pid: int | None) -> bool:
    if not pid:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


class Store:
    """The database. Use as a context manager or call ``close()``."""

    def __init__(self, path: str | os.PathLike, readonly: bool = False):
        self.path = str(path)
        self.readonly = readonly
        try:
            if readonly:
                if not Path(self.path).exists():
                    raise NotFound(f"database {self.path} does not exist; run "
                                   "`dyadwatch analyze` first or pass --db FILE")
                self.con = sqlite3.connect(f"file:{self.path}?mode=ro", uri=True, timeout=30,
                                           isolation_level=None, check_same_thread=False)
            else:
                Path(self.path).parent.mkdir(parents=True, exist_ok=True)
                self.con = sqlite3.connect(self.path, timeout=30, isolation_level=None,
                                           check_same_thread=False)
                self.con.execute("PRAGMA journal_mode=WAL")
                self.con.execute("PRAGMA synchronous=NORMAL")
                migrate(self.con)
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"cannot open database {self.path}: {exc}; is it a dyadwatch "
                             "database? Pass another --db FILE") from None
        self.con.row_factory = sqlite3.Row
        self._columns = {name: [c[1] for c in self.con.execute(f"PRAGMA table_info({name})")]
                         for name in TABLES}

    # -- context manager ---------------------------------------------------------------
    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()

    def close(self) -> None:
        self.con.close()

    # -- runs --------------------------------------------------------------------------
    def begin_run(self, pipeline_version: str, config: dict, inputs: list[str]) -> str:
        self._mark_interrupted()
        run_id = dt.datetime.now(dt.timezone.utc).strftime("%Y%m%dT%H%M%S") + "-" + \
            uuid.uuid4().hex[:6]
        self.con.execute(
            "INSERT INTO runs (run_id, started, status, pid, pipeline_version, config, inputs) "
            "VALUES (?, ?, 'running', ?, ?, ?, ?)",
            (run_id, _now(), os.getpid(), pipeline_version, json.dumps(config),
             json.dumps(inputs)))
        return run_id

    def finish_run(self, run_id: str, summary: dict, status: str = "finished") -> None:
        self.con.execute("UPDATE runs SET finished=?, status=?, summary=? WHERE run_id=?",
                         (_now(), status, json.dumps(summary), run_id))

    def _mark_interrupted(self) -> None:
        for row in self.con.execute(
                "SELECT run_id, pid FROM runs WHERE status='running'").fetchall():
            if not _pid_alive(row["pid"]) or row["pid"] == os.getpid():
                self.con.execute("UPDATE runs SET status='interrupted' WHERE run_id=?",
                                 (row["run_id"],))

    def runs(self) -> list[dict]:
        return [dict(r) for r in self.con.execute("SELECT * FROM runs ORDER BY started")]

    # -- resume ------------------------------------------------------------------------
    def done(self, keys: Iterable[tuple[str, str, str]]) -> set[tuple[str, str]]:
        """Of (id, pipeline_version, raw_hash) keys, those already stored with that hash."""
        out = set()
        for art_id, version, raw_hash in keys:
            row = self.con.execute(
                "SELECT 1 FROM articles WHERE id=? AND pipeline_version=? AND raw_hash=?",
                (art_id, version, raw_hash)).fetchone()
            if row:
                out.add((art_id, version))
        return out

    # -- writing -----------------------------------------------------------------------
    def write_batch(self, run_id: str | None, articles: list[Article],
                    errors: list[ErrorRecord] = (), listed: list[tuple[int, str, str]] = (),
                    dedup: Any = None) -> None:
        """Store a batch in one transaction: articles (replacing their earlier records for
        the same pipeline version), their child records, errors, the run's article list,
        and duplicate links (``dedup`` is a DuplicateIndex backed by this store)."""
        con = self.con
        try:
            con.execute("BEGIN IMMEDIATE")
            for art in articles:
                if dedup is not None:
                    dedup.link(art)
                self._write_article(run_id, art)
            for err in errors:
                con.execute(
                    "INSERT INTO errors (run_id, path, article_id, stage, line, reason, created) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?)",
                    (run_id, err.path, err.article_id, err.stage, err.line, err.reason, _now()))
            if listed:
                con.executemany("INSERT OR REPLACE INTO run_articles VALUES (?, ?, ?, ?)",
                                [(run_id, seq, aid, ver) for seq, aid, ver in listed])
            con.execute("COMMIT")
        except sqlite3.Error as exc:
            con.execute("ROLLBACK")
            raise StoreError(f"cannot write to {self.path}: {exc}; check free disk space and "
                             "that no other program holds the database") from None
        except BaseException:
            con.execute("ROLLBACK")
            raise

    def _write_article(self, run_id: str | None, art: Article) -> None:
        con = self.con
        version = art.pipeline_version or ""
        art.pipeline_version = version
        for name in [n for n, spec in TABLES.items() if spec.article_field] + ["event_dyads"]:
            con.execute(f"DELETE FROM {name} WHERE article_id=? AND pipeline_version=?",
                        (art.id, version))
        spec = TABLES["articles"]
        plain = art.to_dict()  # converted once: the record JSON and every child row
        row = row_of_plain(spec, plain) + (json.dumps(plain, ensure_ascii=False), run_id,
                                            _now())
        cols = [c for c, _ in _article_columns()] + ["record", "run_id", "updated"]
        con.execute(f"INSERT OR REPLACE INTO articles ({', '.join(map(_q, cols))}) "
                    f"VALUES ({', '.join('?' * len(cols))})", row)
        for name, spec in TABLES.items():
            if not spec.article_field:
                continue
            records = plain[spec.article_field]
            if not records:
                continue
            rows = [row_of_plain(spec, rec, (art.id, version, i))
                    for i, rec in enumerate(records)]
            n = len(rows[0])
            con.executemany(f"INSERT INTO {name} VALUES ({', '.join('?' * n)})", rows)
        dyads = [astuple_fast(r) for r in dyad_rows(art)]
        if dyads:
            con.executemany(f"INSERT INTO event_dyads VALUES ({', '.join('?' * len(dyads[0]))})",
                            dyads)

    # -- fingerprints (the DuplicateIndex's memory across runs) -------------------------
    def by_content_hash(self, content_hash: str, exclude: str) -> str | None:
        row = self.con.execute(
            "SELECT article_id FROM fingerprints WHERE content_hash=? AND article_id<>? "
            "AND duplicate_of IS NULL ORDER BY rowid LIMIT 1", (content_hash, exclude)).fetchone()
        return row[0] if row else None

    def candidates(self, band_keys: list[int], exclude: str):
        if not band_keys:
            return
        marks = ",".join("?" * len(band_keys))
        rows = self.con.execute(
            f"SELECT f.article_id, f.signature, f.duplicate_of FROM fingerprints f WHERE "
            f"f.article_id IN (SELECT DISTINCT article_id FROM lsh_bands WHERE band_key IN "
            f"({marks})) AND f.article_id<>? ORDER BY f.rowid", (*band_keys, exclude))
        for r in rows:
            yield r[0], r[1], r[2]

    def add(self, article_id: str, content_hash: str, signature: bytes, band_keys: list[int],
            duplicate_of: str | None) -> None:
        self.con.execute("DELETE FROM lsh_bands WHERE article_id=?", (article_id,))
        self.con.execute(
            "INSERT INTO fingerprints (article_id, content_hash, signature, duplicate_of) "
            "VALUES (?, ?, ?, ?) ON CONFLICT(article_id) DO UPDATE SET "
            "content_hash=excluded.content_hash, signature=excluded.signature, "
            "duplicate_of=excluded.duplicate_of", (article_id, content_hash, signature,
                                                    duplicate_of))
        self.con.executemany("INSERT INTO lsh_bands VALUES (?, ?)",
                             [(k, article_id) for k in band_keys])

    # -- reading -----------------------------------------------------------------------
    def get_article(self, article_id: str, version: str | None = None) -> Article:
        if version:
            row = self.con.execute("SELECT record FROM articles WHERE id=? AND "
                                   "pipeline_version=?", (article_id, version)).fetchone()
        else:
            row = self.con.execute("SELECT record FROM articles WHERE id=? ORDER BY updated "
                                   "DESC, rowid DESC LIMIT 1", (article_id,)).fetchone()
        if row is None:
            raise NotFound(f"no article {article_id!r} in {self.path}; "
                           "`dyadwatch export --format jsonl` lists the stored ones")
        return Article.from_dict(json.loads(row[0]))

    def iter_records(self, run_id: str | None = None) -> Iterator[str]:
        """Record JSON of each article: of one run in input order, or the latest of each."""
        if run_id:
            sql = ("SELECT a.record FROM run_articles r JOIN articles a ON a.id=r.article_id "
                   "AND a.pipeline_version=r.pipeline_version WHERE r.run_id=? ORDER BY r.seq")
            rows = self.con.execute(sql, (run_id,))
        else:
            rows = self.con.execute(
                "SELECT record FROM articles a WHERE rowid = (SELECT max(rowid) FROM articles "
                "b WHERE b.id=a.id) ORDER BY rowid")
        for r in rows:
            yield r[0]

    def iter_articles(self, run_id: str | None = None) -> Iterator[Article]:
        for rec in self.iter_records(run_id):
            yield Article.from_dict(json.loads(rec))

    def iter_rows(self, table: str, latest_only: bool = True) -> Iterator[dict]:
        """Rows of a record table (dicts of column values), for flat exports."""
        if table not in TABLES and table not in ("errors", "runs", "clusters"):
            raise StoreError(f"no table {table!r}; tables: "
                             f"{', '.join(list(TABLES) + ['clusters', 'errors', 'runs'])}")
        if table == "articles":
            cols = ", ".join(_q(c) for c, _ in _article_columns())
            sql = f"SELECT {cols} FROM articles a"
            if latest_only:
                sql += " WHERE rowid = (SELECT max(rowid) FROM articles b WHERE b.id=a.id)"
        elif TABLES.get(table) and TABLES[table].article_field and latest_only:
            sql = (f"SELECT t.* FROM {table} t JOIN articles a ON a.id=t.article_id AND "
                   f"a.pipeline_version=t.pipeline_version WHERE a.rowid = (SELECT max(rowid) "
                   f"FROM articles b WHERE b.id=a.id) ORDER BY a.rowid, t.idx")
        else:
            sql = f"SELECT * FROM {table}"
        for r in self.con.execute(sql):
            yield dict(r)

    def errors(self, run_id: str | None = None) -> list[dict]:
        if run_id:
            rows = self.con.execute("SELECT * FROM errors WHERE run_id=? ORDER BY id", (run_id,))
        else:
            rows = self.con.execute("SELECT * FROM errors ORDER BY id")
        return [dict(r) for r in rows]

    def count(self, table: str) -> int:
        return self.con.execute(f"SELECT count(*) FROM {_q(table)}").fetchone()[0]

    def migrations(self) -> list[str]:
        return [r[0] for r in self.con.execute("SELECT name FROM schema_migrations ORDER BY "
                                               "rowid")]


def astuple_fast(rec: Any) -> tuple:
    """A flat slotted record as a tuple (dataclasses.astuple deep-copies; this does not)."""
    return tuple(getattr(rec, f) for f in rec.__slots__)


def _q(name: str) -> str:
    return f'"{name}"'


def _article_columns() -> list[tuple[str, str]]:
    from ..schema import columns_of

    return columns_of(TABLES["articles"])
