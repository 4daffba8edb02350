"""*Von X kam die Forderung, …*, *Aus X kommen Aufrufe, …*, *Von X liegt die Äußerung vor,
…*: the phrase of origin in the first field names the source of the content clause.

Why a module of its own: with a verb of coming or being available (*kommen*, *vorliegen*,
*es gibt*) the speech-act noun is the grammatical subject, so the noun-cue rules give the noun
itself as the source (*Kritik wird laut, …*), and a sentence whose noun is no cue in the lexicon
(*kam die Information, …*) continues the speaker carried from before. German names the author
of such an act in a fronted *von/aus/seitens* phrase, the one constituent before the finite
verb; the content clause after the noun's comma is what that author said.

What is done, after all quotations are found: a quotation that starts after the comma that
follows such a clause (*Von/Aus/Seitens/Von Seiten* + noun phrase, a verb of
:data:`ORIGIN_VERBS`, a noun phrase, a comma) gets the noun phrase of the first field as its
speaker. Cheap: one look at the first words of the unit of each quotation.

Limits: only a first field that is the phrase of origin itself (*Von der Opposition kam …*),
not one after an adverbial (*Gestern kam von der Opposition …*); the noun after the verb must
end at the comma (an attribute with its own comma is not followed); a quotation that does not
start in the same unit is left alone.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from medialens.nlp.attribution.phrases import ADVERBS, is_head, np_forward
from medialens.nlp.attribution.speakerpass import in_unit_speakers
from medialens.nlp.attribution.units import Tok
from medialens.nlp.attribution.wordlists import wordset
from medialens.nlp.types import Quote

#: prepositions of origin that open the first field (*Von Seiten* is handled as two words)
ORIGIN_PREPOSITIONS: frozenset[str] = wordset("von aus seitens vonseiten")
#: finite verbs with which the speech act itself is the subject and its author comes first
ORIGIN_VERBS: frozenset[str] = wordset(
    "kam kamen kommt kommen liegt lag liegen lagen gibt gab stammt stammte stammen stammten"
)
#: words between the verb and the noun phrase (*gab es*, *kam prompt*, *liegt lediglich*)
_GLUE: frozenset[str] = wordset("es nur lediglich bereits schon auch nun jetzt inzwischen prompt")
#: words after the first field's noun phrase before the verb (*Von der Stadt selbst gab es …*)
_AFTER_SOURCE: frozenset[str] = wordset("selbst")


def origin_source(toks: Sequence[Tok], quote_start: int) -> tuple[int, int] | None:
    """The noun phrase of a fronted phrase of origin whose clause (verb of
    :data:`ORIGIN_VERBS`, speech-act noun, comma) ends before the character offset
    ``quote_start``; None when the unit does not open that way. See the module docstring."""
    n = len(toks)
    if n < 6 or toks[0].q >= 0 or toks[0].lower not in ORIGIN_PREPOSITIONS:
        return None
    k = 1
    if toks[0].lower == "von" and toks[1].lower == "seiten":
        k = 2
    src = np_forward(toks, k)
    if src is None:
        return None
    v = src[1]
    while v < n and toks[v].lower in _AFTER_SOURCE:
        v += 1
    if v >= n or toks[v].q >= 0 or toks[v].lower not in ORIGIN_VERBS:
        return None
    j = v + 1
    while j < n and toks[j].q < 0 and (toks[j].lower in _GLUE or toks[j].lower in ADVERBS):
        j += 1
    noun = np_forward(toks, j)
    if noun is None or not is_head(toks[noun[1] - 1]):
        return None
    comma = noun[1]
    if toks[comma].lower == "vor":
        comma += 1  # *liegt die Äußerung vor, …*
    if comma >= n or toks[comma].text != "," or toks[comma].q >= 0:
        return None
    if toks[comma].end > quote_start:
        return None
    return src


def origin_speakers(
    quotes: Sequence[Quote], starts: Sequence[int], unit_toks: Callable[[int], Sequence[Tok]]
) -> list[Quote]:
    """``quotes`` with the speaker of a quotation after a phrase-of-origin clause set to
    that phrase's noun phrase (see the module docstring)."""
    return in_unit_speakers(
        quotes,
        starts,
        unit_toks,
        lambda toks, q: (
            origin_source(toks, q.start) if toks[0].lower in ORIGIN_PREPOSITIONS else None
        ),
        applies=lambda q: True,
    )
