"""The quality gate: floors, fast subsets, and the check that a lowered floor is explained."""

import subprocess
import sys
from pathlib import Path

import pytest

from dyadwatch.evaluation.gate import check, load_floors, metric_value
from dyadwatch.evaluation.tasks import TaskResult

ROOT = Path(__file__).resolve().parents[2]


def result(task, score, status="scored", **metrics):
    return TaskResult(task, status, 10, 0.1, "f1", score, {"f1": score, **metrics})


def test_floors_file_of_the_repository_loads():
    floors, limits = load_floors(ROOT / "quality" / "floors.toml")
    assert floors and all(f.floor > 0 for f in floors)
    assert all(limits[f.task] > 0 for f in floors if f.fast)


def test_check_passes_and_fails(tmp_path):
    p = tmp_path / "f.toml"
    p.write_text("[a]\nf1 = 0.5\n\"exact.precision\" = 0.4\n[a.fast]\nlimit = 5\nf1 = 0.6\n"
                 "[b]\nf1 = 0.3\n")
    floors, limits = load_floors(p)
    assert limits == {"a": 5}
    good = [result("a", 0.55, exact={"precision": 0.45}), result("b", 0.3)]
    assert check(good, floors) == []
    bad = [result("a", 0.45, exact={"precision": 0.45}), result("b", 0.2)]
    problems = check(bad, floors)
    assert len(problems) == 2 and "a.f1 = 0.4500 is below its floor 0.5" in problems[0]
    assert check([result("a", 0.55)], floors, fast=True) == ["a.f1 = 0.5500 is below its "
                                                             "floor 0.6"]
    unscored = [TaskResult("b", "no stage", 10, note="needs x")]
    assert "no score" in check(unscored, floors)[0]


def test_metric_value_reads_nested_metrics():
    r = result("a", 0.5, exact={"precision": 0.25})
    assert metric_value(r, "exact.precision") == 0.25
    assert metric_value(r, "exact.missing") is None


def _git(repo, *args):
    subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True)


@pytest.mark.slow
def test_lowering_a_floor_needs_a_reason(tmp_path):
    repo = tmp_path / "r"
    (repo / "quality").mkdir(parents=True)
    _git(repo, "init", "-q")
    _git(repo, "config", "user.email", "t@example.invalid")
    _git(repo, "config", "user.name", "t")
    floors = repo / "quality" / "floors.toml"

    def commit(text, message):
        floors.write_text(text)
        _git(repo, "add", "-A")
        _git(repo, "commit", "-qm", message)

    def run():
        return subprocess.run([sys.executable, str(ROOT / "scripts" / "check_floors.py")],
                              cwd=repo, capture_output=True, text=True)

    commit("[a]\nf1 = 0.5\n", "first floors")
    commit("[a]\nf1 = 0.6\n", "raise a floor")
    assert run().returncode == 0
    commit("[a]\nf1 = 0.55\n", "lower it silently")
    r = run()
    assert r.returncode == 1 and "lowers a.f1 (0.6 -> 0.55)" in r.stderr
    _git(repo, "commit", "--amend", "-qm", "lower it\n\nFloor-lowered: a.f1: new gold labels")
    assert run().returncode == 0
