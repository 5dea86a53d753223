"""Settings: the packaged defaults (default.toml), a user's TOML file, and dotted overrides.

    cfg = load_config("my.toml", overrides=["pipeline.batch_size=64", "dedup.threshold=0.8"])
    cfg["pipeline"]["batch_size"]  -> 64

Unknown sections or keys are refused with a message naming the known ones, so a typo never
passes silently. Override values are parsed as TOML values (numbers, booleans, lists,
quoted strings); anything that is not valid TOML is taken as a bare string.
"""

from __future__ import annotations

import copy
import tomllib
from importlib import resources
from pathlib import Path
from typing import Any, Iterable, Mapping

from .errors import ConfigError

Config = dict[str, dict[str, Any]]


def default_config() -> Config:
    text = resources.files("dyadwatch").joinpath("default.toml").read_text(encoding="utf-8")
    return tomllib.loads(text)


def parse_value(raw: str) -> Any:
    try:
        return tomllib.loads(f"v = {raw}")["v"]
    except tomllib.TOMLDecodeError:
        return raw


def merge(base: Config, update: Mapping[str, Any], origin: str) -> Config:
    """Merge ``update`` into a copy of ``base``, refusing sections and keys base lacks.

    A section may hold open keys (a table value in default.toml, e.g. per-stage settings of
    plugins) only if its default is a table.
    """
    out = copy.deepcopy(base)
    for section, values in update.items():
        if section not in out:
            raise ConfigError(
                f"unknown config section [{section}] in {origin}; "
                f"known sections: {', '.join(sorted(out))}")
        if not isinstance(values, Mapping):
            raise ConfigError(f"[{section}] in {origin} must be a table of settings")
        for key, value in values.items():
            if key not in out[section]:
                raise ConfigError(
                    f"unknown setting {section}.{key} in {origin}; known in [{section}]: "
                    f"{', '.join(sorted(out[section]))}")
            default = out[section][key]
            if default is not None and not _compatible(default, value):
                raise ConfigError(
                    f"setting {section}.{key} in {origin} should be "
                    f"{type(default).__name__}, got {value!r}")
            out[section][key] = value
    return out


def _compatible(default: Any, value: Any) -> bool:
    if isinstance(default, bool) or isinstance(value, bool):
        return isinstance(default, bool) and isinstance(value, bool)
    if isinstance(default, (int, float)):
        return isinstance(value, (int, float))
    return isinstance(value, type(default))


def parse_overrides(items: Iterable[str]) -> dict[str, dict[str, Any]]:
    out: dict[str, dict[str, Any]] = {}
    for item in items:
        key, sep, raw = item.partition("=")
        section, dot, name = key.strip().partition(".")
        if not sep or not dot or not section or not name:
            raise ConfigError(
                f"override {item!r} is not of the form section.key=value "
                "(for example --set pipeline.batch_size=64)")
        out.setdefault(section, {})[name] = parse_value(raw.strip())
    return out


def load_config(path: str | Path | None = None, overrides: Iterable[str] = (),
                extra: Mapping[str, Any] | None = None) -> Config:
    """Defaults, then the file at ``path``, then ``extra`` (a mapping), then overrides."""
    cfg = default_config()
    if path:
        p = Path(path)
        try:
            data = tomllib.loads(p.read_text(encoding="utf-8"))
        except FileNotFoundError:
            raise ConfigError(f"config file {p} does not exist; check the --config path") from None
        except tomllib.TOMLDecodeError as exc:
            raise ConfigError(f"config file {p} is not valid TOML: {exc}") from None
        cfg = merge(cfg, data, str(p))
    if extra:
        cfg = merge(cfg, extra, "the given settings")
    overrides = list(overrides)
    if overrides:
        cfg = merge(cfg, parse_overrides(overrides), "--set")
    return cfg
