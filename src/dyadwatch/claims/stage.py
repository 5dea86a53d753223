"""The ``claims`` stage: numeric claims of each article (``claims/extract.py``)."""

from __future__ import annotations

from ..config import Config
from ..errors import ConfigError
from ..pipeline import register_stage
from ..schema import Article
from .extract import Options, claims_of

KINDS = ("money", "percent", "multiple", "count", "duration", "measure", "number")


def options(config: Config) -> Options:
    c = config["claims"]
    kinds = tuple(c["kinds"])
    unknown = [k for k in kinds if k not in KINDS]
    if unknown:
        raise ConfigError(f"unknown claim kind(s) {unknown} in claims.kinds; "
                          f"known: {', '.join(KINDS)}")
    return Options(kinds=kinds, multiples_from_verbs=bool(c["multiples_from_verbs"]),
                   referential_counts=bool(c["referential_counts"]),
                   max_claims_per_sentence=int(c["max_claims_per_sentence"]))


@register_stage("claims", requires=("doc", "actors"), assigns=("claims",), version="1")
def make_claims(config: Config):
    """Numeric claims: value, unit or currency, qualifier, change, measure, period, actors,
    source."""
    opts = options(config)

    def claims(art: Article) -> Article:
        art.claims = claims_of(art.doc, art.published, art.actors, opts, art.id)
        return art

    return claims
