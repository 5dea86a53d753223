"""Sentence starts the layout of a text fixes, set before spaCy's parser runs.

spaCy's parser decides sentence boundaries itself and often runs a headline, a label or a
byline into the sentence after it ("Background: Earlier, media reported ..."). The
parser respects boundaries set before it, so this component marks three kinds:

- after a blank line (a paragraph break);
- after a single line break when the next line starts with a capital letter and the line
  before ends a sentence (. ! ? : or a closing quote) or is short enough to be a heading
  (at most ``HEADING_WORDS`` words); a hard-wrapped line ("... on the\\nbattlefield")
  continues its sentence;
- after the colon of a short label that opens a paragraph ("Background:", "Analysis:",
  "UPDATE:"): at most three words, none of them a verb, then a capitalised word. "He said:"
  keeps its quote.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

COMPONENT = "dyadwatch_boundaries"
HEADING_WORDS = 12
SENTENCE_END = {".", "!", "?", ":", "”", "\"", "’", "'"}


def _starts_paragraph(doc: Doc, i: int) -> bool:
    return i == 0 or (doc[i - 1].is_space and "\n" in doc[i - 1].text) or \
        "\n" in doc[i - 1].whitespace_


def _line_words_before(doc: Doc, i: int) -> int:
    n = 0
    j = i - 1
    while j >= 0 and not (doc[j].is_space and "\n" in doc[j].text):
        n += not doc[j].is_punct and not doc[j].is_space
        j -= 1
    return n


def mark_boundaries(doc: Doc) -> Doc:
    for i in range(1, len(doc)):
        prev, tok = doc[i - 1], doc[i]
        if tok.is_space:
            continue
        if prev.is_space and "\n" in prev.text:
            if prev.text.count("\n") >= 2:
                tok.is_sent_start = True
                continue
            before = doc[i - 2] if i >= 2 else None
            if tok.text[:1].isupper() and before is not None and (
                    before.text in SENTENCE_END or _line_words_before(doc, i - 1) <= HEADING_WORDS):
                tok.is_sent_start = True
    # "Label: Text" opening a paragraph
    for i, tok in enumerate(doc):
        if tok.text != ":" or i + 1 >= len(doc):
            continue
        start = next((s for s in range(i - 1, max(-1, i - 5), -1)
                      if _starts_paragraph(doc, s)), None)
        if start is None:
            continue
        label = [t for t in doc[start:i] if not t.is_space]
        nxt = doc[i + 1]
        if 1 <= len(label) <= 3 and nxt.text[:1].isupper() and not any(
                t.pos_ in ("VERB", "AUX") or t.tag_.startswith("VB") for t in label):
            nxt.is_sent_start = True
    return doc


@Language.component(COMPONENT)
def boundaries_component(doc: Doc) -> Doc:
    return mark_boundaries(doc)


def add_to(nlp: Language) -> None:
    """Put the component before the parser (once)."""
    if COMPONENT in nlp.pipe_names or "parser" not in nlp.pipe_names:
        return
    nlp.add_pipe(COMPONENT, before="parser")
