"""Named migrations, recorded in the ``schema_migrations`` table.

The record tables are derived from ``dyadwatch.schema``: ``0002_record_tables`` creates
them, and ``sync_schema`` adds any column a later schema version brings (recorded as
``auto:add-column:<table>.<column>``), so a database made by an older version keeps working.
Structural changes that cannot be derived (renames are not allowed by the record contract,
new indexes, data fixes) get a named migration appended to ``MIGRATIONS``.
"""

from __future__ import annotations

import datetime as dt
import logging
import sqlite3
from typing import Callable

from ..schema import TABLES, Cluster, DyadRow, TableSpec, columns_of

log = logging.getLogger(__name__)

# Record tables stored besides the per-article ones.
CLUSTERS = TableSpec("clusters", Cluster, None)
DYADS = TableSpec("event_dyads", DyadRow, None)


def _record_table_sql(spec: TableSpec) -> list[str]:
    cols = columns_of(spec)
    body = [f'"{name}" {kind}' for name, kind in cols]
    stmts = []
    if spec.name == "articles":
        body += ['"record" JSON NOT NULL', '"run_id" TEXT', '"updated" TEXT']
        body.append("PRIMARY KEY (id, pipeline_version)")
        stmts.append(f"CREATE TABLE IF NOT EXISTS articles ({', '.join(body)})")
        stmts.append("CREATE INDEX IF NOT EXISTS articles_content_hash ON articles(content_hash)")
        stmts.append("CREATE INDEX IF NOT EXISTS articles_published ON articles(published)")
    elif spec.article_field:
        stmts.append(f"CREATE TABLE IF NOT EXISTS {spec.name} ({', '.join(body)})")
        stmts.append(f"CREATE INDEX IF NOT EXISTS {spec.name}_article "
                     f"ON {spec.name}(article_id, pipeline_version)")
    else:
        body.append("PRIMARY KEY (id)")
        stmts.append(f"CREATE TABLE IF NOT EXISTS {spec.name} ({', '.join(body)})")
    return stmts


def _core_tables(con: sqlite3.Connection) -> None:
    # Statement by statement: executescript would commit the migration's transaction.
    _script(con, """
        CREATE TABLE IF NOT EXISTS runs (
            run_id TEXT PRIMARY KEY, started TEXT, finished TEXT, status TEXT, pid INTEGER,
            pipeline_version TEXT, config JSON, inputs JSON, summary JSON);
        CREATE TABLE IF NOT EXISTS run_articles (
            run_id TEXT, seq INTEGER, article_id TEXT, pipeline_version TEXT,
            PRIMARY KEY (run_id, seq));
        CREATE TABLE IF NOT EXISTS errors (
            id INTEGER PRIMARY KEY AUTOINCREMENT, run_id TEXT, path TEXT, article_id TEXT,
            stage TEXT, line INTEGER, reason TEXT, created TEXT);
        CREATE INDEX IF NOT EXISTS errors_run ON errors(run_id);
        CREATE TABLE IF NOT EXISTS fingerprints (
            article_id TEXT PRIMARY KEY, content_hash TEXT, signature BLOB, duplicate_of TEXT);
        CREATE INDEX IF NOT EXISTS fingerprints_hash ON fingerprints(content_hash);
        CREATE TABLE IF NOT EXISTS lsh_bands (band_key INTEGER, article_id TEXT);
        CREATE INDEX IF NOT EXISTS lsh_bands_key ON lsh_bands(band_key);
        CREATE INDEX IF NOT EXISTS lsh_bands_article ON lsh_bands(article_id);
    """)


def _script(con: sqlite3.Connection, script: str) -> None:
    for stmt in script.split(";"):
        if stmt.strip():
            con.execute(stmt)


def _record_tables(con: sqlite3.Connection) -> None:
    for spec in list(TABLES.values()) + [CLUSTERS]:
        for stmt in _record_table_sql(spec):
            con.execute(stmt)


def _dyad_table(con: sqlite3.Connection) -> None:
    cols = ", ".join(f'"{name}" {kind}' for name, kind in columns_of(DYADS))
    con.execute(f"CREATE TABLE IF NOT EXISTS event_dyads ({cols})")
    con.execute("CREATE INDEX IF NOT EXISTS event_dyads_dyad "
                "ON event_dyads(actor_code, recipient_code, date)")
    con.execute("CREATE INDEX IF NOT EXISTS event_dyads_article "
                "ON event_dyads(article_id, pipeline_version)")


def _crossdoc_tables(con: sqlite3.Connection) -> None:
    """Clusters, their members, contradictions (dyadwatch.crossdoc); the dyads of event
    clusters for the monitor's queries; cached sentence embeddings."""
    for name in ("clusters", "cluster_members", "contradictions"):
        for stmt in _record_table_sql(TABLES[name]):
            con.execute(stmt)
    _script(con, """
        CREATE INDEX IF NOT EXISTS cluster_members_cluster ON cluster_members(cluster_id);
        CREATE INDEX IF NOT EXISTS cluster_members_article
            ON cluster_members(article_id, pipeline_version, kind);
        CREATE TABLE IF NOT EXISTS cluster_dyads (
            cluster_id TEXT, actor_code TEXT, recipient_code TEXT, date TEXT, joint INTEGER);
        CREATE INDEX IF NOT EXISTS cluster_dyads_dyad
            ON cluster_dyads(actor_code, recipient_code, date);
        CREATE INDEX IF NOT EXISTS cluster_dyads_cluster ON cluster_dyads(cluster_id);
        CREATE TABLE IF NOT EXISTS embeddings (
            key TEXT PRIMARY KEY, model TEXT, vector BLOB)
    """)


MIGRATIONS: list[tuple[str, Callable[[sqlite3.Connection], None]]] = [
    ("0001_core_tables", _core_tables),
    ("0002_record_tables", _record_tables),
    ("0003_event_dyads", _dyad_table),
    ("0004_crossdoc_tables", _crossdoc_tables),
]


def _now() -> str:
    return dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")


def applied(con: sqlite3.Connection) -> set[str]:
    con.execute("CREATE TABLE IF NOT EXISTS schema_migrations (name TEXT PRIMARY KEY, "
                "applied TEXT)")
    return {r[0] for r in con.execute("SELECT name FROM schema_migrations")}


def migrate(con: sqlite3.Connection) -> list[str]:
    """Apply pending migrations and schema columns; returns the names applied now."""
    done = applied(con)
    now: list[str] = []
    con.execute("BEGIN IMMEDIATE")
    try:
        for name, fn in MIGRATIONS:
            if name not in done:
                fn(con)
                con.execute("INSERT INTO schema_migrations VALUES (?, ?)", (name, _now()))
                now.append(name)
        now += sync_schema(con)
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise
    for name in now:
        log.info("applied migration %s", name)
    return now


def sync_schema(con: sqlite3.Connection) -> list[str]:
    """Add columns the schema has and a table lacks (inside the caller's transaction)."""
    added = []
    for spec in list(TABLES.values()) + [CLUSTERS, DYADS]:
        have = {r[1] for r in con.execute(f"PRAGMA table_info({spec.name})")}
        for name, kind in columns_of(spec):
            if name not in have:
                con.execute(f'ALTER TABLE {spec.name} ADD COLUMN "{name}" {kind}')
                label = f"auto:add-column:{spec.name}.{name}"
                con.execute("INSERT OR IGNORE INTO schema_migrations VALUES (?, ?)",
                            (label, _now()))
                added.append(label)
    return added
