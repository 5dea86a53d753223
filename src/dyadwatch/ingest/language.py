"""The ``language`` stage: is the article English?

English function words make up a large share of any English text (roughly 40-50% of
tokens in news) and almost none of a text in another language. The stage counts them; it
keeps a language a reader found (an HTML ``lang`` attribute, a JSON ``language`` field).
Non-English articles are kept and marked: the English models downstream will do little
with them, and the record says why.
"""

from __future__ import annotations

from ..config import Config
from ..pipeline import register_stage
from ..schema import Article
from .textio import words

# The most frequent English function words (closed-class words of any English grammar).
FUNCTION_WORDS = frozenset("""
a an the and or but if of to in on at by for with from as into about over after before
between under against during without within through is are was were be been being has have
had do does did not no this that these those it its they them their he him his she her we
us our you your i me my which who whom whose what when where why how than then there here
will would shall should can could may might must also only such so very more most some any
all both each other another same up out off down
""".split())


def english_ratio(text: str, sample_words: int = 2000) -> float:
    toks = words(text)[:sample_words]
    if not toks:
        return 0.0
    return sum(1 for t in toks if t in FUNCTION_WORDS) / len(toks)


@register_stage("language", requires=("text",), assigns=("language",), version="1")
def make_language(config: Config):
    """Mark each article's language ("en", or "und" when it is not English)."""
    threshold = float(config["language"]["min_english_ratio"])

    def language(art: Article) -> Article:
        if art.language:
            art.language = art.language.lower().split("-")[0].split("_")[0]
            return art
        ratio = english_ratio(art.text)
        # Headlines and very short texts carry few function words: judge them leniently.
        n = len(words(art.text))
        limit = threshold if n >= 40 else threshold / 3
        art.language = "en" if ratio >= limit else "und"
        if art.language != "en":
            art.warnings.append(
                f"text does not look English ({ratio:.0%} English function words); "
                "the English models will find little in it")
        return art

    return language
