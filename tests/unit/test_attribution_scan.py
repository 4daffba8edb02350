"""The document scans that decide which units the attribution rules read
(:mod:`medialens.nlp.attribution.scan`).

They must be supersets of the rules they stand for: a unit the scan rejects is never
analysed, so a scan that missed a case the rules accept would lose quotations silently.
Checked two ways: (text, expected) tables with negative cases, and every unit of the bundled
sample corpus against the rules themselves.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from attribution_pipeline import annotate, pipeline

from medialens.nlp.attribution.extract import _hearsay, _TopRegions, _unit_candidates
from medialens.nlp.attribution.konjunktiv import reported_konjunktiv
from medialens.nlp.attribution.lexicon import load_cue_index
from medialens.nlp.attribution.marks import find_quoted_regions
from medialens.nlp.attribution.scan import (
    ContinuationWords,
    SourceNouns,
    maybe_source,
    scan_doc,
)
from medialens.nlp.attribution.sourcecues import find_noun_cues, find_source_phrases
from medialens.nlp.attribution.units import build_units, token_arrays, unit_tokens
from medialens.nlp.pipes import doc_text

SAMPLE = Path(__file__).resolve().parents[2] / "data" / "raw" / "wikinews" / "wikinews.jsonl"


def _units(text: str):
    doc = pipeline()(text)
    text = doc_text(doc)
    regions = find_quoted_regions(text)
    arrays = token_arrays(doc, text)
    return doc, arrays, regions, build_units(arrays, regions)


def _first_unit(text: str):
    _, arrays, regions, units = _units(text)
    return arrays, regions, units[0]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Laut Polizei gab es drei Verletzte.", True),
        ("Der Polizei zufolge gab es drei Verletzte.", True),
        ("Nach Angaben der Polizei gab es drei Verletzte.", True),
        ("Nach ersten Polizeiangaben gab es drei Verletzte.", True),
        ("Ihrer Meinung nach ist das falsch.", True),
        ("Die Lage, so der Sprecher, sei ernst.", True),
        ("Die Lage – so der Sprecher – sei ernst.", True),
        ("Demnach habe sie nichts gewusst.", True),
        ("Aus Sicht der Regierung ist das falsch.", True),
        ("Er stellte die Forderung, dass alle gehen.", True),
        # negatives: the trigger word without what makes it a source
        ("Er fuhr nach Hause.", False),
        ("Er war so müde, dass er schlief.", False),
        ("Die Forderung wurde abgelehnt.", False),
        ("Pedro Sanchez sagte in letzter Minute ab.", False),
    ],
)
def test_maybe_source(text: str, expected: bool) -> None:
    arrays, _, unit = _first_unit(text)
    scan = scan_doc(arrays, load_cue_index(None))
    assert maybe_source(scan, arrays, unit, SourceNouns()) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Die Lage sei ernst.", True),
        ("Die Regierung habe nichts gewusst.", True),
        ("Die Truppen würden abziehen.", True),  # plural Konjunktiv II
        ("Er gebe nicht auf.", True),  # stem + e with the lemma stem + en
        ("Der Minister soll zurücktreten.", True),  # hearsay
        ("Dies bedinge neue Regeln.", True),  # pronoun first: verb in second position
        # singular Konjunktiv II: a candidate (it continues a quotation right before it)
        ("Das wäre schön.", True),
        # negatives: indicative, epistemic modals
        ("Die Lage ist ernst.", False),
        ("Die Schäden dürften erheblich sein.", False),
        ("Die große Halle blieb leer.", False),
    ],
)
def test_continuation_possible(text: str, expected: bool) -> None:
    arrays, _, unit = _first_unit(text)
    assert ContinuationWords().possible(arrays, unit) is expected


def test_particle_cue_needs_its_word_as_a_token() -> None:
    """*geben* is a cue only with a particle or phrase word (*bekannt, zu, vor …*): *zu* inside
    *Zubehör* is no such word."""
    index = load_cue_index(None)
    for text, has in [
        ("Er gab zu bedenken, dass es regnet.", True),
        ("Er gab bekannt, dass es regnet.", True),
        ("Er gab ihm das Zubehör.", False),
        ("Er gab ihm das Buch.", False),
    ]:
        arrays, _, unit = _first_unit(text)
        scan = scan_doc(arrays, index)
        found = _unit_candidates(scan, arrays, unit)
        assert bool(found) is has, text


@pytest.mark.skipif(not SAMPLE.is_file(), reason="sample corpus not bundled")
def test_scans_are_supersets_of_the_rules_on_the_sample_corpus() -> None:
    """Every unit of the sample corpus in which the rules find a source phrase or a noun cue
    passes ``maybe_source``; every unit outside quotations that has reported Konjunktiv or
    hearsay passes ``ContinuationWords.possible``."""
    index = load_cue_index(None)
    nouns, continuation = SourceNouns(), ContinuationWords()
    checked_sources = checked_konj = 0
    for line in SAMPLE.read_text(encoding="utf-8").splitlines():
        doc = annotate(json.loads(line)["text"])
        text = doc_text(doc)
        regions = find_quoted_regions(text)
        arrays = token_arrays(doc, text)
        scan = scan_doc(arrays, index)
        top = _TopRegions(regions)
        for unit in build_units(arrays, regions):
            overlapping = top.overlapping(unit.start, unit.end)
            toks = unit_tokens(arrays, unit, regions, top=overlapping)
            if find_source_phrases(toks) or find_noun_cues(toks):
                checked_sources += 1
                assert maybe_source(scan, arrays, unit, nouns), text[unit.start : unit.end]
            outside = [t for t in toks if t.q < 0]
            if not overlapping and (
                reported_konjunktiv([(t.text, t.lemma) for t in outside]) or _hearsay(outside)
            ):
                checked_konj += 1
                assert continuation.possible(arrays, unit), text[unit.start : unit.end]
    # the corpus exercises both tests (not vacuous)
    assert checked_sources > 50
    assert checked_konj > 50
