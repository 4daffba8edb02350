"""Validated report parameters (a :class:`Selection`) and the DuckDB views they filter.

Why one place: every notebook and ``medialens report`` accept the same parameters
(dates, outlets, actors, groups, frames, granularity, top_n). They are checked here against
the values that actually occur in the store, so a typo in an outlet stops the run with a
message listing the valid values instead of rendering an empty report.

Selection semantics (documented in docs/reports.md):

* the *article set* is the articles whose date lies in ``[date_from, date_to]`` and whose
  outlet is in ``outlets`` (all when empty); when ``actors``/``groups`` are given, only
  articles mentioning at least one of those actors; when ``frames`` are given, only articles
  with at least one hit of those frames;
* row tables (mentions, quotes, framing, scare quotes) are then restricted to the selected
  actors / frames as well.

Limit: the store is read as it is when :func:`select` runs; a store committed afterwards is
not seen by an existing :class:`Selection` (build a new one).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import duckdb
import pyarrow.parquet as pq

from medialens.analysis.parameters import (
    GRANULARITIES,
    ParameterError,
    _distinct,
    as_list,
    choose_granularity,
    resolve_date,
    resolve_values,
)
from medialens.schema import TABLES
from medialens.store import snapshot_dir


def _sql_path(path: str) -> str:
    return "'" + path.replace("'", "''") + "'"


#: DuckDB types of the nullable scalar columns a newer schema may add to a table
_SQL_TYPES = {"int64": "BIGINT", "int32": "INTEGER", "string": "VARCHAR", "bool": "BOOLEAN"}


def _missing_columns(part: Path, name: str) -> str:
    """``, NULL AS col`` for each scalar column of the current schema that the store's parts
    lack: a store written before a column was added (``speaker_resolved_start``) reads as if
    the column were empty, instead of failing the query that uses it."""
    have = set(pq.read_schema(part).names)
    out = ""
    for col in TABLES[name]:
        sql = _SQL_TYPES.get(str(col.type))
        if col.name not in have and sql is not None:
            out += f', CAST(NULL AS {sql}) AS "{col.name}"'
    return out


def connect(processed_dir: Path | str | None = None) -> duckdb.DuckDBPyConnection:
    """An in-memory DuckDB connection with one view per store table over its Parquet files.

    Why views: DuckDB scans only the needed columns and row groups of the Parquet parts, so
    notebooks aggregate a 100k-article store without loading it into pandas.
    """
    snap = snapshot_dir(processed_dir)
    con = duckdb.connect(":memory:")
    for name in TABLES:
        files = sorted((snap / name).glob("*.parquet")) if (snap / name).is_dir() else []
        if files:
            glob = str(snap / name / "*.parquet")
            extra = _missing_columns(files[0], name)
            con.execute(
                f"CREATE VIEW {name} AS SELECT *{extra} FROM read_parquet({_sql_path(glob)})"
            )
        else:  # an older store without this table: an empty view with the right columns
            con.register(f"_empty_{name}", TABLES[name].empty_table())
            con.execute(f"CREATE VIEW {name} AS SELECT * FROM _empty_{name}")
    return con


def load_groups(codebook: Path | str | None) -> dict[str, frozenset[str]]:
    """Actor groups declared in a codebook: ``{group: {actor ids}}``.

    A group is any value of an actor's ``groups`` list, its ``party`` and its ``type``
    (``person``, ``party`` …), read with :func:`medialens.codebook.load_codebook`. A missing
    codebook file gives no codebook groups (actor types found in the store still work as
    groups); a malformed one is a :class:`ParameterError` naming file and line.
    """
    if not codebook:
        return {}
    path = Path(codebook)
    if not path.is_file():
        return {}
    from medialens.codebook import CodebookError, load_codebook

    try:
        book = load_codebook(path)
    except CodebookError as exc:
        raise ParameterError(f"codebook: {exc}") from None
    groups: dict[str, set[str]] = {}
    for actor in book.actors:
        for group in (*actor.groups, actor.party, actor.type):
            if group:
                groups.setdefault(str(group), set()).add(actor.id)
    return {g: frozenset(a) for g, a in groups.items()}


@dataclass(frozen=True)
class Names:
    """Display names from the codebook: ids are for files, names for people.

    ``actors``/``frames`` map an id to its name (actor ``name``, frame ``label``);
    ``actor_synonyms``/``frame_synonyms`` map an id to every spelling a user may type.
    """

    actors: Mapping[str, str] = field(default_factory=dict)
    frames: Mapping[str, str] = field(default_factory=dict)
    actor_synonyms: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    frame_synonyms: Mapping[str, tuple[str, ...]] = field(default_factory=dict)

    def actor(self, actor_id: str | None) -> str | None:
        """The actor's display name (the id itself when the codebook does not know it)."""
        return None if actor_id is None else self.actors.get(actor_id, actor_id)

    def frame(self, frame_id: str | None) -> str | None:
        """The frame's label (the id itself when the codebook does not know it)."""
        return None if frame_id is None else self.frames.get(frame_id, frame_id)


def load_names(codebook: Path | str | None) -> Names:
    """Display names and synonyms of actors and frames (empty for a missing codebook)."""
    if not codebook or not Path(codebook).is_file():
        return Names()
    from medialens.codebook import CodebookError, load_codebook

    try:
        book = load_codebook(Path(codebook))
    except CodebookError as exc:
        raise ParameterError(f"codebook: {exc}") from None
    return Names(
        actors={a.id: a.name for a in book.actors},
        frames={f.id: f.label for f in book.frames},
        actor_synonyms={a.id: (a.name, *a.aliases) for a in book.actors},
        frame_synonyms={f.id: (f.label,) for f in book.frames},
    )


def check_codebook(processed_dir: Path, codebook: Path, *, explicit: bool) -> Path:
    """The codebook to report with: one whose content matches the store's, or an error.

    Why: a report stamps its codebook (path and hash) while every actor and frame in it
    comes from the codebook the store was *processed* with; if the two differ the stamp
    would lie. The store's manifest records that codebook's path and hash. When the
    codebook was not given explicitly and the default differs, the store's own codebook
    is used if its file still has the recorded content. Stores without the record
    (written by older versions or tests) are not checked.
    """
    from medialens.store import StoreError, read_manifest

    try:
        annotation = read_manifest(processed_dir).get("annotation") or {}
    except (StoreError, OSError, ValueError):
        return codebook
    recorded_hash = annotation.get("codebook_hash")
    if not recorded_hash:
        return codebook
    from medialens.codebook import CodebookError, codebook_hash

    def content(path: Path) -> str | None:
        try:
            return codebook_hash(path) if path.is_file() else None
        except CodebookError:
            return None

    if content(codebook) == recorded_hash:
        return codebook
    recorded = Path(str(annotation.get("codebook") or ""))
    if not explicit and str(recorded) not in ("", ".") and content(recorded) == recorded_hash:
        return recorded
    raise ParameterError(
        f"codebook mismatch: the store {processed_dir} was processed with the codebook "
        f"{recorded} (sha256 {recorded_hash[:12]}…), but the report would use {codebook} "
        f"(sha256 {(content(codebook) or 'unreadable')[:12]}…). Its actors and frames are the "
        f"store's, so the report would carry a false codebook stamp. Re-process the store with "
        f"this codebook (medialens process --codebook {codebook}) or report with the store's "
        f"codebook (--codebook {recorded})."
    )


@dataclass(frozen=True)
class Selection:
    """Validated parameters plus a DuckDB connection whose ``sel_articles`` holds the article set."""

    con: duckdb.DuckDBPyConnection = field(repr=False, compare=False)
    processed_dir: Path
    date_from: dt.date | None
    date_to: dt.date | None
    outlets: tuple[str, ...]
    actors: tuple[str, ...]  # explicit actors plus the members of the selected groups
    groups: tuple[str, ...]
    frames: tuple[str, ...]
    granularity: str  # resolved: never "auto"
    top_n: int
    codebook: Path | None
    n_articles: int
    min_articles: int = 20
    names: Names = field(default_factory=Names, repr=False, compare=False)
    #: every outlet of the store, sorted: fixes each outlet's colour across reports
    all_outlets: tuple[str, ...] = ()
    #: the granularity as given ("auto" or a unit)
    granularity_given: str = "month"

    @property
    def empty(self) -> bool:
        """True when no article matches: notebooks show a "no data" section instead of charts."""
        return self.n_articles == 0

    def describe(self) -> str:
        """One line for chart captions and "no data" messages."""
        parts = [
            f"{self.date_from or 'start'} – {self.date_to or 'end'}",
            f"outlets: {', '.join(self.outlets) or 'all'}",
        ]
        if self.actors:
            parts.append(f"actors: {', '.join(self.names.actor(a) or a for a in self.actors)}")
        if self.frames:
            parts.append(f"frames: {', '.join(self.names.frame(f) or f for f in self.frames)}")
        return "; ".join(parts)

    def query(self, sql: str, params: Sequence[object] | None = None) -> Any:
        """Run SQL on the selection's connection and return a pandas DataFrame."""
        return self.con.execute(sql, params or []).df()

    def named(self, df: Any) -> Any:
        """``df`` with display names: an ``actor``/``frame``/``actor_a``/``actor_b`` id column
        becomes ``<col>_id`` and ``<col>`` holds the codebook name (ids stay only in ``*_id``).
        """
        out = df.copy()
        columns = list(out.columns)
        for col in ("actor", "actor_a", "actor_b", "frame"):
            if col in columns:
                lookup = self.names.frame if col == "frame" else self.names.actor
                pos = columns.index(col)
                out.insert(pos, f"{col}_id", out[col])
                out[col] = out[f"{col}_id"].map(
                    lambda v, f=lookup: f(v) if isinstance(v, str) else v
                )
                columns = list(out.columns)
        return out

    def actor_filter(self, column: str) -> str:
        """SQL condition restricting ``column`` to the selected actors (``TRUE`` when none)."""
        if self.actors or self.groups:
            return f"{column} IN (SELECT actor FROM sel_actors)"
        return "TRUE"

    def frame_filter(self, column: str) -> str:
        """SQL condition restricting ``column`` to the selected frames (``TRUE`` when none)."""
        return f"{column} IN (SELECT frame FROM sel_frames)" if self.frames else "TRUE"


def valid_values(
    con: duckdb.DuckDBPyConnection, codebook: Path | str | None = None
) -> dict[str, list[str]]:
    """The values each list parameter may take in this store (for messages and docs)."""
    groups = set(load_groups(codebook))
    groups.update(_distinct(con, "SELECT DISTINCT type FROM mentions"))
    return {
        "outlets": sorted(_distinct(con, "SELECT DISTINCT outlet FROM articles")),
        "actors": sorted(
            set(_distinct(con, "SELECT DISTINCT actor FROM mentions"))
            | set(_distinct(con, "SELECT DISTINCT actor FROM quotes"))
        ),
        "groups": sorted(groups),
        "frames": sorted(
            set(_distinct(con, "SELECT DISTINCT frame FROM framing"))
            | set(_distinct(con, "SELECT DISTINCT frame FROM scare_quotes"))
        ),
    }


def select(
    *,
    processed_dir: Path | str | None = None,
    date_from: object = None,
    date_to: object = None,
    outlets: object = (),
    actors: object = (),
    groups: object = (),
    frames: object = (),
    granularity: object = "auto",
    top_n: object = 10,
    codebook: Path | str | None = None,
    min_articles: object = 20,
    today: dt.date | None = None,
) -> Selection:
    """Validate the common report parameters against the store and build the article set.

    Outlets are matched case-insensitively; actors by id, codebook name or alias; frames by
    id or label (see :func:`resolve_values`). Raises :class:`ParameterError` for a wrong
    type, an unknown outlet/actor/group/frame (with "did you mean" and the valid values),
    ``date_from`` after ``date_to``, an unknown granularity, a non-positive ``top_n`` or
    a negative ``min_articles``, and for a codebook other than the one the store was
    processed with (:func:`check_codebook`). ``processed_dir``/``codebook`` default to
    :func:`medialens.config.get_settings`. ``granularity="auto"`` picks the unit from the
    selected articles' date span (:func:`choose_granularity`).
    """
    import os

    from medialens.config import ENV_CODEBOOK, get_settings

    settings = get_settings()
    processed = Path(processed_dir) if processed_dir else settings.processed_dir
    codebook_path = Path(codebook) if codebook else settings.codebook
    explicit = bool(codebook) or bool(os.environ.get(ENV_CODEBOOK))
    d_from = resolve_date(date_from, name="date_from", today=today)
    d_to = resolve_date(date_to, name="date_to", today=today)
    if d_from and d_to and d_from > d_to:
        raise ParameterError(f"date_from ({d_from}) is after date_to ({d_to})")
    if not isinstance(granularity, str) or granularity not in GRANULARITIES:
        raise ParameterError(
            f"granularity={granularity!r} is not valid; valid values: {', '.join(GRANULARITIES)}"
        )
    if isinstance(top_n, bool) or not isinstance(top_n, int) or top_n < 1:
        raise ParameterError(f"top_n must be a positive integer, got {top_n!r}")
    if isinstance(min_articles, bool) or not isinstance(min_articles, int) or min_articles < 0:
        raise ParameterError(f"min_articles must be an integer >= 0, got {min_articles!r}")
    outlet_list = as_list(outlets, name="outlets")
    actor_list = as_list(actors, name="actors")
    group_list = as_list(groups, name="groups")
    frame_list = as_list(frames, name="frames")

    con = connect(processed)
    if processed.exists():
        codebook_path = check_codebook(processed, codebook_path, explicit=explicit)
    names = load_names(codebook_path)
    valid = valid_values(con, codebook_path)
    outlet_list = resolve_values("outlet", outlet_list, valid["outlets"])
    actor_list = resolve_values(
        "actor", actor_list, valid["actors"], synonyms=names.actor_synonyms, names=names.actors
    )
    group_list = resolve_values("group", group_list, valid["groups"])
    frame_list = resolve_values(
        "frame", frame_list, valid["frames"], synonyms=names.frame_synonyms, names=names.frames
    )

    members = set(actor_list)
    if group_list:
        codebook_groups = load_groups(codebook_path)
        for group in group_list:
            members.update(codebook_groups.get(group, ()))
        type_groups = [g for g in group_list if g not in codebook_groups]
        if type_groups:
            members.update(
                r[0]
                for r in con.execute(
                    "SELECT DISTINCT actor FROM mentions WHERE list_contains(?, type)",
                    [type_groups],
                ).fetchall()
            )
    all_actors = tuple(sorted(members))
    con.execute(
        "CREATE OR REPLACE TEMP TABLE sel_actors AS SELECT unnest(?::VARCHAR[]) AS actor",
        [list(all_actors)],
    )
    con.execute(
        "CREATE OR REPLACE TEMP TABLE sel_frames AS SELECT unnest(?::VARCHAR[]) AS frame",
        [list(frame_list)],
    )

    where = ["TRUE"]
    args: list[object] = []
    if d_from:
        where.append("date >= ?")
        args.append(d_from)
    if d_to:
        where.append("date <= ?")
        args.append(d_to)
    if outlet_list:
        where.append("list_contains(?, outlet)")
        args.append(list(outlet_list))
    if group_list or actor_list:
        where.append(
            "article_id IN (SELECT article_id FROM mentions WHERE actor IN (SELECT actor FROM sel_actors)"
            " UNION SELECT article_id FROM quotes WHERE actor IN (SELECT actor FROM sel_actors))"
        )
    if frame_list:
        where.append(
            "article_id IN (SELECT article_id FROM framing WHERE frame IN (SELECT frame FROM sel_frames)"
            " UNION SELECT article_id FROM scare_quotes WHERE frame IN (SELECT frame FROM sel_frames))"
        )
    con.execute(
        "CREATE OR REPLACE TEMP TABLE sel_articles AS "
        "SELECT article_id, outlet, date, coalesce(n_words, 0) AS n_words FROM articles "
        f"WHERE {' AND '.join(where)}",
        args,
    )
    from medialens.analysis.kinds import install_attention_view

    install_attention_view(con, codebook_path)  # from here on, `mentions` counts attention
    n_articles, first, last = con.execute(
        "SELECT count(*), min(date), max(date) FROM sel_articles"
    ).fetchone()
    unit = choose_granularity(first, last) if granularity == "auto" else granularity
    return Selection(
        con=con,
        processed_dir=processed,
        date_from=d_from,
        date_to=d_to,
        outlets=outlet_list,
        actors=all_actors,
        groups=group_list,
        frames=frame_list,
        granularity=unit,
        top_n=top_n,
        codebook=codebook_path,
        n_articles=int(n_articles),
        min_articles=min_articles,
        names=names,
        all_outlets=tuple(valid["outlets"]),
        granularity_given=granularity,
    )
