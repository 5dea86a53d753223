"""An event's ``confidence``: the probability that the event record is right (its type, an
actor and its recipients as a careful coder would give them), from a logistic model over
what the stage knows about the event:

- ``p_class``: the sentence classifier's probability of the event's quad class;
- ``p_none``: its probability that the sentence holds no event;
- ``recipient``: 1 when the event has a recipient or several actors (a dyad is read);
- ``known_actors``: 1 when every actor's code comes from a dictionary or the context;
- ``verb``: 1 when the trigger is a verb (nominal events are read from less structure).

The weights live in ``events/data/confidence.toml`` with the recipe that fitted them
(``scripts/fit_event_confidence.py``); the evaluation measures the calibration by cross-
validation (docs/EVALUATION.md).
"""

from __future__ import annotations

import math
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from typing import Sequence

from ..datafiles import package_text
from ..errors import ConfigError

FEATURES = ("p_class", "p_none", "recipient", "known_actors", "verb")


@dataclass(frozen=True)
class Calibration:
    intercept: float
    weights: tuple[float, ...]

    def probability(self, x: Sequence[float]) -> float:
        z = self.intercept + sum(w * v for w, v in zip(self.weights, x))
        return 1.0 / (1.0 + math.exp(-z))


@lru_cache(maxsize=1)
def calibration() -> Calibration:
    data = tomllib.loads(package_text("events/data/confidence.toml"))
    weights = data.get("weights", {})
    if set(weights) != set(FEATURES):
        raise ConfigError("events/data/confidence.toml must give a weight for each of "
                          f"{', '.join(FEATURES)}; refit it with scripts/fit_event_confidence.py")
    return Calibration(float(data["intercept"]), tuple(float(weights[f]) for f in FEATURES))


def features(p_class: float, p_none: float, has_recipient: bool, known_actors: bool,
             verb: bool) -> list[float]:
    return [p_class, p_none, float(has_recipient), float(known_actors), float(verb)]
