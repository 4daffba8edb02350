"""Cue finder: recall of gold cue spans and cost relative to the bare tokenizer.

Why: the reporting-verb lexicon and ``medialens.nlp.cues`` must find the cues annotators
mark and stay cheap. Measurement only — the gold data (CC BY-NC-SA) is read, never copied.

    .venv/bin/python benchmarks/cues.py ../shared/data/wikinews-quotes/dev.jsonl [--misses 30]

Prints gold-cue recall (a gold cue counts as found when a cue overlaps it), the number of
cues, the most frequent missed gold cues, and the time of ``find_cues`` next to the time of
``spacy.blank("de")`` tokenizing the same texts (CPU time of this process, best of three
runs, so that other processes on a shared machine distort the ratio less). Exits 2 when
the file is missing.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from pathlib import Path

import spacy

from medialens.codebook.verbs import load_reporting_verbs
from medialens.nlp import sentences  # noqa: F401  (registers medialens_sentencizer_v1)
from medialens.nlp.cues import match_cues


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("gold", type=Path, help="JSONL with text and quotes[].cue spans")
    ap.add_argument("--misses", type=int, default=20, help="how many missed cues to list")
    ap.add_argument("--codebook", default="", help="codebook with a reporting_verbs section")
    args = ap.parse_args(argv)
    if not args.gold.is_file():
        print(f"{args.gold}: not found", file=sys.stderr)
        return 2
    records = [json.loads(line) for line in args.gold.read_text(encoding="utf-8").splitlines()]
    texts = [r["text"] for r in records]
    lexicon = load_reporting_verbs(args.codebook or None)

    nlp = spacy.blank("de")
    nlp.add_pipe("medialens_sentencizer_v1")
    nlp.add_pipe("lemmatizer", config={"mode": "lookup"})
    nlp.initialize()
    docs = list(nlp.pipe(texts))

    t_tok = t_cues = float("inf")
    found: list = []
    for _ in range(3):
        bare = spacy.blank("de")  # fresh: a warm tokenizer cache would flatter the baseline
        t0 = time.process_time()
        for _doc in bare.pipe(texts):
            pass
        t_tok = min(t_tok, time.process_time() - t0)
        t0 = time.process_time()
        found = [[m for s in doc.sents for m in match_cues(s, lexicon)] for doc in docs]
        t_cues = min(t_cues, time.process_time() - t0)

    hit = total = n_cues = 0
    missed: Counter[str] = Counter()
    for rec, matches in zip(records, found, strict=True):
        text = rec["text"]
        spans = [set().union(*(range(a, b) for a, b in m.cue.spans)) for m in matches]
        n_cues += len(matches)
        for q in rec.get("quotes", []):
            if not q.get("cue"):
                continue
            total += 1
            gold = set().union(*(range(a, b) for a, b in q["cue"]))
            if any(s & gold for s in spans):
                hit += 1
            else:
                missed[" … ".join(text[a:b] for a, b in q["cue"])] += 1
    n_tokens = sum(len(d) for d in docs)
    print(f"documents {len(docs)}, tokens {n_tokens}, lexicon entries {len(lexicon)}")
    print(f"gold cue recall {hit}/{total} = {hit / max(total, 1):.3f}; cues found {n_cues}")
    print(
        f"time: find_cues {t_cues:.2f}s, bare tokenizer {t_tok:.2f}s "
        f"(ratio {t_cues / max(t_tok, 1e-9):.2f})"
    )
    if args.misses:
        print("most frequent missed gold cues:")
        for cue, n in missed.most_common(args.misses):
            print(f"  {n:3d}  {cue}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
