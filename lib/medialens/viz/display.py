"""Show a chart with its table: interactive in JupyterLab, self-contained in HTML reports.

Why a wrapper around ``fig.show()``: a report needs, for every chart, (1) the chart as an
HTML ``<div>`` that works offline (plotly.js is embedded once per HTML file by
:mod:`medialens.reports.export`, never loaded from a CDN), (2) a CSV download link inside
the HTML (a ``data:`` URI, so it works in a mailed file) and (3) the same table written as
CSV and XLSX next to the report (text cells that a spreadsheet would run as formulas are
neutralised in both: a leading ``'`` in CSV, a text cell in XLSX). :class:`ChartOutput` does all three; in JupyterLab the plotly
MIME renderer shows the chart and no files are written unless ``output_dir`` is set.
Every text value placed into HTML here is escaped.
"""

from __future__ import annotations

import base64
import html
import json
import re
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any

import pandas as pd
import plotly.graph_objects as go

from medialens.formulas import neutralise_frame

_NAME = re.compile(r"^[a-z0-9][a-z0-9_-]{0,80}$")
PLOTLY_MIME = "application/vnd.plotly.v1+json"
#: cells starting with these are formulas in Excel; written as plain text in XLSX
_FORMULA_START = ("=", "+", "-", "@")


class HTML:
    """Minimal rich-display object (``_repr_html_``) so viz does not need IPython to build HTML."""

    def __init__(self, data: str) -> None:
        self.data = data

    def _repr_html_(self) -> str:
        return self.data

    def __str__(self) -> str:
        return self.data


class Bundle:
    """A display object with several MIME representations (plotly JSON + HTML fallback)."""

    def __init__(self, data: dict[str, Any]) -> None:
        self.data = data

    def _repr_mimebundle_(self, include: Any = None, exclude: Any = None) -> dict[str, Any]:
        return self.data


def _display(obj: Any) -> None:
    try:
        from IPython.display import display
    except ImportError:  # pragma: no cover - outside IPython: print the HTML
        print(getattr(obj, "data", obj))
        return
    display(obj)


def html_table(
    df: pd.DataFrame, *, max_rows: int = 50, index: bool = False, caption: str = ""
) -> str:
    """An escaped HTML table of at most ``max_rows`` rows (a note says how many were cut)."""
    shown = df.head(max_rows)
    body = shown.to_html(index=index, escape=True, na_rep="", border=0, classes="ml-table")
    note = ""
    if len(df) > max_rows:
        note = f'<p class="ml-note">First {max_rows} of {len(df)} rows; the CSV has all.</p>'
    cap = f'<p class="ml-caption">{html.escape(caption)}</p>' if caption else ""
    # a wide table scrolls inside its own box on a phone instead of widening the page
    return f'{cap}<div class="ml-scroll" style="max-width:100%;overflow-x:auto">{body}</div>{note}'


def no_data(message: str = "") -> HTML:
    """An explicit "no data" section for an empty selection (never a crash or a blank chart)."""
    text = html.escape(message or "No article matches the selected parameters.")
    return HTML(
        '<div class="ml-no-data" style="border:1px solid #d55e00;padding:0.8em;margin:0.5em 0;'
        'background:#fff4ec"><strong>No data.</strong> ' + text + "</div>"
    )


def csv_data_uri(df: pd.DataFrame) -> str:
    """``data:text/csv`` URI with the table as UTF-8 CSV (BOM, so Excel reads umlauts); text
    cells that a spreadsheet would run as formulas are neutralised (:mod:`medialens.formulas`)."""
    payload = ("\ufeff" + neutralise_frame(df).to_csv(index=False)).encode("utf-8")
    return "data:text/csv;charset=utf-8;base64," + base64.b64encode(payload).decode("ascii")


def write_xlsx(df: pd.DataFrame, path: Path) -> None:
    """Write ``df`` to ``path`` as XLSX; text starting with ``=``/``+``/``-``/``@`` stays text.

    Why: openpyxl would store such a string as a formula, and a quote or title from the
    corpus must never become an executable spreadsheet formula (CSV/formula injection).
    """
    from openpyxl import Workbook
    from openpyxl.cell.cell import TYPE_STRING

    wb = Workbook()
    ws = wb.active
    ws.title = "data"
    ws.append([str(c) for c in df.columns])
    for row in df.itertuples(index=False):
        values = []
        for v in row:
            if v is None or (not isinstance(v, list | tuple | dict) and pd.isna(v)):
                values.append(None)
            elif isinstance(v, pd.Timestamp):
                values.append(v.to_pydatetime())
            elif isinstance(v, int | float | str) or hasattr(v, "isoformat"):
                values.append(v)
            else:
                values.append(str(v))
        ws.append(values)
        for cell in ws[ws.max_row]:
            if isinstance(cell.value, str) and cell.value.startswith(_FORMULA_START):
                cell.data_type = TYPE_STRING
    tmp = path.with_name(f".{path.name}.tmp")
    wb.save(tmp)
    tmp.replace(path)


class ChartOutput:
    """Displays charts and tables of one notebook and writes their data files.

    ``output_dir`` empty: nothing is written (interactive use). Otherwise every
    :meth:`show` writes ``<output_dir>/<name>.csv`` and ``.xlsx``. Names must be short
    lower-case identifiers (they become file names).
    """

    def __init__(
        self, output_dir: str | Path | None = None, *, show_plotly_mime: bool = True
    ) -> None:
        self.output_dir = Path(output_dir) if output_dir else None
        self.show_plotly_mime = show_plotly_mime
        self.written: list[Path] = []
        if self.output_dir is not None:
            self.output_dir.mkdir(parents=True, exist_ok=True)

    def _check_name(self, name: str) -> None:
        if not _NAME.match(name):
            raise ValueError(
                f"chart name {name!r} must match {_NAME.pattern} (it becomes a file name)"
            )

    def _files(self, name: str, table: pd.DataFrame) -> str:
        links = [
            f'<a class="ml-download" download="{name}.csv" href="{csv_data_uri(table)}">'
            f"Download the data as CSV ({len(table)} rows)</a>"
        ]
        if self.output_dir is not None:
            csv = self.output_dir / f"{name}.csv"
            tmp = csv.with_name(f".{csv.name}.tmp")
            neutralise_frame(table).to_csv(tmp, index=False, encoding="utf-8")
            tmp.replace(csv)
            xlsx = self.output_dir / f"{name}.xlsx"
            write_xlsx(table, xlsx)
            self.written += [csv, xlsx]
            rel = f"{self.output_dir.name}/{name}"
            links.append(
                f'<span class="ml-files">Files next to this report: '
                f'<a href="{html.escape(rel)}.csv">{html.escape(name)}.csv</a>, '
                f'<a href="{html.escape(rel)}.xlsx">{html.escape(name)}.xlsx</a></span>'
            )
        return '<p class="ml-links">' + " · ".join(links) + "</p>"

    def show(
        self,
        fig: go.Figure | None,
        table: pd.DataFrame,
        *,
        name: str,
        caption: str = "",
        empty_message: str = "",
        show_table: bool = False,
        max_rows: int = 20,
    ) -> None:
        """Display ``fig`` (or a "no data" note when ``table`` is empty) plus the CSV link."""
        self._check_name(name)
        if table.empty:
            _display(
                no_data(
                    empty_message or f"Nothing to show for “{caption or name}” in this selection."
                )
            )
            return
        if caption:
            _display(HTML(f'<p class="ml-caption">{html.escape(caption)}</p>'))
        if fig is not None:
            chart_html = fig.to_html(
                full_html=False,
                include_plotlyjs=False,
                config={"displaylogo": False, "responsive": True},
                default_height=f"{fig.layout.height or 420}px",
            )
            # a dense chart keeps a readable minimum width and scrolls in its own box on a
            # phone (figure builders set layout.meta.min_width) instead of being squeezed
            min_width = (
                int((fig.layout.meta or {}).get("min_width", 0))
                if isinstance(fig.layout.meta, dict)
                else 0
            )
            inner = (
                f'<div style="min-width:{min_width}px">{chart_html}</div>'
                if min_width
                else chart_html
            )
            bundle: dict[str, Any] = {
                "text/html": '<div class="ml-chart" style="max-width:100%;overflow-x:auto">'
                + inner
                + "</div>",
                "text/plain": f"<chart {name}: {len(table)} rows>",
            }
            if self.show_plotly_mime:
                # JupyterLab renders the plotly JSON; nbconvert's HTML export uses text/html
                bundle[PLOTLY_MIME] = json.loads(fig.to_json())
            _display(Bundle(bundle))
        extra = html_table(table, max_rows=max_rows) if show_table else ""
        _display(HTML(extra + self._files(name, table)))

    def key_figures(self, figures: Sequence[Any], *, title: str = "Key figures") -> None:
        """Show the "key figures" box and write it as ``key_figures.json`` (for the index)."""
        _display(HTML(key_figures_html(figures, title=title)))
        if self.output_dir is not None:
            path = self.output_dir / KEY_FIGURES_JSON
            rows = [
                {"label": str(f[0]), "value": str(f[1]), "n": str(f[2]) if len(f) > 2 else ""}
                for f in figures
            ]
            tmp = path.with_name(f".{path.name}.tmp")
            tmp.write_text(json.dumps(rows, ensure_ascii=False, indent=1), encoding="utf-8")
            tmp.replace(path)
            self.written.append(path)

    def kwic(
        self,
        table: pd.DataFrame,
        *,
        name: str,
        caption: str = "",
        article: Callable[[str], Mapping[str, Any]] | None = None,
        empty_message: str = "",
    ) -> None:
        """Show a KWIC table (see :func:`kwic_html`) with its CSV; with ``output_dir`` and an
        ``article`` loader, every row links to an offline page of its article written to
        ``<output_dir>/articles/<article_id>.html``."""
        self._check_name(name)
        if table.empty:
            _display(no_data(empty_message or "No match in this selection."))
            return
        links: dict[str, str] = {}
        if self.output_dir is not None and article is not None:
            folder = self.output_dir / "articles"
            folder.mkdir(exist_ok=True)
            report = f"../../{self.output_dir.name.removesuffix('_data')}.html"
            for aid in dict.fromkeys(str(a) for a in table["article_id"]):
                safe = re.sub(r"[^A-Za-z0-9_.-]", "_", aid)[:120]
                path = folder / f"{safe}.html"
                if not path.exists():
                    tmp = path.with_name(f".{path.name}.tmp")
                    tmp.write_text(article_page(article(aid), back=report), encoding="utf-8")
                    tmp.replace(path)
                    self.written.append(path)
                links[aid] = f"{self.output_dir.name}/articles/{safe}.html"
        cap = f'<p class="ml-caption">{html.escape(caption)}</p>' if caption else ""
        _display(HTML(cap + kwic_html(table, links=links) + self._files(name, table)))

    def table(
        self,
        table: pd.DataFrame,
        *,
        name: str,
        caption: str = "",
        max_rows: int = 50,
        empty_message: str = "",
    ) -> None:
        """Display an escaped table (no chart) with its CSV link; writes CSV/XLSX too."""
        self._check_name(name)
        if table.empty:
            _display(
                no_data(
                    empty_message or f"Nothing to show for “{caption or name}” in this selection."
                )
            )
            return
        _display(
            HTML(
                '<div class="ml-chart">'
                + html_table(table, max_rows=max_rows, caption=caption)
                + self._files(name, table)
                + "</div>"
            )
        )


def selection_banner(sel: Any) -> HTML:
    """A one-paragraph summary of the selection (escaped), or the "no data" section."""
    if getattr(sel, "empty", False):
        return no_data(
            f"No article matches the selection ({sel.describe()}). Widen the dates or "
            "remove outlet/actor/frame filters; the sections below are empty."
        )
    return HTML(
        f'<p class="ml-selection"><strong>Selection:</strong> {html.escape(sel.describe())} · '
        f"<strong>{sel.n_articles:,}</strong> articles · time axis per {html.escape(sel.granularity)}"
        + (
            " (chosen from the date span)"
            if getattr(sel, "granularity_given", "") == "auto"
            else ""
        )
        + f" · outlets with fewer than {getattr(sel, 'min_articles', 0)} articles are marked"
        " and not compared</p>"
    )


# -- key figures -------------------------------------------------------------------------
KEY_FIGURES_JSON = "key_figures.json"


def key_figures_html(figures: Sequence[Any], *, title: str = "Key figures") -> str:
    """An escaped "key figures" box: one line per figure with its value and *n*."""
    if not figures:
        return (
            '<div class="ml-keyfigures"><strong>Key figures:</strong> none (no data in '
            "this selection).</div>"
        )
    items = "".join(
        f"<li><span class='ml-kf-label'>{html.escape(str(f[0]))}:</span> "
        f"<strong>{html.escape(str(f[1]))}</strong>"
        + (
            f" <span class='ml-kf-n'>({html.escape(str(f[2]))})</span>"
            if len(f) > 2 and f[2]
            else ""
        )
        + "</li>"
        for f in figures
    )
    return (
        '<div class="ml-keyfigures" style="border:1px solid #0072B2;border-left-width:6px;'
        "padding:0.4em 1em;margin:0.6em 0 1em 0;background:#f3f8fc;max-width:100%;"
        'overflow-wrap:anywhere">'
        f"<strong>{html.escape(title)}</strong><ul style='margin:0.3em 0;padding-left:1.2em'>"
        f"{items}</ul></div>"
    )


# -- KWIC --------------------------------------------------------------------------------
KWIC_CSS = (
    ".ml-kwic-box{max-width:100%;overflow-x:auto;-webkit-overflow-scrolling:touch;"
    "border:1px solid #ddd;margin:0.5em 0}"
    ".ml-kwic{border-collapse:collapse;table-layout:fixed;width:100%;min-width:820px;"
    "font-size:0.85em}"
    ".ml-kwic td,.ml-kwic th{padding:0.25em 0.4em;border-bottom:1px solid #eee;"
    "vertical-align:top}"
    ".ml-kwic td.l{text-align:right;width:34%;color:#444}"
    ".ml-kwic td.k{text-align:center;width:20%;font-weight:bold;background:#fff7d6}"
    ".ml-kwic td.r{text-align:left;width:34%;color:#444}"
    ".ml-kwic td.m{width:12%;font-size:0.9em;color:#555;overflow-wrap:anywhere;text-align:left}"
    ".ml-kwic th{text-align:left}"
)


def article_page(data: Mapping[str, Any], *, back: str = "") -> str:
    """A standalone, offline HTML page of one annotated article (no scripts)."""
    from medialens.viz.article import render_article

    art = data["article"]
    title = html.escape(str(art.get("title") or art.get("article_id") or "article"))
    link = (
        f'<p><a href="{html.escape(back, quote=True)}">← back to the report</a></p>' if back else ""
    )
    return (
        "<!DOCTYPE html><html lang='de'><head><meta charset='utf-8'>"
        "<meta name='viewport' content='width=device-width, initial-scale=1'>"
        f"<title>{title}</title><style>body{{font-family:sans-serif;max-width:48em;"
        "margin:1em auto;padding:0 1em;line-height:1.5}</style></head><body>"
        f"{link}{render_article(data)}</body></html>"
    )


def kwic_html(df: pd.DataFrame, *, links: Mapping[str, str] | None = None) -> str:
    """The KWIC table: left context right-aligned, keyword centred, right context left-aligned.

    It fills the page width at 1400 px and scrolls inside its own box on a phone (the table
    keeps a minimum width instead of squeezing the context to one word per line). ``links``
    maps article ids to the relative URL of their article page.
    """
    links = links or {}
    rows = []
    for r in df.itertuples(index=False):
        aid = str(r.article_id)
        when = str(r.date)[:10] if r.date is not None and not pd.isna(r.date) else ""
        source = html.escape(f"{r.outlet} {when}".strip())
        if aid in links:
            source = f'<a href="{html.escape(links[aid], quote=True)}">{source}</a>'
        meta = source + (f"<br>{html.escape(str(r.label))}" if r.label else "")
        if getattr(r, "detail", ""):
            meta += f"<br><small>{html.escape(str(r.detail))}</small>"
        rows.append(
            f"<tr><td class='l'>{html.escape(str(r.left))}</td>"
            f"<td class='k'>{html.escape(str(r.keyword))}</td>"
            f"<td class='r'>{html.escape(str(r.right))}</td><td class='m'>{meta}</td></tr>"
        )
    return (
        f"<style>{KWIC_CSS}</style><div class='ml-kwic-box'><table class='ml-kwic'>"
        "<thead><tr><th style='text-align:right'>left context</th>"
        "<th style='text-align:center'>keyword</th>"
        "<th style='text-align:left'>right context</th><th style='text-align:left'>source</th>"
        "</tr></thead>"
        f"<tbody>{''.join(rows)}</tbody></table></div>"
    )
