"""Charts for the report, drawn with matplotlib and returned as inline SVG text (no files,
no scripts, no network: the report stays one self-contained HTML file)."""

from __future__ import annotations

import io
import re

import pandas as pd

COOP, CONFLICT, INDEX = "#2f7d4f", "#b8412f", "#1d3f72"


def _svg(fig) -> str:
    buf = io.StringIO()
    fig.savefig(buf, format="svg", bbox_inches="tight")
    import matplotlib.pyplot as plt

    plt.close(fig)
    text = buf.getvalue()
    text = text[text.find("<svg"):]  # drop the XML prolog and doctype
    return re.sub(r"<metadata>.*?</metadata>", "", text, flags=re.S)


def _plt():
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    plt.rcParams.update({"font.size": 9, "svg.fonttype": "none", "axes.spines.top": False,
                         "axes.spines.right": False})
    return plt


def timeline_svg(index: pd.DataFrame, title: str) -> str:
    """Cooperative and conflictual clusters per period (bars) and the index (line)."""
    plt = _plt()
    fig, ax = plt.subplots(figsize=(7.2, 2.6))
    if index.empty:
        ax.text(0.5, 0.5, "no dated events", ha="center", va="center", transform=ax.transAxes)
        ax.set_axis_off()
        return _svg(fig)
    x = range(len(index))
    width = 0.7 if len(index) > 3 else 0.25
    ax.bar(x, index["cooperation"], width=width, color=COOP, label="cooperative events")
    ax.bar(x, -index["conflict"], width=width, color=CONFLICT, label="conflictual events")
    ax.set_xlim(-0.8, len(index) - 0.2)
    ax.axhline(0, color="#888", lw=0.6)
    ax.set_ylabel("event clusters")
    step = max(1, len(index) // 12)
    ax.set_xticks(list(x)[::step])
    ax.set_xticklabels(list(index["period"])[::step], rotation=45, ha="right")
    ax2 = ax.twinx()
    ax2.plot(list(x), index["index"], color=INDEX, marker="o", ms=3, lw=1.4,
             label="index (mean score)")
    ax2.set_ylim(-10.5, 10.5)
    ax2.set_ylabel("cooperation-conflict index")
    ax2.spines["top"].set_visible(False)
    handles = ax.get_legend_handles_labels()[0] + ax2.get_legend_handles_labels()[0]
    ax.legend(handles=handles, loc="lower left", bbox_to_anchor=(0, 1.0), fontsize=7,
              frameon=False, ncol=3)
    ax.set_title(title, fontsize=10, loc="left", pad=22)
    return _svg(fig)


def asymmetry_svg(asym: pd.DataFrame, title: str) -> str:
    """Material flows (AID, COOPERATE) in each direction, as horizontal bars."""
    plt = _plt()
    if not int(asym[["AID", "COOPERATE"]].to_numpy().sum()):
        return ""
    fig, ax = plt.subplots(figsize=(4.2, 1.5))
    ax.barh(asym["direction"], asym["AID"], color=COOP, label="AID")
    ax.barh(asym["direction"], asym["COOPERATE"], left=asym["AID"], color="#7fb08f",
            label="COOPERATE")
    ax.set_xlabel("event clusters")
    ax.legend(fontsize=7, frameon=False, loc="lower right")
    ax.set_title(title, fontsize=9, loc="left")
    return _svg(fig)
