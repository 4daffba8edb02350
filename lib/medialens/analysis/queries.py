"""Aggregations over the processed store, computed in DuckDB next to the Parquet files.

Why DuckDB: notebooks must stay under 20 s on a 100k-article store, so every function
aggregates in SQL over the selection's article set (``sel_articles``) and returns only the
rows a chart or table shows. Each function takes a validated
:class:`~medialens.analysis.selection.Selection` and returns a small pandas DataFrame with
documented columns, sorted deterministically. Normalisation "per 1,000 words" divides by the
summed ``articles.n_words`` of the articles in the same cell (outlet / period).
Limit: texts are only read for the rows a KWIC table or the article view shows.
"""

from __future__ import annotations

from typing import Any

import pandas as pd

from medialens.analysis.selection import ParameterError, Selection

QUOTE_KINDS: tuple[str, ...] = ("direct", "indirect", "reported")
VOICES: tuple[str, ...] = ("journalist", "direct", "indirect", "reported", "scare_quote")


def _period(sel: Selection, column: str = "a.date") -> str:
    # granularity is validated against GRANULARITIES, never user text in SQL
    return f"CAST(date_trunc('{sel.granularity}', {column}) AS DATE)"


def _period_label(sel: Selection, column: str = "a.date") -> str:
    """SQL for a readable period label: 2025, 2025-Q1, 2025-03 or the first day (week/day)."""
    start = _period(sel, column)
    if sel.granularity == "year":
        return f"strftime({start}, '%Y')"
    if sel.granularity == "quarter":
        return f"strftime({start}, '%Y') || '-Q' || quarter({start})"
    if sel.granularity == "month":
        return f"strftime({start}, '%Y-%m')"
    return f"strftime({start}, '%Y-%m-%d')"


# -- corpus ------------------------------------------------------------------------------
def corpus_summary(sel: Selection) -> pd.DataFrame:
    """One row: articles, words, outlets, first/last date of the selection; store-wide
    duplicates and rejects (errors/warnings), which are not attributable to the selection."""
    return sel.query(
        """
        SELECT count(*) AS articles, coalesce(sum(n_words), 0)::BIGINT AS words,
               count(DISTINCT outlet) AS outlets, min(date) AS first_date, max(date) AS last_date,
               (SELECT count(*) FROM duplicates) AS duplicates,
               (SELECT count(*) FROM rejects WHERE severity = 'error') AS rejected,
               (SELECT count(*) FROM rejects WHERE severity <> 'error') AS warnings
        FROM sel_articles
        """
    )


def articles_per_outlet(sel: Selection) -> pd.DataFrame:
    """Columns outlet, articles, words, words_per_article; most articles first."""
    return sel.query(
        """
        SELECT outlet, count(*) AS articles, sum(n_words)::BIGINT AS words,
               round(avg(n_words), 1) AS words_per_article
        FROM sel_articles GROUP BY outlet ORDER BY articles DESC, outlet
        """
    )


def articles_over_time(sel: Selection) -> pd.DataFrame:
    """Columns period, outlet, articles, words (one row per non-empty cell)."""
    return sel.query(
        f"""
        SELECT {_period(sel)} AS period, outlet, count(*) AS articles, sum(n_words)::BIGINT AS words
        FROM sel_articles a WHERE a.date IS NOT NULL
        GROUP BY ALL ORDER BY period, outlet
        """
    )


def rejects_summary(sel: Selection) -> pd.DataFrame:
    """Columns severity, reason, files, rows (store-wide: rejects have no outlet/date)."""
    return sel.query(
        """
        SELECT severity, reason, count(DISTINCT source_file) AS files, count(*) AS rows
        FROM rejects GROUP BY ALL ORDER BY rows DESC, severity, reason
        """
    )


def reject_examples(sel: Selection, *, limit: int = 20) -> pd.DataFrame:
    """Columns source_file, source_line, severity, message: the first ``limit`` rejects."""
    return sel.query(
        "SELECT source_file, source_line, severity, message FROM rejects "
        "ORDER BY severity, source_file, source_line LIMIT ?",
        [limit],
    )


def duplicates_summary(sel: Selection) -> pd.DataFrame:
    """Columns reason, duplicates (store-wide)."""
    return sel.query(
        "SELECT reason, count(*) AS duplicates FROM duplicates GROUP BY reason "
        "ORDER BY duplicates DESC, reason"
    )


# -- actors ------------------------------------------------------------------------------
def top_actors(sel: Selection) -> pd.DataFrame:
    """The ``top_n`` most mentioned actors per outlet.

    Columns outlet, actor_id, actor (display name), type, mentions, articles (with at least
    one mention), per_1000_words (mentions per 1,000 words of the outlet's selected
    articles), words and outlet_articles (the *n* behind the rate), small (outlet has fewer
    than ``min_articles`` articles: its rate is shown but not compared), rank.
    """
    df = sel.query(
        f"""
        WITH words AS (
            SELECT outlet, sum(n_words) AS words, count(*) AS outlet_articles
            FROM sel_articles GROUP BY outlet
        ),
        counts AS (
            SELECT a.outlet, m.actor, any_value(m.type) AS type, count(*) AS mentions,
                   count(DISTINCT m.article_id) AS articles
            FROM mentions m JOIN sel_articles a USING (article_id)
            WHERE m.actor IS NOT NULL AND {sel.actor_filter("m.actor")}
            GROUP BY ALL
        ),
        ranked AS (
            SELECT c.*, round(1000.0 * c.mentions / nullif(w.words, 0), 3) AS per_1000_words,
                   w.words::BIGINT AS words, w.outlet_articles,
                   row_number() OVER (PARTITION BY c.outlet ORDER BY c.mentions DESC, c.actor) AS rank
            FROM counts c JOIN words w USING (outlet)
        )
        SELECT outlet, actor, type, mentions, articles, per_1000_words, words, outlet_articles,
               outlet_articles < ? AS small, rank
        FROM ranked WHERE rank <= ? ORDER BY outlet, rank
        """,
        [sel.min_articles, sel.top_n],
    )
    return sel.named(df)


def _top_actor_ids(sel: Selection, table: str = "mentions") -> list[str]:
    rows = sel.con.execute(
        f"""
        SELECT t.actor FROM {table} t JOIN sel_articles a USING (article_id)
        WHERE t.actor IS NOT NULL AND {sel.actor_filter("t.actor")}
        GROUP BY t.actor ORDER BY count(*) DESC, t.actor LIMIT ?
        """,
        [sel.top_n],
    ).fetchall()
    return [r[0] for r in rows]


def mentions_over_time(sel: Selection) -> pd.DataFrame:
    """Mentions of the ``top_n`` actors per period, normalised per 1,000 words.

    Columns period, actor_id, actor, mentions, words (all selected words of that period),
    per_1000_words. Periods without a mention of an actor are present with 0.
    """
    top = _top_actor_ids(sel)
    df = sel.query(
        f"""
        WITH words AS (
            SELECT {_period(sel)} AS period, sum(n_words) AS words
            FROM sel_articles a WHERE a.date IS NOT NULL GROUP BY 1
        ),
        counts AS (
            SELECT {_period(sel)} AS period, m.actor, count(*) AS mentions
            FROM mentions m JOIN sel_articles a USING (article_id)
            WHERE a.date IS NOT NULL AND list_contains(?, m.actor) GROUP BY ALL
        ),
        grid AS (SELECT w.period, w.words, t.actor FROM words w CROSS JOIN (SELECT unnest(?::VARCHAR[]) AS actor) t)
        SELECT g.period, g.actor, coalesce(c.mentions, 0) AS mentions, g.words::BIGINT AS words,
               round(1000.0 * coalesce(c.mentions, 0) / nullif(g.words, 0), 3) AS per_1000_words
        FROM grid g LEFT JOIN counts c USING (period, actor)
        ORDER BY g.period, g.actor
        """,
        [top, top],
    )
    return sel.named(df)


def mentioned_vs_quoted(sel: Selection) -> pd.DataFrame:
    """Per actor (``top_n`` by mentions): how often mentioned, how often given a voice.

    Columns actor_id, actor, mentions, quotes, quoted_per_mention (quotes / mentions; NaN
    without mentions), quote_share (share of the actor's quotes among all ``quotes_total``
    selected quotes), articles (mentioning the actor), articles_quoted (of those, with a
    quote of the actor), quoted_share = articles_quoted / articles with its 95 % Wilson
    interval ci_low/ci_high: a proportion with its *n*, unlike quotes per mention.
    """
    from medialens.analysis.stats import with_interval

    top = _top_actor_ids(sel)
    df = sel.query(
        f"""
        WITH m AS (
            SELECT actor, count(*) AS mentions, count(DISTINCT article_id) AS articles
            FROM mentions JOIN sel_articles USING (article_id)
            WHERE list_contains(?, actor) GROUP BY actor
        ),
        q AS (
            SELECT actor, count(*) AS quotes FROM quotes JOIN sel_articles USING (article_id)
            WHERE actor IS NOT NULL AND {sel.actor_filter("actor")} GROUP BY actor
        ),
        aq AS (
            SELECT m.actor, count(*) AS articles_quoted
            FROM (
                SELECT DISTINCT article_id, actor FROM mentions JOIN sel_articles USING (article_id)
                WHERE list_contains(?, actor)
            ) m
            SEMI JOIN (SELECT article_id, actor FROM quotes WHERE list_contains(?, actor)) q
                USING (article_id, actor)
            GROUP BY m.actor
        ),
        total AS (SELECT sum(quotes) AS n FROM q)
        SELECT m.actor, m.mentions, coalesce(q.quotes, 0) AS quotes,
               round(coalesce(q.quotes, 0) / nullif(m.mentions, 0), 3) AS quoted_per_mention,
               round(coalesce(q.quotes, 0) / nullif((SELECT n FROM total), 0), 3) AS quote_share,
               coalesce((SELECT n FROM total), 0)::BIGINT AS quotes_total,
               m.articles, coalesce(aq.articles_quoted, 0) AS articles_quoted,
               round(coalesce(aq.articles_quoted, 0) / m.articles, 4) AS quoted_share
        FROM m LEFT JOIN q USING (actor) LEFT JOIN aq USING (actor)
        ORDER BY m.mentions DESC, m.actor
        """,
        [top, top, top],
    )
    return sel.named(with_interval(df, count="articles_quoted", nobs="articles"))


def cooccurrence(sel: Selection) -> pd.DataFrame:
    """Articles in which two of the ``top_n`` actors are both mentioned.

    Columns actor_a_id, actor_a, actor_b_id, actor_b (display names), articles; every
    unordered pair once (actor_a_id < actor_b_id), pairs without a shared article omitted.
    """
    top = _top_actor_ids(sel)
    df = sel.query(
        """
        WITH am AS (
            SELECT DISTINCT article_id, actor FROM mentions JOIN sel_articles USING (article_id)
            WHERE list_contains(?, actor)
        )
        SELECT x.actor AS actor_a, y.actor AS actor_b, count(*) AS articles
        FROM am x JOIN am y ON x.article_id = y.article_id AND x.actor < y.actor
        GROUP BY ALL ORDER BY articles DESC, actor_a, actor_b
        """,
        [top],
    )
    return sel.named(df)


def cooccurrence_matrix(pairs: pd.DataFrame) -> pd.DataFrame:
    """Symmetric actor × actor matrix (0 on the diagonal) from :func:`cooccurrence` rows."""
    actors = sorted(set(pairs["actor_a"]) | set(pairs["actor_b"]))
    matrix = pd.DataFrame(0, index=actors, columns=actors, dtype="int64")
    for a, b, n in pairs[["actor_a", "actor_b", "articles"]].itertuples(index=False):
        matrix.loc[a, b] = n
        matrix.loc[b, a] = n
    matrix.index.name = "actor"
    return matrix


# -- attribution -------------------------------------------------------------------------
def _share_by(
    sel: Selection, group: str, value: str, *, top_groups: list[str] | None
) -> pd.DataFrame:
    group_sql = {"actor": "q.actor", "outlet": "a.outlet"}[group]
    value_sql = {"kind": "q.kind", "cue_category": "coalesce(q.cue_category, 'none')"}[value]
    cond = "TRUE" if top_groups is None else f"list_contains(?, {group_sql})"
    params: list[Any] = [] if top_groups is None else [top_groups]
    df = sel.query(
        f"""
        WITH c AS (
            SELECT {group_sql} AS {group}, {value_sql} AS {value}, count(*) AS quotes
            FROM quotes q JOIN sel_articles a USING (article_id)
            WHERE {sel.actor_filter("q.actor")} AND {cond} AND {group_sql} IS NOT NULL
            GROUP BY ALL
        )
        SELECT {group}, {value}, quotes, sum(quotes) OVER (PARTITION BY {group})::BIGINT AS n,
               round(quotes / sum(quotes) OVER (PARTITION BY {group}), 4) AS share
        FROM c ORDER BY {group}, {value}
        """,
        params,
    )
    from medialens.analysis.stats import with_interval

    df = with_interval(df, count="quotes", nobs="n")
    if group == "outlet":
        df = _mark_small(sel, df)
    return sel.named(df)


def _mark_small(sel: Selection, df: pd.DataFrame) -> pd.DataFrame:
    """Add ``outlet_articles`` and ``small`` (fewer than ``min_articles``) per outlet row."""
    sizes = sel.query("SELECT outlet, count(*) AS outlet_articles FROM sel_articles GROUP BY 1")
    out = df.merge(sizes, on="outlet", how="left")
    out["outlet_articles"] = out["outlet_articles"].fillna(0).astype("int64")
    out["small"] = out["outlet_articles"] < sel.min_articles
    return out


def quote_kinds_by_actor(sel: Selection) -> pd.DataFrame:
    """Columns actor_id, actor, kind, quotes, n (the actor's quotes), share, ci_low, ci_high
    (95 % Wilson interval of the share); the ``top_n`` quoted actors."""
    return _share_by(sel, "actor", "kind", top_groups=_top_actor_ids(sel, "quotes"))


def quote_kinds_by_outlet(sel: Selection) -> pd.DataFrame:
    """Columns outlet, kind, quotes, n, share (of the outlet's n quotes), ci_low, ci_high,
    outlet_articles, small (fewer than ``min_articles`` articles)."""
    return _share_by(sel, "outlet", "kind", top_groups=None)


def stance_by_actor(sel: Selection) -> pd.DataFrame:
    """Columns actor_id, actor, cue_category, quotes, n, share, ci_low, ci_high; ``none`` =
    quote without a cue category."""
    return _share_by(sel, "actor", "cue_category", top_groups=_top_actor_ids(sel, "quotes"))


def stance_by_outlet(sel: Selection) -> pd.DataFrame:
    """Columns outlet, cue_category, quotes, n, share, ci_low, ci_high, outlet_articles, small."""
    return _share_by(sel, "outlet", "cue_category", top_groups=None)


def speakers_by_category(sel: Selection, *, category: str = "distancing") -> pd.DataFrame:
    """Which speakers get reporting verbs of ``category`` (e.g. *behauptete*), and where.

    Columns outlet, actor_id, actor, cue_lemma, quotes, n (the actor's quotes in that
    outlet), share_of_actor (quotes / n); the ``top_n`` rows by quotes.
    """
    df = sel.query(
        f"""
        WITH all_q AS (
            SELECT a.outlet, q.actor, q.cue_category, q.cue_lemma
            FROM quotes q JOIN sel_articles a USING (article_id)
            WHERE q.actor IS NOT NULL AND {sel.actor_filter("q.actor")}
        ),
        tot AS (SELECT outlet, actor, count(*) AS n FROM all_q GROUP BY ALL)
        SELECT q.outlet, q.actor, q.cue_lemma, count(*) AS quotes, any_value(t.n) AS n,
               round(count(*) / any_value(t.n), 4) AS share_of_actor
        FROM all_q q JOIN tot t USING (outlet, actor)
        WHERE q.cue_category = ?
        GROUP BY ALL ORDER BY quotes DESC, q.outlet, q.actor, q.cue_lemma LIMIT ?
        """,
        [category, sel.top_n],
    )
    return sel.named(df)


def cue_categories(sel: Selection) -> list[str]:
    """The stance categories that occur in the selection (for validation and menus)."""
    rows = sel.con.execute(
        "SELECT DISTINCT cue_category FROM quotes JOIN sel_articles USING (article_id) "
        "WHERE cue_category IS NOT NULL ORDER BY 1"
    ).fetchall()
    return [r[0] for r in rows]


def quote_kwic(sel: Selection, *, limit: int = 50, width: int = 60) -> pd.DataFrame:
    """Quotes in context (key word in context): newest first, at most ``limit`` rows.

    Columns article_id, outlet, date, speaker, actor, cue, category, kind, left, quote,
    right (``width`` characters of context each side, line breaks as spaces).
    """
    if limit < 1 or width < 0:
        raise ParameterError("limit must be >= 1 and width >= 0")
    return sel.query(
        f"""
        WITH q AS (
            SELECT q.*, a.outlet, a.date FROM quotes q JOIN sel_articles a USING (article_id)
            WHERE {sel.actor_filter("q.actor")}
            ORDER BY a.date DESC NULLS LAST, q.article_id, q.quote_id LIMIT ?
        )
        SELECT q.article_id, q.outlet, q.date, q.speaker_text AS speaker, q.actor,
               q.cue_text AS cue, q.cue_category AS category, q.kind,
               regexp_replace(substring(t.text, greatest(1, q.start + 1 - ?), least(q.start, ?)), '\\s+', ' ', 'g') AS left,
               regexp_replace(substring(t.text, q.start + 1, q."end" - q.start), '\\s+', ' ', 'g') AS quote,
               regexp_replace(substring(t.text, q."end" + 1, ?), '\\s+', ' ', 'g') AS right
        FROM q JOIN (SELECT article_id, text FROM articles WHERE article_id IN (SELECT article_id FROM q)) t
             USING (article_id)
        ORDER BY q.date DESC NULLS LAST, q.article_id, q.quote_id
        """,
        [limit, width, width, width],
    )


# -- framing -----------------------------------------------------------------------------
def frame_shares_over_time(sel: Selection) -> pd.DataFrame:
    """Columns period, frame_id, frame, hits, n (all frame hits of the period), words, share
    (hits / n), per_1000_words (hits per 1,000 of the period's words)."""
    return sel.named(
        sel.query(
            f"""
            WITH words AS (
                SELECT {_period(sel)} AS period, sum(n_words) AS words
                FROM sel_articles a WHERE a.date IS NOT NULL GROUP BY 1
            ),
            c AS (
                SELECT {_period(sel)} AS period, f.frame, count(*) AS hits
                FROM framing f JOIN sel_articles a USING (article_id)
                WHERE a.date IS NOT NULL AND {sel.frame_filter("f.frame")} GROUP BY ALL
            )
            SELECT c.period, c.frame, c.hits,
                   sum(c.hits) OVER (PARTITION BY c.period)::BIGINT AS n, w.words::BIGINT AS words,
                   round(c.hits / sum(c.hits) OVER (PARTITION BY c.period), 4) AS share,
                   round(1000.0 * c.hits / nullif(w.words, 0), 3) AS per_1000_words
            FROM c JOIN words w USING (period) ORDER BY c.period, c.frame
            """
        )
    )


def frames_by_outlet_voice(sel: Selection) -> pd.DataFrame:
    """Columns outlet, frame_id, frame, voice, hits, n (the outlet's frame hits), share."""
    return sel.named(
        sel.query(
            f"""
            WITH c AS (
                SELECT a.outlet, f.frame, coalesce(f.voice, 'unknown') AS voice, count(*) AS hits
                FROM framing f JOIN sel_articles a USING (article_id)
                WHERE {sel.frame_filter("f.frame")} GROUP BY ALL
            )
            SELECT outlet, frame, voice, hits,
                   sum(hits) OVER (PARTITION BY outlet)::BIGINT AS n,
                   round(hits / sum(hits) OVER (PARTITION BY outlet), 4) AS share
            FROM c ORDER BY outlet, frame, voice
            """
        )
    )


def frames_by_outlet(sel: Selection) -> pd.DataFrame:
    """Columns outlet, frame_id, frame, hits, n (the outlet's frame hits), words, share (hits /
    n), per_1000_words."""
    return sel.named(
        sel.query(
            f"""
            WITH words AS (SELECT outlet, sum(n_words) AS words FROM sel_articles GROUP BY outlet),
            c AS (
                SELECT a.outlet, f.frame, count(*) AS hits FROM framing f JOIN sel_articles a USING (article_id)
                WHERE {sel.frame_filter("f.frame")} GROUP BY ALL
            )
            SELECT c.outlet, c.frame, c.hits,
                   sum(c.hits) OVER (PARTITION BY c.outlet)::BIGINT AS n, w.words::BIGINT AS words,
                   round(c.hits / sum(c.hits) OVER (PARTITION BY c.outlet), 4) AS share,
                   round(1000.0 * c.hits / nullif(w.words, 0), 3) AS per_1000_words
            FROM c JOIN words w USING (outlet) ORDER BY c.outlet, c.frame
            """
        )
    )


def frames_by_voice(sel: Selection) -> pd.DataFrame:
    """Columns frame_id, frame, voice, hits, n (the frame's hits), share: who speaks the frame."""
    return sel.named(
        sel.query(
            f"""
            WITH c AS (
                SELECT f.frame, coalesce(f.voice, 'unknown') AS voice, count(*) AS hits
                FROM framing f JOIN sel_articles a USING (article_id)
                WHERE {sel.frame_filter("f.frame")} GROUP BY ALL
            )
            SELECT frame, voice, hits, sum(hits) OVER (PARTITION BY frame)::BIGINT AS n,
                   round(hits / sum(hits) OVER (PARTITION BY frame), 4) AS share
            FROM c ORDER BY frame, voice
            """
        )
    )


def frame_voice_by_actor(sel: Selection) -> pd.DataFrame:
    """Whose quotes carry frame terms. Columns actor_id, actor, frame_id, frame, hits; ``top_n`` actors."""
    return sel.named(
        sel.query(
            f"""
            WITH c AS (
                SELECT f.actor, f.frame, count(*) AS hits FROM framing f JOIN sel_articles USING (article_id)
                WHERE f.actor IS NOT NULL AND {sel.frame_filter("f.frame")} AND {sel.actor_filter("f.actor")}
                GROUP BY ALL
            ),
            top AS (SELECT actor FROM c GROUP BY actor ORDER BY sum(hits) DESC, actor LIMIT ?)
            SELECT actor, frame, hits FROM c WHERE actor IN (SELECT actor FROM top) ORDER BY actor, frame
            """,
            [sel.top_n],
        )
    )


def scare_quote_terms(sel: Selection) -> pd.DataFrame:
    """The ``top_n`` words set in scare quotes. Columns text, frame_id, frame, outlet, n."""
    return sel.named(
        sel.query(
            f"""
            WITH c AS (
                SELECT s.text, s.frame, a.outlet, count(*) AS n FROM scare_quotes s
                JOIN sel_articles a USING (article_id)
                WHERE {sel.frame_filter("s.frame") if sel.frames else "TRUE"} GROUP BY ALL
            ),
            top AS (SELECT text FROM c GROUP BY text ORDER BY sum(n) DESC, text LIMIT ?)
            SELECT text, frame, outlet, n FROM c WHERE text IN (SELECT text FROM top)
            ORDER BY text, outlet
            """,
            [sel.top_n],
        )
    )


KEYNESS_BY: tuple[str, ...] = ("outlet", "period")
KEYNESS_TERMS: tuple[str, ...] = ("frame_terms", "words")


def term_counts(
    sel: Selection, *, by: str = "outlet", terms: str = "frame_terms", min_count: int = 3
) -> pd.DataFrame:
    """Term frequencies per group plus each group's size in words.

    ``terms="frame_terms"`` counts the frame vocabulary found by the framing annotator
    (cheap); ``terms="words"`` counts every lower-cased word of at least three letters (regex ``\\p{L}{3,}``,
    reads all selected texts: slower on large stores). Columns group (outlet, or a period label: 2025, 2025-Q1,
    2025-03 or the first day of a week/day), term, n, group_words.
    """
    if by not in KEYNESS_BY:
        raise ParameterError(
            f"keyness_by={by!r} is not valid; valid values: {', '.join(KEYNESS_BY)}"
        )
    if terms not in KEYNESS_TERMS:
        raise ParameterError(
            f"keyness_terms={terms!r} is not valid; valid values: {', '.join(KEYNESS_TERMS)}"
        )
    group_sql = "a.outlet" if by == "outlet" else _period_label(sel)
    if terms == "frame_terms":
        source = f"""
            SELECT {group_sql} AS grp, lower(coalesce(f.term, f.text)) AS term
            FROM framing f JOIN sel_articles a USING (article_id)
            WHERE {sel.frame_filter("f.frame")} AND a.date IS NOT NULL"""
    else:
        source = f"""
            SELECT grp, term FROM (
                SELECT {group_sql} AS grp,
                       unnest(regexp_extract_all(lower(t.text), '\\p{{L}}{{3,}}')) AS term
                FROM articles t JOIN sel_articles a USING (article_id) WHERE a.date IS NOT NULL)"""
    return sel.query(
        f"""
        WITH sizes AS (
            SELECT {group_sql} AS grp, sum(n_words) AS group_words FROM sel_articles a
            WHERE a.date IS NOT NULL GROUP BY 1
        ),
        c AS (SELECT grp, term, count(*) AS n FROM ({source}) GROUP BY ALL),
        keep AS (SELECT term FROM c GROUP BY term HAVING sum(n) >= ?)
        SELECT c.grp AS "group", c.term, c.n, s.group_words::BIGINT AS group_words
        FROM c JOIN sizes s USING (grp) WHERE c.term IN (SELECT term FROM keep)
        ORDER BY "group", c.term
        """,
        [min_count],
    )


# -- article view ------------------------------------------------------------------------
def article_ids(sel: Selection, *, limit: int = 20) -> list[str]:
    """Ids of the selected articles with the most quotes (for the article-view parameter)."""
    rows = sel.con.execute(
        """
        SELECT a.article_id FROM sel_articles a LEFT JOIN article_counts c USING (article_id)
        ORDER BY coalesce(c.n_quotes, 0) DESC, a.date DESC NULLS LAST, a.article_id LIMIT ?
        """,
        [limit],
    ).fetchall()
    return [r[0] for r in rows]


def load_article(sel: Selection, article_id: str) -> dict[str, Any]:
    """One article with its annotation rows: keys ``article`` (dict) and DataFrames
    ``mentions``, ``quotes``, ``framing``, ``scare_quotes`` (all rows, not filtered by actor).

    Raises :class:`ParameterError` naming some valid ids when ``article_id`` is unknown.
    """
    rows = sel.con.execute(
        "SELECT article_id, outlet, date, title, text, url, author, section, source_file, source_line "
        "FROM articles WHERE article_id = ?",
        [article_id],
    ).df()
    if rows.empty:
        examples = ", ".join(article_ids(sel, limit=10)) or "(no articles in the selection)"
        raise ParameterError(f"unknown article_id {article_id!r}; for example: {examples}")
    out: dict[str, Any] = {"article": rows.iloc[0].to_dict()}
    for table in ("mentions", "quotes", "framing", "scare_quotes"):
        out[table] = sel.con.execute(
            f'SELECT * FROM {table} WHERE article_id = ? ORDER BY start, "end"', [article_id]
        ).df()
    return out
