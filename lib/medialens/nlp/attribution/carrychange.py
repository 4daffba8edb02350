"""A continuation follows its cue quotation when a post-pass corrects that quotation's speaker.

Why: the per-unit rules carry the speaker of a quotation with a cue to the cue-less
Konjunktiv sentences after it (*Einige vertreten die Ansicht, die Welt sei verloren. Die
Wirklichkeit sei daher ein Kampf.*). When a later document-level pass (:mod:`.postpass`)
finds that the cue's speaker was wrong (here *die Ansicht*, an object; the quantifier
*Einige* is the subject), the continuations still hold the old span, so one error is
counted once per sentence. A continuation speaks with the corrected speaker of the
quotation it continues.

What is done: the speakers of the quotations with a cue are compared before and after the
speaker passes. For each quotation whose speaker span changed, the cue-less quotations that
follow it and still carry exactly its old span take the new speaker; the carry stops at
the first later quotation whose speaker is another span (a new source has taken over).

Limits: only exact spans are followed (a continuation resolved to another mention of the
same referent is left alone); a speaker that a pass removes is not removed from the
continuations (a missing speaker may have been the pass's cautious choice, not a
correction).
"""

from __future__ import annotations

from collections.abc import Sequence

from medialens.nlp.types import Quote, Speaker

Span = tuple[int, int]


def cue_speakers(quotes: Sequence[Quote]) -> dict[Span, Span]:
    """The speaker span of each quotation with a cue, by the quotation's span."""
    return {
        (q.start, q.end): (q.speaker.start, q.speaker.end)
        for q in quotes
        if q.cue is not None and q.speaker is not None
    }


def follow_corrections(quotes: Sequence[Quote], before: dict[Span, Span]) -> list[Quote]:
    """``quotes`` (sorted by position) with the continuations of every corrected cue quotation
    given its new speaker (see the module docstring); ``before`` is :func:`cue_speakers` of
    the quotations before the passes."""
    out = list(quotes)
    for i, q in enumerate(out):
        old = before.get((q.start, q.end))
        if old is None or q.cue is None or q.speaker is None:
            continue
        new: Speaker = q.speaker
        if (new.start, new.end) == old:
            continue
        for k in range(i + 1, len(out)):
            c = out[k]
            if c.speaker is None or c.start < q.end:
                continue
            if (c.speaker.start, c.speaker.end) != old:
                break
            if c.cue is not None:
                break
            out[k] = c._replace(speaker=new)
    return out
