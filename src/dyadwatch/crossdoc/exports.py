"""Exports of the cross-article tables: clusters, contradictions and a dyad's monitor
tables to CSV or Parquet, and events as POLECAT-style TSV.

POLECAT-style TSV: the column names of the POLECAT weekly files (as in the header row
``Event ID, Event Date, Event Type, Event Mode, Intensity, Quad Code, Contexts, Actor
Name, Actor Country, ... Source, Publication Date, ... Language, Version``), in that
order, one row per actor -> recipient pair of an event (POLECAT has one actor and one
recipient a row). Columns we have no value for (COW codes, Wikipedia ids, geocoding) are
empty. Our own columns follow: Modality, Attributed To, Confidence, Evidence, Article ID,
Cluster ID, Corroboration. ``Intensity`` is the PLOVER cooperation-conflict score,
``Quad Code`` the quad class as 1-4 (verbal/material cooperation, verbal/material
conflict), ``Contexts`` comma-separated, ``Event Date`` the event's date (else the
publication date).
"""

from __future__ import annotations

import csv
import json
import sys
from typing import Iterable, Optional

import pandas as pd

from ..errors import ConfigError
from ..schema import TABLES, columns_of
from ..store.export import text_output, write_dict_rows
from .clusters import quad_of, score_of

POLECAT_COLUMNS = [
    "Event ID", "Event Date", "Event Type", "Event Mode", "Intensity", "Quad Code",
    "Contexts", "Actor Name", "Actor Country", "Actor COW", "Primary Actor Sector",
    "Actor Sectors", "Actor Title", "Actor Name Raw", "Wikipedia Actor ID", "Recipient Name",
    "Recipient Country", "Recipient COW", "Primary Recipient Sector", "Recipient Sectors",
    "Recipient Title", "Recipient Name Raw", "Wikipedia Recipient ID", "Placename", "City",
    "District", "Province", "Country", "Latitude", "Longitude", "GeoNames ID",
    "Raw Placename", "Feature Type", "Source", "Publication Date", "Story People",
    "Story Organizations", "Story Locations", "Language", "Version"]
OWN_COLUMNS = ["Modality", "Attributed To", "Confidence", "Evidence", "Article ID",
               "Cluster ID", "Corroboration"]
QUAD_CODE = {"verbal_cooperation": 1, "material_cooperation": 2, "verbal_conflict": 3,
             "material_conflict": 4}
CROSSDOC_TABLES = ("clusters", "cluster_members", "contradictions")


def frame_of_table(store, table: str) -> pd.DataFrame:
    """A cross-article table as a DataFrame (structured columns as JSON text)."""
    if table not in CROSSDOC_TABLES:
        raise ConfigError(f"no cross-article table {table!r}; use one of "
                          f"{', '.join(CROSSDOC_TABLES)}")
    cols = [c for c, _ in columns_of(TABLES[table])]
    rows = [dict(r) for r in store.con.execute(f"SELECT * FROM {table} ORDER BY rowid")]
    return pd.DataFrame(rows, columns=cols)


def write_frame(frame: pd.DataFrame, fmt: str, out: Optional[str]) -> int:
    """A DataFrame to CSV (stdout when ``out`` is None) or Parquet; list and dict cells
    become JSON text."""
    frame = frame.copy()
    for col in frame.columns:
        if frame[col].map(lambda v: isinstance(v, (list, dict))).any():
            frame[col] = frame[col].map(lambda v: json.dumps(v, ensure_ascii=False)
                                        if isinstance(v, (list, dict)) else v)
    if fmt == "parquet":
        if not out:
            raise ConfigError("Parquet is binary: give --out FILE.parquet")
        frame.to_parquet(out, index=False)
    elif fmt == "csv":
        frame.to_csv(out if out else sys.stdout, index=False)
    else:
        raise ConfigError(f"unknown format {fmt!r}; use csv or parquet")
    return len(frame)


def _names(refs: list[dict]) -> list[tuple]:
    return [(r.get("name") or "", r.get("code") or "", r.get("sector") or "") for r in refs]


def polecat_rows(store) -> Iterable[dict]:
    """One POLECAT-style row per actor -> recipient pair of each stored event."""
    clusters = {(r[0], r[1]): (r[2], r[3]) for r in store.con.execute(
        "SELECT m.article_id, m.idx, m.cluster_id, c.corroboration FROM cluster_members m "
        "JOIN clusters c ON c.id = m.cluster_id WHERE m.kind = 'event'")}
    sql = ("SELECT e.*, a.source AS art_source, a.published AS art_published, "
           "a.language AS art_language FROM events e JOIN articles a ON a.id = e.article_id "
           "AND a.pipeline_version = e.pipeline_version WHERE a.rowid = (SELECT max(rowid) "
           "FROM articles b WHERE b.id = a.id) ORDER BY a.rowid, e.idx")
    for r in store.con.execute(sql):
        actors = _names(json.loads(r["actor"] or "[]")) or [("", "", "")]
        recips = _names(json.loads(r["recipient"] or "[]")) or [("", "", "")]
        cid, corr = clusters.get((r["article_id"], r["idx"]), ("", ""))
        quad = quad_of(r["event"])
        for an, ac, asec in actors:
            for rn, rc, rsec in recips:
                yield {
                    "Event ID": r["id"], "Event Date": r["date"] or r["art_published"] or "",
                    "Event Type": r["event"], "Event Mode": r["mode"] or "",
                    "Intensity": r["score"] if r["score"] is not None else
                    score_of(r["event"], r["mode"]),
                    "Quad Code": QUAD_CODE.get(quad, ""),
                    "Contexts": ",".join(json.loads(r["contexts"] or "[]")),
                    "Actor Name": an, "Actor Country": ac, "Primary Actor Sector": asec,
                    "Actor Sectors": asec, "Recipient Name": rn, "Recipient Country": rc,
                    "Primary Recipient Sector": rsec, "Recipient Sectors": rsec,
                    "Raw Placename": r["location"] or "", "Source": r["art_source"] or "",
                    "Publication Date": r["art_published"] or "",
                    "Language": r["art_language"] or "", "Version": r["pipeline_version"],
                    "Modality": r["modality"], "Attributed To": r["attributed_to"] or "",
                    "Confidence": r["confidence"] if r["confidence"] is not None else "",
                    "Evidence": " ".join((r["evidence"] or "").split()),
                    "Article ID": r["article_id"], "Cluster ID": cid, "Corroboration": corr}


def write_polecat(store, out: Optional[str]) -> int:
    with text_output(out) as fh:
        writer = csv.DictWriter(fh, fieldnames=POLECAT_COLUMNS + OWN_COLUMNS, delimiter="\t",
                                restval="", quoting=csv.QUOTE_MINIMAL, lineterminator="\n")
        return write_dict_rows(writer, polecat_rows(store))
