"""Kinds of actor mention and who the speakers are: attention counts that a reader can trust.

Why a module of its own: *Deutschland* was the most-mentioned actor of the sample corpus
because most of its mentions were adjectives (*deutsche*). Attention counts therefore use
only the *direct* references by default — ``name``, ``surname``, ``role``, ``compound`` —
and report adjectival (and resolved pronoun) references as their own measure. A codebook
may switch kinds on or off per actor type (``mention_kinds:``, docs/codebook.md); the
selection's codebook decides: :func:`medialens.analysis.select` installs a temporary
``mentions`` view holding only the attention mentions, so every analysis that counts
``mentions`` counts attention without knowing about kinds; :func:`mention_kinds` reads the
unfiltered table (:func:`all_mentions`).

Limit: a store written before mention kinds existed (no ``kind`` column) counts every
mention, as before; re-run ``medialens process`` to get the kinds.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import duckdb
import pandas as pd

from medialens.analysis.selection import Selection
from medialens.codebook.model import ACTOR_TYPES, DIRECT_KINDS, MENTION_KINDS


@lru_cache(maxsize=8)
def _kinds_for(codebook: str | None, mtime_ns: int) -> dict[str, tuple[str, ...]]:
    book = None
    if codebook:
        from medialens.codebook import CodebookError, load_codebook

        try:
            book = load_codebook(codebook)
        except CodebookError:
            book = None  # the selection reports a malformed codebook itself
    return {t: (book.attention_kinds(t) if book else DIRECT_KINDS) for t in ACTOR_TYPES}


def codebook_attention_kinds(codebook: Path | str | None) -> dict[str, tuple[str, ...]]:
    """Actor type -> the kinds of mention counted as attention (the codebook's switch;
    :data:`DIRECT_KINDS` for every type without a readable codebook)."""
    path = Path(codebook) if codebook and Path(codebook).is_file() else None
    mtime = path.stat().st_mtime_ns if path else 0
    return _kinds_for(str(path) if path else None, mtime)


def attention_kinds(sel: Selection) -> dict[str, tuple[str, ...]]:
    """Actor type -> the kinds of mention counted as attention in this selection."""
    return codebook_attention_kinds(sel.codebook)


def all_mentions(con: duckdb.DuckDBPyConnection) -> str:
    """The SQL name of the unfiltered ``mentions`` view (every kind) of ``con``."""
    return f'"{con.execute("SELECT current_database()").fetchone()[0]}".main.mentions'


def _has_kind(con: duckdb.DuckDBPyConnection) -> bool:
    cols = con.execute(f"SELECT column_name FROM (DESCRIBE {all_mentions(con)})").fetchall()
    return any(c[0] == "kind" for c in cols)


def _attention_sql(con: duckdb.DuckDBPyConnection, codebook: Path | str | None, alias: str) -> str:
    if not _has_kind(con):
        return "TRUE"
    kinds = codebook_attention_kinds(codebook)
    pairs = [f"'{t}:{k}'" for t, ks in kinds.items() for k in ks]
    if not pairs:
        return "FALSE"
    return (
        f"({alias}.kind IS NULL OR ({alias}.type || ':' || {alias}.kind) IN ({', '.join(pairs)}))"
    )


def attention_filter(sel: Selection, alias: str = "m") -> str:
    """SQL condition: the mention row ``alias`` (of the unfiltered table) counts as attention.

    ``TRUE`` for a store without kinds; rows without a kind (older parts) count.
    """
    return _attention_sql(sel.con, sel.codebook, alias)


def install_attention_view(con: duckdb.DuckDBPyConnection, codebook: Path | str | None) -> None:
    """Make ``mentions`` on ``con`` the attention mentions: a temporary view of that name
    shadows the store's view, so every analysis that counts ``mentions`` counts attention
    (direct references by default, the codebook's ``mention_kinds`` otherwise). The
    unfiltered table stays reachable as :func:`all_mentions` (used by :func:`mention_kinds`).
    Called by :func:`medialens.analysis.select` once the article set is built.
    """
    con.execute(
        "CREATE OR REPLACE TEMP VIEW mentions AS SELECT * FROM "
        f"{all_mentions(con)} m WHERE {_attention_sql(con, codebook, 'm')}"
    )


def mention_kinds(sel: Selection) -> pd.DataFrame:
    """Mentions of the ``top_n`` actors (by attention) split by kind of reference.

    Columns actor_id, actor (display name), type, one column per kind (:data:`MENTION_KINDS`), attention (the kinds
    counted for the actor's type), adjectival (``adjective``), all (every mention),
    adjectival_share (adjectival / all). Sorted by attention.
    """
    has_kind = _has_kind(sel.con)
    if not has_kind:
        counts = ", ".join(f"0 AS {k}" for k in MENTION_KINDS)
        kind_sql = "count(*) AS attention, 0 AS adjectival"
    else:
        counts = ", ".join(f"count(*) FILTER (WHERE m.kind = '{k}') AS {k}" for k in MENTION_KINDS)
        kind_sql = (
            f"count(*) FILTER (WHERE {attention_filter(sel)}) AS attention, "
            "count(*) FILTER (WHERE m.kind = 'adjective') AS adjectival"
        )
    return sel.named(
        sel.query(
            f"""
        SELECT m.actor, any_value(m.type) AS type, {counts}, {kind_sql}, count(*) AS "all",
               round(count(*) FILTER (WHERE {"m.kind = 'adjective'" if has_kind else "FALSE"})
                     / count(*), 3) AS adjectival_share
        FROM {all_mentions(sel.con)} m JOIN sel_articles a USING (article_id)
        WHERE m.actor IS NOT NULL AND {sel.actor_filter("m.actor")}
        GROUP BY m.actor ORDER BY attention DESC, "all" DESC, m.actor LIMIT ?
        """,
            [sel.top_n],
        )
    )


def mention_kinds_long(table: pd.DataFrame) -> pd.DataFrame:
    """:func:`mention_kinds` as long rows (actor, kind, mentions) for a stacked bar chart;
    kinds without mentions are left out."""
    if table.empty:
        return pd.DataFrame(columns=["actor", "kind", "mentions"])
    long = table.melt(
        id_vars=["actor"], value_vars=list(MENTION_KINDS), var_name="kind", value_name="mentions"
    )
    long = long[long["mentions"] > 0]
    order = {a: i for i, a in enumerate(table["actor"])}
    long = long.assign(_o=long["actor"].map(order), _k=long["kind"].map(MENTION_KINDS.index))
    return long.sort_values(["_o", "_k"]).drop(columns=["_o", "_k"]).reset_index(drop=True)


def speaker_coverage(sel: Selection) -> pd.DataFrame:
    """How many quotations have a speaker that resolves to a coded actor or an uncoded entity.

    One row per outcome — ``coded actor`` (``quotes.actor`` set), ``uncoded entity`` (no
    coded actor, but the speaker span overlaps a person/organisation candidate of the
    ``uncoded_actors`` table; for a pronoun speaker resolved to an antecedent, the
    antecedent's span does), ``speaker, no actor``, ``no speaker`` — with columns outcome,
    quotes, share (of all selected quotations), n (all selected quotations); no rows when the
    selection has no quotations. Limit: a store written before the antecedent offsets were
    stored (``speaker_resolved_start``) matches the speaker span only.
    """
    return sel.query(
        f"""
        WITH q AS (
            SELECT q.article_id, q.quote_id, q.actor, q.speaker_start, q.speaker_end,
                   coalesce(q.speaker_resolved_start, q.speaker_start) AS ref_start,
                   coalesce(q.speaker_resolved_end, q.speaker_end) AS ref_end
            FROM quotes q JOIN sel_articles USING (article_id)
            WHERE {sel.actor_filter("q.actor") if sel.actors else "TRUE"}
        ),
        uncoded AS (
            SELECT DISTINCT q.article_id, q.quote_id FROM q JOIN uncoded_actors u
              ON u.article_id = q.article_id AND u.start < q.ref_end
             AND u."end" > q.ref_start
            WHERE q.actor IS NULL AND q.speaker_start IS NOT NULL
        ),
        labelled AS (
            SELECT CASE
                WHEN q.actor IS NOT NULL THEN 'coded actor'
                WHEN u.quote_id IS NOT NULL THEN 'uncoded entity'
                WHEN q.speaker_start IS NOT NULL THEN 'speaker, no actor'
                ELSE 'no speaker' END AS outcome
            FROM q LEFT JOIN uncoded u USING (article_id, quote_id)
        ),
        outcomes AS (
            SELECT unnest(['coded actor', 'uncoded entity', 'speaker, no actor', 'no speaker'])
                   AS outcome, generate_subscripts(['a', 'b', 'c', 'd'], 1) AS pos
        )
        SELECT o.outcome, count(l.outcome) AS quotes,
               round(count(l.outcome) / nullif((SELECT count(*) FROM q), 0), 3) AS share,
               (SELECT count(*) FROM q) AS n
        FROM outcomes o LEFT JOIN labelled l USING (outcome)
        WHERE (SELECT count(*) FROM q) > 0
        GROUP BY o.outcome, o.pos ORDER BY o.pos
        """
    )
