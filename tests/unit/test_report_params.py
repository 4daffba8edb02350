"""Report parameters: typing by notebook defaults, params files with lines, relative dates."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from medialens.analysis import ParameterError
from medialens.reports import params as P
from medialens.reports.runner import NOTEBOOKS, resolve_notebooks

ROOT = Path(__file__).resolve().parents[2]
NB_DIR = ROOT / "notebooks"
REQUIRED = {
    "processed_dir": "str",
    "date_from": "str",
    "date_to": "str",
    "outlets": "list[str]",
    "actors": "list[str]",
    "groups": "list[str]",
    "frames": "list[str]",
    "granularity": "str",
    "top_n": "int",
    "min_articles": "int",
    "codebook": "str",
    "output_dir": "str",
}


@pytest.mark.parametrize("name", NOTEBOOKS)
def test_every_notebook_declares_typed_commented_parameters(name):
    spec = P.notebook_parameters(NB_DIR / f"{name}.ipynb")
    for param, type_name in REQUIRED.items():
        assert param in spec, f"{name} lacks {param}"
        assert spec[param]["type"] == type_name
        assert spec[param]["help"], f"{name}.{param} has no comment"


@pytest.mark.parametrize(
    ("value", "default", "expected"),
    [
        ("5", 10, 5),
        (5, 10, 5),
        ("taz, welt", [], ["taz", "welt"]),
        ("", [], []),
        (["taz"], [], ["taz"]),
        ("week", "", "week"),
        ("true", False, True),
        ("off", True, False),
        ("1.5", 0.5, 1.5),
        (dt.date(2025, 1, 2), "", "2025-01-02"),
    ],
)
def test_coerce(value, default, expected):
    assert P.coerce("p", value, default=default) == expected


@pytest.mark.parametrize(
    ("value", "default", "message"),
    [
        ("five", 10, "p must be an integer, got 'five'"),
        (True, 10, "p must be an integer"),
        ("maybe", False, "p must be true or false"),
        ([1, 2], [], "comma-separated list or a list of strings"),
        (3, "", "p must be a string, got int 3"),
        ("x", 0.5, "p must be a number"),
    ],
)
def test_coerce_errors(value, default, message):
    with pytest.raises(ParameterError, match=message):
        P.coerce("p", value, default=default)


def test_parse_cli_params():
    assert P.parse_cli_params(["a=1", "b=x=y", "c="]) == {"a": "1", "b": "x=y", "c": ""}
    for bad in ["noequals", "=v", "bad-name=1", "import os=1"]:
        with pytest.raises(ParameterError, match="expected key=value"):
            P.parse_cli_params([bad])


def test_params_file_ok(tmp_path):
    path = tmp_path / "p.yaml"
    path.write_text("# weekly\ndate_from: -7d\noutlets: [taz, welt]\ntop_n: 5\n", encoding="utf-8")
    values, lines = P.load_params_file(path)
    assert values == {"date_from": "-7d", "outlets": ["taz", "welt"], "top_n": 5}
    assert lines == {"date_from": 2, "outlets": 3, "top_n": 4}


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        ("top_n: 5\noutlets: [taz\n", 3, "invalid YAML"),
        ("- a\n- b\n", 1, "expected a mapping"),
        ("top_n: 5\n\nbad-key: 1\n", 3, "is not an identifier"),
        ("a: 1\nnested:\n  x: 1\n", 2, "nested mappings"),
    ],
)
def test_params_file_errors_name_file_and_line(tmp_path, text, line, message):
    path = tmp_path / "p.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(P.ParamsFileError, match=message) as info:
        P.load_params_file(path)
    assert str(info.value).startswith(f"{path}:{line}: ")


def test_params_file_not_utf8(tmp_path):
    path = tmp_path / "p.yaml"
    path.write_bytes(b"top_n: \xff\n")
    with pytest.raises(P.ParamsFileError, match="cannot read"):
        P.load_params_file(path)


def _specs():
    return {
        "01_x": {
            "date_from": {"default": "", "type": "str"},
            "top_n": {"default": 10, "type": "int"},
            "outlets": {"default": [], "type": "list[str]"},
            "output_dir": {"default": "", "type": "str"},
        },
        "05_y": {
            "date_from": {"default": "", "type": "str"},
            "article_id": {"default": "", "type": "str"},
        },
    }


def test_build_parameters_precedence_types_and_relative_dates(tmp_path):
    got = P.build_parameters(
        _specs(),
        cli={"top_n": "3", "date_from": "-7d"},
        file_values={"top_n": 8, "outlets": ["taz"], "article_id": "a1"},
        file_lines={"top_n": 1, "outlets": 2, "article_id": 3},
        params_file=tmp_path / "p.yaml",
        today=dt.date(2025, 6, 15),
    )
    assert got == {
        "01_x": {"top_n": 3, "outlets": ["taz"], "date_from": "2025-06-08"},
        "05_y": {"article_id": "a1", "date_from": "2025-06-08"},
    }


def test_build_parameters_errors(tmp_path):
    with pytest.raises(
        ParameterError,
        match=r"unknown parameter 'top'; parameters of the selected notebooks: article_id, date_from, outlets, top_n",
    ):
        P.build_parameters(_specs(), cli={"top": "3"})
    with pytest.raises(ParameterError, match=r"p.yaml:4: top_n must be an integer"):
        P.build_parameters(
            _specs(),
            file_values={"top_n": "x"},
            file_lines={"top_n": 4},
            params_file=tmp_path / "p.yaml",
        )
    with pytest.raises(ParameterError, match="output_dir is set by medialens report"):
        P.build_parameters(_specs(), cli={"output_dir": "/etc"})
    with pytest.raises(ParameterError, match="is not a date"):
        P.build_parameters(_specs(), cli={"date_from": "last week"})


def test_values_are_never_evaluated():
    # a would-be expression stays a literal string (papermill writes it as a Python literal)
    got = P.build_parameters(_specs(), cli={"article_id": "__import__('os').system('x')"})
    assert got["05_y"]["article_id"] == "__import__('os').system('x')"


def test_resolve_notebooks():
    assert [p.stem for p in resolve_notebooks([], NB_DIR)] == list(NOTEBOOKS)
    assert [p.stem for p in resolve_notebooks(["actors", "05_article_view.ipynb"], NB_DIR)] == [
        "02_actors",
        "05_article_view",
    ]
    with pytest.raises(
        ParameterError, match="unknown notebook 'nope'; available: 01_corpus_overview"
    ):
        resolve_notebooks(["nope"], NB_DIR)


@pytest.mark.parametrize("name", NOTEBOOKS)
def test_notebook_structure(name):
    """One parameters cell, validation next, a markdown cell before every chart, provenance last."""
    import nbformat

    nb = nbformat.read(NB_DIR / f"{name}.ipynb", as_version=4)
    tagged = [i for i, c in enumerate(nb.cells) if "parameters" in c.metadata.get("tags", [])]
    assert len(tagged) == 1
    derived = nb.cells[tagged[0] + 1]
    assert derived.cell_type == "code" and "A.select(" in derived.source
    for i, cell in enumerate(nb.cells):
        if cell.cell_type == "code" and ("out.show(" in cell.source or "out.table(" in cell.source):
            assert nb.cells[i - 1].cell_type == "markdown", f"cell {i} of {name} has no explanation"
        if cell.cell_type == "code":
            assert (
                "eval(" not in cell.source
                and "exec(" not in cell.source
                and "os.system" not in cell.source
            )
    assert "show_provenance(" in nb.cells[-1].source
    assert nb.metadata["kernelspec"]["name"] == "python3"
