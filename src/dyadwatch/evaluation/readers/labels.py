"""Labelled texts and pairs: CAMEO classes, NewsMTSC, PerSenT, ClaimDiff."""

from __future__ import annotations

import csv
import sys
from pathlib import Path
from typing import Iterator

from ...errors import InputError
from ..items import ClaimPair, LabeledText
from ._common import SENTIMENT, lines, read_json, read_jsonl, read_text

# ConfliBERT cameo_class labels ("PentaClass"), from the dataset's raw annotations.
CAMEO_PENTACLASS = {"0": "make statement", "1": "verbal cooperation",
                    "2": "material cooperation", "3": "verbal conflict",
                    "4": "material conflict"}


def read_cameo_class(path: str | Path) -> Iterator[LabeledText]:
    """``sentence<TAB>label`` lines -> LabeledText, label "0".."4" (``CAMEO_PENTACLASS``:
    0 statement, 1 verbal coop., 2 material coop., 3 verbal conflict, 4 material conflict;
    meta ``class_name``). Ids are "<file stem>-<line>"."""
    path = Path(path)
    for n, line in enumerate(lines(read_text(path)), 1):
        if not line.strip():
            continue
        sentence, sep, label = line.rpartition("\t")
        label = label.strip()
        if not sep or label not in CAMEO_PENTACLASS:
            raise InputError(f"{path}:{n}: expected 'sentence<TAB>0..4', got {line[-40:]!r}",
                             str(path), n)
        yield LabeledText(f"{path.stem}-{n}", sentence, label,
                          meta={"class_name": CAMEO_PENTACLASS[label]})


def read_newsmtsc(path: str | Path) -> Iterator[LabeledText]:
    """NewsMTSC JSONL -> one LabeledText per target (id = the target's Input.gid). Polarity
    2.0/4.0/6.0 -> negative/neutral/positive; target = mention; target_spans = its
    from/to. The automatic coreference mentions stay in meta ``further_mentions``; meta
    ``primary_gid``, ``polarity``."""
    path = Path(path)
    for n, rec in read_jsonl(path):
        text = rec["sentence_normalized"]
        for t in rec["targets"]:
            label = SENTIMENT.get(str(float(t["polarity"])))
            if label is None:
                raise InputError(f"{path}:{n}: polarity {t['polarity']!r} is not 2, 4 or 6",
                                 str(path), n)
            yield LabeledText(t["Input.gid"], text, label, t["mention"],
                              [(t["from"], t["to"])],
                              meta={"primary_gid": rec.get("primary_gid"),
                                    "polarity": t["polarity"],
                                    "further_mentions": t.get("further_mentions") or []})


def read_persent(path: str | Path) -> Iterator[LabeledText]:
    """PerSenT CSV -> LabeledText per document (id = DOCUMENT_INDEX): text = DOCUMENT
    (paragraphs separated by "\\n"), target = TARGET_ENTITY, label = TRUE_SENTIMENT
    lower-cased, target_spans = every exact occurrence of the target (none in some
    documents). Meta ``title``, ``paragraph_labels`` (Paragraph0.. lower-cased, None where
    blank, trailing blanks dropped)."""
    path = Path(path)
    limit = csv.field_size_limit(min(sys.maxsize, 2**31 - 1))  # documents are long fields
    try:
        with open(path, encoding="utf-8", newline="") as f:
            rows = list(csv.DictReader(f))
    except (OSError, UnicodeDecodeError, csv.Error) as e:
        raise InputError(f"cannot read PerSenT CSV {path}: {e}", str(path)) from e
    finally:
        csv.field_size_limit(limit)
    for row in rows:
        text, target = row["DOCUMENT"], row["TARGET_ENTITY"]
        label = SENTIMENT.get(row["TRUE_SENTIMENT"].strip().lower())
        if label is None:
            raise InputError(f"{path}: document {row['DOCUMENT_INDEX']} has sentiment "
                             f"{row['TRUE_SENTIMENT']!r}", str(path))
        spans, i = [], text.find(target) if target else -1
        while i >= 0:
            spans.append((i, i + len(target)))
            i = text.find(target, i + len(target))
        paras = [(row.get(f"Paragraph{k}") or "").strip().lower() or None for k in range(16)]
        while paras and paras[-1] is None:
            paras.pop()
        yield LabeledText(row["DOCUMENT_INDEX"], text, label, target, spans,
                          meta={"title": row.get("TITLE"), "paragraph_labels": paras})


def read_claimdiff(path: str | Path) -> Iterator[ClaimPair]:
    """ClaimDiff JSON ``{"data": [...]}`` (or a folder: every *.json in it) -> ClaimPair
    (a = claim_a, b = claim_b, id = pair_id). Label from ``relation``: 1 -> "weaken" in
    the weak (ClaimDiff-W) files, "strengthen" in the strength files; 0 -> "none" (not a
    contradiction: unrelated or compatible). Meta: topic, date, article_a/_b (titles),
    rationale (spans of claim_a), relation, file."""
    path = Path(path)
    for file in sorted(path.glob("*.json")) if path.is_dir() else [path]:
        positive = "strengthen" if "strength" in file.name.lower() else "weaken"
        data = read_json(file)
        for rec in data["data"] if isinstance(data, dict) else data:
            meta = {k: rec.get(k) for k in ("topic", "date", "article_a", "article_b",
                                            "rationale", "relation")}
            meta["file"] = file.name
            yield ClaimPair(rec["pair_id"], rec["claim_a"], rec["claim_b"],
                            positive if int(rec["relation"]) == 1 else "none", meta)
