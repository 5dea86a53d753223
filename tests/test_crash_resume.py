"""A run killed with `kill -9` and started again finishes with no article lost or doubled."""

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from .conftest import write

PLUGINS = str(Path(__file__).parent / "plugins")
N = 60


def _count(db: str) -> int:
    if not os.path.exists(db):
        return 0
    try:
        con = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5)
        try:
            return con.execute("SELECT count(*) FROM articles").fetchone()[0]
        finally:
            con.close()
    except sqlite3.OperationalError:
        return 0  # the tables are not made yet


@pytest.mark.slow
def test_kill_9_then_resume(tmp_path):
    corpus = tmp_path / "corpus"
    for i in range(N):
        write(corpus / f"art{i:03d}.txt",
              f"Talks number {i} between the two governments ended on day {i} with a joint "
              f"statement on trade, energy and security cooperation. Officials said item {i} "
              f"of the agenda was settled and item {i + 1} would follow.")
    db = str(tmp_path / "run.db")
    out = str(tmp_path / "out.jsonl")
    cmd = [sys.executable, "-m", "dyadwatch", "analyze", str(corpus), "--db", db, "--out", out,
           "--batch-size", "4", "--set", "pipeline.plugins=['slow_stage']",
           "--set", "pipeline.stages=['clean', 'test_slow', 'fingerprint']", "--no-progress"]
    env = dict(os.environ, PYTHONPATH=PLUGINS + os.pathsep + os.environ.get("PYTHONPATH", ""))

    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    deadline = time.time() + 60
    while _count(db) < 12 and time.time() < deadline and proc.poll() is None:
        time.sleep(0.05)
    assert proc.poll() is None, "the run finished before it could be killed"
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    stored_at_kill = _count(db)
    assert 12 <= stored_at_kill < N
    assert stored_at_kill % 4 == 0, "a batch is written whole or not at all"
    assert not os.path.exists(out)

    done = subprocess.run(cmd, env=env, capture_output=True, timeout=120)
    assert done.returncode == 0, done.stderr.decode()
    summary = done.stdout.decode()
    assert f"{N} articles read: {N - stored_at_kill} analysed, {stored_at_kill} already stored" \
        in summary

    con = sqlite3.connect(db)
    ids = [r[0] for r in con.execute("SELECT id FROM articles")]
    assert sorted(ids) == [f"art{i:03d}" for i in range(N)]  # none lost, none doubled
    statuses = [r[0] for r in con.execute("SELECT status FROM runs ORDER BY started")]
    assert statuses == ["interrupted", "finished"]
    con.close()
    lines = [json.loads(x) for x in Path(out).read_text().splitlines()]
    assert [r["id"] for r in lines] == [f"art{i:03d}" for i in range(N)]  # input order
    assert all(r["metadata"]["slow"] for r in lines)
