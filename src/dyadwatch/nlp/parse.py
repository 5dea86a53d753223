"""The ``parse`` stage: sentences, tokens, dependency parse and named entities (spaCy).

A batch stage: one ``nlp.pipe`` call per pipeline batch. The ``Doc`` lives on the article
(``article.doc``, transient) for the stages after it; ``sentences`` keeps the character
span of each sentence in the record.
"""

from __future__ import annotations

from ..config import Config
from ..pipeline import register_stage
from ..schema import Article
from .model import get_nlp


@register_stage("parse", requires=("text",), assigns=("doc", "sentences"), version="2",
                batch=True)
def make_parse(config: Config):
    """spaCy: sentences, tokens, dependency parse and named entities, batched with nlp.pipe."""
    c = config["nlp"]
    nlp = get_nlp(c["model"], tuple(c["exclude"]), config["ingest"]["max_text_chars"] + 1)
    batch_size = int(c["pipe_batch_size"])

    def parse(articles: list[Article]) -> list[Article]:
        docs = nlp.pipe((a.text for a in articles), batch_size=batch_size)
        for art, doc in zip(articles, docs):
            art.doc = doc
            art.sentences = [[s.start_char, s.end_char] for s in doc.sents]
        return articles

    return parse
