"""Guard the public surface: exported names, commands, settings and stages stay documented."""

import re
import subprocess
import sys
from pathlib import Path

import pytest

import dyadwatch
from dyadwatch.cli import cli
from dyadwatch.config import default_config
from dyadwatch.pipeline import registered_stages

DOCS = Path(__file__).resolve().parent.parent / "docs"


def test_exported_names_exist_and_are_documented():
    api = (DOCS / "API.md").read_text()
    for name in dyadwatch.__all__:
        assert hasattr(dyadwatch, name), name
        assert re.search(rf"\b{re.escape(name)}\b", api), f"{name} is not in docs/API.md"


def test_every_command_is_documented():
    text = (DOCS / "CLI.md").read_text()
    for name in cli.commands:
        assert f"### {name}" in text, f"command {name} is not in docs/CLI.md"


def test_every_setting_is_documented():
    text = (DOCS / "CONFIG.md").read_text()
    for section, values in default_config().items():
        assert f"## [{section}]" in text, section
        for key in values:
            assert f"| `{key}` |" in text, f"{section}.{key} is not in docs/CONFIG.md"


def test_every_builtin_stage_is_documented():
    text = (DOCS / "ARCHITECTURE.md").read_text()
    for name in registered_stages():
        if name.startswith("test_"):
            continue
        assert f"`{name}`" in text, f"stage {name} is not in docs/ARCHITECTURE.md"


def test_import_has_no_side_effects():
    code = ("import sys, dyadwatch, dyadwatch.cli, dyadwatch.runner; "
            "print(sorted(m for m in ('spacy', 'trafilatura', 'pyarrow', 'pandas') "
            "if m in sys.modules))")
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert r.returncode == 0, r.stderr
    assert r.stdout.strip() == "[]" and r.stderr == ""


@pytest.mark.parametrize("path", ["README.md"])
def test_readme_starts_with_the_two_commands(path):
    text = (DOCS.parent / path).read_text()
    block = re.search(r"```bash\n(.*?)```", text, re.S).group(1).splitlines()
    assert block[0].startswith("bash scripts/demo") and block[1].startswith("bash scripts/test")
    ci = (DOCS.parent / ".ci" / "run").read_text()
    assert "bash scripts/test" in ci
