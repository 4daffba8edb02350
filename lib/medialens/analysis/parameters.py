"""Report parameters checked against the store: dates (absolute or relative), value lists,
stance categories, article ids and the time unit, each with a :class:`ParameterError` that
lists the valid values.

Why a module of its own: :mod:`.selection` builds a :class:`.selection.Selection` from these
checks; they need only a DuckDB connection, not a selection. Moved verbatim out of
:mod:`.selection`, which re-exports every name for the tools that import them from there.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from collections.abc import Iterable, Mapping, Sequence

import duckdb

GRANULARITIES: tuple[str, ...] = ("auto", "day", "week", "month", "quarter", "year")
#: ``granularity="auto"``: the finest unit whose number of periods stays readable,
#: chosen from the selection's date span in days (span <= limit -> unit)
AUTO_GRANULARITY: tuple[tuple[int, str], ...] = (
    (62, "day"),
    (366, "week"),
    (5 * 366, "month"),
    (15 * 366, "quarter"),
)
_RELATIVE = re.compile(r"^\s*([+-]?\d+)\s*([dwmy])\s*$")
_ISO = re.compile(r"^\d{4}-\d{2}-\d{2}$")


class ParameterError(ValueError):
    """A report parameter is invalid; the message names the parameter and valid values.

    In JupyterLab the error shows as one line (``ParameterError: …``), not a traceback:
    the message says everything, the stack would only hide it.
    """

    def _render_traceback_(self) -> list[str]:  # IPython's hook for custom tracebacks
        return [f"\x1b[0;31mParameterError\x1b[0m: {self}"]


def resolve_date(
    value: object, *, name: str = "date", today: dt.date | None = None
) -> dt.date | None:
    """``YYYY-MM-DD``, a relative ``-7d``/``-2w``/``-3m``/``-1y`` (from ``today``), or empty.

    Why relative dates: scheduled (cron) reports say "the last seven days" without editing
    the command. ``m`` counts 30 days and ``y`` 365 days (calendar arithmetic is not needed
    for report windows). ``None``/``""`` mean "no bound".
    """
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if not isinstance(value, str):
        raise ParameterError(
            f"{name} must be a date string (YYYY-MM-DD or relative like -7d), got {type(value).__name__} {value!r}"
        )
    text = value.strip()
    match = _RELATIVE.match(text)
    if match:
        amount, unit = int(match.group(1)), match.group(2)
        days = amount * {"d": 1, "w": 7, "m": 30, "y": 365}[unit]
        return (today or dt.date.today()) + dt.timedelta(days=days)
    if _ISO.match(text):
        try:
            return dt.date.fromisoformat(text)
        except ValueError as exc:
            raise ParameterError(f"{name}={value!r} is not a valid date: {exc}") from None
    raise ParameterError(
        f"{name}={value!r} is not a date: use YYYY-MM-DD or a relative date like -7d, -4w, -6m"
    )


def as_list(value: object, *, name: str) -> tuple[str, ...]:
    """A list parameter: a list/tuple of strings, a comma-separated string, or empty."""
    if value is None or value == "":
        return ()
    if isinstance(value, str):
        return tuple(v.strip() for v in value.split(",") if v.strip())
    if isinstance(value, list | tuple):
        out = []
        for item in value:
            if not isinstance(item, str):
                raise ParameterError(
                    f"{name} must be a list of strings, got item {item!r} ({type(item).__name__})"
                )
            if item.strip():
                out.append(item.strip())
        return tuple(out)
    raise ParameterError(f"{name} must be a list of strings, got {type(value).__name__} {value!r}")


def _listing(values: Iterable[str], names: Mapping[str, str] | None = None) -> str:
    """Every valid value (never cut: the user needs the whole list), with its display name."""
    names = names or {}
    shown = [f"{v} ({names[v]})" if names.get(v) and names[v] != v else v for v in sorted(values)]
    return ", ".join(shown) if shown else "(none in this store)"


def resolve_values(
    name: str,
    given: Sequence[str],
    valid: Iterable[str],
    *,
    synonyms: Mapping[str, Sequence[str]] | None = None,
    names: Mapping[str, str] | None = None,
) -> tuple[str, ...]:
    """Map user input to valid ids: exact id, then case-insensitive id, name or alias.

    ``synonyms`` maps an id to its other spellings (display name, aliases). An input that
    names several ids (a shared alias) is an error listing them; an unknown one gets the
    closest matches ("did you mean") and the full list of valid values.
    """
    valid = sorted(set(valid))
    lookup: dict[str, set[str]] = {}
    for value in valid:
        lookup.setdefault(value.casefold(), set()).add(value)
    for value, spellings in (synonyms or {}).items():
        if value in valid:
            for spelling in spellings:
                lookup.setdefault(spelling.casefold(), set()).add(value)
    out: list[str] = []
    for item in given:
        if item in valid:
            out.append(item)
            continue
        hits = lookup.get(item.strip().casefold(), set())
        if len(hits) == 1:
            out.append(next(iter(hits)))
            continue
        if hits:
            raise ParameterError(
                f"{name} {item!r} is ambiguous: it names {', '.join(sorted(hits))}; give the id"
            )
        close = difflib.get_close_matches(item.casefold(), list(lookup), n=3, cutoff=0.6)
        suggestions = sorted({v for c in close for v in lookup[c]})
        hint = f" Did you mean {' or '.join(map(repr, suggestions))}?" if suggestions else ""
        raise ParameterError(
            f"unknown {name}: {item!r}.{hint} Valid values: {_listing(valid, names)}"
        )
    return tuple(dict.fromkeys(out))


def resolve_stance_category(con: duckdb.DuckDBPyConnection, value: str) -> str:
    """``stance_category`` checked against the lexicon's categories and the store's.

    Why both: a category of the reporting-verb lexicon (:data:`medialens.codebook.verbs.
    CATEGORIES`) is valid even when no quote of this corpus has it (the notebook then shows
    a "no data" section, not an error); categories of a custom codebook occur in the store.
    An unknown value is a :class:`ParameterError` with "did you mean" and every valid value.
    """
    from medialens.codebook.verbs import CATEGORIES

    present = _distinct(con, "SELECT DISTINCT cue_category FROM quotes")
    if not isinstance(value, str) or not value.strip():
        raise ParameterError(
            f"stance_category must be a category name; valid values: {_listing({*CATEGORIES, *present})}"
        )
    (resolved,) = resolve_values("stance_category", [value], {*CATEGORIES, *present})
    return resolved


def resolve_article_id(con: duckdb.DuckDBPyConnection, value: str) -> str:
    """``article_id`` checked against the store's articles (empty: the notebook chooses).

    The store may hold 100,000 ids, so an unknown one gets "did you mean" (the closest ids)
    and ten examples (the articles with the most quotes) instead of the full list.
    """
    if not isinstance(value, str):
        raise ParameterError(f"article_id must be a string, got {value!r}")
    if (
        not value
        or con.execute("SELECT 1 FROM articles WHERE article_id = ? LIMIT 1", [value]).fetchone()
    ):
        return value
    ids = _distinct(con, "SELECT article_id FROM articles")
    close = difflib.get_close_matches(value, ids, n=3, cutoff=0.6)
    hint = f" Did you mean {' or '.join(map(repr, close))}?" if close else ""
    examples = _distinct(
        con,
        "SELECT a.article_id FROM articles a LEFT JOIN article_counts c USING (article_id) "
        "ORDER BY coalesce(c.n_quotes, 0) DESC, a.article_id LIMIT 10",
    )
    shown = ", ".join(examples) or "(no articles in this store)"
    raise ParameterError(f"unknown article_id: {value!r}.{hint} For example: {shown}")


def choose_granularity(first: dt.date | None, last: dt.date | None) -> str:
    """The time unit for ``granularity="auto"`` from the date span (see AUTO_GRANULARITY)."""
    if first is None or last is None:
        return "month"
    span = (last - first).days
    for limit, unit in AUTO_GRANULARITY:
        if span <= limit:
            return unit
    return "year"


def _distinct(con: duckdb.DuckDBPyConnection, sql: str) -> list[str]:
    return [r[0] for r in con.execute(sql).fetchall() if r[0] is not None]
