"""Show a chart with its table: interactive in JupyterLab, self-contained in HTML reports.

Why a wrapper around ``fig.show()``: a report needs, for every chart, (1) the chart as an
HTML ``<div>`` that works offline (plotly.js is embedded once per HTML file by
:mod:`medialens.reports.export`, never loaded from a CDN), (2) a CSV download link inside
the HTML (a ``data:`` URI, so it works in a mailed file) and (3) the same table written as
CSV and XLSX next to the report. :class:`ChartOutput` does all three; in JupyterLab the plotly
MIME renderer shows the chart and no files are written unless ``output_dir`` is set.
Every text value placed into HTML here is escaped.
"""

from __future__ import annotations

import base64
import html
import json
import re
from pathlib import Path
from typing import Any

import pandas as pd
import plotly.graph_objects as go

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
    return f"{cap}{body}{note}"


def no_data(message: str = "") -> HTML:
    """An explicit "no data" section for an empty selection (never a crash or a blank chart)."""
    text = html.escape(message or "No article matches the selected parameters.")
    return HTML(
        '<div class="ml-no-data" style="border:1px solid #d55e00;padding:0.8em;margin:0.5em 0;'
        'background:#fff4ec"><strong>No data.</strong> ' + text + "</div>"
    )


def csv_data_uri(df: pd.DataFrame) -> str:
    """``data:text/csv`` URI with the table as UTF-8 CSV (BOM, so Excel reads umlauts)."""
    payload = ("\ufeff" + df.to_csv(index=False)).encode("utf-8")
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
            table.to_csv(tmp, index=False, encoding="utf-8")
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
            bundle: dict[str, Any] = {
                "text/html": '<div class="ml-chart">' + chart_html + "</div>",
                "text/plain": f"<chart {name}: {len(table)} rows>",
            }
            if self.show_plotly_mime:
                # JupyterLab renders the plotly JSON; nbconvert's HTML export uses text/html
                bundle[PLOTLY_MIME] = json.loads(fig.to_json())
            _display(Bundle(bundle))
        extra = html_table(table, max_rows=max_rows) if show_table else ""
        _display(HTML(extra + self._files(name, table)))

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
        f"<strong>{sel.n_articles:,}</strong> articles · time axis per {html.escape(sel.granularity)}</p>"
    )
