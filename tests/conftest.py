"""Shared fixtures. Tests are offline and deterministic; model-heavy ones are marked."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from dyadwatch.config import load_config

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("DYADWATCH_SHARED", ROOT.parent / "shared"))


@pytest.fixture
def config():
    """Default settings without the spaCy stage (fast); tests that need it ask for it."""
    return load_config(overrides=["pipeline.disable=['parse']"])


@pytest.fixture
def full_config():
    return load_config()


@pytest.fixture
def db(tmp_path):
    return str(tmp_path / "test.db")


@pytest.fixture
def shared():
    """The ../shared folder (gold sets, seed corpus); skips the test when it is absent."""
    if not SHARED.is_dir():
        pytest.skip(f"needs the shared data folder at {SHARED} (set DYADWATCH_SHARED)")
    return SHARED


@pytest.fixture
def seeds(shared):
    path = shared / "corpus" / "seeds"
    if not path.is_dir():
        pytest.skip(f"needs the seed corpus at {path}")
    return path


def run_cli(*args: str, input: bytes | None = None, cwd: str | Path | None = None,
            env: dict | None = None, timeout: int = 300) -> subprocess.CompletedProcess:
    """Run `python -m dyadwatch ARGS` in a subprocess, as a user would."""
    full_env = dict(os.environ)
    full_env.update(env or {})
    return subprocess.run([sys.executable, "-m", "dyadwatch", *args], input=input,
                          capture_output=True, cwd=cwd, env=full_env, timeout=timeout)


def write(path: Path, content: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


def read_data_table(path: Path, columns: list[str]) -> list[dict[str, str]]:
    """A packaged data table read strictly: `#` lines skipped, the header row must be
    ``columns`` and every row must have exactly that many fields."""
    import csv
    import io

    text = path.read_text(encoding="utf-8")
    body = "\n".join(ln for ln in text.splitlines() if ln.strip() and not ln.startswith("#"))
    reader = csv.reader(io.StringIO(body), delimiter="\t", quoting=csv.QUOTE_NONE)
    header = next(reader)
    assert header == columns, f"{path.name}: header {header}"
    rows = []
    for n, fields in enumerate(reader, start=2):
        assert len(fields) == len(columns), \
            f"{path.name} data row {n}: {len(fields)} fields {fields}"
        rows.append(dict(zip(columns, fields)))
    return rows
