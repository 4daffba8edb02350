"""Figure builders, chart output files and the escaped article view."""

from __future__ import annotations

import base64
import html

import pandas as pd
import pytest
from openpyxl import load_workbook

from medialens import viz as V

HOSTILE = '<script>alert(1)</script><img src=x onerror="alert(2)">'


def test_escape_labels_only_touches_text():
    df = pd.DataFrame({"actor": [HOSTILE, "Merz"], "n": [1, 2]})
    out = V.escape_labels(df)
    assert out["actor"][0] == html.escape(HOSTILE)
    assert out["n"].tolist() == [1, 2]
    assert df["actor"][0] == HOSTILE  # input unchanged


@pytest.mark.parametrize("builder", ["bar", "lines"])
def test_builders_escape_and_accept_empty(builder):
    fn = getattr(V, builder)
    df = pd.DataFrame({"x": [HOSTILE, "b"], "y": [1, 2], "c": ["k", HOSTILE]})
    fig = fn(df, x="x", y="y", color="c", title=HOSTILE)
    dumped = fig.to_json()
    assert "<script>" not in dumped and "\\u003cscript" not in dumped
    assert "&lt;script&gt;" in dumped
    empty = fn(df.iloc[0:0], x="x", y="y", color="c", title="t")
    assert len(empty.data) == 0


def test_bar_rejects_missing_column():
    with pytest.raises(ValueError, match="missing columns"):
        V.bar(pd.DataFrame({"a": [1]}), x="a", y="b")


def test_heatmap_and_scatter():
    matrix = pd.DataFrame([[0, 2], [2, 0]], index=["a", HOSTILE], columns=["a", HOSTILE])
    fig = V.heatmap(matrix)
    assert list(fig.data[0].y) == ["a", html.escape(HOSTILE)]
    fig = V.scatter(
        pd.DataFrame({"m": [3], "q": [1], "actor": [HOSTILE]}),
        x="m",
        y="q",
        label="actor",
        diagonal=True,
    )
    assert fig.data[0].text[0] == html.escape(HOSTILE) and len(fig.data) == 2


@pytest.mark.parametrize(
    ("text", "marks", "expected"),
    [
        ("abc", [], "abc"),
        ("a<b", [V.Mark(1, 2, "x", "t")], 'a<span class="x" title="t">&lt;</span>b'),
        # overlap: frame term inside a quote gets both classes
        (
            "Die Asylflut kommt",
            [V.Mark(0, 18, "ml-quote", "q"), V.Mark(4, 12, "ml-frame", "f")],
            '<span class="ml-quote" title="q">Die </span>'
            '<span class="ml-frame ml-quote" title="q | f">Asylflut</span>'
            '<span class="ml-quote" title="q"> kommt</span>',
        ),
        # tooltip text is attribute-escaped
        (
            "ab",
            [V.Mark(0, 1, "x", '"><script>')],
            '<span class="x" title="&quot;&gt;&lt;script&gt;">a</span>b',
        ),
    ],
)
def test_highlight(text, marks, expected):
    got, ignored = V.highlight(text, marks)
    assert got == expected and ignored == 0


def test_highlight_ignores_bad_offsets():
    got, ignored = V.highlight(
        "abc", [V.Mark(2, 9, "x", ""), V.Mark(2, 2, "x", ""), V.Mark(-1, 1, "x", "")]
    )
    assert got == "abc" and ignored == 3


def test_render_article_escapes_everything():
    text = f"Er sagte {HOSTILE} heute."
    start = text.index("<script>")
    data = {
        "article": {
            "article_id": "<b>id</b>",
            "title": HOSTILE,
            "text": text,
            "outlet": "<i>taz</i>",
            "date": "2025-01-01",
        },
        "mentions": pd.DataFrame([{"start": 0, "end": 2, "actor": HOSTILE, "type": "person"}]),
        "quotes": pd.DataFrame(
            [
                {
                    "start": start,
                    "end": start + len(HOSTILE),
                    "spans": [[start, start + len(HOSTILE)]],
                    "kind": "direct",
                    "actor": HOSTILE,
                    "speaker_text": "Er",
                    "speaker_start": 0,
                    "speaker_end": 2,
                    "cue_start": 3,
                    "cue_end": 8,
                    "cue_lemma": HOSTILE,
                    "cue_category": "neutral",
                }
            ]
        ),
        "framing": pd.DataFrame(columns=["start", "end", "frame", "voice"]),
        "scare_quotes": None,
    }
    out = V.render_article(data)
    body = out.split("</style>", 1)[1]
    assert "<script" not in body and "<img" not in body and "<b>" not in body and "<i>" not in body
    assert html.escape(HOSTILE) in body
    assert 'class="ml-mention ml-speaker"' in body


def test_chart_output_writes_csv_xlsx_and_data_uri(tmp_path, monkeypatch):
    shown = []
    monkeypatch.setattr("medialens.viz.display._display", shown.append)
    out = V.ChartOutput(tmp_path / "nb_data")
    df = pd.DataFrame({"actor": ['=HYPERLINK("http://x")', "Merz"], "n": [1, 2]})
    out.show(V.bar(df, x="actor", y="n"), df, name="top", caption=HOSTILE)
    csv = (tmp_path / "nb_data" / "top.csv").read_text(encoding="utf-8")
    # the formula is neutralised in CSV (a leading quote), the number stays a number
    assert csv.splitlines() == ["actor,n", '"\'=HYPERLINK(""http://x"")",1', "Merz,2"]
    wb = load_workbook(tmp_path / "nb_data" / "top.xlsx")
    cell = wb.active["A2"]
    assert cell.value == '=HYPERLINK("http://x")' and cell.data_type == "s"  # text, not a formula
    html_out = "".join(
        getattr(o, "data", {}).get("text/html", "")
        if isinstance(getattr(o, "data", None), dict)
        else str(o)
        for o in shown
    )
    assert "<script>alert" not in html_out and html.escape(HOSTILE) in html_out
    uri = V.csv_data_uri(df)
    assert uri.startswith("data:text/csv;charset=utf-8;base64,")
    decoded = base64.b64decode(uri.split(",", 1)[1]).decode("utf-8")
    assert decoded.lstrip("\ufeff") == csv
    assert 'download="top.csv"' in html_out and "nb_data/top.xlsx" in html_out


def test_chart_output_empty_table_shows_no_data(monkeypatch):
    shown = []
    monkeypatch.setattr("medialens.viz.display._display", shown.append)
    V.ChartOutput().show(None, pd.DataFrame(), name="x", empty_message="nothing <here>")
    assert (
        len(shown) == 1 and "No data." in shown[0].data and "nothing &lt;here&gt;" in shown[0].data
    )


def test_chart_output_rejects_unsafe_names():
    with pytest.raises(ValueError, match="becomes a file name"):
        V.ChartOutput().show(None, pd.DataFrame({"a": [1]}), name="../etc/passwd")


def test_html_table_escapes_and_truncates():
    df = pd.DataFrame({"t": [HOSTILE] * 3})
    out = V.html_table(df, max_rows=2)
    assert "<script>" not in out and "First 2 of 3 rows" in out
