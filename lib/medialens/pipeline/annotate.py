"""One chunk of articles → one Arrow table per annotation table.

:func:`annotate_chunk` is the unit of work of every engine (this process, the local pool,
Dask workers): a pure, picklable function of a chunk, so the store is the same whichever
engine ran. :func:`doc_rows` is the conversion of one annotated ``Doc`` into rows of the
store's tables (``medialens.schema``). spaCy and ``medialens.nlp`` are imported when a
pipeline is first built (:func:`get_nlp`), not with this module: the parent of a worker
pool never needs them (≈ 1 s), only the workers do.
"""

from __future__ import annotations

import gc
import logging
import sys
from typing import TYPE_CHECKING, Any

import pyarrow as pa

from medialens.schema import TABLES

if TYPE_CHECKING:
    import pandas as pd
    from spacy.language import Language
    from spacy.tokens import Doc

log = logging.getLogger(__name__)

#: Tables written by annotation (one chunk of rows per chunk of articles).
ANNOTATION_TABLES = (
    "article_counts",
    "quotes",
    "scare_quotes",
    "mentions",
    "framing",
    "uncoded_actors",
)
#: Columns of the article chunks handed to :func:`annotate_chunk` (and engines).
CHUNK_COLUMNS = ("article_id", "date", "text", "annotation_key", "source_file", "source_line")
#: Texts per ``nlp.pipe`` batch inside a chunk.
PIPE_BATCH = 64

#: The pipelines built in this process, by ``(codebook, model)`` (see :func:`get_nlp`).
_NLP_CACHE: dict[tuple[str, str | None], Language] = {}


def get_nlp(codebook: str | None, model: str | None) -> Language:
    """The pipeline for ``(codebook, model)``, built once per process.

    After the first pipeline of a process is built, the objects alive then are moved out of
    the garbage collector's sight (:func:`freeze_long_lived`)."""
    key = (codebook or "", model)
    nlp = _NLP_CACHE.get(key)
    if nlp is None:
        from medialens.nlp import build_nlp

        spacy_log = logging.getLogger("spacy")
        level = spacy_log.level
        spacy_log.setLevel(logging.WARNING)  # "Created vocabulary" etc. is noise in a CLI run
        try:
            nlp = build_nlp(model=model, codebook=codebook or None)
        finally:
            spacy_log.setLevel(level)
        _NLP_CACHE[key] = nlp
        freeze_long_lived()
    return nlp


_FROZEN = False


def freeze_long_lived() -> bool:
    """Collect garbage once, then :func:`gc.freeze` what is alive; only the first call of a
    process does anything (returns whether this call froze).

    Why: an annotating process holds some 120,000 objects the collector tracks (spaCy, the
    word lists, lexicons and weights our components load once) and keeps them to its end;
    every full collection — a few per thousand articles, triggered by the caches that grow
    as new words come in — walked all of them again, about 1.5 % of the annotation time
    (``benchmarks/README.md``, tenth round). Frozen objects are still freed when their
    reference count drops to zero; what the freeze costs is that a reference cycle among
    them is never collected (a pipeline that ``_NLP_CACHE`` held and someone dropped). Hence
    once per process, after the first pipeline: the state a worker keeps to its end.

    Not in an interactive session (a Jupyter kernel or an IPython/Python prompt): there the
    objects alive at that moment are the user's own data frames and figures, which she may
    drop later, and a cycle among them would never be collected — a leak the user cannot see.
    Batch runs (``medialens process``, its pool workers, the benchmarks) keep the gain.
    """
    global _FROZEN
    if _FROZEN:
        return False
    _FROZEN = True
    if _interactive():
        return False
    gc.collect()
    gc.freeze()
    return True


def _interactive() -> bool:
    """Is this process an interactive session (a Jupyter/IPython kernel, ``python -i``)?"""
    return "IPython" in sys.modules or bool(sys.flags.interactive) or hasattr(sys, "ps1")


def doc_rows(
    doc: Doc, article_id: str, annotation_key: str | None = None
) -> dict[str, list[dict[str, Any]]]:
    """Rows of every annotation table for one annotated ``Doc`` (pure conversion)."""
    quotes = list(doc._.ml_quotes or ())
    scare = list(doc._.ml_scare_quotes or ())
    mentions = list(doc._.ml_mentions or ())
    framing = list(doc._.ml_framing or ())
    candidates = list(doc._.ml_candidates or ())
    n_sentences, n_words = _counts(doc)
    rows: dict[str, list[dict[str, Any]]] = {
        "article_counts": [
            {
                "article_id": article_id,
                "n_tokens": len(doc),
                "n_words": n_words,
                "n_sentences": n_sentences,
                "n_quotes": len(quotes),
                "n_mentions": len(mentions),
                "n_framing": len(framing),
                "n_scare_quotes": len(scare),
                "annotation_key": annotation_key,
            }
        ],
        "quotes": [],
        "scare_quotes": [],
        "mentions": [],
        "framing": [],
        "uncoded_actors": [],
    }
    for i, q in enumerate(quotes):
        # The store's cue_* columns give the quote's reporting verb for stance analyses: for
        # reported speech that is the speech-act verb inside the quotation (``Quote.act``).
        sp, cue = q.speaker, q.cue if q.cue is not None else q.act
        rows["quotes"].append(
            {
                "article_id": article_id,
                "quote_id": i,
                "start": q.start,
                "end": q.end,
                "spans": [list(s) for s in q.spans],
                "text": q.text,
                "kind": q.kind,
                "speaker_start": sp.start if sp else None,
                "speaker_end": sp.end if sp else None,
                "speaker_text": sp.text if sp else None,
                "speaker_resolved": sp.resolved if sp else None,
                "speaker_resolved_start": sp.resolved_start if sp else None,
                "speaker_resolved_end": sp.resolved_end if sp else None,
                "actor": sp.actor if sp else None,
                "cue_start": cue.start if cue else None,
                "cue_end": cue.end if cue else None,
                "cue_text": cue.text if cue else None,
                "cue_lemma": cue.lemma if cue else None,
                "cue_category": cue.category if cue else None,
                "cue_in_quote": q.cue is None and q.act is not None,
                "sentence_id": q.sentence_id,
            }
        )
    # These records' fields are exactly the columns of their tables (see schema.py).
    for table, records in (
        ("scare_quotes", scare),
        ("mentions", mentions),
        ("framing", framing),
        ("uncoded_actors", candidates),
    ):
        out = rows[table]
        for r in records:  # (``_asdict`` and a ``**`` copy would build two dicts per row)
            row = {"article_id": article_id}
            row.update(zip(r._fields, r, strict=False))  # a NamedTuple: same length
            out.append(row)
    return rows


def _counts(doc: Doc) -> tuple[int, int]:
    """``(sentences, words)`` of a Doc from one ``Doc.to_array``: words are tokens that are
    neither punctuation nor space. Why: iterating the Doc (``doc.sents``, ``for t in doc``)
    creates a Python object per token, a tenth of the tokenizer's time."""
    import numpy as np
    from spacy.attrs import IS_PUNCT, IS_SPACE, SENT_START

    n = len(doc)
    if not n:
        return 0, 0
    # (the unsigned columns as they come, no ``int64`` copy: the flags are 0/1, and
    # SENT_START's -1 is a large unsigned value, never 1; ``count_nonzero`` instead of a
    # boolean ``sum``: together a quarter of this function's time)
    arr = doc.to_array([SENT_START, IS_PUNCT, IS_SPACE])
    n_words = n - int(np.count_nonzero(arr[:, 1] | arr[:, 2]))
    if "sents" in doc.user_hooks:  # a model's own sentence hook: ask it
        n_sentences = sum(1 for _ in doc.sents)
    elif doc.has_annotation("SENT_START"):
        # doc.sents: a sentence starts at token 0 and at every token with SENT_START == 1
        n_sentences = 1 + int(np.count_nonzero(arr[1:, 0] == 1))
    else:
        n_sentences = 1
    return n_sentences, n_words


def _as_records(articles: pa.Table | pd.DataFrame) -> list[dict[str, Any]]:
    if isinstance(articles, pa.Table):
        cols = [c for c in CHUNK_COLUMNS if c in articles.column_names]
        return articles.select(cols).to_pylist()
    cols = [c for c in CHUNK_COLUMNS if c in articles.columns]
    records = articles[cols].to_dict("records")
    for rec in records:  # pandas missing values (NaN, NA, NaT) → None
        for k, v in rec.items():
            if not isinstance(v, str | int) and _is_missing(v):
                rec[k] = None
    return records


def _is_missing(value: object) -> bool:
    import pandas as pd

    try:
        return bool(pd.isna(value))
    except (TypeError, ValueError):  # lists, arrays: not a scalar missing value
        return False


def _make_doc(nlp: Language, rec: dict[str, Any]) -> Doc:
    from medialens.nlp.pipes import make_doc_with_text

    doc = make_doc_with_text(nlp, str(rec.get("text") or ""))
    date = rec.get("date")
    if date is not None:
        doc.user_data["date"] = str(date)[:10]
    return doc


def annotate_chunk(
    articles: pa.Table | pd.DataFrame,
    *,
    codebook: str,
    model: str | None,
) -> dict[str, pa.Table]:
    """Annotate a chunk of articles; returns one Arrow table per annotation table.

    ``articles`` needs ``article_id`` and ``text``; ``date``, ``annotation_key``,
    ``source_file`` and ``source_line`` are used when present. Pure and picklable for process
    pools and Dask: the pipeline is built once per process and cached. An article on which the
    pipeline raises is skipped and reported in an extra ``rejects`` table (reason
    ``annotation-failed``), so one bad text never loses the chunk.
    """
    nlp = get_nlp(codebook or None, model)
    records = _as_records(articles)
    out: dict[str, list[dict[str, Any]]] = {name: [] for name in ANNOTATION_TABLES}
    failures: list[dict[str, Any]] = []

    def add(doc: Doc, rec: dict[str, Any]) -> None:
        for name, rows in doc_rows(doc, str(rec["article_id"]), rec.get("annotation_key")).items():
            out[name].extend(rows)

    fits = []
    for rec in records:
        n_chars = len(rec.get("text") or "")
        if n_chars > nlp.max_length:  # spaCy refuses such texts; say so plainly
            failures.append(
                _failure(
                    rec,
                    ValueError(
                        f"text too long to annotate ({n_chars:,} > {nlp.max_length:,} characters)"
                    ),
                )
            )
        else:
            fits.append(rec)
    records = fits
    for start in range(0, len(records), PIPE_BATCH):
        batch = records[start : start + PIPE_BATCH]
        try:
            docs = list(nlp.pipe((_make_doc(nlp, r) for r in batch), batch_size=PIPE_BATCH))
        except Exception:  # retry one by one to isolate the failing article(s)
            docs = []
            for rec in batch:
                try:
                    docs.append(nlp(_make_doc(nlp, rec)))
                except Exception as exc:
                    docs.append(None)
                    failures.append(_failure(rec, exc))
        for doc, rec in zip(docs, batch, strict=True):
            if doc is not None:
                add(doc, rec)
        del docs
    result = {name: pa.Table.from_pylist(rows, schema=TABLES[name]) for name, rows in out.items()}
    if failures:
        result["rejects"] = pa.Table.from_pylist(failures, schema=TABLES["rejects"])
    return result


def _failure(rec: dict[str, Any], exc: BaseException) -> dict[str, Any]:
    file = rec.get("source_file") or "?"
    line = rec.get("source_line")
    where = f"{file}:{line}" if line is not None else file
    log.debug("annotation failed for %s (%s): %r", rec.get("article_id"), where, exc)
    return {
        "source_file": rec.get("source_file"),
        "source_line": line,
        "severity": "error",
        "reason": "annotation-failed",
        "message": f"{where}: article {rec.get('article_id')!r} could not be annotated "
        f"({type(exc).__name__}: {exc}); it has no annotation rows",
    }
