"""Validation scores in the reports: tables, interval charts and the "validated precision" note.

Why here and not in the notebooks: the notebooks stay thin (load → call medialens → show),
and every figure they show comes from a tested function. Only scores that apply to the
current snapshot and codebook are shown (:func:`medialens.validate.storage.current_scores`);
otherwise a report says "not validated". Every text that reaches HTML or plotly is escaped.
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import pandas as pd
import plotly.graph_objects as go

from medialens.validate.columns import WHATS
from medialens.validate.storage import current_scores, load_scores

NOT_VALIDATED = (
    "Not validated: there is no validation score for the current snapshot and codebook. "
    "Sample items with `medialens validate sample`, code them, and run "
    "`medialens validate score` (docs/validation.md)."
)
_LABELS = {
    "quotes": "quotations",
    "mentions": "actor mentions",
    "scare_quotes": "scare quotes",
    "framing": "frame terms",
}


def _whats(whats: Iterable[str] | None) -> list[str]:
    from medialens.analysis.selection import ParameterError

    chosen = list(whats or ()) or list(WHATS)
    unknown = [w for w in chosen if w not in WHATS]
    if unknown:
        raise ParameterError(
            f"unknown what: {', '.join(map(repr, unknown))}; valid values: {', '.join(WHATS)}"
        )
    return chosen


def scores_for(sel: Any, whats: Iterable[str] | None = None) -> dict[str, dict[str, Any]]:
    """The scores that apply to the selection's store (current snapshot and codebook)."""
    return current_scores(sel.processed_dir, sel.codebook, whats=_whats(whats))


def _fmt(value: float | None) -> str:
    return "–" if value is None else f"{value:.2f}"


def precision_note(sel: Any, *whats: str) -> Any:
    """A short HTML note for the charts of ``whats``: validated precision with its interval
    and n per coded column, or "not validated" for this snapshot and codebook."""
    from medialens.viz.display import HTML

    scores = scores_for(sel, whats)
    parts = []
    for what in _whats(whats):
        label = html.escape(_LABELS[what])
        record = scores.get(what)
        if record is None:
            parts.append(
                f"<li><strong>{label}: not validated</strong> for this snapshot and codebook "
                f"(<code>medialens validate sample --what {html.escape(what)}</code>, then "
                "<code>medialens validate score</code>; see docs/validation.md).</li>"
            )
            continue
        cols = []
        for col, e in record["columns"].items():
            if not e.get("n"):
                continue
            text = (
                f"{html.escape(col)} {_fmt(e['precision'])} "
                f"[{_fmt(e['ci_low'])}, {_fmt(e['ci_high'])}], n = {e['n']}"
            )
            if e.get("recall") is not None:
                text += f"; recall {_fmt(e['recall'])}"
            cols.append(text)
        when = html.escape(str(record.get("created", ""))[:10])
        coders = len(record.get("coders") or [])
        parts.append(
            f"<li><strong>{label}: validated precision</strong> "
            f"{'; '.join(cols) or 'no coded items'} "
            f"<span style='color:#666'>(95 % Wilson intervals; {coders} coder(s), scored {when})"
            "</span></li>"
        )
    return HTML(
        '<div class="ml-validation" style="border-left:4px solid #0072B2;padding:0.3em 0.8em;'
        'margin:0.5em 0;background:#f3f8fc"><ul style="margin:0;padding-left:1.2em">'
        + "".join(parts)
        + "</ul></div>"
    )


def _keep_stratum(values: Mapping[str, str], sel: Any) -> bool:
    outlets = getattr(sel, "outlets", ())
    return not outlets or "outlet" not in values or values["outlet"] in outlets


def precision_table(scores: Mapping[str, Mapping[str, Any]], sel: Any) -> pd.DataFrame:
    """One row per kind of item and coded column: precision, Wilson interval, n, coders."""
    cols = ["what", "column", "label", "precision", "ci_low", "ci_high", "n", "weighted", "coders"]
    if getattr(sel, "empty", False):
        return pd.DataFrame(columns=cols)
    rows = [
        {
            "what": what,
            "column": col,
            "label": f"{what} · {col}",
            "precision": e["precision"],
            "ci_low": e["ci_low"],
            "ci_high": e["ci_high"],
            "n": e["n"],
            "weighted": e["weighted"],
            "coders": len(rec.get("coders") or []),
        }
        for what, rec in scores.items()
        for col, e in rec["columns"].items()
    ]
    return pd.DataFrame(rows, columns=cols)


def key_figures(scores: Mapping[str, Mapping[str, Any]], sel: Any) -> list[tuple[str, str, str]]:
    """The report's key figures: validated precision of each coded column with its 95 %
    interval and *n*, or one line saying that nothing is validated for this store yet."""
    df = precision_table(scores, sel)
    df = df[df["n"] > 0]
    if df.empty:
        return [("Validated precision", "not validated for this snapshot and codebook", "")]
    return [
        (
            f"Precision, {row.label}",
            f"{_fmt(row.precision)} (95 % CI {_fmt(row.ci_low)}–{_fmt(row.ci_high)})",
            f"n = {int(row.n)}",
        )
        for row in df.itertuples()
    ]


def strata_table(scores: Mapping[str, Mapping[str, Any]], sel: Any) -> pd.DataFrame:
    """Precision per stratum (selected outlets only) for every kind of item and column."""
    cols = ["what", "column", "stratum", "label", "precision", "ci_low", "ci_high", "n"]
    cols += ["population", "sampled"]
    if getattr(sel, "empty", False):
        return pd.DataFrame(columns=cols)
    rows = []
    for what, rec in scores.items():
        for col, e in rec["columns"].items():
            for s in e["strata"]:
                if not _keep_stratum(s["values"], sel):
                    continue
                rows.append(
                    {
                        "what": what,
                        "column": col,
                        "stratum": s["label"],
                        "label": f"{what} · {s['label']}",
                        **{k: s[k] for k in ("precision", "ci_low", "ci_high", "n")},
                        "population": s["population"],
                        "sampled": s["sampled"],
                    }
                )
    return pd.DataFrame(rows, columns=cols)


def primary_only(df: pd.DataFrame) -> pd.DataFrame:
    """Rows of each kind of item's main coded column (``quote_correct``, ``correct``): the
    per-stratum chart stays readable; the table keeps every column."""
    from medialens.validate.columns import PRIMARY

    if df.empty:
        return df
    return df[[PRIMARY[w] == c for w, c in zip(df["what"], df["column"], strict=True)]]


def recall_table(scores: Mapping[str, Mapping[str, Any]], sel: Any) -> pd.DataFrame:
    """Recall from article sheets per kind of item and column (only where measured)."""
    cols = ["what", "column", "label", "recall", "ci_low", "ci_high", "n", "missed", "articles"]
    if getattr(sel, "empty", False):
        return pd.DataFrame(columns=cols)
    rows = [
        {
            "what": what,
            "column": col,
            "label": f"{what} · {col}",
            "recall": e["recall"],
            "ci_low": e["recall_ci_low"],
            "ci_high": e["recall_ci_high"],
            "n": e["recall_n"],
            "missed": e["recall_missed"],
            "articles": e["recall_articles"],
        }
        for what, rec in scores.items()
        for col, e in rec["columns"].items()
        if e.get("recall_n")
    ]
    return pd.DataFrame(rows, columns=cols)


def agreement_table(scores: Mapping[str, Mapping[str, Any]], sel: Any) -> pd.DataFrame:
    """Percent agreement and Krippendorff's alpha where items were coded more than once."""
    cols = ["what", "column", "coders", "items_coded_twice", "agreement", "krippendorff_alpha"]
    if getattr(sel, "empty", False):
        return pd.DataFrame(columns=cols)
    rows = [
        {
            "what": what,
            "column": col,
            "coders": e["agreement"]["coders"],
            "items_coded_twice": e["agreement"]["n_items"],
            "agreement": e["agreement"]["agreement"],
            "krippendorff_alpha": e["agreement"]["alpha"],
        }
        for what, rec in scores.items()
        for col, e in rec["columns"].items()
        if e["agreement"]["n_items"]
    ]
    return pd.DataFrame(rows, columns=cols)


def history_table(sel: Any, whats: Iterable[str] | None = None) -> pd.DataFrame:
    """Every stored score of the store (also for older snapshots), newest first."""
    cols = ["created", "what", "snapshot", "codebook", "applies", "column", "precision", "n"]
    applying = {r.get("_file") for r in scores_for(sel, whats).values()}
    rows = [
        {
            "created": rec.get("created"),
            "what": rec["what"],
            "snapshot": rec.get("snapshot"),
            "codebook": str(rec.get("codebook_hash") or "")[:12],
            "applies": rec.get("_file") in applying,
            "column": col,
            "precision": e["precision"],
            "n": e["n"],
        }
        for rec in load_scores(sel.processed_dir)
        if rec["what"] in _whats(whats)
        for col, e in rec["columns"].items()
    ]
    df = pd.DataFrame(rows, columns=cols)
    return df.iloc[::-1].reset_index(drop=True)


def interval_chart(
    df: pd.DataFrame,
    *,
    value: str,
    label: str = "label",
    color: str | None = None,
    title: str = "",
) -> go.Figure:
    """Horizontal bars of a share (0..1) with its 95 % interval as error bars."""
    from medialens.viz.figures import PALETTE, TEMPLATE, escape_labels

    data = escape_labels(df.dropna(subset=[value]))
    fig = go.Figure()
    groups = [(None, data)] if color is None else list(data.groupby(color, sort=False))
    for i, (name, part) in enumerate(groups):
        fig.add_trace(
            go.Bar(
                x=part[value],
                y=part[label],
                orientation="h",
                name=str(name) if name is not None else value,
                marker_color=PALETTE[i % len(PALETTE)],
                error_x={
                    "type": "data",
                    "symmetric": False,
                    "array": (part["ci_high"] - part[value]).tolist(),
                    "arrayminus": (part[value] - part["ci_low"]).tolist(),
                    "color": "#333",
                },
                customdata=part[["ci_low", "ci_high", "n"]].to_numpy(),
                hovertemplate=(
                    "%{y}: %{x:.1%} [%{customdata[0]:.1%}, %{customdata[1]:.1%}], "
                    "n = %{customdata[2]}<extra></extra>"
                ),
            )
        )
    n_rows = data[label].nunique() if len(data) else 1
    fig.update_layout(
        template=TEMPLATE,
        title={"text": html.escape(title), "x": 0.01},
        barmode="group",
        height=max(320, 110 + 22 * n_rows * max(1, len(groups) if color else 1)),
        margin={"l": 60, "r": 20, "t": 60, "b": 50},
        showlegend=color is not None,
    )
    fig.update_xaxes(range=[0, 1.02], tickformat=".0%", title_text=html.escape(value))
    fig.update_yaxes(autorange="reversed", type="category")
    return fig


def figures_whats(value: Sequence[str]) -> list[str]:
    """The notebook's ``what`` parameter checked (empty: every kind of item)."""
    return _whats(value)
