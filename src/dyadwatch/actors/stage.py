"""The ``actors`` stage: every actor an article names, with all its mentions."""

from __future__ import annotations

import re

from ..config import Config
from ..pipeline import register_stage
from ..schema import Actor, Article, Mention
from .coref import link
from .lexicon import load_lexicon
from .resolve import Found, Resolver


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "actor"


def build_actors(art: Article, found: list[Found]) -> list[Actor]:
    doc = art.doc
    groups: dict[tuple, list[Found]] = {}
    for f in found:
        target = f.links[0] if f.links else f
        groups.setdefault(target.key, []).append(f)
    actors: list[Actor] = []
    used_ids: set[str] = set()
    for key, fs in groups.items():
        head = next((f for f in fs if not f.links), fs[0])
        rank = {"dictionary": 0, "context": 1, "article": 2, None: 3}
        best = min(fs, key=lambda f: rank.get(f.basis, 3))  # the best-founded code wins
        if best.code and rank.get(best.basis, 3) < rank.get(head.basis, 3):
            head.code, head.basis = best.code, best.basis
            head.sector = head.sector or best.sector
        if head.kind == "state":
            base = head.code or _slug(head.name)
        elif head.kind == "person" and head.origin != "collective":
            base = _slug(head.name)
        else:
            base = _slug("-".join(x for x in (head.code, head.sector, head.name) if x))
        aid, n = base, 2
        while aid in used_ids:
            aid, n = f"{base}-{n}", n + 1
        used_ids.add(aid)
        spans = sorted({f.chars(doc) for f in fs})
        # keep maximal phrases: drop a mention inside another mention of the same actor
        kept = [sp for sp in spans if not any(o != sp and o[0] <= sp[0] and sp[1] <= o[1]
                                              for o in spans)]
        mentions = [Mention(s, e, art.text[s:e]) for s, e in kept]
        office = next((f.office for f in fs if f.office), None)
        actors.append(Actor(id=aid, name=head.name, code=head.code, sector=head.sector,
                            kind=head.kind, office=office, mentions=mentions,
                            role=next((f.role for f in fs if f.role), None),
                            affiliation=next((f.affiliation for f in fs if f.affiliation),
                                             None), basis=head.basis))
    actors.sort(key=lambda a: a.mentions[0].start if a.mentions else 0)
    return actors


@register_stage("actors", requires=("doc",), assigns=("actors",), version="1")
def make_actors(config: Config):
    """Actor mentions resolved to code, sector, kind, name and office, with coreference."""
    lex = load_lexicon(tuple(config["actors"]["extra"]))

    def actors(art: Article) -> Article:
        found = Resolver(art.doc, lex, art.published).run()
        art.actors = build_actors(art, link(art.doc, found, lex))
        return art

    return actors
