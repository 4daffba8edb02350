"""Charts and HTML pieces for the notebooks: plotly figure builders, chart output, article view.

Why separate from :mod:`medialens.analysis`: analyses return DataFrames that tests compare
exactly; this package only draws them. Every text that reaches HTML is escaped here.
"""

from __future__ import annotations

from medialens.viz.article import Mark, highlight, marks_from_tables, quotes_table, render_article
from medialens.viz.display import (
    HTML,
    ChartOutput,
    article_page,
    csv_data_uri,
    html_table,
    key_figures_html,
    kwic_html,
    no_data,
    selection_banner,
    write_xlsx,
)
from medialens.viz.figures import PALETTE, bar, escape_labels, heatmap, lines, scatter
from medialens.viz.multiples import keyness_panels, small_multiples, time_heatmap
from medialens.viz.palette import colour_map, use_palette

__all__ = [
    "HTML",
    "PALETTE",
    "ChartOutput",
    "Mark",
    "article_page",
    "bar",
    "colour_map",
    "csv_data_uri",
    "escape_labels",
    "heatmap",
    "highlight",
    "html_table",
    "key_figures_html",
    "keyness_panels",
    "kwic_html",
    "lines",
    "marks_from_tables",
    "no_data",
    "quotes_table",
    "render_article",
    "scatter",
    "selection_banner",
    "small_multiples",
    "time_heatmap",
    "use_palette",
    "write_xlsx",
]
