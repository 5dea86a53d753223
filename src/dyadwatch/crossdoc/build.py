"""Building the cross-article records: event and claim clusters (incremental), and
contradictions (recomputed), in the store or over articles in memory.

    with Store("news.db") as store:
        result = update_store(store, config)   # after `dyadwatch analyze`
    result = analyse_articles(articles, config)  # no store: tests, notebooks

Clusters are extended, not rebuilt: records already in a cluster keep it and only records
new since the last update are assigned (in storage order, so the clusters equal those of
one run over everything). Everything is rebuilt when a clustered article was re-analysed
(a newer pipeline version replaced its records) or when the ``[crossdoc]`` settings that
shape clusters changed. The update is written in one transaction: a crash leaves the
previous clusters whole.
"""

from __future__ import annotations

import hashlib
import json
import logging
import time
from dataclasses import dataclass, field
from typing import Any, Callable, Iterable, Optional

from ..config import Config, load_config
from ..schema import TABLES, Article, Cluster, Contradiction, row_of_plain, to_plain
from .characterise import characterisations, load_lexicon, scan_store
from .claim_clusters import ClaimClusterer, claim_cluster_record
from .clusters import (Clusterer, EventClusterer, OpenCluster, dyad_rows,
                       event_cluster_record, member_records)
from .contradictions import (characterisation_contradictions, event_contradictions,
                             figure_contradictions)
from .embed import Embedder
from .items import articles_info, claim_items, event_items, items_from_articles

log = logging.getLogger(__name__)

# settings that change which records cluster together (a change rebuilds the clusters)
SHAPING = ("embeddings", "window_days", "event_similarity", "match", "measure_similarity",
           "measure_overlap", "value_tolerance")


@dataclass
class CrossdocResult:
    clusters: list[Cluster] = field(default_factory=list)  # touched (store) or all (memory)
    contradictions: list[Contradiction] = field(default_factory=list)
    new_events: int = 0
    new_claims: int = 0
    rebuilt: bool = False
    seconds: float = 0.0

    def summary(self) -> dict[str, Any]:
        kinds: dict[str, int] = {}
        for c in self.contradictions:
            kinds[c.kind] = kinds.get(c.kind, 0) + 1
        return {"clusters_updated": len(self.clusters), "new_events": self.new_events,
                "new_claims": self.new_claims, "rebuilt": self.rebuilt,
                "contradictions": kinds, "seconds": round(self.seconds, 2)}


def settings_version(cfg: dict) -> str:
    key = json.dumps({k: cfg[k] for k in SHAPING}, sort_keys=True)
    return "crossdoc.v2:" + hashlib.sha1(key.encode()).hexdigest()[:8]


class _Engine:
    """The clusterers and embedder of one update."""

    def __init__(self, config: Config, store=None):
        self.cfg = config["crossdoc"]
        self.version = settings_version(self.cfg)
        self.embedder = Embedder(self.cfg["embeddings"], store)
        self.events = EventClusterer(self.cfg["event_similarity"], self.embedder.embed,
                                     self.cfg["window_days"], self.cfg["match"])
        self.claims = ClaimClusterer(self.cfg["measure_similarity"], self.embedder.embed,
                                     self.cfg["measure_overlap"], self.cfg["value_tolerance"])

    def record(self, cl: OpenCluster, kind: str) -> Cluster:
        if kind == "event":
            return event_cluster_record(cl, self.version)
        return claim_cluster_record(cl, self.version, self.cfg["value_tolerance"])

    def contradictions(self, events, found) -> list[Contradiction]:
        cfg = self.cfg
        out = event_contradictions(events, self.embedder.embed,
                                   cfg["contradiction_similarity"],
                                   cfg["contradiction_window_days"])
        conflicting = [cl for cl in self.claims.clusters.values()
                       if len({it.art.original for it in cl.items}) > 1]
        out += figure_contradictions(conflicting, cfg["value_tolerance"])
        out += characterisation_contradictions(found, self.embedder.embed)
        return out


def analyse_articles(articles: Iterable[Article], config: Config | None = None
                     ) -> CrossdocResult:
    """Clusters and contradictions of articles held in memory (nothing is stored)."""
    t0 = time.perf_counter()
    config = config or load_config()
    arts = list(articles)
    eng = _Engine(config)
    infos, events, claims = items_from_articles(arts)
    claims = [c for c in claims if ClaimClusterer.comparable(c)]
    eng.events.add_all(events)
    eng.claims.add_all(claims)
    lex = load_lexicon(eng.cfg["characterisations"])
    found = []
    for a, info in zip(arts, infos):
        found += characterisations(a.to_dict(), info, lex)
    clusters = [eng.record(cl, "event") for cl in eng.events.clusters.values()]
    clusters += [eng.record(cl, "claim") for cl in eng.claims.clusters.values()]
    return CrossdocResult(clusters, eng.contradictions(events, found), len(events),
                          len(claims), True, time.perf_counter() - t0)


# -- the store ------------------------------------------------------------------------------

def _assigned(store, kind: str) -> tuple[dict, set, int]:
    """Stored assignments of one kind: (article, version, idx) -> (cluster, similarity),
    the settings versions of its clusters, and the next member sequence number."""
    rows = store.con.execute(
        "SELECT m.article_id, m.pipeline_version, m.idx, m.cluster_id, m.similarity, m.seq, "
        "c.version FROM cluster_members m JOIN clusters c ON c.id = m.cluster_id "
        "WHERE m.kind = ? ORDER BY m.seq", (kind,))
    out, versions, seq = {}, set(), 0
    for r in rows:
        out[(r[0], r[1], r[2])] = (r[3], r[4])
        versions.add(r[6])
        seq = max(seq, r[5] + 1)
    return out, versions, seq


def _extend(store, eng: _Engine, clusterer: Clusterer, items: list, kind: str,
            progress) -> tuple[list[OpenCluster], list, bool, int]:
    assigned, versions, seq = _assigned(store, kind)
    keys = {(it.art.id, it.art.version, it.idx) for it in items}
    rebuild = bool(assigned) and (versions != {eng.version} or not set(assigned) <= keys)
    if rebuild:
        log.info("rebuilding %s clusters (settings changed or articles re-analysed)", kind)
        assigned, seq = {}, 0
    old = [it for it in items if (it.art.id, it.art.version, it.idx) in assigned]
    order = {k: n for n, k in enumerate(assigned)}
    old.sort(key=lambda it: order[(it.art.id, it.art.version, it.idx)])
    clusterer.replay(old, [assigned[(it.art.id, it.art.version, it.idx)] for it in old])
    new = [it for it in items if (it.art.id, it.art.version, it.idx) not in assigned]
    touched = clusterer.add_all(new, progress) if new else []
    return touched, new, rebuild, seq


def _write(store, kind: str, touched: list[OpenCluster], records: list[Cluster],
           rebuild: bool, seq: int, new_keys: set) -> None:
    con = store.con
    if rebuild:
        ids = [r[0] for r in con.execute("SELECT id FROM clusters WHERE kind=?", (kind,))]
        con.execute("DELETE FROM cluster_members WHERE kind=?", (kind,))
        con.executemany("DELETE FROM cluster_dyads WHERE cluster_id=?", [(i,) for i in ids])
        con.execute("DELETE FROM clusters WHERE kind=?", (kind,))
    spec = TABLES["clusters"]
    cols = ", ".join(f'"{c}"' for c, _ in _cols(spec))
    for cl, rec in zip(touched, records):
        con.execute("DELETE FROM clusters WHERE id=?", (rec.id,))
        con.execute(f"INSERT INTO clusters ({cols}) VALUES ({','.join('?' * len(_cols(spec)))})",
                    row_of_plain(spec, to_plain(rec)))
        members = [m for m in member_records(cl, kind)
                   if (m.article_id, m.pipeline_version, m.idx) in new_keys]
        mspec = TABLES["cluster_members"]
        for m in members:
            m.seq = seq
            seq += 1
        if members:
            con.executemany(f"INSERT OR REPLACE INTO cluster_members VALUES "
                            f"({','.join('?' * len(_cols(mspec)))})",
                            [row_of_plain(mspec, to_plain(m)) for m in members])
        if kind == "event":
            con.execute("DELETE FROM cluster_dyads WHERE cluster_id=?", (rec.id,))
            con.executemany("INSERT INTO cluster_dyads VALUES (?, ?, ?, ?, ?)", dyad_rows(rec))


def _cols(spec):
    from ..schema import columns_of

    return columns_of(spec)


def update_store(store, config: Config | None = None,
                 progress: Optional[Callable[[int], None]] = None,
                 contradictions: bool = True) -> CrossdocResult:
    """Extend the clusters with the records stored since the last update and recompute
    the contradictions; written in one transaction."""
    t0 = time.perf_counter()
    config = config or load_config()
    eng = _Engine(config, store)
    infos = articles_info(store)
    events = event_items(store, infos)
    claims = [c for c in claim_items(store, infos) if ClaimClusterer.comparable(c)]
    result = CrossdocResult()
    con = store.con
    con.execute("BEGIN IMMEDIATE")
    try:
        for kind, clusterer, items in (("event", eng.events, events),
                                       ("claim", eng.claims, claims)):
            touched, new, rebuild, seq = _extend(store, eng, clusterer, items, kind, progress)
            records = [eng.record(cl, kind) for cl in touched]
            new_keys = {(it.art.id, it.art.version, it.idx) for it in new}
            _write(store, kind, touched, records, rebuild, seq, new_keys)
            result.clusters += records
            result.rebuilt |= rebuild
            setattr(result, f"new_{kind}s", len(new))
        if contradictions:
            found = scan_store(store, load_lexicon(eng.cfg["characterisations"]), infos)
            result.contradictions = eng.contradictions(events, found)
            con.execute("DELETE FROM contradictions")
            spec = TABLES["contradictions"]
            n = len(_cols(spec))
            con.executemany(f"INSERT OR REPLACE INTO contradictions VALUES ({','.join('?' * n)})",
                            [row_of_plain(spec, to_plain(c)) for c in result.contradictions])
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise
    result.seconds = time.perf_counter() - t0
    log.info("crossdoc: %s", result.summary())
    return result


def is_current(store, config: Config | None = None) -> bool:
    """True when every stored event is in a cluster built with the current settings."""
    from .store import pending

    config = config or load_config()
    version = settings_version(config["crossdoc"])
    stale = store.con.execute("SELECT 1 FROM clusters WHERE version <> ? LIMIT 1",
                              (version,)).fetchone()
    done = store.con.execute("SELECT 1 FROM schema_migrations WHERE name = ?",
                             ("0004_crossdoc_tables",)).fetchone()
    return bool(done) and not stale and pending(store) == 0


def ensure_current(store, config: Config | None = None,
                   progress: Optional[Callable[[int], None]] = None) -> Optional[CrossdocResult]:
    """Update the cross-article tables if records were stored since the last update."""
    if is_current(store, config):
        return None
    return update_store(store, config, progress)
