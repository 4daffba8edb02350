"""Hearsay *soll* after a source phrase: *Nach Angaben der Polizei wurde der Mann gefasst.
[…] Er soll seit Jahren gesucht worden sein.* — the *soll* sentence passes on what the
source named earlier (*laut X*, *X zufolge*, *nach Angaben/Informationen/Berichten X*) said.

Why a module of its own: the continuation steps of :mod:`.extract` carry a speaker only from
the quotation right before (bounded by a short gap and the paragraph); a hearsay *soll*
sentence found as a quotation two to six sentences later, with indicative background
sentences or a paragraph break in between, stays without a speaker. In news the writer marks
hearsay with *soll* precisely because the claim is still the source's, and the source a
report names for it is a source phrase (the agency, the report, the informants), not a person
quoted in between. Carrying the previous *quotation's* speaker instead was measured earlier
and failed (3 right of 39 on train): a person quoted in between is most often not the source
of the hearsay, a source phrase is.

What is done, after all quotations are found: a quotation without speaker, cue or speech act,
of kind ``indirect``, whose words contain a present form of *sollen*
(:data:`HEARSAY_FORMS`), takes the noun phrase of the nearest source phrase
(:func:`.sourcecues.find_source_phrases`) in the up to :data:`MAX_UNITS` sentences before
it, across at most :data:`MAX_PARAGRAPH_BREAKS` paragraph breaks. A phrase that names no
source (*demnach*, *dem Vernehmen nach*, a bare *Angaben*) is passed over.

Limits: only hearsay *soll* — a speakerless Konjunktiv continuation after a source phrase was
measured too (train: 3 right, 4 wrong or on false quotations; on the historical sample it
gave an optative *sei … gedacht* a speaker), so it is left alone; a source named only as the
subject of a verb without a content clause (*Die Polizei teilte mit*) is not looked at; the
carried speaker is not resolved further.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Sequence

from medialens.nlp.attribution.sourcecues import find_source_phrases
from medialens.nlp.attribution.speakerpass import span_speaker
from medialens.nlp.attribution.units import Tok
from medialens.nlp.attribution.wordlists import wordset
from medialens.nlp.types import Quote, Speaker

#: present forms of *sollen* that mark hearsay in a main clause (*soll … haben*); *sollte*
#: is a past or conditional modal, not hearsay
HEARSAY_FORMS: frozenset[str] = wordset("soll sollen")
#: how many sentences before the quotation are searched (train: the furthest right source
#: sat six sentences back)
MAX_UNITS = 8
#: paragraph breaks the search may cross (a news item often names its source in the lead
#: and goes on with background before the next hearsay sentence)
MAX_PARAGRAPH_BREAKS = 2
#: source-phrase heads that name no source: pronominal *demnach* and the like, and bare
#: plural source nouns without an attribute (*nach Angaben* alone)
UNNAMED_SOURCES: frozenset[str] = wordset(
    "demnach danach demzufolge hiernach angaben berichten informationen meldungen aussagen"
)
#: the lemma :func:`.sourcecues.find_source_phrases` gives *dem Vernehmen nach*
_RUMOUR = "dem Vernehmen nach"


def hearsay_quote(q: Quote, own: Sequence[Tok]) -> bool:
    """Is ``q`` a speakerless, cue-less indirect quotation with hearsay *soll* among its
    tokens ``own``?"""
    if q.speaker is not None or q.cue is not None or q.act is not None or q.kind != "indirect":
        return False
    return any(t.lower in HEARSAY_FORMS for t in own)


def named_source(toks: Sequence[Tok]) -> tuple[int, int] | None:
    """The noun phrase of the last source phrase of the sentence ``toks`` that names a
    source; None when there is none."""
    best = None
    for hit in find_source_phrases(toks):
        sp = hit.speaker
        if sp is None or hit.lemma == _RUMOUR:
            continue
        if sp[1] - sp[0] == 1 and toks[sp[0]].lower in UNNAMED_SOURCES:
            continue
        best = sp
    return best


def earlier_source(
    text: str, u: int, starts: Sequence[int], unit_toks: Callable[[int], Sequence[Tok]]
) -> Speaker | None:
    """The speaker made from the nearest source phrase in the sentences before unit ``u``
    (bounded by :data:`MAX_UNITS` and :data:`MAX_PARAGRAPH_BREAKS`); None when none."""
    breaks = 0
    for pu in range(u - 1, max(-1, u - 1 - MAX_UNITS), -1):
        toks = unit_toks(pu)
        if not toks:
            continue
        if "\n" in text[toks[-1].end : starts[pu + 1]]:
            breaks += 1
            if breaks > MAX_PARAGRAPH_BREAKS:
                return None
        rng = named_source(toks)
        if rng is not None:
            return span_speaker(toks, rng)
    return None


def source_carry_speakers(
    quotes: Sequence[Quote],
    text: str,
    starts: Sequence[int],
    unit_toks: Callable[[int], Sequence[Tok]],
) -> list[Quote]:
    """``quotes`` with each speakerless hearsay-*soll* quotation given the nearest earlier
    source phrase as speaker (see the module docstring)."""
    out: list[Quote] = []
    for q in quotes:
        if q.speaker is not None or q.cue is not None or q.kind != "indirect":
            out.append(q)
            continue
        u = bisect.bisect_right(starts, q.start) - 1
        if u < 1:
            out.append(q)
            continue
        own = [t for t in unit_toks(u) if q.start <= t.start < q.end]
        new = earlier_source(text, u, starts, unit_toks) if hearsay_quote(q, own) else None
        out.append(q if new is None else q._replace(speaker=new))
    return out
