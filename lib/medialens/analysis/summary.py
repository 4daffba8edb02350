"""Key figures: the three or four numbers a report opens with, computed from the data.

Why computed, never written: a summary sentence typed into a notebook goes stale with the
next corpus. Each figure says what it counts and its *n*. Outlets below ``min_articles``
are left out of "largest difference" figures (a one-article outlet always has the most
extreme share). An empty selection gives no figures.
"""

from __future__ import annotations

from typing import Any, NamedTuple

import pandas as pd

from medialens.analysis import outlets as O
from medialens.analysis import queries as Q
from medialens.analysis.selection import Selection


class KeyFigure(NamedTuple):
    label: str
    value: str
    n: str = ""


def _pct(x: float) -> str:
    return f"{100 * x:.0f} %"


def _day(value: object) -> str:
    return "?" if value is None or pd.isna(value) else str(pd.Timestamp(value).date())


def _difference(best: dict[str, object] | None, what: str, sel: Selection) -> KeyFigure | None:
    if not best:
        sizes = O.outlet_sizes(sel)
        if (~sizes["small"]).sum() < 2:
            return KeyFigure(
                f"largest outlet difference ({what})",
                f"not computed: fewer than two outlets with at least {sel.min_articles} articles",
                "n = "
                + ", ".join(
                    f"{o} {a:,}" for o, a in zip(sizes["outlet"], sizes["articles"], strict=True)
                ),
            )
        return None
    return KeyFigure(
        f"largest outlet difference ({what})",
        f"{best['key']}: {best['high']} {_pct(best['high_value'])} vs. "  # type: ignore[arg-type]
        f"{best['low']} {_pct(best['low_value'])}",  # type: ignore[arg-type]
        f"n = {best['high_n']:,} and {best['low_n']:,}",
    )


def corpus_figures(sel: Selection) -> list[KeyFigure]:
    """Articles, outlets, time span, largest outlet and outlets below ``min_articles``."""
    if sel.empty:
        return []
    s = Q.corpus_summary(sel).iloc[0]
    sizes = O.outlet_sizes(sel)
    top = sizes.iloc[0]
    out = [
        KeyFigure(
            "articles",
            f"{int(s['articles']):,} in {int(s['outlets'])} outlet(s)",
            f"{int(s['words']):,} words, {_day(s['first_date'])} – {_day(s['last_date'])}",
        ),
        KeyFigure(
            "largest outlet",
            f"{top['outlet']}: {_pct(top['articles'] / sizes['articles'].sum())} of the articles",
            f"n = {int(top['articles']):,} of {int(sizes['articles'].sum()):,}",
        ),
    ]
    small = sizes[sizes["small"]]
    if len(small):
        out.append(
            KeyFigure(
                f"outlets below {sel.min_articles} articles (not compared)",
                ", ".join(small["outlet"]),
                "n = " + ", ".join(f"{n:,}" for n in small["articles"]),
            )
        )
    return out


def actor_figures(sel: Selection) -> list[KeyFigure]:
    """Most mentioned, most quoted, largest outlet difference in "quoted where mentioned"."""
    if sel.empty:
        return []
    out: list[KeyFigure] = []
    mvq = Q.mentioned_vs_quoted(sel)
    if len(mvq):
        top = mvq.iloc[0]
        out.append(
            KeyFigure(
                "most mentioned",
                str(top["actor"]),
                f"{int(top['mentions']):,} mentions in {int(top['articles']):,} articles",
            )
        )
        quoted = mvq.sort_values(["quotes", "actor_id"], ascending=[False, True]).iloc[0]
        if quoted["quotes"] > 0:
            out.append(
                KeyFigure(
                    "most quoted (of the most mentioned)",
                    str(quoted["actor"]),
                    f"{int(quoted['quotes']):,} of {int(quoted['quotes_total']):,} attributed quotes",
                )
            )
    by_outlet = O.mentioned_vs_quoted_by_outlet(sel)
    fig = _difference(
        O.largest_outlet_difference(
            by_outlet, value="quoted_share", by="actor", count="articles_quoted", nobs="articles"
        ),
        "quoted in articles that mention the actor",
        sel,
    )
    if fig:
        out.append(fig)
    return out


def attribution_figures(sel: Selection) -> list[KeyFigure]:
    """Most quoted actor, share of direct quotes, largest outlet difference in it."""
    if sel.empty:
        return []
    out: list[KeyFigure] = []
    kinds = Q.quote_kinds_by_outlet(sel)
    if len(kinds):
        total = int(kinds["quotes"].sum())
        direct = int(kinds.loc[kinds["kind"] == "direct", "quotes"].sum())
        out.append(
            KeyFigure("direct quotations", _pct(direct / total), f"{direct:,} of {total:,} quotes")
        )
    by_actor = Q.quote_kinds_by_actor(sel)
    if len(by_actor):
        per = by_actor.groupby(["actor_id", "actor"], as_index=False)["quotes"].sum()
        top = per.sort_values(["quotes", "actor_id"], ascending=[False, True]).iloc[0]
        out.append(KeyFigure("most quoted", str(top["actor"]), f"{int(top['quotes']):,} quotes"))
    fig = _difference(
        O.largest_outlet_difference(
            kinds[kinds["kind"] == "direct"], value="share", by="kind", count="quotes", nobs="n"
        ),
        "share of direct quotations",
        sel,
    )
    if fig:
        out.append(fig)
    return out


def framing_figures(sel: Selection) -> list[KeyFigure]:
    """Most frequent frame and the largest outlet difference in a frame's share."""
    if sel.empty:
        return []
    out: list[KeyFigure] = []
    by_outlet = Q.frames_by_outlet(sel)
    if len(by_outlet):
        per = by_outlet.groupby(["frame_id", "frame"], as_index=False)["hits"].sum()
        top = per.sort_values(["hits", "frame_id"], ascending=[False, True]).iloc[0]
        total = int(per["hits"].sum())
        out.append(
            KeyFigure(
                "most frequent frame",
                str(top["frame"]),
                f"{int(top['hits']):,} of {total:,} frame terms ({_pct(top['hits'] / total)})",
            )
        )
        marked = by_outlet.merge(O.outlet_sizes(sel)[["outlet", "small"]], on="outlet")
        fig = _difference(
            O.largest_outlet_difference(marked, value="share", by="frame", count="hits", nobs="n"),
            "share of a frame among frame terms",
            sel,
        )
        if fig:
            out.append(fig)
    return out


def article_figures(data: dict[str, Any] | None) -> list[KeyFigure]:
    """Title, outlet and date of the article view's article and what was found in it."""
    if not data:
        return []
    art = data["article"]
    quotes, mentions, framing = data["quotes"], data["mentions"], data["framing"]
    speakers = quotes["actor"].dropna().nunique() if "actor" in quotes else 0
    return [
        KeyFigure(
            "article",
            str(art.get("title") or art.get("article_id")),
            f"{art.get('outlet')}, {_day(art.get('date'))}",
        ),
        KeyFigure("quotes", f"{len(quotes):,}", f"from {speakers} coded actor(s)"),
        KeyFigure(
            "actor mentions",
            f"{len(mentions):,}",
            f"{mentions['actor'].nunique() if len(mentions) else 0} actor(s)",
        ),
        KeyFigure("frame terms", f"{len(framing):,}", ""),
    ]
