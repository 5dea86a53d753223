import pytest

from dyadwatch.config import default_config, load_config, parse_value
from dyadwatch.errors import ConfigError


def test_defaults_load():
    cfg = default_config()
    assert cfg["pipeline"]["stages"][0] == "clean"
    assert cfg["pipeline"]["processes"] == 1


@pytest.mark.parametrize("raw,value", [("64", 64), ("0.5", 0.5), ("true", True),
                                        ("['a', 'b']", ["a", "b"]), ('"x"', "x"),
                                        ("bare words", "bare words")])
def test_parse_value(raw, value):
    assert parse_value(raw) == value


def test_overrides_and_file(tmp_path):
    f = tmp_path / "c.toml"
    f.write_text("[pipeline]\nbatch_size = 8\n[dedup]\nthreshold = 0.9\n")
    cfg = load_config(f, ["pipeline.batch_size=16"])
    assert cfg["pipeline"]["batch_size"] == 16  # --set wins over the file
    assert cfg["dedup"]["threshold"] == 0.9


@pytest.mark.parametrize("override,fragment", [
    ("pipline.batch_size=3", "unknown config section [pipline]"),
    ("pipeline.batchsize=3", "unknown setting pipeline.batchsize"),
    ("pipeline.batch_size=many", "should be int"),
    ("batch_size=3", "section.key=value"),
    ("pipeline.disable=true", "should be list"),
])
def test_bad_overrides_are_refused_with_a_hint(override, fragment):
    with pytest.raises(ConfigError, match=None) as info:
        load_config(overrides=[override])
    assert fragment in str(info.value)


def test_missing_and_invalid_files(tmp_path):
    with pytest.raises(ConfigError, match="does not exist"):
        load_config(tmp_path / "nope.toml")
    bad = tmp_path / "bad.toml"
    bad.write_text("[pipeline\n")
    with pytest.raises(ConfigError, match="not valid TOML"):
        load_config(bad)
