"""The channels of a relationship (diplomatic, economic, military, technology) an event
belongs to, from the data file ``crossdoc/data/channels.tsv`` (see its header)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterable, Optional

from ..datafiles import tsv_rows
from ..errors import ConfigError
from .datafile import data_text

CHANNELS = ("diplomatic", "economic", "military", "technology")


@dataclass(frozen=True)
class ChannelMap:
    contexts: dict[str, str]
    types: dict[str, str]
    words: re.Pattern
    word_channel: dict[str, str]

    def of(self, event: Optional[str], contexts: Iterable[str], evidence: str = "") -> list[str]:
        out = [self.contexts[c] for c in contexts if c in self.contexts]
        for m in self.words.finditer(evidence or ""):
            out.append(self.word_channel[m.group(0).lower()])
        if not out and event in self.types:
            out.append(self.types[event])
        return [c for c in CHANNELS if c in out]


@lru_cache(maxsize=4)
def load_channels(path: str = "builtin") -> ChannelMap:
    text = data_text(path, "channels.tsv", "monitor.channels")
    contexts, types, words = {}, {}, {}
    for row in tsv_rows(text):
        if row.get("channel") not in CHANNELS:
            raise ConfigError(f"channel map {path}: {row.get('channel')!r} is not one of "
                              f"{', '.join(CHANNELS)}")
        table = {"context": contexts, "type": types, "word": words}.get(row.get("kind", ""))
        if table is None:
            raise ConfigError(f"channel map {path}: kind {row.get('kind')!r} is not context, "
                              "type or word")
        table[row["name"].lower() if row["kind"] == "word" else row["name"]] = row["channel"]
    alts = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)) or "(?!)"
    return ChannelMap(contexts, types, re.compile(rf"\b(?:{alts})\b", re.I), words)
