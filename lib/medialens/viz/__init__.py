"""Charts and HTML pieces for the notebooks: plotly figure builders, chart output, article view.

Why separate from :mod:`medialens.analysis`: analyses return DataFrames that tests compare
exactly; this package only draws them. Every text that reaches HTML is escaped here.
"""

from __future__ import annotations

from medialens.viz.article import Mark, highlight, marks_from_tables, quotes_table, render_article
from medialens.viz.display import (
    HTML,
    ChartOutput,
    csv_data_uri,
    html_table,
    no_data,
    selection_banner,
    write_xlsx,
)
from medialens.viz.figures import PALETTE, bar, escape_labels, heatmap, lines, scatter

__all__ = [
    "HTML",
    "PALETTE",
    "ChartOutput",
    "Mark",
    "bar",
    "csv_data_uri",
    "escape_labels",
    "heatmap",
    "highlight",
    "html_table",
    "lines",
    "marks_from_tables",
    "no_data",
    "quotes_table",
    "render_article",
    "scatter",
    "selection_banner",
    "write_xlsx",
]
