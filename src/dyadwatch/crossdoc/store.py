"""Reading the cross-article tables of a store: clusters, contradictions, dyads, stance."""

from __future__ import annotations

import json
from typing import Iterable, Optional

import pandas as pd

from ..schema import TABLES, Cluster, Contradiction, columns_of, from_plain


def _record(cls, spec_name: str, row) -> object:
    plain = {}
    for name, kind in columns_of(TABLES[spec_name]):
        value = row[name]
        plain[name] = json.loads(value) if kind == "JSON" and isinstance(value, str) else value
    return from_plain(cls, plain)


def clusters_by_id(store, ids: Iterable[str]) -> dict[str, Cluster]:
    ids = list(ids)
    out: dict[str, Cluster] = {}
    for i in range(0, len(ids), 500):
        part = ids[i:i + 500]
        for row in store.con.execute(
                f"SELECT * FROM clusters WHERE id IN ({','.join('?' * len(part))})", part):
            out[row["id"]] = _record(Cluster, "clusters", row)
    return out


def clusters(store, kind: Optional[str] = None) -> list[Cluster]:
    sql, args = "SELECT * FROM clusters", ()
    if kind:
        sql, args = sql + " WHERE kind = ?", (kind,)
    return [_record(Cluster, "clusters", r) for r in store.con.execute(sql + " ORDER BY rowid",
                                                                        args)]


def contradictions(store) -> list[Contradiction]:
    return [_record(Contradiction, "contradictions", r) for r in store.con.execute(
        "SELECT * FROM contradictions ORDER BY kind, label, id")]


def pending(store) -> int:
    """Event records of the latest articles not yet in a cluster (0: clusters are current)."""
    row = store.con.execute(
        "SELECT count(*) FROM events e JOIN articles a ON a.id = e.article_id AND "
        "a.pipeline_version = e.pipeline_version WHERE a.rowid = (SELECT max(rowid) FROM "
        "articles b WHERE b.id = a.id) AND NOT EXISTS (SELECT 1 FROM cluster_members m WHERE "
        "m.kind = 'event' AND m.article_id = e.article_id AND m.pipeline_version = "
        "e.pipeline_version AND m.idx = e.idx)").fetchone()
    return row[0]


def top_dyads(store, n: int = 6, kind_min: int = 1) -> pd.DataFrame:
    """The most active undirected state pairs by event clusters."""
    rows = store.con.execute(
        "SELECT min(actor_code, recipient_code) AS a, max(actor_code, recipient_code) AS b, "
        "count(DISTINCT cluster_id) AS clusters FROM cluster_dyads WHERE recipient_code IS "
        "NOT NULL AND actor_code IS NOT NULL AND actor_code <> recipient_code "
        "GROUP BY 1, 2 HAVING clusters >= ? ORDER BY clusters DESC, a, b LIMIT ?",
        (kind_min, n)).fetchall()
    return pd.DataFrame([dict(r) for r in rows], columns=["a", "b", "clusters"])


def stance_frame(store, article_ids: Iterable[str]) -> pd.DataFrame:
    """Stance records (``Article.stance``) of the latest version of some articles:
    article, source, actor, score, label. Empty until the stance stage has run."""
    ids = list(article_ids)
    rows = []
    for i in range(0, len(ids), 500):
        part = ids[i:i + 500]
        rows += store.con.execute(
            "SELECT s.article_id AS article, a.source AS source, s.actor AS actor, s.score "
            "AS score, s.label AS label FROM stance s JOIN articles a ON a.id = s.article_id "
            "AND a.pipeline_version = s.pipeline_version WHERE a.rowid = (SELECT max(rowid) "
            f"FROM articles b WHERE b.id = a.id) AND s.article_id IN "
            f"({','.join('?' * len(part))})", part).fetchall()
    frame = pd.DataFrame([dict(r) for r in rows],
                         columns=["article", "source", "actor", "score", "label"])
    if not frame.empty:
        frame["source"] = frame["source"].fillna(frame["article"])
    return frame
