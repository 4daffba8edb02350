"""Annotated ``Doc`` → the stable JSON record of ``medialens annotate`` (and back to rows).

The record format is an interface other tools read (``../shared/eval/score_quotes.py`` among
them): keep keys and meanings stable, add fields only.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from medialens.nlp.entities import Entity
from medialens.nlp.pipes import make_doc_with_text
from medialens.nlp.types import Cue, FrameHit, Mention, Quote, ScareQuote, Speaker
from medialens.workers import pool_start_method, watch_parent


def _speaker(sp: Speaker | None) -> dict[str, Any] | None:
    if sp is None:
        return None
    return {
        "start": sp.start,
        "end": sp.end,
        "text": sp.text,
        "actor": sp.actor,
        "resolved": sp.resolved,
        "resolved_start": sp.resolved_start,
        "resolved_end": sp.resolved_end,
    }


def _cue(cue: Cue | None) -> dict[str, Any] | None:
    if cue is None:
        return None
    return {
        "start": cue.start,
        "end": cue.end,
        "text": cue.text,
        "lemma": cue.lemma,
        "category": cue.category,
    }


def quote_record(q: Quote) -> dict[str, Any]:
    rec = {
        "start": q.start,
        "end": q.end,
        "spans": [list(s) for s in q.spans],
        "text": q.text,
        "kind": q.kind,
        "speaker": _speaker(q.speaker),
        "cue": _cue(q.cue),
        "act": _cue(q.act),
        "sentence": q.sentence_id,
    }
    if q.nested:
        # partial direct quotations inside this indirect/reported quote (only when present)
        rec["nested"] = [list(s) for s in q.nested]
    return rec


def scare_record(s: ScareQuote) -> dict[str, Any]:
    return {"start": s.start, "end": s.end, "text": s.text, "frame": s.frame, "term": s.term}


def mention_record(m: Mention) -> dict[str, Any]:
    return {
        "start": m.start,
        "end": m.end,
        "text": m.text,
        "actor": m.actor,
        "type": m.type,
        "match": m.match,
        "kind": m.kind,
    }


def framing_record(f: FrameHit) -> dict[str, Any]:
    return {
        "start": f.start,
        "end": f.end,
        "text": f.text,
        "frame": f.frame,
        "term": f.term,
        "voice": f.voice,
        "speaker": f.speaker,
        "actor": f.actor,
    }


def entity_record(e: Entity) -> dict[str, Any]:
    return {
        "start": e.start,
        "end": e.end,
        "text": e.text,
        "type": e.type,
        "actor": e.actor,
        "entity": e.entity,
    }


def annotate_doc(doc: Doc, doc_id: str | None = None) -> dict[str, Any]:
    """The JSON record of one annotated document (see README, "annotate output")."""
    return {
        "id": doc_id,
        "quotes": [quote_record(q) for q in doc._.ml_quotes or ()],
        "scare_quotes": [scare_record(s) for s in doc._.ml_scare_quotes or ()],
        "mentions": [mention_record(m) for m in doc._.ml_mentions or ()],
        "framing": [framing_record(f) for f in doc._.ml_framing or ()],
        "entities": [entity_record(e) for e in doc._.ml_entities or ()],
    }


def annotate_texts(
    nlp: Language,
    records: Iterable[Mapping[str, Any]],
    *,
    batch_size: int = 32,
    n_process: int = 1,
) -> Iterator[tuple[Mapping[str, Any], Doc | None, dict[str, Any]]]:
    """Annotate ``{"id", "text", "date"?…}`` records lazily; yields (record, doc, json record),
    in input order.

    The article date travels as ``doc.user_data["date"]`` so that role nouns resolve by date.
    ``n_process > 1``: worker processes (forked on Linux, else spawned with a pickled copy of
    ``nlp``) annotate batches of ``batch_size`` records and send back the JSON records; the
    doc is then ``None``. Why not ``nlp.pipe(n_process=…)``: spaCy sends Docs back through
    msgpack, which turns the annotation tuples into lists.
    """
    if n_process > 1:
        yield from _annotate_parallel(nlp, records, batch_size=batch_size, n_process=n_process)
        return
    docs = nlp.pipe(_docs(nlp, records), as_tuples=True, batch_size=batch_size)
    for doc, rec in docs:
        yield rec, doc, annotate_doc(doc, _doc_id(rec))


def _docs(
    nlp: Language, records: Iterable[Mapping[str, Any]]
) -> Iterator[tuple[Doc, Mapping[str, Any]]]:
    """Docs with text cache and date set (``Language.pipe`` accepts Docs)."""
    for rec in records:
        doc = make_doc_with_text(nlp, str(rec.get("text") or ""))
        if rec.get("date") is not None:
            doc.user_data["date"] = str(rec["date"])[:10]
        yield doc, rec


def _doc_id(rec: Mapping[str, Any]) -> str | None:
    return None if rec.get("id") is None else str(rec["id"])


#: the pipeline of an annotate worker process (set by :func:`_init_annotate_worker`)
_WORKER_NLP: Language | None = None


def _init_annotate_worker(nlp: Language) -> None:
    global _WORKER_NLP
    watch_parent()
    _WORKER_NLP = nlp


def _annotate_batch(records: list[Mapping[str, Any]]) -> list[dict[str, Any]]:
    nlp = _WORKER_NLP
    assert nlp is not None, "annotate worker without a pipeline"
    return [
        annotate_doc(doc, _doc_id(rec))
        for doc, rec in nlp.pipe(_docs(nlp, records), as_tuples=True, batch_size=len(records))
    ]


def _annotate_parallel(
    nlp: Language,
    records: Iterable[Mapping[str, Any]],
    *,
    batch_size: int,
    n_process: int,
) -> Iterator[tuple[Mapping[str, Any], None, dict[str, Any]]]:
    """Batches to a process pool, at most ``2 * n_process`` in flight (bounded memory),
    results in input order; leaving early (error, Ctrl-C) cancels what has not started."""
    import itertools
    import multiprocessing as mp
    from collections import deque
    from concurrent.futures import Future, ProcessPoolExecutor

    batch_size = max(1, batch_size)
    it = iter(records)
    pending: deque[tuple[list[Mapping[str, Any]], Future[list[dict[str, Any]]]]] = deque()
    with ProcessPoolExecutor(
        max_workers=n_process,
        mp_context=mp.get_context(pool_start_method()),
        initializer=_init_annotate_worker,
        initargs=(nlp,),
    ) as pool:
        try:
            while True:
                while len(pending) < 2 * n_process:
                    batch = list(itertools.islice(it, batch_size))
                    if not batch:
                        break
                    pending.append((batch, pool.submit(_annotate_batch, batch)))
                if not pending:
                    break
                batch, future = pending.popleft()
                for rec, result in zip(batch, future.result(), strict=True):
                    yield rec, None, result
        finally:
            for _, future in pending:
                future.cancel()
