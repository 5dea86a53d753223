"""Done-when of the foundation, on the seed articles (read from ../shared)."""

import json
import re

import pytest

from dyadwatch.runner import sample_corpus

from .conftest import run_cli

# Lines of the seed articles that are page furniture or repeats, not article text.
FURNITURE = ["Support Us", "Advertisement:", "Support UP or become our patron!", "Leave a Reply",
             "Your email address will not be published.", "Also Read:", "Also Watch:",
             "Top Headlines", "No stories found.", "Sentinel Assam", "www.sentinelassam.com"]


def test_bundled_sample_is_the_seed_corpus(seeds):
    bundled = {p.name: p.read_bytes() for p in sample_corpus().glob("*.txt")}
    original = {p.name: p.read_bytes() for p in seeds.glob("*.txt")}
    assert bundled == original and len(bundled) == 5


@pytest.mark.slow
def test_seed_records_are_clean(seeds, tmp_path):
    out = tmp_path / "seeds.jsonl"
    r = run_cli("analyze", str(seeds), "--out", str(out), "--db", str(tmp_path / "s.db"),
                "--set", "pipeline.disable=['parse']")
    assert r.returncode == 0, r.stderr.decode()
    recs = {json.loads(x)["id"]: json.loads(x) for x in out.read_text().splitlines()}
    assert len(recs) == 5
    for rid, rec in recs.items():
        paragraphs = [p for p in rec["text"].split("\n\n")]
        for line in FURNITURE:
            assert line not in paragraphs and not any(p.startswith(line) for p in paragraphs), \
                (rid, line)
        assert len(paragraphs) == len(set(paragraphs)), f"{rid} still repeats a paragraph"
        if rec["title"]:
            assert rec["title"] not in paragraphs
    # Only one seed states its publication date, in a date line.
    assert recs["000_7ba877762abe807f"]["published"] == "2023-10-19"
    assert recs["000_7ba877762abe807f"]["title"].startswith("China supports Russia in war")
    assert recs["003_9ce00b0df132942d"]["source"] == "Sentinel Assam"
    assert recs["001_fc8fe1ad272febc2"]["dateline"] == "Beijing"
    assert not re.match(r"BEIJING", recs["001_fc8fe1ad272febc2"]["text"])
    assert recs["004_99fb06d279da21ac"]["text"].count("Why did we write this?") == 1
