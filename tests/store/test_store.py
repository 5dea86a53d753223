"""The embedded store: migrations, replace-on-rerun, versions, readers during writes, exports."""

import csv
import json
import sqlite3

import pyarrow.parquet as pq
import pytest

from dyadwatch.errors import NotFound, StoreError
from dyadwatch.schema import Actor, ActorRef, Article, ErrorRecord, Event, Mention
from dyadwatch.store import Store
from dyadwatch.store.export import export
from dyadwatch.store.migrations import MIGRATIONS


def art(i="a1", version="v1", n_events=2, title="T"):
    a = Article(id=i, title=title, text="China and Russia signed a deal.", published="2024-01-02",
                raw_hash="h", pipeline_version=version)
    a.actors = [Actor(id="CHN", name="China", code="CHN", mentions=[Mention(0, 5, "China")])]
    a.events = [Event(id=f"e{k}", event="AGREE", actor=[ActorRef("CHN")],
                      recipient=[ActorRef("RUS")]) for k in range(n_events)]
    return a


def test_migrations_are_named_and_recorded(db):
    with Store(db) as s:
        names = s.migrations()
    assert names[:len(MIGRATIONS)] == [m[0] for m in MIGRATIONS]
    with Store(db) as s:  # reopening applies nothing twice
        assert s.migrations() == names


def test_sync_schema_adds_new_columns(db):
    with Store(db):
        pass
    con = sqlite3.connect(db)
    con.execute("ALTER TABLE events DROP COLUMN evidence")  # as if made by an older version
    con.commit()
    con.close()
    with Store(db) as s:
        assert "auto:add-column:events.evidence" in s.migrations()
        cols = [r[1] for r in s.con.execute("PRAGMA table_info(events)")]
        assert "evidence" in cols


def test_rerun_replaces_records_of_the_same_version(db):
    with Store(db) as s:
        s.write_batch("r1", [art(n_events=3)])
        s.write_batch("r2", [art(n_events=1, title="New")])
        assert s.count("articles") == 1
        assert s.count("events") == 1
        assert s.get_article("a1").title == "New"
        s.write_batch("r3", [art(version="v2", n_events=2)])
        assert s.count("articles") == 2  # another pipeline version is kept beside it
        assert s.get_article("a1", "v1").title == "New"
        assert s.get_article("a1").pipeline_version == "v2"  # latest by default


def test_done_checks_hash_and_version(db):
    with Store(db) as s:
        s.write_batch("r", [art()])
        assert s.done([("a1", "v1", "h")]) == {("a1", "v1")}
        assert s.done([("a1", "v1", "other")]) == set()
        assert s.done([("a1", "v2", "h")]) == set()


def test_a_failed_batch_leaves_nothing(db):
    with Store(db) as s:
        bad = art("b")
        bad.events[0].contexts = object()  # not JSON-serialisable: fails mid-batch
        with pytest.raises(TypeError):
            s.write_batch("r", [art("ok"), bad])
        assert s.count("articles") == 0 and s.count("events") == 0


def test_errors_and_run_lists(db):
    with Store(db) as s:
        run = s.begin_run("v1", {"x": 1}, ["in"])
        s.write_batch(run, [art()], [ErrorRecord(path="bad.txt", reason="file is empty")],
                      [(0, "a1", "v1")])
        s.finish_run(run, {"read": 1})
        assert [e["reason"] for e in s.errors(run)] == ["file is empty"]
        assert [json.loads(r)["id"] for r in s.iter_records(run)] == ["a1"]
        assert s.runs()[0]["status"] == "finished"


def test_a_reader_reads_while_a_batch_writes(db):
    with Store(db) as writer:
        writer.write_batch("r", [art("first")])
        writer.con.execute("BEGIN IMMEDIATE")
        writer._write_article("r", art("second"))
        with Store(db, readonly=True) as reader:  # WAL: not blocked by the open write
            assert reader.count("articles") == 1
        writer.con.execute("COMMIT")
        with Store(db, readonly=True) as reader:
            assert reader.count("articles") == 2


def test_missing_and_foreign_databases(tmp_path):
    with pytest.raises(NotFound, match="does not exist"):
        Store(tmp_path / "none.db", readonly=True)
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"this is not a database" * 100)
    with pytest.raises(StoreError, match="cannot open database"):
        Store(junk)
    with Store(tmp_path / "x.db") as s, pytest.raises(NotFound, match="no article 'zz'"):
        s.get_article("zz")


@pytest.mark.parametrize("table", ["articles", "events", "actors"])
def test_exports(db, tmp_path, table):
    with Store(db) as s:
        s.write_batch("r", [art("a1"), art("a2", n_events=1)])
        jl, cs, pa_ = (tmp_path / f"{table}.jsonl", tmp_path / f"{table}.csv",
                       tmp_path / f"{table}.parquet")
        n1 = export(s, "jsonl", table, str(jl))
        n2 = export(s, "csv", table, str(cs))
        n3 = export(s, "parquet", table, str(pa_))
    expected = {"articles": 2, "events": 3, "actors": 2}[table]
    assert n1 == n2 == n3 == expected
    rows = [json.loads(x) for x in jl.read_text().splitlines()]
    assert len(rows) == expected
    with open(cs, newline="") as fh:
        assert len(list(csv.DictReader(fh))) == expected
    t = pq.read_table(pa_)
    assert t.num_rows == expected
    if table == "events":
        assert json.loads(t.column("actor")[0].as_py()) == [{"code": "CHN", "sector": None,
                                                              "name": None}]
        assert rows[0]["actor"][0]["code"] == "CHN"
    if table == "articles":
        assert rows[0]["events"][0]["event"] == "AGREE"  # full record contract


def test_export_of_an_empty_table_has_the_schema_columns(db, tmp_path):
    with Store(db) as s:
        n = export(s, "csv", "quotes", str(tmp_path / "q.csv"))
    assert n == 0
    header = (tmp_path / "q.csv").read_text().splitlines()[0]
    assert header.startswith("article_id,pipeline_version,idx,text,kind,speaker")


def test_event_dyads_are_derived_and_replaced(db):
    a = art("d1", n_events=0)
    a.source, a.published = "Outlet", "2024-05-01"
    a.events = [Event(id="e0", event="AID", actor=[ActorRef("CHN", "GOV"), ActorRef("RUS", "GOV")],
                      recipient=[ActorRef("UKR", "MIL")], modality="negated", score=7.0),
                Event(id="e1", event="CONSULT", actor=[ActorRef("USA")], recipient=[],
                      date="2024-04-30")]
    with Store(db) as s:
        s.write_batch("r", [a])
        rows = [tuple(r) for r in s.con.execute(
            "SELECT event_idx, actor_code, recipient_code, event, modality, date, source "
            "FROM event_dyads ORDER BY event_idx, actor_code")]
        assert rows == [(0, "CHN", "UKR", "AID", "negated", "2024-05-01", "Outlet"),
                        (0, "RUS", "UKR", "AID", "negated", "2024-05-01", "Outlet"),
                        (1, "USA", None, "CONSULT", "asserted", "2024-04-30", "Outlet")]
        a.events = a.events[1:]
        s.write_batch("r2", [a])
        assert s.count("event_dyads") == 1
