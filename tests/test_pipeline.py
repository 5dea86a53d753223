"""The pipeline of named stages: build-time checks, disabling, replacing, error isolation."""

import pytest

from dyadwatch import __version__
from dyadwatch.config import load_config
from dyadwatch.errors import ConfigError
from dyadwatch.pipeline import Pipeline, describe_stages, register_stage, registered_stages
from dyadwatch.schema import Article


@register_stage("test_upper", requires=("text",), assigns=("title",), version="3")
def make_upper(config):
    def upper(art):
        if "BOOM" in art.text:
            raise ValueError("exploded on purpose")
        art.title = art.text.upper()[:20]
        return art
    return upper


@register_stage("test_needs_title", requires=("duplicate_of",), assigns=())
def make_needs(config):
    return lambda art: art


@register_stage("test_batch", requires=("text",), assigns=("metadata",), batch=True)
def make_batch(config):
    def run(arts):
        if any("BOOM" in a.text for a in arts):
            raise RuntimeError("batch exploded")
        for a in arts:
            a.metadata["batched"] = len(arts)
        return arts
    return run


def cfg(*stages, disable=()):
    return load_config(extra={"pipeline": {"stages": list(stages), "disable": list(disable)}})


def test_builtin_stages_are_registered_and_described():
    names = set(registered_stages())
    assert {"clean", "language", "fingerprint", "parse"} <= names
    described = {d["name"]: d for d in describe_stages()}
    assert described["clean"]["doc"] and "text" in described["clean"]["assigns"]


def test_unknown_stage_is_refused_with_the_list():
    with pytest.raises(ConfigError, match="unknown stage.*'nope'.*registered stages: .*clean"):
        Pipeline.from_config(cfg("clean", "nope"))


def test_order_problems_are_caught_at_build_time():
    with pytest.raises(ConfigError, match="requires duplicate_of"):
        Pipeline.from_config(cfg("clean", "test_needs_title"))


def test_a_stage_named_twice_is_refused():
    with pytest.raises(ConfigError, match="named twice"):
        Pipeline.from_config(cfg("clean", "clean"))


def test_disable_and_version():
    p = Pipeline.from_config(cfg("clean", "test_upper", "fingerprint", disable=["fingerprint"]))
    assert p.names == ["clean", "test_upper"]
    assert p.version == f"{__version__}:clean.v1,test_upper.v3"


def test_replace_a_stage_by_registering_its_name_again():
    register_stage("test_swap", requires=("text",), assigns=("title",))(
        lambda c: (lambda a: setattr(a, "title", "one") or a))
    p1 = Pipeline.from_config(cfg("test_swap"))
    register_stage("test_swap", requires=("text",), assigns=("title",), version="2")(
        lambda c: (lambda a: setattr(a, "title", "two") or a))
    p2 = Pipeline.from_config(cfg("test_swap"))
    assert p1([Article(id="a", text="x")])[0].title == "one"
    assert p2([Article(id="a", text="x")])[0].title == "two"
    assert p1.version != p2.version


def test_one_bad_article_never_kills_the_batch():
    p = Pipeline.from_config(cfg("clean", "test_upper", "fingerprint"))
    arts = [Article(id="1", text="fine text"), Article(id="2", text="BOOM here"),
            Article(id="3", text="more text")]
    out = p(arts)
    assert [a.error is None for a in out] == [True, False, True]
    assert out[1].error.stage == "test_upper" and "exploded on purpose" in out[1].error.reason
    assert out[0].content_hash and out[2].content_hash  # later stages ran for the good ones
    assert out[1].content_hash is None  # fingerprint did not run after the failure


def test_a_failing_batch_stage_is_retried_article_by_article():
    p = Pipeline.from_config(cfg("test_batch"))
    out = p([Article(id="1", text="a"), Article(id="2", text="BOOM"), Article(id="3", text="c")])
    assert [a.error is None for a in out] == [True, False, True]
    assert out[0].metadata["batched"] == 1 and out[2].metadata["batched"] == 1
    assert "batch exploded" in out[1].error.reason


def test_timings_are_recorded():
    p = Pipeline.from_config(cfg("clean", "language"))
    p([Article(id="1", text="The ministers met in Rome on Monday.")])
    t = p.timings()
    assert t["clean"]["articles"] == 1 and t["language"]["seconds"] >= 0


def test_plugins_are_imported_and_a_missing_one_explained():
    with pytest.raises(ConfigError, match="cannot import plugin module 'no_such_mod'"):
        Pipeline.from_config(load_config(extra={"pipeline": {"plugins": ["no_such_mod"]}}))


def test_disabling_a_stage_skips_the_stages_that_need_it(caplog):
    from dyadwatch.pipeline import plan_stages

    specs = plan_stages(cfg("clean", "parse", "actors", disable=["parse"]))
    assert [s.name for s in specs] == ["clean"]
    assert "stage 'actors' is skipped too" in caplog.text


def test_a_wrong_order_is_still_an_error():
    with pytest.raises(ConfigError, match="requires doc"):
        Pipeline.from_config(cfg("clean", "actors", "parse"))
