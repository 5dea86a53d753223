"""The CLI as a user runs it (subprocesses)."""

import json
import sqlite3

import pytest

from .conftest import run_cli, write

NO_PARSE = ("--set", "pipeline.disable=['parse']")


def test_help_lists_every_command():
    r = run_cli("--help")
    assert r.returncode == 0
    for cmd in ("analyze", "show", "export", "stages", "errors", "runs"):
        assert cmd in r.stdout.decode()


def test_python_dash_m_and_version():
    r = run_cli("--version")
    assert r.returncode == 0 and r.stdout.decode().startswith("dyadwatch, version ")


@pytest.mark.model
@pytest.mark.slow
def test_default_job_runs_the_bundled_sample(tmp_path):
    r = run_cli("analyze", "--out", "sample.jsonl", "--no-progress", cwd=tmp_path)
    assert r.returncode == 0, r.stderr.decode()
    out = r.stdout.decode()
    assert "5 articles read: 5 analysed" in out
    assert f"database: {tmp_path / 'dyadwatch.db'}" in out
    assert f"records:  {tmp_path / 'sample.jsonl'}" in out
    recs = [json.loads(x) for x in (tmp_path / "sample.jsonl").read_text().splitlines()]
    assert len(recs) == 5 and all(r["sentences"] for r in recs)
    # Idempotent: a second run stores nothing twice.
    r2 = run_cli("analyze", "--out", "sample.jsonl", "--no-progress", cwd=tmp_path)
    assert "5 articles read: 0 analysed, 5 already stored" in r2.stdout.decode()
    con = sqlite3.connect(tmp_path / "dyadwatch.db")
    assert con.execute("SELECT count(*) FROM articles").fetchone()[0] == 5


def test_show_export_runs_and_errors(tmp_path):
    write(tmp_path / "in" / "talks.txt", "Ministers meet\n\nThe foreign ministers of Chile and "
          "Peru met in Lima on Monday to discuss a border crossing.\n\nAdvertisement")
    write(tmp_path / "in" / "empty.txt", "")
    db = str(tmp_path / "x.db")
    r = run_cli("analyze", str(tmp_path / "in"), "--db", db, *NO_PARSE)
    assert r.returncode == 1  # some inputs failed
    assert "failed: " in r.stderr.decode() and "empty.txt" in r.stderr.decode()
    shown = run_cli("show", "talks", "--db", db)
    assert shown.returncode == 0
    rec = json.loads(shown.stdout)
    assert rec["title"] == "Ministers meet" and rec["removed"] == ["Advertisement"]
    exp = run_cli("export", "--format", "csv", "--table", "articles", "--db", db)
    assert exp.returncode == 0 and exp.stdout.decode().splitlines()[0].startswith("id,source")
    assert run_cli("errors", "--db", db).stdout.decode().count("file is empty") == 1
    assert "finished" in run_cli("runs", "--db", db).stdout.decode()
    missing = run_cli("show", "nope", "--db", db)
    assert missing.returncode == 5 and "no article 'nope'" in missing.stderr.decode()


@pytest.mark.parametrize("args,code,fragment", [
    (("analyze", "--set", "pipeline.nope=1"), 2, "unknown setting pipeline.nope"),
    (("analyze", "--stages", "clean,nosuch"), 2, "unknown stage(s) 'nosuch'"),
    (("show", "x", "--db", "/nonexistent/dir/x.db"), 5, "does not exist"),
    (("export", "--format", "parquet", "--db", "{db}"), 2, "give --out FILE.parquet"),
])
def test_errors_are_one_line_with_exit_codes(tmp_path, args, code, fragment):
    db = tmp_path / "e.db"
    sqlite3.connect(db).close()
    args = tuple(a.replace("{db}", str(db)) for a in args)
    r = run_cli(*args, cwd=tmp_path)
    err = r.stderr.decode().strip()
    assert r.returncode == code, err
    assert fragment in err and len(err.splitlines()) == 1 and err.startswith("dyadwatch: error:")


def test_stdin(tmp_path):
    db = str(tmp_path / "s.db")
    text = b"ANKARA: Turkey and Greece agreed on Thursday to reopen talks on maritime borders."
    r = run_cli("analyze", "-", "--db", db, "--out", str(tmp_path / "o.jsonl"), *NO_PARSE,
                input=text)
    assert r.returncode == 0, r.stderr.decode()
    rec = json.loads((tmp_path / "o.jsonl").read_text())
    assert rec["dateline"] == "Ankara" and rec["text"].startswith("Turkey and Greece")


def test_stages_command_shows_order():
    r = run_cli("stages", "--set", "pipeline.disable=['language']")
    lines = r.stdout.decode().splitlines()
    assert any(line.startswith(" 1 clean") for line in lines)
    assert any(line.startswith(" - language") for line in lines)


@pytest.mark.model
@pytest.mark.slow
def test_two_processes_give_the_same_records(tmp_path, seeds):
    outs = []
    for n in (1, 2):
        out = tmp_path / f"o{n}.jsonl"
        r = run_cli("analyze", str(seeds), "--db", str(tmp_path / f"{n}.db"), "--out", str(out),
                    "-j", str(n), "--batch-size", "2")
        assert r.returncode == 0, r.stderr.decode()
        outs.append([json.loads(x) for x in out.read_text().splitlines()])
    strip = lambda recs: [{k: v for k, v in r.items()} for r in recs]  # noqa: E731
    assert strip(outs[0]) == strip(outs[1])
