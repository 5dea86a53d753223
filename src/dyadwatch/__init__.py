"""dyadwatch: news about relations between states, turned into evidence-linked records.

Public API (importing it has no side effects: no model loads, nothing prints):

    from dyadwatch import analyze_texts, Pipeline, load_config, Store
    articles = analyze_texts(["BEIJING: China and Russia signed ..."])

See docs/API.md.
"""

__version__ = "0.1.0"

from .config import load_config  # noqa: E402
from .errors import (ConfigError, DyadwatchError, InputError, ModelError,  # noqa: E402
                     NotFound, StageError, StoreError, UnsupportedInput)
from .pipeline import Pipeline, describe_stages, register_stage  # noqa: E402
from .runner import RunSummary, analyze_paths, analyze_texts, sample_corpus  # noqa: E402
from .schema import (Actor, ActorRef, Article, Claim, Cluster, ErrorRecord,  # noqa: E402
                     Event, Mention, Quote, Speaker, Stance)
from .store import Store  # noqa: E402

__all__ = [
    "__version__",
    "Actor", "ActorRef", "Article", "Claim", "Cluster", "ErrorRecord", "Event", "Mention",
    "Quote", "Speaker", "Stance",
    "ConfigError", "DyadwatchError", "InputError", "ModelError", "NotFound", "StageError",
    "StoreError", "UnsupportedInput",
    "Pipeline", "RunSummary", "Store", "analyze_paths", "analyze_texts", "describe_stages",
    "load_config", "register_stage", "sample_corpus",
]
