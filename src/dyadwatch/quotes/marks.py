"""Quotation marks paired into quoted spans, from the text alone (no parse).

Real news mixes straight and curly marks, types an opening mark where a closing one
belongs, forgets closing marks and leaves stray ones. The pairing never raises and follows
the conventions of English news writing:

- double marks (“ ” „ « » " and a doubled single '' ‘‘ ’’ ``) open and close quotes;
  single marks (‘ ’ ') do too, outside a double quote, when an opening one is matched by a
  closing one in the same paragraph (so apostrophes, "Russia’s", "states’ ", are skipped);
- a mark's direction comes from its shape and its neighbours: after a space and before a
  letter it opens; after a letter or punctuation and before a space or punctuation it
  closes. When shape and neighbours disagree the neighbours win (a mis-typed mark);
- an opening mark while a quote is open closes it when it follows the quote's final
  punctuation ("... the US. “says X"), else the open quote ends at its last sentence end;
- inside a double quote, a closing single mark after final punctuation at a paragraph's
  end closes the double quote ("... in return?’");
- a quote still open at the end of a paragraph continues into the next paragraph when that
  paragraph opens with a quotation mark (the news convention for a quote over several
  paragraphs: no closing mark until the last one); otherwise it ends with its paragraph;
- a stray closing mark with nothing open is ignored, unless it follows final punctuation
  and no mark came before it in its paragraph: then the paragraph's start is taken as the
  lost opening mark.

A line break inside a quote is a hard wrap, not a paragraph end, when the line ends with
no final punctuation and the next starts in lower case.
"""

from __future__ import annotations

from dataclasses import dataclass

DOUBLE_OPEN = {"“", "„", "«", "‟", "``", "‘‘"}
DOUBLE_CLOSE = {"”", "»", "’’"}
DOUBLE_EITHER = {'"', "''"}
SINGLE_OPEN = {"‘", "‚", "‛"}
SINGLE_CLOSE = {"’"}
SINGLE_EITHER = {"'"}
FINAL = ".?!…"
FRAME_PUNCT = ",;:" + FINAL
OPENERS = "([{—–-/"


@dataclass(frozen=True)
class Mark:
    start: int
    end: int
    style: str  # "double" or "single"
    direction: str  # "open", "close" or "either"


@dataclass
class Quoted:
    """One quoted span: ``start``/``end`` are the content without the marks."""

    open: int  # offset of the opening mark (== start when it was lost)
    start: int
    end: int
    close: int  # offset just after the closing mark (== end when there is none)
    style: str = "double"
    closed: bool = True  # a closing mark was found
    continues: bool = False  # runs on into the next paragraph's quote
    continued: bool = False  # continues the previous paragraph's quote

    def text(self, text: str) -> str:
        return text[self.start:self.end]


def _neighbours(text: str, start: int, end: int) -> tuple[str, str]:
    before = text[start - 1] if start > 0 else "\n"
    after = text[end] if end < len(text) else "\n"
    return before, after


def _direction(text: str, start: int, end: int, shape: str) -> str:
    if text[start] in "«»":
        return shape  # guillemets are set off by spaces: their shape decides
    before, after = _neighbours(text, start, end)
    opens = (before.isspace() or before in OPENERS) and not after.isspace()
    closes = not before.isspace() and (after.isspace() or after in FRAME_PUNCT + ")]}—–-")
    if opens and not closes:
        return "open"
    if closes and not opens:
        return "close"
    return shape


def find_marks(text: str) -> list[Mark]:
    """Every quotation mark with its style and direction; apostrophes left out."""
    out: list[Mark] = []
    i, n = 0, len(text)
    while i < n:
        two = text[i:i + 2]
        ch = text[i]
        if two in DOUBLE_OPEN | DOUBLE_CLOSE | DOUBLE_EITHER:
            shape = "open" if two in DOUBLE_OPEN else "close" if two in DOUBLE_CLOSE else \
                "either"
            out.append(Mark(i, i + 2, "double", _direction(text, i, i + 2, shape)))
            i += 2
            continue
        if ch in DOUBLE_OPEN | DOUBLE_CLOSE | DOUBLE_EITHER:
            shape = "open" if ch in DOUBLE_OPEN else "close" if ch in DOUBLE_CLOSE else "either"
            out.append(Mark(i, i + 1, "double", _direction(text, i, i + 1, shape)))
        elif ch in SINGLE_OPEN | SINGLE_CLOSE | SINGLE_EITHER:
            mark = _single(text, i)
            if mark is not None:
                out.append(mark)
        i += 1
    return out


def _single(text: str, i: int) -> Mark | None:
    before, after = _neighbours(text, i, i + 1)
    if before.isalnum() and after.isalnum():
        return None  # "don’t", "Russia’s"
    if text[i] in SINGLE_OPEN or (text[i] in SINGLE_EITHER and (
            before.isspace() or before in OPENERS) and after.isalnum()):
        if before.isspace() or before in OPENERS or i == 0:
            return Mark(i, i + 1, "single", "open")
        return None
    if before.isspace():
        return None
    if after.isalnum():
        return None
    if before.lower() == "s" and after == " " and text[i + 2:i + 3].islower():
        return None  # "the states’ borders": a plural possessive
    return Mark(i, i + 1, "single", "close")


def paragraphs(text: str) -> list[tuple[int, int]]:
    """(start, end) of each paragraph: lines, with hard-wrapped lines joined."""
    spans: list[tuple[int, int]] = []
    pos = 0
    for line in text.split("\n"):
        start, end = pos, pos + len(line)
        pos = end + 1
        if not line.strip():
            continue
        if spans:
            prev_s, prev_e = spans[-1]
            prev = text[prev_s:prev_e].rstrip()
            gap = text[prev_e:start]
            first = line.lstrip()[:1]
            if gap.count("\n") == 1 and prev and prev[-1].isalnum() and first.islower():
                spans[-1] = (prev_s, end)  # a hard wrap
                continue
        spans.append((start, end))
    return spans


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _last_final(text: str, start: int, end: int) -> int | None:
    """Offset just after the last final punctuation in text[start:end], if any."""
    for k in range(end - 1, start - 1, -1):
        if text[k] in FINAL:
            return k + 1
    return None


def _pair_singles(marks: list[Mark], text: str, p_end: int) -> list[Mark]:
    """Single marks that pair (open then close) with no double mark between, and a lone
    closing single mark that ends the paragraph (it may close a double quote)."""
    keep: list[Mark] = []
    pending: Mark | None = None
    for m in marks:
        if m.style == "double":
            pending = None
            keep.append(m)
        elif m.direction == "open":
            pending = m
        elif pending is not None:
            keep.extend([pending, m])
            pending = None
        elif _ends_paragraph(text, m.end, p_end):
            keep.append(m)
    return sorted(keep, key=lambda m: m.start)


def pair_quotes(text: str) -> list[Quoted]:
    """Quoted spans of ``text`` in order; never raises on unbalanced or odd marks."""
    out: list[Quoted] = []
    carry = False  # the previous paragraph's quote runs on into this one
    paras = paragraphs(text)
    all_marks = find_marks(text)
    for n, (p_start, p_end) in enumerate(paras):
        marks = [m for m in all_marks if p_start <= m.start < p_end]
        doubles_and_singles = _pair_singles(marks, text, p_end)
        opened: Mark | None = None
        seen_any = False
        for k, m in enumerate(doubles_and_singles):
            if opened is None:
                if m.direction in ("open", "either"):
                    opened = m
                elif not seen_any and m.style == "double" and \
                        text[:m.start].rstrip()[-1:] in FINAL + "," and \
                        len(text[p_start:m.start].split()) >= 3:
                    s, e = _trim(text, p_start, m.start)
                    out.append(Quoted(p_start, s, e, m.end, m.style, closed=True,
                                      continued=carry))
                seen_any = True
                continue
            seen_any = True
            if m.style != opened.style:
                if opened.style == "double" and m.style == "single" and \
                        m.direction == "close" and _ends_paragraph(text, m.end, p_end) and \
                        text[:m.start].rstrip()[-1:] in FINAL:
                    s, e = _trim(text, opened.end, m.start)
                    out.append(Quoted(opened.start, s, e, m.end, opened.style,
                                      continued=carry and not out_in_para(out, p_start)))
                    opened = None
                continue
            if m.direction in ("close", "either"):
                s, e = _trim(text, opened.end, m.start)
                out.append(Quoted(opened.start, s, e, m.end, opened.style,
                                  continued=carry and not out_in_para(out, p_start)))
                opened = None
                continue
            # an opening mark while a quote is open
            if text[:m.start].rstrip()[-1:] in FINAL + ",":
                s, e = _trim(text, opened.end, m.start)  # a mis-typed closing mark
                out.append(Quoted(opened.start, s, e, m.end, opened.style,
                                  continued=carry and not out_in_para(out, p_start)))
                opened = None
                continue
            stop = _last_final(text, opened.end, m.start) or m.start
            s, e = _trim(text, opened.end, stop)
            if e > s:
                out.append(Quoted(opened.start, s, e, stop, opened.style, closed=False,
                                  continued=carry and not out_in_para(out, p_start)))
            opened = m
        if opened is not None:
            s, e = _trim(text, opened.end, p_end)
            nxt = paras[n + 1] if n + 1 < len(paras) else None
            runs_on = nxt is not None and _opens_with_mark(text, nxt[0], nxt[1])
            if e > s:
                out.append(Quoted(opened.start, s, e, e, opened.style, closed=False,
                                  continues=runs_on,
                                  continued=carry and not out_in_para(out, p_start)))
            carry = runs_on
        else:
            carry = False
    return out


def out_in_para(out: list[Quoted], p_start: int) -> bool:
    """True when a quote of this paragraph was already taken (only the first continues)."""
    return bool(out) and out[-1].open >= p_start


def _ends_paragraph(text: str, pos: int, p_end: int) -> bool:
    return not text[pos:p_end].strip()


def _opens_with_mark(text: str, start: int, end: int) -> bool:
    line = text[start:end].lstrip()
    return bool(line) and (line[0] in "“„«‘\"" or line[:2] in ("''", "``"))
