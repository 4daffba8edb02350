#!/usr/bin/env python3
"""Score quotation attribution on the Wikinews quotes gold data (``make eval``).

Runs the default pipeline (in-process, the same code as ``medialens annotate``) over
``SHARED/data/wikinews-quotes/<split>.jsonl`` and scores it with ``SHARED/eval/score_quotes.py``.
Without ``../shared`` it prints ``skipped: …`` and exits 0 (the data is not in a user's clone).
``--gold FILE`` scores any gold file in the same line format instead, e.g. the historical
newspaper samples that ``scripts/redewiedergabe_gold.py`` writes (see docs/attribution.md).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", default=str(ROOT.parent / "shared"), help="the shared directory")
    ap.add_argument("--split", default="dev", choices=("dev", "train"), help="gold split")
    ap.add_argument("--json", action="store_true", help="print the figures as one JSON object")
    ap.add_argument("--output", help="keep the system output here (default: a temporary file)")
    ap.add_argument(
        "--gold", help="score this gold file (wikinews-quotes line format) instead of a split"
    )
    args = ap.parse_args(argv)
    shared = Path(args.shared)
    gold = shared / "data" / "wikinews-quotes" / f"{args.split}.jsonl"
    scorer = shared / "eval" / "score_quotes.py"
    if args.gold:
        gold = Path(args.gold)
        if not gold.is_file():
            print(f"error: {gold}: no such gold file", file=sys.stderr)
            return 2
        args.split = gold.stem
    if not gold.is_file() or not scorer.is_file():
        print(f"skipped: {gold} or {scorer} not available (../shared is only present in CI/dev)")
        return 0
    from medialens.nlp import annotate_texts, build_nlp

    nlp = build_nlp()
    with gold.open(encoding="utf-8") as fh:
        records = [json.loads(line) for line in fh if line.strip()]
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(args.output) if args.output else Path(tmp) / f"{args.split}.out.jsonl"
        t0 = time.perf_counter()
        with out.open("w", encoding="utf-8") as fh:
            for _rec, _doc, result in annotate_texts(
                nlp, ({"id": r["id"], "text": r["text"]} for r in records)
            ):
                fh.write(json.dumps(result, ensure_ascii=False) + "\n")
        seconds = time.perf_counter() - t0
        cmd = [sys.executable, str(scorer), str(gold), str(out)]
        if args.json:
            cmd.append("--json")
        res = subprocess.run(cmd, capture_output=True, text=True, check=False)
    if res.returncode != 0:
        print(res.stdout + res.stderr, file=sys.stderr)
        return res.returncode
    if args.json:
        figures = json.loads(res.stdout)
        figures["seconds"] = round(seconds, 2)
        print(json.dumps(figures))
    else:
        print(f"annotated {len(records)} {args.split} articles in {seconds:.1f} s")
        print(res.stdout, end="")
    return 0


if __name__ == "__main__":
    sys.exit(main())
