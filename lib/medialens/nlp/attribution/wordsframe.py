"""*„…“, mit diesen Worten eröffnete sie die Sitzung*: a frame after a direct quotation that
refers back to its words names the speaker.

Why a module of its own: the direct-quotation step looks for a reporting verb next to the
quotation; in this frame the verb is any act (*eröffnete die Sitzung*, *wandte sich an die
Mitglieder*, *verabschiedete sich*) and the phrase *mit diesen Worten* makes it a speech
act whose words are the quotation before it. The subject follows the finite verb (the phrase
is the first field), in the same sentence after a comma or in the next sentence.

What is done, after all quotations are found: a direct quotation without a cue, followed by
*mit diesen/jenen/solchen Worten*, a finite verb and a subject noun phrase or pronoun, gets
that subject as its speaker (replacing one carried over from an earlier sentence).

Limits: only the phrase right after the quotation (a comma, a full stop or a dash between);
the verb must follow the phrase directly (verb second); *mit den Worten* before a quotation
is the instrument frame of :mod:`.nountail` and not handled here.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Sequence

from medialens.nlp.attribution.speakerpass import span_speaker
from medialens.nlp.attribution.subjects import subject_after_verb
from medialens.nlp.attribution.units import Tok
from medialens.nlp.attribution.wordlists import wordset
from medialens.nlp.types import Quote

#: demonstratives of *mit … Worten* that point back to the words just quoted
_BACK_REFERENCE = wordset("diesen jenen solchen")
#: nouns of the phrase (*mit diesen Worten*, *mit diesen Sätzen*)
_WORD_NOUNS = wordset("worten sätzen")
#: punctuation between the quotation and the phrase
_GAP = frozenset([",", ".", "–", "—", "-"])


def words_frame_subject(toks: Sequence[Tok], k: int) -> tuple[int, int] | None:
    """The subject of a *mit diesen Worten* frame starting at token ``k`` (after the
    punctuation that follows the quotation), or None. See the module docstring."""
    n = len(toks)
    if k + 4 > n or any(t.q >= 0 for t in toks[k : k + 4]):
        return None
    if toks[k].lower != "mit" or toks[k + 1].lower not in _BACK_REFERENCE:
        return None
    if toks[k + 2].lower not in _WORD_NOUNS:
        return None
    verb = toks[k + 3]
    if not verb.text.isalpha() or not verb.text[:1].islower():
        return None
    return subject_after_verb(toks, k + 4, n)


def words_frame_speakers(
    quotes: Sequence[Quote], starts: Sequence[int], unit_toks: Callable[[int], Sequence[Tok]]
) -> list[Quote]:
    """``quotes`` with the speaker of a direct quotation before a *mit diesen Worten* frame
    set to the frame's subject (see the module docstring)."""
    out: list[Quote] = []
    for q in quotes:
        if q.kind != "direct" or q.cue is not None:
            out.append(q)
            continue
        rng = _frame_after(q.end, starts, unit_toks)
        if rng is None:
            out.append(q)
            continue
        toks, found = rng
        out.append(q._replace(speaker=span_speaker(toks, found)))
    return out


def _frame_after(
    end: int, starts: Sequence[int], unit_toks: Callable[[int], Sequence[Tok]]
) -> tuple[Sequence[Tok], tuple[int, int]] | None:
    """The tokens and subject range of a frame right after the character offset ``end``:
    in the quotation's unit after it, else at the start of the next unit."""
    u = bisect.bisect_right(starts, max(end - 1, 0)) - 1
    for k in (u, u + 1):
        if k < 0 or k >= len(starts):
            continue
        toks = unit_toks(k)
        i = 0
        while i < len(toks) and toks[i].start < end:
            i += 1
        if i >= len(toks):
            continue
        if k == u + 1 and i > 0:
            return None
        j = i
        while j < len(toks) and toks[j].q < 0 and toks[j].text in _GAP and j - i < 2:
            j += 1
        if j >= len(toks):
            continue  # (*„…“. Mit diesen Worten …*: the full stop closes the unit)
        rng = words_frame_subject(toks, j)
        return (toks, rng) if rng is not None else None
    return None
