"""Dump the entity tagger's output (spans, entities, candidates) for an identity check.

Usage::

    PYTHONPATH=lib .venv/bin/python benchmarks/dump_entities.py --shared ../shared OUT.tsv

Why: speed work on the candidates component must not change what it finds. This annotates
the 1,028 derStandard texts of the 10kGNAD test split, the sample corpus (``data/raw``) and
the GermEval 2014 dev and test sentences (when ``../shared`` is there) and writes, per text,
the tagger's raw spans (``default_tagger()(text)``) and the component's
``doc._.ml_entities`` and ``doc._.ml_candidates``; compare two dumps with ``cmp``. The
output holds the texts' entity strings: keep it outside the repository (CC BY-NC-SA data).
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def texts(shared: Path) -> Iterator[tuple[str, str]]:
    """(id, text) of every text checked, in a fixed order."""
    p = shared / "data" / "10kgnad" / "test.jsonl"
    if p.exists():
        with p.open(encoding="utf-8") as fh:
            for line in fh:
                d = json.loads(line)
                yield d["id"], d["text"]
    raw = ROOT / "data" / "raw"
    for f in sorted(raw.rglob("*")):
        if f.suffix == ".jsonl":
            with f.open(encoding="utf-8") as fh:
                for line in fh:
                    d = json.loads(line)
                    yield d["id"], d["text"]
        elif f.suffix == ".csv":
            with f.open(encoding="utf-8", newline="") as fh:
                for row in csv.DictReader(fh, delimiter=";"):
                    yield row.get("id") or f.name, row["text"]
        elif f.suffix == ".txt":
            yield f.name, f.read_text(encoding="utf-8")
    sys.path.insert(0, str(ROOT / "scripts"))
    from eval_germeval import FILES, read_germeval

    for name in FILES:
        p = shared / "data" / "germeval2014" / name
        if p.exists():
            for i, sent in enumerate(read_germeval(p)):
                yield f"{name}:{i}", sent.text


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out")
    ap.add_argument("--shared", default="../shared")
    args = ap.parse_args(argv)
    from medialens.nlp import build_nlp
    from medialens.nlp.entity_model import default_tagger

    nlp = build_nlp(disable=("quotes", "framing"))
    tagger = default_tagger()
    items = list(texts(Path(args.shared)))
    with open(args.out, "w", encoding="utf-8") as out:
        for (tid, text), doc in zip(items, nlp.pipe(t for _, t in items), strict=True):
            out.write(f"# {tid}\n")
            for s in tagger(text):
                out.write(f"span\t{s.start}\t{s.end}\t{s.type}\t{s.text}\n")
            for e in doc._.ml_entities or ():
                out.write("ent\t" + "\t".join(map(str, e)) + "\n")
            for c in doc._.ml_candidates or ():
                out.write("cand\t" + "\t".join(map(str, c)) + "\n")
    print(f"{len(items)} texts -> {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
