"""Per-outlet views: the comparison media researchers make first.

Why separate tables per outlet: pooled numbers hide that one outlet quotes an actor and
another only mentions them. Every rate here carries its *n* (articles, words or quotes of
the same cell) and every outlet its size; outlets with fewer than ``sel.min_articles``
articles are flagged ``small`` so charts can mark them and rankings skip them (one article
is an anecdote, not an outlet profile). Limit: the actor set is the ``top_n`` most
mentioned (or quoted) actors of the whole selection, so an actor covered by one outlet
only may be missing.
"""

from __future__ import annotations

import pandas as pd

from medialens.analysis.queries import _period, _top_actor_ids
from medialens.analysis.selection import Selection
from medialens.analysis.stats import with_interval


def outlet_sizes(sel: Selection) -> pd.DataFrame:
    """Columns outlet, articles, words, small (fewer than ``min_articles``); largest first."""
    df = sel.query(
        """
        SELECT outlet, count(*) AS articles, sum(n_words)::BIGINT AS words
        FROM sel_articles GROUP BY outlet ORDER BY articles DESC, outlet
        """
    )
    df["small"] = df["articles"] < sel.min_articles
    return df


def small_outlets(sel: Selection) -> list[str]:
    """Outlets of the selection with fewer than ``min_articles`` articles."""
    sizes = outlet_sizes(sel)
    return sizes.loc[sizes["small"], "outlet"].tolist()


def mentioned_vs_quoted_by_outlet(sel: Selection) -> pd.DataFrame:
    """Per actor × outlet: in how many articles mentioned, in how many also quoted.

    Columns outlet, actor_id, actor, articles (of the outlet mentioning the actor),
    articles_quoted (of those, with a quote attributed to the actor), quoted_share =
    articles_quoted / articles with 95 % Wilson ci_low/ci_high, mentions, quotes,
    outlet_articles, small. The ``top_n`` most mentioned actors of the selection.
    """
    top = _top_actor_ids(sel)
    df = sel.query(
        """
        WITH m AS (
            SELECT a.outlet, m.actor, m.article_id, count(*) AS mentions
            FROM mentions m JOIN sel_articles a USING (article_id)
            WHERE list_contains(?, m.actor) GROUP BY ALL
        ),
        q AS (
            SELECT article_id, actor, count(*) AS quotes FROM quotes
            WHERE list_contains(?, actor) GROUP BY ALL
        ),
        sizes AS (SELECT outlet, count(*) AS outlet_articles FROM sel_articles GROUP BY outlet)
        SELECT m.outlet, m.actor, count(*) AS articles,
               count(q.quotes) AS articles_quoted,
               round(count(q.quotes) / count(*), 4) AS quoted_share,
               sum(m.mentions)::BIGINT AS mentions, coalesce(sum(q.quotes), 0)::BIGINT AS quotes,
               any_value(s.outlet_articles) AS outlet_articles
        FROM m LEFT JOIN q USING (article_id, actor) JOIN sizes s USING (outlet)
        GROUP BY ALL ORDER BY m.outlet, articles DESC, m.actor
        """,
        [top, top],
    )
    df["small"] = df["outlet_articles"] < sel.min_articles
    return sel.named(with_interval(df, count="articles_quoted", nobs="articles"))


def attention_by_outlet(sel: Selection) -> pd.DataFrame:
    """Attention to the ``top_n`` actors per outlet and period, normalised two ways.

    Columns period, outlet, actor_id, actor, articles_mentioning, mentions, articles (all
    selected articles of that outlet and period: the *n*), words, per_1000_articles
    (articles mentioning the actor per 1,000 articles), per_10000_words (mentions per
    10,000 words), small (the outlet has fewer than ``min_articles`` articles overall).
    Cells without a mention are present with 0, so small multiples show gaps as zero.
    """
    top = _top_actor_ids(sel)
    df = sel.query(
        f"""
        WITH cells AS (
            SELECT {_period(sel)} AS period, a.outlet, count(*) AS articles,
                   sum(a.n_words)::BIGINT AS words
            FROM sel_articles a WHERE a.date IS NOT NULL GROUP BY ALL
        ),
        counts AS (
            SELECT {_period(sel)} AS period, a.outlet, m.actor,
                   count(DISTINCT m.article_id) AS articles_mentioning, count(*) AS mentions
            FROM mentions m JOIN sel_articles a USING (article_id)
            WHERE a.date IS NOT NULL AND list_contains(?, m.actor) GROUP BY ALL
        ),
        grid AS (
            SELECT c.*, t.actor FROM cells c CROSS JOIN (SELECT unnest(?::VARCHAR[]) AS actor) t
        ),
        sizes AS (SELECT outlet, count(*) AS outlet_articles FROM sel_articles GROUP BY outlet)
        SELECT g.period, g.outlet, g.actor,
               coalesce(k.articles_mentioning, 0) AS articles_mentioning,
               coalesce(k.mentions, 0) AS mentions, g.articles, g.words,
               round(1000.0 * coalesce(k.articles_mentioning, 0) / g.articles, 2) AS per_1000_articles,
               round(10000.0 * coalesce(k.mentions, 0) / nullif(g.words, 0), 3) AS per_10000_words,
               s.outlet_articles < ? AS small
        FROM grid g LEFT JOIN counts k USING (period, outlet, actor) JOIN sizes s USING (outlet)
        ORDER BY g.outlet, g.period, g.actor
        """,
        [top, top, sel.min_articles],
    )
    return sel.named(df)


def stance_by_actor_outlet(sel: Selection) -> pd.DataFrame:
    """Stance of the reporting verbs per actor × outlet, every category.

    Columns outlet, actor_id, actor, cue_category (``none``: no categorised verb), quotes,
    n (the actor's quotes in the outlet), share with 95 % Wilson ci_low/ci_high,
    outlet_articles, small. The ``top_n`` most quoted actors of the selection.
    """
    top = _top_actor_ids(sel, "quotes")
    df = sel.query(
        """
        WITH c AS (
            SELECT a.outlet, q.actor, coalesce(q.cue_category, 'none') AS cue_category,
                   count(*) AS quotes
            FROM quotes q JOIN sel_articles a USING (article_id)
            WHERE list_contains(?, q.actor) GROUP BY ALL
        ),
        sizes AS (SELECT outlet, count(*) AS outlet_articles FROM sel_articles GROUP BY outlet)
        SELECT c.outlet, c.actor, c.cue_category, c.quotes,
               sum(c.quotes) OVER (PARTITION BY c.outlet, c.actor)::BIGINT AS n,
               round(c.quotes / sum(c.quotes) OVER (PARTITION BY c.outlet, c.actor), 4) AS share,
               s.outlet_articles
        FROM c JOIN sizes s USING (outlet)
        ORDER BY c.outlet, c.actor, c.cue_category
        """,
        [top],
    )
    df["small"] = df["outlet_articles"] < sel.min_articles
    return sel.named(with_interval(df, count="quotes", nobs="n"))


def largest_outlet_difference(
    df: pd.DataFrame, *, value: str, by: str, count: str, nobs: str, small: str = "small"
) -> dict[str, object] | None:
    """The ``by`` value whose ``value`` (a share) differs most between two outlets.

    Outlets flagged ``small`` are skipped (excluded from rankings). Returns a dict with
    ``by`` value, outlets ``high``/``low``, their shares and their counts/n, or None when
    fewer than two outlets remain for every ``by`` value.
    """
    data = df[~df[small].astype(bool)] if small in df.columns else df
    best: dict[str, object] | None = None
    for key, part in data.groupby(by, sort=True):
        if part["outlet"].nunique() < 2:
            continue
        hi = part.loc[part[value].idxmax()]
        lo = part.loc[part[value].idxmin()]
        diff = float(hi[value] - lo[value])
        if best is None or diff > best["difference"]:  # type: ignore[operator]
            best = {
                "key": key,
                "difference": diff,
                "high": hi["outlet"],
                "high_value": float(hi[value]),
                "high_count": int(hi[count]),
                "high_n": int(hi[nobs]),
                "low": lo["outlet"],
                "low_value": float(lo[value]),
                "low_count": int(lo[count]),
                "low_n": int(lo[nobs]),
            }
    return best
