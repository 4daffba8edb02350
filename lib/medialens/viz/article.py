"""Render one article as HTML with actors, quotes (speaker, cue) and frame terms highlighted.

Why segments instead of nested tags: annotations overlap (a frame term inside a quote, a
speaker next to its cue), so the text is cut at every annotation boundary and each segment
gets the CSS classes of all annotations covering it. Every piece of text — article text,
title, quotes, actor names, tooltips — is HTML-escaped; nothing from the corpus is ever
inserted as markup. Limit: offsets outside the text are ignored (and counted in a note),
not guessed.
"""

from __future__ import annotations

import html
import itertools
from collections.abc import Iterable, Mapping
from typing import Any, NamedTuple

import pandas as pd

STYLE = """
<style>
.ml-article{font-family:Georgia,serif;line-height:1.6;max-width:52em}
.ml-article h2{font-family:sans-serif;margin-bottom:0.2em}
.ml-article .ml-meta{font-family:sans-serif;color:#555;font-size:0.9em}
.ml-article .ml-body{white-space:pre-wrap}
.ml-mention{background:#d6eaf8;border-bottom:2px solid #0072B2}
.ml-quote{background:#fdf2d0}
.ml-speaker{font-weight:bold;border-bottom:2px solid #009E73}
.ml-cue{text-decoration:underline wavy #D55E00}
.ml-frame{background:#f5d5ea;border-bottom:2px solid #CC79A7}
.ml-scare{outline:1px dashed #000}
.ml-legend span{margin-right:1em;padding:0 0.3em}
</style>
"""

LEGEND = (
    '<p class="ml-legend">'
    '<span class="ml-mention">actor mention</span>'
    '<span class="ml-quote">quotation</span>'
    '<span class="ml-speaker">speaker</span>'
    '<span class="ml-cue">reporting verb</span>'
    '<span class="ml-frame">frame term</span>'
    '<span class="ml-scare">scare quotes</span>'
    "</p>"
)


class Mark(NamedTuple):
    """One highlighted span: ``[start, end)``, a CSS class and a tooltip (plain text)."""

    start: int
    end: int
    css: str
    title: str


def _val(row: Mapping[str, Any], key: str) -> Any:
    value = row.get(key)
    if value is None:
        return None
    try:
        if pd.isna(value):
            return None
    except (TypeError, ValueError):
        pass
    return value


def _rows(df: pd.DataFrame | None) -> Iterable[Mapping[str, Any]]:
    if df is None or df.empty:
        return []
    return df.to_dict("records")


def marks_from_tables(
    *,
    mentions: pd.DataFrame | None = None,
    quotes: pd.DataFrame | None = None,
    framing: pd.DataFrame | None = None,
    scare_quotes: pd.DataFrame | None = None,
) -> list[Mark]:
    """Highlight marks from the store's annotation rows of one article."""
    marks: list[Mark] = []
    for r in _rows(mentions):
        marks.append(
            Mark(
                int(r["start"]),
                int(r["end"]),
                "ml-mention",
                f"actor: {_val(r, 'actor')} ({_val(r, 'type')})",
            )
        )
    for r in _rows(quotes):
        who = _val(r, "actor") or _val(r, "speaker_text") or "unknown speaker"
        cue = _val(r, "cue_lemma") or "-"
        info = f"{_val(r, 'kind')} quote · speaker: {who} · cue: {cue} ({_val(r, 'cue_category') or '-'})"
        spans = _val(r, "spans")
        spans = list(spans) if spans is not None and len(spans) else [[r["start"], r["end"]]]
        for span in spans:
            marks.append(Mark(int(span[0]), int(span[1]), "ml-quote", info))
        if _val(r, "speaker_start") is not None and _val(r, "speaker_end") is not None:
            marks.append(
                Mark(
                    int(r["speaker_start"]), int(r["speaker_end"]), "ml-speaker", f"speaker: {who}"
                )
            )
        if _val(r, "cue_start") is not None and _val(r, "cue_end") is not None:
            marks.append(
                Mark(
                    int(r["cue_start"]),
                    int(r["cue_end"]),
                    "ml-cue",
                    f"reporting verb: {cue} ({_val(r, 'cue_category') or '-'})",
                )
            )
    for r in _rows(framing):
        marks.append(
            Mark(
                int(r["start"]),
                int(r["end"]),
                "ml-frame",
                f"frame: {_val(r, 'frame')} · voice: {_val(r, 'voice')}",
            )
        )
    for r in _rows(scare_quotes):
        marks.append(
            Mark(
                int(r["start"]),
                int(r["end"]),
                "ml-scare",
                f"scare quotes (frame: {_val(r, 'frame') or '-'})",
            )
        )
    return marks


def highlight(text: str, marks: Iterable[Mark]) -> tuple[str, int]:
    """Escaped HTML of ``text`` with ``marks`` as ``<span>``s; returns (html, marks ignored).

    Marks with offsets outside ``[0, len(text)]`` or ``start >= end`` are ignored and counted.
    """
    valid: list[Mark] = []
    ignored = 0
    for m in marks:
        if 0 <= m.start < m.end <= len(text):
            valid.append(m)
        else:
            ignored += 1
    bounds = sorted({0, len(text), *(m.start for m in valid), *(m.end for m in valid)})
    # sweep: marks starting at each boundary, active set updated per segment
    starts: dict[int, list[Mark]] = {}
    for m in valid:
        starts.setdefault(m.start, []).append(m)
    active: list[Mark] = []
    out: list[str] = []
    for a, b in itertools.pairwise(bounds):
        active = [m for m in active if m.end > a] + starts.get(a, [])
        piece = html.escape(text[a:b])
        if not active:
            out.append(piece)
            continue
        classes = " ".join(sorted({m.css for m in active}))
        title = html.escape(" | ".join(dict.fromkeys(m.title for m in active)), quote=True)
        out.append(f'<span class="{classes}" title="{title}">{piece}</span>')
    return "".join(out), ignored


def render_article(data: Mapping[str, Any]) -> str:
    """HTML for one article as returned by :func:`medialens.analysis.load_article`."""
    art = data["article"]
    text = str(_val(art, "text") or "")
    marks = marks_from_tables(
        mentions=data.get("mentions"),
        quotes=data.get("quotes"),
        framing=data.get("framing"),
        scare_quotes=data.get("scare_quotes"),
    )
    body, ignored = highlight(text, marks)
    date = _val(art, "date")
    if isinstance(date, pd.Timestamp):
        date = date.date().isoformat()
    meta = " · ".join(
        html.escape(str(v))
        for v in (_val(art, "outlet"), date, _val(art, "author"), _val(art, "section"))
        if v is not None
    )
    source = ""
    if _val(art, "source_file"):
        line = _val(art, "source_line")
        source = f"{_val(art, 'source_file')}" + (f":{line}" if line is not None else "")
    note = (
        f'<p class="ml-note">{ignored} annotation(s) with offsets outside the text were not shown.</p>'
        if ignored
        else ""
    )
    return (
        STYLE
        + '<article class="ml-article">'
        + f"<h2>{html.escape(str(_val(art, 'title') or '(untitled)'))}</h2>"
        + f'<p class="ml-meta">{meta} · id {html.escape(str(_val(art, "article_id")))}'
        + (f" · source {html.escape(source)}" if source else "")
        + "</p>"
        + LEGEND
        + f'<div class="ml-body">{body}</div>'
        + note
        + "</article>"
    )


def quotes_table(quotes: pd.DataFrame) -> pd.DataFrame:
    """The article's quotes as a plain table (speaker, actor, cue, category, kind, text)."""
    cols = [
        "quote_id",
        "kind",
        "speaker_text",
        "actor",
        "cue_text",
        "cue_lemma",
        "cue_category",
        "text",
    ]
    if quotes is None or quotes.empty:
        return pd.DataFrame(columns=cols)
    return quotes[[c for c in cols if c in quotes.columns]].reset_index(drop=True)
