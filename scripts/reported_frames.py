#!/usr/bin/env python3
"""Measure reported speech by argument frame, per verb: what would each verb + frame add?

Why: the lexicon lets only some verbs report speech by their object or a prepositional
phrase (``message: object``/``als``/``für`` …, docs/attribution.md, "The speech-act lexicon").
Whether another verb or frame should join is an empirical question about the gold data, so
this script answers it for all of them at once instead of one lexicon edit per run: it runs
the pipeline twice in one process, once as it is and once with the reported-speech gate of
:mod:`medialens.nlp.attribution.verbquote` (defined in :mod:`.verbframes`) opened for every verb cue that reaches it
(``_reported_frame``: also entries without ``reported`` in ``speech``; a negated clause
stays shut), logs for each opened cue its lemma and the frame words of its clause (the
prepositions and *als* between the clause marks around it), and compares both outputs with
the gold quotations.

A quotation counts as *true* when it is new (no quotation of the same span in the first run)
and matches a gold quotation (the scorer's matching, Jaccard >= 0.5) that the first run did
not match. The table prints true/added per verb and per verb + frame word, and how many of
the true ones have the gold speaker.

Limits: a frame is the presence of the word in the cue's clause, not a parsed argument
(*in*, *im* are mostly adverbials); second-order effects (a Konjunktiv continuation that
the new quotation starts) are counted only in the overall figures. Only for train or a
``--gold`` file: dev is for measurement, never for reading examples or per-verb tables.

    PYTHONPATH=lib .venv/bin/python scripts/reported_frames.py --shared ../shared --split train
    PYTHONPATH=lib .venv/bin/python scripts/reported_frames.py --gold /tmp/rw-nf.jsonl --verbs warnen,fordern
"""

from __future__ import annotations

import argparse
import collections
import contextlib
import importlib.util
import json
import sys
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from types import ModuleType
from typing import Any, NamedTuple

ROOT = Path(__file__).resolve().parents[1]

#: the words that name a frame: the prepositions of prepositional objects and *als*
#: (contracted forms join their preposition)
FRAME_WORDS: dict[str, str] = {
    "vor": "vor", "für": "für", "gegen": "gegen", "über": "über", "zu": "zu", "zum": "zu",
    "zur": "zu", "an": "an", "um": "um", "mit": "mit", "auf": "auf", "von": "von",
    "vom": "von", "als": "als", "in": "in", "im": "in",
}  # fmt: skip


class _Logged(NamedTuple):
    """A cue the opened gate let through: its first word (offset, text), its unit's
    character span, its lemma and the frame words of its clause."""

    cue: int
    word: str
    start: int
    end: int
    lemma: str
    frames: tuple[str, ...]


def _scorer(shared: Path) -> ModuleType:
    """The shared scorer module (for its matching, the same as the figures use)."""
    spec = importlib.util.spec_from_file_location(
        "score_quotes", shared / "eval" / "score_quotes.py"
    )
    assert spec is not None and spec.loader is not None
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def _run(nlp: Any, records: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    """The pipeline's output per document id."""
    from medialens.nlp import annotate_texts

    out = {}
    for _rec, _doc, result in annotate_texts(
        nlp, ({"id": r["id"], "text": r["text"]} for r in records)
    ):
        out[result["id"]] = json.loads(json.dumps(result))
    return out


@contextlib.contextmanager
def opened_gate(log: list[_Logged]) -> Iterator[None]:
    """Open the reported-speech gate for every verb cue, logging (cue start, lemma, frame
    words) for each cue that the lexicon would have kept out."""
    from medialens.nlp.attribution import verbquote
    from medialens.nlp.attribution.argframes import _clause
    from medialens.nlp.attribution.clauses import clause_start
    from medialens.nlp.attribution.senses import negated

    original: Callable[..., bool] = verbquote._reported_frame

    def opened(toks: Sequence[Any], hit: Any, start: int | None = None) -> bool:
        if original(toks, hit, start):
            return True
        first = start if start is not None else clause_start(toks, hit.tokens[0])
        if negated(toks, hit, first):
            return False
        a, b = _clause(toks, hit)
        words = tuple(
            sorted(
                {
                    FRAME_WORDS[t.lower]
                    for k, t in enumerate(toks[a:b], a)
                    if t.q < 0 and t.lower in FRAME_WORDS and k not in hit.tokens
                }
            )
        )
        cue = min(hit.tokens, key=lambda k: toks[k].start)
        log.append(
            _Logged(toks[cue].start, toks[cue].text, toks[0].start, toks[-1].end, hit.lemma, words)
        )
        return True

    verbquote._reported_frame = opened  # type: ignore[assignment]
    try:
        yield
    finally:
        verbquote._reported_frame = original  # type: ignore[assignment]


def _quotes(sc: ModuleType, result: dict[str, Any] | None) -> list[dict[str, Any]]:
    out = []
    for q in (result or {}).get("quotes", []):
        c = sc.chars(q["spans"]) if q.get("spans") else set(range(q["start"], q["end"]))
        out.append(dict(q, _c=c))
    return out


def compare(
    sc: ModuleType,
    gold: dict[str, dict[str, Any]],
    base: dict[str, dict[str, Any]],
    opened: dict[str, dict[str, Any]],
    log: list[_Logged],
) -> list[dict[str, Any]]:
    """One row per new reported quotation of the opened run: lemma, frame words, true or
    not, speaker right or not (see the module docstring for *true*)."""
    frames: dict[int, list[_Logged]] = collections.defaultdict(list)
    for entry in log:
        frames[entry.cue].append(entry)
    rows = []
    for doc_id, g in gold.items():
        gq = [dict(q, _c=sc.chars(q["quote"])) for q in g["quotes"]]
        sb, so = _quotes(sc, base.get(doc_id)), _quotes(sc, opened.get(doc_id))
        matched_before = {j for _i, j in sc.match(sb, gq, 0.5)}
        now = dict(sc.match(so, gq, 0.5))
        spans_before = {(q["start"], q["end"]) for q in sb}
        for i, q in enumerate(so):
            act = q.get("act") or {}
            if q.get("kind") != "reported" or (q["start"], q["end"]) in spans_before:
                continue
            text = g["text"]
            hits = [
                e
                for e in frames.get(act.get("start", -1), [])
                if text.startswith(e.word, e.cue) and e.start <= q["start"] and q["end"] <= e.end
            ]  # (offsets repeat across documents: the cue word and unit must fit this one)
            if not hits:
                continue
            lemma, words = hits[0].lemma, hits[0].frames
            j = now.get(i)
            true = j is not None and j not in matched_before
            gs = gq[j]["speaker"] if true else None
            spk = bool(gs and q.get("speaker") and sc.span_chars(q["speaker"]) & sc.chars(gs))
            rows.append({"doc": doc_id, "lemma": lemma, "frames": words, "true": true, "spk": spk})
    return rows


def table(rows: list[dict[str, Any]], verbs: set[str] | None, min_n: int) -> list[str]:
    """Lines of the per-verb and per-verb + frame table (true/added, speakers right)."""
    count: dict[tuple[str, str], list[int]] = collections.defaultdict(lambda: [0, 0, 0])
    for r in rows:
        if verbs and r["lemma"] not in verbs:
            continue
        keys = ["ANY", *r["frames"]] if r["frames"] else ["ANY", "bare"]
        for f in keys:
            c = count[(r["lemma"], f)]
            c[0] += r["true"]
            c[1] += 1
            c[2] += r["spk"]
    lines = [f"{'verb':24s} {'frame':6s} {'true/added':>11s} {'prec':>5s} {'speaker':>8s}"]
    for (lemma, f), (t, n, s) in sorted(
        count.items(),
        key=lambda kv: (-count[(kv[0][0], "ANY")][1], kv[0][0], kv[0][1] != "ANY", kv[0][1]),
    ):
        if n >= min_n or (verbs and lemma in verbs):
            lines.append(f"{lemma:24s} {f:6s} {t:5d}/{n:<5d} {t / n:5.2f} {s:8d}")
    return lines


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", default=str(ROOT.parent / "shared"), help="the shared directory")
    ap.add_argument("--split", default="train", choices=("train",), help="gold split (train only)")
    ap.add_argument("--gold", help="a gold file in the wikinews-quotes line format instead")
    ap.add_argument("--verbs", help="comma-separated lemmas to show (default: all)")
    ap.add_argument("--min", type=int, default=4, help="show rows with at least this many added")
    ap.add_argument("--rows", help="write the rows (one JSON object) to this file")
    args = ap.parse_args(argv)
    shared = Path(args.shared)
    path = (
        Path(args.gold)
        if args.gold
        else shared / "data" / "wikinews-quotes" / f"{args.split}.jsonl"
    )
    if "dev" in path.stem:
        print("error: per-verb tables are for train or other gold files, not dev", file=sys.stderr)
        return 2
    from medialens.nlp import build_nlp

    sc = _scorer(shared)
    gold = sc.load_jsonl(str(path))
    records = [{"id": k, "text": v["text"]} for k, v in gold.items()]
    nlp = build_nlp()
    base = _run(nlp, records)
    log: list[_Logged] = []
    with opened_gate(log):
        opened = _run(nlp, records)
    rows = compare(sc, gold, base, opened, log)
    if args.rows:
        Path(args.rows).write_text(json.dumps(rows, ensure_ascii=False), encoding="utf-8")
    true = sum(r["true"] for r in rows)
    print(f"{path.name}: {len(rows)} reported quotations added, {true} match a gold quotation")
    verbs = set(args.verbs.split(",")) if args.verbs else None
    print("\n".join(table(rows, verbs, args.min)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
