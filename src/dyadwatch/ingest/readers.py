"""Readers: turn paths, directories, globs and stdin into raw Article records.

``read_inputs(paths, config)`` yields, in a stable order, either an ``Article`` (raw: the
pipeline's ``clean`` stage has not run yet) or an ``ErrorRecord`` for an input that could
not be read. It never raises for one bad input.

Formats, by file name ending (a ``.gz`` ending is decompressed first):

| ending              | reader                                                          |
|---------------------|-----------------------------------------------------------------|
| .txt .text          | plain text; title, date, outlet and dateline found by ``clean`` |
| .html .htm .xhtml   | main text and metadata through trafilatura                      |
| .json               | one object, or a list of objects                                |
| .jsonl .ndjson      | one object a line                                               |
| .csv                | one row an article, a header row naming the columns             |

Records (JSON, JSONL, CSV) take the fields ``id, url, source, published, title, text``;
common aliases are accepted (see ``FIELD_ALIASES``) and any other field is kept in
``metadata``. A record with an ``html`` field and no text is extracted like an HTML page.
"""

from __future__ import annotations

import csv
import glob
import gzip
import io
import json
import logging
import os
import sys
from pathlib import Path
from typing import Any, BinaryIO, Iterable, Iterator

from ..config import Config
from ..errors import InputError, UnsupportedInput
from ..schema import Article, ErrorRecord
from .dates import parse_date_value
from .html import extract_html
from .textio import decode_bytes, looks_binary, sha1_16

log = logging.getLogger(__name__)

FORMATS = {
    ".txt": "txt", ".text": "txt",
    ".html": "html", ".htm": "html", ".xhtml": "html",
    ".json": "json",
    ".jsonl": "jsonl", ".ndjson": "jsonl",
    ".csv": "csv",
}
FIELD_ALIASES: dict[str, tuple[str, ...]] = {
    "id": ("id", "article_id", "doc_id", "uuid", "guid"),
    "text": ("text", "body", "content", "maintext", "article", "full_text"),
    "title": ("title", "headline"),
    "published": ("published", "date", "published_at", "publish_date", "pubdate",
                  "date_publish", "datetime", "timestamp"),
    "source": ("source", "outlet", "publisher", "sitename", "site_name", "site", "domain"),
    "url": ("url", "link", "uri"),
    "author": ("author", "authors", "byline"),
    "language": ("language", "lang"),
}
_GLOB_CHARS = set("*?[")
Item = Article | ErrorRecord


def detect_format(path: str) -> tuple[str | None, bool]:
    """(format, gzipped) from a file name; format None when the ending is unknown."""
    name = path.lower()
    gz = name.endswith(".gz")
    if gz:
        name = name[:-3]
    return FORMATS.get(os.path.splitext(name)[1]), gz


def file_stem(path: str) -> str:
    name = os.path.basename(path)
    if name.lower().endswith(".gz"):
        name = name[:-3]
    return os.path.splitext(name)[0]


# ----------------------------------------------------------------------------------------
# Paths

def expand_paths(paths: Iterable[str]) -> Iterator[tuple[str, str | None]]:
    """Yield (path, problem) for each input file; '-' stands for stdin.

    Directories are walked recursively in sorted order; hidden files and files whose ending
    we do not read are passed over inside directories (a named file is always tried).
    """
    for raw in paths:
        if raw == "-":
            yield "-", None
            continue
        p = Path(raw).expanduser()
        if p.is_dir():
            found = False
            for root, dirs, files in os.walk(p):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for name in sorted(files):
                    if name.startswith("."):
                        continue
                    full = os.path.join(root, name)
                    if detect_format(full)[0]:
                        found = True
                        yield full, None
                    else:
                        log.debug("passing over %s: not a format dyadwatch reads", full)
            if not found:
                yield str(p), "directory holds no .txt, .html, .json, .jsonl or .csv files"
        elif p.exists():
            yield str(p), None
        elif _GLOB_CHARS & set(raw):
            matches = sorted(glob.glob(str(p), recursive=True))
            if not matches:
                yield raw, "no file matches this pattern"
            for m in matches:
                if os.path.isdir(m):
                    yield from expand_paths([m])
                else:
                    yield m, None
        else:
            yield raw, "no such file or directory"


# ----------------------------------------------------------------------------------------
# Records

_ALL_ALIASES = frozenset(k for keys in FIELD_ALIASES.values() for k in keys)


def _pick(record: dict[str, Any], field: str) -> tuple[str | None, Any]:
    """The first alias of ``field`` with a value; for text, an empty string counts."""
    for key in FIELD_ALIASES[field]:
        value = record.get(key)
        if value is not None and (value != "" or field == "text"):
            return key, value
    return None, None


def _as_text(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, dict):
        value = value.get("name") or value.get("title") or value.get("id")
    if isinstance(value, list):
        value = ", ".join(str(v.get("name", v)) if isinstance(v, dict) else str(v) for v in value)
    return str(value).strip() or None


def article_from_record(record: Any, config: Config, default_id: str | None = None) -> Article:
    """Build a raw Article from one JSON/CSV record; raises InputError if it has no text.

    Error messages do not name the input: the caller's ErrorRecord carries path and line.
    """
    if not isinstance(record, dict):
        raise InputError(f"a record must be a JSON object, got {type(record).__name__}")
    used: set[str] = set()
    values: dict[str, Any] = {}
    for fld in FIELD_ALIASES:
        key, value = _pick(record, fld)
        if key:
            used.add(key)
            values[fld] = value
    text = values.get("text")
    lang = None
    if text is None and isinstance(record.get("html"), str):
        used.add("html")
        page = extract_html(record["html"], None, config["ingest"]["max_bytes"])
        text = page["text"]
        for k in ("title", "published", "source", "author", "url"):
            values.setdefault(k, page[k])
        lang = page["language"]
    if text is None:
        raise InputError("record has no text field (expected one of "
                         f"{', '.join(FIELD_ALIASES['text'])})")
    if not isinstance(text, str):
        raise InputError(f"the text field must be a string, got {type(text).__name__}")
    if not text.strip():
        raise InputError("the article text is empty")
    metadata = {k: v for k, v in record.items()
                if k not in used and not (k in _ALL_ALIASES and v in (None, ""))}
    art = Article(
        id=_as_text(values.get("id")) or default_id or sha1_16(text),
        source=_as_text(values.get("source")),
        url=_as_text(values.get("url")),
        title=_as_text(values.get("title")),
        published=None,
        language=_as_text(values.get("language")) or lang,
        text=text,
        author=_as_text(values.get("author")),
        metadata=metadata,
    )
    if values.get("published") is not None:
        art.published = parse_date_value(values["published"])
        if art.published is None:
            art.warnings.append(f"could not read the date {values['published']!r}")
    return art


def _check_size(art: Article, config: Config) -> Article:
    n = len(art.text.strip())
    if n < config["ingest"]["min_text_chars"]:
        raise InputError("the article text is empty")
    if n > config["ingest"]["max_text_chars"]:
        raise InputError(f"the article text has {n:,} characters, over "
                         f"ingest.max_text_chars ({config['ingest']['max_text_chars']:,}); "
                         "raise it with --set ingest.max_text_chars=N to read it")
    return art


def finish_raw(art: Article, path: str | None) -> Article:
    """Set the provenance fields every raw article carries."""
    art.input_path = path
    key = json.dumps([art.id, art.text, art.title, art.published, art.source, art.url],
                     ensure_ascii=False)
    art.raw_hash = sha1_16(key)
    return art


# ----------------------------------------------------------------------------------------
# Formats

def _read_bytes(path: str, gz: bool, limit: int) -> bytes:
    if path == "-":
        return sys.stdin.buffer.read()
    size = os.path.getsize(path)
    if size == 0:
        raise InputError("file is empty", path)
    if gz:
        with gzip.open(path, "rb") as fh:
            data = fh.read(limit + 1)
    else:
        with open(path, "rb") as fh:
            data = fh.read(limit + 1)
    return data


def _text_of(path: str, gz: bool, limit: int, setting: int | None = None) -> str:
    """The decoded text of a file read up to ``limit`` bytes (``setting``: the configured
    limit to name in the message, when the read allows more)."""
    try:
        data = _read_bytes(path, gz, limit)
    except PermissionError:
        raise InputError("permission denied: the file cannot be read", path) from None
    except (gzip.BadGzipFile, EOFError, OSError) as exc:
        raise InputError(f"cannot read the file: {exc}", path) from None
    if len(data) > limit:
        shown = setting or limit
        raise InputError(f"file is over ingest.max_bytes ({shown / 1e6:g} MB); raise it with "
                         "--set ingest.max_bytes=N to read it", path)
    if not data.strip():
        raise InputError("file is empty", path)
    text, enc = decode_bytes(data, path)
    if enc not in ("utf-8", "utf-8-sig", "ascii"):
        log.info("%s: decoded as %s", path, enc)
    return text


def _read_txt(path: str, gz: bool, config: Config, art_id: str) -> Iterator[Item]:
    text = _text_of(path, gz, config["ingest"]["max_bytes"])
    yield Article(id=art_id, text=text)


def _read_html(path: str, gz: bool, config: Config, art_id: str) -> Iterator[Item]:
    # Read up to 8x the limit: a heavy page may still slim down under it.
    limit = config["ingest"]["max_bytes"]
    html = _text_of(path, gz, limit * 8, setting=limit)
    page = extract_html(html, path, limit)
    art = Article(id=art_id, text=page["text"], title=page["title"], source=page["source"],
                  url=page["url"], author=page["author"], language=page["language"])
    if page["description"]:
        art.metadata["description"] = page["description"]
    if page["published"]:
        art.published = parse_date_value(page["published"])
    yield art


def _read_json(path: str, gz: bool, config: Config, art_id: str) -> Iterator[Item]:
    text = _text_of(path, gz, config["ingest"]["max_bytes"])
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(f"not valid JSON: {exc}", path, exc.lineno) from None
    if isinstance(data, dict) and isinstance(data.get("articles"), list):
        data = data["articles"]
    if isinstance(data, dict):
        yield article_from_record(data, config, default_id=art_id)
        return
    if not isinstance(data, list):
        raise InputError("JSON file must hold an object or a list of objects", path)
    if not data:
        raise InputError("JSON file holds no records (an empty list)", path)
    for i, rec in enumerate(data):
        try:
            yield _check_size(article_from_record(rec, config), config)
        except InputError as exc:  # line: the record's number in the list
            yield ErrorRecord(path=path, reason=str(exc), line=i + 1)


def _open_lines(path: str, gz: bool) -> BinaryIO:
    return gzip.open(path, "rb") if gz else open(path, "rb")  # noqa: SIM115


def _decode_line(raw: bytes, path: str) -> str:
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return decode_bytes(raw, path)[0]


def _json_problem(exc: json.JSONDecodeError) -> str:
    at = "" if exc.msg.endswith(" at") else " at"
    return f"{exc.msg}{at} column {exc.colno}"


def _read_jsonl(path: str, gz: bool, config: Config, art_id: str) -> Iterator[Item]:
    fh = _open_lines(path, gz)
    n_records = 0
    try:
        for lineno, raw in enumerate(fh, 1):
            if not raw.strip():
                continue
            n_records += 1
            try:
                if looks_binary(raw[:4096]):
                    raise InputError("line holds binary data, not JSON")
                try:
                    rec = json.loads(_decode_line(raw, path).rstrip("\r\n"))
                except json.JSONDecodeError as exc:
                    raise InputError(f"not valid JSON ({_json_problem(exc)})") from None
                yield _check_size(article_from_record(rec, config), config)
            except InputError as exc:
                yield ErrorRecord(path=path, reason=str(exc), line=lineno)
    except (gzip.BadGzipFile, EOFError, OSError) as exc:
        yield ErrorRecord(path=path, reason=f"cannot read the file: {exc}")
    finally:
        fh.close()
    if n_records == 0:
        yield ErrorRecord(path=path, reason="file holds no JSON records (it is empty)")


def _read_csv(path: str, gz: bool, config: Config, art_id: str) -> Iterator[Item]:
    csv.field_size_limit(max(config["ingest"]["max_text_chars"] * 4, 131072))
    with _open_lines(path, gz) as fh:
        sample = fh.read(65536)
    if not sample.strip():
        raise InputError("file is empty", path)
    if looks_binary(sample[:8192]):
        raise UnsupportedInput("file is binary, not CSV", path)
    encoding = "utf-8-sig"
    try:
        sample.decode("utf-8")
    except UnicodeDecodeError as exc:
        if exc.start < len(sample) - 4:  # not just a character cut at the sample's end
            encoding = decode_bytes(sample, path)[1]
    raw = _open_lines(path, gz)
    with io.TextIOWrapper(raw, encoding=encoding, errors="replace", newline="") as fh:
        reader = csv.DictReader(fh)
        if not reader.fieldnames:
            raise InputError("CSV file has no header row", path)
        n = 0
        try:
            for rec in reader:
                n += 1
                rec = {k: v for k, v in rec.items() if k is not None}
                try:
                    yield _check_size(article_from_record(rec, config), config)
                except InputError as exc:
                    yield ErrorRecord(path=path, reason=str(exc), line=reader.line_num)
        except csv.Error as exc:
            yield ErrorRecord(path=path, reason=f"malformed CSV: {exc}", line=reader.line_num)
    if n == 0:
        yield ErrorRecord(path=path, reason="CSV file has a header but no rows")


_READERS = {"txt": _read_txt, "html": _read_html, "json": _read_json, "jsonl": _read_jsonl,
            "csv": _read_csv}


def sniff_format(head: bytes) -> str:
    """Guess the format of stdin or of a file with an unknown ending from its first bytes."""
    s = head.lstrip()[:1000].decode("utf-8", errors="ignore").lower()
    if s.startswith("{"):
        first_line = head.lstrip().split(b"\n", 1)[0].strip()
        try:
            json.loads(first_line)
            return "jsonl"
        except ValueError:
            return "json"
    if s.startswith("["):
        return "json"
    if s.startswith("<!doctype html") or s.startswith("<html") or "<body" in s:
        return "html"
    return "txt"


def read_path(path: str, config: Config, art_id: str | None = None) -> Iterator[Item]:
    """Read one file (or '-' for stdin); yields Articles and ErrorRecords, never raises."""
    fmt, gz = detect_format(path) if path != "-" else (None, False)
    art_id = art_id or (file_stem(path) if path != "-" else None)
    try:
        if path == "-":
            data = sys.stdin.buffer.read()
            fmt = sniff_format(data[:4096])
            yield from _read_stdin(data, fmt, config)
            return
        if fmt is None:
            if not os.path.isfile(path):
                raise InputError("not a regular file", path)
            with open(path, "rb") as fh:
                head = fh.read(8192)
            if looks_binary(head):
                raise UnsupportedInput(
                    "file is binary and its ending is not one dyadwatch reads "
                    "(.txt, .html, .json, .jsonl, .csv, optionally .gz)", path)
            fmt = sniff_format(head)
        for item in _READERS[fmt](path, gz, config, art_id):
            if isinstance(item, Article):
                try:
                    item = finish_raw(_check_size(item, config), path)
                except InputError as exc:
                    item = ErrorRecord(path=path, reason=str(exc), article_id=item.id)
            yield item
    except InputError as exc:
        reason = str(exc)
        yield ErrorRecord(path=path, reason=reason, line=exc.line, article_id=None)
    except PermissionError:
        yield ErrorRecord(path=path, reason="permission denied: the file cannot be read")
    except (OSError, gzip.BadGzipFile, EOFError) as exc:
        yield ErrorRecord(path=path, reason=f"cannot read the file: {exc}")


def _read_stdin(data: bytes, fmt: str, config: Config) -> Iterator[Item]:
    """stdin: the same readers over a buffer; a plain text gets a content-hash id."""
    import tempfile

    if not data.strip():
        yield ErrorRecord(path="-", reason="standard input is empty")
        return
    suffix = {"txt": ".txt", "html": ".html", "json": ".json", "jsonl": ".jsonl"}[fmt]
    with tempfile.NamedTemporaryFile(suffix=suffix, delete=False) as tmp:
        tmp.write(data)
    try:
        for item in _READERS[fmt](tmp.name, False, config, "stdin"):
            if isinstance(item, Article):
                if item.id == "stdin":
                    item.id = sha1_16(item.text)
                try:
                    item = finish_raw(_check_size(item, config), "-")
                except InputError as exc:
                    item = ErrorRecord(path="-", reason=str(exc))
            else:
                item.path = "-"
            yield item
    except InputError as exc:
        yield ErrorRecord(path="-", reason=str(exc).replace(tmp.name, "-"))
    finally:
        os.unlink(tmp.name)


def read_inputs(paths: Iterable[str], config: Config) -> Iterator[Item]:
    """Every article (raw) and every input error of ``paths``, in a stable order.

    File ids are the file name without its ending; when two files of one run share a name,
    the later gets a suffix from its path so that neither replaces the other.
    """
    seen_ids: dict[str, str] = {}
    for path, problem in expand_paths(paths):
        if problem:
            yield ErrorRecord(path=path, reason=problem)
            continue
        art_id = None
        if path != "-":
            stem = file_stem(path)
            other = seen_ids.get(stem)
            if other is not None and other != path:
                art_id = f"{stem}-{sha1_16(os.path.abspath(path))[:6]}"
                log.warning("%s and %s share the id %r; the later is stored as %r",
                            other, path, stem, art_id)
            else:
                seen_ids[stem] = path
        yield from read_path(path, config, art_id)
