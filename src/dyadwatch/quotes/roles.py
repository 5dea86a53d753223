"""Roles and affiliations of speakers from the words that describe them.

A named person's ``role`` and ``affiliation`` come from the words introducing them: an
appositive ("X, director of the Y program at the Z Institute": role "director of the Y
program", affiliation "Z Institute"), an "of/at" phrase, or the title before the name
("Foreign Minister X"). A nameless speaker's affiliation is the body named in its own words
("the foreign office spokeswoman": "foreign office").
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from ..schema import Actor

# a descriptor runs to a comma, colon, quotation mark or full stop (not an initial's: "S.")
ANONYMOUS_SIGNS = {"familiar", "anonymity", "anonymously", "unnamed", "named", "identified"}
INDEFINITE = {"a", "an", "one", "another", "some", "several", "two", "three"}
SPEECH_NOUNS = {"message", "statement", "letter", "note", "warning", "announcement",
                "communique", "communiqué", "readout", "post", "tweet", "comment"}
DESC = r"(?:[^,.;:“”\"\n]|(?<=\b[A-Z])\.)+"


def strip_the(text: str | None) -> str | None:
    if not text:
        return text
    return re.sub(r"^(?:the|The)\s+", "", text.strip(" ,"))


def norm_affiliation(aff: str | None) -> str | None:
    """ "the X Program at the Y School" -> "Y School"; "the Z-based W Institute" -> "W
    Institute"."""
    aff = strip_the(aff)
    if aff and " at " in aff:
        aff = strip_the(aff.rsplit(" at ", 1)[1])
    if aff:
        aff = re.sub(r"^.*?-based\s+", "", aff)
    return aff or None


def describe_at(doc: Doc, start: int, end: int, a: Actor) -> tuple[str | None, str | None]:
    """Role and affiliation from the words at one mention of a person."""
    text = doc.text
    name_at = text.find(a.name.split()[-1], start, end)
    pre = text[start:name_at].strip() if name_at > start else ""
    pre = pre.replace(a.name.split()[0], "").strip() if pre.endswith(a.name.split()[0]) \
        else pre
    if a.name.split()[-1] not in text[start:end]:
        return None, None  # "the analyst", "he": no description here
    desc = None
    rest = text[end:end + 240]
    m = re.match(r"\s*,\s*(" + DESC + r")", rest)
    if m and not re.match(r"(?:who|which|said|says|told|added|and|but)\b", m.group(1)):
        desc = m.group(1)
    else:
        m = re.match(r"\s+((?:of|at|from)\s+" + DESC + ")", rest)
        if m:
            desc = m.group(1)
    if desc and (a.name.split()[-1] in desc or not _describes(doc, text.find(desc, end))):
        desc = None
    role, aff = (None, None)
    if desc:
        desc = _cut_verb(doc, end, desc)
        role, aff = split_descriptor(desc, a.affiliation)
    if not role and pre:
        role = re.sub(r"^(?:the|a|an)\s+", "", pre, flags=re.IGNORECASE) or None
    return role, aff


def _describes(doc: Doc, at: int) -> bool:
    """A descriptor starts with a noun phrase or "of/at/from" ("to Russia" is no title)."""
    span = doc.char_span(at, at + 1, alignment_mode="expand") if at >= 0 else None
    if not span:  # no token there (a space, or past the end)
        return False
    first = span[0]
    return first.pos_ in ("DET", "ADJ", "NOUN", "PROPN", "NUM") or first.lower_ in (
        "of", "at", "from")


def _cut_verb(doc: Doc, offset: int, desc: str) -> str:
    """A descriptor ends before its clause's verb: "X, a fellow at Y says ..."."""
    at = doc.text.find(desc, offset)
    span = doc.char_span(at, at + len(desc), alignment_mode="expand") if at >= 0 else None
    if not span:
        return desc
    for t in span[1:]:
        if t.tag_ in ("VBD", "VBZ", "VBP", "MD"):
            return doc.text[at:t.idx].strip(" ,")
    return desc


def split_descriptor(desc: str, affiliation: str | None) -> tuple[str | None, str | None]:
    """ "director of the Asia program at the Example Institute" -> ("director of the Asia
    program", "Example Institute")."""
    desc = re.sub(r"^(?:a|an|the)\s+", "", desc.strip(" ,"), flags=re.IGNORECASE)
    aff = norm_affiliation(affiliation)
    if aff and aff in desc:
        k = desc.find(aff)
        role = re.sub(r"\s*(?:,|\bat|\bof|\bfor|\bwith|\bfrom|\bin)?\s*(?:the)?\s*$", "",
                      desc[:k]).strip(" ,")
        return role or None, aff
    for prep in (" at ", " of ", " for ", " with ", " from "):
        k = desc.find(prep)
        while k >= 0:
            tail = desc[k + len(prep):]
            bare = re.sub(r"^the\s+", "", tail)
            if bare[:1].isupper() and prep == " at " or bare[:1].isupper() and \
                    " at " not in tail:
                role = desc[:k].strip(" ,") or None
                return role, re.sub(r"^.*?-based\s+", "", _cut_place(bare))
            k = desc.find(prep, k + 1)
    if desc[:1].isupper() and not desc.split()[0].lower() in ("senior", "former"):
        return None, _cut_place(desc)
    return desc or None, None


def _cut_place(org: str) -> str:
    """ "University of X in Sydney" -> "University of X"."""
    m = re.match(r"(.+?)\s+in\s+([A-Z][\w.]*(?:\s+[A-Z][\w.]*)?)$", org)
    if m:
        return m.group(1)
    return org.strip(" ,")


def body_before_head(words, org_heads) -> str | None:
    """The body named before a nameless speaker's head word: "the foreign office
    spokeswoman" -> "foreign office", "Pakistan's foreign office spokeswoman" ->
    "Pakistan's foreign office"; None when no word before the head is a body's head
    ("senior Israeli defence official": no body, its state is its affiliation)."""
    head = words.root
    before = [t for t in words if t.i < head.i]
    last = max((k for k, t in enumerate(before) if t.lower_ in org_heads), default=None)
    if last is None:
        return None
    first = 0
    while first < last and (before[first].pos_ in ("DET", "PRON") or before[first].lower_ in
                            ("senior", "junior", "former", "top", "chief", "deputy")):
        first += 1
    toks = before[first:last + 1]
    text = "".join(t.text_with_ws for t in toks).strip()
    return text or None


def sender(head: Token) -> Token | None:
    """The sender of a message that speaks: "a message from X", "a statement by X"."""
    if head.lemma_.lower() not in SPEECH_NOUNS:
        return None
    for prep in head.children:
        if prep.dep_ == "prep" and prep.lower_ in ("from", "by"):
            obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
            if obj is not None:
                return obj
    return None


def phrase_text(words) -> str:
    """The words naming a group, without an article, a relative clause or a trailing
    appositive ("a source familiar with the talks" -> "source familiar with the talks")."""
    toks = [t for t in words]
    for k, t in enumerate(toks):
        if k and (t.text == "," or t.dep_ in ("relcl",) or t.lower_ in ("who", "which")):
            toks = toks[:k]
            break
    if len(toks) > 1 and toks[0].lower_ in ("a", "an", "the"):
        toks = toks[1:]
    return " ".join(t.text for t in toks).replace(" ’s", "’s").replace(" 's", "'s")


def anonymous_words(words) -> bool:
    if any(t.lower_ in ANONYMOUS_SIGNS for t in words):
        return True
    head = words.root
    if head.lemma_.lower() in ("source", "insider"):
        return True
    return head.tag_ == "NN" and any(t.lower_ in INDEFINITE for t in words[:2])
