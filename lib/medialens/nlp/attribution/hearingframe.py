"""*Aus X ist zu hören, …*, *Von X war zu vernehmen, …*, *Im Bericht ist zu lesen: …*: a
fronted phrase before *sein + zu + verb of perceiving* names the source of what follows.

Why a module of its own: *zu hören sein* ("one hears") is no speech verb in the cue lexicon,
and its grammatical subject is the content clause itself, so no rule finds a speaker; a
subjunctive content clause after it is still found as a quotation (by the reported-speech
rules) and stayed without a speaker. The fronted *aus/von/seitens* phrase (where the words
come from) or *in/im/bei* phrase (the document or body they are read or heard in) is the only
source the sentence gives.

What is done, after all quotations are found: a quotation without speaker that starts after
the comma or colon of a unit opening with a preposition of :data:`SOURCE_PREPOSITIONS`, a noun
phrase, a form of *sein* (:data:`SEIN_FORMS`), optional adverbs, *zu* and a verb of
:data:`PERCEIVING_VERBS`, gets that noun phrase as its speaker.

Limits: only a unit that opens with the phrase (*Gestern war aus X zu hören* is left alone);
the noun phrase must end before the verb (an attribute clause with its own comma is not
followed); a quotation the other rules did not find is not added.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from medialens.nlp.attribution.phrases import ADVERBS, is_head, np_forward
from medialens.nlp.attribution.speakerpass import in_unit_speakers
from medialens.nlp.attribution.units import Tok
from medialens.nlp.attribution.wordlists import wordset
from medialens.nlp.types import Quote

#: prepositions of origin or of the document that open the first field
SOURCE_PREPOSITIONS: frozenset[str] = wordset("aus von vom seitens in im bei beim")
#: finite forms of *sein* in the frame
SEIN_FORMS: frozenset[str] = wordset("ist war sei wäre")
#: infinitives of perceiving after *zu*
PERCEIVING_VERBS: frozenset[str] = wordset("hören vernehmen lesen erfahren")
#: words between *sein* and *zu* (*war am Abend zu hören* is not followed, only adverbs)
_GLUE: frozenset[str] = wordset("auch nun jetzt inzwischen bereits schon dazu dagegen hingegen")
#: marks after the infinitive that open the content
_OPENERS: frozenset[str] = frozenset([",", ":"])


def hearing_source(toks: Sequence[Tok], quote_start: int) -> tuple[int, int] | None:
    """The noun phrase of a fronted *aus/von/in X ist zu hören* frame whose comma or colon
    ends before the character offset ``quote_start``; None when the unit does not open that
    way. See the module docstring."""
    n = len(toks)
    if n < 6 or toks[0].q >= 0 or toks[0].lower not in SOURCE_PREPOSITIONS:
        return None
    src = np_forward(toks, 1)
    if src is None or not is_head(toks[src[1] - 1]):
        return None
    v = src[1]
    if v >= n or toks[v].q >= 0 or toks[v].lower not in SEIN_FORMS:
        return None
    j = v + 1
    while j < n and toks[j].q < 0 and (toks[j].lower in _GLUE or toks[j].lower in ADVERBS):
        j += 1
    if j + 2 >= n or toks[j].lower != "zu" or toks[j + 1].lower not in PERCEIVING_VERBS:
        return None
    mark = toks[j + 2]
    if mark.q >= 0 or mark.text not in _OPENERS or mark.end > quote_start:
        return None
    return src


def hearing_speakers(
    quotes: Sequence[Quote], starts: Sequence[int], unit_toks: Callable[[int], Sequence[Tok]]
) -> list[Quote]:
    """``quotes`` with a speakerless quotation after a *aus X ist zu hören* frame given the
    frame's noun phrase as speaker (see the module docstring)."""
    return in_unit_speakers(
        quotes,
        starts,
        unit_toks,
        lambda toks, q: hearing_source(toks, q.start),
        applies=lambda q: q.speaker is None,
    )
