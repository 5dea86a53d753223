"""Across articles: event and claim clusters, contradictions between sources, the
relationship monitor, the HTML report and exports (docs/CROSSDOC.md).

    from dyadwatch import Store
    from dyadwatch.crossdoc import update_store, dyad_view, write_report

    with Store("news.db") as store:
        update_store(store)                       # clusters + contradictions
        view = dyad_view(store, "CHN", "RUS")      # pandas DataFrames
        view.index, view.asymmetry, view.channels, view.sources
        write_report(store, "report.html")

Nothing here loads a model at import; MiniLM loads on the first embedding.
"""

from .build import (CrossdocResult, analyse_articles, ensure_current, is_current,
                    update_store)
from .channels import CHANNELS, load_channels
from .characterise import characterisations, load_lexicon
from .embed import Embedder
from .exports import write_frame, write_polecat
from .monitor import DyadView, dyad_view, view_of_clusters
from .report import default_report_path, render_report, write_report
from .store import clusters, contradictions, top_dyads

__all__ = ["CHANNELS", "CrossdocResult", "DyadView", "Embedder", "analyse_articles",
           "characterisations", "clusters", "contradictions", "default_report_path",
           "dyad_view", "ensure_current", "is_current", "load_channels", "load_lexicon",
           "render_report", "top_dyads", "update_store", "view_of_clusters", "write_frame",
           "write_polecat", "write_report"]
