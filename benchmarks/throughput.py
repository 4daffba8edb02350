"""In-process throughput: bare tokenizer vs the medialens pipeline, per-component costs.

Why in one process and interleaved: the machine may be shared, so the tokenizer baseline
and the pipeline are timed alternately on the same texts, several rounds, and the best
round of each is compared; a burst of load then hurts both or neither. Token counts come
from the bare tokenizer (the pipeline uses the same tokenizer, so they are equal).
"""

from __future__ import annotations

import cProfile
import pstats
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import pyarrow as pa

PIPE_BATCH = 64


def _timed(fn: Callable[[], Any]) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def _consume(it: Any) -> None:
    for _ in it:
        pass


def throughput(
    texts: Sequence[str],
    dates: Sequence[str | None],
    *,
    rounds: int = 2,
    codebook: str = "",
) -> dict[str, Any]:
    """Tokens/s of ``spacy.blank("de")``'s tokenizer, the pipeline and ``annotate_chunk``.

    ``pipeline`` is ``nlp.pipe`` (components only); ``annotate_chunk`` adds what the CLI
    adds per chunk: building Docs with dates, converting annotations to rows and Arrow
    tables. The ratio target (≥ 0.5) applies to ``annotate_chunk``.

    Two regimes, because spaCy's tokenizer caches the analysis of every string it has seen
    (a warm tokenizer is several times faster than a cold one): ``first_pass`` runs each
    variant once on a freshly built ``Language`` (cold caches, what a new corpus sees);
    ``warm`` is the best of ``rounds`` further interleaved rounds on the same objects.
    """
    import spacy

    from medialens import process as P

    n_chars = sum(len(t) for t in texts)
    table = pa.table(
        {
            "article_id": [f"bench-{i}" for i in range(len(texts))],
            "date": pa.array(dates, pa.string()),
            "text": list(texts),
        }
    )
    chunks = [table.slice(i, P.CHUNK_ARTICLES) for i in range(0, len(table), P.CHUNK_ARTICLES)]
    warmup = ["Die Regierung sagte am Montag, sie werde »nichts« ändern."]

    def fresh_pipeline() -> Any:
        P._NLP_CACHE.clear()
        start = time.perf_counter()
        nlp = P.get_nlp(codebook or None, None)
        _consume(nlp.pipe(warmup))  # lazy set-up of components, not texts
        return nlp, time.perf_counter() - start

    blanks = {"tokenizer_pipe": spacy.blank("de"), "make_doc": spacy.blank("de")}
    nlp, build_seconds = fresh_pipeline()
    n_tokens = 0

    def run_tokenizer() -> None:
        nonlocal n_tokens
        n_tokens = sum(
            len(d) for d in blanks["tokenizer_pipe"].tokenizer.pipe(texts, batch_size=PIPE_BATCH)
        )

    def run_make_doc() -> None:
        make_doc = blanks["make_doc"].make_doc
        for t in texts:
            make_doc(t)

    def run_pipeline() -> None:
        _consume(nlp.pipe(texts, batch_size=PIPE_BATCH))

    def run_chunks() -> None:
        for chunk in chunks:
            P.annotate_chunk(chunk, codebook=codebook, model=None)

    fns = {
        "tokenizer_pipe": run_tokenizer,
        "make_doc": run_make_doc,
        "pipeline": run_pipeline,
        "annotate_chunk": run_chunks,
    }
    first: dict[str, float] = {}
    for name, fn in fns.items():
        if name == "annotate_chunk":  # a fresh pipeline for the cold annotate_chunk pass
            nlp, _ = fresh_pipeline()
        first[name] = _timed(fn)
    nlp = P.get_nlp(codebook or None, None)
    runs: dict[str, list[float]] = {name: [] for name in fns}
    for _ in range(rounds):
        for name, fn in fns.items():
            runs[name].append(_timed(fn))
    best = {name: min(times) for name, times in runs.items()}

    def regime(seconds: dict[str, float]) -> dict[str, Any]:
        tps = {name: n_tokens / sec for name, sec in seconds.items()}
        base = max(("tokenizer_pipe", "make_doc"), key=lambda n: tps[n])
        return {
            "seconds": {k: round(v, 3) for k, v in seconds.items()},
            "tokens_per_s": {k: round(v) for k, v in tps.items()},
            "baseline": base,
            "ratio_pipeline": round(tps["pipeline"] / tps[base], 3),
            "ratio_annotate_chunk": round(tps["annotate_chunk"] / tps[base], 3),
        }

    return {
        "articles": len(texts),
        "tokens": n_tokens,
        "characters": n_chars,
        "rounds": rounds,
        "pipeline_build_seconds": round(build_seconds, 3),
        "first_pass": regime(first),
        "warm": {
            **regime(best),
            "all_rounds_seconds": {k: [round(x, 3) for x in v] for k, v in runs.items()},
        },
        "ratio_annotate_chunk": regime(first)["ratio_annotate_chunk"],
        "ratio_annotate_chunk_warm": regime(best)["ratio_annotate_chunk"],
        "pipes": list(nlp.pipe_names),
    }


def component_costs(texts: Sequence[str], *, codebook: str = "") -> dict[str, Any]:
    """Seconds per component on ``texts``, measured two ways.

    ``direct``: each component's ``__call__`` timed on every Doc in pipeline order (plus
    ``make_doc`` and the row conversion ``doc_rows``). ``cumulative``: ``nlp.pipe`` with the
    first k components enabled (``nlp.select_pipes``), k = 0 … n; a component's marginal cost
    is the difference to k-1 (later components need the earlier ones, so prefixes are the
    only valid subsets).
    """
    from medialens.process import doc_rows, get_nlp

    nlp = get_nlp(codebook or None, None)
    names = list(nlp.pipe_names)
    _consume(nlp.pipe(texts[:20]))
    direct = dict.fromkeys(["make_doc", *names, "doc_rows"], 0.0)
    n_tokens = 0
    for i, text in enumerate(texts):
        t0 = time.perf_counter()
        doc = nlp.make_doc(text)
        direct["make_doc"] += time.perf_counter() - t0
        n_tokens += len(doc)
        for name, proc in nlp.pipeline:
            t0 = time.perf_counter()
            doc = proc(doc)
            direct[name] += time.perf_counter() - t0
        t0 = time.perf_counter()
        doc_rows(doc, f"bench-{i}")
        direct["doc_rows"] += time.perf_counter() - t0
    cumulative: list[float] = []
    for k in range(len(names) + 1):
        with nlp.select_pipes(enable=names[:k]):
            cumulative.append(_timed(lambda: _consume(nlp.pipe(texts, batch_size=PIPE_BATCH))))
    marginal = {"tokenizer": cumulative[0]}
    for k, name in enumerate(names, start=1):
        marginal[name] = cumulative[k] - cumulative[k - 1]
    total_direct = sum(direct.values())
    return {
        "articles": len(texts),
        "tokens": n_tokens,
        "direct_seconds": {k: round(v, 3) for k, v in direct.items()},
        "direct_share": {k: round(v / total_direct, 3) for k, v in direct.items()},
        "direct_us_per_token": {k: round(1e6 * v / n_tokens, 2) for k, v in direct.items()},
        "cumulative_seconds": [round(x, 3) for x in cumulative],
        "marginal_seconds": {k: round(v, 3) for k, v in marginal.items()},
        "relative_to_tokenizer": {
            k: round(v / direct["make_doc"], 2) for k, v in direct.items() if direct["make_doc"]
        },
    }


def profile_pipeline(
    texts: Sequence[str], out: Path, *, codebook: str = "", top: int = 25
) -> dict[str, Any]:
    """cProfile of ``nlp.pipe`` over ``texts``; the top functions by own time, with share.

    cProfile adds overhead to every Python call, so shares of Python-heavy code are
    inflated relative to C code (the tokenizer); use py-spy for unbiased figures (see
    ``benchmarks/README.md``). The full profile is saved to ``out`` (``.pstats``).
    """
    from medialens.process import get_nlp

    nlp = get_nlp(codebook or None, None)
    _consume(nlp.pipe(texts[:20]))
    prof = cProfile.Profile()
    prof.enable()
    _consume(nlp.pipe(texts, batch_size=PIPE_BATCH))
    prof.disable()
    out.parent.mkdir(parents=True, exist_ok=True)
    prof.dump_stats(out)
    stats = pstats.Stats(prof)
    total = stats.total_tt  # type: ignore[attr-defined]
    rows = []
    for (file, line, func), (_cc, nc, tt, ct, _callers) in sorted(
        stats.stats.items(),  # type: ignore[attr-defined]
        key=lambda kv: kv[1][2],
        reverse=True,
    )[:top]:
        rows.append(
            {
                "function": func,
                "where": f"{_short(file)}:{line}",
                "calls": nc,
                "own_seconds": round(tt, 3),
                "own_share": round(tt / total, 3) if total else 0.0,
                "cumulative_seconds": round(ct, 3),
            }
        )
    return {"total_seconds": round(total, 3), "pstats": str(out), "top_own_time": rows}


def _short(file: str) -> str:
    for marker in ("/lib/medialens/", "/site-packages/"):
        if marker in file:
            return (
                file.split(marker, 1)[1]
                if marker == "/site-packages/"
                else "medialens/" + file.split(marker, 1)[1]
            )
    return file
