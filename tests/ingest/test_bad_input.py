"""Bad input never raises and never passes silently.

Each bad input yields one ErrorRecord naming the path, with a reason that says what is wrong
(and, where there is something to do, what to do); the good inputs around it still come
through. Then the same through ``analyze_paths`` (the errors table, the summary) and the CLI.
"""

from __future__ import annotations

import base64
import builtins
import errno
import gzip
import io
import json
import random
import types

import pytest

from dyadwatch.config import load_config
from dyadwatch.ingest.readers import read_inputs
from dyadwatch.runner import analyze_paths
from dyadwatch.schema import Article, ErrorRecord
from dyadwatch.store import Store

from ..conftest import run_cli, write

TEXT_NEEDS = ".txt, .html, .json, .jsonl or .csv"
BINARY_NOT_TEXT = f"file is binary, not text; give {TEXT_NEEDS} files"
BINARY_UNKNOWN = ("file is binary and its ending is not one dyadwatch reads "
                  "(.txt, .html, .json, .jsonl, .csv, optionally .gz)")
NO_TEXT_FIELD = ("record has no text field (expected one of text, body, content, maintext, "
                 "article, full_text)")
GZ_TRUNCATED = ("cannot read the file: Compressed file ended before the end-of-stream marker "
                "was reached")


def rng_bytes(n: int, seed: int = 0) -> bytes:
    return random.Random(seed).randbytes(n)


def split(items) -> tuple[list[Article], list[ErrorRecord]]:
    items = list(items)
    arts = [i for i in items if isinstance(i, Article)]
    errs = [i for i in items if isinstance(i, ErrorRecord)]
    assert len(arts) + len(errs) == len(items)
    return arts, errs


def read(paths, config):
    return split(read_inputs([str(p) for p in paths], config))


def read_between(tmp_path, bad, config):
    """Read a good file, ``bad``, another good file; the good ones must come through."""
    before = write(tmp_path / "good" / "before.txt", "The talks resumed in Doha on Monday.")
    after = write(tmp_path / "good" / "after.txt", "A ceasefire was announced on Friday.")
    arts, errs = read([before, bad, after], config)
    assert [(a.id, a.text) for a in arts] == [
        ("before", "The talks resumed in Doha on Monday."),
        ("after", "A ceasefire was announced on Friday.")]
    return errs


def only_error(errs) -> ErrorRecord:
    assert len(errs) == 1, errs
    return errs[0]


# ----------------------------------------------------------------------------------------
# Files that hold nothing, or nothing we can read

PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00\x00\x00\x01\x00\x08\x06\x00\x00\x00"

BAD_FILES = [
    ("empty.txt", b"", "file is empty"),
    ("blank.txt", b"  \n\t\r\n   \n", "file is empty"),
    ("empty.html", b"", "file is empty"),
    ("blank.html", b"\n\n   \n", "file is empty"),
    ("empty.json", b"", "file is empty"),
    ("empty.jsonl", b"", "file holds no JSON records (it is empty)"),
    ("blank.jsonl", b"\n  \n\n", "file holds no JSON records (it is empty)"),
    ("empty.csv", b"", "file is empty"),
    ("empty.txt.gz", gzip.compress(b""), "file is empty"),
    ("picture.png", PNG + rng_bytes(4000), BINARY_UNKNOWN),
    ("picture-renamed.txt", PNG + rng_bytes(4000), BINARY_NOT_TEXT),
    ("nul-bytes.txt", b"hello\x00world\x00" * 100, BINARY_NOT_TEXT),
    ("nul-bytes.html", b"<html>\x00\x00\x00<body>" + rng_bytes(2000, 1), BINARY_NOT_TEXT),
    ("random.json", rng_bytes(3000, 2), BINARY_NOT_TEXT),
    ("random.csv", b"id,text\n" + PNG + rng_bytes(3000, 3), "file is binary, not CSV"),
    ("header-only.csv", b"id,text\n", "CSV file has a header but no rows"),
    ("scalar.json", b"42", "JSON file must hold an object or a list of objects"),
]


@pytest.mark.parametrize("name,data,reason", BAD_FILES, ids=[c[0] for c in BAD_FILES])
def test_unreadable_file_is_one_error_and_the_rest_is_read(tmp_path, config, name, data,
                                                           reason):
    bad = write(tmp_path / "bad" / name, data)
    err = only_error(read_between(tmp_path, bad, config))
    assert err.path == str(bad)
    assert err.reason == reason


def test_binary_line_inside_jsonl(tmp_path, config):
    path = write(tmp_path / "mixed.jsonl",
                 b'{"id": "a", "text": "first"}\n\x00\x01\x02\x03\x04\n{"id": "b", "text": "last"}\n')
    arts, errs = read([path], config)
    assert [a.id for a in arts] == ["a", "b"]
    err = only_error(errs)
    assert (err.path, err.line) == (str(path), 2)
    assert err.reason == "line holds binary data, not JSON"


# ----------------------------------------------------------------------------------------
# Encodings: decoded, and decoded right

def test_cp1252_curly_quotes_and_accents(tmp_path, config):
    raw = (b"The caf\xe9 owner said \x93we will not close\x94 \x96 and the mayor\x92s office "
           b"agreed.\n")
    path = write(tmp_path / "cp1252.txt", raw)
    arts, errs = read([path], config)
    assert errs == []
    assert arts[0].text == ("The caf\u00e9 owner said \u201cwe will not close\u201d \u2013 and "
                            "the mayor\u2019s office agreed.\n")


def test_latin1_e_acute(tmp_path, config):
    path = write(tmp_path / "latin1.txt", "Le caf\u00e9 est ferm\u00e9.".encode("latin-1"))
    arts, errs = read([path], config)
    assert errs == []
    assert arts[0].text == "Le caf\u00e9 est ferm\u00e9."


LATIN1_TEXTS = [
    "Il a d\u00e9j\u00e0 mang\u00e9 \u00e0 la maison.",
    "The cr\u00e8me br\u00fbl\u00e9e at the caf\u00e9 in Z\u00fcrich was na\u00efve.",
]


@pytest.mark.parametrize("text", LATIN1_TEXTS)
@pytest.mark.parametrize("ending", [".txt", ".jsonl"])
def test_latin1_text_decoded_correctly(tmp_path, config, text, ending):
    data = (json.dumps({"id": "x", "text": text}, ensure_ascii=False) + "\n"
            if ending == ".jsonl" else text)
    path = write(tmp_path / f"latin1{ending}", data.encode("latin-1"))
    arts, errs = read([path], config)
    assert errs == []
    assert arts[0].text == text


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-le", "utf-16-be"])
def test_utf16_with_bom(tmp_path, config, codec):
    text = "Gr\u00fc\u00dfe aus K\u00f6ln \u2014 \u201cquoted\u201d and \u0441\u043b\u043e\u0432\u043e."
    data = text.encode(codec)
    if codec != "utf-16":  # utf-16 writes its own BOM
        data = ("\ufeff" + text).encode(codec)
    path = write(tmp_path / "utf16.txt", data)
    arts, errs = read([path], config)
    assert errs == []
    assert arts[0].text == text


def test_utf8_bom_is_dropped(tmp_path, config):
    path = write(tmp_path / "bom.txt", "\ufeffHeadline\n\nBody.".encode("utf-8"))
    arts, errs = read([path], config)
    assert errs == []
    assert arts[0].text == "Headline\n\nBody."


# ----------------------------------------------------------------------------------------
# Huge HTML pages

ARTICLE_PARAS = [
    "The foreign ministers of France and Germany met in Berlin on Tuesday to discuss grain "
    "shipments through the Black Sea corridor.",
    "Officials said the talks would continue next week in Paris, where both sides hope to "
    "sign an agreement on shipping insurance.",
]


def heavy_page(size: int, kind: str) -> str:
    """A real article inside <article>, padded to about ``size`` characters.

    kind: "script" (inline scripts), "image" (base64 inline images) or "text" (visible <p>).
    """
    article = ("<article><h1>Ministers meet in Berlin</h1>"
               + "".join(f"<p>{p}</p>" for p in ARTICLE_PARAS) + "</article>")
    head = ('<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">'
            "<title>Ministers meet in Berlin</title>")
    nav = '<nav><a href="/">Home</a> <a href="/world">World</a></nav>'
    if kind == "text":
        para = ("<p>Visible words about the weather in Lisbon and the football results from "
                "Porto keep going on and on, line after line.</p>\n")
        filler = para * (size // len(para) + 1)
        return f"{head}</head><body>{nav}{article}<section>{filler}</section></body></html>"
    chunk = base64.b64encode(rng_bytes(750_000, 7)).decode()  # 1,000,000 characters
    n = size // len(chunk) + 1
    if kind == "script":
        pad = "".join(f'<script>window.__STATE_{i}__ = "{chunk}";</script>\n' for i in range(n))
        return f"{head}{pad}</head><body>{nav}{article}</body></html>"
    pad = "".join(f'<img alt="photo {i}" src="data:image/jpeg;base64,{chunk}">\n'
                  for i in range(n))
    return f"{head}</head><body>{nav}{article}<div class='gallery'>{pad}</div></body></html>"


def assert_article_read(arts):
    [art] = arts
    assert art.text == "\n".join(["Ministers meet in Berlin", *ARTICLE_PARAS])
    assert art.title == "Ministers meet in Berlin"


@pytest.mark.slow
@pytest.mark.parametrize("kind", ["script", "image"])
def test_50mb_heavy_page_is_read_after_slimming(tmp_path, config, kind):
    path = write(tmp_path / f"heavy-{kind}.html", heavy_page(50_000_000, kind))
    assert path.stat().st_size > 50_000_000
    arts, errs = read([path], config)
    assert errs == []
    assert_article_read(arts)


@pytest.mark.slow
def test_50mb_page_of_visible_text_is_refused(tmp_path, config):
    path = write(tmp_path / "wall-of-text.html", heavy_page(50_000_000, "text"))
    err = only_error(read_between(tmp_path, path, config))
    assert err.path == str(path)
    assert err.reason == (
        "HTML page is 50.0 MB and still 50.0 MB without scripts and inline data, over "
        "ingest.max_bytes (20 MB); raise the limit with --set ingest.max_bytes=N to read it")


@pytest.fixture
def small_limit():
    return load_config(overrides=["pipeline.disable=['parse']", "ingest.max_bytes=1000000"])


def test_heavy_page_under_eight_times_the_limit_is_slimmed(tmp_path, small_limit):
    path = write(tmp_path / "heavy.html", heavy_page(5_000_000, "image"))
    arts, errs = read([path], small_limit)
    assert errs == []
    assert_article_read(arts)


def test_text_page_over_the_limit_is_refused(tmp_path, small_limit):
    path = write(tmp_path / "long.html", heavy_page(3_000_000, "text"))
    err = only_error(read_between(tmp_path, path, small_limit))
    assert err.reason.startswith("HTML page is 3.0 MB and still 3.0 MB without scripts")
    assert "over ingest.max_bytes (1 MB); raise the limit with --set ingest.max_bytes=N" in \
        err.reason


def test_text_file_over_the_limit_is_refused(tmp_path, small_limit):
    path = write(tmp_path / "huge.txt", "word " * 400_000)
    err = only_error(read_between(tmp_path, path, small_limit))
    assert err.reason == ("file is over ingest.max_bytes (1 MB); raise it with --set "
                          "ingest.max_bytes=N to read it")


def test_page_over_eight_times_the_limit_names_the_real_setting(tmp_path, small_limit):
    path = write(tmp_path / "giant.html", heavy_page(9_000_000, "script"))
    err = only_error(read_between(tmp_path, path, small_limit))
    assert "ingest.max_bytes (1 MB)" in err.reason


# ----------------------------------------------------------------------------------------
# Records: bad JSON, missing or wrong text

def test_malformed_json_lines_in_the_middle(tmp_path, config):
    lines = [json.dumps({"id": "j1", "text": "First good line."}),
             json.dumps({"id": "j2", "text": "Second good line."}),
             '{"id": "j3", "text": "unterminated',
             json.dumps({"id": "j4", "text": "Fourth good line."}),
             "{'id': 'j5', 'text': 'single quotes'}",
             json.dumps({"id": "j6", "text": "Last good line."})]
    path = write(tmp_path / "feed.jsonl", "\n".join(lines) + "\n")
    arts, errs = read([path], config)
    assert [a.id for a in arts] == ["j1", "j2", "j4", "j6"]
    assert [(e.path, e.line) for e in errs] == [(str(path), 3), (str(path), 5)]
    assert errs[0].reason.startswith("not valid JSON (")  # exact: see below
    assert errs[1].reason == ("not valid JSON (Expecting property name enclosed "
                              "in double quotes at column 2)")


def test_unterminated_string_line_reason(tmp_path, config):
    path = write(tmp_path / "feed.jsonl",
                 json.dumps({"id": "j1", "text": "ok"}) + '\n{"id": "j3", "text": "unterminated\n')
    err = only_error(read([path], config)[1])
    assert err.reason == "not valid JSON (Unterminated string starting at column 22)"


def test_malformed_json_file_names_the_line(tmp_path, config):
    path = write(tmp_path / "broken.json", '[\n  {"id": "a", "text": "ok"},\n  {"id": "b",\n]\n')
    err = only_error(read_between(tmp_path, path, config))
    assert err.line == 4
    assert err.reason.startswith("not valid JSON: ")
    assert "line 4" in err.reason


def test_record_missing_text(tmp_path, config):
    one = write(tmp_path / "one.json", json.dumps({"id": "x", "title": "Headline only"}))
    lines = write(tmp_path / "lines.jsonl",
                  json.dumps({"id": "a", "text": "Good."}) + "\n"
                  + json.dumps({"id": "b", "headline": "No body"}) + "\n")
    rows = write(tmp_path / "rows.csv", "id,title\nr1,Title only\n")
    listed = write(tmp_path / "list.json",
                   json.dumps([{"id": "l1", "text": "Good."}, {"id": "l2", "title": "None"}]))
    arts, errs = read([one, lines, rows, listed], config)
    assert [a.id for a in arts] == ["a", "l1"]
    assert [(e.path, e.line, e.reason) for e in errs] == [
        (str(one), None, NO_TEXT_FIELD),
        (str(lines), 2, NO_TEXT_FIELD),
        (str(rows), 2, NO_TEXT_FIELD),
        (str(listed), 2, NO_TEXT_FIELD),
    ]


@pytest.mark.parametrize("value,kind", [(123, "int"), (["a", "b"], "list"),
                                        ({"en": "x"}, "dict"), (True, "bool")])
def test_text_that_is_not_a_string(tmp_path, config, value, kind):
    path = write(tmp_path / "typed.jsonl",
                 json.dumps({"id": "ok", "text": "Good."}) + "\n"
                 + json.dumps({"id": "bad", "text": value}) + "\n")
    arts, errs = read([path], config)
    assert [a.id for a in arts] == ["ok"]
    err = only_error(errs)
    assert (err.line, err.reason) == (2, f"the text field must be a string, got {kind}")


def test_record_that_is_not_an_object(tmp_path, config):
    path = write(tmp_path / "mixed.json", '[{"id": "a", "text": "Good."}, "just a string", 7]')
    arts, errs = read([path], config)
    assert [a.id for a in arts] == ["a"]
    assert [e.reason for e in errs] == [
        "a record must be a JSON object, got str",
        "a record must be a JSON object, got int"]


def test_whitespace_text_is_empty(tmp_path, config):
    path = write(tmp_path / "ws.jsonl", json.dumps({"id": "w", "text": "  \n "}) + "\n")
    err = only_error(read([path], config)[1])
    assert err.reason == "the article text is empty"


def test_empty_string_text_is_called_empty(tmp_path, config):
    path = write(tmp_path / "es.jsonl", json.dumps({"id": "e", "text": ""}) + "\n")
    err = only_error(read([path], config)[1])
    assert err.reason == "the article text is empty"


@pytest.mark.parametrize("data", ["[]", '{"articles": []}'])
def test_json_with_no_records_is_an_error(tmp_path, config, data):
    path = write(tmp_path / "none.json", data)
    err = only_error(read_between(tmp_path, path, config))
    assert err.path == str(path)


def test_navigation_page_without_article_is_an_error(tmp_path, config):
    page = ("<!DOCTYPE html><html><head><title>Sections</title></head><body>"
            "<nav><ul><li><a href='/'>Home</a></li><li><a href='/world'>World</a></li>"
            "<li><a href='/sport'>Sport</a></li></ul></nav>"
            "<footer><a href='/privacy'>Privacy</a></footer></body></html>")
    path = write(tmp_path / "index.html", page)
    err = only_error(read_between(tmp_path, path, config))
    assert err.reason == "no article text found in the HTML page (a navigation or index page?)"


# ----------------------------------------------------------------------------------------
# Compressed files

def _truncated_gz(payload: bytes) -> bytes:
    full = gzip.compress(payload)
    return full[: len(full) // 2]


def test_truncated_gz_text(tmp_path, config):
    path = write(tmp_path / "cut.txt.gz", _truncated_gz(rng_bytes(20_000, 5).hex().encode()))
    err = only_error(read_between(tmp_path, path, config))
    assert (err.path, err.reason) == (str(path), GZ_TRUNCATED)


@pytest.mark.parametrize("name,payload", [
    ("cut.json.gz", json.dumps([{"id": f"j{i}", "text": rng_bytes(40, i).hex()}
                                for i in range(300)]).encode()),
    ("cut.csv.gz", b"id,text\n" + b"".join(f"c{i},{rng_bytes(40, i).hex()}\n".encode()
                                            for i in range(300))),
])
def test_truncated_gz_records(tmp_path, config, name, payload):
    path = write(tmp_path / name, _truncated_gz(payload))
    err = only_error(read_between(tmp_path, path, config))
    assert (err.path, err.reason) == (str(path), GZ_TRUNCATED)


def test_truncated_gz_json_lines_keeps_the_lines_before(tmp_path, config):
    payload = "".join(json.dumps({"id": f"g{i}", "text": rng_bytes(40, i).hex()}) + "\n"
                      for i in range(400)).encode()
    path = write(tmp_path / "cut.jsonl.gz", _truncated_gz(payload))
    arts, errs = read([path], config)
    assert len(arts) > 50
    assert [a.id for a in arts] == [f"g{i}" for i in range(len(arts))]
    assert [a.text for a in arts] == [rng_bytes(40, i).hex() for i in range(len(arts))]
    err = only_error(errs)
    assert (err.path, err.reason) == (str(path), GZ_TRUNCATED)


def test_gz_ending_on_a_file_that_is_not_gzip(tmp_path, config):
    path = write(tmp_path / "plain.txt.gz", "I was never compressed.")
    err = only_error(read_between(tmp_path, path, config))
    assert err.path == str(path)
    assert err.reason.startswith("cannot read the file: Not a gzipped file")


# ----------------------------------------------------------------------------------------
# Paths that do not lead to a file

def test_nonexistent_path(tmp_path, config):
    missing = tmp_path / "nowhere" / "story.txt"
    err = only_error(read_between(tmp_path, missing, config))
    assert (err.path, err.reason) == (str(missing), "no such file or directory")


def test_glob_matching_nothing(tmp_path, config):
    pattern = str(tmp_path / "archive" / "*.jsonl")
    err = only_error(read_between(tmp_path, pattern, config))
    assert (err.path, err.reason) == (pattern, "no file matches this pattern")


@pytest.mark.parametrize("contents", [{}, {"notes.md.bak": b"x", ".hidden.txt": b"secret",
                                          "scan.pdf": b"%PDF-1.4"}])
def test_directory_with_nothing_to_read(tmp_path, config, contents):
    folder = tmp_path / "inbox"
    folder.mkdir()
    for name, data in contents.items():
        write(folder / name, data)
    err = only_error(read_between(tmp_path, folder, config))
    assert (err.path, err.reason) == (
        str(folder), "directory holds no .txt, .html, .json, .jsonl or .csv files")


def _deny(monkeypatch, paths, exc_factory):
    """Make builtins.open fail for ``paths`` (running as root, chmod would not)."""
    targets = {str(p) for p in paths}
    real_open = builtins.open

    def fake_open(file, *args, **kwargs):
        if str(file) in targets:
            raise exc_factory(str(file))
        return real_open(file, *args, **kwargs)

    monkeypatch.setattr(builtins, "open", fake_open)


@pytest.mark.parametrize("name,data", [
    ("locked.txt", b"A story."),
    ("locked.html", b"<html><body><article><p>A story.</p></article></body></html>"),
    ("locked.jsonl", b'{"id": "a", "text": "A story."}\n'),
    ("locked.csv", b"id,text\na,A story.\n"),
    ("locked.json", b'{"id": "a", "text": "A story."}'),
    ("locked.md", b"A story."),
])
def test_permission_denied(tmp_path, config, monkeypatch, name, data):
    path = write(tmp_path / name, data)
    _deny(monkeypatch, [path],
          lambda f: PermissionError(errno.EACCES, "Permission denied", f))
    err = only_error(read_between(tmp_path, path, config))
    assert err.path == str(path)
    assert "permission denied" in err.reason.lower()


def test_os_error_while_reading(tmp_path, config, monkeypatch):
    paths = [write(tmp_path / "io.txt", b"A story."),
             write(tmp_path / "io.jsonl", b'{"id": "a", "text": "A story."}\n')]
    _deny(monkeypatch, paths, lambda f: OSError(errno.EIO, "Input/output error", f))
    arts, errs = read(paths, config)
    assert arts == []
    assert [(e.path, e.reason) for e in errs] == [
        (str(paths[0]), f"cannot read the file: [Errno 5] Input/output error: '{paths[0]}'"),
        (str(paths[1]), f"cannot read the file: [Errno 5] Input/output error: '{paths[1]}'")]


# ----------------------------------------------------------------------------------------
# stdin

def _stdin(monkeypatch, data: bytes) -> None:
    monkeypatch.setattr("sys.stdin", types.SimpleNamespace(buffer=io.BytesIO(data)))


def test_empty_stdin(tmp_path, monkeypatch, config):
    _stdin(monkeypatch, b"  \n")
    err = only_error(read_between(tmp_path, "-", config))
    assert (err.path, err.reason) == ("-", "standard input is empty")


def test_binary_stdin(tmp_path, monkeypatch, config):
    _stdin(monkeypatch, PNG + rng_bytes(3000))
    err = only_error(read_between(tmp_path, "-", config))
    assert err.path == "-"
    assert err.reason == BINARY_NOT_TEXT


def test_stdin_line_errors_name_stdin(monkeypatch, config):
    _stdin(monkeypatch, b'{"id": "s1", "text": "ok"}\n{"id": "s2", "text":\n')
    arts, errs = read(["-"], config)
    assert [a.id for a in arts] == ["s1"]
    err = only_error(errs)
    assert (err.path, err.line) == ("-", 2)
    assert err.reason == "not valid JSON (Expecting value at column 21)"


# ----------------------------------------------------------------------------------------
# End to end: analyze_paths and the CLI

def _mixed_corpus(tmp_path):
    root = tmp_path / "inbox"
    write(root / "a-good.txt", "Ministers of France and Germany met in Berlin on Tuesday to "
                               "discuss grain exports through the Black Sea.\n")
    write(root / "b-feed.jsonl",
          json.dumps({"id": "feed-1", "title": "Talks end", "text": "The talks in Paris ended "
                      "without an agreement on Wednesday evening."}) + "\n"
          + "{broken json\n"
          + json.dumps({"id": "feed-2", "text": "Officials said a new round of talks would "
                        "begin next month in Rome."}) + "\n")
    write(root / "c-empty.txt", b"")
    write(root / "d-image.txt", PNG + rng_bytes(2000))
    write(root / "e-notext.json", json.dumps({"id": "nt", "title": "Headline only"}))
    write(root / "f-cut.txt.gz", _truncated_gz(rng_bytes(20_000, 9).hex().encode()))
    write(root / "g-latin.txt", "Le caf\u00e9 est ferm\u00e9 depuis lundi.".encode("latin-1"))
    bad = [  # (path relative to root, line)
        ("b-feed.jsonl", 2), ("c-empty.txt", None), ("d-image.txt", None),
        ("e-notext.json", None), ("f-cut.txt.gz", None)]
    return root, bad


def test_analyze_paths_stores_good_and_records_every_bad_input(tmp_path, config, db):
    root, bad = _mixed_corpus(tmp_path)
    missing = str(tmp_path / "missing.txt")
    summary = analyze_paths([str(root), missing], config, db=db)
    assert summary.read == 4
    assert summary.processed == 4
    assert summary.failed == len(bad) + 1
    assert summary.ok is False
    with Store(db) as store:
        stored = {a.id: a for a in store.iter_articles()}
        errors = store.errors()
    assert sorted(stored) == ["a-good", "feed-1", "feed-2", "g-latin"]
    assert stored["feed-1"].title == "Talks end"
    assert "caf\u00e9 est ferm\u00e9" in stored["g-latin"].text
    expected = [(str(root / name), line) for name, line in bad] + [(missing, None)]
    assert [(e["path"], e["line"]) for e in errors] == expected
    assert {e["run_id"] for e in errors} == {summary.run_id}
    reasons = [e["reason"] for e in errors]
    assert "not valid JSON" in reasons[0]
    assert reasons[1:] == ["file is empty", BINARY_NOT_TEXT,
                           NO_TEXT_FIELD, GZ_TRUNCATED,
                           "no such file or directory"]
    assert [(e["path"], e["reason"]) for e in summary.errors] == [
        (e["path"], e["reason"]) for e in errors]


def test_analyze_paths_all_good_is_ok(tmp_path, config, db):
    write(tmp_path / "in" / "a.txt", "A quiet day at the border crossing.")
    summary = analyze_paths([str(tmp_path / "in")], config, db=db)
    assert (summary.read, summary.failed, summary.ok) == (1, 0, True)
    with Store(db) as store:
        assert store.errors() == []


@pytest.mark.slow
def test_cli_exit_code_and_one_line_per_bad_input(tmp_path, db):
    root, bad = _mixed_corpus(tmp_path)
    proc = run_cli("analyze", str(root), "--db", db, "--set", "pipeline.disable=['parse']",
                   "--no-progress")
    stderr = proc.stderr.decode("utf-8")
    stdout = proc.stdout.decode("utf-8")
    assert proc.returncode == 1, stderr
    assert "4 articles read: 4 analysed, 0 already stored, 5 failed" in stdout
    failed = [line for line in stderr.splitlines() if line.startswith("failed: ")]
    assert len(failed) == len(bad)
    for line, (name, lineno) in zip(failed, bad):
        where = str(root / name) + (f":{lineno}" if lineno else "")
        assert line.startswith(f"failed: {where}: ")
    assert failed[1] == f"failed: {root / 'c-empty.txt'}: file is empty"
    assert failed[2] == f"failed: {root / 'd-image.txt'}: {BINARY_NOT_TEXT}"
    assert failed[4] == f"failed: {root / 'f-cut.txt.gz'}: {GZ_TRUNCATED}"


@pytest.mark.slow
def test_cli_failed_line_names_the_location_once(tmp_path, db):
    root, _ = _mixed_corpus(tmp_path)
    proc = run_cli("analyze", str(root), "--db", db, "--set", "pipeline.disable=['parse']",
                   "--no-progress")
    failed = [line for line in proc.stderr.decode("utf-8").splitlines()
              if line.startswith("failed: ")]
    where = f"{root / 'b-feed.jsonl'}:2"
    assert failed[0] == (f"failed: {where}: not valid JSON (Expecting property name enclosed "
                         "in double quotes at column 2)")
