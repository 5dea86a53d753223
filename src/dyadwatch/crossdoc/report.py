"""The HTML report: one self-contained, offline file (inline CSS and SVG charts, no
scripts, no links to the network).

Sections: the dyads that matter most (each with its timeline, index table, asymmetry,
channels and top evidence), contradictions with both sides highlighted, quotes by
speaker, claims (with agreement across outlets), and sources compared by stance. Every
number links to the evidence sentences behind it: an index row to the clusters of its
period, a cluster to its evidence and articles.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import os
import tempfile
from pathlib import Path
from typing import Any, Optional

from markupsafe import Markup, escape

from ..config import Config, load_config
from ..datafiles import package_text
from .charts import asymmetry_svg, timeline_svg
from .monitor import dyad_view, period_key
from .store import contradictions as load_contradictions, top_dyads

log = logging.getLogger(__name__)


def highlight(text: Optional[str], mark: Optional[list]) -> Markup:
    """The evidence with the marked span in <mark>, everything escaped."""
    text = text or ""
    if not mark or len(mark) != 2 or not (0 <= mark[0] < mark[1] <= len(text)):
        return escape(text)
    a, b = mark
    return escape(text[:a]) + Markup("<mark>") + escape(text[a:b]) + Markup("</mark>") + \
        escape(text[b:])


def _records(frame) -> list[dict]:
    """Rows of a DataFrame as dicts, missing values as None (not NaN)."""
    frame = frame.astype(object)
    return frame.where(frame.notna(), None).to_dict("records")


def _anchor(value: str) -> str:
    return "".join(ch if ch.isalnum() or ch in "-_" else "-" for ch in value)


def _quotes(store, limit: int) -> list[dict]:
    rows = store.con.execute(
        "SELECT q.article_id, q.text, q.kind, q.speaker, q.cue, a.source FROM quotes q JOIN "
        "articles a ON a.id = q.article_id AND a.pipeline_version = q.pipeline_version WHERE "
        "a.rowid = (SELECT max(rowid) FROM articles b WHERE b.id = a.id) AND q.kind <> "
        "'partial' ORDER BY a.rowid, q.idx").fetchall()
    by: dict[str, dict] = {}
    for r in rows:
        sp = json.loads(r["speaker"] or "null") or {}
        name = sp.get("name") or "(unnamed)"
        entry = by.setdefault(name, {"speaker": name, "affiliation": sp.get("affiliation"),
                                     "code": sp.get("code"), "quotes": []})
        entry["quotes"].append({"text": r["text"], "kind": r["kind"], "cue": r["cue"],
                                "article": r["article_id"], "source": r["source"]})
    speakers = sorted(by.values(), key=lambda e: (-len(e["quotes"]), e["speaker"]))
    return [s for s in speakers if s["speaker"] != "(unnamed)"][:limit]


def _claims(store, limit: int) -> list[dict]:
    rows = store.con.execute(
        "SELECT c.id, c.label, c.measure, c.unit, c.period, c.[values] AS vals, c.agreement, "
        "c.sources, c.corroboration, c.evidence, c.evidence_article FROM clusters c WHERE "
        "c.kind = 'claim' ORDER BY (c.agreement = 'conflict') DESC, c.corroboration DESC, "
        "c.rowid LIMIT ?", (limit,)).fetchall()
    out = []
    for r in rows:
        d = dict(r)
        d["values"] = json.loads(d.pop("vals") or "[]")
        d["sources"] = json.loads(d["sources"] or "[]")
        out.append(d)
    return out


def _stance(store) -> list[dict]:
    rows = store.con.execute(
        "SELECT coalesce(a.source, a.id) AS source, s.actor, round(avg(s.score), 2) AS score, "
        "count(*) AS n FROM stance s JOIN articles a ON a.id = s.article_id AND "
        "a.pipeline_version = s.pipeline_version WHERE a.rowid = (SELECT max(rowid) FROM "
        "articles b WHERE b.id = a.id) GROUP BY 1, 2 ORDER BY 2, 1").fetchall()
    return [dict(r) for r in rows]


def _dyad_section(store, a: str, b: str, config: Config, max_rows: int) -> dict[str, Any]:
    view = dyad_view(store, a, b, config=config)
    index = view.index
    ev = view.events
    periods = {}
    for p in index["period"]:
        mask = [isinstance(d, str) and period_key(d, view.period) == p for d in ev["date"]]
        periods[str(p)] = _records(ev[mask])
    name = f"{a}-{b}"
    return {"a": a, "b": b, "anchor": _anchor(name), "clusters": len(ev),
            "timeline": Markup(timeline_svg(index, f"{a} \u2013 {b}: events per "
                                                   f"{view.period} and index")),
            "asym_svg": Markup(asymmetry_svg(view.asymmetry, "material flows")),
            "index": index.to_dict("records"), "periods": periods,
            "asymmetry": view.asymmetry.to_dict("records"),
            "channels": view.channels.to_dict("records"),
            "by_type": view.by("event").to_dict("records"),
            "top": _records(view.top_evidence),
            "events": _records(ev.head(max_rows))}


def render_report(store, config: Config | None = None) -> str:
    """The report of a store whose cross-article tables are current, as HTML text."""
    from jinja2 import Environment

    config = config or load_config()
    rc = config["report"]
    pairs = [(r["a"], r["b"]) for r in top_dyads(store, rc["top_dyads"]).to_dict("records")]
    for a, b in rc["dyads"]:
        key = tuple(sorted((a.upper(), b.upper())))
        if key not in pairs:
            pairs.append(key)
    dyads = [_dyad_section(store, a, b, config, rc["max_rows"]) for a, b in pairs]
    dyads = [d for d in dyads if d["clusters"]]
    contradictions = load_contradictions(store)[: rc["max_rows"]]
    counts = {name: store.con.execute(sql).fetchone()[0] for name, sql in (
        ("articles", "SELECT count(DISTINCT id) FROM articles"),
        ("sources", "SELECT count(DISTINCT coalesce(source, id)) FROM articles"),
        ("events", "SELECT count(*) FROM cluster_members WHERE kind='event'"),
        ("event_clusters", "SELECT count(*) FROM clusters WHERE kind='event'"),
        ("corroborated", "SELECT count(*) FROM clusters WHERE kind='event' AND "
                         "corroboration > 1"),
        ("claim_clusters", "SELECT count(*) FROM clusters WHERE kind='claim'"),
        ("contradictions", "SELECT count(*) FROM contradictions"))}
    env = Environment(autoescape=True, trim_blocks=True, lstrip_blocks=True)
    env.filters["highlight"] = highlight
    env.filters["anchor"] = _anchor
    template = env.from_string(package_text("crossdoc/templates/report.html.j2"))
    return template.render(
        generated=dt.datetime.now().strftime("%Y-%m-%d %H:%M"), db=os.path.basename(store.path),
        counts=counts, dyads=dyads, contradictions=contradictions,
        quotes=_quotes(store, rc["max_rows"]), claims=_claims(store, rc["max_rows"]),
        stance=_stance(store), css=Markup(package_text("crossdoc/templates/report.css")))


def write_report(store, out: str | os.PathLike, config: Config | None = None) -> Path:
    """Render the report and write it atomically (a temporary file renamed into place)."""
    html = render_report(store, config)
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=".report-", suffix=".html", dir=out.parent)
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        fh.write(html)
    os.chmod(tmp, 0o644)
    os.replace(tmp, out)
    log.info("wrote the report %s (%d bytes)", out, len(html))
    return out


def default_report_path(db: str | os.PathLike) -> Path:
    """out/report.html next to the database: the database's folder."""
    return Path(db).resolve().parent / "report.html"
