"""Export an executed notebook to one self-contained HTML file (works offline and when mailed).

Why a template of our own: nbconvert's ``lab`` template loads require.js, MathJax and
mermaid from a CDN. Ours extends it, drops those three and the widget manager, and embeds
plotly.js once in the page head (charts are ``<div>``s written with
``include_plotlyjs=False`` by :class:`medialens.viz.ChartOutput`). After rendering,
:func:`check_self_contained` refuses any ``<script src>``/``<link href>``/``<img src>``
pointing at the network, so a report never phones home.
Limit: each HTML file carries its own copy of plotly.js (≈ 4.7 MB); a run folder with five
reports is ≈ 25 MB.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import jinja2
import nbformat

TEMPLATE_NAME = "medialens_report.html.j2"
TEMPLATE = r"""
{%- extends 'lab/index.html.j2' -%}
{%- block html_head_js -%}
<script type="text/javascript">window.PlotlyConfig = {MathJaxConfig: 'local'};</script>
<script type="text/javascript">{{ resources.medialens_plotly_js }}</script>
{%- endblock html_head_js -%}
{% block jupyter_widgets %}{% endblock jupyter_widgets %}
{%- block html_head_js_mathjax -%}{%- endblock html_head_js_mathjax -%}
{%- block html_head_js_mermaidjs -%}{%- endblock html_head_js_mermaidjs -%}
{% block extra_css %}
<style type="text/css">
body.jp-Notebook { max-width: 70em; margin: 0 auto; }
.ml-table { border-collapse: collapse; font-size: 0.85em; margin: 0.5em 0; }
.ml-table th, .ml-table td { border-bottom: 1px solid #ddd; padding: 0.2em 0.6em; text-align: left; vertical-align: top; }
.ml-links { font-size: 0.85em; margin: 0.2em 0 1.2em 0; }
.ml-caption { font-style: italic; color: #444; }
.ml-note { font-size: 0.85em; color: #666; }
.jp-InputPrompt, .jp-OutputPrompt { display: none; }
</style>
{% endblock extra_css %}
"""

_REMOTE = re.compile(
    r"<(?:script|link|img|iframe|source|audio|video|embed)\b[^>]*?\b(?:src|href)\s*=\s*[\"']?\s*(?:https?:)?//",
    re.IGNORECASE,
)
_CSS_REMOTE = re.compile(r"@import\s+(?:url\()?\s*[\"']?(?:https?:)?//", re.IGNORECASE)


class ExportError(RuntimeError):
    """The exported HTML would load something from the network (or export failed)."""


@cache
def plotly_js() -> str:
    """The bundled plotly.min.js (from the installed plotly package, never downloaded)."""
    from plotly.offline import get_plotlyjs

    return get_plotlyjs()


def check_self_contained(text: str, *, name: str = "report") -> None:
    """Raise :class:`ExportError` if ``text`` references a remote script, style or image."""
    for pattern in (_REMOTE, _CSS_REMOTE):
        match = pattern.search(text)
        if match:
            snippet = text[match.start() : match.start() + 120].replace("\n", " ")
            raise ExportError(f"{name}: HTML is not self-contained: {snippet!r}")


def export_html(
    notebook: Path | nbformat.NotebookNode, *, show_code: bool = False, title: str = ""
) -> str:
    """Render an executed notebook to self-contained HTML (code cells hidden unless ``show_code``).

    Outputs of the ``parameters``/``injected-parameters`` cells carry no content and are
    hidden together with all code; markdown and outputs stay.
    """
    from nbconvert import HTMLExporter

    nb = (
        nbformat.read(str(notebook), as_version=4) if isinstance(notebook, str | Path) else notebook
    )
    if title:
        nb.metadata["title"] = title
    exporter = HTMLExporter(
        template_name="lab",
        extra_loaders=[jinja2.DictLoader({TEMPLATE_NAME: TEMPLATE})],
        template_file=TEMPLATE_NAME,
        exclude_input=not show_code,
        exclude_input_prompt=True,
        exclude_output_prompt=True,
        embed_images=True,
    )
    body, _resources = exporter.from_notebook_node(
        nb, resources={"medialens_plotly_js": plotly_js()}
    )
    # plotly.js itself mentions URLs in strings (never fetched for our charts): check the rest
    check_self_contained(body.replace(plotly_js(), ""), name=title or "report")
    return body
