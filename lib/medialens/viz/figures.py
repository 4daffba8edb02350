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

#: one colour per category, colour-blind friendly (Okabe–Ito, then plotly's defaults)
PALETTE: tuple[str, ...] = (
    "#0072B2",
    "#E69F00",
    "#009E73",
    "#D55E00",
    "#CC79A7",
    "#56B4E9",
    "#F0E442",
    "#000000",
    "#636EFA",
    "#EF553B",
    "#00CC96",
    "#AB63FA",
)
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
) -> go.Figure:
    """Bars of ``y`` per ``x`` (one trace per ``color`` value); ``barmode`` group/stack.

    ``horizontal`` puts the categories (``x``) on the vertical axis, which suits long actor
    names. ``percent`` formats the value axis as a percentage (values are shares 0..1).
    """
    _check(df, [x, y, color])
    data = escape_labels(df)
    fig = go.Figure()
    groups = [(None, data)] if color is None else list(data.groupby(color, sort=True))
    for name, part in groups:
        kw = (
            {"x": part[y], "y": part[x], "orientation": "h"}
            if horizontal
            else {"x": part[x], "y": part[y]}
        )
        fig.add_trace(go.Bar(name=str(name) if name is not None else _esc(y), **kw))
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
) -> go.Figure:
    """Lines of ``y`` over ``x`` (usually a period), one line per ``color`` value."""
    _check(df, [x, y, color])
    data = escape_labels(df).sort_values(x)
    fig = go.Figure()
    groups = [(None, data)] if color is None else list(data.groupby(color, sort=True))
    for name, part in groups:
        fig.add_trace(
            go.Scatter(
                x=part[x],
                y=part[y],
                mode="lines+markers",
                name=str(name) if name is not None else _esc(y),
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
