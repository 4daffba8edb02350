"""Score the person/organisation finders on GermEval 2014 (``make eval-ner``).

Why: uncoded-actor candidates are only useful if they find most names without burying the
researcher in noise. This script measures, for PER and ORG, how many gold spans the system
finds (recall) and how many of its spans are gold entities (precision), both for exact spans
and for any character overlap.

What is scored (see docs/actors.md):

* gold = the outer-level ``PER`` and ``ORG`` spans (``B-``/``I-`` tags of column 3). The
  ``*deriv`` (``deutsche``) and ``*part`` (``NATO-Truppen``) variants are not names of an
  actor in our sense; they are not gold, and a predicted span overlapping one of them is left
  out of the precision count (neither right nor wrong). Nested inner tags are ignored.
* system ``candidates`` = ``doc._.ml_candidates`` of the default pipeline;
  ``candidates+codebook`` adds the codebook mentions: persons as PER; organisations,
  institutions, parties, media and groups as ORG. States, adjective and role-noun mentions are
  left out (GermEval tags states as LOC and does not tag role nouns).
* a predicted span of the wrong type counts as wrong for its own type.

Sentences are rebuilt by joining the tokens with single spaces and annotated one by one
(``doc.user_data["date"]`` from the source line). Usage:
``python scripts/eval_germeval.py --shared ../shared [--json] [--limit N]``; exits 0 with a
message when ``DIR/data/germeval2014`` is absent.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import NamedTuple

from spacy.language import Language
from spacy.tokens import Doc

from medialens.nlp import build_nlp

FILES = ("NER-de-dev.tsv", "NER-de-test.tsv")
TYPES = ("PER", "ORG")
MENTION_TYPES = {
    "person": "PER",
    "organisation": "ORG",
    "institution": "ORG",
    "party": "ORG",
    "media": "ORG",
    "group": "ORG",
}


class Sentence(NamedTuple):
    text: str
    date: str | None
    gold: list[tuple[int, int, str]]  # PER/ORG spans
    neutral: list[tuple[int, int]]  # *part / *deriv spans and their like


def read_germeval(path: Path) -> Iterator[Sentence]:
    """Sentences of a GermEval 2014 TSV file with character spans of the outer tags."""
    tokens: list[tuple[str, str]] = []
    date: str | None = None
    with path.open(encoding="utf-8") as fh:
        for lineno, raw in enumerate(fh, 1):
            line = raw.rstrip("\n")
            if line.startswith("#"):
                parts = line.split("\t")
                date = next(
                    (p.strip("[]") for p in parts if p.startswith("[") and p.endswith("]")), None
                )
                continue
            if not line.strip():
                if tokens:
                    yield _sentence(tokens, date)
                tokens = []
                continue
            cols = line.split("\t")
            if len(cols) < 3:
                raise SystemExit(f"{path}:{lineno}: expected 'idx token outer inner' columns")
            tokens.append((cols[1], cols[2]))
    if tokens:
        yield _sentence(tokens, date)


def _sentence(tokens: list[tuple[str, str]], date: str | None) -> Sentence:
    text_parts: list[str] = []
    spans: list[tuple[int, int, str]] = []
    pos = 0
    current: list | None = None
    for token, tag in tokens:
        start = pos
        end = start + len(token)
        text_parts.append(token)
        pos = end + 1
        if tag.startswith("B-") or (
            tag.startswith("I-") and (current is None or current[2] != tag[2:])
        ):
            if current:
                spans.append(tuple(current))
            current = [start, end, tag[2:]]
        elif tag.startswith("I-") and current is not None:
            current[1] = end
        else:
            if current:
                spans.append(tuple(current))
            current = None
    if current:
        spans.append(tuple(current))
    gold = [(s, e, t) for s, e, t in spans if t in TYPES]
    neutral = [(s, e) for s, e, t in spans if t not in TYPES and t[:3] in TYPES]
    return Sentence(" ".join(text_parts), date, gold, neutral)


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


class Counts:
    def __init__(self) -> None:
        self.c = {
            t: dict(gold=0, found_exact=0, found_partial=0, pred=0, pred_exact=0, pred_partial=0)
            for t in TYPES
        }

    def add(
        self,
        gold: list[tuple[int, int, str]],
        neutral: list[tuple[int, int]],
        pred: list[tuple[int, int, str]],
    ) -> None:
        for t in TYPES:
            g = [(s, e) for s, e, k in gold if k == t]
            p = [(s, e) for s, e, k in pred if k == t]
            c = self.c[t]
            c["gold"] += len(g)
            c["found_exact"] += sum(1 for x in g if x in p)
            c["found_partial"] += sum(1 for x in g if any(_overlaps(x, y) for y in p))
            for y in p:
                if not any(_overlaps(y, (s, e)) for s, e, _ in gold) and any(
                    _overlaps(y, n) for n in neutral
                ):
                    continue  # overlaps only a *part/*deriv span: neutral
                c["pred"] += 1
                c["pred_exact"] += y in g
                c["pred_partial"] += any(_overlaps(y, x) for x in g)

    def table(self) -> dict[str, dict[str, float]]:
        out = {}
        for t, c in self.c.items():

            def ratio(a: int, b: int) -> float:
                return round(a / b, 3) if b else 0.0

            r, p = ratio(c["found_exact"], c["gold"]), ratio(c["pred_exact"], c["pred"])
            out[t] = {
                "f1_exact": round(2 * r * p / (r + p), 3) if r + p else 0.0,
                "gold": c["gold"],
                "predicted": c["pred"],
                "recall_exact": ratio(c["found_exact"], c["gold"]),
                "recall_partial": ratio(c["found_partial"], c["gold"]),
                "precision_exact": ratio(c["pred_exact"], c["pred"]),
                "precision_partial": ratio(c["pred_partial"], c["pred"]),
            }
        return out


def _docs(nlp: Language, sentences: list[Sentence]) -> Iterator[Doc]:
    for sent in sentences:
        doc = nlp.make_doc(sent.text)
        if sent.date:
            doc.user_data["date"] = sent.date
        yield doc


def evaluate(folder: Path, *, limit: int | None = None) -> dict:
    nlp = build_nlp(disable=("quotes", "framing"))
    results: dict = {}
    for name in FILES:
        path = folder / name
        if not path.exists():
            print(f"eval-ner: {path} missing, skipped", file=sys.stderr)
            continue
        sentences = list(read_germeval(path))[:limit]
        ents, only_cand, with_cb = Counts(), Counts(), Counts()
        t0 = time.perf_counter()

        for sent, doc in zip(
            sentences, nlp.pipe(_docs(nlp, sentences), batch_size=256), strict=True
        ):
            cands = [(c.start, c.end, c.type) for c in doc._.ml_candidates or ()]
            ments = [
                (m.start, m.end, MENTION_TYPES[m.type])
                for m in doc._.ml_mentions or ()
                if m.type in MENTION_TYPES and m.match not in ("adjective", "role")
            ]
            ents.add(sent.gold, sent.neutral, [(e.start, e.end, e.type) for e in doc._.ml_entities])
            only_cand.add(sent.gold, sent.neutral, cands)
            with_cb.add(sent.gold, sent.neutral, cands + ments)
        results[name] = {
            "sentences": len(sentences),
            "seconds": round(time.perf_counter() - t0, 1),
            "entities": ents.table(),
            "candidates": only_cand.table(),
            "candidates+codebook": with_cb.table(),
        }
    return results


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", default="../shared", help="the shared folder (../shared)")
    parser.add_argument("--json", action="store_true", help="print JSON instead of a table")
    parser.add_argument("--limit", type=int, default=None, help="only the first N sentences")
    args = parser.parse_args(argv)
    folder = Path(args.shared) / "data" / "germeval2014"
    if not folder.is_dir():
        print(f"eval-ner: {folder} not found; nothing to score (skipped).")
        return 0
    results = evaluate(folder, limit=args.limit)
    if args.json:
        print(json.dumps(results, indent=2))
        return 0
    for name, res in results.items():
        print(f"\n{name}: {res['sentences']} sentences, {res['seconds']} s")
        print(
            f"  {'system':22} {'type':4} {'gold':>5} {'pred':>5}  R exact  R part  P exact  P part"
            "  F1 exact"
        )
        for system in ("entities", "candidates", "candidates+codebook"):
            for t, row in res[system].items():
                print(
                    f"  {system:22} {t:4} {row['gold']:5d} {row['predicted']:5d}"
                    f"  {row['recall_exact']:7.3f} {row['recall_partial']:7.3f}"
                    f"  {row['precision_exact']:7.3f} {row['precision_partial']:7.3f}"
                    f"  {row['f1_exact']:8.3f}"
                )
    return 0


if __name__ == "__main__":
    sys.exit(main())
