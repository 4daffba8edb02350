"""Nesting and deduplication of quotes: seen quotations, top-level regions, overlap measures.

Why a module of its own: keeping one quote per stretch of text (a partial quotation inside a
reported clause, the same region found twice) is bookkeeping shared by the driver and the
steps, separate from finding quotes. Moved verbatim out of :mod:`.extract`.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence

from medialens.nlp.attribution.marks import QuotedRegion
from medialens.nlp.attribution.units import Unit
from medialens.nlp.types import Quote


def _exact_resolved(q: Quote, text: str) -> Quote:
    """The resolved antecedent's text exactly as in the document (the reference step joins
    its tokens with spaces, which differs where tokens touch: *„“*)."""
    sp = q.speaker
    if sp is None or sp.resolved_start is None or sp.resolved_end is None:
        return q
    exact = text[sp.resolved_start : sp.resolved_end]
    return q if exact == sp.resolved else q._replace(speaker=sp._replace(resolved=exact))


def _nearer_cue(q: Quote, other: Quote, unit_quotes: Sequence[Quote]) -> bool:
    """Does ``q`` (a duplicate of ``other``, found in the same unit) have a verb cue between
    ``other``'s cue and the quotation, i.e. nearer to what was said?"""
    if other not in unit_quotes or q.kind != "indirect" or other.kind != "indirect":
        return False
    if q.cue is None or other.cue is None:
        return False
    if q.speaker is None and q.cue.lemma != "heißen":
        return False  # (*…, hieß es*: the impersonal frame names no speaker, yet is one)
    return other.cue.end <= q.cue.start and q.cue.end <= q.start and other.cue.end <= q.start


def _trimmed_span(text: str, unit: Unit) -> tuple[int, int] | None:
    """The unit's characters without the final punctuation."""
    end = unit.end
    while end > unit.start and text[end - 1] in ".!?;: ":
        end -= 1
    return (unit.start, end) if end > unit.start else None


def _frames_partial(q: Quote, direct: Quote) -> bool:
    """Is ``q`` a reported clause with words of its own around the direct quotation
    ``direct`` (*Er habe »…«*)? Both are kept, as in the annotation convention."""
    return direct.kind == "direct" and (q.start < direct.start or q.end > direct.end)


def _quoted_with_cue(quotes: Sequence[Quote], q: Quote) -> bool:
    """Is the sentence a *Das/Dies sagte X* quote refers to already mostly a direct quotation
    with a cue of its own?

    Why: *Weiter sagte X: »A.« Dies sagte er vor Kunden.* reports one speech act; the anaphor
    adds its circumstances, not a second (indirect) quotation over the same words. Limits:
    half the referred sentence must lie in direct quotations that have a cue; a cue-less
    quotation is given the anaphor's cue elsewhere (``_attach_to_previous_quote``).
    """
    a, b = q.spans[0]
    covered = sum(
        max(0, min(e, b) - max(s, a))
        for other in quotes
        if other.kind == "direct" and other.cue is not None and other.start < b and a < other.end
        for s, e in other.spans
    )
    return covered * 2 >= b - a


def _jaccard(a: Quote, b: Quote) -> float:
    """Character Jaccard overlap of two quotes (spans of one quote do not overlap)."""
    if a.end <= b.start or b.end <= a.start:
        return 0.0
    inter = sum(max(0, min(e1, e2) - max(s1, s2)) for s1, e1 in a.spans for s2, e2 in b.spans)
    size_a = sum(e - s for s, e in a.spans)
    size_b = sum(e - s for s, e in b.spans)
    union = size_a + size_b - inter
    return inter / union if union else 0.0


class _TopRegions:
    """Top-level quoted regions by position: the ones overlapping a unit by bisection.

    Why: scanning every region for every sentence made long articles quadratic.
    """

    def __init__(self, regions: list[QuotedRegion]) -> None:
        self.items = [(k, r) for k, r in enumerate(regions) if r.depth == 0]
        self.starts = [r.start for _, r in self.items]
        self.max_end: list[int] = []  # running maximum of ends: non-decreasing, bisectable
        for _, r in self.items:
            self.max_end.append(max(r.end, self.max_end[-1]) if self.max_end else r.end)

    def overlapping(self, start: int, end: int) -> list[tuple[int, QuotedRegion]]:
        lo = bisect.bisect_right(self.max_end, start)
        hi = bisect.bisect_left(self.starts, end)
        return [(k, r) for k, r in self.items[lo:hi] if r.end > start]


class _SeenQuotes:
    """The quotes found so far, indexed by start, for the duplicate check.

    Why: comparing each new quote with every earlier one was quadratic in article length.
    Kept in step with the caller's list: new tail items are added; if the list changed
    otherwise (reported quotes dropped), the index is rebuilt.
    """

    def __init__(self) -> None:
        self.starts: list[int] = []
        self.items: list[Quote] = []
        self.max_len = 0
        self.synced = 0
        self.last: Quote | None = None

    def _add(self, q: Quote) -> None:
        i = bisect.bisect_right(self.starts, q.start)
        self.starts.insert(i, q.start)
        self.items.insert(i, q)
        self.max_len = max(self.max_len, q.end - q.start)

    def _sync(self, quotes: list[Quote]) -> None:
        if self.synced and (len(quotes) < self.synced or quotes[self.synced - 1] is not self.last):
            self.starts, self.items, self.max_len, self.synced = [], [], 0, 0
        for q in quotes[self.synced :]:
            self._add(q)
        self.synced = len(quotes)
        self.last = quotes[-1] if quotes else None

    def overlapping(self, quotes: list[Quote], q: Quote) -> list[Quote]:
        self._sync(quotes)
        lo = bisect.bisect_left(self.starts, q.start - self.max_len)
        hi = bisect.bisect_left(self.starts, q.end)
        return [o for o in self.items[lo:hi] if o.end > q.start]
