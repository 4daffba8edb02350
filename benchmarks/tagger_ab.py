"""A/B of the entity tagger's cost: this checkout against an earlier commit, in one process.

Usage::

    PYTHONPATH=lib .venv/bin/python benchmarks/tagger_ab.py --before 331e97a --shared ../shared

Why: the tagger is most of the candidates component, and its speed is easy to lose; timing two
versions in separate runs on a shared machine compares the load, not the code. Here both
versions run in the same process on the same texts, interleaved, in CPU time
(``time.process_time``). The earlier version's tagger modules and weights are read with
``git show`` into a temporary package (``medialens.nlp.<module>`` imports among them
rewritten, every other import left to this checkout). Per round, each variant is a fresh
tagger with emptied module caches, warmed on the first half of the texts and timed on the
second (the steady state of ``benchmarks/throughput.py``), or with ``--warm`` warmed on all
texts and timed on the second half again (texts already seen, as in the components section
of ``throughput.py``, where the tagger's caches hold every run); the work timed is what the
candidates component does per document: the tagger's spans merged with the codebook's
mentions (``entities_of_doc`` of the same version; the mentions are computed once,
beforehand). ``make_doc`` of
a blank German pipeline is timed alike, as the unit. Limit: indicative only on a loaded
machine (the best of the rounds is reported, and the ratio new/old is the robust figure).
"""

from __future__ import annotations

import argparse
import gc
import importlib
import itertools
import json
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
#: modules of the tagger (those missing at the earlier commit are skipped)
MODULES = (
    "name_words",
    "candidates",
    "org_lexicon",
    "entity_features",
    "entity_runs",
    "entity_model",
    "entities",
)


def _git_show(rev: str, path: str) -> str | None:
    done = subprocess.run(
        ["git", "-C", str(ROOT), "show", f"{rev}:{path}"], capture_output=True, text=True
    )
    return done.stdout if done.returncode == 0 else None


def load_before(rev: str, folder: Path) -> tuple[Any, list[Any]]:
    """The earlier ``entity_model`` module and all of its tagger modules, as ``ab_<name>``."""
    sources = {m: _git_show(rev, f"lib/medialens/nlp/{m}.py") for m in MODULES}
    present = [m for m, src in sources.items() if src is not None]
    for m in present:
        src = sources[m] or ""
        for other in present:
            src = re.sub(rf"\bmedialens\.nlp\.{other}\b", f"ab_{other}", src)
        if m == "candidates":  # the spaCy factory is registered by this checkout already
            src = src.split("\nclass CandidatesComponent")[0]
        (folder / f"ab_{m}.py").write_text(src, encoding="utf-8")
    weights = _git_show(rev, "lib/medialens/nlp/data/ner_weights.json")
    if weights is None:
        raise SystemExit(f"tagger_ab: {rev} has no lib/medialens/nlp/data/ner_weights.json")
    (folder / "ner_weights.json").write_text(weights, encoding="utf-8")
    sys.path.insert(0, str(folder))
    mods = [importlib.import_module(f"ab_{m}") for m in present]
    return importlib.import_module("ab_entity_model"), mods


def _clear_caches(modules: list[Any]) -> None:
    for mod in modules:
        for name, obj in vars(mod).items():
            if hasattr(obj, "cache_clear") and name not in ("clusters", "default_tagger"):
                obj.cache_clear()


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--before", required=True, help="the earlier commit (e.g. 331e97a)")
    ap.add_argument("--shared", default="../shared")
    ap.add_argument("--articles", type=int, default=300)
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument(
        "--warm",
        action="store_true",
        help="warm on all texts, then time the second half again (texts already seen: the "
        "regime of the components section of throughput.py)",
    )
    args = ap.parse_args(argv)

    import spacy

    from medialens.nlp import (
        build_nlp,
        candidates,
        entities,
        entity_features,
        entity_model,
        entity_runs,
        name_words,
        org_lexicon,
    )

    path = Path(args.shared) / "data" / "10kgnad" / "test.jsonl"
    if not path.exists():
        print(f"tagger_ab: {path} not found; nothing to measure.")
        return 0
    with path.open(encoding="utf-8") as fh:
        texts = [json.loads(line)["text"] for line in itertools.islice(fh, args.articles)]
    nlp = build_nlp(disable=("quotes", "framing", "candidates"))
    mentions = [list(d._.ml_mentions or ()) for d in nlp.pipe(texts)]
    half = len(texts) // 2
    tmp = Path(tempfile.mkdtemp(prefix="tagger_ab_"))
    old_model, old_mods = load_before(args.before, tmp)
    new_mods = [
        name_words,
        candidates,
        org_lexicon,
        entity_features,
        entity_runs,
        entity_model,
        entities,
    ]
    merge = {"before": vars(sys.modules.get("ab_entities", entities))["entities_of_doc"]}
    merge["after"] = entities.entities_of_doc
    cl = entity_model.default_tagger().cl  # one cluster table for both (same data)

    def fresh(which: str) -> Any:
        if which == "before":
            _clear_caches(old_mods)
            tagger = old_model.EntityTagger.load(tmp / "ner_weights.json")
        else:
            _clear_caches(new_mods)
            tagger = entity_model.EntityTagger.load(entity_model.WEIGHTS_FILE)
        tagger._cl = cl
        return tagger

    def work(tagger: Any, idx: range, entities_of_doc: Any) -> None:
        for i in idx:
            entities_of_doc(texts[i], tagger(texts[i]), mentions[i])

    clock = time.process_time
    secs: dict[str, list[float]] = {"before": [], "after": [], "make_doc": []}
    for r in range(args.rounds):
        order = ("before", "after", "make_doc") if r % 2 == 0 else ("make_doc", "after", "before")
        for name in order:
            gc.collect()
            if name == "make_doc":
                blank = spacy.blank("de")
                for i in range(len(texts) if args.warm else half):
                    blank.make_doc(texts[i])
                t0 = clock()
                for i in range(half, len(texts)):
                    blank.make_doc(texts[i])
            else:
                tagger = fresh(name)
                work(tagger, range(len(texts) if args.warm else half), merge[name])
                t0 = clock()
                work(tagger, range(half, len(texts)), merge[name])
            secs[name].append(clock() - t0)
    best = {k: min(v) for k, v in secs.items()}
    ratios = sorted(a / b for a, b in zip(secs["after"], secs["before"], strict=True))
    warmed = f"all {len(texts)} (--warm)" if args.warm else str(half)
    print(f"{len(texts) - half} articles timed after {warmed} for warming, {args.rounds} rounds")
    print("CPU seconds per round:", {k: [round(x, 3) for x in v] for k, v in secs.items()})
    print(
        f"best: before {best['before']:.3f} s, after {best['after']:.3f} s, "
        f"make_doc {best['make_doc']:.3f} s; in make_doc units: before "
        f"{best['before'] / best['make_doc']:.3f}, after {best['after'] / best['make_doc']:.3f}; "
        f"after/before {best['after'] / best['before']:.3f}"
    )
    print(
        f"after/before per round: {[round(x, 3) for x in ratios]}, median {ratios[len(ratios) // 2]:.3f}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
