"""Scorers of the ``claims`` stage: NewsQuant, quantulum3's test sentences, own gold.

Matching (docs/EVALUATION.md, "Claims"):

- **value F1**: a predicted claim matches a gold quantity of the same sentence when the
  values agree within a relative tolerance of ``REL_TOL`` (0.5 %, so "66.67" matches
  two thirds); each gold and each predicted figure is used once, gold in text order. A gold
  range "a-b" is matched by a claim whose value is a or b or whose low/high are a and b;
  a second claim for its other end is then not counted as a false positive. A claim's
  range also matches a gold value at its middle (quantulum3 gives a range as its mean:
  "44 to 50 mg" = 47), and a fraction the claims stage gives as percent ("a third" =
  33.33) matches the gold's ratio (0.333).
- **value+unit F1**: the same, and the units agree after both are mapped to a comparable
  form by ``comparable_unit`` (``UNIT_MAP`` below, then the last word singularised);
  quantulum3's "dimensionless" agrees with a claim without unit or with a counted noun.
  Currency names are mapped to ISO 4217 codes by the claims stage's own currency table
  (``claims/data/currencies.tsv``, CLDR names), so "saudi riyal" ~ SAR.
- **change direction accuracy**, on matched figures whose gold says up, down or "=":
  up = increase, down = decrease, "=" = no change; a claim's direction counts only when
  it is the amount of a change ("rose 8%"), not an end ("rose to $5bn"), as NewsQuant
  marks only amounts.
- **qualifier accuracy**, on matched figures whose gold change is ~, >, < or =:
  approximately/nearly = ~, more than/at least = >, less than/at most = <, none/exactly = =.
"""

from __future__ import annotations

import re
from typing import Any, Optional

from ..claims.numbers import fraction_percent
from ..config import Config
from .runs import analysed
from . import scoring
from .tasks import scorer

REL_TOL = 0.005

# Gold unit names (NewsQuant ``normalized_unit``, quantulum3 unit names, own gold) -> the
# claims stage's normal units. Names not listed are compared by their last word,
# singularised ("first-team player" ~ "player").
UNIT_MAP: dict[str, Optional[str]] = {
    "percentage": "percent", "%": "percent", "per cent": "percent", "pc": "percent",
    "% -": "percent",
    "dollar": "USD", "united states dollar": "USD", "us dollar": "USD", "euro": "EUR",
    "pound sterling": "GBP", "british pound": "GBP", "japanese yen": "JPY", "yen": "JPY",
    "chinese yuan": "CNY", "yuan": "CNY", "renminbi": "CNY", "australian dollar": "AUD",
    "canadian dollar": "CAD", "hong kong dollar": "HKD", "new zealand dollar": "NZD",
    "danish krone": "DKK", "swedish krona": "SEK", "norwegian krone": "NOK",
    "swiss franc": "CHF", "shekel": "ILS", "israeli new shekel": "ILS",
    "indian rupee": "INR", "rupee": "INR", "russian ruble": "RUB", "ruble": "RUB",
    "rouble": "RUB", "south korean won": "KRW", "turkish lira": "TRY",
    "ukrainian hryvnia": "UAH", "brazilian real": "BRL", "mexican peso": "MXN",
    "south african rand": "ZAR",
    "count": "times", "times": "times", "fold": "times",
    "-": None, "dimensionless": None, "": None,
    "people": "person", "persons": "person", "men": "man", "women": "woman",
    "children": "child",
    "kilometer": "kilometre", "meter": "metre", "millimeter": "millimetre",
    "centimeter": "centimetre", "liter": "litre", "metric ton": "tonne",
    "gigatonne": "gigaton", "degree celsius": "celsius", "degree fahrenheit": "fahrenheit",
    "cubic centimetre": "millilitre", "cubic centimeter": "millilitre",
}


def _singular(word: str) -> str:
    if word in UNIT_MAP:
        return UNIT_MAP[word] or ""
    if word.endswith("men") and len(word) > 4:
        return word[:-3] + "man"  # fishermen, servicemen
    for suffix, repl in (("ies", "y"), ("sses", "ss"), ("ches", "ch"), ("shes", "sh"),
                         ("xes", "x")):
        if word.endswith(suffix) and len(word) > len(suffix) + 2:
            return word[: -len(suffix)] + repl
    if word.endswith("s") and not word.endswith(("ss", "us", "is")) and len(word) > 3:
        return word[:-1]
    return word


def comparable_unit(unit: Optional[str]) -> Optional[str]:
    """A unit name in the form both sides of a comparison share."""
    if unit is None:
        return None
    u = re.sub(r"\s+", " ", unit.strip())
    if re.fullmatch(r"[A-Z]{3}", u):
        return u  # an ISO 4217 code
    if " per " in u:
        a, b = u.split(" per ", 1)
        return f"{comparable_unit(a)} per {comparable_unit(b)}"
    low = u.lower()
    if low in UNIT_MAP:
        return UNIT_MAP[low]
    if low.startswith("% "):
        return "percent"  # NewsQuant: "% those screened", a share of something
    code = _currency_code(low)
    if code:
        return code
    if " and " in low:  # "doctors and nurses": the first noun counted
        low = low.split(" and ")[0]
    return _singular(low.split(" ")[-1]) or None


def _currency_code(name: str) -> Optional[str]:
    from ..claims.lexicon import lexicon

    names = lexicon().names
    for cand in (name, re.sub(r"e?s$", "", name)):
        if cand in names:
            return names[cand]
    return None


def _claim_unit(claim) -> Optional[str]:
    unit = claim.unit
    if unit and claim.per:
        unit = f"{unit} per {claim.per}"
    return comparable_unit(unit)


def units_agree(gold_unit: Optional[str], claim) -> bool:
    if gold_unit is not None and gold_unit.strip().lower() == "dimensionless":
        return claim.unit is None or claim.kind in ("count", "number")
    return comparable_unit(gold_unit) == _claim_unit(claim)


def _close(a: Optional[float], b: Optional[float]) -> bool:
    return a is not None and b is not None and scoring.values_match(a, b, REL_TOL)


def _values(claim) -> list[float]:
    """The values a claim may be matched by: its value, its range's middle, and for a
    fraction given as percent ("a third" = 33.33) the ratio."""
    out = [claim.value]
    if claim.low is not None and claim.high is not None:
        out.append((claim.low + claim.high) / 2)
    if claim.kind == "percent" and claim.unit_text and \
            fraction_percent(claim.unit_text) is not None:
        out.append(claim.value / 100)
    return out


def match(golds: list[tuple[Any, Optional[tuple[float, float]]]], preds: list,
          with_unit: bool) -> tuple[scoring.PRF, list[tuple[Any, Any]]]:
    """One-to-one matching of gold quantities (with their range, if any) and claims."""
    used: set[int] = set()
    pairs = []
    for g, rng in golds:
        ends = [g.value] + ([rng[0], rng[1]] if rng else [])
        for j, c in enumerate(preds):
            if j in used:
                continue
            hit = any(_close(e, v) for e in ends for v in _values(c)) or (
                rng is not None and _close(rng[0], c.low) and _close(rng[1], c.high))
            if not hit or (with_unit and not units_agree(g.unit, c)):
                continue
            used.add(j)
            pairs.append((g, c))
            if rng:  # the claim of the range's other end is part of the same gold
                other = next((k for k, d in enumerate(preds) if k not in used and
                              any(_close(e, d.value) for e in rng)), None)
                if other is not None:
                    used.add(other)
            break
    extra = sum(1 for j in range(len(preds)) if j not in used)
    return scoring.PRF(len(pairs), extra, len(golds) - len(pairs)), pairs


def claimed(items: list, config: Config, published: list | None = None):
    """Articles with actors, claims for each gold text (no cleaning: offsets hold)."""
    return analysed(items, config, ['parse', 'actors', 'claims'], published, batch=64)


_DIRECTION = {"up": "increase", "down": "decrease", "=": None}
_QUALIFIER = {"approximately": "~", "nearly": "~", "more than": ">", "at least": ">",
              "less than": "<", "at most": "<", "exactly": "=", None: "="}


def _sentence_of(art, start: Optional[int]) -> Optional[int]:
    if start is None:
        return None
    return next((n for n, (s, e) in enumerate(art.sentences) if s <= start < e), None)


def score_quantities(items: list, arts: list, ranges_of=lambda item: {}) -> dict:
    """Value F1, value+unit F1, change direction and qualifier accuracy."""
    value, unit = scoring.PRF(), scoring.PRF()
    direction_ok = direction_n = qual_ok = qual_n = 0
    for item, art in zip(items, arts):
        ranges = ranges_of(item)
        golds = [(g, ranges.get(i)) for i, g in enumerate(item.quantities)]
        # gold and predictions of the same sentence (gold without offsets: any sentence)
        by_sent: dict[Optional[int], tuple[list, list]] = {}
        for g, rng in golds:
            by_sent.setdefault(_sentence_of(art, g.start), ([], []))[0].append((g, rng))
        for c in art.claims:
            key = c.sentence if any(k is not None for k in by_sent) else None
            by_sent.setdefault(key, ([], []))[1].append(c)
        for gs, ps in by_sent.values():
            prf, pairs = match(gs, ps, with_unit=False)
            value = value.add(prf)
            unit = unit.add(match(gs, ps, with_unit=True)[0])
            for g, c in pairs:
                if g.change in _DIRECTION:
                    direction_n += 1
                    pred = c.change if c.change_role == "amount" else None
                    direction_ok += pred == _DIRECTION[g.change]
                if g.change in ("~", ">", "<", "="):
                    qual_n += 1
                    qual_ok += _QUALIFIER.get(c.qualifier, "=") == g.change
    out = {"f1": round(value.f1, 4), "value": value.as_dict(), "value_unit": unit.as_dict(),
           "value_unit_f1": round(unit.f1, 4)}
    out["change_accuracy"] = round(direction_ok / direction_n, 4) if direction_n else 0.0
    out["change_n"] = direction_n
    out["qualifier_accuracy"] = round(qual_ok / qual_n, 4) if qual_n else 0.0
    out["qualifier_n"] = qual_n
    return out


@scorer("newsquant_claims")
def _newsquant(items: list, config: Config) -> dict:
    """NewsQuant dev sentences: value F1 (headline), value+unit F1, change, qualifier."""
    arts = list(claimed(items, config))
    return score_quantities(items, arts, lambda item: item.meta.get("ranges", {}))


@scorer("quantulum3_claims")
def _quantulum3(items: list, config: Config) -> dict:
    """quantulum3's own test sentences (mostly physical units): value and value+unit F1."""
    arts = list(claimed(items, config))
    return score_quantities(items, arts)


@scorer("own_claims")
def _own_claims(items: list, config: Config) -> dict:
    """The project's own gold: value/unit F1 as above, plus, on matched claims, agreement
    of qualifier, change, period, attribution (present or not) and actor codes."""
    from .readers._common import to_value

    published = _own_published()
    arts = list(claimed(items, config, [published.get(str(i.id)) for i in items]))
    out = score_quantities(items, arts)
    agree = {k: [0, 0] for k in ("qualifier", "change", "period", "attributed", "actors")}
    for item, art in zip(items, arts):
        numeric = []
        for c in item.meta.get("claims", []):
            try:
                to_value(c.get("value"))
            except (TypeError, ValueError):
                continue
            numeric.append(c)
        gold_of = {id(g): c for g, c in zip(item.quantities, numeric)}
        _, pairs = match([(g, None) for g in item.quantities], art.claims, with_unit=False)
        for g, c in pairs:
            gc = gold_of.get(id(g), {})
            checks = {"qualifier": (gc.get("qualifier"), c.qualifier),
                      "change": ({"up": "increase", "down": "decrease"}.get(
                          gc.get("change"), gc.get("change")), c.change),
                      "period": (gc.get("period"), c.period),
                      "attributed": (bool(gc.get("attributed_to")), bool(c.attributed_to)),
                      "actors": (set(gc.get("actors") or []), set(c.actors))}
            for key, (a, b) in checks.items():
                agree[key][1] += 1
                agree[key][0] += a == b
    for key, (ok, n) in agree.items():
        out[f"{key}_accuracy_on_matched"] = round(ok / n, 4) if n else 0.0
    return out


def _own_published() -> dict[str, Optional[str]]:
    """Publication dates of the own gold's articles (the claims reader does not carry
    them; relative periods need them)."""
    from .readers import OWN_GOLD
    from .readers._common import read_jsonl

    if not OWN_GOLD.exists():
        return {}
    return {str(rec["id"]): rec.get("published") for _, rec in read_jsonl(OWN_GOLD)}
