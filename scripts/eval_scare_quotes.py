"""Precision and recall of scare-quote detection on the hand-labelled Wikinews quoted spans.

Two labelled sets, both every quoted span of at most six words, each read in context and
labelled ``speech``, ``scare_quote`` or ``name_or_title``; ``split`` is ``dev`` (even article
number, used for error analysis) or ``heldout`` (odd, only measured):

- ``tests/fixtures/scare_quotes_labelled.jsonl``: the sample corpus's Wikinews articles
  (``data/raw/wikinews``, CC BY 2.5); rows carry the quoted ``text``. Always scored.
- ``tests/fixtures/scare_quotes_labelled_shared.jsonl``: the other Wikinews articles of the
  ``wikinews-quotes`` train split in ``../shared`` (only their texts are read, never the quote
  annotations); rows carry offsets and a ``sha1`` prefix of the quoted words, not the words.
  Scored when the shared directory is there (``--shared``), else skipped.
- ``tests/fixtures/scare_quotes_labelled_shared_dev.jsonl`` (fifth round): every quoted span of
  at most six words in the Wikinews texts of the ``wikinews-quotes`` **dev** split (again only
  the texts, never the annotations), labelled by the same guidelines before any rule of that
  round was changed and before the classifier's output on them was looked at; ``split`` is
  ``test``. It is the untouched test set: its errors are not used for rule work. Scored as its
  own group (``test``, not part of ``combined``) when the shared directory is there.
- ``tests/fixtures/scare_quotes_labelled_shared_fresh.jsonl`` (sixth round): a fresh set from
  another source, because the Wikinews texts of ``../shared`` were all used by the sets above:
  every quoted span of at most six words in the sentences of GermEval 2014
  (``../shared/data/germeval2014``, CC BY 4.0; news and Wikipedia sentences, rebuilt from the
  tokens by :func:`germeval_sentences`): ``NER-de-dev.tsv`` (split ``dev``, for error
  analysis) and ``NER-de-test.tsv`` (split ``heldout``, only measured; its first 210 spans in
  file order were labelled before the round's rules, the other 234 at its end), all labelled
  by the same guidelines before the classifier's output on them was looked at. Rows as in the
  shared-text set; scored as its own group (``fresh_dev``, ``fresh_heldout``, ``fresh_all``;
  not part of ``combined``).
- ``tests/fixtures/scare_quotes_labelled_untouched2.jsonl`` (ninth round): a second untouched
  set — every quoted span of at most six words in 132 German Wikinews politics articles that no
  other set uses (CC BY 2.5; the texts themselves are in
  ``tests/fixtures/scare_quotes_untouched2_articles.jsonl``), labelled by the same guidelines
  before the classifier was run on them; ``split`` is ``untouched2``. Always scored, as its own
  group (``untouched2``, never in ``combined``); its errors are listed only with
  ``--errors --split untouched2``, and it is only ever measured.
- ``tests/fixtures/scare_quotes_labelled_dev3.jsonl`` (tenth round): the third politics set
  from the same source (the rows after ``untouched2``'s; texts in
  ``tests/fixtures/scare_quotes_dev3_articles.jsonl``), labelled by the same guidelines before
  the classifier was run on them; ``split`` is ``dev3``. A **readable** development set: always
  scored, as its own group (``dev3``, never in ``combined``), its errors listed with
  ``--errors`` (``--split dev3`` for these alone).

The default pipeline annotates the articles; a labelled span counts as detected as a scare
quote when ``doc._.ml_scare_quotes`` has exactly its offsets. Figures are given per set and
for both sets together (``combined``).

Usage: ``python scripts/eval_scare_quotes.py [--shared ../shared] [--json] [--errors]``
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from collections import Counter
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
LABELLED = ROOT / "tests" / "fixtures" / "scare_quotes_labelled.jsonl"
SHARED_LABELLED = ROOT / "tests" / "fixtures" / "scare_quotes_labelled_shared.jsonl"
TEST_LABELLED = ROOT / "tests" / "fixtures" / "scare_quotes_labelled_shared_dev.jsonl"
FRESH_LABELLED = ROOT / "tests" / "fixtures" / "scare_quotes_labelled_shared_fresh.jsonl"
UNTOUCHED2_LABELLED = ROOT / "tests" / "fixtures" / "scare_quotes_labelled_untouched2.jsonl"
UNTOUCHED2_ARTICLES = ROOT / "tests" / "fixtures" / "scare_quotes_untouched2_articles.jsonl"
DEV3_LABELLED = ROOT / "tests" / "fixtures" / "scare_quotes_labelled_dev3.jsonl"
DEV3_ARTICLES = ROOT / "tests" / "fixtures" / "scare_quotes_dev3_articles.jsonl"
RAW = ROOT / "data" / "raw"
SHARED = ROOT.parent / "shared"
LABELS = ("speech", "scare_quote", "name_or_title")
#: figure groups: the sample-corpus set, the shared-text set, both together
GROUPS = ("", "shared_", "combined_", "fresh_")
SPLITS = ("dev", "heldout", "test", "untouched2", "dev3")
#: sets scored as one group each (never in ``combined``), keyed by their split name
SINGLE_GROUPS = ("test", "untouched2", "dev3")


def load_labelled(path: Path = LABELLED) -> list[dict[str, Any]]:
    """The labelled spans; a clear error naming file and line for a bad row."""
    rows = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        row = json.loads(line)
        if row.get("label") not in LABELS or row.get("split") not in SPLITS:
            raise ValueError(f"{path}:{n}: bad label or split in {row!r}")
        rows.append(row)
    return rows


def load_untouched2_articles(path: Path = UNTOUCHED2_ARTICLES) -> dict[str, str]:
    """``article_id -> text`` of a politics set whose texts are stored with it (``untouched2``,
    ``dev3``; already normalised, so the labels' offsets index them directly)."""
    out: dict[str, str] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            rec = json.loads(line)
            out[rec["article"]] = rec["text"]
    return out


def load_shared_articles(shared: Path, ids: set[str], split: str = "train") -> dict[str, str]:
    """``article_id -> normalised text`` of the labelled articles of a ``wikinews-quotes``
    split (texts only; empty when the file is not there)."""
    from medialens.corpus.normalize import normalize_text

    path = shared / "data" / "wikinews-quotes" / f"{split}.jsonl"
    if not path.is_file():
        return {}
    out: dict[str, str] = {}
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            rec = json.loads(line)
            if rec["id"] in ids:
                out[rec["id"]] = normalize_text(rec["text"]).text
    return out


#: quotation marks as GermEval tokens: opening, closing; a straight ``"`` alternates
_GE_OPEN = frozenset({"„", "»", "‚", "``"})
_GE_CLOSE = frozenset({"“", "«", "‘", "''"})
_GE_NO_SPACE_BEFORE = frozenset(".,;:!?)]}%…") | {"..."}
_GE_NO_SPACE_AFTER = frozenset("([{")


def detokenize(tokens: list[str]) -> str:
    """A GermEval sentence as running text: tokens joined by spaces, none before closing
    punctuation and marks or after opening ones (straight ``"`` alternate, opening first)."""
    parts: list[str] = []
    glue = True
    straight_open = False
    for tok in tokens:
        if tok == '"':
            parts.append(tok if straight_open or glue else " " + tok)
            glue = not straight_open
            straight_open = not straight_open
        elif tok in _GE_OPEN:
            parts.append(tok if glue else " " + tok)
            glue = True
        elif tok in _GE_CLOSE or tok in _GE_NO_SPACE_BEFORE:
            parts.append(tok)
            glue = tok in _GE_NO_SPACE_AFTER
        else:
            parts.append(tok if glue else " " + tok)
            glue = tok in _GE_NO_SPACE_AFTER
    return "".join(parts)


def germeval_sentences(shared: Path, part: str, ids: set[str] | None = None) -> dict[str, str]:
    """``germeval-<part>-NNNN -> normalised text`` of the sentences of GermEval 2014's
    ``NER-de-<part>.tsv`` (numbered from 1 in file order; empty when the file is not there)."""
    from medialens.corpus.normalize import normalize_text

    path = shared / "data" / "germeval2014" / f"NER-de-{part}.tsv"
    if not path.is_file():
        return {}
    out: dict[str, str] = {}
    tokens: list[str] = []
    n = 0

    def flush() -> None:
        nonlocal tokens, n
        if tokens:
            n += 1
            aid = f"germeval-{part}-{n:04d}"
            if ids is None or aid in ids:
                out[aid] = normalize_text(detokenize(tokens)).text
        tokens = []

    with path.open(encoding="utf-8") as fh:
        for line in fh:
            if line.startswith("#") or not line.strip():
                flush()
                continue
            tokens.append(line.rstrip("\n").split("\t")[1])
    flush()
    return out


def span_digest(words: str) -> str:
    """The 12-hex-digit SHA-1 prefix that identifies a span's words in the shared-text set."""
    return hashlib.sha1(words.encode("utf-8")).hexdigest()[:12]


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


def evaluate(
    rows: list[dict[str, Any]],
    texts: dict[str, str],
    shared_rows: list[dict[str, Any]] | None = None,
    shared_texts: dict[str, str] | None = None,
    test_rows: list[dict[str, Any]] | None = None,
    test_texts: dict[str, str] | None = None,
    fresh_rows: list[dict[str, Any]] | None = None,
    fresh_texts: dict[str, str] | None = None,
    untouched2_rows: list[dict[str, Any]] | None = None,
    untouched2_texts: dict[str, str] | None = None,
    dev3_rows: list[dict[str, Any]] | None = None,
    dev3_texts: dict[str, str] | None = None,
) -> dict[str, Any]:
    """Scare-quote precision/recall per split (``dev``, ``heldout``, ``all``) with counts, for
    the sample-corpus set, and (when given) the shared-text set (``shared_*``), both
    (``combined_*``), the untouched test set (``test`` only, never in ``combined``) and the
    fresh GermEval set (``fresh_*``, never in ``combined``) and the second untouched set
    (``untouched2`` only, never in ``combined``) and the third politics set (``dev3`` only,
    readable, never in ``combined``)."""
    from medialens.nlp import build_nlp

    nlp = build_nlp(disable=("framing", "candidates"))
    counts: dict[str, Counter] = {}
    errors = []
    sets = [("", rows, texts)]
    if shared_rows:
        sets.append(("shared_", shared_rows, shared_texts or {}))
    if test_rows:
        sets.append(("test_", test_rows, test_texts or {}))
    if fresh_rows:
        sets.append(("fresh_", fresh_rows, fresh_texts or {}))
    if untouched2_rows:
        sets.append(("untouched2_", untouched2_rows, untouched2_texts or {}))
    if dev3_rows:
        sets.append(("dev3_", dev3_rows, dev3_texts or {}))
    for prefix, set_rows, set_texts in sets:
        predicted: dict[str, set[tuple[int, int]]] = {}
        for aid in sorted({r["article"] for r in set_rows}):
            if aid not in set_texts:
                raise ValueError(f"labelled article {aid!r} has no text")
            doc = nlp(set_texts[aid])
            predicted[aid] = {(s.start, s.end) for s in doc._.ml_scare_quotes}
        for r in set_rows:
            words = set_texts[r["article"]][r["start"] : r["end"]]
            if words != r.get("text", words) or span_digest(words) != r.get(
                "sha1", span_digest(words)
            ):
                raise ValueError(f"offsets of {r!r} do not match the article text")
            hit = (r["start"], r["end"]) in predicted[r["article"]]
            gold = r["label"] == "scare_quote"
            key = "tp" if hit and gold else "fp" if hit else "fn" if gold else "tn"
            if prefix[:-1] in SINGLE_GROUPS:
                counts.setdefault(prefix[:-1], Counter())[key] += 1
            elif prefix == "fresh_":
                for split in (r["split"], "all"):
                    counts.setdefault(prefix + split, Counter())[key] += 1
            else:
                for split in (r["split"], "all"):
                    for group in {prefix, "combined_"} if prefix else {prefix}:
                        counts.setdefault(group + split, Counter())[key] += 1
            if key in ("fp", "fn"):
                errors.append({**r, "text": words, "error": key, "set": prefix or "sample_"})
    if not shared_rows:
        counts = {k: v for k, v in counts.items() if not k.startswith("combined_")}
    else:
        for split in ("dev", "heldout", "all"):
            counts["combined_" + split] = counts.get("combined_" + split, Counter()) + counts.get(
                split, Counter()
            )
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
    ap.add_argument(
        "--shared", default=str(SHARED), help="the shared directory (second labelled set)"
    )
    ap.add_argument("--json", action="store_true", help="print the figures as one JSON object")
    ap.add_argument("--errors", action="store_true", help="list false positives and negatives")
    ap.add_argument(
        "--split",
        choices=SPLITS,
        help="with --errors: only this split's errors (``test`` and ``untouched2`` errors are"
        " listed only so)",
    )
    args = ap.parse_args(argv)
    shared_rows = load_labelled(SHARED_LABELLED)
    shared_texts = load_shared_articles(Path(args.shared), {r["article"] for r in shared_rows})
    if not shared_texts:
        shared_rows = []
    test_rows = load_labelled(TEST_LABELLED)
    test_texts = load_shared_articles(Path(args.shared), {r["article"] for r in test_rows}, "dev")
    if not test_texts:
        test_rows = []
    fresh_rows = load_labelled(FRESH_LABELLED)
    fresh_texts: dict[str, str] = {}
    for part in ("dev", "test"):
        fresh_texts.update(
            germeval_sentences(Path(args.shared), part, {r["article"] for r in fresh_rows})
        )
    if not fresh_texts:
        fresh_rows = []
    result = evaluate(
        load_labelled(),
        load_articles(),
        shared_rows,
        shared_texts,
        test_rows,
        test_texts,
        fresh_rows,
        fresh_texts,
        load_labelled(UNTOUCHED2_LABELLED),
        load_untouched2_articles(),
        load_labelled(DEV3_LABELLED),
        load_untouched2_articles(DEV3_ARTICLES),
    )
    if args.json:
        print(json.dumps({k: v for k, v in result.items() if k != "errors"}))
        return 0
    if not shared_rows:
        print(f"shared-text set skipped: no {Path(args.shared) / 'data' / 'wikinews-quotes'}")
    if not test_rows:
        print("test set (wikinews-quotes dev texts) skipped: no dev.jsonl in the shared directory")
    if not fresh_rows:
        print(
            "fresh set (GermEval 2014 sentences) skipped: no germeval2014 in the shared directory"
        )
    for group in GROUPS:
        for split in ("dev", "heldout", "all"):
            f = result.get(group + split)
            if f is None:
                continue
            print(
                f"{group + split:17} scare quotes P {f['precision']}  R {f['recall']}  "
                f"(tp {f['tp']}, predicted {f['predicted']}, gold {f['gold']}, "
                f"spans {f['spans']})"
            )
    for key, name in (("test", "test (untouched)"), ("untouched2", "untouched2"), ("dev3", "dev3")):
        f = result.get(key)
        if f is not None:
            print(
                f"{name:17} scare quotes P {f['precision']}  R {f['recall']}  (tp {f['tp']}, "
                f"predicted {f['predicted']}, gold {f['gold']}, spans {f['spans']})"
            )
    if args.errors:
        for e in result["errors"]:
            if e["split"] in ("test", "untouched2") and args.split != e["split"]:
                continue  # the untouched sets' errors only on explicit request
            if args.split and e["split"] != args.split:
                continue
            print(
                f"{e['error']} {e['set']:8}{e['split']:8} {e['label']:14} {e['article']} "
                f"{e['text']!r}"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
