"""The one cue finder of medialens (:func:`find_cues`) and the per-unit pre-filter of
reporting-verb candidates it shares with :func:`.extract.extract_attributions`.

Why a module of its own: listing cues needs the same scan, units and cue filters as the
extraction, but none of its decisions about what a cue introduces. Moved verbatim out of
:mod:`.extract`, which re-exports :func:`find_cues`. Limits: see :func:`find_cues`.
"""

from __future__ import annotations

import bisect

from spacy.tokens import Doc

from medialens.nlp.attribution.clausebounds import WH_WORDS as WH_WORDS
from medialens.nlp.attribution.cuehits import _noun_cues, _verb_cues, outside_phrases
from medialens.nlp.attribution.lexicon import CueIndex
from medialens.nlp.attribution.marks import find_quoted_regions
from medialens.nlp.attribution.overlap import (
    _TopRegions,
)
from medialens.nlp.attribution.quotestate import IMPERSONAL as IMPERSONAL
from medialens.nlp.attribution.quotestate import MAX_CHAIN_GAP as MAX_CHAIN_GAP
from medialens.nlp.attribution.quotestate import (
    MAX_INHERITED_CUE_DISTANCE as MAX_INHERITED_CUE_DISTANCE,
)
from medialens.nlp.attribution.quotestate import MAX_SPEAKER_DISTANCE as MAX_SPEAKER_DISTANCE
from medialens.nlp.attribution.quotestate import _head_part as _head_part
from medialens.nlp.attribution.quotestate import (
    _make_cue,
)
from medialens.nlp.attribution.quotestate import _reliable_speaker as _reliable_speaker
from medialens.nlp.attribution.quotestate import last_whole_word as last_whole_word
from medialens.nlp.attribution.relativesource import relative_source_phrases
from medialens.nlp.attribution.scan import (
    PASSIVE_AUX_KEYS,
    DocScan,
    SourceNouns,
    fronted_participle_key,
    maybe_source,
    scan_doc,
)
from medialens.nlp.attribution.scare import is_title_noun as is_title_noun
from medialens.nlp.attribution.sourcecues import find_source_phrases
from medialens.nlp.attribution.units import (
    TokenArrays,
    Unit,
    build_units,
    token_arrays,
    unit_tokens,
)
from medialens.nlp.pipes import doc_text
from medialens.nlp.types import Cue


def _unit_candidates(scan: DocScan, arrays: TokenArrays, unit: Unit) -> list[int]:
    """The unit's reporting-verb candidates (token indices inside the unit); a base that is a
    cue only with a particle or phrase word counts only if that word is a token of the unit
    (*Sicherheit* holds no *sicher*, so the unit cannot have the phrase *sich sicher sein*).
    A capitalised participle fronted before its passive auxiliary (*Kritisiert wird …*, see
    :func:`.scan.fronted_participle_key`) is the unit's first candidate."""
    out = []
    second = unit.tok_start + 1
    if (
        second < len(arrays.orth)
        and arrays.orth[second] in PASSIVE_AUX_KEYS
        and fronted_participle_key(scan, arrays, unit.tok_start, unit.tok_end)
    ):
        out.append(0)
    cue_pos, particle_words = scan.cue_pos, scan.particle_words
    k0 = bisect.bisect_left(cue_pos, unit.tok_start)
    k1 = bisect.bisect_left(cue_pos, unit.tok_end, k0)
    if k1 == k0:
        return out
    lower: list[int] | None = None
    for p in cue_pos[k0:k1]:
        words = particle_words.get(p)
        if words is not None:
            if lower is None:
                lower = arrays.lower[unit.tok_start : unit.tok_end]
            if words.isdisjoint(lower):
                continue
        out.append(p - unit.tok_start)
    return out


def find_cues(doc: Doc, index: CueIndex, *, sources: bool = True) -> list[Cue]:
    """The reporting cues the attribution rules start from, outside quotations, in text order.

    Why public: it is the one cue finder of medialens; :func:`extract_attributions` runs the
    same per-unit steps (verb cues with their separable particle or phrase words, speech-act
    nouns before a complement clause, and — with ``sources`` — source phrases such as *laut*,
    *zufolge*, *nach Angaben*, *, so X*) and then decides what each cue introduces.

    A :class:`~medialens.nlp.types.Cue` has the cue words only: ``text`` joins them with
    single spaces (*teilte mit* for *teilte am Montag mit*), ``spans`` lists each word when
    there are several, ``lemma`` is the lexicon lemma (*mitteilen*; a source phrase is
    named by its preposition: *laut*, *zufolge*, *nach Angaben*, *so*) and ``category`` the
    stance category. ``doc`` needs sentence boundaries and lemmas.

    Limits: a verb under a Konjunktiv auxiliary right after a quotation (*… hätten sich
    verpflichtet*) is listed here although the rules read it as part of what the previous
    speaker said; auxiliaries are not part of a cue (*hat … gesagt* → *gesagt*).
    """
    text = doc_text(doc)
    regions = find_quoted_regions(text)
    arrays = token_arrays(doc, text)
    scan = scan_doc(arrays, index)
    top = _TopRegions(regions)
    out: list[Cue] = []
    for unit in build_units(arrays, regions):
        candidates = _unit_candidates(scan, arrays, unit)
        sources_possible = maybe_source(scan, arrays, unit, _SOURCE_NOUNS)
        if not candidates and not sources_possible:
            continue
        toks = unit_tokens(arrays, unit, regions, top=top.overlapping(unit.start, unit.end))
        hits = _verb_cues(toks, index if candidates else None, candidates)
        if sources_possible:
            hits += outside_phrases(_noun_cues(toks, index), hits)
            if sources:
                found = find_source_phrases(toks)
                hits += found + relative_source_phrases(toks, found)
        out.extend(_make_cue(toks, h, text) for h in hits)
    out.sort(key=lambda c: (c.start, c.end))
    return out


#: fact caches of the unit filters, shared by all documents of the process
_SOURCE_NOUNS = SourceNouns()
