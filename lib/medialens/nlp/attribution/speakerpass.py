"""Shared plumbing of the document-level speaker passes (see :mod:`.postpass`): a speaker made
from a token range, and the loop "for each quotation this pass may change, look in the
quotation's own unit for a source and make it the speaker".

Why: each pass that finds a source by a construction of its own (*aus X ist zu hören*, an
inserted *so X*, *von X kam die Forderung*, …) otherwise repeats the same ten lines of unit
lookup and speaker building; here they are written once, so a pass is its licensing
construction and nothing else.

Limits: the loop looks only in the unit the quotation starts in; passes that also look at the
next unit (*„…“ Mit diesen Worten …*) use :func:`span_speaker` alone.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Sequence

from medialens.nlp.attribution.units import Tok
from medialens.nlp.types import Quote, Speaker

#: a source finder: the unit's tokens and the quotation -> the token range of its source
SourceFinder = Callable[[Sequence[Tok], Quote], "tuple[int, int] | None"]


def span_speaker(toks: Sequence[Tok], rng: tuple[int, int]) -> Speaker:
    """The speaker covering ``toks[a:b]``, its text the tokens joined by single spaces."""
    a, b = rng
    return Speaker(toks[a].start, toks[b - 1].end, " ".join(t.text for t in toks[a:b]))


def in_unit_speakers(
    quotes: Sequence[Quote],
    starts: Sequence[int],
    unit_toks: Callable[[int], Sequence[Tok]],
    source: SourceFinder,
    *,
    applies: Callable[[Quote], bool],
) -> list[Quote]:
    """``quotes`` in order, each quotation for which ``applies`` holds given the speaker that
    ``source`` finds in the tokens of the unit it starts in (``starts``: the units' start
    offsets); the others, and those without a source, unchanged."""
    out: list[Quote] = []
    for q in quotes:
        if not applies(q):
            out.append(q)
            continue
        u = bisect.bisect_right(starts, q.start) - 1
        toks = unit_toks(u) if u >= 0 else []
        rng = source(toks, q) if toks else None
        out.append(q if rng is None else q._replace(speaker=span_speaker(toks, rng)))
    return out
