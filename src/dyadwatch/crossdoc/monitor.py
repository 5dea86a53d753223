"""The relationship monitor: one dyad over a period, from de-duplicated event clusters.

    with Store("news.db", readonly=True) as store:
        view = dyad_view(store, "CHN", "RUS", since="2023-01-01", directed=False)
    view.index        # cooperation-conflict index per month (pandas DataFrame)
    view.asymmetry    # material flows A->B vs B->A
    view.channels     # diplomatic / economic / military / technology
    view.changes("2023-01-01", "2023-06-30", "2023-07-01", "2023-12-31")

Every figure is computed from the ``events`` frame, one row per event cluster (the same
event from ten outlets is one row with ``corroboration`` 10), each with its evidence
sentence and article, so every number can be traced back to sentences.

- **index**: per period (``week`` or ``month`` of the cluster's first date), over clusters
  whose modality is in ``monitor.modalities``: ``index`` = mean PLOVER score (-10 conflict
  .. +10 cooperation), ``net`` = sum of scores, ``cooperation`` / ``conflict`` = clusters
  with a positive / negative score, ``events`` = clusters.
- **asymmetry**: material flows (AID and COOPERATE, asserted) A->B against B->A: clusters,
  corroborating articles, and the share A->B of the two.
- **channels**: clusters per channel and direction, with mean score (channels.py).
- **changes**: per event type, clusters in each of two periods and the difference, plus
  the index of each period.
- **sources**: per outlet, the clusters it reports and its stance towards each party (mean
  of ``Article.stance`` scores of its articles, when the stance stage has run).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Iterable, Optional

import pandas as pd

from ..config import Config, load_config
from ..errors import ConfigError
from ..schema import Cluster
from .channels import load_channels
from .clusters import dyad_rows

MATERIAL_FLOWS = ("AID", "COOPERATE")
EVENT_COLUMNS = ["cluster_id", "date", "actor", "recipient", "direction", "event", "quad",
                 "mode", "modality", "contexts", "channels", "score", "corroboration", "size",
                 "sources", "evidence", "evidence_article", "members"]


def period_key(day: Optional[str], period: str) -> Optional[str]:
    """The month (YYYY-MM) or week (its Monday, YYYY-MM-DD) of a day."""
    if not isinstance(day, str) or not day:
        return None
    if period == "month":
        return day[:7]
    if period == "week":
        ts = pd.Timestamp(day[:10])
        return (ts - pd.Timedelta(days=ts.weekday())).strftime("%Y-%m-%d")
    raise ConfigError(f"monitor period {period!r}: use week or month")


@dataclass
class DyadView:
    a: str
    b: str
    directed: bool
    since: Optional[str]
    until: Optional[str]
    period: str
    modalities: tuple[str, ...]
    events: pd.DataFrame
    stance: pd.DataFrame = field(default_factory=pd.DataFrame)  # article, source, actor, score
    top_n: int = 5

    # -- counts ---------------------------------------------------------------------
    def counted(self, frame: Optional[pd.DataFrame] = None) -> pd.DataFrame:
        ev = self.events if frame is None else frame
        return ev[ev["modality"].isin(self.modalities)]

    def by(self, column: str) -> pd.DataFrame:
        """Clusters per value of a column (event, quad, mode, modality, contexts,
        channels, direction); list columns are exploded."""
        ev = self.events
        if ev.empty:
            return pd.DataFrame(columns=[column, "clusters", "articles"])
        if column in ("contexts", "channels"):
            ev = ev.explode(column)
        out = ev.groupby(column, dropna=False).agg(clusters=("cluster_id", "count"),
                                                   articles=("corroboration", "sum"))
        return out.reset_index().sort_values(["clusters", column], ascending=[False, True])

    @property
    def index(self) -> pd.DataFrame:
        return index_frame(self.counted(), self.period)

    @property
    def asymmetry(self) -> pd.DataFrame:
        ev = self.counted()
        ev = ev[ev["event"].isin(MATERIAL_FLOWS)]
        rows = []
        for direction in (f"{self.a}->{self.b}", f"{self.b}->{self.a}"):
            part = ev[ev["direction"] == direction]
            row = {"direction": direction, "clusters": len(part),
                   "articles": int(part["corroboration"].sum())}
            for t in MATERIAL_FLOWS:
                row[t] = int((part["event"] == t).sum())
            rows.append(row)
        out = pd.DataFrame(rows)
        total = out["clusters"].sum()
        out["share"] = (out["clusters"] / total).round(3) if total else 0.0
        return out

    @property
    def channels(self) -> pd.DataFrame:
        ev = self.counted().explode("channels")
        ev = ev[ev["channels"].notna()]
        if ev.empty:
            return pd.DataFrame(columns=["channel", "direction", "clusters", "mean_score"])
        out = ev.groupby(["channels", "direction"]).agg(
            clusters=("cluster_id", "count"), mean_score=("score", "mean")).reset_index()
        out["mean_score"] = out["mean_score"].round(2)
        return out.rename(columns={"channels": "channel"})

    @property
    def top_evidence(self) -> pd.DataFrame:
        ev = self.events.copy()
        if ev.empty:
            return ev
        ev["weight"] = ev["score"].abs().fillna(0)
        ev = ev.sort_values(["corroboration", "weight", "date"], ascending=[False, False, True])
        return ev.head(self.top_n)[["cluster_id", "date", "direction", "event", "modality",
                                    "score", "corroboration", "sources", "evidence",
                                    "evidence_article"]]

    def changes(self, since1: str, until1: str, since2: str, until2: str) -> pd.DataFrame:
        """Clusters per event type in two periods (dates inclusive) and the difference;
        the last row (event ``INDEX``) holds the mean score of each period."""
        ev = self.counted()
        first = ev[(ev["date"] >= since1) & (ev["date"] <= until1 + "\uffff")]
        second = ev[(ev["date"] >= since2) & (ev["date"] <= until2 + "\uffff")]
        c1, c2 = first["event"].value_counts(), second["event"].value_counts()
        types = sorted(set(c1.index) | set(c2.index))
        out = pd.DataFrame({"event": types, "before": [int(c1.get(t, 0)) for t in types],
                            "after": [int(c2.get(t, 0)) for t in types]})
        out["change"] = out["after"] - out["before"]
        mean = (lambda f: round(float(f["score"].mean()), 2) if len(f) else None)
        idx = pd.DataFrame([{"event": "INDEX", "before": mean(first), "after": mean(second)}])
        idx["change"] = (idx["after"] - idx["before"]) if None not in (
            idx["before"][0], idx["after"][0]) else None
        return pd.concat([out.sort_values("change", key=abs, ascending=False), idx],
                         ignore_index=True)

    @property
    def sources(self) -> pd.DataFrame:
        ev = self.events
        rows = []
        for _, r in ev.iterrows():
            for s in r["sources"]:
                rows.append({"source": s, "cluster_id": r["cluster_id"], "score": r["score"]})
        if not rows:
            return pd.DataFrame(columns=["source", "clusters", "mean_event_score"])
        out = pd.DataFrame(rows).groupby("source").agg(
            clusters=("cluster_id", "nunique"), mean_event_score=("score", "mean")).reset_index()
        out["mean_event_score"] = out["mean_event_score"].round(2)
        st = self.stance
        if not st.empty:
            for code in (self.a, self.b):
                part = st[st["actor"] == code].groupby("source")["score"].mean().round(2)
                out[f"stance_{code}"] = out["source"].map(part)
        return out.sort_values("clusters", ascending=False, ignore_index=True)

    def to_dict(self) -> dict:
        def frame(df: pd.DataFrame) -> list[dict]:
            return json.loads(df.to_json(orient="records", force_ascii=False))
        return {"a": self.a, "b": self.b, "directed": self.directed, "since": self.since,
                "until": self.until, "period": self.period, "clusters": len(self.events),
                "index": frame(self.index), "by_type": frame(self.by("event")),
                "by_quad": frame(self.by("quad")), "by_mode": frame(self.by("mode")),
                "by_modality": frame(self.by("modality")),
                "by_context": frame(self.by("contexts")), "asymmetry": frame(self.asymmetry),
                "channels": frame(self.channels), "sources": frame(self.sources),
                "top_evidence": frame(self.top_evidence)}


def index_frame(ev: pd.DataFrame, period: str) -> pd.DataFrame:
    cols = ["period", "events", "index", "net", "cooperation", "conflict"]
    ev = ev[ev["date"].notna() & ev["score"].notna()]
    if ev.empty:
        return pd.DataFrame(columns=cols)
    ev = ev.assign(period=[period_key(d, period) for d in ev["date"]])
    out = ev.groupby("period").agg(events=("cluster_id", "count"), index=("score", "mean"),
                                   net=("score", "sum"),
                                   cooperation=("score", lambda s: int((s > 0).sum())),
                                   conflict=("score", lambda s: int((s < 0).sum())))
    out["index"] = out["index"].round(3)
    out["net"] = out["net"].round(2)
    return out.reset_index()[cols]


# -- building the events frame ---------------------------------------------------------------

def _direction(a: str, b: str, actor: str, recipient: Optional[str], joint: int) -> str:
    if joint:
        return "joint"
    return f"{actor}->{recipient}"


def events_frame(rows: Iterable[tuple[Cluster, str, Optional[str], int]], a: str, b: str,
                 channel_path: str = "builtin") -> pd.DataFrame:
    """One row per cluster from (cluster, actor_code, recipient_code, joint) rows."""
    cmap = load_channels(channel_path)
    out, seen = [], set()
    for c, actor, recipient, joint in rows:
        if c.id in seen:
            continue
        seen.add(c.id)
        out.append({"cluster_id": c.id, "date": c.date_start,
                    "actor": actor, "recipient": recipient,
                    "direction": _direction(a, b, actor, recipient, joint), "event": c.event,
                    "quad": c.quad, "mode": c.mode, "modality": c.modality,
                    "contexts": list(c.contexts),
                    "channels": cmap.of(c.event, c.contexts, c.evidence or ""),
                    "score": c.score, "corroboration": c.corroboration, "size": c.size,
                    "sources": list(c.sources), "evidence": c.evidence,
                    "evidence_article": c.evidence_article, "members": list(c.members)})
    frame = pd.DataFrame(out, columns=EVENT_COLUMNS)
    return frame.sort_values(["date", "cluster_id"], na_position="last", ignore_index=True)


def _wanted(actor, recipient, joint, a, b, directed) -> bool:
    if directed:
        return actor == a and recipient == b and not joint
    return {actor, recipient} == {a, b}


def view_of_clusters(clusters: Iterable[Cluster], a: str, b: str, *, directed: bool = False,
                     since: str | None = None, until: str | None = None,
                     config: Config | None = None, stance: pd.DataFrame | None = None,
                     period: str | None = None) -> DyadView:
    """The monitor over cluster records held in memory (crossdoc.analyse_articles)."""
    rows = []
    for c in clusters:
        if c.kind != "event" or not _in_range(c.date_start, since, until):
            continue
        for _, actor, recipient, _day, joint in dyad_rows(c):
            if _wanted(actor, recipient, joint, a, b, directed):
                rows.append((c, actor, recipient, joint))
    return _view(rows, a, b, directed, since, until, config, stance, period)


def _in_range(day: Optional[str], since: Optional[str], until: Optional[str]) -> bool:
    if since is None and until is None:
        return True
    if not day:
        return False
    return (since is None or day >= since) and (until is None or day[:len(until)] <= until)


def _view(rows, a, b, directed, since, until, config, stance, period) -> DyadView:
    cfg = (config or load_config())["monitor"]
    period = period or cfg["period"]
    period_key("2000-01-01", period)  # a wrong period fails here
    mods = tuple(cfg["modalities"])
    return DyadView(a, b, directed, since, until, period, mods,
                    events_frame(rows, a, b, cfg["channels"]),
                    stance if stance is not None else pd.DataFrame(), cfg["top_evidence"])


def dyad_view(store, a: str, b: str, *, directed: bool = False, since: str | None = None,
              until: str | None = None, config: Config | None = None,
              period: str | None = None) -> DyadView:
    """The monitor of one dyad from a store whose clusters are built (crossdoc.update_store)."""
    from .store import clusters_by_id, stance_frame

    a, b = a.upper(), b.upper()
    sql = ("SELECT cluster_id, actor_code, recipient_code, joint FROM cluster_dyads WHERE "
           "((actor_code=? AND recipient_code=?)" + ("" if directed else
                                                       " OR (actor_code=? AND recipient_code=?)")
           + ")")
    args: list = [a, b] if directed else [a, b, b, a]
    if since:
        sql += " AND date >= ?"
        args.append(since)
    if until:
        sql += " AND date <= ?"
        args.append(until + "\uffff")
    found = store.con.execute(sql, args).fetchall()
    if directed:
        found = [r for r in found if not r[3]]
    clusters = clusters_by_id(store, {r[0] for r in found})
    rows = [(clusters[r[0]], r[1], r[2], r[3]) for r in found if r[0] in clusters]
    articles = {m.split("#", 1)[0] for c, *_ in rows for m in c.members}
    return _view(rows, a, b, directed, since, until, config, stance_frame(store, articles),
                 period)
