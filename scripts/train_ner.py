"""Train the person/organisation tagger of ``medialens.nlp.entity_model`` (averaged perceptron).

Why a script in the repo: the shipped weights (``lib/medialens/nlp/data/ner_weights.json``) must
be reproducible. Training data: GermEval 2014 **dev** (``NER-de-dev.tsv``, CC BY 4.0, Benikova,
Biemann, Reznicek 2014), the only split in ``../shared`` whose licence allows shipping weights and
that we may train on; the test split is for measurement only and is never read here.

Usage::

    PYTHONPATH=lib python scripts/train_ner.py --shared ../shared            # writes the weights
    PYTHONPATH=lib python scripts/train_ner.py --shared ../shared --holdout 0.1 --out /tmp/w.json

``--holdout F`` keeps the last fraction F of the sentences out of training and prints exact-span
precision/recall/F1 on them (error analysis without touching the test split). Deterministic: the
sentence order is shuffled with a fixed seed (``--seed``), so the same data give the same file.
"""

from __future__ import annotations

import argparse
import random
import sys
from collections import defaultdict
from pathlib import Path
from typing import NamedTuple

from medialens.nlp.entity_features import (
    left_features,
    right_features,
    run_flags,
    shape,
    transition_features,
    word_features,
)
from medialens.nlp.entity_model import LABELS, WEIGHTS_FILE, EntityTagger, decode, runs
from medialens.nlp.name_words import STOP_CAPS

TYPES = ("PER", "ORG")


def read_sentences(path: Path) -> list[tuple[str, dict[int, str], set[tuple[int, int, str]]]]:
    """(text, char start -> gold BIO tag of PER/ORG, gold spans) per sentence."""
    out = []
    toks: list[tuple[str, str]] = []

    def flush() -> None:
        if not toks:
            return
        text_parts, tags, spans = [], {}, set()
        pos = 0
        cur: list | None = None
        for tok, tag in toks:
            s, e = pos, pos + len(tok)
            text_parts.append(tok)
            pos = e + 1
            t = tag[2:]
            if t in TYPES and (tag[0] == "B" or cur is None or cur[2] != t):
                if cur:
                    spans.add(tuple(cur))
                cur = [s, e, t]
                tags[s] = "B-" + t
            elif t in TYPES and cur is not None:
                cur[1] = e
                tags[s] = "I-" + t
            else:
                if cur:
                    spans.add(tuple(cur))
                cur = None
        if cur:
            spans.add(tuple(cur))
        out.append((" ".join(text_parts), tags, spans))
        toks.clear()

    with path.open(encoding="utf-8") as fh:
        for lineno, raw in enumerate(fh, 1):
            line = raw.rstrip("\n")
            if line.startswith("#"):
                continue
            if not line.strip():
                flush()
                continue
            cols = line.split("\t")
            if len(cols) < 3:
                raise SystemExit(f"{path}:{lineno}: expected 'idx token outer inner' columns")
            toks.append((cols[1], cols[2]))
    flush()
    return out


class Perceptron:
    """Averaged multiclass perceptron over sparse binary features (lazy averaging)."""

    def __init__(self) -> None:
        n = len(LABELS)
        self.w: dict[str, list[float]] = defaultdict(lambda: [0.0] * n)
        self.totals: dict[str, list[float]] = defaultdict(lambda: [0.0] * n)
        self.stamps: dict[str, list[int]] = defaultdict(lambda: [0] * n)
        self.i = 0

    def add(self, feats: list[str], c: int, d: float) -> None:
        """Add ``d`` to the weight of class ``c`` of every feature (one step of time ``i``)."""
        i = self.i
        for f in feats:
            w, t, s = self.w[f], self.totals[f], self.stamps[f]
            t[c] += (i - s[c]) * w[c]
            s[c] = i
            w[c] += d

    def update(self, feats: list[str], truth: int, guess: int) -> None:
        self.i += 1
        if truth != guess:
            self.add(feats, truth, 1.0)
            self.add(feats, guess, -1.0)

    def scores(self, feats: list[str]) -> list[float]:
        out = [0.0] * len(LABELS)
        get = self.w.get
        for f in feats:
            v = get(f)
            if v is not None:
                for c in range(len(LABELS)):
                    out[c] += v[c]
        return out

    def averaged(self, *, min_abs: float) -> dict[str, list[float]]:
        out = {}
        for f, w in self.w.items():
            t, s = self.totals[f], self.stamps[f]
            avg = [round((t[c] + (self.i - s[c]) * w[c]) / self.i, 3) for c in range(len(w))]
            if max(abs(x) for x in avg) >= min_abs:
                out[f] = avg
        return out


class RunItem(NamedTuple):
    """One run of capitalised words with its gold tags and the label-free features."""

    gold: list[int]
    emit: list[list[str]]  # word + left + right features per word
    shapes: list[str]
    flags: str


def run_items(sentences: list, cl: dict[str, int]) -> list[RunItem]:
    items = []
    for text, tags, _ in sentences:
        for toks, prev, nxt in runs(text):
            n = len(toks)
            emit = []
            for k, t in enumerate(toks):
                p = toks[k - 1].text if k else prev
                q = toks[k + 1].text if k + 1 < n else nxt
                emit.append(
                    word_features(t.text, cl)
                    + left_features(p, t.text in STOP_CAPS, cl)
                    + right_features(q, cl)
                )
            items.append(
                RunItem(
                    [LABELS.index(tags.get(t.start, "O")) for t in toks],
                    emit,
                    [shape(t.text) for t in toks],
                    run_flags(tuple(t.text for t in toks)),
                )
            )
    return items


def train(
    sentences: list, *, epochs: int, seed: int, min_abs: float, structured: bool
) -> dict[str, list[float]]:
    """Averaged perceptron over the runs of ``sentences``.

    ``structured``: decode each run with Viterbi and update on the whole sequence (the
    structured perceptron; matches the Viterbi decoder); else greedy left to right with an
    update at every word, the previous tag being the predicted one.
    """
    model = Perceptron()
    items = run_items(sentences, EntityTagger({}).cl)
    rng = random.Random(seed)
    for epoch in range(epochs):
        rng.shuffle(items)
        errors = 0
        for it in items:
            emissions = [model.scores(f) for f in it.emit]
            if not structured:
                prev_label = "O"
                for k, e in enumerate(emissions):
                    feats = it.emit[k] + transition_features(prev_label, it.shapes[k], it.flags)
                    t = model.scores(transition_features(prev_label, it.shapes[k], it.flags))
                    guess = EntityTagger.best(
                        [a + b for a, b in zip(e, t, strict=True)], prev_label
                    )
                    model.update(feats, it.gold[k], LABELS.index(guess))
                    errors += LABELS.index(guess) != it.gold[k]
                    prev_label = guess
                continue
            trans = [
                [model.scores(transition_features(pl, sh, it.flags)) for pl in LABELS]
                for sh in it.shapes
            ]
            pred = decode(emissions, trans, viterbi=True)
            model.i += 1
            if pred == it.gold:
                continue
            errors += sum(a != b for a, b in zip(pred, it.gold, strict=True))
            for k in range(len(pred)):
                gp = LABELS[it.gold[k - 1]] if k else "O"
                pp = LABELS[pred[k - 1]] if k else "O"
                if pred[k] == it.gold[k] and gp == pp:
                    continue
                model.add(it.emit[k], it.gold[k], 1.0)
                model.add(it.emit[k], pred[k], -1.0)
                model.add(transition_features(gp, it.shapes[k], it.flags), it.gold[k], 1.0)
                model.add(transition_features(pp, it.shapes[k], it.flags), pred[k], -1.0)
        if epoch == epochs - 1:
            print(f"epoch {epoch + 1}: {errors} token errors", file=sys.stderr)
    return model.averaged(min_abs=min_abs)


def train_gate(sentences: list, *, epochs: int, seed: int, min_abs: float) -> dict[str, float]:
    """Word-only binary perceptron: may this word begin a PER/ORG name (gold ``B-``)?

    Why: the tagger's own word scores separate names from common nouns poorly (its context
    features do much of the work), so most capitalised words would need their context looked
    up. The gate puts all the evidence into word features; its score is cached per word.
    Returns ``feature -> weight`` (the ``B`` score minus the ``O`` score).
    """
    model = Perceptron()
    cl = EntityTagger({}).cl
    items = []
    for text, tags, _ in sentences:
        for toks, *_ in runs(text):
            for t in toks:
                items.append((word_features(t.text, cl), int(tags.get(t.start, "O")[:2] == "B-")))
    rng = random.Random(seed)
    for _ in range(epochs):
        rng.shuffle(items)
        for feats, y in items:
            s0 = s1 = 0.0
            for f in feats:
                v = model.w.get(f)
                if v is not None:
                    s0 += v[0]
                    s1 += v[1]
            model.update(feats, y, int(s1 > s0))
    avg = model.averaged(min_abs=min_abs)
    return {f: round(v[1] - v[0], 3) for f, v in avg.items() if abs(v[1] - v[0]) >= min_abs}


def skip_margin(tagger: EntityTagger, sentences: list, *, keep: float = 0.99) -> float:
    """The gate score above which ``keep`` of the words that the full tagger labels ``B-`` (or
    that are gold ``B-``) in the training data lie: a run none of whose words reaches it can
    begin no name and is skipped at run time (see ``EntityTagger.__call__``)."""
    scores = []
    for text, tags, _ in sentences:
        for toks, *around in runs(text):
            for tok, lab in zip(toks, tagger.tag_run(toks, *around), strict=True):
                if lab.startswith("B-") or tags.get(tok.start, "O").startswith("B-"):
                    scores.append(tagger.gate_score(tok.text))
    scores.sort(reverse=True)
    return round(scores[min(len(scores) - 1, int(keep * len(scores)))] - 0.001, 3)


def score(tagger: EntityTagger, sentences: list) -> dict[str, dict[str, float]]:
    counts = {t: [0, 0, 0] for t in TYPES}  # gold, predicted, correct
    for text, _, gold in sentences:
        pred = {(s.start, s.end, s.type) for s in tagger(text)}
        for t in TYPES:
            g = {x for x in gold if x[2] == t}
            p = {x for x in pred if x[2] == t}
            counts[t][0] += len(g)
            counts[t][1] += len(p)
            counts[t][2] += len(g & p)
    out = {}
    for t, (g, p, c) in counts.items():
        r = c / g if g else 0.0
        pr = c / p if p else 0.0
        f = 2 * r * pr / (r + pr) if r + pr else 0.0
        out[t] = {
            "gold": g,
            "predicted": p,
            "recall": round(r, 3),
            "precision": round(pr, 3),
            "f1": round(f, 3),
        }
    return out


def build(sentences: list, args: argparse.Namespace) -> EntityTagger:
    weights = train(
        sentences,
        epochs=args.epochs,
        seed=args.seed,
        min_abs=args.min_abs,
        structured=args.decoder == "viterbi",
    )
    gate = train_gate(sentences, epochs=args.epochs, seed=args.seed, min_abs=args.min_abs)
    tagger = EntityTagger(weights, gate=gate, viterbi=args.decoder == "viterbi")
    tagger.skip_margin = (
        skip_margin(tagger, sentences, keep=args.gate_keep) if args.gate_keep < 1 else float("-inf")
    )
    if args.per_bias or args.org_bias:
        tagger.bias = [0.0, -args.per_bias, 0.0, -args.org_bias, 0.0]
    return tagger


def _fold_bounds(n: int, k: int) -> list[tuple[int, int]]:
    """Contiguous folds (documents stay together)."""
    return [(n * i // k, n * (i + 1) // k) for i in range(k)]


def _codebook_mentions(texts: list[str]) -> list[list]:
    """The default codebook's mentions per sentence (the pipeline without the tagger), so that
    cross-validation scores ``entities`` exactly as ``scripts/eval_germeval.py`` does."""
    from medialens.nlp import build_nlp

    nlp = build_nlp(disable=("quotes", "framing", "candidates"))
    return [list(doc._.ml_mentions or ()) for doc in nlp.pipe(texts, batch_size=256)]


def cross_validate(sentences: list, args: argparse.Namespace) -> int:
    """Pooled exact-span P/R/F1 over K contiguous folds of dev, scored like
    ``scripts/eval_germeval.py`` (outer spans; a prediction overlapping only a ``*part`` or
    ``*deriv`` span is neutral): ``tagger`` alone and ``entities`` (tagger spans merged with
    the default codebook's person/organisation mentions, the headline of the eval script)."""
    from eval_germeval import Counts, read_germeval

    from medialens.nlp.entities import entities_of_doc

    gold = list(read_germeval(Path(args.shared) / "data" / "germeval2014" / "NER-de-dev.tsv"))
    assert [g.text for g in gold] == [s[0] for s in sentences]
    mentions = _codebook_mentions([s[0] for s in sentences])
    biases = [tuple(float(x) for x in (b + ":0").split(":")[:2]) for b in args.bias_grid.split(",")]
    counts = {(b, sys_): Counts() for b in biases for sys_ in ("tagger", "entities")}
    for lo, hi in _fold_bounds(len(sentences), args.cv):
        tagger = build(sentences[:lo] + sentences[hi:], args)
        for b in biases:
            tagger.bias = [0.0, -b[0], 0.0, -b[1], 0.0]
            for i in range(lo, hi):
                g = gold[i]
                spans = tagger(g.text)
                counts[(b, "tagger")].add(
                    g.gold, g.neutral, [(s.start, s.end, s.type) for s in spans]
                )
                ents = entities_of_doc(g.text, spans, mentions[i])
                counts[(b, "entities")].add(
                    g.gold, g.neutral, [(e.start, e.end, e.type) for e in ents]
                )
    for (b, sys_), c in counts.items():
        for t, row in c.table().items():
            print(
                f"cv{args.cv} bias PER -{b[0]:g} ORG -{b[1]:g} {sys_:8} {t}: gold {row['gold']}"
                f" predicted {row['predicted']} R {row['recall_exact']:.3f}"
                f" P {row['precision_exact']:.3f} F1 {row['f1_exact']:.3f}"
            )
    return 0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", default="../shared")
    ap.add_argument("--out", default=str(WEIGHTS_FILE))
    ap.add_argument("--epochs", type=int, default=8)
    ap.add_argument("--seed", type=int, default=14)
    ap.add_argument("--min-abs", type=float, default=0.05, help="drop smaller averaged weights")
    ap.add_argument(
        "--decoder",
        choices=("viterbi", "greedy"),
        default="viterbi",
        help="viterbi: structured perceptron + Viterbi decoding; greedy: left to right",
    )
    ap.add_argument(
        "--gate-keep",
        type=float,
        default=0.99,
        help="share of the name-initial words of training that the gate lets through (1 = no gate)",
    )
    ap.add_argument("--holdout", type=float, default=0.0)
    ap.add_argument(
        "--per-bias",
        type=float,
        default=6.0,
        help="subtracted from the B-PER score when deciding (precision over recall)",
    )
    ap.add_argument(
        "--bias-grid", default="0", help="--cv: PER[:ORG] biases to compare, e.g. 0,10:5"
    )
    ap.add_argument("--org-bias", type=float, default=0.0, help="like --per-bias, for B-ORG")
    ap.add_argument(
        "--cv", type=int, default=0, metavar="K", help="K-fold cross-validation on dev, no file"
    )
    args = ap.parse_args(argv)
    path = Path(args.shared) / "data" / "germeval2014" / "NER-de-dev.tsv"
    if not path.exists():
        raise SystemExit(f"train_ner: {path} not found")
    sentences = read_sentences(path)
    if args.cv:
        return cross_validate(sentences, args)
    cut = len(sentences) - int(len(sentences) * args.holdout)
    train_set, held = sentences[:cut], sentences[cut:]
    tagger = build(train_set, args)
    weights = tagger.weights
    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    tagger.save(out)
    print(
        f"{len(train_set)} sentences, {len(weights)} features -> {out} "
        f"({out.stat().st_size / 1e6:.2f} MB)"
    )
    if held:
        for t, row in score(tagger, held).items():
            print(f"holdout {t}: {row}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
