"""A reporting verb inside a relative clause that closes before a direct quotation does not
frame that quotation.

Why a module of its own: :func:`.directquote._nearest_cue` picks the cue nearest to a
quotation. In *Laut Polizei ist die Kundgebung, zu der ein Bündnis aufgerufen hatte, „weitgehend
friedlich“ verlaufen* the nearest verb (*aufgerufen*) belongs to a relative clause on a noun of
the main clause; the quotation continues the main clause, whose source is *laut Polizei*. German
closes an inserted relative clause with a comma, so the test is cheap on the tokens: the cue
stands after a comma and a relative pronoun (with or without its preposition: *, die …*, *, zu
der …*), and another comma closes that clause before the quotation starts.

Limits: the relative pronoun is told from an article by the word after it (*, die Lage …* is
an article before its noun); a relative clause without a closing comma before the quotation
(*…, der sagte: „…“*) frames it and keeps its cue.
"""

from __future__ import annotations

from collections.abc import Sequence

from medialens.nlp.attribution.phrases import PREPOSITIONS, RELATIVES, is_adjective, is_head
from medialens.nlp.attribution.units import Tok

#: tokens scanned back from the cue for the comma that opens its clause
_MAX_BACK = 25


def in_closed_relative(toks: Sequence[Tok], cue: int, quote_start: int) -> bool:
    """Is the cue at token ``cue`` inside a relative clause that a comma closes before the
    character offset ``quote_start`` of a direct quotation? See the module docstring."""
    k = cue - 1
    stop = max(0, cue - _MAX_BACK)
    while k >= stop and toks[k].text != ",":
        if toks[k].q >= 0 or toks[k].text in (".", ":", ";", "–", "—"):
            return False
        k -= 1
    if k < stop or toks[k].text != ",":
        return False
    if not _relative_opener(toks, k + 1, cue):
        return False
    return any(
        t.text == "," and t.q < 0 and t.start < quote_start for t in toks[cue + 1 : len(toks)]
    )


def _relative_opener(toks: Sequence[Tok], a: int, cue: int) -> bool:
    """Does a relative pronoun (after an optional preposition) open the clause at ``a``, not an
    article before its noun (*, die Lage sei …*)?"""
    if a < cue and toks[a].lower in PREPOSITIONS:
        a += 1
    if a >= cue or toks[a].lower not in RELATIVES or toks[a].q >= 0:
        return False
    nxt = toks[a + 1] if a + 1 < len(toks) else None
    return nxt is None or not (is_head(nxt) or is_adjective(nxt))
