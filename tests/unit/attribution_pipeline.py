"""Shared helper for the attribution tests: the blank German pipeline up to ``quotes``.

Kept out of conftest.py on purpose (one conftest for the project); imported by the
``test_quotes_*``/``test_speakers``/``test_scare_quotes`` modules.
"""

from __future__ import annotations

from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from medialens.nlp import factories  # noqa: F401  (registers the factories)
from medialens.nlp.types import Speaker


@lru_cache(maxsize=1)
def pipeline() -> Language:
    """``spacy.blank("de")`` + sentences + lookup lemmatizer + quotes (no other component)."""
    nlp = spacy.blank("de")
    nlp.add_pipe("medialens_sentencizer_v1", name="sentences")
    nlp.add_pipe("lemmatizer", config={"mode": "lookup"})
    nlp.add_pipe("medialens_quotes_v1", name="quotes")
    nlp.initialize()
    return nlp


def annotate(text: str) -> Doc:
    return pipeline()(text)


def summary(doc: Doc) -> list[tuple[str, str, str | None, str | None]]:
    """``(kind, quote text, speaker text, cue text)`` per quote, in document order."""
    return [
        (
            q.kind,
            q.text,
            q.speaker.text if q.speaker else None,
            q.cue.text if q.cue else None,
        )
        for q in doc._.ml_quotes
    ]


def speaker_object(text: str, quote_part: str, *, may_be_missing: bool = False) -> Speaker | None:
    """The speaker of the last quotation that contains ``quote_part`` (None also when there
    is no such quotation and ``may_be_missing``)."""
    quotes = [q for q in annotate(text)._.ml_quotes if quote_part in q.text]
    if not quotes and may_be_missing:
        return None
    assert quotes, f"no quotation with {quote_part!r} in {text!r}"
    return quotes[-1].speaker


def speaker_of(text: str, quote_part: str, *, may_be_missing: bool = False) -> str | None:
    """The speaker text of the last quotation that contains ``quote_part`` (None also when
    there is no such quotation and ``may_be_missing``: a negative case is met when the
    words are not taken for a quotation at all, e.g. as a scare quote)."""
    sp = speaker_object(text, quote_part, may_be_missing=may_be_missing)
    return sp.text if sp is not None else None


def quotes_of(text: str) -> list[tuple[str, str, str | None]]:
    """(kind, text, speaker) of each quotation of ``text`` (:func:`summary` without the cue)."""
    return [(k, q, s) for k, q, s, _c in summary(annotate(text))]


def indirect_of(text: str) -> list[tuple[str, str | None]]:
    """(text, speaker) of each indirect quotation of ``text``."""
    return [(q[1], q[2]) for q in summary(annotate(text)) if q[0] == "indirect"]
