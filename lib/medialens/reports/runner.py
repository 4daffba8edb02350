"""Run notebooks with papermill into ``reports/<run-id>/`` and keep ``reports/index.html``.

Why papermill: parameters reach a notebook only as papermill parameters (a new cell of
literal assignments after the cell tagged ``parameters``); nothing from the command line
or the corpus is evaluated or passed to a shell. A run folder holds, per notebook, the
executed ``.ipynb``, a self-contained ``.html`` and a ``<notebook>_data/`` folder with a CSV
and an XLSX per chart, plus ``run.log`` and ``run.json`` (parameters, status, provenance).
Parameters are validated against the store *before* any kernel starts, so a typo costs a
second, not a run. A notebook that fails is kept as ``<name>.failed.ipynb`` for
debugging, the other notebooks still run, and the run's status is ``failed``.
Limit: notebooks run one after another in one kernel each (≈ 3–5 s start-up per notebook).
"""

from __future__ import annotations

import datetime as dt
import html
import json
import logging
import time
import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from medialens.analysis.selection import ParameterError
from medialens.reports import params as P
from medialens.reports.export import export_html
from medialens.reports.provenance import provenance
from medialens.store import write_atomic

NOTEBOOKS: tuple[str, ...] = (
    "01_corpus_overview",
    "02_actors",
    "03_attribution",
    "04_framing",
    "05_article_view",
    "06_validation",
)
#: parameters validated against the store before the run (see analysis.select)
SELECTION_PARAMS: tuple[str, ...] = (
    "processed_dir",
    "date_from",
    "date_to",
    "outlets",
    "actors",
    "groups",
    "frames",
    "granularity",
    "top_n",
    "codebook",
)
#: notebook-specific parameters with a fixed set of values, checked before the run
CHOICES: dict[str, tuple[str, ...]] = {
    "keyness_by": ("outlet", "period"),
    "keyness_terms": ("frame_terms", "words"),
    "granularity": ("day", "week", "month"),
}
INDEX = "index.html"
RUN_JSON = "run.json"
RUN_LOG = "run.log"

log = logging.getLogger("medialens.reports")


@dataclass
class NotebookResult:
    name: str
    ok: bool
    seconds: float
    html: str | None = None
    ipynb: str | None = None
    data_dir: str | None = None
    error: str | None = None
    files: list[str] = field(default_factory=list)


@dataclass
class RunResult:
    run_id: str
    run_dir: Path
    ok: bool
    notebooks: list[NotebookResult]
    log_file: Path


def resolve_notebooks(names: Sequence[str], notebooks_dir: Path) -> list[Path]:
    """Notebook names (``02_actors``, ``02_actors.ipynb``, ``actors`` or a path) → paths.

    No names: every notebook of :data:`NOTEBOOKS` (in order). Unknown names are a
    :class:`ParameterError` listing the available notebooks.
    """
    available = sorted(p for p in notebooks_dir.glob("*.ipynb") if not p.name.startswith("."))
    if not names:
        paths = [notebooks_dir / f"{n}.ipynb" for n in NOTEBOOKS]
        missing = [p for p in paths if not p.is_file()]
        if missing:
            raise ParameterError(f"notebooks missing: {', '.join(map(str, missing))}")
        return paths
    out: list[Path] = []
    for name in names:
        candidate = Path(name)
        if candidate.suffix == ".ipynb" and candidate.is_file():
            out.append(candidate.resolve())
            continue
        stem = candidate.stem if candidate.suffix == ".ipynb" else name
        matches = [p for p in available if p.stem == stem or p.stem.split("_", 1)[-1] == stem]
        if len(matches) != 1:
            listing = ", ".join(p.stem for p in available) or "(none)"
            raise ParameterError(f"unknown notebook {name!r}; available: {listing}")
        out.append(matches[0])
    return out


def new_run_id(now: dt.datetime | None = None) -> str:
    """``YYYYMMDDTHHMMSSZ-xxxxxx``: sortable by time, unique across parallel runs."""
    stamp = (now or dt.datetime.now(dt.UTC)).strftime("%Y%m%dT%H%M%SZ")
    return f"{stamp}-{uuid.uuid4().hex[:6]}"


def validate_selection(values: Mapping[str, Any], *, today: dt.date | None = None) -> int:
    """Check the selection parameters against the store; returns the number of articles."""
    from medialens.analysis import select

    sel = select(**{k: values[k] for k in SELECTION_PARAMS if k in values}, today=today)
    try:
        return sel.n_articles
    finally:
        sel.con.close()


def run_reports(
    notebooks: Sequence[Path],
    *,
    reports_dir: Path,
    processed_dir: Path | None,
    codebook: Path | None,
    cli_params: Mapping[str, str] | None = None,
    params_file: Path | None = None,
    show_code: bool = False,
    kernel_name: str = "python3",
    today: dt.date | None = None,
    run_id: str | None = None,
    timeout: int = 1800,
) -> RunResult:
    """Validate parameters, execute each notebook, export HTML, update the index.

    Raises :class:`ParameterError` (nothing written) for invalid parameters; returns a
    :class:`RunResult` whose ``ok`` is False when a notebook failed.
    """
    import papermill as pm

    logging.getLogger("papermill").setLevel(logging.WARNING)  # our log says what ran
    specs = {p.stem: P.notebook_parameters(p) for p in notebooks}
    file_values, file_lines = ({}, {})
    if params_file is not None:
        file_values, file_lines = P.load_params_file(params_file)
    cli_params = dict(cli_params or {})
    file_values = dict(file_values)
    processed_dir = _path_param("processed_dir", processed_dir, cli_params, file_values)
    codebook = _path_param("codebook", codebook, cli_params, file_values)
    if not codebook.is_file():
        raise ParameterError(f"codebook not found: {codebook}")
    fixed = {"processed_dir": str(processed_dir), "codebook": str(codebook)}
    per_nb = P.build_parameters(
        specs,
        cli=cli_params,
        file_values=file_values,
        file_lines=file_lines,
        params_file=params_file,
        fixed=fixed,
        today=today,
    )
    checked: set[str] = set()
    for name, values in per_nb.items():
        merged = {k: spec["default"] for k, spec in specs[name].items()} | values
        for key, choices in CHOICES.items():
            if key in merged and merged[key] not in choices:
                raise ParameterError(
                    f"{key}={merged[key]!r} is not valid; valid values: {', '.join(choices)}"
                )
        key = json.dumps({k: merged.get(k) for k in SELECTION_PARAMS}, sort_keys=True, default=str)
        if key not in checked:
            validate_selection(merged, today=today)
            checked.add(key)

    run_id = run_id or new_run_id()
    run_dir = Path(reports_dir) / run_id
    run_dir.mkdir(parents=True, exist_ok=False)
    log_file = run_dir / RUN_LOG
    handler = logging.FileHandler(log_file, encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(message)s"))
    log.addHandler(handler)
    previous_level = log.level
    log.setLevel(logging.INFO)
    started = dt.datetime.now(dt.UTC)
    results: list[NotebookResult] = []
    record: dict[str, Any] = {
        "run_id": run_id,
        "started": started.isoformat(timespec="seconds"),
        "status": "running",
        "show_code": show_code,
        "params_file": str(params_file) if params_file else None,
        "cli_params": dict(cli_params or {}),
        "parameters": per_nb,
        "notebooks": [],
    }
    write_atomic(run_dir / RUN_JSON, json.dumps(record, indent=2, ensure_ascii=False, default=str))
    try:
        log.info("run %s: %d notebook(s) into %s", run_id, len(notebooks), run_dir)
        for path in notebooks:
            results.append(
                _run_one(
                    pm,
                    path,
                    run_dir,
                    per_nb[path.stem],
                    show_code=show_code,
                    kernel_name=kernel_name,
                    timeout=timeout,
                )
            )
    finally:
        for partial in run_dir.glob(".*.partial.ipynb"):  # interrupted mid-notebook
            partial.unlink(missing_ok=True)
        ok = bool(results) and all(r.ok for r in results) and len(results) == len(notebooks)
        record.update(
            status="ok" if ok else "failed",
            finished=dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
            notebooks=[r.__dict__ for r in results],
            provenance=provenance(
                {"cli": dict(cli_params or {}), "params_file": str(params_file or "")},
                processed_dir=processed_dir,
                codebook=codebook,
            ),
        )
        write_atomic(
            run_dir / RUN_JSON, json.dumps(record, indent=2, ensure_ascii=False, default=str)
        )
        write_index(Path(reports_dir))
        log.info("run %s %s", run_id, record["status"])
        log.removeHandler(handler)
        handler.close()
        log.setLevel(previous_level)
    return RunResult(run_id=run_id, run_dir=run_dir, ok=ok, notebooks=results, log_file=log_file)


def _path_param(
    key: str, flag: Path | None, cli: dict[str, Any], file_values: dict[str, Any]
) -> Path:
    """A path parameter: flag > ``--param`` > params file > :func:`get_settings` default.

    The value is removed from ``cli``/``file_values``: the runner passes the resolved,
    absolute path to every notebook (so notebooks never depend on the working directory).
    """
    from medialens.config import get_settings

    given = [v for v in (cli.pop(key, None), file_values.pop(key, None)) if v]
    if flag is not None:
        return Path(flag).expanduser().resolve()
    if given:
        if not isinstance(given[0], str):
            raise ParameterError(f"{key} must be a path string, got {given[0]!r}")
        return Path(given[0]).expanduser().resolve()
    settings = get_settings()
    return settings.processed_dir if key == "processed_dir" else settings.codebook


def _run_one(
    pm: Any,
    path: Path,
    run_dir: Path,
    values: Mapping[str, Any],
    *,
    show_code: bool,
    kernel_name: str,
    timeout: int,
) -> NotebookResult:
    name = path.stem
    data_dir = run_dir / f"{name}_data"
    parameters = dict(values) | {"output_dir": str(data_dir)}
    partial = run_dir / f".{name}.partial.ipynb"
    t0 = time.perf_counter()
    log.info("%s: executing with %s", name, json.dumps(values, ensure_ascii=False, default=str))
    try:
        pm.execute_notebook(
            str(path),
            str(partial),
            parameters=parameters,
            kernel_name=kernel_name,
            progress_bar=False,
            log_output=False,
            cwd=str(path.parent),
            execution_timeout=timeout,
        )
    except pm.PapermillExecutionError as exc:
        seconds = time.perf_counter() - t0
        failed = run_dir / f"{name}.failed.ipynb"
        if partial.exists():
            partial.replace(failed)
        message = f"{exc.ename}: {exc.evalue}"
        log.error("%s failed after %.1f s: %s (see %s)", name, seconds, message, failed.name)
        return NotebookResult(
            name=name, ok=False, seconds=round(seconds, 2), ipynb=failed.name, error=message
        )
    except Exception as exc:  # kernel died, timeout, …: record and go on with the others
        seconds = time.perf_counter() - t0
        partial.unlink(missing_ok=True)
        message = f"{type(exc).__name__}: {exc}"
        log.error("%s failed after %.1f s: %s", name, seconds, message)
        return NotebookResult(name=name, ok=False, seconds=round(seconds, 2), error=message)
    final = run_dir / f"{name}.ipynb"
    partial.replace(final)
    try:
        body = export_html(final, show_code=show_code, title=_title(name))
    except Exception as exc:
        seconds = time.perf_counter() - t0
        message = f"HTML export failed: {type(exc).__name__}: {exc}"
        log.error("%s: %s", name, message)
        return NotebookResult(
            name=name, ok=False, seconds=round(seconds, 2), ipynb=final.name, error=message
        )
    write_atomic(run_dir / f"{name}.html", body)
    seconds = time.perf_counter() - t0
    files = sorted(p.name for p in data_dir.glob("*")) if data_dir.is_dir() else []
    log.info("%s: ok in %.1f s, %d data file(s)", name, seconds, len(files))
    return NotebookResult(
        name=name,
        ok=True,
        seconds=round(seconds, 2),
        html=f"{name}.html",
        ipynb=final.name,
        data_dir=data_dir.name if data_dir.is_dir() else None,
        files=files,
    )


def _title(name: str) -> str:
    stem = name.split("_", 1)[-1] if name[:2].isdigit() else name
    return "medialens · " + stem.replace("_", " ").capitalize()


def list_runs(reports_dir: Path) -> list[dict[str, Any]]:
    """Every run's ``run.json`` under ``reports_dir``, newest first (unreadable ones skipped)."""
    runs = []
    for path in Path(reports_dir).glob(f"*/{RUN_JSON}"):
        try:
            runs.append(json.loads(path.read_text(encoding="utf-8")))
        except (OSError, ValueError):
            continue
    return sorted(runs, key=lambda r: str(r.get("run_id", "")), reverse=True)


def write_index(reports_dir: Path) -> Path:
    """Write ``reports/index.html``: every run with status, parameters and links (escaped)."""
    rows = []
    for run in list_runs(reports_dir):
        rid = str(run.get("run_id", ""))
        links = []
        for nb in run.get("notebooks", []):
            label = html.escape(str(nb.get("name", "")))
            if nb.get("ok") and nb.get("html"):
                href = html.escape(f"{rid}/{nb['html']}", quote=True)
                links.append(f'<a href="{href}">{label}</a>')
            else:
                err = html.escape(str(nb.get("error") or "failed"), quote=True)
                links.append(f'<span class="failed" title="{err}">{label} (failed)</span>')
        params = json.dumps(run.get("parameters", {}), ensure_ascii=False, indent=1, default=str)
        given = json.dumps(
            {"--param": run.get("cli_params", {}), "--params-file": run.get("params_file")},
            ensure_ascii=False,
            default=str,
        )
        status = html.escape(str(run.get("status", "?")))
        rows.append(
            "<tr>"
            f'<td><a href="{html.escape(rid, quote=True)}/">{html.escape(rid)}</a></td>'
            f"<td>{html.escape(str(run.get('started', '')))}</td>"
            f'<td class="{status}">{status}</td>'
            f"<td>{'<br>'.join(links)}</td>"
            f"<td><code>{html.escape(given)}</code><details><summary>per notebook</summary><pre>{html.escape(params)}</pre></details></td>"
            f'<td><a href="{html.escape(rid, quote=True)}/{RUN_LOG}">log</a></td>'
            "</tr>"
        )
    page = (
        "<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'>"
        "<title>medialens reports</title><style>"
        "body{font-family:sans-serif;margin:2em}table{border-collapse:collapse}"
        "td,th{border-bottom:1px solid #ddd;padding:0.3em 0.8em;vertical-align:top;text-align:left}"
        ".failed{color:#b00}.ok{color:#070}pre{font-size:0.8em}"
        "</style></head><body><h1>medialens reports</h1>"
        f"<p>{len(rows)} run(s), newest first.</p>"
        "<table><thead><tr><th>run</th><th>started (UTC)</th><th>status</th><th>reports</th>"
        "<th>parameters</th><th>log</th></tr></thead><tbody>"
        + "".join(rows)
        + "</tbody></table></body></html>"
    )
    path = Path(reports_dir) / INDEX
    write_atomic(path, page)
    return path
