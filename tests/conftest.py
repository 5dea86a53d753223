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
