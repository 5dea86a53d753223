"""Checks on the PLOVER ontology data (events/data/plover.toml, cameo2plover.tsv) and its loader."""

from __future__ import annotations

from pathlib import Path

import pytest

from dyadwatch.errors import ConfigError
from dyadwatch.events.ontology import QUADS, load_ontology, parse_ontology

DATA = Path(__file__).resolve().parents[2] / "src" / "dyadwatch" / "events" / "data"

PLOVER_TYPES = ["AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT",
                "REQUEST", "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE",
                "COERCE", "ASSAULT"]
COOPERATION = {"verbal_cooperation", "material_cooperation"}


@pytest.fixture(scope="module")
def onto():
    return load_ontology()


def test_all_sixteen_types_with_quad_score_and_definition(onto):
    assert sorted(onto.types) == sorted(PLOVER_TYPES)
    for name, etype in onto.types.items():
        assert etype.name == name
        assert etype.quad in QUADS
        assert isinstance(etype.score, float) and -10 <= etype.score <= 10
        assert etype.definition and "\n" not in etype.definition
    assert load_ontology() is onto  # cached


def test_quads_follow_the_manual(onto):
    by_quad = {q: sorted(n for n, t in onto.types.items() if t.quad == q) for q in QUADS}
    assert by_quad == {
        "verbal_cooperation": ["AGREE", "CONCEDE", "CONSULT", "SUPPORT"],
        "material_cooperation": ["AID", "COOPERATE", "RETREAT"],
        "verbal_conflict": ["ACCUSE", "REJECT", "REQUEST", "THREATEN"],
        "material_conflict": ["ASSAULT", "COERCE", "MOBILIZE", "PROTEST", "SANCTION"],
    }


def test_scores_have_the_sign_of_the_quad_and_assault_is_lowest(onto):
    for name, etype in onto.types.items():
        if etype.quad in COOPERATION:
            assert etype.score > 0, name
        else:
            assert etype.score < 0, name
        for mode in etype.modes.values():
            if mode.score is not None:
                assert (mode.score > 0) == (etype.score > 0), (name, mode.name)
    assert min(onto.types.values(), key=lambda t: t.score).name == "ASSAULT"
    assert onto.score("ASSAULT") == -9.3 and onto.score("RETREAT") == 7.6


def test_score_uses_the_mode_where_it_has_one(onto):
    assert onto.score("PROTEST", "riot") < onto.score("PROTEST", "demo")
    assert onto.score("PROTEST", "general") == onto.score("PROTEST")  # no CAMEO code: type's
    assert onto.score("PROTEST", "no-such-mode") == onto.score("PROTEST")
    assert onto.score("MOBILIZE", "troops") == onto.score("MOBILIZE")  # COERCE/MOBILIZE swap kept


def test_contexts(onto):
    for name in ("military", "economic", "diplomatic", "cbrn", "human_rights", "illegal_drugs"):
        assert onto.contexts[name]
    assert onto.special_contexts == {"historical", "future", "hypothetical", "negation"}
    assert len(onto.contexts) == 32


@pytest.mark.parametrize("root", [f"{n:02d}" for n in range(3, 21)])
def test_every_kept_cameo_root_maps(onto, root):
    mapped = onto.plover_of_cameo(root)
    assert mapped is not None and mapped.event in onto.types
    assert onto.plover_of_cameo(root + "0").event == mapped.event


@pytest.mark.parametrize("code", ["01", "010", "016", "02", "0214", 1, 2])
def test_cameo_01_and_02_are_dropped(onto, code):
    assert onto.plover_of_cameo(code) is None


def test_cameo_spot_checks_against_the_table(onto):
    # values as CAMEO2PLOVER-2021.txt gives them
    assert onto.plover_of_cameo("042") == ("CONSULT", "visit", ())
    assert onto.plover_of_cameo("043") == ("CONSULT", "visit", ())
    assert onto.plover_of_cameo("041").mode == "phone"
    assert onto.plover_of_cameo("163").event == "COERCE"  # not SANCTION in the table
    assert onto.plover_of_cameo("161") == ("SANCTION", "withdraw", ("diplomatic",))
    assert onto.plover_of_cameo("091") == ("ACCUSE", "investigate", ("crime", "corruption"))
    assert onto.plover_of_cameo("1121").event == "ACCUSE"
    assert onto.plover_of_cameo("104") == ("REQUEST", "change", ("political_institutions",))
    assert onto.plover_of_cameo("083").event == "CONCEDE"
    assert onto.plover_of_cameo("0841") == ("RETREAT", "release", ("legal",))
    assert onto.plover_of_cameo("1712").event == "ASSAULT"
    for code in ("190", "193", "194", "195", "196"):
        assert onto.plover_of_cameo(code).event == "ASSAULT", code
    assert onto.plover_of_cameo("191").event == "COERCE"
    assert onto.plover_of_cameo("192").event == "COERCE"
    assert onto.plover_of_cameo("2042") == ("ASSAULT", "unconventional", ("cbrn",))


def test_cameo_prefixes_and_missing_zeros(onto):
    assert onto.plover_of_cameo("0315") == onto.plover_of_cameo("031")  # unknown 4-digit
    assert onto.plover_of_cameo("047").event == "CONSULT"  # unknown 3-digit -> root
    assert onto.plover_of_cameo(42) == onto.plover_of_cameo("042")
    assert onto.plover_of_cameo("311") == onto.plover_of_cameo("0311")
    assert onto.plover_of_cameo(10).event == "REQUEST"
    assert onto.plover_of_cameo(" 145 ").mode == "riot"
    for junk in ("", "abc", "12345", None, True, -4, "0"):
        assert onto.plover_of_cameo(junk) is None


def test_every_cameo_row_is_consistent(onto):
    for code, mapped in onto.cameo.items():
        etype = onto.types[mapped.event]
        assert mapped.mode is None or mapped.mode in etype.modes, code
        for context in mapped.context:
            assert context in onto.contexts or context in onto.table_only_contexts, code


@pytest.mark.parametrize("old,mode,expected", [
    ("DEMAND", None, ("REQUEST", None)),
    ("DISAPPROVE", None, ("ACCUSE", "disapprove")),
    ("INVESTIGATE", None, ("ACCUSE", "investigate")),
    ("FIGHT", None, ("ASSAULT", None)),
    ("fight", "heavy-weapons", ("ASSAULT", "heavy-weapons")),
    ("DISAPPROVE", "allege", ("ACCUSE", "allege")),
    (" consult ", "host", ("CONSULT", "visit")),
    ("PROTEST", "demo-org", ("PROTEST", "demo")),
    ("ASSAULT", "", ("ASSAULT", None)),
    ("AGREE", None, ("AGREE", None)),
])
def test_renamed_names_normalise(onto, old, mode, expected):
    assert onto.normalise(old, mode) == expected


def test_old_names_work_in_every_lookup(onto):
    assert onto.quad("DEMAND") == "verbal_conflict"
    assert onto.score("DEMAND") == onto.score("REQUEST")
    assert onto.cameo_class("FIGHT") == 4


def test_cameo_class_of_each_quad(onto):
    assert onto.cameo_class(None) == 0
    assert onto.cameo_class("") == 0
    expected = {"verbal_cooperation": 1, "material_cooperation": 2,
                "verbal_conflict": 3, "material_conflict": 4}
    for name, etype in onto.types.items():
        assert onto.cameo_class(name) == expected[etype.quad], name
    assert [onto.cameo_class(n) for n in ("CONSULT", "AID", "THREATEN", "ASSAULT")] == [1, 2, 3, 4]


@pytest.mark.parametrize("call", [
    lambda o: o.quad("CRIME"),
    lambda o: o.score("NOT_AN_EVENT"),
    lambda o: o.normalise("APPEAL"),
    lambda o: o.cameo_class("YIELD"),
    lambda o: o.normalise(""),
])
def test_unknown_event_name_raises_config_error(onto, call):
    with pytest.raises(ConfigError, match="use one of AGREE"):
        call(onto)


def test_inconsistent_data_is_refused():
    toml = (DATA / "plover.toml").read_text(encoding="utf-8")
    tsv = (DATA / "cameo2plover.tsv").read_text(encoding="utf-8")
    with pytest.raises(ConfigError, match="has no mode"):
        parse_ontology(toml, tsv.replace("\tCONSULT\tphone\t", "\tCONSULT\ttelegraph\t"))
    with pytest.raises(ConfigError, match="score"):
        parse_ontology(toml.replace("score = -9.3", "score = -19.3"), tsv)


def test_data_files_have_a_versioned_source_header():
    for name in ("plover.toml", "cameo2plover.tsv"):
        head = (DATA / name).read_text(encoding="utf-8").splitlines()[0]
        assert head.startswith(f"# {name}, version 1"), name
    assert "6b85b9a7506bb372bf6828d68bf922f1e92e750a" in (DATA / "plover.toml").read_text()
