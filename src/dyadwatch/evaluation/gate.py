"""The quality gate: recorded floors per task, and the check that scores stay above them.

Floors live in ``quality/floors.toml`` (in the repository, not the package):

    [re3d_entities]          # the full gold set, run by CI's eval step
    f1 = 0.55
    [re3d_entities.fast]     # the subset the default test run scores
    limit = 300
    f1 = 0.56

A floor may name any numeric metric of the task's result, including nested ones with
dots (``exact.precision``). Raising a floor is a normal commit; lowering one needs a line
``Floor-lowered: TASK.METRIC: reason`` in the commit message (``scripts/check-floors``).
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import ConfigError
from .tasks import TaskResult


@dataclass
class Floor:
    task: str
    metric: str
    floor: float
    fast: bool = False


def load_floors(path: str | Path) -> tuple[list[Floor], dict[str, int]]:
    """(floors, fast-subset limits by task)."""
    try:
        data = tomllib.loads(Path(path).read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ConfigError(f"floors file {path} does not exist") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"floors file {path} is not valid TOML: {exc}") from None
    floors: list[Floor] = []
    limits: dict[str, int] = {}
    for task, values in data.items():
        for key, value in values.items():
            if key == "fast":
                limits[task] = int(value.get("limit", 0))
                floors += [Floor(task, k, float(v), True) for k, v in value.items()
                           if k != "limit"]
            else:
                floors.append(Floor(task, key, float(value)))
    return floors, limits


def metric_value(result: TaskResult, metric: str) -> float | None:
    value: Any = result.metrics
    for part in metric.split("."):
        if not isinstance(value, dict) or part not in value:
            return None
        value = value[part]
    return float(value) if isinstance(value, (int, float)) else None


def check(results: list[TaskResult], floors: list[Floor], fast: bool = False,
          tolerance: float = 1e-9) -> list[str]:
    """Messages for every floor not met (an unscored task with a floor fails too)."""
    by_task = {r.task: r for r in results}
    problems = []
    for f in floors:
        if f.fast != fast or f.task not in by_task:
            continue
        r = by_task[f.task]
        value = metric_value(r, f.metric) if r.status == "scored" else None
        if value is None:
            problems.append(f"{f.task}.{f.metric}: no score ({r.status}; {r.note}) but a floor "
                            f"of {f.floor}")
        elif value + tolerance < f.floor:
            problems.append(f"{f.task}.{f.metric} = {value:.4f} is below its floor {f.floor}")
    return problems
