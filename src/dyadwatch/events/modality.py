"""Modality and attribution of an event, read from the parse around its trigger word.

``modality_of(trigger)`` returns ``negated``, ``future``, ``hypothetical`` or
``asserted`` with the cue that decided it; ``historical`` is decided from dates
(``is_historical``). Cues come from ``events/data/modality.tsv`` and attach in five ways
(its header explains them): a negation child, an auxiliary, a governing verb or adjective
("is due to meet", "refrained from condemning", "is considering supplying"), a determiner
of an evidence noun ("no evidence that X sent"), a subordinator ("if"), an adverb.

The cues of the trigger and of the words it depends on through non-finite links (xcomp,
acomp, pcomp, prep) are collected, so "may be willing to provide" is hypothetical from
both "may" and "willing". Through a finite clause link (ccomp, acl, advcl) only negation
by a determiner and conditionals are carried: "no evidence has emerged that Beijing has
sent weapons" is negated; "officials said that X will visit" keeps "will" of its own.
Precedence when several cues apply: negated > hypothetical > future (the project's gold
convention, docs/ANNOTATION.md: a negated act is never counted as having happened).

``attribution_of(trigger)`` returns the chain of sources that report the event, nearest
first: the subject of a reporting verb the event's clause is the complement of ("US
officials said China is helping"), "according to X", and an outer reporter of a reporter
("Brazil claimed that the minister said ...").
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Token

from ..datafiles import package_text, tsv_rows
PRECEDENCE = ("negated", "hypothetical", "future")
NONFINITE = {"xcomp", "acomp", "pcomp", "prep", "conj", "oprd"}
CLAUSAL = {"ccomp", "acl", "advcl", "relcl", "csubj"}
EVIDENCE_NOUNS = {"evidence", "sign", "indication", "proof", "suggestion", "report", "record",
                  "confirmation", "trace"}


@lru_cache(maxsize=1)
def cues() -> dict[tuple[str, str], str]:
    """(word, how) -> modality."""
    return {(r["cue"], r["how"]): r["modality"]
            for r in tsv_rows(package_text("events/data/modality.tsv"))}


@dataclass(frozen=True)
class Modality:
    value: str  # asserted, negated, future, hypothetical
    cue: str | None = None  # the word that decided it
    cue_index: int | None = None  # its token index


def _key(tok: Token) -> list[str]:
    return [tok.lower_, tok.lemma_.lower()]


def _chain(trigger: Token, limit: int = 5) -> list[Token]:
    """The trigger and the words it depends on through non-finite links. A conjoined verb
    with its own subject or auxiliary is a clause of its own: the chain stops there
    ("China refrains from condemning X and also cooperates with Y")."""
    out = [trigger]
    tok = trigger
    for _ in range(limit):
        if tok.dep_ in NONFINITE and tok.head is not tok:
            if tok.dep_ == "conj" and any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass",
                                                     "neg") for c in tok.children):
                break
            tok = tok.head
            out.append(tok)
        else:
            break
    return out


def _question(trigger: Token) -> bool:
    """A yes/no question asks whether the event happens: "Will China send arms?"."""
    sent = trigger.sent
    words = [t for t in sent if not t.is_space and not t.is_punct]
    end = [t for t in sent if not t.is_space]
    return bool(words) and bool(end) and end[-1].text == "?" and \
        words[0].tag_ in ("MD", "VBZ", "VBP", "VBD") and words[0].dep_ in ("aux", "auxpass",
                                                                           "ROOT")


def modality_of(trigger: Token) -> Modality:
    table = cues()
    found: dict[str, tuple[str, int]] = {}

    def note(mod: str, tok: Token) -> None:
        found.setdefault(mod, (tok.text, tok.i))

    for k in _key(trigger):  # "skipped the summit": the word denies its own act
        if (k, "self") in table:
            note(table[(k, "self")], trigger)
    chain = _chain(trigger)
    # a negative subject: "No warships took part", "Neither A nor B has ratified"
    for tok in chain:
        for subj in (c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")):
            for d in [subj] + list(subj.children):
                if d.dep_ in ("det", "preconj", "cc") and (d.lower_, "subject") in table:
                    note(table[(d.lower_, "subject")], d)
    # modifiers of a nominal event: "the next round", "ahead of the visit"
    if trigger.pos_ == "NOUN":
        for child in trigger.children:
            if child.dep_ in ("amod", "compound") and (child.lower_, "amod") in table:
                note(table[(child.lower_, "amod")], child)
        gov = trigger.head.head if trigger.dep_ == "pobj" else None
        if gov is not None and (gov.lower_, "prep") in table:
            note(table[(gov.lower_, "prep")], gov)
        # a verb of wanting or planning over the noun: "hoping for Chinese help",
        # "seeks talks", "is considering a ban"
        verb = gov if gov is not None else (trigger.head if trigger.dep_ == "dobj" else None)
        if verb is not None and verb.pos_ == "VERB":
            for k in _key(verb):
                if (k, "governor") in table:
                    note(table[(k, "governor")], verb)
    for i, tok in enumerate(chain):
        for child in tok.children:
            for k in _key(child):
                if child.dep_ == "neg" and (k, "neg") in table:
                    note(table[(k, "neg")], child)
                if child.dep_ in ("aux", "auxpass") and (k, "aux") in table:
                    note(table[(k, "aux")], child)
                if child.dep_ == "advmod" and (k, "adverb") in table:
                    note(table[(k, "adverb")], child)
                if child.dep_ == "advmod" and (k, "adverb_to") in table and \
                        child.i + 1 < len(child.doc) and child.doc[child.i + 1].lower_ == "to":
                    note(table[(k, "adverb_to")], child)  # "has yet to receive"
                if child.dep_ == "mark" and (k, "mark") in table:
                    note(table[(k, "mark")], child)
                if child.dep_ == "neg" and (k, "adverb") in table:  # "never"
                    note(table[(k, "adverb")], child)
            # a conditional clause on the event: "if relations sour, X would supply"; not
            # one on a verb this one is merely conjoined with
            if child_has_conditional(tok, table) and (i == 0 or chain[i - 1].dep_ != "conj"):
                note("hypothetical", tok)
        if i > 0 and chain[i - 1].dep_ != "conj":
            # a governing word: "due to meet", "refrain from", "considering"
            for k in _key(tok):
                if (k, "governor") in table:
                    note(table[(k, "governor")], tok)
    # "would" reported: "Turkey said it would ease visa rules" is a future in the past
    clause_top = chain[-1]
    if "hypothetical" in found and found["hypothetical"][0].lower() == "would" and \
            clause_top.dep_ == "ccomp" and _is_reporting(clause_top.head) and \
            not any(child_has_conditional(t, table) for t in chain):
        found.setdefault("future", found.pop("hypothetical"))
    if _question(trigger):
        note("hypothetical", trigger.sent[-1] if trigger.sent[-1].text == "?" else trigger)
    # through finite clause links: "no evidence that ...", "denied that ..."
    clause = chain[-1]
    for _ in range(3):
        if clause.dep_ not in CLAUSAL or clause.head is clause:
            break
        head = clause.head
        if clause.dep_ == "ccomp" and (head.lemma_.lower(), "clausal") in table:
            note(table[(head.lemma_.lower(), "clausal")], head)
        if clause.dep_ not in ("ccomp", "acl"):  # "no signs of X, while Y accuses Z"
            clause = head
            continue
        for cand in [head] + [c for c in head.children if c.dep_ in ("nsubj", "nsubjpass",
                                                                    "dobj", "attr")]:
            if cand.lemma_.lower() in EVIDENCE_NOUNS and any(
                    (d.lower_, "det") in table and d.dep_ in ("det", "neg")
                    for d in cand.children):
                det = next(d for d in cand.children if (d.lower_, "det") in table)
                note(table[(det.lower_, "det")], det)
        clause = head
    for mod in PRECEDENCE:
        if mod in found:
            return Modality(mod, *found[mod])
    if trigger.pos_ == "NOUN" and trigger.dep_ == "nsubj" and any(
            (k, "occurrence") in table for k in _key(trigger.head)):
        outer = modality_of(trigger.head)  # "the sale could proceed", "the visit did not
        if outer.value != "asserted":  # take place"
            return outer
    if trigger.pos_ == "NOUN" and trigger.dep_ in ("dobj", "nsubjpass") and \
            trigger.head.pos_ in ("VERB", "AUX"):
        outer = modality_of(trigger.head)  # "would host talks": the talks are future too;
        if outer.value in ("future", "hypothetical"):  # "did not veto the package": the
            return outer  # package exists, only the veto is negated
    return Modality("asserted")


def _is_reporting(tok: Token) -> bool:
    from ..actors.coref import reporting_verbs

    return tok.lemma_.lower() in reporting_verbs()


def child_has_conditional(tok: Token, table) -> bool:
    for child in tok.children:
        if child.dep_ == "advcl" and any(
                m.dep_ == "mark" and (m.lower_, "mark") in table and
                table[(m.lower_, "mark")] == "hypothetical" for m in child.children):
            return True
    return False


def is_historical(event_date: str | None, published: str | None, years: int = 2) -> bool:
    """An event dated at least ``years`` before publication ("between 1992 and 2005")."""
    if not event_date or not published:
        return False
    try:
        return int(published[:4]) - int(event_date[:4]) >= years
    except ValueError:
        return False


# ----------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Source:
    """Who reports an event: the words naming them, and the reporting cue."""

    start: int  # token indexes of the source phrase
    end: int
    text: str
    cue: str  # "said", "according to", ...
    head: int = -1  # token index of the phrase's head word (its actor is the source)


def _phrase(tok: Token) -> tuple[int, int]:
    left = tok.left_edge.i
    right = tok.i + 1
    for c in tok.rights:  # "Brian Hart, a fellow at ..." stays "Brian Hart"
        if c.dep_ in ("appos", "punct", "relcl", "acl"):
            break
        right = c.right_edge.i + 1
    return left, right


def attribution_of(trigger: Token) -> list[Source]:
    """Sources reporting the event, nearest first (empty when the text asserts it)."""
    from ..actors.coref import reporting_verbs

    verbs = reporting_verbs()
    doc = trigger.doc
    out: list[Source] = []
    tok = trigger
    for _ in range(6):
        # "according to X" on the event's clause
        for child in tok.children:
            if child.dep_ == "prep" and child.lower_ == "according":
                for gc in child.children:
                    if gc.dep_ == "prep" and gc.lower_ == "to":
                        for obj in gc.children:
                            if obj.dep_ == "pobj":
                                s, e = _phrase(obj)
                                out.append(Source(s, e, doc[s:e].text, "according to",
                                                  obj.i))
        head = tok.head
        if head is tok:
            break
        if tok.dep_ in ("ccomp", "parataxis", "xcomp") and head.lemma_.lower() in verbs:
            subj = next((c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            if subj is not None and subj.lower_ not in ("it",):
                s, e = _phrase(subj)
                out.append(Source(s, e, doc[s:e].text, head.text, subj.i))
        tok = head
    # "China is helping, US officials said": the reporting verb is the root and the event
    # its complement; covered above. The parser sometimes makes the reporting verb a child
    # of the event instead:
    for child in trigger.children:
        if child.dep_ in ("parataxis", "ccomp", "advcl") and child.lemma_.lower() in verbs:
            subj = next((c for c in child.children if c.dep_ in ("nsubj",)), None)
            if subj is not None:
                s, e = _phrase(subj)
                out.insert(0, Source(s, e, doc[s:e].text, child.text, subj.i))
    seen, unique = set(), []
    for src in out:
        if (src.start, src.end) not in seen:
            seen.add((src.start, src.end))
            unique.append(src)
    return unique
