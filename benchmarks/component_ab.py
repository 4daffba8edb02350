"""A/B of one pipeline component's CPU time: this checkout against another, alternating processes.

Usage::

    PYTHONPATH=lib .venv/bin/python benchmarks/component_ab.py --base ../base-checkout \\
        --component candidates --shared ../shared --rounds 3

Why: a component's cost depends on the caches it fills as it goes, so it is measured in two
regimes, as ``benchmarks/throughput.py`` does: the *first pass* over texts the process has
not seen (every word, run and name new to its caches) and a *warm* second pass over the same
texts (the regime of the components section of ``throughput.py``, where caches are warm from
the throughput runs). Each round runs one process per checkout (``PYTHONPATH=<checkout>/lib``),
in alternating order, on the 1,028 derStandard texts of the 10kGNAD test split; each process
times every component's ``__call__`` and ``make_doc`` in CPU time (``time.process_time``)
like ``throughput.component_costs``. Reported: the component's seconds and its ratio to
``make_doc`` per process, and the median over rounds of new/base. Limit: on a loaded machine
single rounds vary by 10–20 %; the ratio of the medians is the robust figure.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def worker(shared: Path, articles: int) -> dict:
    """Time every component in one process: a first pass, then a warm pass."""
    from medialens.process import get_nlp

    path = shared / "data" / "10kgnad" / "test.jsonl"
    with path.open(encoding="utf-8") as fh:
        texts = [json.loads(line)["text"] for line in fh][:articles]
    nlp = get_nlp(None, None)
    clock = time.process_time
    out = {}
    for regime in ("first", "warm"):
        secs = dict.fromkeys(["make_doc", *nlp.pipe_names], 0.0)
        for text in texts:
            t0 = clock()
            doc = nlp.make_doc(text)
            secs["make_doc"] += clock() - t0
            for name, proc in nlp.pipeline:
                t0 = clock()
                doc = proc(doc)
                secs[name] += clock() - t0
        out[regime] = secs
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--base", type=Path, help="the other checkout (its lib/ is imported)")
    ap.add_argument("--component", default="candidates")
    ap.add_argument("--shared", type=Path, default=Path("../shared"))
    ap.add_argument("--articles", type=int, default=1028)
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--worker", action="store_true", help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.worker:
        print(json.dumps(worker(args.shared, args.articles)))
        return 0
    if args.base is None:
        ap.error("--base is required")
    if not (args.shared / "data" / "10kgnad" / "test.jsonl").exists():
        print("component_ab: no 10kGNAD test split under --shared; nothing to measure.")
        return 0
    checkouts = {"base": args.base.resolve(), "new": ROOT}
    runs: dict[str, list[dict]] = {"base": [], "new": []}
    for r in range(args.rounds):
        for name in ("base", "new") if r % 2 == 0 else ("new", "base"):
            env = dict(os.environ, PYTHONPATH=str(checkouts[name] / "lib"))
            cmd = [sys.executable, __file__, "--worker", "--shared", str(args.shared)]
            cmd += ["--articles", str(args.articles)]
            done = subprocess.run(cmd, env=env, capture_output=True, text=True, check=True)
            runs[name].append(json.loads(done.stdout.strip().splitlines()[-1]))
            res = runs[name][-1]
            print(
                f"round {r} {name}: "
                + ", ".join(
                    f"{regime} {args.component} {res[regime][args.component]:.3f} s "
                    f"= {res[regime][args.component] / res[regime]['make_doc']:.3f} x make_doc"
                    for regime in ("first", "warm")
                ),
                flush=True,
            )
    for regime in ("first", "warm"):
        rel = {
            n: [x[regime][args.component] / x[regime]["make_doc"] for x in runs[n]] for n in runs
        }
        ratios = [
            a[regime][args.component] / b[regime][args.component]
            for a, b in zip(runs["new"], runs["base"], strict=True)
        ]
        print(
            f"{regime} pass: {args.component} x make_doc, base median "
            f"{statistics.median(rel['base']):.3f}, new median {statistics.median(rel['new']):.3f}; "
            f"new/base seconds per round {[round(x, 3) for x in ratios]}, "
            f"median {statistics.median(ratios):.3f}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
