"""Annotated ``Doc`` → the stable JSON record of ``medialens annotate`` (and back to rows).

The record format is an interface other tools read (``../shared/eval/score_quotes.py`` among
them): keep keys and meanings stable, add fields only.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from medialens.nlp.types import Cue, FrameHit, Mention, Quote, ScareQuote, Speaker


def _speaker(sp: Speaker | None) -> dict[str, Any] | None:
    if sp is None:
        return None
    return {
        "start": sp.start,
        "end": sp.end,
        "text": sp.text,
        "actor": sp.actor,
        "resolved": sp.resolved,
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
    return {
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


def annotate_doc(doc: Doc, doc_id: str | None = None) -> dict[str, Any]:
    """The JSON record of one annotated document (see README, "annotate output")."""
    return {
        "id": doc_id,
        "quotes": [quote_record(q) for q in doc._.ml_quotes or ()],
        "scare_quotes": [scare_record(s) for s in doc._.ml_scare_quotes or ()],
        "mentions": [mention_record(m) for m in doc._.ml_mentions or ()],
        "framing": [framing_record(f) for f in doc._.ml_framing or ()],
    }


def annotate_texts(
    nlp: Language,
    records: Iterable[Mapping[str, Any]],
    *,
    batch_size: int = 32,
    n_process: int = 1,
) -> Iterator[tuple[Mapping[str, Any], Doc, dict[str, Any]]]:
    """Annotate ``{"id", "text", "date"?…}`` records lazily; yields (record, doc, json record).

    The article date travels as ``doc.user_data["date"]`` so that role nouns resolve by date.
    """

    def stream() -> Iterator[tuple[Doc, Mapping[str, Any]]]:
        for rec in records:
            doc = nlp.make_doc(str(rec.get("text") or ""))
            if rec.get("date") is not None:
                doc.user_data["date"] = str(rec["date"])[:10]
            yield doc, rec

    pipes = stream()
    # Language.pipe accepts Docs; we tokenise ourselves to attach the date first.
    docs = nlp.pipe(pipes, as_tuples=True, batch_size=batch_size, n_process=n_process)
    for doc, rec in docs:
        yield rec, doc, annotate_doc(doc, None if rec.get("id") is None else str(rec["id"]))
