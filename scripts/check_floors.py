"""Refuse a lowered quality floor without a stated reason.

Every commit that changed quality/floors.toml is compared with its parent: when a floor
went down (or disappeared), the commit message must hold a line
    Floor-lowered: TASK.METRIC: the reason
naming it. Run by .ci/run; exits 1 listing the offending commits.
"""

from __future__ import annotations

import subprocess
import sys
import tomllib

PATH = "quality/floors.toml"


def git(*args: str) -> str:
    return subprocess.run(["git", *args], capture_output=True, text=True, check=True).stdout


def flat(text: str) -> dict[str, float]:
    out: dict[str, float] = {}

    def walk(prefix: str, node: dict) -> None:
        for k, v in node.items():
            key = f"{prefix}.{k}" if prefix else k
            if isinstance(v, dict):
                walk(key, v)
            elif isinstance(v, (int, float)) and not key.endswith(".limit"):
                out[key] = float(v)

    walk("", tomllib.loads(text))
    return out


def show(rev: str) -> str | None:
    try:
        return git("show", f"{rev}:{PATH}")
    except subprocess.CalledProcessError:
        return None


def main() -> int:
    problems = []
    for commit in git("log", "--format=%H", "--", PATH).split():
        new, old = show(commit), show(f"{commit}^")
        if new is None or old is None:
            continue
        before, after = flat(old), flat(new)
        lowered = [k for k, v in before.items() if k not in after or after[k] < v]
        if not lowered:
            continue
        message = git("log", "-1", "--format=%B", commit)
        for key in lowered:
            if f"Floor-lowered: {key}:" not in message:
                problems.append(f"{commit[:10]} lowers {key} ({before[key]} -> "
                                f"{after.get(key, 'removed')}) without a "
                                f"'Floor-lowered: {key}: reason' line")
    for p in problems:
        print(f"check_floors: {p}", file=sys.stderr)
    if not problems:
        print("check_floors: no floor lowered without a stated reason")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
