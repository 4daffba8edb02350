"""The clause of a source phrase that stands in the second conjunct of a subordinate clause
(*…, der nicht entfernt, jedoch laut X kontrolliert gesprengt wurde*).

Why a module of its own: :func:`.sourcequote._source_quote` limits a source phrase inside a
sentence to its clause when that clause opens with a subordinator or relative pronoun; a
conjunct after a comma (*jedoch, aber, und …*) opens with the conjunction instead, so the
sentence from its start was quoted, with the reporter's main clause. The source phrase
covers the whole subordinate clause (both conjuncts), unless the first conjunct has a source
of its own (*die nach X … verbüßen, zumindest aber laut Y … verurteilt wurden*), where it
covers its own conjunct only.

Limits: one conjunct back; the source phrase of the first conjunct is told by its trigger
word (:data:`SOURCE_WORDS`), not by the cue finder.
"""

from __future__ import annotations

from collections.abc import Sequence

from medialens.nlp.attribution.clausebounds import _clause_left
from medialens.nlp.attribution.continuations import SUBORDINATE_OPENERS
from medialens.nlp.attribution.units import Tok
from medialens.nlp.attribution.wordlists import wordset

#: conjunctions that open the second conjunct of a clause after a comma
CONJUNCT_OPENERS: frozenset[str] = wordset("jedoch aber und oder sondern doch zumindest")
#: words that open a source phrase of their own in the first conjunct
SOURCE_WORDS: frozenset[str] = wordset("laut zufolge gemäß nach")


def conjunct_clause_start(toks: Sequence[Tok], left: int, a: int) -> int | None:
    """The first token of the quotation around a source phrase whose clause starts at
    ``left`` with a conjunction after a comma, inside a subordinate clause that opens after
    ``a`` (the unit's first token): the subordinate opener, or ``left`` when the first
    conjunct has a source phrase of its own; None when the clause is no such conjunct."""
    if left - 2 <= a or toks[left].lower not in CONJUNCT_OPENERS:
        return None
    if toks[left - 1].text != "," or toks[left - 1].q >= 0:
        return None
    first = _clause_left(toks, left - 2)
    if first <= a or toks[first].lower not in SUBORDINATE_OPENERS or toks[first].q >= 0:
        return None
    if first < 1 or toks[first - 1].text != ",":
        return None  # (a subordinate clause opens after a comma inside the sentence)
    if any(t.lower in SOURCE_WORDS and t.q < 0 for t in toks[first:left]):
        return left
    return first
