"""Precision and recall of scare-quote detection on the hand-labelled Wikinews quoted spans.

The labelled set (``tests/fixtures/scare_quotes_labelled.jsonl``) holds every quoted span of
at most six words in the sample corpus's Wikinews articles (``data/raw/wikinews``, CC BY 2.5),
each read in context and labelled ``speech``, ``scare_quote`` or ``name_or_title``; ``split``
is ``dev`` (even article number, used for error analysis) or ``heldout`` (odd, only
measured). The default pipeline annotates the articles; a labelled span counts as detected
as a scare quote when ``doc._.ml_scare_quotes`` has exactly its offsets.

Usage: ``python scripts/eval_scare_quotes.py [--json] [--errors]``
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
LABELLED = ROOT / "tests" / "fixtures" / "scare_quotes_labelled.jsonl"
RAW = ROOT / "data" / "raw"
LABELS = ("speech", "scare_quote", "name_or_title")


def load_labelled(path: Path = LABELLED) -> list[dict[str, Any]]:
    """The labelled spans; a clear error naming file and line for a bad row."""
    rows = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        row = json.loads(line)
        if row.get("label") not in LABELS or row.get("split") not in ("dev", "heldout"):
            raise ValueError(f"{path}:{n}: bad label or split in {row!r}")
        rows.append(row)
    return rows


def load_articles(raw: Path = RAW) -> dict[str, str]:
    """``article_id -> normalised text`` of the Wikinews sample articles (as ingested)."""
    from medialens.corpus.ingest import article_row
    from medialens.corpus.readers import RawArticle, read_file

    out: dict[str, str] = {}
    for file in sorted((raw / "wikinews").rglob("*")):
        if not file.is_file():
            continue
        for rec in read_file(file, raw):
            if isinstance(rec, RawArticle):
                row = article_row(rec)
                if isinstance(row, dict):
                    out[row["article_id"]] = row["text"]
    return out


def evaluate(rows: list[dict[str, Any]], texts: dict[str, str]) -> dict[str, Any]:
    """Scare-quote precision/recall per split (``dev``, ``heldout``, ``all``) with counts."""
    from medialens.nlp import build_nlp

    nlp = build_nlp(disable=("framing", "candidates"))
    predicted: dict[str, set[tuple[int, int]]] = {}
    for aid in sorted({r["article"] for r in rows}):
        if aid not in texts:
            raise ValueError(f"labelled article {aid!r} is not in {RAW / 'wikinews'}")
        doc = nlp(texts[aid])
        predicted[aid] = {(s.start, s.end) for s in doc._.ml_scare_quotes}
    counts: dict[str, Counter] = {"dev": Counter(), "heldout": Counter(), "all": Counter()}
    errors = []
    for r in rows:
        text = texts[r["article"]]
        if text[r["start"] : r["end"]] != r["text"]:
            raise ValueError(f"offsets of {r!r} do not match the article text")
        hit = (r["start"], r["end"]) in predicted[r["article"]]
        gold = r["label"] == "scare_quote"
        key = "tp" if hit and gold else "fp" if hit else "fn" if gold else "tn"
        for split in (r["split"], "all"):
            counts[split][key] += 1
        if key in ("fp", "fn"):
            errors.append({**r, "error": key})
    out: dict[str, Any] = {}
    for split, c in counts.items():
        tp, fp, fn = c["tp"], c["fp"], c["fn"]
        out[split] = {
            "precision": round(tp / (tp + fp), 3) if tp + fp else None,
            "recall": round(tp / (tp + fn), 3) if tp + fn else None,
            "tp": tp,
            "predicted": tp + fp,
            "gold": tp + fn,
            "spans": sum(c.values()),
        }
    out["errors"] = errors
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--json", action="store_true", help="print the figures as one JSON object")
    ap.add_argument("--errors", action="store_true", help="list false positives and negatives")
    args = ap.parse_args(argv)
    result = evaluate(load_labelled(), load_articles())
    if args.json:
        print(json.dumps({k: v for k, v in result.items() if k != "errors"}))
        return 0
    for split in ("dev", "heldout", "all"):
        f = result[split]
        print(
            f"{split:8} scare quotes P {f['precision']}  R {f['recall']}  "
            f"(tp {f['tp']}, predicted {f['predicted']}, gold {f['gold']}, spans {f['spans']})"
        )
    if args.errors:
        for e in result["errors"]:
            print(f"{e['error']} {e['split']:8} {e['label']:14} {e['article']} {e['text']!r}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
