"""The report file and the CLI commands (click's CliRunner), on a store of built articles."""

from __future__ import annotations

import csv
import json
import re

import pytest
from click.testing import CliRunner

from dyadwatch.cli import cli
from dyadwatch.crossdoc import write_report
from dyadwatch.store import Store

from .builders import article, claim, config, event

SENT = "France sent artillery shells to Poland last week"
DENY = "There is no sign that France sent artillery shells to Poland"
LEX = ["--set", "crossdoc.embeddings=lexical", "--set", "crossdoc.event_similarity=0.3",
       "--set", "crossdoc.contradiction_similarity=0.05"]


@pytest.fixture()
def db(tmp_path):
    path = tmp_path / "news.db"
    arts = [
        article("a", "Outlet One", "2024-03-04", [SENT, "France and Poland trust each other."],
                [event(SENT, "AID", ["FRA"], ["POL"], date="2024-03-04")],
                [claim("EUR 2 billion", 2e9, "EUR", "French aid to Poland", "2023")]),
        article("b", "Outlet <Two>", "2024-04-06", [DENY, "Poland mistrusts France."],
                [event(DENY, "AID", ["FRA"], ["POL"], modality="negated", cue="no",
                       date="2024-04-06")],
                [claim("EUR 5 billion", 5e9, "EUR", "French aid to Poland", "2023")]),
    ]
    with Store(path) as store:
        store.write_batch(None, arts)
    return str(path)


def _run(*args):
    result = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result


def test_report_is_self_contained(db, tmp_path):
    out = tmp_path / "r" / "report.html"
    res = _run("report", "--db", db, "--out", str(out), *LEX)
    assert str(out) in res.output
    html = out.read_text()
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", html, re.I)
    assert "<script" not in html.lower() and "@import" not in html
    assert "<svg" in html  # charts are inline
    assert "Outlet &lt;Two&gt;" in html  # text is escaped
    assert "<mark>no sign that France sent artillery shells to Poland</mark>" in html
    assert 'id="c-ev-' in html and 'href="#c-ev-' in html  # numbers link to evidence


def test_dyad_command_table_and_json(db):
    res = _run("dyad", "FRA", "POL", "--db", db, *LEX)
    assert "FRA <-> POL: 2 distinct events" in res.output
    assert "cooperation-conflict index per month" in res.output
    data = json.loads(_run("dyad", "fra", "pol", "--db", db, "--format", "json", "--directed",
                           "--since", "2024-04", *LEX).stdout)
    assert data["a"] == "FRA" and data["directed"] and data["clusters"] == 1
    assert data["by_modality"][0]["modality"] == "negated"


def test_dyad_export_tables(db, tmp_path):
    _run("dyad", "FRA", "POL", "--db", db, "--export", str(tmp_path / "m"), *LEX)
    rows = list(csv.DictReader(open(tmp_path / "m" / "index.csv")))
    assert [r["period"] for r in rows] == ["2024-03"]
    assert (tmp_path / "m" / "events.csv").exists()


def test_contradictions_command(db):
    lines = _run("contradictions", "--db", db, "--format", "json", *LEX).stdout.splitlines()
    kinds = sorted(json.loads(line)["kind"] for line in lines)
    assert kinds == ["characterisation", "event", "figure"]
    table = _run("contradictions", "--db", db, "--kind", "figure", *LEX).output
    assert "[figure]" in table and "[event]" not in table


def test_clusters_command_and_polecat_tsv(db, tmp_path):
    tsv = tmp_path / "events.tsv"
    res = _run("clusters", "--db", db, "--polecat", str(tsv), *LEX)
    assert "event clusters: 2" in res.output and "contradictions: 3" in res.output
    rows = list(csv.DictReader(open(tsv), delimiter="\t"))
    assert rows[0]["Event Type"] == "AID" and rows[0]["Actor Country"] == "FRA"
    assert rows[0]["Recipient Country"] == "POL" and rows[0]["Quad Code"] == "2"
    assert rows[1]["Modality"] == "negated" and rows[0]["Cluster ID"].startswith("ev-")


def test_export_of_cluster_tables(db, tmp_path):
    _run("clusters", "--db", db, *LEX)
    out = tmp_path / "c.parquet"
    _run("export", "--table", "clusters", "--format", "parquet", "--out", str(out), "--db", db)
    import pandas as pd

    frame = pd.read_parquet(out)
    assert set(frame["kind"]) == {"event", "claim"}


def test_missing_database_is_a_clear_error(tmp_path):
    result = CliRunner().invoke(cli, ["dyad", "FRA", "POL", "--db", str(tmp_path / "no.db")])
    assert result.exit_code != 0


def test_write_report_api_on_an_empty_store(tmp_path):
    with Store(tmp_path / "e.db") as store:
        path = write_report(store, tmp_path / "e.html", config())
    assert "No relationship has events yet" in path.read_text()
