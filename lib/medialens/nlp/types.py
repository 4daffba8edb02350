"""Result records of the extractors: immutable named tuples with character offsets.

Why named tuples: extractors are pure functions (``Doc`` in, records out) and records are
compared in tests and serialised to JSON/Parquet; they never hold spaCy objects, so they
survive pickling between worker processes. Offsets are ``[start, end)`` characters into
``doc.text``.
"""

from __future__ import annotations

from typing import NamedTuple

from medialens.codebook.model import DIRECT_KINDS as _DIRECT_KINDS
from medialens.codebook.model import MENTION_KINDS as _MENTION_KINDS


class Speaker(NamedTuple):
    start: int
    end: int
    text: str
    #: text of the named antecedent when the speaker is a pronoun/definite description
    resolved: str | None = None
    #: offsets of that antecedent (for linking it to a codebook actor)
    resolved_start: int | None = None
    resolved_end: int | None = None
    #: codebook actor id, filled by the mentions component
    actor: str | None = None


class Cue(NamedTuple):
    start: int
    end: int
    text: str
    lemma: str
    #: stance category from the reporting-verb lexicon (neutral, emphatic, distancing, ...)
    category: str | None = None
    #: several token spans for a separable verb (``wies … hin``)
    spans: tuple[tuple[int, int], ...] = ()


class Quote(NamedTuple):
    start: int
    end: int
    #: one span, or several for an interrupted quotation (»…«, sagte X, »…«)
    spans: tuple[tuple[int, int], ...]
    text: str
    kind: str  # "direct" | "indirect" | "reported"
    speaker: Speaker | None
    cue: Cue | None
    sentence_id: int = 0
    #: reported speech (*X kritisierte die Regierung*): the speech-act verb is part of the
    #: quotation itself (the annotation convention of the Wikinews quotation corpus), so
    #: ``cue`` is None and the verb with its lemma and stance category is given here.
    act: Cue | None = None
    #: spans of partial direct quotations inside this indirect or reported quote (see
    #: :mod:`medialens.nlp.attribution.nesting`); empty for direct quotes
    nested: tuple[tuple[int, int], ...] = ()


class ScareQuote(NamedTuple):
    start: int
    end: int
    text: str
    frame: str | None = None
    term: str | None = None


class Mention(NamedTuple):
    start: int
    end: int
    text: str
    actor: str
    type: str
    match: str = "alias"
    sentence_id: int = 0
    #: what kind of reference (see :data:`MENTION_KINDS`): ``name`` (alias, full name,
    #: acronym, also inflected), ``surname``, ``role``, ``compound``, ``adjective``, ``pronoun``
    kind: str = "name"


class FrameHit(NamedTuple):
    start: int
    end: int
    text: str
    frame: str
    term: str
    voice: str  # "journalist" | "direct" | "indirect" | "reported" | "scare_quote"
    speaker: str | None = None
    actor: str | None = None
    quote_id: int | None = None


class Candidate(NamedTuple):
    """A person/organisation candidate that no codebook alias covers."""

    start: int
    end: int
    text: str
    type: str  # "PER" | "ORG"
    source: str
    #: canonical name of the entity in its document (see ``medialens.nlp.entities``)
    entity: str | None = None


KINDS = ("direct", "indirect", "reported")
#: kinds of actor mention (defined with the codebook, whose ``mention_kinds`` switches them)
MENTION_KINDS = _MENTION_KINDS
DIRECT_KINDS = _DIRECT_KINDS
VOICES = ("journalist", "direct", "indirect", "reported", "scare_quote")
