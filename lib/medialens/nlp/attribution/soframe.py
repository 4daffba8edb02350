"""Where an inserted *so X* frame between dashes ends, so that the quotation goes on after it.

Why: *A, so X, B* gave the quotation *A … B* only when a comma followed the source's noun
phrase at once, so a frame between dashes lost its second part *B* (*Zwar sei es ein
Fortschritt – so der Sprecher –, trotzdem …*). The finder
(:func:`.sourcecues.find_source_phrases`) already closes a dash-opened frame at the next
dash; this gives the quotation builder the same end (prepositional phrases before the dash
are skipped as the finder skips them).

Limits: after commas the old rule stands (no prepositional phrase between the noun phrase
and the comma): there the part after the phrase is as often an addition to the source
(*, so der Aufruf X aus Y, verbunden mit …*) as the rest of the quotation.
"""

from __future__ import annotations

from collections.abc import Sequence

from medialens.nlp.attribution.cuefind import _skip_trailing_pps
from medialens.nlp.attribution.units import Tok

_DASHES = frozenset(["–", "—"])


def so_frame_close(toks: Sequence[Tok], so: int, k: int, b: int) -> int:
    """The index of the comma or dash that closes a frame *– so X –* (``so`` the index of
    *so*, ``k`` the index after the source's noun phrase, ``b`` the unit end): the comma
    after the closing dash, else the dash itself. ``k`` for a frame not opened by a dash."""
    if so == 0 or toks[so - 1].text not in _DASHES:
        return k
    j = _skip_trailing_pps(toks, k) if k < b else k
    if j < b and toks[j].text in _DASHES:
        return j + 1 if j + 1 < b and toks[j + 1].text == "," else j
    return k
