"""The source of an agentless reason frame: *Als Begründung wurde angegeben, …*, *Als Grund
wurde … genannt*, *Als Begründung dafür heißt es, …*.

Why a module of its own: such a sentence gives the reason for what the sentence before
reports an actor did (*Die Stadt hat die Gebühren erhöht. Als Begründung wurde angegeben,
…*); the agentless passive or impersonal *heißt es* leaves the quotation without a speaker,
though the reason is the actor's. Kept narrow: the sentence must open with *Als* and a
reason noun, the sentence before must be in the same paragraph, and its subject a possible
source (see :func:`.freeindirect._previous_subject`) other than a pronoun.
"""

from __future__ import annotations

from collections.abc import Sequence

from medialens.nlp.attribution.carry import same_paragraph
from medialens.nlp.attribution.freeindirect import _previous_subject
from medialens.nlp.attribution.phrases import PRONOUNS
from medialens.nlp.attribution.quotestate import _State
from medialens.nlp.attribution.units import Tok
from medialens.nlp.attribution.wordlists import wordset
from medialens.nlp.types import Speaker

#: nouns of a reason or motive given (*Als Begründung*, *Als Grund*, *Als Ursache*)
REASON_NOUNS = wordset(
    "begründung grund gründe ursache ursachen anlass motiv erklärung rechtfertigung"
)


def reason_frame(toks: Sequence[Tok]) -> bool:
    """Does the sentence open with *Als* + a reason noun (*Als Begründung dafür …*)?"""
    return len(toks) > 3 and toks[0].lower == "als" and toks[1].lower in REASON_NOUNS


def reason_source(text: str, ptoks: Sequence[Tok], start: int, state: _State) -> Speaker | None:
    """The subject of the sentence ``ptoks`` before a reason frame that starts at ``start``,
    when it can be the source of the reason; else None."""
    if not ptoks or not same_paragraph(text, ptoks, start):
        return None
    subject = _previous_subject(ptoks, text, state)
    if subject is None or subject.text.lower() in PRONOUNS:
        return None  # (a pronoun is mostly the person the reason is about, or *man*)
    return subject
