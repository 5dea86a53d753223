"""Every reader through ``read_inputs``: formats, fields, aliases, ids, paths and stdin.

All inputs are built in ``tmp_path``; the pipeline's ``clean`` stage does not run here, so
articles are raw (text as read, no title or date found in the body).
"""

from __future__ import annotations

import csv
import gzip
import hashlib
import io
import json
import os
import re
import types

import pytest

from dyadwatch.ingest.readers import read_inputs
from dyadwatch.schema import Article, ErrorRecord

from ..conftest import write

HEX16 = re.compile(r"^[0-9a-f]{16}$")


def sha16(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:16]


def read(paths, config) -> list:
    return list(read_inputs([str(p) for p in paths], config))


def read_ok(paths, config) -> list[Article]:
    """Read and insist that nothing failed."""
    items = read(paths, config)
    errors = [i for i in items if isinstance(i, ErrorRecord)]
    assert errors == []
    assert all(isinstance(i, Article) for i in items)
    return items


# ----------------------------------------------------------------------------------------
# Realistic pages and texts

PARAS = [
    "Rescue teams in southern Turkey pulled three survivors from a collapsed apartment "
    "block on Sunday, five days after the earthquake struck the region.",
    "The governor of Hatay province said more than 2,000 volunteers had joined the search "
    "and that field hospitals were treating hundreds of injured people.",
    "Aid agencies warned that freezing night temperatures were putting families who had "
    "lost their homes at risk of hypothermia.",
]
HEADLINE = "Survivors pulled from rubble in Hatay"
EXPECTED_PAGE_TEXT = "\n".join([HEADLINE, *PARAS])
CHROME_WORDS = ("Weather", "Privacy policy", "All rights reserved", "Contact us",
                "Subscribe")


def news_page(head: str, before_paras: str = "") -> str:
    """A small but realistic news page: header, nav, article, aside-free footer."""
    paras = "\n".join(f"<p>{p}</p>" for p in PARAS)
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
{head}
<link rel="stylesheet" href="/static/site.css">
</head>
<body>
<header><a class="logo" href="/">The Ankara Ledger</a>
<a class="btn" href="/subscribe">Subscribe</a></header>
<nav><ul>
<li><a href="/news">News</a></li><li><a href="/sport">Sport</a></li>
<li><a href="/weather">Weather</a></li><li><a href="/opinion">Opinion</a></li>
</ul></nav>
<main>
<article>
<h1>{HEADLINE}</h1>
{before_paras}
{paras}
</article>
</main>
<footer>
<p>&copy; 2023 The Ankara Ledger. All rights reserved.</p>
<a href="/privacy">Privacy policy</a> <a href="/contact">Contact us</a>
</footer>
<script>window.dataLayer = window.dataLayer || [];</script>
</body>
</html>
"""


OG_HEAD = (f"<title>{HEADLINE} | The Ankara Ledger</title>\n"
           f'<meta property="og:title" content="{HEADLINE}">\n'
           '<meta property="og:site_name" content="Ankara Ledger">\n'
           '<meta property="article:published_time" content="2023-02-12T08:15:00+03:00">\n'
           '<meta name="author" content="Deniz Kaya">\n'
           '<link rel="canonical" href="https://ledger.example.com/news/hatay-survivors">')


def assert_page_article(art: Article) -> None:
    assert art.text == EXPECTED_PAGE_TEXT
    for word in CHROME_WORDS:
        assert word not in art.text
    assert art.title == HEADLINE


# ----------------------------------------------------------------------------------------
# Plain text

def test_txt_id_is_file_name_without_ending(tmp_path, config):
    text = ("KYIV, March 5 (Reuters) - Ukraine and Poland agreed on Tuesday to reopen the "
            "border crossing at Dorohusk.\n\nTruck drivers had blocked it for weeks.\n")
    path = write(tmp_path / "kyiv-border.2024.txt", text)
    [art] = read_ok([path], config)
    assert art.id == "kyiv-border.2024"
    assert art.text == text
    assert art.input_path == str(path)
    assert (art.title, art.published, art.source, art.url) == (None, None, None, None)
    assert art.metadata == {}


def test_text_ending_is_plain_text(tmp_path, config):
    path = write(tmp_path / "note.text", "A short note on the ceasefire talks.")
    [art] = read_ok([path], config)
    assert (art.id, art.text) == ("note", "A short note on the ceasefire talks.")


# ----------------------------------------------------------------------------------------
# HTML

def test_html_page_metadata_and_main_text(tmp_path, config):
    path = write(tmp_path / "hatay.html", news_page(OG_HEAD))
    [art] = read_ok([path], config)
    assert art.id == "hatay"
    assert_page_article(art)
    assert art.published == "2023-02-12"
    assert art.source == "Ankara Ledger"
    assert art.author == "Deniz Kaya"
    assert art.url == "https://ledger.example.com/news/hatay-survivors"
    assert art.language == "en"
    assert art.input_path == str(path)


def test_htm_page_date_from_meta_name_date(tmp_path, config):
    head = (f"<title>{HEADLINE}</title>\n<meta name=\"date\" content=\"2023-02-12\">\n"
            '<meta name="application-name" content="Ankara Ledger">')
    path = write(tmp_path / "story.htm", news_page(head))
    [art] = read_ok([path], config)
    assert art.id == "story"
    assert_page_article(art)
    assert art.published == "2023-02-12"
    assert art.source == "Ankara Ledger"


def test_html_date_from_time_element(tmp_path, config):
    head = f"<title>{HEADLINE}</title>"
    path = write(tmp_path / "timed.html",
                 news_page(head, '<time datetime="2023-02-12">12 February 2023</time>'))
    [art] = read_ok([path], config)
    assert art.published == "2023-02-12"
    assert art.text.endswith("\n".join(PARAS))


def test_xhtml_and_gzipped_html(tmp_path, config):
    a = write(tmp_path / "a.xhtml", news_page(OG_HEAD))
    b = write(tmp_path / "b.html.gz", gzip.compress(news_page(OG_HEAD).encode("utf-8")))
    arts = read_ok([a, b], config)
    assert [x.id for x in arts] == ["a", "b"]
    for art in arts:
        assert_page_article(art)
        assert (art.published, art.source) == ("2023-02-12", "Ankara Ledger")


# ----------------------------------------------------------------------------------------
# JSON, JSON lines, CSV

def test_json_one_object(tmp_path, config):
    rec = {"id": "ap-0193", "url": "https://apnews.example/ap-0193", "source": "AP",
           "published": "2024-03-05", "title": "Port reopens", "text": "The port reopened."}
    path = write(tmp_path / "one.json", json.dumps(rec))
    [art] = read_ok([path], config)
    assert (art.id, art.url, art.source, art.published, art.title, art.text) == (
        "ap-0193", "https://apnews.example/ap-0193", "AP", "2024-03-05", "Port reopens",
        "The port reopened.")
    assert art.metadata == {}
    assert art.input_path == str(path)


def test_json_one_object_without_id_takes_the_file_name(tmp_path, config):
    path = write(tmp_path / "lonely.json", json.dumps({"text": "Only a body here."}))
    [art] = read_ok([path], config)
    assert art.id == "lonely"


def test_json_list_of_objects_in_order(tmp_path, config):
    recs = [{"id": f"r{i}", "text": f"Body number {i}."} for i in range(3)]
    path = write(tmp_path / "list.json", json.dumps(recs))
    arts = read_ok([path], config)
    assert [(a.id, a.text) for a in arts] == [("r0", "Body number 0."), ("r1", "Body number 1."),
                                              ("r2", "Body number 2.")]
    assert all(a.input_path == str(path) for a in arts)


def test_json_object_with_articles_list(tmp_path, config):
    data = {"status": "ok", "totalResults": 2,
            "articles": [{"id": "w1", "title": "First", "text": "First body."},
                         {"id": "w2", "title": "Second", "text": "Second body."}]}
    path = write(tmp_path / "newsapi.json", json.dumps(data))
    arts = read_ok([path], config)
    assert [(a.id, a.title, a.text) for a in arts] == [("w1", "First", "First body."),
                                                       ("w2", "Second", "Second body.")]
    assert [a.metadata for a in arts] == [{}, {}]


@pytest.mark.parametrize("ending", [".jsonl", ".ndjson"])
def test_json_lines(tmp_path, config, ending):
    lines = [{"id": "n1", "title": "Talks", "text": "The talks ended.", "published": "2024-01-02"},
             {"id": "n2", "title": "Strike", "text": "Dock workers went on strike."}]
    body = "\n".join(json.dumps(r) for r in lines) + "\n\n"  # a trailing blank line is fine
    path = write(tmp_path / f"feed{ending}", body)
    arts = read_ok([path], config)
    assert [(a.id, a.title, a.text, a.published) for a in arts] == [
        ("n1", "Talks", "The talks ended.", "2024-01-02"),
        ("n2", "Strike", "Dock workers went on strike.", None)]


def test_csv_rows_with_header(tmp_path, config):
    path = tmp_path / "rows.csv"
    with open(path, "w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(["id", "url", "source", "published", "title", "text", "section"])
        w.writerow(["c1", "https://x.example/1", "Reuters", "2024-03-05", "Title, with comma",
                    "First paragraph.\n\nSecond \"quoted\" paragraph.", "World"])
        w.writerow(["c2", "", "AFP", "6 March 2024", "Plain", "Short body.", "Business"])
    arts = read_ok([path], config)
    assert [a.id for a in arts] == ["c1", "c2"]
    c1, c2 = arts
    assert (c1.url, c1.source, c1.published, c1.title, c1.text) == (
        "https://x.example/1", "Reuters", "2024-03-05", "Title, with comma",
        "First paragraph.\n\nSecond \"quoted\" paragraph.")
    assert c1.metadata == {"section": "World"}
    assert (c2.url, c2.source, c2.published, c2.text) == (None, "AFP", "2024-03-06",
                                                          "Short body.")
    # c2's metadata: see test_csv_blank_known_column_is_not_metadata


def test_csv_with_utf8_bom_and_aliases(tmp_path, config):
    body = ("\ufeffguid,headline,body,outlet,link,pubdate\n"
            "x1,Head,Body text,AP,http://a.example/b,\"Mon, 06 Mar 2023 12:00:00 GMT\"\n")
    path = write(tmp_path / "excel.csv", body.encode("utf-8"))
    [art] = read_ok([path], config)
    assert (art.id, art.title, art.text, art.source, art.url, art.published) == (
        "x1", "Head", "Body text", "AP", "http://a.example/b", "2023-03-06")
    assert art.metadata == {}


def test_csv_blank_id_gets_content_hash(tmp_path, config):
    path = write(tmp_path / "blank.csv", "id,text,extra\n,Body without an id.,foo\n")
    [art] = read_ok([path], config)
    assert art.id == sha16("Body without an id.")


def test_csv_blank_known_column_is_not_metadata(tmp_path, config):
    path = write(tmp_path / "blank.csv", "id,url,text,extra\n,,Body without an id.,foo\n")
    [art] = read_ok([path], config)
    assert art.metadata == {"extra": "foo"}


# ----------------------------------------------------------------------------------------
# Gzip

def test_gzipped_jsonl_csv_txt(tmp_path, config):
    a = write(tmp_path / "a.jsonl.gz",
              gzip.compress(b'{"id": "gz1", "text": "From gzipped lines."}\n'
                            b'{"id": "gz2", "text": "Second gzipped line."}\n'))
    b = write(tmp_path / "b.csv.gz", gzip.compress(b"id,text\ngz3,From a gzipped CSV.\n"))
    c = write(tmp_path / "wire-story.txt.gz",
              gzip.compress("Gzipped plain text, caf\u00e9 included.\n".encode("utf-8")))
    d = write(tmp_path / "d.json.gz", gzip.compress(b'[{"id": "gz4", "text": "JSON in gz."}]'))
    arts = read_ok([a, b, c, d], config)
    assert [(x.id, x.text) for x in arts] == [
        ("gz1", "From gzipped lines."), ("gz2", "Second gzipped line."),
        ("gz3", "From a gzipped CSV."),
        ("wire-story", "Gzipped plain text, caf\u00e9 included.\n"),
        ("gz4", "JSON in gz.")]
    assert [x.input_path for x in arts] == [str(a), str(a), str(b), str(c), str(d)]


# ----------------------------------------------------------------------------------------
# Fields and aliases

@pytest.mark.parametrize("key,value,field,expected", [
    ("headline", "Grain deal signed", "title", "Grain deal signed"),
    ("date", "2024-03-05", "published", "2024-03-05"),
    ("published_at", "2024-03-05T10:00:00Z", "published", "2024-03-05"),
    ("link", "https://news.example/grain", "url", "https://news.example/grain"),
    ("outlet", "Kyiv Independent", "source", "Kyiv Independent"),
    ("publisher", "Kyiv Independent", "source", "Kyiv Independent"),
    ("article_id", "ki-77", "id", "ki-77"),
    ("byline", "Olena Petrenko", "author", "Olena Petrenko"),
    ("lang", "uk", "language", "uk"),
])
def test_field_alias(tmp_path, config, key, value, field, expected):
    rec = {"text": "The grain deal was signed in Istanbul.", key: value}
    path = write(tmp_path / "alias.jsonl", json.dumps(rec) + "\n")
    [art] = read_ok([path], config)
    assert getattr(art, field) == expected
    assert art.metadata == {}  # a recognised alias is not kept twice


@pytest.mark.parametrize("key", ["body", "content", "maintext", "full_text"])
def test_text_alias(tmp_path, config, key):
    rec = {"id": "t1", key: "Body under an alias."}
    path = write(tmp_path / "alias.json", json.dumps(rec))
    [art] = read_ok([path], config)
    assert art.text == "Body under an alias."
    assert art.metadata == {}


def test_unknown_fields_kept_in_metadata(tmp_path, config):
    rec = {"id": "m1", "headline": "Vote delayed", "body": "Parliament delayed the vote.",
           "date": "5 March 2024", "link": "https://example.org/vote", "outlet": "Politico",
           "section": "Europe", "tags": ["parliament", "vote"], "word_count": 4,
           "extra": {"nested": True}}
    path = write(tmp_path / "meta.json", json.dumps(rec))
    [art] = read_ok([path], config)
    assert (art.id, art.title, art.text, art.published, art.url, art.source) == (
        "m1", "Vote delayed", "Parliament delayed the vote.", "2024-03-05",
        "https://example.org/vote", "Politico")
    assert art.metadata == {"section": "Europe", "tags": ["parliament", "vote"],
                            "word_count": 4, "extra": {"nested": True}}


def test_source_given_as_object(tmp_path, config):
    rec = {"id": "s1", "text": "A body.", "source": {"id": "bbc-news", "name": "BBC News"}}
    path = write(tmp_path / "src.jsonl", json.dumps(rec) + "\n")
    [art] = read_ok([path], config)
    assert art.source == "BBC News"
    assert "source" not in art.metadata


def test_authors_list_joined(tmp_path, config):
    rec = {"id": "a1", "text": "A body.", "authors": ["Ann Lee", "Bo Chan"]}
    path = write(tmp_path / "auth.json", json.dumps(rec))
    [art] = read_ok([path], config)
    assert art.author == "Ann Lee, Bo Chan"


@pytest.mark.parametrize("value", [
    "2024-03-05",
    "2024-03-05T09:30:00Z",
    "2024-03-05T09:30:00.123456+00:00",
    "2024-03-05T23:30:00-05:00",  # the date as written, not shifted to UTC
    "2024-03-05 09:30:00",
    "5 March 2024",
    "5th March 2024",
    "March 5, 2024",
    "Tue, 05 Mar 2024 10:00:00 +0000",
    "Tue, 5 Mar 2024 23:59:59 GMT",
    1709632800,  # epoch seconds: 2024-03-05 10:00 UTC
])
def test_published_normalised(tmp_path, config, value):
    path = write(tmp_path / "d.jsonl", json.dumps({"id": "d", "text": "x", "published": value}))
    [art] = read_ok([path], config)
    assert art.published == "2024-03-05"
    assert art.warnings == []


def test_unreadable_date_is_a_warning_not_a_guess(tmp_path, config):
    path = write(tmp_path / "d.json", json.dumps({"id": "d", "text": "x", "date": "soon"}))
    [art] = read_ok([path], config)
    assert art.published is None
    assert art.warnings == ["could not read the date 'soon'"]


def test_record_with_html_and_no_text(tmp_path, config):
    rec = {"id": "h1", "html": news_page(OG_HEAD), "feed": "rss"}
    path = write(tmp_path / "pages.jsonl", json.dumps(rec) + "\n")
    [art] = read_ok([path], config)
    assert art.id == "h1"
    assert_page_article(art)
    assert (art.published, art.source, art.author) == ("2023-02-12", "Ankara Ledger",
                                                       "Deniz Kaya")
    assert art.url == "https://ledger.example.com/news/hatay-survivors"
    assert art.metadata == {"feed": "rss"}  # the html itself is not kept as metadata


def test_record_fields_win_over_html_metadata(tmp_path, config):
    rec = {"id": "h2", "title": "Our own title", "source": "Wire", "published": "2023-02-13",
           "html": news_page(OG_HEAD)}
    path = write(tmp_path / "pages.json", json.dumps([rec]))
    [art] = read_ok([path], config)
    assert (art.title, art.source, art.published) == ("Our own title", "Wire", "2023-02-13")
    assert art.text == EXPECTED_PAGE_TEXT


# ----------------------------------------------------------------------------------------
# Content-hash ids and raw_hash

def test_records_without_id_get_stable_content_hash_ids(tmp_path, config):
    texts = ["The summit opened in Brussels.", "Protests continued in Tbilisi."]
    jl = write(tmp_path / "noid.jsonl", "".join(json.dumps({"text": t}) + "\n" for t in texts))
    js = write(tmp_path / "noid-list.json", json.dumps([{"text": t} for t in texts]))
    first = read_ok([jl, js], config)
    second = read_ok([jl, js], config)
    ids = [a.id for a in first]
    assert ids == [sha16(texts[0]), sha16(texts[1])] * 2
    assert all(HEX16.match(i) for i in ids)
    assert [a.id for a in second] == ids


def test_raw_hash_set_and_stable(tmp_path, config):
    path = write(tmp_path / "h.jsonl",
                 json.dumps({"id": "k", "title": "A", "text": "Same body."}) + "\n"
                 + json.dumps({"id": "k", "title": "B", "text": "Same body."}) + "\n"
                 + json.dumps({"id": "k", "title": "A", "text": "Other body."}) + "\n")
    copy = write(tmp_path / "sub" / "h-copy.jsonl", path.read_text())
    first = read_ok([path], config)
    again = read_ok([path], config)
    elsewhere = read_ok([copy], config)
    hashes = [a.raw_hash for a in first]
    assert all(h and HEX16.match(h) for h in hashes)
    assert len(set(hashes)) == 3  # title and text both count
    assert [a.raw_hash for a in again] == hashes
    assert [a.raw_hash for a in elsewhere] == hashes  # content, not location


def test_txt_raw_hash_changes_with_text(tmp_path, config):
    p = write(tmp_path / "a.txt", "Version one.")
    h1 = read_ok([p], config)[0].raw_hash
    assert read_ok([p], config)[0].raw_hash == h1
    write(p, "Version two.")
    h2 = read_ok([p], config)[0].raw_hash
    assert HEX16.match(h1) and HEX16.match(h2) and h1 != h2


# ----------------------------------------------------------------------------------------
# Paths: directories, globs, shared names

def _tree(tmp_path):
    root = tmp_path / "corpus"
    write(root / "b.txt", "bee")
    write(root / "a.txt", "ay")
    write(root / "c.json", json.dumps({"id": "cj", "text": "see"}))
    write(root / "sub" / "z.txt", "zed")
    write(root / "sub" / "m.jsonl", json.dumps({"id": "mj", "text": "em"}) + "\n")
    write(root / "sub" / "deeper" / "y.csv", "id,text\nyc,why\n")
    write(root / ".hidden.txt", "hidden file")
    write(root / ".git" / "notes.txt", "hidden folder")
    write(root / "photo.png", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    write(root / "README.md", "not an article")
    write(root / "sub" / "data.parquet", b"PAR1\x00\x00")
    return root


def test_directory_recursive_sorted_skipping_hidden_and_unsupported(tmp_path, config):
    root = _tree(tmp_path)
    arts = read_ok([root], config)
    assert [a.id for a in arts] == ["a", "b", "cj", "mj", "z", "yc"]
    assert [os.path.relpath(a.input_path, root) for a in arts] == [
        "a.txt", "b.txt", "c.json", os.path.join("sub", "m.jsonl"), os.path.join("sub", "z.txt"),
        os.path.join("sub", "deeper", "y.csv")]
    # the order does not depend on the order files were created in
    assert [a.id for a in read_ok([root], config)] == [a.id for a in arts]


def test_named_hidden_file_is_read(tmp_path, config):
    root = _tree(tmp_path)
    [art] = read_ok([root / ".hidden.txt"], config)
    assert art.text == "hidden file"


def test_glob_patterns(tmp_path, config):
    root = _tree(tmp_path)
    flat = read_ok([str(root / "*.txt")], config)
    assert [a.id for a in flat] == ["a", "b"]
    deep = read_ok([str(root / "**" / "*.txt")], config)
    assert [os.path.relpath(a.input_path, root) for a in deep] == [
        "a.txt", "b.txt", os.path.join("sub", "z.txt")]
    # A directory match is walked; a file match counts as named (as a shell would expand
    # it), so the unsupported binary file is tried and reported, not passed over.
    mixed = read([str(root / "sub" / "*")], config)
    assert [(type(i).__name__, getattr(i, "id", None) or i.path) for i in mixed] == [
        ("ErrorRecord", str(root / "sub" / "data.parquet")), ("Article", "yc"),
        ("Article", "mj"), ("Article", "z")]


def test_paths_read_in_the_order_given(tmp_path, config):
    b = write(tmp_path / "b.txt", "bee")
    a = write(tmp_path / "a.txt", "ay")
    assert [x.id for x in read_ok([b, a], config)] == ["b", "a"]


def test_same_file_name_in_two_folders_gets_distinct_ids(tmp_path, config):
    first = write(tmp_path / "reuters" / "2024-03-05.txt", "Reuters story.")
    second = write(tmp_path / "afp" / "2024-03-05.txt", "AFP story.")
    arts = read_ok([tmp_path / "reuters", tmp_path / "afp"], config)
    assert [a.text for a in arts] == ["Reuters story.", "AFP story."]
    assert arts[0].id == "2024-03-05"
    assert arts[1].id == "2024-03-05-" + sha16(os.path.abspath(second))[:6]
    assert arts[0].input_path == str(first)
    # deterministic across runs
    assert [a.id for a in read_ok([tmp_path / "reuters", tmp_path / "afp"], config)] == [
        a.id for a in arts]


def test_same_stem_different_endings_get_distinct_ids(tmp_path, config):
    write(tmp_path / "d" / "story.txt", "Plain version.")
    write(tmp_path / "d" / "story.json", json.dumps({"text": "JSON version."}))
    arts = read_ok([tmp_path / "d"], config)
    assert [a.text for a in arts] == ["JSON version.", "Plain version."]
    assert len({a.id for a in arts}) == 2
    assert arts[0].id == "story"


# ----------------------------------------------------------------------------------------
# stdin and unknown endings

def _stdin(monkeypatch, data: bytes) -> None:
    monkeypatch.setattr("sys.stdin", types.SimpleNamespace(buffer=io.BytesIO(data)))


def test_stdin_plain_text_gets_content_hash_id(monkeypatch, config):
    text = "GENEVA (AP) - Talks on a prisoner exchange resumed on Monday.\nBoth sides attended."
    _stdin(monkeypatch, text.encode("utf-8"))
    [art] = read_ok(["-"], config)
    assert art.id == sha16(text)
    assert art.text == text
    assert art.input_path == "-"
    assert HEX16.match(art.raw_hash)


def test_stdin_json_lines(monkeypatch, config):
    _stdin(monkeypatch, b'{"id": "s1", "title": "One", "text": "First."}\n'
                        b'{"text": "Second, without id."}\n'
                        b'{"id": "s3", "body": "Third.", "outlet": "DW"}\n')
    arts = read_ok(["-"], config)
    assert [(a.id, a.text) for a in arts] == [("s1", "First."),
                                              (sha16("Second, without id."), "Second, without id."),
                                              ("s3", "Third.")]
    assert arts[0].title == "One" and arts[2].source == "DW"
    assert {a.input_path for a in arts} == {"-"}


def test_stdin_json_list_and_html(monkeypatch, config):
    _stdin(monkeypatch, b'[{"id": "l1", "text": "From a list."}]')
    assert [(a.id, a.text) for a in read_ok(["-"], config)] == [("l1", "From a list.")]
    _stdin(monkeypatch, news_page(OG_HEAD).encode("utf-8"))
    [art] = read_ok(["-"], config)
    assert_page_article(art)
    assert art.id == sha16(EXPECTED_PAGE_TEXT)


def test_stdin_between_files(tmp_path, monkeypatch, config):
    a = write(tmp_path / "a.txt", "ay")
    b = write(tmp_path / "b.txt", "bee")
    _stdin(monkeypatch, b"from stdin")
    arts = read_ok([a, "-", b], config)
    assert [x.text for x in arts] == ["ay", "from stdin", "bee"]


def test_unknown_ending_with_text_is_read_as_text(tmp_path, config):
    text = "# Briefing\n\nThe ministers met in Vilnius on Tuesday.\n"
    path = write(tmp_path / "briefing.md", text)
    [art] = read_ok([path], config)
    assert (art.id, art.text, art.input_path) == ("briefing", text, str(path))


def test_unknown_ending_with_json_lines_is_sniffed(tmp_path, config):
    path = write(tmp_path / "export.dat", '{"id": "u1", "text": "x"}\n{"id": "u2", "text": "y"}\n')
    arts = read_ok([path], config)
    assert [(a.id, a.text) for a in arts] == [("u1", "x"), ("u2", "y")]


def test_unknown_ending_with_html_is_sniffed(tmp_path, config):
    path = write(tmp_path / "saved-page", news_page(OG_HEAD))
    [art] = read_ok([path], config)
    assert art.id == "saved-page"
    assert_page_article(art)
