"""Within-article coreference without a coreference model (none installs offline here).

Rules, each a general convention of news writing:
- a person is named in full once, then by surname ("Okafor", "Dr Okafor", "Ms Okafor"); for
  names from states that write the family name first (China, Korea, Vietnam, ...) the
  first word is the family name ("Xi", "Li");
- a pronoun that is the subject of a reporting verb ("he says", "she told AFP") is the
  person named most recently in the three sentences before;
- a definite role noun ("the analyst", "the minister") is the last actor with that role,
  or of that role's sector;
- "the report" (study, document, readout, assessment) is its issuer: the actor named in
  the last report phrase ("the Pentagon's report", "a UN report");
- "the two countries", "both sides" are the two states named last.
"""

from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Doc

from ..datafiles import package_text, tsv_rows
from .lexicon import Lexicon
from .resolve import EAST_ASIAN_ORDER, TITLES, Found

REPORT_NOUNS = {"report", "study", "document", "readout", "assessment", "paper", "analysis",
                "review", "statement", "dossier", "survey"}
PAIR_NOUNS = {"countries", "sides", "nations", "states", "governments", "neighbours",
              "neighbors", "powers", "capitals"}
LEADER_WORDS = {"leader", "president", "premier", "head of state", "strongman", "ruler"}
LEADER_OFFICES = {"President", "Prime Minister", "Chancellor", "General Secretary", "Premier",
                  "King", "Emir", "Supreme Leader", "Chairman"}
PAIR_PERSON_NOUNS = {"presidents", "leaders", "ministers", "men", "women", "heads"}


@lru_cache(maxsize=1)
def reporting_verbs() -> frozenset[str]:
    return frozenset(r["lemma"] for r in tsv_rows(package_text("data/reporting_verbs.tsv")))


def _copy(target: Found, start: int, end: int, origin: str) -> Found:
    return Found(start, end, target.code, target.sector, target.kind, target.name,
                 office=target.office, role=target.role, affiliation=target.affiliation,
                 origin=origin, links=[target], basis=target.basis)


def name_keys(f: Found) -> set[str]:
    parts = [p for p in f.name.replace(".", " ").split() if p[:1].isupper()]
    if len(parts) < 2:
        return set()
    keys = {parts[-1]}
    if f.code in EAST_ASIAN_ORDER:
        keys.add(parts[0])
    return keys


def link(doc: Doc, found: list[Found], lex: Lexicon) -> list[Found]:
    found.sort(key=lambda f: (f.start, -f.end))
    taken = {i for f in found for i in range(f.start, f.end)}
    out: list[Found] = []
    people: dict[str, Found] = {}  # name word -> the person last named with it
    last_report: Found | None = None
    states: list[Found] = []
    verbs = reporting_verbs()
    queue = sorted(found, key=lambda f: f.start)
    qi = 0
    for tok in doc:
        # mentions starting here, in order
        while qi < len(queue) and queue[qi].start <= tok.i:
            f = queue[qi]
            qi += 1
            f = _relink_short_name(f, people)
            out.append(f)
            if f.kind == "person" and f.origin in ("dict", "person"):
                for k in name_keys(f):
                    people[k] = f
            if f.kind == "state" and f.code:
                states.append(f)
            if f.origin == "definite":
                target = _by_role(out[:-1], f, lex)
                if target:
                    out[-1] = _copy(target, f.start, f.end, "coref-role")
            if f.origin == "report-issuer":
                last_report = f
        if tok.i in taken:
            continue
        # surnames on their own ("Okafor said", "Dr Okafor")
        if tok.text in people and tok.pos_ == "PROPN":
            start = tok.i
            while start > 0 and doc[start - 1].lower_ in TITLES and doc[start - 1].i not in taken:
                start -= 1
            f = _copy(people[tok.text], start, tok.i + 1, "coref-name")
            out.append(f)
            taken.update(range(start, tok.i + 1))
            continue
        # "he says"
        if tok.lower_ in ("he", "she") and tok.dep_ in ("nsubj", "nsubjpass") and \
                tok.head.lemma_.lower() in verbs:
            sent_start = tok.sent.start
            named = [p for p in out if p.kind == "person" and p.origin in (
                "dict", "person", "coref-name") and p.start < tok.i and
                _sentences_between(doc, doc[p.start].sent.start, sent_start) <= 3]
            if named:
                target = named[-1].links[0] if named[-1].links else named[-1]
                out.append(_copy(target, tok.i, tok.i + 1, "coref-pronoun"))
            continue
        # "the report": its issuer
        if tok.lemma_.lower() in REPORT_NOUNS and tok.pos_ == "NOUN":
            issuer = _issuer(doc, tok, out)
            if issuer is not None:
                f = _copy(issuer, _np_start(doc, tok), tok.i + 1, "report-issuer")
                out.append(f)
                last_report = f
                taken.update(range(f.start, f.end))
            elif last_report is not None and any(c.lower_ == "the" for c in tok.lefts):
                out.append(_copy(last_report.links[0] if last_report.links else last_report,
                                 _np_start(doc, tok), tok.i + 1, "coref-report"))
            continue
        # "the two presidents": the two people named last; "the two countries", "both
        # sides": the two states named last
        if tok.lower_ in PAIR_PERSON_NOUNS | PAIR_NOUNS and any(
                c.lower_ in ("two", "both") for c in tok.lefts):
            if tok.lower_ in PAIR_PERSON_NOUNS:
                named = [p.links[0] if p.links else p for p in out if p.kind == "person" and
                         p.origin in ("dict", "person", "coref-name")]
                pair = _last_two(named, key=lambda p: p.name)
            else:
                pair = _last_two(states, key=lambda f: f.code)
            if pair:
                start = _np_start(doc, tok)
                for target in pair:
                    out.append(_copy(target, start, tok.i + 1, "coref-pair"))
                taken.update(range(start, tok.i + 1))
            continue
    return out


def _last_two(items: list[Found], key) -> list[Found]:
    """The last two items with different keys, most recent first; [] if fewer."""
    pair: list[Found] = []
    for x in reversed(items):
        if key(x) not in {key(p) for p in pair}:
            pair.append(x)
        if len(pair) == 2:
            return pair
    return []


def _np_start(doc: Doc, tok) -> int:
    start = tok.i
    for c in tok.lefts:
        if c.dep_ in ("det", "amod", "compound", "poss", "nummod", "case", "predet"):
            start = min(start, c.left_edge.i)
    return start


def _sentences_between(doc: Doc, a: int, b: int) -> int:
    return sum(1 for s in doc.sents if a < s.start <= b)


def _relink_short_name(f: Found, people: dict[str, Found]) -> Found:
    """A one-word PERSON ("Sun") that is the surname of someone named before."""
    if f.origin in ("person", "inferred") and " " not in f.name.strip():
        target = people.get(f.name.strip())
        if target is not None:
            return _copy(target, f.start, f.end, "coref-name")
    return f


def _by_role(before: list[Found], f: Found, lex: Lexicon) -> Found | None:
    def fits(cand: Found) -> bool:
        return cand.kind == "person" and cand.origin in ("dict", "person") and \
            (f.code is None or cand.code == f.code)

    for cand in reversed(before):
        if fits(cand) and cand.role and f.role and cand.role == f.role:
            return cand
    if f.role in LEADER_WORDS:  # "the Russian leader": a head of state or government
        for cand in reversed(before):
            if fits(cand) and cand.office in LEADER_OFFICES:
                return cand
    for cand in reversed(before):
        if fits(cand) and f.sector and cand.sector == f.sector:
            return cand
    return None


def _issuer(doc: Doc, tok, found: list[Found]) -> Found | None:
    """The actor that modifies a report noun: "the Pentagon's report", "a UN study"."""
    for child in tok.lefts:
        if child.dep_ in ("poss", "compound", "nmod", "amod"):
            for f in reversed(found):
                if f.start <= child.i < f.end and f.origin not in ("coref-pronoun",):
                    return f.links[0] if f.links else f
    return None
