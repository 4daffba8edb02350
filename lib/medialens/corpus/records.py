"""The plain records every raw-corpus reader yields, and the field checks they share.

Why a module of its own: each format's reader (:mod:`medialens.corpus.readers` for text,
JSONL and Parquet, :mod:`medialens.corpus.csvreader`, :mod:`medialens.corpus.formats` for
press exports) builds the same :class:`RawArticle` or :class:`Reject` with the same date,
field and encoding checks; keeping those here lets the readers import them one way, without
a circle through the dispatcher.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any, NamedTuple

from medialens.corpus.encoding import DecodeError, FileEncoding, sniff_file_encoding

#: Keys of ``key: value`` header lines in text files.
HEADER_KEYS = ("id", "title", "date", "outlet", "url", "author", "section", "credit")
#: Columns read from JSONL/CSV/Parquet; ``text`` is required, ``id`` generated when absent.
COLUMNS = ("id", "title", "date", "outlet", "text", "url", "author", "section", "credit")
REQUIRED = ("text",)
#: Accepted alternative column names (lower-cased) → canonical name.
ALIASES = {"article_id": "id", "body": "text", "headline": "title", "source": "outlet"}
#: Article dates before this are implausible (a typo such as 1025 or a placeholder 0001).
EARLIEST_DATE = dt.date(1800, 1, 1)
#: Days after today still plausible for an article date.
FUTURE_SLACK_DAYS = 1


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


def _sniff(path: Path, rel: str) -> FileEncoding | Reject:
    """The encoding of a line-oriented file, or the reject that says why it cannot be read."""
    try:
        return sniff_file_encoding(path)
    except DecodeError as exc:
        return reject(rel, None, exc.reason, str(exc))
    except OSError as exc:
        return reject(rel, None, "unreadable-file", f"cannot read file ({exc.strerror})")
