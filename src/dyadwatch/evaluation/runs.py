"""Running the pipeline's stages over gold texts, for the scorers."""

from __future__ import annotations

from typing import Iterator, Sequence

from ..config import Config


def analysed(items: list, config: Config, stages: Sequence[str],
             published: list | None = None, batch: int = 32) -> Iterator:
    """Articles for each gold item (id, text) after ``stages``, in order. No cleaning stage
    runs unless named, so gold character offsets hold."""
    from ..config import merge
    from ..pipeline import Pipeline
    from ..schema import Article

    cfg = merge(config, {"pipeline": {"stages": list(stages), "disable": []}}, "evaluation")
    pipe = Pipeline.from_config(cfg)
    published = published or [None] * len(items)
    arts = [Article(id=str(i.id), text=i.text, published=p) for i, p in zip(items, published)]
    for start in range(0, len(arts), batch):
        yield from pipe(arts[start:start + batch])
