"""Every notebook executed with papermill (via ``medialens report``) on processed stores.

The shared run (tests/fixtures/report_run.py) executes all notebooks with their defaults on
a synthetic store; further runs check parameters, empty selections, failures and the real
sample corpus processed by ``medialens process``.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import nbformat
import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "fixtures"))

from report_run import report_run
from synthetic_store import build_synthetic_store

from medialens.cli import main
from medialens.reports.runner import NOTEBOOKS

ROOT = Path(__file__).resolve().parents[2]
pytestmark = [pytest.mark.slow]
#: tests on the shared run stay on one xdist worker (the run is built once per process)
shared = pytest.mark.xdist_group("reports")


@pytest.fixture(scope="module")
def run(tmp_path_factory):
    return report_run(tmp_path_factory.mktemp("shared-report"))


@pytest.fixture(scope="module")
def small_store(tmp_path_factory):
    return build_synthetic_store(tmp_path_factory.mktemp("small") / "processed", 60)


def _report(store: Path, reports: Path, *args: str) -> int:
    return main(["report", "--processed", str(store), "--reports", str(reports), *args])


def _runs(reports: Path) -> list[Path]:
    if not reports.exists():
        return []
    return sorted(p for p in reports.iterdir() if p.is_dir() and not p.is_symlink())


@shared
def test_every_notebook_executes_without_errors(run):
    assert run.exit_code == 0
    record = json.loads((run.run_dir / "run.json").read_text(encoding="utf-8"))
    assert record["status"] == "ok"
    assert [n["name"] for n in record["notebooks"]] == list(NOTEBOOKS)
    for name in NOTEBOOKS:
        nb = nbformat.read(run.run_dir / f"{name}.ipynb", as_version=4)
        outputs = [o for c in nb.cells if c.cell_type == "code" for o in c.get("outputs", [])]
        assert not [o for o in outputs if o.output_type == "error"], name
        tags = [c.metadata.get("tags", []) for c in nb.cells]
        assert ["parameters"] in tags and ["injected-parameters"] in tags
        html_outputs = " ".join(o.get("data", {}).get("text/html", "") for o in outputs)
        assert 'id="provenance"' in html_outputs, f"{name} lacks provenance"
        assert "Traceback" not in html_outputs


@shared
def test_each_chart_has_csv_and_xlsx(run):
    for name in NOTEBOOKS:
        data = run.run_dir / f"{name}_data"
        csvs = sorted(p.stem for p in data.glob("*.csv"))
        assert csvs, name
        assert csvs == sorted(p.stem for p in data.glob("*.xlsx")), name


def test_invalid_outlet_stops_with_valid_values_and_writes_nothing(small_store, tmp_path, capsys):
    reports = tmp_path / "reports"
    code = _report(small_store, reports, "02_actors", "--param", "outlets=taz,nope")
    err = capsys.readouterr().err
    assert code == 2
    assert "unknown outlet: 'nope'. Valid values: bild, faz, spiegel, taz, welt" in err
    assert _runs(reports) == []


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["--param", "date_from=2025-05-01", "--param", "date_to=2025-01-01"],
            "date_from (2025-05-01) is after date_to (2025-01-01)",
        ),
        (["--param", "top_n=many"], "top_n must be an integer, got 'many'"),
        (
            ["--param", "actors=nobody"],
            "unknown actor: 'nobody'. Valid values: afd (AfD), alice_weidel, annalena_baerbock",
        ),
        (
            ["--param", "actors=Friedrich_Mers"],
            "unknown actor: 'Friedrich_Mers'. Did you mean 'friedrich_merz'?",
        ),
        (
            ["--param", "frames=war"],
            "unknown frame: 'war'. Valid values: climate, economic_crisis",
        ),
        (
            ["--param", "granularity=hour"],
            "granularity='hour' is not valid; valid values: auto, day, week, month, quarter, year",
        ),
        (["--param", "min_articles=-1"], "min_articles must be an integer >= 0"),
        (["--param", "kwic_query=/[/"], "not a valid regular expression"),
        (["--param", "bogus=1"], "unknown parameter 'bogus'"),
        (
            ["--param", "keyness_by=author"],
            "keyness_by='author' is not valid; valid values: outlet, period",
        ),
        (["nosuchnotebook"], "unknown notebook 'nosuchnotebook'"),
    ],
)
def test_invalid_parameters_exit_2(small_store, tmp_path, capsys, args, message):
    code = _report(small_store, tmp_path / "r", *args)  # all notebooks: checked before any runs
    assert code == 2
    assert message in capsys.readouterr().err
    assert _runs(tmp_path / "r") == []


def test_params_file_error_points_at_line(small_store, tmp_path, capsys):
    params = tmp_path / "weekly.yaml"
    params.write_text("date_from: -7d\n\ntop_n: lots\n", encoding="utf-8")
    code = _report(small_store, tmp_path / "r", "01_corpus_overview", "--params-file", str(params))
    assert code == 2
    assert f"{params}:3: top_n must be an integer" in capsys.readouterr().err


def test_empty_selection_renders_no_data_and_resolves_relative_dates(small_store, tmp_path):
    reports = tmp_path / "r"
    params = tmp_path / "p.yaml"
    params.write_text("date_from: -7d\ngranularity: month\n", encoding="utf-8")
    code = _report(small_store, reports, "--params-file", str(params))  # every notebook
    assert code == 0
    (run_dir,) = _runs(reports)
    record = json.loads((run_dir / "run.json").read_text(encoding="utf-8"))
    date_from = record["parameters"]["01_corpus_overview"]["date_from"]
    assert len(date_from) == 10 and date_from.startswith("20")  # resolved to an ISO date
    for name in NOTEBOOKS:
        page = (run_dir / f"{name}.html").read_text(encoding="utf-8")
        assert "No data." in page and "No article matches the selection" in page, name
        if name != "01_corpus_overview":  # 01 still charts the store-wide rejects/duplicates
            assert 'class="plotly-graph-div"' not in page, name


def _failing_notebook(folder: Path) -> Path:
    """A notebook whose parameters pass validation and whose second cell fails at run time."""
    nb = nbformat.v4.new_notebook()
    params = nbformat.v4.new_code_cell(
        'processed_dir: str = ""  # store\ncodebook: str = ""  # codebook'
    )
    params.metadata["tags"] = ["parameters"]
    nb.cells = [params, nbformat.v4.new_code_cell("raise RuntimeError('boom in the kernel')")]
    nb.metadata["kernelspec"] = {
        "name": "python3",
        "display_name": "Python 3",
        "language": "python",
    }
    path = folder / "99_fails.ipynb"
    nbformat.write(nb, path)
    return path


def test_failing_notebook_exits_1_keeps_failed_ipynb_and_log(small_store, tmp_path, capsys):
    reports = tmp_path / "r"
    failing = _failing_notebook(tmp_path)
    code = _report(small_store, reports, str(failing), "05_article_view")
    assert code == 1
    (run_dir,) = _runs(reports)
    assert (run_dir / "99_fails.failed.ipynb").is_file()
    assert (run_dir / "05_article_view.html").is_file()  # the other notebook still ran
    log = (run_dir / "run.log").read_text(encoding="utf-8")
    assert "RuntimeError: boom in the kernel" in log
    record = json.loads((run_dir / "run.json").read_text(encoding="utf-8"))
    assert record["status"] == "failed"
    index = (reports / "index.html").read_text(encoding="utf-8")
    assert "99_fails (failed)" in index
    assert "1 notebook(s) failed" in capsys.readouterr().err
    assert not list(run_dir.glob(".*partial*"))


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ("03_attribution", "--param", "stance_category=bogus"),
            "unknown stance_category: 'bogus'.",
        ),
        (("article_view", "--param", "article_id=nope"), "unknown article_id: 'nope'."),
    ],
)
def test_unknown_store_values_exit_2_before_any_run_folder(
    small_store, tmp_path, capsys, args, message
):
    """Issue #17: checked against the store before a kernel starts; nothing is written."""
    reports = tmp_path / "r"
    assert _report(small_store, reports, *args) == 2
    err = capsys.readouterr().err
    assert message in err and len(err.strip().splitlines()) == 1
    assert not reports.exists() or not any(reports.iterdir())


def test_show_code_keeps_code_cells(small_store, tmp_path):
    reports = tmp_path / "r"
    assert _report(small_store, reports, "05_article_view", "--show-code") == 0
    (run_dir,) = _runs(reports)
    page = (run_dir / "05_article_view.html").read_text(encoding="utf-8")
    assert "load_article" in page and "jp-InputArea" in page
    assert _report(small_store, reports, "05_article_view") == 0
    newest = _runs(reports)[-1]
    assert "load_article" not in (newest / "05_article_view.html").read_text(encoding="utf-8")


def _process_available() -> bool:
    import inspect

    import medialens.process as proc

    return "PLACEHOLDER" not in (inspect.getdoc(proc) or "")


def test_notebooks_on_processed_sample_corpus(tmp_path):
    """The real pipeline end to end: data/raw → medialens process → every notebook."""
    raw = ROOT / "data" / "raw"
    if not _process_available():
        pytest.skip("medialens process is still a placeholder (lib/medialens/process.py)")
    if not raw.is_dir() or not any(
        p for p in raw.rglob("*") if p.is_file() and not p.name.startswith(".")
    ):
        pytest.skip(f"no sample corpus in {raw}")
    processed = tmp_path / "processed"
    assert main(["process", "--raw", str(raw), "--processed", str(processed)]) == 0
    reports = tmp_path / "reports"
    assert _report(processed, reports) == 0
    (run_dir,) = _runs(reports)
    for name in NOTEBOOKS:
        assert (run_dir / f"{name}.html").is_file(), name


def test_notebook_runs_with_its_defaults_like_in_jupyterlab(small_store, monkeypatch, tmp_path):
    """No papermill injection: the defaults resolve the store through medialens.config."""
    from nbclient import NotebookClient

    monkeypatch.setenv("MEDIALENS_PROCESSED", str(small_store))
    nb = nbformat.read(ROOT / "notebooks" / "02_actors.ipynb", as_version=4)
    NotebookClient(
        nb, timeout=300, kernel_name="python3", resources={"metadata": {"path": str(tmp_path)}}
    ).execute()
    outputs = [o for c in nb.cells if c.cell_type == "code" for o in c.get("outputs", [])]
    assert not [o for o in outputs if o.output_type == "error"]
    assert any(
        "application/vnd.plotly.v1+json" in o.get("data", {}) for o in outputs
    )  # JupyterLab's renderer
    assert not list(tmp_path.glob("**/*.csv"))  # output_dir empty: nothing written


def test_path_parameters_from_param_and_missing_codebook(small_store, tmp_path, capsys):
    reports = tmp_path / "r"
    # --param processed_dir is honoured (the outlets listed are the small store's)
    code = main(
        [
            "report",
            "--reports",
            str(reports),
            "--param",
            f"processed_dir={small_store}",
            "--param",
            "outlets=nope",
        ]
    )
    assert code == 2 and "Valid values: bild, faz, spiegel, taz, welt" in capsys.readouterr().err
    code = main(
        [
            "report",
            "--processed",
            str(small_store),
            "--reports",
            str(reports),
            "--codebook",
            str(tmp_path / "none.yaml"),
        ]
    )
    assert code == 2 and "codebook not found" in capsys.readouterr().err
    code = main(["report", "--processed", str(tmp_path / "empty"), "--reports", str(reports)])
    assert code == 2 and "no processed store" in capsys.readouterr().err
    assert _runs(reports) == []
