"""CSV/TSV reader: a header row, the delimiter detected from it, one article per row.

Why a module of its own: CSV exports are where malformed input is most varied (runaway
quotation marks that swallow the following rows, TSV text that begins with a quotation
mark, over-long rows); the recovery logic below keeps each such problem to the one row
and names its line.
"""

from __future__ import annotations

import collections
import csv
from collections.abc import Iterator
from pathlib import Path

from medialens.corpus.encoding import FALLBACK_SUFFIX, TextLines
from medialens.corpus.records import (
    REQUIRED,
    RawArticle,
    Reject,
    _canonical,
    _record,
    _sniff,
    mixed_encoding_warning,
    parse_date,
    reject,
)

CSV_DELIMITERS = (",", ";", "\t")
#: Largest CSV field accepted (characters).
CSV_FIELD_LIMIT = 1 << 30


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
