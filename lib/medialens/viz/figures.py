"""Plotly figure builders: a DataFrame in, a ``plotly.graph_objects.Figure`` out.

Why builders: every notebook chart gets the same look, the same handling of empty tables and
the same escaping. Text values (actor names, outlets, terms, quotes) are HTML-escaped before
they reach plotly, because plotly.js interprets a subset of HTML tags in labels and hover
text; escaped, they are shown literally (``<b>`` stays visible as text) and nothing from the
corpus can inject markup. Limit: the builders do not aggregate; pass the tables from
:mod:`medialens.analysis` as they are.
"""

from __future__ import annotations

import html
from collections.abc import Sequence

import pandas as pd
import plotly.graph_objects as go

from medialens.viz.palette import PALETTE, colour_map

TEMPLATE = "plotly_white"


def escape_labels(df: pd.DataFrame) -> pd.DataFrame:
    """A copy of ``df`` whose text columns (and text index) are HTML-escaped for plotly."""
    out = df.copy()
    for col in out.columns:
        if out[col].dtype == object or pd.api.types.is_string_dtype(out[col]):
            out[col] = out[col].map(lambda v: html.escape(str(v)) if isinstance(v, str) else v)
    if out.index.dtype == object or pd.api.types.is_string_dtype(out.index):
        out.index = out.index.map(lambda v: html.escape(str(v)) if isinstance(v, str) else v)
    return out


def _esc(text: str | None) -> str:
    return html.escape(text) if text else ""


def _layout(
    fig: go.Figure, *, title: str, x_title: str | None, y_title: str | None, height: int
) -> go.Figure:
    fig.update_layout(
        template=TEMPLATE,
        title={"text": _esc(title), "x": 0.01},
        height=height,
        margin={"l": 60, "r": 20, "t": 60, "b": 50},
        legend={"title": {"text": ""}},
        colorway=list(PALETTE),
    )
    fig.update_xaxes(title_text=_esc(x_title))
    fig.update_yaxes(title_text=_esc(y_title))
    return fig


def _check(df: pd.DataFrame, columns: Sequence[str | None]) -> None:
    missing = [c for c in columns if c is not None and c not in df.columns]
    if missing:
        raise ValueError(f"missing columns {missing}; the table has {list(df.columns)}")


def _ordered(groups, kind: str) -> list:
    """Groups in the palette's fixed order for known kinds (stance, quote kind, voice)."""
    from medialens.viz.palette import _FIXED

    order = list(_FIXED.get(kind, {}))
    items = list(groups)
    if not order:
        return items
    rank = {v: i for i, v in enumerate(order)}
    return sorted(items, key=lambda g: (rank.get(html.unescape(str(g[0])), len(rank)), str(g[0])))


def _hover(
    part: pd.DataFrame,
    *,
    x: str,
    y: str,
    hover: Sequence[str] = (),
    small: str | None = None,
    percent: bool = False,
    horizontal: bool = False,
) -> dict:
    """``customdata``/``hovertemplate`` kwargs: category, value and the ``hover`` columns."""
    cols = list(hover)
    if not cols and small is None:
        return {}
    cat, val = ("y", "x") if horizontal else ("x", "y")
    fmt = ":.1%" if percent else ""
    lines = [f"%{{fullData.name}} · %{{{cat}}}", f"{_esc(y)}: %{{{val}{fmt}}}"]
    lines += [f"{_esc(c)}: %{{customdata[{i}]}}" for i, c in enumerate(cols)]
    if small is not None:
        lines.append("%{hovertext}")
    kw: dict = {"hovertemplate": "<br>".join(lines) + "<extra></extra>"}
    if cols:
        kw["customdata"] = part[cols].astype(object).where(part[cols].notna(), "").to_numpy()
    if small is not None:
        kw["hovertext"] = [
            "below min_articles: shown, not compared" if f else "" for f in part[small].astype(bool)
        ]
    return kw


def bar(
    df: pd.DataFrame,
    *,
    x: str,
    y: str,
    color: str | None = None,
    title: str = "",
    x_title: str | None = None,
    y_title: str | None = None,
    horizontal: bool = False,
    barmode: str = "group",
    percent: bool = False,
    height: int = 420,
    hover: Sequence[str] = (),
    small: str | None = None,
    error: tuple[str, str] | None = None,
) -> go.Figure:
    """Bars of ``y`` per ``x`` (one trace per ``color`` value); ``barmode`` group/stack.

    ``horizontal`` puts the categories (``x``) on the vertical axis, which suits long actor
    names. ``percent`` formats the value axis as a percentage (values are shares 0..1).
    ``hover`` columns (e.g. the *n* behind a share) are shown on hover; rows whose
    ``small`` column is true (a group below ``min_articles``) are drawn pale and hatched;
    ``error`` = (low, high) columns draws an interval (e.g. the 95 % Wilson interval).
    Colours come from :func:`medialens.viz.palette.colour_map` (same value, same colour).
    """
    _check(df, [x, y, color, small, *hover, *(error or ())])
    data = escape_labels(df)
    fig = go.Figure()
    groups = [(None, data)] if color is None else _ordered(data.groupby(color, sort=True), color)
    colours = colour_map(color, [html.unescape(str(n)) for n, _ in groups]) if color else {}
    for name, part in groups:
        kw = (
            {"x": part[y], "y": part[x], "orientation": "h"}
            if horizontal
            else {"x": part[x], "y": part[y]}
        )
        kw |= _hover(
            part, x=x, y=y, hover=hover, small=small, percent=percent, horizontal=horizontal
        )
        marker: dict = {}
        if color is not None:
            marker["color"] = colours.get(html.unescape(str(name)))
        if small is not None:
            flags = part[small].astype(bool).tolist()
            marker["opacity"] = [0.35 if f else 1.0 for f in flags]
            marker["pattern"] = {"shape": ["/" if f else "" for f in flags]}
        if error is not None:
            lo, hi = part[error[0]], part[error[1]]
            bars = {
                "type": "data",
                "symmetric": False,
                "array": (hi - part[y]).clip(lower=0),
                "arrayminus": (part[y] - lo).clip(lower=0),
                "color": "#444",
                "thickness": 1,
            }
            kw["error_x" if horizontal else "error_y"] = bars
        fig.add_trace(
            go.Bar(name=str(name) if name is not None else _esc(y), marker=marker or None, **kw)
        )
    fig.update_layout(barmode=barmode, showlegend=color is not None)
    if horizontal:
        fig.update_yaxes(autorange="reversed", type="category")
        _layout(fig, title=title, x_title=y_title or y, y_title=x_title or "", height=height)
        if percent:
            fig.update_xaxes(tickformat=".0%")
    else:
        _layout(fig, title=title, x_title=x_title or "", y_title=y_title or y, height=height)
        if percent:
            fig.update_yaxes(tickformat=".0%")
    return fig


def lines(
    df: pd.DataFrame,
    *,
    x: str,
    y: str,
    color: str | None = None,
    title: str = "",
    x_title: str | None = None,
    y_title: str | None = None,
    height: int = 420,
    hover: Sequence[str] = (),
) -> go.Figure:
    """Lines of ``y`` over ``x`` (usually a period), one line per ``color`` value.

    For more than a handful of series prefer :func:`medialens.viz.small_multiples` or
    :func:`medialens.viz.time_heatmap` (spaghetti charts hide every single series).
    """
    _check(df, [x, y, color, *hover])
    data = escape_labels(df).sort_values(x)
    fig = go.Figure()
    groups = [(None, data)] if color is None else list(data.groupby(color, sort=True))
    colours = colour_map(color, [html.unescape(str(n)) for n, _ in groups]) if color else {}
    for name, part in groups:
        fig.add_trace(
            go.Scatter(
                x=part[x],
                y=part[y],
                mode="lines+markers",
                name=str(name) if name is not None else _esc(y),
                line={"color": colours.get(html.unescape(str(name)))} if color else None,
                **_hover(part, x=x, y=y, hover=hover),
            )
        )
    fig.update_layout(showlegend=color is not None, hovermode="x unified")
    return _layout(fig, title=title, x_title=x_title or "", y_title=y_title or y, height=height)


def heatmap(
    matrix: pd.DataFrame,
    *,
    title: str = "",
    colorbar_title: str = "",
    height: int = 520,
) -> go.Figure:
    """A labelled heatmap of a square or rectangular matrix (index = rows, columns = columns)."""
    data = escape_labels(matrix)
    columns = [html.escape(str(c)) for c in matrix.columns]
    fig = go.Figure(
        go.Heatmap(
            z=data.to_numpy(),
            x=columns,
            y=list(data.index),
            colorscale="Blues",
            colorbar={"title": {"text": _esc(colorbar_title)}},
            hoverongaps=False,
        )
    )
    fig.update_yaxes(autorange="reversed", type="category")
    fig.update_xaxes(type="category")
    return _layout(fig, title=title, x_title="", y_title="", height=height)


def scatter(
    df: pd.DataFrame,
    *,
    x: str,
    y: str,
    label: str,
    title: str = "",
    x_title: str | None = None,
    y_title: str | None = None,
    diagonal: bool = False,
    height: int = 460,
) -> go.Figure:
    """Labelled points (e.g. actors: mentions vs quotes); ``diagonal`` draws y = x."""
    _check(df, [x, y, label])
    data = escape_labels(df)
    fig = go.Figure(
        go.Scatter(
            x=data[x], y=data[y], text=data[label], mode="markers+text", textposition="top center"
        )
    )
    if diagonal and len(df):
        top = float(max(df[x].max(), df[y].max()))
        fig.add_trace(
            go.Scatter(
                x=[0, top],
                y=[0, top],
                mode="lines",
                line={"dash": "dot", "color": "#999"},
                name="y = x",
            )
        )
    fig.update_layout(showlegend=False)
    return _layout(fig, title=title, x_title=x_title or x, y_title=y_title or y, height=height)
