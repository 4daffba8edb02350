"""Validate medialens on your own corpus: sample items for manual coding, then score the sheets.

  medialens validate sample --what quotes|mentions|scare_quotes|framing [--n 200]
      [--strata outlet,kind] [--seed N] [--per-stratum N] [--articles N] [--processed DIR]
      -o SHEET.xlsx|SHEET.csv
  medialens validate score SHEET... [--json] [--processed DIR] [--no-store]

`sample` draws a reproducible stratified random sample of the current store's annotations
(proportional allocation; --per-stratum N: N per stratum with design weights) into a coding
sheet; --articles N instead exports N random articles with every annotation under each and
rows for what the machine missed (for recall). `score` reads coded sheets (several coders:
one copy each) and prints precision per coded column with Wilson 95 % intervals, per
stratum and weighted overall, recall from article sheets, agreement and Krippendorff's
alpha; the score is stored with the snapshot id and codebook hash (reports show it).
Exit codes: 0 ok, 2 usage error or a sheet out of shape (each problem with file, row, column).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from medialens.validate.columns import WHATS


def add_arguments(parser: argparse.ArgumentParser) -> None:
    sub = parser.add_subparsers(dest="validate_command", metavar="ACTION")
    s = sub.add_parser("sample", help="write a coding sheet with a stratified random sample")
    s.add_argument("--what", required=True, choices=WHATS, help="which annotations to sample")
    s.add_argument("--n", type=int, default=None, help="sample size (default 200)")
    s.add_argument(
        "--strata",
        default=None,
        metavar="COLS",
        help="comma-separated strata (default: outlet,kind where the items have a kind)",
    )
    s.add_argument("--seed", type=int, default=None, help="random seed (default 1)")
    s.add_argument(
        "--per-stratum",
        type=int,
        default=None,
        metavar="N",
        help="N items per stratum (equal allocation, weighted scores) instead of --n",
    )
    s.add_argument(
        "--articles",
        type=int,
        default=None,
        metavar="N",
        help="export N whole articles with every annotation and rows for missed items (recall)",
    )
    s.add_argument("--processed", metavar="DIR", help="processed store (default: data/processed)")
    s.add_argument("--codebook", metavar="PATH", help=argparse.SUPPRESS)
    s.add_argument("-o", "--output", required=True, metavar="SHEET", help="SHEET.xlsx or .csv")
    c = sub.add_parser("score", help="score coded sheets: precision, recall, agreement")
    c.add_argument("sheets", nargs="+", metavar="SHEET", help="coded sheets (.xlsx or .csv)")
    c.add_argument("--json", action="store_true", help="print one JSON object (coded columns)")
    c.add_argument(
        "--processed", metavar="DIR", help="store to keep the score in (default: the sheet's)"
    )
    c.add_argument("--no-store", action="store_true", help="print only, do not keep the score")


def run(args: argparse.Namespace) -> int:
    action = getattr(args, "validate_command", None)
    if action == "sample":
        return _sample(args)
    if action == "score":
        return _score(args)
    print("usage: medialens validate {sample,score} … (see --help)", file=sys.stderr)
    return 2


def _error(action: str, message: str) -> int:
    print(f"medialens validate {action}: error: {message}", file=sys.stderr)
    return 2


def _sample(args: argparse.Namespace) -> int:
    from medialens.store import StoreError
    from medialens.validate import sampling
    from medialens.validate.sheets import write_sheet

    out = Path(args.output)
    if out.suffix.lower() not in (".xlsx", ".csv"):
        return _error("sample", f"{out}: the sheet must end in .xlsx or .csv")
    if args.n is not None and args.per_stratum is not None:
        return _error("sample", "give --n (proportional) or --per-stratum (equal), not both")
    if args.articles is not None and (args.n is not None or args.per_stratum is not None):
        return _error("sample", "--articles samples whole articles; drop --n/--per-stratum")
    seed = sampling.DEFAULT_SEED if args.seed is None else args.seed
    try:
        if args.articles is not None:
            sample = sampling.sample_articles(
                args.what,
                args.articles,
                processed_dir=args.processed,
                codebook=args.codebook,
                strata=args.strata,
                seed=seed,
            )
        else:
            sample = sampling.sample_items(
                args.what,
                processed_dir=args.processed,
                codebook=args.codebook,
                n=args.n,
                per_stratum=args.per_stratum,
                strata=args.strata,
                seed=seed,
            )
        files = write_sheet(
            sample.rows, out, what=sample.what, params=sample.params, kind=sample.kind
        )
    except (sampling.SamplingError, StoreError) as exc:
        return _error("sample", str(exc))
    except OSError as exc:
        return _error("sample", f"cannot write {out}: {exc}")
    p = sample.params
    unit = "articles" if sample.kind == "articles" else sample.what
    print(
        f"{p['sampled']} {unit} sampled of {p['population']} "
        f"({p['allocation']} allocation over {len(p['strata_table'])} strata: "
        f"{', '.join(p['strata']) or 'none'}; seed {p['seed']}; snapshot {p['snapshot']})",
        file=sys.stderr,
    )
    print("wrote " + ", ".join(map(str, files)), file=sys.stderr)
    return 0


def _score(args: argparse.Namespace) -> int:
    from medialens.store import StoreError
    from medialens.validate.columns import SheetError
    from medialens.validate.scoring import describe, json_summary, score_sheets
    from medialens.validate.sheets import read_sheet
    from medialens.validate.storage import save_score

    sheets, problems = [], []
    for path in args.sheets:
        try:
            sheets.append(read_sheet(path))
        except SheetError as exc:
            problems += exc.problems
    try:
        records = score_sheets(sheets) if not problems else []
    except SheetError as exc:
        problems += exc.problems
    if problems:
        print(
            f"medialens validate score: error: {len(problems)} problem(s); nothing was scored:",
            file=sys.stderr,
        )
        for line in problems:
            print(f"  {line}", file=sys.stderr)
        return 2
    for record in records:
        if args.no_store:
            continue
        if not record.get("snapshot"):
            print(
                f"{record['what']}: score not stored: the sheets do not say which snapshot they "
                "were sampled from (keep SHEET.sampling.json next to a CSV sheet)",
                file=sys.stderr,
            )
            continue
        target = args.processed or record.get("processed_dir")
        try:
            path = save_score(record, target)
        except (StoreError, OSError) as exc:
            print(f"{record['what']}: score not stored: {exc}", file=sys.stderr)
            continue
        record["stored"] = str(path)
    if args.json:
        print(json.dumps(json_summary(records), ensure_ascii=False))
        for record in records:
            for w in record["warnings"]:
                print(f"warning: {w}", file=sys.stderr)
    else:
        for record in records:
            print("\n".join(describe(record)))
    for record in records:
        if record.get("stored"):
            print(f"{record['what']}: score stored in {record['stored']}", file=sys.stderr)
    return 0
