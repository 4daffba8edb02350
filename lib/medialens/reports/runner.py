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
import os
import time
import uuid
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from medialens.analysis.parameters import (
    ParameterError,
    resolve_article_id,
    resolve_stance_category,
)
from medialens.config import ENV_CODEBOOK
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
    "min_articles",
    "codebook",
)
#: one line per report for the index page
DESCRIPTIONS: dict[str, str] = {
    "01_corpus_overview": "What is in the store: articles per outlet and over time, rejects, duplicates.",
    "02_actors": "Who is mentioned, where and when, and who is quoted where they are mentioned.",
    "03_attribution": "Who is quoted how (direct, indirect, reported) and with which reporting verb.",
    "04_framing": "Frame vocabulary over time, per outlet, in whose voice; key terms per group.",
    "05_article_view": "One article with every annotation highlighted.",
}
#: notebook-specific parameters with a fixed set of values, checked before the run
CHOICES: dict[str, tuple[str, ...]] = {
    "keyness_by": ("outlet", "period"),
    "keyness_terms": ("frame_terms", "words"),
    "granularity": ("auto", "day", "week", "month", "quarter", "year"),
    "kwic_source": ("quotes", "mentions", "frames"),
    "keyness_correction": ("fdr_bh", "holm", "bonferroni"),
}
#: notebook-specific parameters whose valid values come from the store, checked before the
#: run (03: the stance category; 05: the article); see analysis.selection
STORE_PARAMS: dict[str, Callable[[Any, Any], str]] = {
    "stance_category": resolve_stance_category,
    "article_id": resolve_article_id,
}
INDEX = "index.html"
LATEST = "latest"
RUN_JSON = "run.json"
RUN_LOG = "run.log"


#: seconds papermill waits for a notebook kernel to start
KERNEL_START_TIMEOUT = 300
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


def validate_notebook_values(values: Mapping[str, Any], *, today: dt.date | None = None) -> int:
    """Check the selection and the store-dependent notebook parameters (:data:`STORE_PARAMS`)
    against the store before any run folder exists; returns the number of articles.

    Raises :class:`ParameterError` (one line, "did you mean" and valid values) otherwise.
    """
    from medialens.analysis import select

    sel = select(**{k: values[k] for k in SELECTION_PARAMS if k in values}, today=today)
    try:
        for key, check in STORE_PARAMS.items():
            if key in values:
                check(sel.con, values[key])
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

    from medialens.analysis.selection import check_codebook

    # -v (root logger at DEBUG) shows papermill's and the kernel's chatter
    verbose = logging.getLogger().isEnabledFor(logging.DEBUG)
    if not verbose:
        logging.getLogger("papermill").setLevel(logging.WARNING)
    specs = {p.stem: P.notebook_parameters(p) for p in notebooks}
    file_values, file_lines = ({}, {})
    if params_file is not None:
        file_values, file_lines = P.load_params_file(params_file)
    cli_params = dict(cli_params or {})
    file_values = dict(file_values)
    processed_dir = _path_param("processed_dir", processed_dir, cli_params, file_values)
    codebook_given = codebook is not None or bool(
        cli_params.get("codebook") or file_values.get("codebook")
    )
    codebook = _path_param("codebook", codebook, cli_params, file_values)
    if not codebook.is_file():
        raise ParameterError(f"codebook not found: {codebook}")
    # the stamp must be true: the codebook must be the one the store was processed with
    explicit = codebook_given or bool(os.environ.get(ENV_CODEBOOK))
    if Path(processed_dir).exists():
        codebook = check_codebook(Path(processed_dir), codebook, explicit=explicit)
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
        if merged.get("kwic_query"):
            from medialens.analysis.kwic import parse_query

            parse_query(str(merged["kwic_query"]))  # a bad /regex/ stops before any kernel
        checked_keys = (*SELECTION_PARAMS, *STORE_PARAMS)
        key = json.dumps({k: merged.get(k) for k in checked_keys}, sort_keys=True, default=str)
        if key not in checked:
            validate_notebook_values(merged, today=today)
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
                    verbose=verbose,
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
    verbose: bool = False,
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
            # a kernel that starts slowly on a loaded machine (papermill's default: 60 s) is
            # not a failed notebook; a kernel that never starts still fails after this
            start_timeout=KERNEL_START_TIMEOUT,
            # the kernel's own start-up warnings ("Kernel is running over TCP without
            # encryption" …) only with -v; errors in cells still reach run.log
            extra_arguments=[] if verbose else ["--log-level=ERROR"],
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
        if path.parent.is_symlink():  # reports/latest points at a run listed anyway
            continue
        try:
            runs.append(json.loads(path.read_text(encoding="utf-8")))
        except (OSError, ValueError):
            continue
    return sorted(runs, key=lambda r: str(r.get("run_id", "")), reverse=True)


_WORDS: dict[str, str] = {
    "date_from": "from",
    "date_to": "to",
    "outlets": "outlets",
    "actors": "actors",
    "groups": "groups",
    "frames": "frames",
    "granularity": "time unit",
    "top_n": "top",
    "min_articles": "min. articles per outlet",
}


def describe_parameters_in_words(run: Mapping[str, Any]) -> str:
    """The parameters a run was given, as a short sentence (defaults are not repeated)."""
    given: dict[str, Any] = {}
    for values in (run.get("parameters") or {}).values():
        for key, value in values.items():
            if key not in ("processed_dir", "codebook") and value not in ("", [], None):
                given.setdefault(key, value)
    parts = []
    for key, value in given.items():
        text = ", ".join(map(str, value)) if isinstance(value, list) else str(value)
        parts.append(f"{_WORDS.get(key, key)}: {text}")
    return "; ".join(parts) if parts else "default parameters (all dates, all outlets, all actors)"


def _key_figure(run_dir: Path, nb: Mapping[str, Any]) -> str:
    """The first key figure a notebook wrote (``<name>_data/key_figures.json``), as text."""
    path = run_dir / f"{nb.get('name', '')}_data" / "key_figures.json"
    try:
        figures = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return ""
    if not figures:
        return ""
    f = figures[0]
    return f"{f.get('label', '')}: {f.get('value', '')}" + (f" ({f['n']})" if f.get("n") else "")


def _run_block(reports_dir: Path, run: Mapping[str, Any], *, prefix: str) -> str:
    rid = str(run.get("run_id", ""))
    items = []
    for nb in run.get("notebooks", []):
        name = str(nb.get("name", ""))
        label = html.escape(_title(name).removeprefix("medialens · "))
        desc = html.escape(DESCRIPTIONS.get(name, ""))
        figure = html.escape(_key_figure(Path(reports_dir) / rid, nb))
        if nb.get("ok") and nb.get("html"):
            href = html.escape(f"{prefix}{nb['html']}", quote=True)
            head = f'<a href="{href}">{label}</a>'
        else:
            err = html.escape(str(nb.get("error") or "failed"))
            head = f'<span class="failed">{html.escape(name)} (failed)</span>: {err}'
        items.append(
            f"<li>{head} — {desc}"
            + (f'<br><span class="kf">{figure}</span>' if figure else "")
            + "</li>"
        )
    status = html.escape(str(run.get("status", "?")))
    started = html.escape(str(run.get("started", "")).replace("T", " ").replace("+00:00", " UTC"))
    words = html.escape(describe_parameters_in_words(run))
    return (
        f'<section class="run"><h2>{started} <span class="{status}">{status}</span></h2>'
        f"<p><strong>Parameters:</strong> {words}</p><ul>{''.join(items)}</ul>"
        f'<p class="small"><a href="{html.escape(prefix, quote=True) or "./"}">run folder</a> · '
        f'<a href="{html.escape(prefix + RUN_LOG, quote=True)}">log</a> · '
        f'<a href="{html.escape(prefix + RUN_JSON, quote=True)}">run.json</a> · '
        f"run id {html.escape(rid)}</p></section>"
    )


_PAGE_CSS = (
    "body{font-family:sans-serif;margin:1.5em auto;max-width:60em;padding:0 1em;line-height:1.4}"
    ".run{border-bottom:1px solid #ddd;padding-bottom:0.6em}h2{font-size:1.1em}"
    ".failed{color:#b00}.ok{color:#070;font-size:0.8em}.running{color:#a60;font-size:0.8em}"
    ".kf{color:#333;font-size:0.9em}.small{font-size:0.85em;color:#555}li{margin:0.3em 0}"
)


def _page(title: str, body: str) -> str:
    return (
        "<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'>"
        "<meta name='viewport' content='width=device-width, initial-scale=1'>"
        f"<title>{html.escape(title)}</title><style>{_PAGE_CSS}</style></head><body>"
        f"<h1>{html.escape(title)}</h1>{body}</body></html>"
    )


def write_index(reports_dir: Path) -> Path:
    """Write ``reports/index.html`` (every run, newest first: date, parameters in words, a
    description and the first key figure of each report), a ``<run>/index.html`` per run,
    and point ``reports/latest`` at the newest successful run. All text is escaped."""
    reports_dir = Path(reports_dir)
    runs = list_runs(reports_dir)
    blocks = []
    for run in runs:
        rid = str(run.get("run_id", ""))
        blocks.append(_run_block(reports_dir, run, prefix=f"{rid}/"))
        run_dir = reports_dir / rid
        if run_dir.is_dir():
            write_atomic(
                run_dir / INDEX,
                _page("medialens reports · run " + rid, _run_block(reports_dir, run, prefix="")),
            )
    latest = next((r for r in runs if r.get("status") == "ok"), None)
    head = f"<p>{len(runs)} run(s), newest first."
    if latest is not None:
        _point_latest(reports_dir, str(latest["run_id"]))
        head += f' <a href="{LATEST}/{INDEX}">latest/</a> is the newest complete run.'
    page = _page("medialens reports", head + "</p>" + "".join(blocks))
    path = reports_dir / INDEX
    write_atomic(path, page)
    return path


def _point_latest(reports_dir: Path, run_id: str) -> None:
    """Make ``reports/latest`` a relative symlink to ``run_id`` (replaced atomically)."""
    link = reports_dir / LATEST
    if link.exists() and not link.is_symlink():
        return  # a real folder of that name is the user's: leave it
    tmp = reports_dir / f".{LATEST}.{uuid.uuid4().hex[:6]}"
    try:
        tmp.symlink_to(run_id, target_is_directory=True)
        tmp.replace(link)
    except OSError as exc:  # a file system without symlinks: the index still lists the run
        log.warning("could not point %s at %s: %s", link, run_id, exc)
        tmp.unlink(missing_ok=True)
