"""The document-level passes that run after every unit has been analysed: speaker checks,
speaker choice, reference, and the last precision filters, in a fixed order.

Why a module of its own: the order matters (a speaker must be chosen before its pronoun is
resolved; the non-speech filters must see resolved speakers; the speaker span is widened
only when nothing else will change it), and each round adds a pass. Keeping the sequence in
one short function makes that order visible and keeps :mod:`.extract` (the per-unit driver)
small.

Limits: each pass sees the quotations of the whole document but only through the tokens of
the units they start in (``toks_of``); none of them adds a quotation, they change or drop
speakers and drop quotations.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from medialens.nlp.attribution.adverbspeaker import adverb_speakers
from medialens.nlp.attribution.ascribed import ascribed_speakers
from medialens.nlp.attribution.carrychange import cue_speakers, follow_corrections
from medialens.nlp.attribution.conjunctsubject import conjunct_subjects
from medialens.nlp.attribution.contentless import drop_contentless
from medialens.nlp.attribution.firstfieldcase import fronted_object_speakers
from medialens.nlp.attribution.frontedgate import drop_nonclauses
from medialens.nlp.attribution.hearingframe import hearing_speakers
from medialens.nlp.attribution.insertedso import inserted_so_speakers
from medialens.nlp.attribution.joineddirect import join_split_directs
from medialens.nlp.attribution.nesting import with_nested
from medialens.nlp.attribution.nonspeakers import drop_evidence_speakers, drop_object_speakers
from medialens.nlp.attribution.nonspeech import drop_nonspeech
from medialens.nlp.attribution.nounclause import content_noun_speakers
from medialens.nlp.attribution.nounnested import noun_content_speakers
from medialens.nlp.attribution.originframe import origin_speakers
from medialens.nlp.attribution.overlap import _exact_resolved
from medialens.nlp.attribution.quotestate import _reliable_speakers
from medialens.nlp.attribution.redeframe import rede_frame_speakers
from medialens.nlp.attribution.reference import resolve_speakers
from medialens.nlp.attribution.sourceapposition import move_appositions
from medialens.nlp.attribution.sourcecarry import source_carry_speakers
from medialens.nlp.attribution.speakerchoice import refine_speakers
from medialens.nlp.attribution.speakerwiden import widen_speakers
from medialens.nlp.attribution.units import Tok
from medialens.nlp.attribution.wordsframe import words_frame_speakers
from medialens.nlp.types import Quote


def finish_quotes(
    quotes: list[Quote],
    text: str,
    unit_starts: Sequence[int],
    toks_of: Callable[[int], list[Tok]],
) -> list[Quote]:
    """The document's quotations (in any order) after the speaker passes and filters, sorted
    by position, with nested quotations marked (see :func:`.nesting.with_nested`)."""
    quotes = sorted(quotes, key=lambda q: (q.start, q.end))
    quotes = join_split_directs(quotes, text)
    quotes = move_appositions(quotes, text, unit_starts, toks_of)
    before = cue_speakers(quotes)
    quotes = drop_object_speakers(_reliable_speakers(quotes))
    quotes = drop_evidence_speakers(quotes, text)
    quotes = refine_speakers(quotes, unit_starts, toks_of)
    quotes = conjunct_subjects(quotes, unit_starts, toks_of)
    quotes = adverb_speakers(quotes, unit_starts, toks_of)
    quotes = fronted_object_speakers(quotes, unit_starts, toks_of)
    quotes = noun_content_speakers(quotes)
    quotes = origin_speakers(quotes, unit_starts, toks_of)
    quotes = words_frame_speakers(quotes, unit_starts, toks_of)
    quotes = rede_frame_speakers(quotes, unit_starts, toks_of)
    quotes = inserted_so_speakers(quotes, unit_starts, toks_of)
    quotes = hearing_speakers(quotes, unit_starts, toks_of)
    quotes = content_noun_speakers(quotes, unit_starts, toks_of)
    quotes = ascribed_speakers(quotes, unit_starts, toks_of)
    quotes = follow_corrections(quotes, before)
    quotes = source_carry_speakers(quotes, text, unit_starts, toks_of)
    quotes = resolve_speakers(quotes, unit_starts, toks_of)
    quotes = drop_contentless(drop_nonspeech(quotes, text))
    quotes = drop_nonclauses(quotes, unit_starts, toks_of)
    quotes = widen_speakers(quotes, text)
    return with_nested([_exact_resolved(q, text) for q in quotes])
