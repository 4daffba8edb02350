"""Readers for the raw corpus formats: dated text files, JSONL, CSV/TSV and Parquet.

Why one reader per format yielding plain records: each reader only parses; it never
normalises or deduplicates (that is :mod:`medialens.corpus.ingest`), and it never raises on
bad input — every problem becomes a :class:`Reject` naming file, line and reason, and the
reader moves on. Readers stream (line by line, Parquet batch by batch), so a large file is
never held in memory as a whole (text files, being one article each, are).

Dated text format (``*.txt``), see ``docs/ingest.md``::

     date 2025-09-05 Ludovic Marin/ Pool Photo via AP/dpa Der US-Sonderbeauftragte …
    title: Optional title
    outlet: optional outlet (else: first folder under the raw folder)

    First paragraph of the body …

The header is the run of lines at the top that are either ``date <date> [credit/caption]``
(leading whitespace allowed, first header line only) or ``key: value`` with a known key
(:data:`HEADER_KEYS`); it ends at the first blank line or the first other line. A text file
without header is all body (no date: warning).
"""

from __future__ import annotations

import itertools
import json
import os
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any, NamedTuple

from medialens.corpus.csvreader import CSV_DELIMITERS, CSV_FIELD_LIMIT, read_csv, sniff_delimiter
from medialens.corpus.encoding import FALLBACK_SUFFIX, DecodeError, TextLines, decode_bytes
from medialens.corpus.records import (
    ALIASES,
    COLUMNS,
    EARLIEST_DATE,
    FUTURE_SLACK_DAYS,
    HEADER_KEYS,
    REQUIRED,
    RawArticle,
    Reject,
    _canonical,
    _record,
    _sniff,
    mixed_encoding_warning,
    outlet_from_path,
    parse_date,
    plausible_date,
    reject,
)

#: Names other modules and tools import from here (records and the CSV reader live in
#: :mod:`medialens.corpus.records` and :mod:`medialens.corpus.csvreader`).
__all__ = [
    "ALIASES",
    "COLUMNS",
    "CSV_DELIMITERS",
    "CSV_FIELD_LIMIT",
    "EARLIEST_DATE",
    "FORMATS",
    "FUTURE_SLACK_DAYS",
    "HEADER_KEYS",
    "READERS",
    "REQUIRED",
    "RawArticle",
    "Reject",
    "TextHeader",
    "mixed_encoding_warning",
    "outlet_from_path",
    "parse_date",
    "parse_header",
    "plausible_date",
    "read_csv",
    "read_file",
    "read_jsonl",
    "read_parquet",
    "read_text_file",
    "reject",
    "rel_name",
    "sniff_delimiter",
]

#: File suffix → format name.
FORMATS = {
    ".txt": "txt",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".csv": "csv",
    ".tsv": "csv",
    ".parquet": "parquet",
}
#: Lines at the top of a text file that may belong to the header.
MAX_HEADER_LINES = 40
_LINE_RE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+$")


# -- text files ----------------------------------------------------------------------------

_DATE_LINE_RE = re.compile(r"^\s*date:?[ \t]+(\d\S*)(?:[ \t]+(.*\S))?[ \t]*$", re.IGNORECASE)
_KEY_LINE_RE = re.compile(rf"^\s*({'|'.join(HEADER_KEYS)})[ \t]*:[ \t]*(.*?)\s*$", re.IGNORECASE)


class TextHeader(NamedTuple):
    fields: dict[str, str]
    #: 1-based line of each header field (for messages)
    lines: dict[str, int]
    #: number of lines the header (and the blank line after it) occupies
    n_lines: int


def parse_header(lines: list[str]) -> TextHeader:
    """Split the header lines off a text file (see module docstring)."""
    fields: dict[str, str] = {}
    where: dict[str, int] = {}
    n = 0
    for i, line in enumerate(lines):
        if not line.strip():
            if fields:
                n = i + 1  # the blank line ends the header
            break
        m = _KEY_LINE_RE.match(line)
        if m and m.group(1).lower() != "date":
            key, value = m.group(1).lower(), m.group(2)
        else:
            d = _DATE_LINE_RE.match(line)
            if not d:
                break
            key, value = "date", d.group(1)
            if d.group(2):
                fields["credit"] = d.group(2).strip()
                where["credit"] = i + 1
        fields[key] = value
        where[key] = i + 1
        n = i + 1
    return TextHeader(fields, where, n)


def read_text_file(
    path: Path, rel: str, *, default_outlet: str | None
) -> Iterator[RawArticle | Reject]:
    """One article per dated text file."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        yield reject(rel, None, "unreadable-file", f"cannot read file ({exc.strerror})")
        return
    if not data.strip():
        yield reject(rel, None, "empty-file", "empty file")
        return
    try:
        decoded = decode_bytes(data)
    except DecodeError as exc:
        yield reject(rel, None, exc.reason, str(exc))
        return
    for n in decoded.fallback_lines:
        yield mixed_encoding_warning(rel, n)
    text = decoded.text
    # Only the first lines can be header; the body is the exact rest of the decoded text, so
    # normalisation offsets map back into the file (after the header).
    lines = list(itertools.islice(_LINE_RE.finditer(text), MAX_HEADER_LINES))
    header = parse_header([m.group().rstrip("\r\n") for m in lines])
    body = text[lines[header.n_lines - 1].end() :] if header.n_lines else text
    row: dict[str, Any] = dict(header.fields)
    row["text"] = body if body.strip() else None
    result = _record(
        row,
        file=rel,
        line=None,
        fmt="txt",
        encoding=decoded.encoding,
        default_outlet=default_outlet,
        date_line=header.lines.get("date"),
    )
    yield result


# -- JSONL ---------------------------------------------------------------------------------


def read_jsonl(
    path: Path, rel: str, *, default_outlet: str | None
) -> Iterator[RawArticle | Reject]:
    """One JSON object per line; blank lines are skipped."""
    enc = _sniff(path, rel)
    if isinstance(enc, Reject):
        yield enc
        return
    seen_content = False
    with TextLines(path, enc) as fh:
        n = 0
        try:
            for n, line in enumerate(fh, 1):
                fallback = fh.take_fallback()
                for bad in fallback:
                    yield mixed_encoding_warning(rel, bad)
                if not line.strip():
                    continue
                seen_content = True
                if "\x00" in line:
                    yield reject(rel, n, "bad-json", "contains NUL bytes (corrupted line)")
                    continue
                try:
                    obj = json.loads(line)
                except RecursionError:
                    yield reject(rel, n, "bad-json", "invalid JSON (nested too deeply)")
                    continue
                except json.JSONDecodeError as exc:
                    last = not line.endswith(("\n", "\r"))
                    if last:
                        yield reject(
                            rel,
                            n,
                            "truncated-line",
                            f"last line is cut off (no newline, invalid JSON: {_json_problem(exc)})",
                        )
                    else:
                        yield reject(
                            rel,
                            n,
                            "bad-json",
                            f"invalid JSON ({_json_problem(exc)} at column {exc.colno})",
                        )
                    continue
                if not isinstance(obj, dict):
                    yield reject(
                        rel, n, "bad-record", f"not a JSON object but {type(obj).__name__}"
                    )
                    continue
                row = {_canonical(k): v for k, v in obj.items()}
                if "text" not in row:
                    yield reject(rel, n, "missing-column", "no 'text' field")
                    continue
                yield (
                    _record(
                        row,
                        file=rel,
                        line=n,
                        fmt="jsonl",
                        encoding=enc.name + FALLBACK_SUFFIX if fallback else enc.name,
                        default_outlet=default_outlet,
                    )
                )
        except UnicodeDecodeError as exc:
            yield reject(
                rel,
                n + 1,
                "bad-encoding",
                f"undecodable bytes ({exc.reason}); rest of file skipped",
            )
    if not seen_content:
        yield reject(rel, None, "empty-file", "empty file")


def _json_problem(exc: json.JSONDecodeError) -> str:
    """``exc.msg`` without a dangling "at" (``"Unterminated string starting at"``)."""
    return exc.msg.removesuffix(" at").removesuffix(" starting")


# -- Parquet -------------------------------------------------------------------------------


def read_parquet(
    path: Path, rel: str, *, default_outlet: str | None, batch_size: int = 2048
) -> Iterator[RawArticle | Reject]:
    """Parquet with the same columns; ``source_line`` is the 1-based row number."""
    import pyarrow.parquet as pq

    try:
        pf = pq.ParquetFile(path)
    except Exception as exc:  # pyarrow raises several types for non-Parquet data
        yield reject(rel, None, "bad-parquet", f"not a readable Parquet file ({exc})")
        return
    names = {_canonical(n): n for n in pf.schema_arrow.names}
    missing = [c for c in REQUIRED if c not in names]
    if missing:
        yield reject(
            rel,
            None,
            "missing-column",
            f"no {', '.join(repr(c) for c in missing)} column (columns: {', '.join(pf.schema_arrow.names)})",
        )
        return
    wanted = {c: names[c] for c in COLUMNS if c in names}
    if pf.metadata.num_rows == 0:
        yield reject(rel, None, "empty-file", "Parquet file without rows")
        return
    n = 0
    try:
        for batch in pf.iter_batches(batch_size=batch_size, columns=list(wanted.values())):
            cols = {c: batch.column(src).to_pylist() for c, src in wanted.items()}
            for i in range(batch.num_rows):
                n += 1
                row = {c: values[i] for c, values in cols.items()}
                yield (
                    _record(
                        row,
                        file=rel,
                        line=n,
                        fmt="parquet",
                        encoding=None,
                        default_outlet=default_outlet,
                    )
                )
    except Exception as exc:
        yield reject(rel, n + 1, "bad-parquet", f"cannot read rows ({exc}); rest of file skipped")


READERS = {"txt": read_text_file, "jsonl": read_jsonl, "csv": read_csv, "parquet": read_parquet}


def rel_name(path: Path, raw_dir: Path) -> str:
    """The path of ``path`` relative to ``raw_dir`` as stored in ``source_file``.

    Why: a file name that is not valid UTF-8 (a latin-1 name copied from an old archive)
    reaches Python with surrogate escapes, which Parquet and JSON cannot store; its invalid
    bytes are written as ``\\xNN`` escapes instead (``Zeitung-\\xe4.txt``).
    """
    rel = path.relative_to(raw_dir).as_posix()
    try:
        rel.encode("utf-8")
    except UnicodeEncodeError:
        rel = os.fsencode(rel).decode("utf-8", "backslashreplace")
    return rel


def read_file(path: Path, raw_dir: Path) -> Iterator[RawArticle | Reject]:
    """Dispatch on the content and suffix; unknown types yield an ``unsupported-file``
    warning, a folder here is one that could not be listed (``unreadable-folder``)."""
    rel = path.relative_to(raw_dir).as_posix()
    try:
        rel.encode("utf-8")
        rel_path = Path(rel)
    except UnicodeEncodeError:
        rel = rel_name(path, raw_dir)
        rel_path = Path(rel)
        yield reject(
            rel,
            None,
            "bad-file-name",
            "file name is not valid UTF-8; recorded with \\xNN escapes (rename the file to "
            "keep the name readable)",
            severity="warning",
        )
    if path.is_dir():
        yield reject(
            rel,
            None,
            "unreadable-folder",
            "cannot list this folder (permission denied?); the files in it were not read",
        )
        return
    if not path.is_file():
        yield reject(
            rel,
            None,
            "unreadable-file",
            "not a regular file (broken symbolic link, pipe or device); skipped",
        )
        return
    from medialens.corpus import formats

    fmt = formats.sniff_format(path, FORMATS.get(path.suffix.lower()))
    if fmt in formats.READERS:
        yield from formats.READERS[fmt](path, rel, default_outlet=outlet_from_path(rel_path))
        return
    if fmt is None:
        yield reject(
            rel,
            None,
            "unsupported-file",
            f"skipped: unknown file type {path.suffix or '(none)'!r} "
            f"(known: {', '.join(sorted(FORMATS))}, .docx, .rtf, .html)",
            severity="warning",
        )
        return
    yield from READERS[fmt](path, rel, default_outlet=outlet_from_path(rel_path))
