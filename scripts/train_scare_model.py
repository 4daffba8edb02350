"""Train the learned scare-quote decision: features of the readable labelled spans, a ridge
logistic regression, cross-validation against the rules.

Readable sets only (``tests/fixtures/README.md``): the sample-corpus set
(``scare_quotes_labelled.jsonl``, both splits), the ``dev`` split of the shared-text set, the
``dev`` split of the GermEval set and ``dev3``. Never the ``heldout`` splits of the shared-text
and GermEval sets, the untouched ``test`` set or ``untouched2``: this script does not read them.

Two steps, so the weights can be reproduced without ``../shared``:

- ``--collect``: annotate the readable articles with the default pipeline, record the
  features (:func:`medialens.nlp.attribution.scarefeatures.span_features`) of every labelled
  span the rules classify, and whether the rules made it a scare quote, in
  ``tests/fixtures/scare_features.jsonl`` (offsets, labels and numbers only, no text).
- then: fit on that file (deterministic Newton steps, no random state) and write the
  weights (``--out``), or print leave-one-set-out and by-article cross-validation figures of
  the model and of the rules on the same held-out folds (``--cv``); ``--without rule_``
  leaves out a group of features.

Result of the eleventh round (``docs/actors.md``, "Scare quotes"): the model does not beat
the rules on held-out folds, so no weights ship and the pipeline does not use it.

Usage: ``python scripts/train_scare_model.py [--collect --shared ../shared] [--cv]
[--without PREFIX] [--l2 X] [--out PATH]``
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))

import eval_scare_quotes as ev  # noqa: E402

FEATURES = ROOT / "tests" / "fixtures" / "scare_features.jsonl"
#: ridge penalty on the weights (not the bias), in units of the log-likelihood summed over spans
L2 = 1.0
#: a span is a scare quote when the model's probability reaches this
THRESHOLD = 0.5
#: by-article folds inside a set
ARTICLE_FOLDS = 5


def readable_sets(shared: Path) -> list[tuple[str, list[dict[str, Any]], dict[str, str]]]:
    """``(name, rows, texts)`` of the readable labelled sets (the shared-directory ones only
    when ``shared`` holds them)."""
    out = [("sample", ev.load_labelled(), ev.load_articles())]
    shared_rows = [r for r in ev.load_labelled(ev.SHARED_LABELLED) if r["split"] == "dev"]
    shared_texts = ev.load_shared_articles(shared, {r["article"] for r in shared_rows})
    if shared_texts:
        out.append(("shared_dev", shared_rows, shared_texts))
    fresh_rows = [r for r in ev.load_labelled(ev.FRESH_LABELLED) if r["split"] == "dev"]
    fresh_texts = ev.germeval_sentences(shared, "dev", {r["article"] for r in fresh_rows})
    if fresh_texts:
        out.append(("fresh_dev", fresh_rows, fresh_texts))
    out.append(
        (
            "dev3",
            ev.load_labelled(ev.DEV3_LABELLED),
            ev.load_untouched2_articles(ev.DEV3_ARTICLES),
        )
    )
    return out


def collect(shared: Path) -> list[dict[str, Any]]:
    """One record per labelled span of the readable sets: set, article, offsets, gold label,
    the rules' answer (``rule_scare``) and the span's features (None when the rules never
    asked :func:`.scare.classify_quoted` about it: a speaker's quoted name, an alias)."""
    from medialens.nlp import build_nlp
    from medialens.nlp.attribution import directquote
    from medialens.nlp.attribution.scarefeatures import FEATURE_NAMES, MAX_WORDS, span_features

    records: list[dict[str, Any]] = []
    seen: dict[tuple[int, int], list[float]] = {}
    rules = directquote.classify_quoted

    def capture(toks: Any, text: str, r: Any, **kw: Any) -> str:
        # the rules' label stays; remember the span's features under its inner offsets
        label = rules(toks, text, r, **kw)
        if len(text[r.start + 1 : r.end - 1].split()) <= MAX_WORDS:
            kw = {k: v for k, v in kw.items() if k not in ("min_speech_words", "max_scare_words")}
            f = span_features(toks, text, r, rule_label=label, **kw)
            seen[(r.start + 1, r.end - 1)] = [_compact(f[n]) for n in FEATURE_NAMES]
        return label

    directquote.classify_quoted = capture  # type: ignore[assignment]
    try:
        nlp = build_nlp(disable=("framing", "candidates"))
        for name, rows, texts in readable_sets(shared):
            for aid in sorted({r["article"] for r in rows}):
                seen.clear()
                doc = nlp(texts[aid])
                predicted = {(s.start, s.end) for s in doc._.ml_scare_quotes}
                for r in sorted((r for r in rows if r["article"] == aid), key=lambda r: r["start"]):
                    f = seen.get((r["start"], r["end"]))
                    records.append(
                        {
                            "set": name,
                            "article": aid,
                            "start": r["start"],
                            "end": r["end"],
                            "label": r["label"],
                            "rule_scare": (r["start"], r["end"]) in predicted,
                            "features": f,
                        }
                    )
    finally:
        directquote.classify_quoted = rules  # type: ignore[assignment]
    return records


def _compact(v: float) -> float | int:
    """A feature value as written to the file: 0/1 as integers, others to four decimals."""
    return int(v) if float(v).is_integer() else round(v, 4)


def fit(x: np.ndarray, y: np.ndarray, l2: float = L2, steps: int = 50) -> np.ndarray:
    """Ridge logistic regression by Newton's method: ``[bias, w...]``; deterministic."""
    xb = np.hstack([np.ones((len(x), 1)), x])
    w = np.zeros(xb.shape[1])
    pen = np.full(xb.shape[1], l2)
    pen[0] = 0.0
    # einsum, not the BLAS product: the same sums in the same order on every machine (and
    # no thread pool spinning up for a 1,000 x 50 matrix)
    for _ in range(steps):
        p = 1.0 / (1.0 + np.exp(-np.einsum("ij,j->i", xb, w)))
        grad = np.einsum("ij,i->j", xb, p - y) + pen * w
        hess = np.einsum("ij,i,ik->jk", xb, p * (1 - p), xb) + np.diag(pen)
        step = np.linalg.solve(hess, grad)
        w -= step
        if np.abs(step).max() < 1e-10:
            break
    return w


def matrix(records: list[dict[str, Any]], names: tuple[str, ...]) -> tuple[np.ndarray, np.ndarray]:
    """Feature matrix and gold (1 = scare quote) of the records that have features."""
    rows = [r for r in records if r["features"] is not None]
    x = np.array([[r["features"][n] for n in names] for r in rows], dtype=float)
    y = np.array([r["label"] == "scare_quote" for r in rows], dtype=float)
    return x, y


def predict(w: np.ndarray, records: list[dict[str, Any]], names: tuple[str, ...]) -> list[bool]:
    """The model's scare-quote decision per record (the rules' where there are no features)."""
    x = np.array(
        [
            [r["features"][n] for n in names] if r["features"] else [0.0] * len(names)
            for r in records
        ],
        dtype=float,
    ).reshape(len(records), len(names))
    p = 1.0 / (1.0 + np.exp(-(w[0] + np.einsum("ij,j->i", x, w[1:]))))
    return [
        bool(r["rule_scare"]) if r["features"] is None else bool(pi >= THRESHOLD)
        for r, pi in zip(records, p, strict=True)
    ]


def prf(gold: list[bool], pred: list[bool]) -> tuple[float, float, float, int, int, int]:
    tp = sum(g and p for g, p in zip(gold, pred, strict=True))
    npred, ngold = sum(pred), sum(gold)
    p = tp / npred if npred else 0.0
    r = tp / ngold if ngold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f, tp, npred, ngold


def cross_validate(
    records: list[dict[str, Any]], names: tuple[str, ...], l2: float = L2
) -> list[str]:
    """Lines of a table: per held-out set (leave one set out) and per set by article folds,
    the rules' and the model's P/R/F on the same held-out spans, and the pooled totals."""
    lines = [f"{'fold':24} {'rules P/R/F':22} {'model P/R/F':22}"]
    sets = sorted({r["set"] for r in records})

    def row(name: str, test: list[dict[str, Any]], w: np.ndarray, acc: dict[str, list]) -> None:
        gold = [r["label"] == "scare_quote" for r in test]
        rule = [bool(r["rule_scare"]) for r in test]
        model = predict(w, test, names)
        acc["gold"] += gold
        acc["rule"] += rule
        acc["model"] += model
        a, b = prf(gold, rule), prf(gold, model)
        lines.append(
            f"{name:24} {a[0]:.3f} {a[1]:.3f} {a[2]:.3f}      {b[0]:.3f} {b[1]:.3f} {b[2]:.3f}"
            f"   (gold {a[5]}, rules {a[4]}, model {b[4]})"
        )

    for mode in ("leave-one-set-out", "by-article"):
        acc: dict[str, list] = {"gold": [], "rule": [], "model": []}
        lines.append(f"-- {mode}")
        for s in sets:
            if mode == "leave-one-set-out":
                train = [r for r in records if r["set"] != s]
                w = fit(*matrix(train, names), l2=l2)
                row(s, [r for r in records if r["set"] == s], w, acc)
                continue
            arts = sorted({r["article"] for r in records if r["set"] == s})
            for k in range(ARTICLE_FOLDS):
                held = set(arts[k::ARTICLE_FOLDS])
                train = [r for r in records if not (r["set"] == s and r["article"] in held)]
                w = fit(*matrix(train, names), l2=l2)
                row(
                    f"{s} fold {k}",
                    [r for r in records if r["set"] == s and r["article"] in held],
                    w,
                    acc,
                )
        a, b = prf(acc["gold"], acc["rule"]), prf(acc["gold"], acc["model"])
        lines.append(
            f"{'pooled ' + mode:24} {a[0]:.3f} {a[1]:.3f} {a[2]:.3f}      "
            f"{b[0]:.3f} {b[1]:.3f} {b[2]:.3f}   (gold {a[5]}, rules {a[4]}, model {b[4]})"
        )
    return lines


def save_records(records: list[dict[str, Any]], path: Path = FEATURES) -> None:
    """The features file: a header line with the feature names, then one line per span
    (features as a list in the header's order, ``null`` when the rules never asked)."""
    from medialens.nlp.attribution.scarefeatures import FEATURE_NAMES

    lines = [json.dumps({"feature_names": list(FEATURE_NAMES)})]
    lines += [
        json.dumps(r, sort_keys=True, ensure_ascii=False, separators=(",", ":")) for r in records
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def load_records(path: Path = FEATURES) -> list[dict[str, Any]]:
    """The records of a features file, each ``features`` as a name -> value dict."""
    header, *lines = path.read_text(encoding="utf-8").splitlines()
    names = json.loads(header)["feature_names"]
    out = []
    for line in lines:
        r = json.loads(line)
        if r["features"] is not None:
            r["features"] = dict(zip(names, r["features"], strict=True))
        out.append(r)
    return out


def feature_subset(without: list[str]) -> tuple[str, ...]:
    """The feature names but those starting with one of the ``without`` prefixes."""
    from medialens.nlp.attribution.scarefeatures import FEATURE_NAMES

    return tuple(n for n in FEATURE_NAMES if not n.startswith(tuple(without)))


def weights(records: list[dict[str, Any]], names: tuple[str, ...], l2: float = L2) -> dict:
    """The fitted model as a JSON-able dict (bias, threshold, weights by name; 6 decimals)."""
    w = fit(*matrix(records, names), l2=l2)
    return {
        "bias": round(float(w[0]), 6),
        "threshold": THRESHOLD,
        "l2": l2,
        "weights": {n: round(float(v), 6) for n, v in zip(names, w[1:], strict=True)},
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", default=str(ev.SHARED), help="the shared directory")
    ap.add_argument("--collect", action="store_true", help="annotate and write the features")
    ap.add_argument("--features", default=str(FEATURES), help="the features file")
    ap.add_argument("--cv", action="store_true", help="print cross-validation figures")
    ap.add_argument("--l2", type=float, default=L2, help="ridge penalty")
    ap.add_argument(
        "--without",
        action="append",
        default=[],
        help="leave out the features starting with this prefix (repeatable: rule_, sig_)",
    )
    ap.add_argument("--out", help="write the fitted weights to this JSON file")
    args = ap.parse_args(argv)
    path = Path(args.features)
    if args.collect:
        records = collect(Path(args.shared))
        save_records(records, path)
        print(f"{len(records)} spans -> {path}")
    records = load_records(path)
    names = feature_subset(args.without)
    if args.cv:
        print("\n".join(cross_validate(records, names, l2=args.l2)))
    if args.out:
        Path(args.out).write_text(
            json.dumps(weights(records, names, l2=args.l2), indent=1) + "\n", encoding="utf-8"
        )
        print(f"weights of {len(names)} features -> {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
