"""Store write rate, and the dyad query over millions of synthetic events.

    python bench/store_bench.py [--write-events 500000] [--total-events 10000000] [--db F]

1. Write rate: synthetic articles of 20 events each go through ``Store.write_batch`` (the
   path `analyze` uses: article record JSON, child tables, event_dyads) in batches of 32
   articles; events per second is reported.
2. Scale: the event_dyads table is then filled to ``--total-events`` rows with bulk inserts
   of the same synthetic distribution (200 country codes, dyad frequencies Zipf-like, so
   the busiest dyads hold about 1% of all events), and the monitor's core query is timed:
   events of one dyad by month and event type over two years, directed and undirected,
   cold (first run) and warm (median of 5).
Nothing here is a test: the figures go to docs/BENCHMARKS.md with this command.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import tempfile
import time

from dyadwatch.schema import ActorRef, Article, Event
from dyadwatch.store import Store

TYPES = ["AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
         "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"]
CODES = ["CHN", "RUS", "USA", "UKR"] + [f"C{i:02d}" for i in range(196)]
WEIGHTS = [1 / (i + 1) for i in range(len(CODES))]


def synthetic_events(rng: random.Random, n: int) -> list[Event]:
    out = []
    for k in range(n):
        a, r = rng.choices(CODES, WEIGHTS, k=2)
        day = f"20{rng.randint(20, 25)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        out.append(Event(id=f"e{k}", event=rng.choice(TYPES), actor=[ActorRef(a, "GOV", a)],
                         recipient=[ActorRef(r, "GOV", r)], modality="asserted", date=day,
                         score=rng.uniform(-10, 10), confidence=0.8, sentence=k, start=0, end=5,
                         evidence="words"))
    return out


QUERY_DIRECTED = """
    SELECT substr(date, 1, 7) AS month, event, count(*), avg(score)
    FROM event_dyads
    WHERE actor_code = ? AND recipient_code = ? AND date BETWEEN ? AND ?
      AND duplicate_of IS NULL
    GROUP BY month, event"""
QUERY_UNDIRECTED = """
    SELECT substr(date, 1, 7) AS month, event, count(*), avg(score) FROM (
      SELECT date, event, score FROM event_dyads
      WHERE actor_code = ? AND recipient_code = ? AND date BETWEEN ? AND ? AND duplicate_of IS NULL
      UNION ALL
      SELECT date, event, score FROM event_dyads
      WHERE actor_code = ? AND recipient_code = ? AND date BETWEEN ? AND ? AND duplicate_of IS NULL)
    GROUP BY month, event"""


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--write-events", type=int, default=500_000)
    ap.add_argument("--total-events", type=int, default=10_000_000)
    ap.add_argument("--db", help="database file (default: a temporary one, removed after)")
    args = ap.parse_args()
    rng = random.Random(7)
    tmp = None
    db = args.db
    if not db:
        tmp = tempfile.TemporaryDirectory()
        db = os.path.join(tmp.name, "bench.db")
    result: dict = {}
    with Store(db) as store:
        per_article, batch_articles = 20, 32
        n_articles = args.write_events // per_article
        t0 = time.perf_counter()
        written = 0
        for start in range(0, n_articles, batch_articles):
            batch = []
            for i in range(start, min(start + batch_articles, n_articles)):
                a = Article(id=f"a{i}", text="synthetic " * 50, source="Outlet",
                            published="2024-01-01", pipeline_version="bench")
                a.events = synthetic_events(rng, per_article)
                batch.append(a)
            store.write_batch("bench", batch)
            written += len(batch) * per_article
        secs = time.perf_counter() - t0
        result["write"] = {"events": written, "articles": n_articles, "seconds": round(secs, 2),
                           "events_per_second": round(written / secs)}
        print(json.dumps(result["write"]))

        # Fill event_dyads to the total with bulk inserts (the query reads only this table).
        t0 = time.perf_counter()
        cols = [r[1] for r in store.con.execute("PRAGMA table_info(event_dyads)")]
        have = store.count("event_dyads")
        chunk = 200_000
        store.con.execute("BEGIN")
        while have < args.total_events:
            rows = []
            for k in range(min(chunk, args.total_events - have)):
                a, r = rng.choices(CODES, WEIGHTS, k=2)
                day = f"20{rng.randint(20, 25)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
                rows.append((f"b{have + k}", "bench", 0, "e0", rng.choice(TYPES), a, "GOV", r,
                             "GOV", None, "asserted", day, rng.uniform(-10, 10), 0.8, "Outlet",
                             "2024-01-01", None))
            store.con.executemany(f"INSERT INTO event_dyads VALUES ({','.join('?' * len(cols))})",
                                  rows)
            have += len(rows)
        store.con.execute("COMMIT")
        result["fill"] = {"rows": have, "seconds": round(time.perf_counter() - t0, 1),
                          "db_mb": round(os.path.getsize(db) / 1e6)}
        print(json.dumps(result["fill"]))
        store.con.execute("ANALYZE")

        def timed(sql, params):
            t = time.perf_counter()
            rows = store.con.execute(sql, params).fetchall()
            return time.perf_counter() - t, rows

        period = ("2023-01-01", "2024-12-31")
        for name, sql, params in [
            ("directed CHN->RUS", QUERY_DIRECTED, ("CHN", "RUS", *period)),
            ("undirected CHN-RUS", QUERY_UNDIRECTED, ("CHN", "RUS", *period, "RUS", "CHN", *period)),
            ("directed C10->C20 (rarer)", QUERY_DIRECTED, ("C10", "C20", *period)),
        ]:
            cold, rows = timed(sql, params)
            warm = statistics.median(timed(sql, params)[0] for _ in range(5))
            matched = sum(r[2] for r in rows)
            result[name] = {"cold_ms": round(cold * 1000, 1), "warm_ms": round(warm * 1000, 1),
                            "events_matched": matched, "groups": len(rows)}
            print(name, json.dumps(result[name]))
    if tmp:
        tmp.cleanup()
    print(json.dumps(result, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
