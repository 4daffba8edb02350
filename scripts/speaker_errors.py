#!/usr/bin/env python3
"""List speaker errors on quotations that were found (Wikinews gold, ``../shared``).

For every system quotation matched to a gold one (the scorer's own matching), the speaker
is *ok* when it overlaps the gold speaker, as the scorer counts it; otherwise it falls into
one category: ``missing`` (no system speaker), ``pronoun`` (one side a pronoun, the other a
noun phrase), ``adjacent`` (the spans touch: a boundary error), ``near`` (within 150
characters: a wrong phrase of the same passage) or ``far``; each suffixed with ``/cue`` or
``/nocue`` (the system quotation has a cue, or is a continuation or cue-less quotation).
Matched quotations without a gold speaker are ``no-gold``. ``--show CATEGORY`` prints the
cases of one category with their context, for error analysis on the train split.

Limits: needs ``../shared`` (the gold data and scorer are not in a user's clone); the
categories are by span position only, not by cause. Prints to the terminal only.
"""

from __future__ import annotations

import argparse
import importlib.util
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path
from types import ModuleType
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
#: personal pronouns (a pronoun speaker against a noun-phrase speaker is its own category)
PRONOUNS = frozenset(["er", "sie", "es", "ich", "wir", "ihr", "man"])
#: characters between two spans that still count as the same passage
NEAR = 150


def load_scorer(shared: Path) -> ModuleType:
    """The shared scorer as a module (its matching and span helpers)."""
    spec = importlib.util.spec_from_file_location(
        "score_quotes", shared / "eval" / "score_quotes.py"
    )
    if spec is None or spec.loader is None:
        raise SystemExit(f"cannot load the scorer from {shared}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def category(text: str, sys_spk: dict[str, Any] | None, gold_spans: list[list[int]]) -> str:
    """The error category of a wrong or missing speaker (see the module docstring)."""
    if sys_spk is None:
        return "missing"
    s, e = int(sys_spk["start"]), int(sys_spk["end"])
    gold_text = " ".join(text[a:b] for a, b in gold_spans).lower()
    if (text[s:e].lower() in PRONOUNS) != (gold_text in PRONOUNS):
        return "pronoun"
    gap = min(max(a - e, s - b, 0) for a, b in gold_spans)
    if gap <= 3:
        return "adjacent"
    return "near" if gap <= NEAR else "far"


def analyse(gold: dict[str, Any], system: dict[str, Any], scorer: ModuleType) -> dict[str, list]:
    """Cases per category: ``(doc id, gold quote, system quote)``."""
    cases: dict[str, list] = {}
    for doc_id, g in gold.items():
        gq = [dict(q, _c=scorer.chars(q["quote"])) for q in g["quotes"]]
        sq = []
        for q in (system.get(doc_id) or {}).get("quotes", []):
            spans = q.get("spans") or [[q["start"], q["end"]]]
            sq.append(dict(q, _c=scorer.chars(spans)))
        for i, j in scorer.match(sq, gq, 0.5):
            s, q = sq[i], gq[j]
            spk = s.get("speaker")
            if not q["speaker"]:
                name = "no-gold"
            elif spk and scorer.span_chars(spk) & scorer.chars(q["speaker"]):
                name = "ok"
            else:
                name = category(g["text"], spk, q["speaker"])
                name += "/cue" if s.get("cue") else "/nocue"
            cases.setdefault(name, []).append((doc_id, q, s))
    return cases


def show(gold: dict[str, Any], cases: list, limit: int) -> None:
    """Print each case: gold and system speaker, and the passage around them."""
    for doc_id, q, s in cases[:limit]:
        text = gold[doc_id]["text"]
        spk = s.get("speaker")
        points = [a for a, _ in q["quote"]] + [a for a, _ in q["speaker"]]
        ends = [b for _, b in q["quote"]] + [b for _, b in q["speaker"]]
        if spk:
            points.append(int(spk["start"]))
            ends.append(int(spk["end"]))
        lo, hi = max(0, min(points) - 60), min(len(text), max(ends) + 20)
        passage = text[lo:hi].replace("\n", " / ")
        if len(passage) > 700:
            passage = passage[:340] + " … " + passage[-340:]
        cue = (s.get("cue") or {}).get("text")
        print("=" * 80)
        print(f"{doc_id} {q['type']} (system {s.get('kind')}, cue {cue!r})")
        print("gold:", [text[a:b] for a, b in q["speaker"]], "| system:", spk and spk["text"])
        print(passage)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", default=str(ROOT.parent / "shared"), help="the shared directory")
    ap.add_argument("--split", default="train", choices=("dev", "train"), help="gold split")
    ap.add_argument("--system", help="system output of eval_quotes.py --output (else run it)")
    ap.add_argument("--show", help="print the cases of this category (e.g. near/cue)")
    ap.add_argument("--limit", type=int, default=200, help="cases to print with --show")
    args = ap.parse_args(argv)
    shared = Path(args.shared)
    gold_path = shared / "data" / "wikinews-quotes" / f"{args.split}.jsonl"
    if not gold_path.is_file():
        print(f"skipped: {gold_path} not available (../shared is only present in CI/dev)")
        return 0
    scorer = load_scorer(shared)
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(args.system) if args.system else Path(tmp) / "system.jsonl"
        if not args.system:
            cmd = [
                sys.executable,
                str(ROOT / "scripts" / "eval_quotes.py"),
                "--shared",
                str(shared),
            ]
            cmd += ["--split", args.split, "--output", str(out)]
            subprocess.run(cmd, check=True, capture_output=True)
        gold = scorer.load_jsonl(str(gold_path))
        system = scorer.load_jsonl(str(out))
    cases = analyse(gold, system, scorer)
    counts = Counter({name: len(v) for name, v in cases.items()})
    for name, n in counts.most_common():
        print(f"{name:20s} {n}")
    if args.show:
        show(gold, cases.get(args.show, []), args.limit)
    return 0


if __name__ == "__main__":
    sys.exit(main())
