"""Where the object of *zufolge* starts: *Den neuesten Newyorker Blättern zufolge …*, *Den
Behörden in Mombasa zufolge …*, *Einer Depesche aus Paris zufolge …*.

Why a module of its own: :func:`.phrases.np_backward` reads the noun phrase before
*zufolge* from right to left and stops at a word it cannot tell from a verb (an unknown
superlative such as *neuesten*, which the lookup lemmatiser leaves unchanged, so it looks like
an infinitive) and at a preposition. The words left over became the first words of the
quotation (*Den neuesten … wurde im Senat …*) and the speaker was only a part of the phrase
(*Mombasa* for *Den Behörden in Mombasa*). *zufolge* governs the dative, and its object
opens with a dative determiner; the phrase is widened back to that determiner:

* over lower-case inflected words between the determiner and the phrase (*Den neuesten*);
* over a prepositional attribute (*in, aus, von, bei*) when the noun phrase before it opens
  the clause with a dative determiner (*Den Behörden in Mombasa*, *Einer Depesche aus Paris*).

Limits: only these two steps, one each; the attribute only in the first field (at the start
of the unit or after a comma or colon), because in the middle field a phrase before the
preposition is most often the clause's own object (*Er wurde von dem Gericht in Kabul
Berichten zufolge verurteilt*). Coordinated objects (*den Prognosen und den Pegeln zufolge*)
are not joined.
"""

from __future__ import annotations

from collections.abc import Sequence

from medialens.nlp.attribution.phrases import is_adjective, np_backward
from medialens.nlp.attribution.units import Tok
from medialens.nlp.attribution.wordlists import wordset

#: determiners that can open a dative object of *zufolge*
_DATIVE_OPENERS: frozenset[str] = wordset(
    "dem den einem einer der diesem diesen dieser jenem jenen"
)
#: prepositions of an attribute inside the object (*den Behörden in Mombasa*)
_ATTRIBUTE_PREPOSITIONS: frozenset[str] = wordset("in aus von vom bei beim im")
#: what opens a first field before the object
_FIELD_OPENERS = frozenset([",", ":", "„", "»", "("])
#: most lower-case words between a determiner and the phrase
_MAX_ADJECTIVES = 2


def widen_zufolge(toks: Sequence[Tok], sp: tuple[int, int]) -> tuple[int, int]:
    """The object of *zufolge* ``sp`` widened back to its dative determiner (see the module
    docstring); ``sp`` unchanged when neither step applies."""
    a, b = sp
    k = a - 1
    while k >= 0 and a - 1 - k < _MAX_ADJECTIVES and toks[k].q < 0 and is_adjective(toks[k]):
        k -= 1
    if k < a - 1 and k >= 0 and toks[k].q < 0 and toks[k].lower in _DATIVE_OPENERS:
        a = k
    p = a - 1
    if p >= 2 and toks[p].q < 0 and toks[p].lower in _ATTRIBUTE_PREPOSITIONS:
        head = np_backward(toks, p)
        if (
            head is not None
            and toks[head[0]].lower in _DATIVE_OPENERS
            and (head[0] == 0 or toks[head[0] - 1].text in _FIELD_OPENERS)
        ):
            a = head[0]
    return (a, b)
