#!/usr/bin/env python3
"""How often does the interval of ``medialens validate score`` contain the full-set figure?

Annotates the Wikinews quotation gold split into a temporary store, then for each seed draws
a sample of ``--n`` quotations with ``medialens validate sample``, codes it from the gold
exactly as ``SHARED/eval/score_quotes.py`` decides, scores it with ``medialens validate
score --json`` and counts the samples whose 95 % interval contains the scorer's figure on the
full set (docs/validation.md). Reuses the helpers of tests/integration/test_validate_gold.py.
Without ``../shared`` it prints ``skipped: …`` and exits 0.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import sys
import tempfile
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", default=str(ROOT.parent / "shared"), help="the shared directory")
    ap.add_argument("--n", type=int, default=200, help="sample size")
    ap.add_argument("--seeds", type=int, default=100, help="number of samples (seeds 1..N)")
    args = ap.parse_args(argv)
    shared = Path(args.shared).resolve()
    if not (shared / "data" / "wikinews-quotes" / "dev.jsonl").is_file():
        print(f"skipped: no {shared}/data/wikinews-quotes/dev.jsonl")
        return 0
    os.environ["MEDIALENS_SHARED"] = str(shared)
    sys.path[:0] = [str(ROOT / "tests"), str(ROOT / "tests" / "integration")]
    import test_validate_gold as gold_test

    class _Tmp:
        def mktemp(self, name: str) -> Path:
            return Path(tempfile.mkdtemp(prefix=name))

    processed, gold, quotes, scorer = gold_test.gold_store.__wrapped__(_Tmp())
    system = gold_test._system(quotes)
    full = gold_test._full_set_figures(gold, system, scorer)
    codes = gold_test._gold_codes(gold, system, scorer)
    hits = dict.fromkeys(full, 0)
    widths: dict[str, list[float]] = {c: [] for c in full}
    for seed in range(1, args.seeds + 1):
        sheet = Path(tempfile.mkdtemp()) / "sample.csv"
        quiet = io.StringIO()
        with redirect_stdout(quiet), redirect_stderr(quiet):
            argv = ["validate", "sample", "--what", "quotes", "--n", str(args.n)]
            gold_test.main(
                [*argv, "--seed", str(seed), "--processed", str(processed), "-o", str(sheet)]
            )
        gold_test._code_sheet(sheet, codes)
        out = io.StringIO()
        with redirect_stdout(out), redirect_stderr(io.StringIO()):
            gold_test.main(["validate", "score", str(sheet), "--json", "--no-store"])
        got = json.loads(out.getvalue())
        for col, value in full.items():
            hits[col] += got[col]["ci_low"] <= value <= got[col]["ci_high"]
            widths[col].append(got[col]["ci_high"] - got[col]["ci_low"])
    print(f"{len(quotes)} machine quotations; n = {args.n}; {args.seeds} seeds")
    for col, value in full.items():
        mean = sum(widths[col]) / len(widths[col])
        print(
            f"{col:16} full set {value:.3f}  covered {hits[col]}/{args.seeds}  mean width {mean:.3f}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
