"""*Die von X geäußerte Hoffnung, …*, *Mit der Begründung, dass …*, *Aussagen, dass …*: a
speech-act noun right before the content clause of a speakerless quotation is its source.

Why a module of its own: the noun cues of the lexicon need a verb or an author to give a
speaker; a content clause that hangs on a noun of saying or believing without either (the
noun is the subject or object of a verb that is no speech verb: *… schien sich nicht zu
erfüllen*, *… schenken sie keinen Glauben*) was found as a quotation by the subjunctive or
*dass* rules and stayed without a speaker. The gold standard marks the noun phrase of the
speech act as the source then, or the author inside its participle attribute (*die von X
geäußerte Hoffnung* — X).

What is done, after all quotations are found: a quotation without speaker whose start
follows a comma right after a noun of :data:`CONTENT_NOUNS` (in the quotation's unit) gets
the noun phrase (back to its article, over adjectives and a participle attribute) as its
speaker, or the noun phrase after *von* inside that attribute.

Limits: only a noun phrase that opens its sentence or a clause after a semicolon, colon or
dash (alone or after a preposition): after a subject the view is the subject's
(*Die Partei äußerte die Hoffnung, …* is left to the cue rules); only a noun right before the comma (a noun with its own attribute after it, *der
Verdacht bei X, …*, is not followed); the noun list is closed (nouns of saying, believing
and hoping that take a content clause); a noun inside the quotation's own text is not seen.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Sequence

from medialens.nlp.attribution.phrases import DETERMINERS, PREPOSITIONS, is_adjective, np_forward
from medialens.nlp.attribution.speakerpass import in_unit_speakers
from medialens.nlp.attribution.units import Tok
from medialens.nlp.attribution.wordlists import wordset
from medialens.nlp.types import Quote

#: nouns of saying, believing and hoping (singular and plural) that take a content clause
CONTENT_NOUNS: frozenset[str] = wordset(
    """
    aussage aussagen begründung behauptung behauptungen hoffnung hoffnungen befürchtung
    befürchtungen vermutung vermutungen ankündigung zusicherung zusicherungen beteuerung
    beteuerungen versicherung einschätzung überzeugung
    """
)
#: marks after which a new clause opens
_CLAUSE_MARKS: frozenset[str] = frozenset([";", ":", "–", "—"])
#: most tokens between the article and the noun (adjectives, a participle attribute)
MAX_ATTRIBUTE = 8


def _phrase_start(toks: Sequence[Tok], noun: int) -> int:
    """Index of the article (or first adjective) of the noun phrase ending in ``noun``; the
    noun itself when neither precedes it. A participle attribute with a *von* phrase
    (*die von X nach dem Urteil geäußerte Hoffnung*) is inside the phrase."""
    k = noun
    low = max(0, noun - MAX_ATTRIBUTE)
    while k > low and toks[k - 1].q < 0 and is_adjective(toks[k - 1]):
        k -= 1
    for j in range(k - 1, low - 1, -1):
        if toks[j].q >= 0 or toks[j].text in (",", ".", ";", ":"):
            break
        if toks[j].lower in DETERMINERS and j + 1 < len(toks) and toks[j + 1].lower == "von":
            return j  # *die von X … geäußerte Hoffnung*
    if k > 0 and toks[k - 1].q < 0 and toks[k - 1].lower in DETERMINERS:
        return k - 1
    return k


def _opens_clause(toks: Sequence[Tok], first: int) -> bool:
    """Does the noun phrase starting at ``first`` (or a preposition right before it) open
    its unit or a clause after a semicolon, colon or dash? Then no subject stands before it
    that could be the holder of the view (*X lehnte ab mit der Begründung, …* is X's)."""
    k = first
    if k > 0 and toks[k - 1].q < 0 and toks[k - 1].lower in PREPOSITIONS:
        k -= 1
    return k == 0 or (toks[k - 1].q < 0 and toks[k - 1].text in _CLAUSE_MARKS)


def content_noun_source(toks: Sequence[Tok], quote_start: int) -> tuple[int, int] | None:
    """Token range of the source named by a noun of :data:`CONTENT_NOUNS` right before the
    comma that precedes the character offset ``quote_start``: the author after *von* in the
    phrase's participle attribute, else the noun phrase; None otherwise."""
    comma = bisect.bisect_left([t.start for t in toks], quote_start) - 1
    if comma < 1 or toks[comma].text != "," or toks[comma].q >= 0:
        return None
    noun = comma - 1
    if toks[noun].q >= 0 or toks[noun].lower not in CONTENT_NOUNS:
        return None
    first = _phrase_start(toks, noun)
    if not _opens_clause(toks, first):
        return None
    if first + 1 < noun and toks[first + 1].lower == "von":
        author = np_forward(toks, first + 2, end=noun)
        if author is not None:
            return author
    return (first, noun + 1)


def content_noun_speakers(
    quotes: Sequence[Quote], starts: Sequence[int], unit_toks: Callable[[int], Sequence[Tok]]
) -> list[Quote]:
    """``quotes`` with a speakerless quotation after *Noun, …* given the noun's source (see
    the module docstring)."""
    return in_unit_speakers(
        quotes,
        starts,
        unit_toks,
        lambda toks, q: content_noun_source(toks, q.start),
        applies=lambda q: q.speaker is None,
    )
