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

import collections
import csv
import datetime as dt
import itertools
import json
import os
import re
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any, NamedTuple

from medialens.corpus.encoding import (
    FALLBACK_SUFFIX,
    DecodeError,
    FileEncoding,
    TextLines,
    decode_bytes,
    sniff_file_encoding,
)

#: Keys of ``key: value`` header lines in text files.
HEADER_KEYS = ("id", "title", "date", "outlet", "url", "author", "section", "credit")
#: Columns read from JSONL/CSV/Parquet; ``text`` is required, ``id`` generated when absent.
COLUMNS = ("id", "title", "date", "outlet", "text", "url", "author", "section", "credit")
REQUIRED = ("text",)
#: Accepted alternative column names (lower-cased) → canonical name.
ALIASES = {"article_id": "id", "body": "text", "headline": "title", "source": "outlet"}
#: File suffix → format name.
FORMATS = {
    ".txt": "txt",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".csv": "csv",
    ".tsv": "csv",
    ".parquet": "parquet",
}
CSV_DELIMITERS = (",", ";", "\t")
#: Largest CSV field accepted (characters).
CSV_FIELD_LIMIT = 1 << 30
#: Lines at the top of a text file that may belong to the header.
MAX_HEADER_LINES = 40
#: Article dates before this are implausible (a typo such as 1025 or a placeholder 0001).
EARLIEST_DATE = dt.date(1800, 1, 1)
#: Days after today still plausible for an article date.
FUTURE_SLACK_DAYS = 1
_LINE_RE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+$")


class RawArticle(NamedTuple):
    """One article as read from the source (body not yet normalised)."""

    source_file: str
    source_line: int | None
    source_format: str
    encoding: str | None
    id: str | None
    title: str | None
    date: dt.date | None
    outlet: str | None
    text: str
    credit: str | None = None
    url: str | None = None
    author: str | None = None
    section: str | None = None
    #: word count given by the source's metadata (press databases), else None (counted)
    words: int | None = None
    #: warnings about this article, reported only if it is kept (not a duplicate)
    warnings: tuple[Reject, ...] = ()


class Reject(NamedTuple):
    """A problem with the input; ``severity`` "error" = not ingested, "warning" = ingested."""

    source_file: str
    source_line: int | None
    severity: str
    reason: str
    message: str


def reject(
    file: str, line: int | None, reason: str, problem: str, *, severity: str = "error"
) -> Reject:
    """A :class:`Reject` whose message reads ``file:line: problem``."""
    where = f"{file}:{line}" if line is not None else file
    return Reject(file, line, severity, reason, f"{where}: {problem}")


# -- dates ---------------------------------------------------------------------------------

_ISO_RE = re.compile(
    r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?(?:Z|[+-]\d{2}:?\d{2})?$"
)
_GERMAN_RE = re.compile(
    r"^(\d{1,2})\.(\d{1,2})\.(\d{4})(?:,?\s+\d{1,2}:\d{2}(?::\d{2})?(?:\s*Uhr)?)?$"
)
_SLASH_RE = re.compile(r"^(\d{4})/(\d{1,2})/(\d{1,2})$")


def parse_date(value: object) -> dt.date | None:
    """Parse an article date; ``None`` for empty values, ``ValueError`` when unparseable.

    Accepted: ``date``/``datetime`` objects, ISO ``2025-09-05``, ISO datetimes
    (``2025-09-05T14:30:00+02:00``, ``2025-09-05 14:30``; the time is dropped, the calendar day
    as written is kept), German ``05.09.2025`` / ``5.9.2025`` (optionally ``, 14:30 Uhr``) and
    ``2025/09/05``. Impossible dates (``2025-13-45``) raise ``ValueError``.
    """
    if value is None:
        return None
    try:
        if value != value:  # NaN, pandas NaT (a datetime subclass!)
            return None
    except (TypeError, ValueError):
        pass
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if hasattr(value, "to_pydatetime"):  # pandas Timestamp (NaT handled below)
        try:
            return value.to_pydatetime().date()  # type: ignore[no-any-return,attr-defined]
        except ValueError:
            return None
    text = str(value).strip()
    if not text:
        return None
    for pattern, order in ((_ISO_RE, "ymd"), (_GERMAN_RE, "dmy"), (_SLASH_RE, "ymd")):
        m = pattern.match(text)
        if m:
            parts = dict(zip(order, (int(g) for g in m.groups()[:3]), strict=True))
            try:
                return dt.date(parts["y"], parts["m"], parts["d"])
            except ValueError as exc:
                raise ValueError(f"impossible date {text!r} ({exc})") from None
    raise ValueError(f"unparseable date {text!r} (expected YYYY-MM-DD or DD.MM.YYYY)")


# -- helpers -------------------------------------------------------------------------------


def outlet_from_path(rel: Path) -> str | None:
    """The first folder under the raw folder (``junge-welt/x.txt`` → ``junge-welt``)."""
    return rel.parts[0] if len(rel.parts) > 1 else None


_SURROGATES_RE = re.compile("[\ud800-\udfff]")


def _clean(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, float) and value != value:
        return None
    text = _SURROGATES_RE.sub("", str(value)).strip()
    return text or None


def _record(
    row: Mapping[str, Any],
    *,
    file: str,
    line: int | None,
    fmt: str,
    encoding: str | None,
    default_outlet: str | None,
    date_line: int | None = None,
) -> RawArticle | Reject:
    """Build a :class:`RawArticle` from a row with canonical keys; reject on bad fields.

    ``date_line`` is the line named in date problems (default ``line``; text files name the
    header line of the date).
    """
    where = line if date_line is None else date_line
    text = row.get("text")
    if text is None or (isinstance(text, float) and text != text):
        return reject(file, line, "no-text", "no article text")
    if not isinstance(text, str):
        return reject(file, line, "bad-field", f"'text' is not a string ({type(text).__name__})")
    try:
        date = parse_date(row.get("date"))
    except ValueError as exc:
        return reject(file, where, "bad-date", str(exc))
    art = RawArticle(
        source_file=file,
        source_line=line,
        source_format=fmt,
        encoding=encoding,
        id=_clean(row.get("id")),
        title=_clean(row.get("title")),
        date=date,
        outlet=_clean(row.get("outlet")) or default_outlet,
        text=text,
        credit=_clean(row.get("credit")),
        url=_clean(row.get("url")),
        author=_clean(row.get("author")),
        section=_clean(row.get("section")),
        words=row.get("_words") if isinstance(row.get("_words"), int) else None,
    )
    if date is None:
        warning = reject(
            file, where, "no-date", "no date: article kept with an empty date", severity="warning"
        )
        art = art._replace(warnings=(warning,))
    elif not plausible_date(date):
        warning = reject(
            file,
            where,
            "implausible-date",
            f"implausible date {date.isoformat()} (before {EARLIEST_DATE.year} or in the "
            "future): article kept, check the source",
            severity="warning",
        )
        art = art._replace(warnings=(warning,))
    return art


def plausible_date(date: dt.date, *, today: dt.date | None = None) -> bool:
    """Whether an article date can be right: not before :data:`EARLIEST_DATE` and at most
    :data:`FUTURE_SLACK_DAYS` after today (time zones; an embargoed article dated tomorrow)."""
    today = dt.date.today() if today is None else today
    return EARLIEST_DATE <= date <= today + dt.timedelta(days=FUTURE_SLACK_DAYS)


def mixed_encoding_warning(file: str, line: int) -> Reject:
    """The line was not valid UTF-8 in a mostly-UTF-8 file and was decoded as cp1252."""
    return reject(
        file,
        line,
        "mixed-encoding",
        "not valid UTF-8 in an otherwise UTF-8 file: the invalid bytes of this line were "
        "decoded as cp1252 (check its special characters)",
        severity="warning",
    )


def _canonical(key: str) -> str:
    k = str(key).strip().lower().lstrip("\ufeff")
    return ALIASES.get(k, k)


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


def _sniff(path: Path, rel: str) -> FileEncoding | Reject:
    """The encoding of a line-oriented file, or the reject that says why it cannot be read."""
    try:
        return sniff_file_encoding(path)
    except DecodeError as exc:
        return reject(rel, None, exc.reason, str(exc))
    except OSError as exc:
        return reject(rel, None, "unreadable-file", f"cannot read file ({exc.strerror})")


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


# -- CSV -----------------------------------------------------------------------------------


def _json_problem(exc: json.JSONDecodeError) -> str:
    """``exc.msg`` without a dangling "at" (``"Unterminated string starting at"``)."""
    return exc.msg.removesuffix(" at").removesuffix(" starting")


def sniff_delimiter(header_line: str) -> str:
    """The delimiter among ``,`` ``;`` tab that occurs most often in the header line."""
    counts = {d: header_line.count(d) for d in CSV_DELIMITERS}
    best = max(CSV_DELIMITERS, key=lambda d: counts[d])
    return best if counts[best] else ","


class _LineFeed:
    """The lines fed to ``csv.reader``, with their numbers and a push-back.

    Why: a row whose opening quotation mark never closes swallows the following rows into
    one field; to reject only that row, its swallowed lines are pushed back and parsed again.
    """

    def __init__(self, first: str, rest: Iterator[str]) -> None:
        self._pending: collections.deque[str] = collections.deque([first])
        self._rest = rest
        #: number of the last line handed out
        self.n = 0
        #: lines handed out since the last :meth:`take`
        self.taken: list[str] = []

    def __iter__(self) -> _LineFeed:
        return self

    def __next__(self) -> str:
        line = self._pending.popleft() if self._pending else next(self._rest)
        self.n += 1
        self.taken.append(line)
        return line

    def take(self) -> list[str]:
        taken, self.taken = self.taken, []
        return taken

    def push_back(self, lines: list[str]) -> None:
        self._pending.extendleft(reversed(lines))
        self.n -= len(lines)


def _runaway_quote(lines: list[str], header: list[str], delimiter: str) -> bool:
    """Whether a row spanning several lines swallowed rows: one of its later lines is a
    complete row on its own (as many fields as the header, and a date in the ``date``
    column or, without one, an id-like first field).

    Limits: a swallowed row without a readable date (and, without a ``date`` column, without
    a token-like id) is not recognised; a multi-line article text whose line happens to look
    like a row is (falsely) rejected.
    """
    date_col = header.index("date") if "date" in header else None
    for line in lines[1:]:
        try:
            fields = next(csv.reader([line], delimiter=delimiter))
        except (csv.Error, StopIteration):
            continue
        if len(fields) != len(header):
            continue
        if date_col is not None:
            try:
                if parse_date(fields[date_col]) is not None:
                    return True
            except ValueError:
                continue
        elif fields[0] and len(fields[0]) <= 64 and not any(c.isspace() for c in fields[0]):
            return True
    return False


def _verbatim_row(line: str, delimiter: str) -> list[str]:
    """One line split at the delimiter, quotation marks kept (TSV text that begins with one)."""
    return line.rstrip("\r\n").split(delimiter)


def _csv_rows(
    feed: _LineFeed, header: list[str], delimiter: str, tsv: bool
) -> Iterator[tuple[list[str], list[str], bool]]:
    """``(values, lines, runaway)`` per row; ``runaway``: a CSV row whose quote never closed.

    A tab-separated file is parsed strictly: a field that begins with a quotation mark but
    is not a quoted field (``"Wir handeln", sagte sie``) or never closes is read verbatim
    from its line (TSV exporters quote only fields with tabs, line breaks or quotes — and
    then wholly). A comma/semicolon CSV is parsed as Excel does; a row that swallowed the
    following rows (:func:`_runaway_quote`) is reported so its lines are read again.
    """
    while True:
        reader = csv.reader(feed, delimiter=delimiter, strict=tsv)
        try:
            for values in reader:
                lines = feed.take()
                if len(lines) > 1 and _runaway_quote(lines, header, delimiter):
                    feed.push_back(lines[1:])
                    if tsv:
                        yield _verbatim_row(lines[0], delimiter), lines[:1], False
                    else:
                        yield values, lines[:1], True
                    break  # a fresh reader for the pushed-back lines
                yield values, lines, False
            else:
                return
        except csv.Error:
            if not tsv:
                raise
            lines = feed.take()
            if not lines:
                raise
            feed.push_back(lines[1:])
            yield _verbatim_row(lines[0], delimiter), lines[:1], False


def read_csv(path: Path, rel: str, *, default_outlet: str | None) -> Iterator[RawArticle | Reject]:
    """CSV/TSV with a header row; the delimiter is detected from the header line.

    Tab-separated text that begins with a quotation mark is kept verbatim (:func:`_csv_rows`).
    """
    enc = _sniff(path, rel)
    if isinstance(enc, Reject):
        yield enc
        return
    with TextLines(path, enc) as fh:
        first = next(fh, "")
        if not first.strip():
            yield reject(rel, None, "empty-file", "empty file (no header row)")
            return
        delimiter = "\t" if path.suffix.lower() == ".tsv" else sniff_delimiter(first)
        # The csv module refuses fields over 128 KiB by default; long articles are normal.
        csv.field_size_limit(max(csv.field_size_limit(), CSV_FIELD_LIMIT))
        feed = _LineFeed(first, fh)
        try:
            header = [_canonical(h) for h in next(csv.reader(feed, delimiter=delimiter))]
            feed.take()
            for bad in fh.take_fallback():
                yield mixed_encoding_warning(rel, bad)
            missing = [c for c in REQUIRED if c not in header]
            if missing:
                yield reject(
                    rel,
                    1,
                    "missing-column",
                    f"no {', '.join(repr(c) for c in missing)} column (header: {', '.join(header)}; "
                    f"delimiter {delimiter!r})",
                )
                return
            n_rows = 0
            for values, lines, runaway in _csv_rows(feed, header, delimiter, delimiter == "\t"):
                line = feed.n - len(lines) + 1 if not runaway else feed.n
                fallback = fh.take_fallback()
                for bad in fallback:
                    yield mixed_encoding_warning(rel, bad)
                if not any(v.strip() for v in values):
                    continue
                n_rows += 1
                if runaway:
                    yield reject(
                        rel,
                        line,
                        "bad-quote",
                        "opening quotation mark never closed: the field ran into the "
                        "following rows; this row rejected, the next lines read as rows",
                    )
                    continue
                if len(values) > len(header):
                    yield reject(
                        rel,
                        line,
                        "bad-row",
                        f"{len(values)} fields but the header has {len(header)} (delimiter {delimiter!r})",
                    )
                    continue
                row = dict(zip(header, values, strict=False))
                yield (
                    _record(
                        row,
                        file=rel,
                        line=line,
                        fmt="csv",
                        encoding=enc.name + FALLBACK_SUFFIX if fallback else enc.name,
                        default_outlet=default_outlet,
                    )
                )
        except csv.Error as exc:
            yield reject(rel, feed.n, "bad-csv", f"malformed CSV ({exc}); rest of file skipped")
            return
        except UnicodeDecodeError as exc:
            yield reject(
                rel,
                feed.n + 1,
                "bad-encoding",
                f"undecodable bytes ({exc.reason}); rest skipped",
            )
            return
        if n_rows == 0:
            yield reject(rel, None, "empty-file", "no data rows after the header")


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
