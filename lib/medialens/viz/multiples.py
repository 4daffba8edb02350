"""Small multiples and heatmaps: readable alternatives to one chart with many series.

Why: ten series in one line chart over twenty years cannot be read; one small panel per
outlet (same axes) or a period × series heatmap can. Panels share their y axis so heights
compare across panels. Every text is HTML-escaped (see :mod:`medialens.viz.figures`).
Limit: at most ``max_panels`` panels (the largest facets first); the CSV has every row.
"""

from __future__ import annotations

import html
import math
from collections.abc import Sequence

import pandas as pd
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from medialens.viz.figures import _check, _esc, _hover, _layout, escape_labels
from medialens.viz.palette import PALETTE, colour_map


def small_multiples(
    df: pd.DataFrame,
    *,
    x: str,
    y: str,
    facet: str,
    color: str | None = None,
    kind: str = "line",
    title: str = "",
    y_title: str = "",
    hover: Sequence[str] = (),
    columns: int = 3,
    panel_height: int = 200,
    max_panels: int = 12,
    percent: bool = False,
    facet_note: dict[str, str] | None = None,
) -> go.Figure:
    """One panel per ``facet`` value (e.g. outlet), ``y`` over ``x``, one trace per ``color``.

    ``kind`` ``line`` (time series) or ``bar`` (horizontal bars: ``x`` = category on the
    vertical axis). ``facet_note`` adds text to a panel title (e.g. ``n = 3 articles``).
    """
    _check(df, [x, y, facet, color, *hover])
    if kind not in ("line", "bar"):
        raise ValueError(f"kind must be line or bar, got {kind!r}")
    sizes = df.groupby(facet)[y].count().sort_values(ascending=False)
    facets = sorted(sizes.index[:max_panels], key=str)
    columns = max(1, min(columns, len(facets)))
    rows = max(1, math.ceil(len(facets) / columns))
    note = facet_note or {}
    titles = [
        _esc(str(f))
        + (f" <span style='font-size:0.85em'>({_esc(note[f])})</span>" if f in note else "")
        for f in facets
    ]
    fig = make_subplots(
        rows=rows,
        cols=columns,
        subplot_titles=titles,
        shared_yaxes=kind == "line",
        shared_xaxes=kind == "line",
        vertical_spacing=min(0.3, 0.6 / rows) if rows > 1 else 0.1,
        horizontal_spacing=0.06 if kind == "line" else 0.12,
    )
    series = sorted(df[color].dropna().unique(), key=str) if color else [None]
    colours = colour_map(color, [str(s) for s in series]) if color else {}
    data = escape_labels(df)
    raw_keys = [facet] if color is None else [facet, color]
    cells = {
        k if color else (k[0] if isinstance(k, tuple) else k): idx
        for k, idx in df.groupby(raw_keys, sort=False).groups.items()
    }
    traces: list = []
    rows_cols: list[tuple[int, int]] = []
    for i, f in enumerate(facets):
        r, c = divmod(i, columns)
        for s in series:
            idx = cells.get(f if s is None else (f, s))
            if idx is None or len(idx) == 0:
                continue
            sub = data.loc[idx]
            name = html.escape(str(s)) if s is not None else _esc(y)
            common = {
                "name": name,
                "legendgroup": name,
                "showlegend": i == 0 and s is not None,
                **_hover(sub, x=x, y=y, hover=hover, percent=percent, horizontal=kind == "bar"),
            }
            col = colours.get(str(s)) if s is not None else PALETTE[0]
            if kind == "line":
                sub = sub.sort_values(x)
                trace = go.Scatter(
                    x=sub[x], y=sub[y], mode="lines", line={"color": col, "width": 1.6}, **common
                )
            else:
                trace = go.Bar(x=sub[y], y=sub[x], orientation="h", marker={"color": col}, **common)
            traces.append(trace)
            rows_cols.append((r + 1, c + 1))
    if traces:  # one call: adding traces one by one re-validates the figure each time
        fig.add_traces(traces, rows=[rc[0] for rc in rows_cols], cols=[rc[1] for rc in rows_cols])
    if kind == "bar":
        fig.update_layout(barmode="stack")
        fig.update_yaxes(autorange="reversed", type="category", automargin=True)
    if percent:
        fig.update_xaxes(tickformat=".0%") if kind == "bar" else fig.update_yaxes(tickformat=".0%")
    height = 90 + rows * panel_height
    full = _esc(title) + (f"<br><sup>{_esc(y_title)}</sup>" if y_title else "")
    _layout(fig, title="", x_title="", y_title="", height=height)
    fig.update_layout(title={"text": full, "x": 0.01}, meta={"min_width": 280 * columns})
    fig.update_layout(
        legend={"orientation": "h", "y": -0.08 if rows < 3 else -0.03, "x": 0},
        margin={"l": 50, "r": 10, "t": 90, "b": 40},
    )
    return fig


def period_labels(values: Sequence[object]) -> list[str]:
    """Short labels for period starts: ``2025`` (years), ``2025-03`` (months), else the day."""
    days = [pd.Timestamp(v) for v in values]
    if days and all(d.day == 1 and d.month == 1 for d in days):
        return [str(d.year) for d in days]
    if days and all(d.day == 1 for d in days):
        return [d.strftime("%Y-%m") for d in days]
    return [str(v)[:10] for v in values]


def time_heatmap(
    df: pd.DataFrame,
    *,
    x: str,
    y: str,
    z: str,
    title: str = "",
    colorbar_title: str = "",
    hover: Sequence[str] = (),
    percent: bool = False,
    row_height: int = 26,
) -> go.Figure:
    """A period (``x``) × series (``y``) heatmap of ``z``; ``hover`` columns show the n."""
    _check(df, [x, y, z, *hover])
    pivot = df.pivot_table(index=y, columns=x, values=z, aggfunc="sum")
    order = df.groupby(y)[z].sum().sort_values(ascending=False).index
    pivot = pivot.reindex(order)
    custom = None
    if hover:
        stacks = []
        for h in hover:
            p = df.pivot_table(index=y, columns=x, values=h, aggfunc="first").reindex(
                index=pivot.index, columns=pivot.columns
            )
            stacks.append(p.to_numpy())
        import numpy as np

        custom = np.dstack(stacks)
    xs = period_labels(pivot.columns)
    ys = [html.escape(str(v)) for v in pivot.index]
    fmt = ":.1%" if percent else ""
    lines = ["%{y} · %{x}", f"{_esc(z)}: %{{z{fmt}}}"]
    lines += [f"{_esc(h)}: %{{customdata[{i}]}}" for i, h in enumerate(hover)]
    fig = go.Figure(
        go.Heatmap(
            z=pivot.to_numpy(),
            x=xs,
            y=ys,
            customdata=custom,
            colorscale="Blues",
            colorbar={
                "title": {"text": _esc(colorbar_title)},
                "tickformat": ".0%" if percent else "",
            },
            hovertemplate="<br>".join(lines) + "<extra></extra>",
            hoverongaps=False,
            xgap=1,
            ygap=1,
        )
    )
    fig.update_yaxes(autorange="reversed", type="category", automargin=True)
    fig.update_xaxes(type="category", tickangle=-45, nticks=24)
    fig.update_layout(meta={"min_width": min(1000, 320 + 14 * len(xs))})
    return _layout(
        fig, title=title, x_title="", y_title="", height=max(260, 140 + row_height * len(ys))
    )


def keyness_panels(
    df: pd.DataFrame, *, title: str = "", columns: int = 3, max_panels: int = 12
) -> go.Figure:
    """Key terms per group as small horizontal bar panels of G² (hover: n, n_rest, p, log ratio)."""
    _check(df, ["term", "group", "g2", "n", "n_rest", "p_value", "log_ratio"])
    per = df.groupby("group")["term"].count()
    height = 60 + 16 * int(per.max()) if len(per) else 200
    return small_multiples(
        df.assign(p=df["p_value"].map(lambda v: f"{v:.2g}")),
        x="term",
        y="g2",
        facet="group",
        kind="bar",
        title=title,
        y_title="G² (only terms significant after correction)",
        hover=["n", "n_rest", "p", "log_ratio"],
        columns=columns,
        panel_height=max(160, height),
        max_panels=max_panels,
    )
