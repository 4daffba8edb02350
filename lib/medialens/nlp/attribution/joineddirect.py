"""Two direct quotations joined by a bare frame are one quotation: *»…« laut X »…«*,
*»…« und »…«, zitiert X*.

Why: when a sentence holds two quoted stretches and nothing but a short frame or a
conjunction between them, the extractor emits each stretch as a direct quotation and, in
addition, a non-direct quotation that spans both (the sentence's frame reads it as indirect
or reported speech). The annotation convention this package follows marks such a sentence as
ONE direct quotation with several spans (an interrupted quotation). Emitting three
quotations costs two false positives; joining them gives the one quotation with the direct
kind, the spans of the quoted stretches and the frame's speaker and cue.

Limits: decided on characters only. The wrapping quotation must start where the first
direct quotation starts and end where the last one ends (a closing punctuation mark
aside); between the direct quotations, the wrapper's spans may hold only punctuation or a
coordinating conjunction, and the frame it leaves out of its spans at most
:data:`MAX_GAP_WORDS` words without a quotation mark. A wrapper with its own paraphrased words before, after or between the quoted
stretches (*»In Kürze« werde die Firma »ein neues Modell« bauen*) is indirect speech with
partial quotations and is left alone (see :mod:`.nesting`).
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import pairwise

from medialens.nlp.types import Quote

#: at most this many words between two quoted stretches inside the wrapping quotation
#: (*laut X*, *so die Sprecherin*, *und*)
MAX_GAP_WORDS = 4

#: the only words the wrapper may count as quotation between two quoted stretches
CONJUNCTIONS = frozenset(["und", "oder", "sowie"])

#: characters a gap or the wrapper's tail may consist of besides words
_GAP_PUNCT = frozenset(" \n\t,;:–—-.…()")

#: quotation marks: a gap holding one is a quotation of its own, not a frame
_QUOTE_MARKS = frozenset('„“”"»«‚‘’›‹')


def _covered(outer: Quote, inner: Quote) -> bool:
    """Does ``inner`` lie inside ``outer``'s span and differ from it?"""
    return (
        outer.start <= inner.start
        and inner.end <= outer.end
        and ((inner.start, inner.end) != (outer.start, outer.end))
    )


def _inside_spans(spans: Sequence[tuple[int, int]], i: int) -> bool:
    return any(a <= i < b for a, b in spans)


def _bare_gap(text: str, wrapper: Quote, a: int, b: int) -> bool:
    """Is ``text[a:b]``, between two quoted stretches, no content of its own? The part the
    wrapper counts as quotation may hold only punctuation and a coordinating conjunction
    (*»…« und »…«*); the part it leaves out as frame at most :data:`MAX_GAP_WORDS` words
    (*»…«, so X, »…«*); neither a quotation mark."""
    gap = text[a:b]
    if any(ch in _QUOTE_MARKS for ch in gap):
        return False
    inner = "".join(text[i] if _inside_spans(wrapper.spans, i) else " " for i in range(a, b))
    outer = "".join(" " if _inside_spans(wrapper.spans, i) else text[i] for i in range(a, b))
    inner_words = [w for w in inner.split() if not all(ch in _GAP_PUNCT for ch in w)]
    outer_words = [w for w in outer.split() if not all(ch in _GAP_PUNCT for ch in w)]
    return all(w in CONJUNCTIONS for w in inner_words) and len(outer_words) <= MAX_GAP_WORDS


def _joined_parts(wrapper: Quote, directs: Sequence[Quote], text: str) -> list[Quote] | None:
    """The direct quotations that make up ``wrapper`` (two or more, nothing but bare gaps
    between them and only punctuation after the last one), or None."""
    parts = sorted((d for d in directs if _covered(wrapper, d)), key=lambda d: d.start)
    if len(parts) < 2 or parts[0].start != wrapper.start:
        return None
    if any(nxt.start < prev.end for prev, nxt in pairwise(parts)):
        return None
    if not all(ch in _GAP_PUNCT for ch in text[parts[-1].end : wrapper.end]):
        return None
    for prev, nxt in pairwise(parts):
        if not _bare_gap(text, wrapper, prev.end, nxt.start):
            return None
    return parts


def join_split_directs(quotes: Sequence[Quote], text: str) -> list[Quote]:
    """``quotes`` (sorted by start) with each non-direct quotation that merely wraps two or
    more direct quotations replaced by one direct quotation over their spans; the wrapped
    direct quotations are dropped. Speaker and cue come from the wrapper, or from the first
    part when the wrapper has none (a reported wrapper's speech-act verb is the last resort
    for the cue)."""
    directs = [q for q in quotes if q.kind == "direct" and len(q.spans) == 1]
    if len(directs) < 2:
        return list(quotes)
    joined: dict[int, Quote] = {}
    dropped: set[int] = set()
    for q in quotes:
        if q.kind == "direct" or id(q) in dropped:
            continue
        parts = _joined_parts(q, directs, text)
        if parts is None or any(id(p) in dropped for p in parts):
            continue
        speaker = q.speaker if q.speaker is not None else parts[0].speaker
        cue = next((c for c in (q.cue, parts[0].cue, q.act) if c is not None), None)
        spans = tuple(span for p in parts for span in p.spans)
        joined[id(q)] = q._replace(
            start=parts[0].start,
            end=parts[-1].end,
            spans=spans,
            text=" … ".join(text[a:b] for a, b in spans),
            kind="direct",
            speaker=speaker,
            cue=cue,
            act=None,
            nested=(),
        )
        dropped.update(id(p) for p in parts)
    if not joined:
        return list(quotes)
    return [joined.get(id(q), q) for q in quotes if id(q) not in dropped]
