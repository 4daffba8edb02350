"""Sampling profile of the annotation pipeline with py-spy: where does the time go?

Usage::

    .venv/bin/pip install py-spy            # a profiling tool, not a medialens dependency
    .venv/bin/python benchmarks/profile_pipeline.py --shared ../shared [--articles 1028]

Runs ``py-spy record`` (100 samples/s, collapsed stacks) on a child process that annotates
the 10kGNAD test articles (or the sample corpus) with the default pipeline, then prints and
saves (``benchmarks/.work/profile/``) two tables: time per pipeline component (inclusive:
the component's ``__call__`` frame is on the stack) and the functions with the most own
time (the leaf frame). Why py-spy: it samples from outside, so it does not inflate
Python-heavy code the way cProfile does. Limit: samples taken while building the pipeline
and reading the texts are counted under ``(setup)``.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import corpus as bench_corpus  # noqa: E402

COMPONENT_FILES = {
    "medialens/nlp/sentences.py": "sentences",
    "spacy/pipeline/lemmatizer.py": "lemmatizer",
    "medialens/nlp/lemmas.py": "lemmatizer",
    "medialens/nlp/quotes.py": "quotes",
    "medialens/nlp/mentions.py": "mentions",
    "medialens/nlp/framing.py": "framing",
    "medialens/nlp/candidates.py": "candidates",
}


def annotate(texts_file: Path) -> None:
    """The profiled workload: build the pipeline, annotate every text once."""
    from medialens.process import get_nlp

    texts = json.loads(texts_file.read_text(encoding="utf-8"))
    nlp = get_nlp(None, None)
    for _doc in nlp.pipe(texts, batch_size=64):
        pass


def component_of(stack: list[str]) -> str:
    """The pipeline step a collapsed stack belongs to: the innermost component frame.

    Innermost, because ``nlp.pipe`` chains generators: while the tokenizer runs, the
    ``pipe`` frames of every component that pulls the next Doc are further out.
    """
    for frame in reversed(stack):
        if "tokenizer.pyx" in frame or "make_doc" in frame:
            return "tokenizer (make_doc)"
        if "__call__" in frame or "pipe (" in frame:
            for path, name in COMPONENT_FILES.items():
                if path in frame:
                    return name
    if any("language.py" in f and "pipe" in f for f in stack):
        return "spacy pipe overhead"
    return "(setup)"


def summarise(collapsed: Path, top: int = 30) -> dict[str, object]:
    per_component: Counter[str] = Counter()
    per_leaf: Counter[str] = Counter()
    total = 0
    for line in collapsed.read_text(encoding="utf-8").splitlines():
        stack_text, _, count_text = line.rpartition(" ")
        if not stack_text:
            continue
        count = int(count_text)
        stack = stack_text.split(";")
        total += count
        comp = component_of(stack)
        per_component[comp] += count
        if comp != "(setup)":
            per_leaf[_short(stack[-1])] += count
    work = total - per_component["(setup)"]
    return {
        "samples": total,
        "samples_annotating": work,
        "components": {
            k: round(v / work, 3) for k, v in per_component.most_common() if k != "(setup)"
        },
        "top_own_time": [(k, round(v / work, 3)) for k, v in per_leaf.most_common(top)],
    }


def _short(frame: str) -> str:
    for marker in ("site-packages/", "lib/medialens/"):
        if marker in frame:
            head, _, tail = frame.partition(" (")
            path = tail.split(marker, 1)[1] if marker in tail else tail
            prefix = "medialens/" if marker == "lib/medialens/" else ""
            return f"{head} ({prefix}{path}"
    return frame


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--shared", type=Path, default=HERE.parent.parent / "shared")
    p.add_argument("--articles", type=int, default=None, help="first N texts (default all)")
    p.add_argument("--work", type=Path, default=HERE / ".work" / "profile")
    p.add_argument("--rate", type=int, default=100, help="py-spy samples per second")
    p.add_argument("--worker", type=Path, help=argparse.SUPPRESS)
    args = p.parse_args(argv)
    if args.worker:
        annotate(args.worker)
        return 0
    py_spy = shutil.which("py-spy") or str(Path(sys.executable).with_name("py-spy"))
    if not Path(py_spy).exists() and not shutil.which("py-spy"):
        print("py-spy not found: .venv/bin/pip install py-spy", file=sys.stderr)
        return 2
    path = bench_corpus.gnad_path(args.shared)
    base = bench_corpus.load_gnad(path) if path else bench_corpus.load_sample()
    texts = [a.text for a in base][: args.articles]
    args.work.mkdir(parents=True, exist_ok=True)
    texts_file = args.work / "texts.json"
    texts_file.write_text(json.dumps(texts, ensure_ascii=False), encoding="utf-8")
    collapsed = args.work / "pipeline.collapsed.txt"
    cmd = [
        py_spy,
        "record",
        "--format",
        "raw",
        "--rate",
        str(args.rate),
        "--output",
        str(collapsed),
    ]
    cmd += ["--", sys.executable, __file__, "--worker", str(texts_file)]
    subprocess.run(cmd, check=True, capture_output=True)
    texts_file.unlink()
    summary = summarise(collapsed)
    summary["articles"] = len(texts)
    summary["source"] = "10kGNAD test (derStandard)" if path else "sample corpus"
    out = args.work / "py-spy-summary.json"
    out.write_text(json.dumps(summary, indent=2, ensure_ascii=False), encoding="utf-8")
    print(f"{summary['samples_annotating']} samples while annotating {len(texts)} articles")
    print("\nshare of annotation time per component:")
    for name, share in summary["components"].items():  # type: ignore[union-attr]
        print(f"  {share:6.1%}  {name}")
    print("\nfunctions with the most own time:")
    for name, share in summary["top_own_time"]:  # type: ignore[union-attr]
        print(f"  {share:6.1%}  {name}")
    print(f"\nsaved: {out}, {collapsed}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
