"""Render the notebooks as self-contained HTML reports into reports/<run-id>/.

  medialens report                                   # every notebook, default parameters
  medialens report 02_actors --param outlets=taz,welt --param date_from=-30d
  medialens report --params-file weekly.yaml --show-code
  medialens report --list-values actors              # ids and names accepted by actors=

Parameters are the notebooks' own (see --list-params); values are typed by the notebook's
default (top_n=5, outlets=a,b). Relative dates: -7d, -4w, -6m, -1y (from today).
Exit codes: 0 all reports written; 1 a notebook failed (see reports/<run-id>/run.log);
2 invalid parameters or paths (nothing is written).
"""

from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path

from medialens.reports.prune import keep_count, prune_runs

log = logging.getLogger("medialens.reports")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Flags of ``medialens report``."""
    parser.add_argument(
        "notebooks",
        nargs="*",
        metavar="NOTEBOOK",
        help="notebook names (01_corpus_overview, actors, …) or .ipynb paths; default: all",
    )
    parser.add_argument(
        "--param",
        "-p",
        action="append",
        default=[],
        metavar="KEY=VALUE",
        help="set a notebook parameter (repeatable), e.g. --param date_from=-7d",
    )
    parser.add_argument("--params-file", metavar="PATH", help="YAML file of parameter: value lines")
    parser.add_argument("--show-code", action="store_true", help="keep the code cells in the HTML")
    parser.add_argument(
        "--keep",
        type=keep_count,
        metavar="N",
        help="after the run, delete all but the newest N report runs (reports/prune.py)",
    )
    parser.add_argument(
        "--processed",
        metavar="DIR",
        help="processed store (default: data/processed, env MEDIALENS_PROCESSED)",
    )
    parser.add_argument(
        "--reports", metavar="DIR", help="reports folder (default: reports/, env MEDIALENS_REPORTS)"
    )
    parser.add_argument(
        "--codebook",
        metavar="PATH",
        help="codebook YAML (default: bundled, env MEDIALENS_CODEBOOK)",
    )
    parser.add_argument(
        "--list-params", action="store_true", help="print the notebooks' parameters and exit"
    )
    parser.add_argument(
        "--list-values",
        choices=("actors", "outlets", "frames", "groups"),
        metavar="KIND",
        help="print the valid values of actors|outlets|frames|groups in the store and exit",
    )
    parser.add_argument(
        "--kernel", default="python3", metavar="NAME", help="Jupyter kernel (default: python3)"
    )


def run(args: argparse.Namespace) -> int:
    """Validate, run, report; user errors become :class:`medialens.cli.UsageError` (exit 2)."""
    from medialens.analysis.selection import ParameterError
    from medialens.cli import UsageError
    from medialens.config import get_settings
    from medialens.reports import params as P
    from medialens.reports.runner import resolve_notebooks, run_reports
    from medialens.store import StoreError

    settings = get_settings(
        processed_dir=args.processed, reports_dir=args.reports, codebook=args.codebook
    )
    try:
        if args.list_values:
            for line in list_values(args.list_values, settings.processed_dir, settings.codebook):
                print(line)
            return 0
        notebooks = resolve_notebooks(args.notebooks, settings.notebooks_dir)
        if args.list_params:
            for path in notebooks:
                print(f"{path.stem}:")
                for line in P.describe_parameters(P.notebook_parameters(path)):
                    print(line)
            return 0
        cli_params = P.parse_cli_params(args.param)
        params_file = Path(args.params_file) if args.params_file else None
        if params_file is not None and not params_file.is_file():
            raise UsageError(f"params file not found: {params_file}")
        result = run_reports(
            notebooks,
            reports_dir=settings.reports_dir,
            processed_dir=Path(args.processed) if args.processed else None,
            codebook=Path(args.codebook) if args.codebook else None,
            cli_params=cli_params,
            params_file=params_file,
            show_code=args.show_code,
            kernel_name=args.kernel,
        )
    except (ParameterError, StoreError) as exc:
        raise UsageError(str(exc)) from None
    for nb in result.notebooks:
        where = result.run_dir / (nb.html or nb.ipynb or "")
        print(
            f"{'ok  ' if nb.ok else 'FAIL'} {nb.name:22s} {nb.seconds:6.1f} s  {where}"
            + (f"  {nb.error}" if nb.error else "")
        )
    print(f"index: {settings.reports_dir / 'index.html'}  log: {result.log_file}")
    if args.keep is not None:
        pruned = prune_runs(settings.reports_dir, args.keep)
        print(f"pruned: {len(pruned.removed)} old run(s) removed, {len(pruned.kept)} kept")
    if not result.ok:
        print(
            f"medialens report: {sum(not n.ok for n in result.notebooks)} notebook(s) failed; see {result.log_file}",
            file=sys.stderr,
        )
        return 1
    return 0


def list_values(kind: str, processed_dir: Path, codebook: Path) -> list[str]:
    """Lines ``id<TAB>display name`` of the values ``kind`` may take in this store."""
    from medialens.analysis.selection import connect, load_names, valid_values
    from medialens.store import snapshot_dir

    snapshot_dir(processed_dir)  # a clear StoreError when there is no store
    con = connect(processed_dir)
    try:
        values = valid_values(con, codebook)[kind]
    finally:
        con.close()
    names = load_names(codebook)
    lookup = {"actors": names.actors, "frames": names.frames}.get(kind, {})
    return [f"{v}\t{lookup[v]}" if v in lookup and lookup[v] != v else v for v in values]
