"""A/B timing of the scare-quote classifier against another checkout, in one process.

Why: the classifier (``scare.py``, ``scarecues.py``, ``scarecontext.py``) runs inside the
quotes component, whose throughput has a floor; a change to it must not make the component
slower. Timing two processes one after the other on a shared machine mostly measures the
load, so this script loads the baseline's ``scare.py`` and ``scarecues.py`` next to this
checkout's and times both in the same process, interleaved:

- **replay**: every ``classify_quoted`` call the quotes component makes on the texts is
  recorded once, then replayed with the baseline's function and this checkout's, alternately
  (the classifier alone; little noise);
- **component**: the whole quotes component on the pre-processed texts, the extractor calling
  the baseline's or this checkout's classifier, alternately.

The lexicon caches are cleared before every pass, so each pass pays its own look-ups.

Usage: ``PYTHONPATH=$PWD/lib python scripts/bench_scare_quotes.py --baseline /work/main/lib
--texts ../shared/data/10kgnad/test.jsonl [--replays 300] [--rounds 10]``
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import Any

_SCARECUES = "medialens.nlp.attribution.scarecues"


def _load(name: str, path: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, path)
    if spec is None or spec.loader is None:
        raise FileNotFoundError(path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def load_baseline(lib: Path) -> tuple[ModuleType, ModuleType]:
    """The baseline's ``scare`` and ``scarecues`` modules (its ``scare`` imports its own
    ``scarecues``; every other module is this checkout's)."""
    folder = lib / "medialens" / "nlp" / "attribution"
    cues = _load("baseline_scarecues", folder / "scarecues.py")
    saved = sys.modules[_SCARECUES]
    sys.modules[_SCARECUES] = cues
    try:
        scare = _load("baseline_scare", folder / "scare.py")
    finally:
        sys.modules[_SCARECUES] = saved
    return scare, cues


def _clear_caches() -> None:
    from medialens.nlp.attribution import morphology, scarecues

    morphology.analyse.cache_clear()
    memo = getattr(morphology.lexicon(), "_memo", None)
    if memo is not None:
        memo.clear()
    cached = getattr(scarecues.known_common_noun, "cache_clear", None)
    if cached is not None:
        cached()


def _summary(name: str, a: list[float], b: list[float], unit: float, label: str) -> str:
    return (
        f"{name}: baseline min {min(a) * unit:.2f}{label}, this min {min(b) * unit:.2f}{label} "
        f"(ratio {min(b) / min(a):.3f}); medians {statistics.median(a) * unit:.2f}{label} / "
        f"{statistics.median(b) * unit:.2f}{label} (ratio "
        f"{statistics.median(b) / statistics.median(a):.3f})"
    )


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--baseline", type=Path, required=True, help="the other checkout's lib/")
    ap.add_argument("--texts", type=Path, required=True, help="JSONL with a 'text' field")
    ap.add_argument("--replays", type=int, default=300, help="interleaved replay passes")
    ap.add_argument("--rounds", type=int, default=10, help="interleaved component passes")
    args = ap.parse_args(argv)

    # the classifier is called from directquote since the extractor was split
    import medialens.nlp.attribution.directquote as extract
    from medialens.nlp import build_nlp
    from medialens.nlp.attribution import scare, scarecues

    base_scare, base_cues = load_baseline(args.baseline)
    nlp = build_nlp(disable=("framing", "candidates"))
    docs = []
    for line in args.texts.read_text(encoding="utf-8").splitlines():
        doc = nlp.make_doc(json.loads(line)["text"])
        for name, proc in nlp.pipeline:
            if name == "quotes":
                break
            doc = proc(doc)
        docs.append(doc)
    component = nlp.get_pipe("quotes")

    calls: list[tuple[tuple[Any, ...], dict[str, Any]]] = []
    original = extract.classify_quoted

    def record(*a: Any, **k: Any) -> str:
        calls.append((a, k))
        return original(*a, **k)

    extract.classify_quoted = record
    for doc in docs:
        component(doc)

    def replay(fn: Callable[..., str]) -> float:
        _clear_caches()
        # (the baseline's own ``known_common_noun`` cache too: else the baseline replays
        # with a warm cache and this checkout's with a cold one)
        getattr(base_cues.known_common_noun, "cache_clear", lambda: None)()
        t = time.perf_counter()
        for a, k in calls:
            fn(*a, **k)
        return time.perf_counter() - t

    def whole(baseline: bool) -> float:
        extract.classify_quoted = base_scare.classify_quoted if baseline else scare.classify_quoted
        extract.is_technical_term = (
            base_cues.is_technical_term if baseline else scarecues.is_technical_term
        )
        _clear_caches()
        getattr(base_cues.known_common_noun, "cache_clear", lambda: None)()
        t = time.perf_counter()
        for doc in docs:
            component(doc)
        return time.perf_counter() - t

    ra, rb = [], []
    for _ in range(args.replays):
        ra.append(replay(base_scare.classify_quoted))
        rb.append(replay(scare.classify_quoted))
    ca, cb = [], []
    for _ in range(args.rounds):
        ca.append(whole(True))
        cb.append(whole(False))
    differ = sum(
        base_scare.classify_quoted(*a, **k) != scare.classify_quoted(*a, **k) for a, k in calls
    )
    print(f"{len(docs)} texts, {len(calls)} classified quotations, {differ} labels differ")
    print(_summary("classify_quoted replay", ra, rb, 1e3, " ms"))
    print(_summary("quotes component", ca, cb, 1.0, " s"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
