"""The generated HTML is self-contained, escaped, carries provenance and links its data."""

from __future__ import annotations

import base64
import csv
import io
import json
import re
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "fixtures"))

from report_run import HOSTILE_ACTOR, IMG, SCRIPT, report_run

from medialens import __version__
from medialens.reports.export import ExportError, check_self_contained, plotly_js
from medialens.reports.provenance import codebook_hash
from medialens.reports.runner import NOTEBOOKS
from medialens.store import manifest_hash

pytestmark = [pytest.mark.xdist_group("reports"), pytest.mark.slow]

REMOTE_TAG = re.compile(
    r"<(script|link|img|iframe)\b[^>]*\b(src|href)\s*=\s*[\"']?\s*(https?:)?//", re.I
)


@pytest.fixture(scope="module")
def run(tmp_path_factory):
    return report_run(tmp_path_factory.mktemp("shared-report"))


@pytest.fixture(scope="module")
def pages(run):
    out = {name: (run.run_dir / f"{name}.html").read_text(encoding="utf-8") for name in NOTEBOOKS}
    out["hostile_article"] = (run.article_run_dir / "05_article_view.html").read_text(
        encoding="utf-8"
    )
    return out


def test_no_remote_scripts_styles_or_images(pages):
    for name, page in pages.items():
        outside_plotly = page.replace(plotly_js(), "")
        assert not REMOTE_TAG.search(outside_plotly), name
        assert "cdn.plot.ly" not in outside_plotly and "cdnjs" not in outside_plotly, name
        assert (
            "require.min.js" not in outside_plotly and "mathjax/" not in outside_plotly.lower()
        ), name


def test_plotly_js_embedded_once_and_charts_present(pages):
    js = plotly_js()
    for name in NOTEBOOKS:
        page = pages[name]
        assert page.count(js) == 1, name
        if name != "05_article_view":
            assert page.count("Plotly.newPlot(") >= 3, name


def test_provenance_ends_every_report(run, pages):
    store_hash = manifest_hash(run.store)
    cb_hash = codebook_hash(
        json.loads((run.run_dir / "run.json").read_text())["provenance"]["codebook"]
    )
    for name in NOTEBOOKS:
        page = pages[name]
        assert page.count('id="provenance"') == 1, name
        tail = page[page.index('id="provenance"') :]
        assert __version__ in tail and store_hash in tail and cb_hash in tail, name
        assert "time of run (UTC)" in tail, name
        assert '"top_n": 10' in tail or "&quot;top_n&quot;: 10" in tail, name
        # nothing but closing tags after the provenance section
        assert "ml-chart" not in tail and "plotly-graph-div" not in tail, name


def test_csv_download_links_match_written_files(run, pages):
    page = pages["02_actors"]
    links = re.findall(
        r'download="([a-z0-9_-]+)\.csv" href="data:text/csv;charset=utf-8;base64,([^"]+)"', page
    )
    assert {name for name, _ in links} >= {
        "top_actors_per_outlet",
        "mentions_over_time",
        "mentioned_vs_quoted",
        "cooccurrence",
    }
    for name, payload in links:
        from_html = base64.b64decode(payload).decode("utf-8").lstrip("\ufeff")
        on_disk = (run.run_dir / "02_actors_data" / f"{name}.csv").read_text(encoding="utf-8")
        assert list(csv.reader(io.StringIO(from_html))) == list(csv.reader(io.StringIO(on_disk))), (
            name
        )
        assert (run.run_dir / "02_actors_data" / f"{name}.xlsx").stat().st_size > 0


def test_index_lists_runs_with_parameters_and_links(run):
    index = (run.reports / "index.html").read_text(encoding="utf-8")
    assert not REMOTE_TAG.search(index)
    for rid in (run.run_dir.name, run.article_run_dir.name):
        assert f'href="{rid}/"' in index and f'href="{rid}/run.log"' in index
    for name in NOTEBOOKS:
        assert f'href="{run.run_dir.name}/{name}.html"' in index
    assert "article_id" in index and "xss-0001" in index  # parameters of the second run
    assert index.index(run.article_run_dir.name) < index.index(run.run_dir.name)  # newest first
    assert (run.run_dir / "run.log").read_text(encoding="utf-8").count(": ok in") == len(NOTEBOOKS)


def test_hostile_text_is_escaped_everywhere(pages):
    for name, page in pages.items():
        for payload in (SCRIPT, IMG, HOSTILE_ACTOR, "<b>news</b>"):
            assert payload not in page, f"{name} contains raw {payload!r}"
    article = pages["hostile_article"]
    assert "&lt;script&gt;window.__xss" in article
    assert "Breaking &lt;script&gt;" in article  # the title, escaped


def test_check_self_contained_rejects_remote_resources():
    for bad in (
        '<script src="https://cdn.example/x.js"></script>',
        "<link rel=stylesheet href='//cdn.example/x.css'>",
        '<img src="http://tracker.example/p.gif">',
        "<style>@import url(https://fonts.example/x.css);</style>",
    ):
        with pytest.raises(ExportError, match="not self-contained"):
            check_self_contained(bad)
    check_self_contained(
        '<script>var a = "https://x";</script><a href="https://example.org">link</a>'
    )
