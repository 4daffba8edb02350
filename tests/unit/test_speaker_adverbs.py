"""A first-field adverb is no speaker (:mod:`medialens.nlp.attribution.adverbspeaker`):
*Andererseits warnte der Verband, …* quotes the Verband. Invented sentences."""

from __future__ import annotations

import pytest
from attribution_pipeline import speaker_of

from medialens.nlp.attribution.adverbspeaker import adverb_word


@pytest.mark.parametrize(
    ("text", "quote_part", "expected"),
    [
        # an adverb by its suffix before the finite cue: the subject follows the verb
        (
            "Andererseits warnte der Mieterbund, die Preise würden weiter steigen.",
            "weiter steigen",
            "der Mieterbund",
        ),
        (
            "Seinerseits erklärte der Bürgermeister, er werde nicht zurücktreten.",
            "nicht zurücktreten",
            "der Bürgermeister",
        ),
        (
            "Nebenbei bemerkte die Trainerin, ihr Team sei gut vorbereitet.",
            "gut vorbereitet",
            "die Trainerin",
        ),
        # an adverbial genitive of time with *darauf*
        (
            "Tags darauf erklärte der Minister, er werde das Amt abgeben.",
            "das Amt abgeben",
            "der Minister",
        ),
        # the finite verb is an auxiliary of the cue
        (
            "Andererseits haben die Zeitungen früh berichtet, dass die Fabrik schließen werde.",
            "Fabrik schließen",
            "die Zeitungen",
        ),
        # negative: a pronominal adverb of a source is its own cue and speaker
        (
            "Die Behörde legte ihren Bericht vor. Demnach sei der Damm nicht gefährdet.",
            "nicht gefährdet",
            "Demnach",
        ),
        # negative: a name in the first field stays
        (
            "Weidenfels warnte, die Preise würden weiter steigen.",
            "weiter steigen",
            "Weidenfels",
        ),
    ],
)
def test_adverb_speaker(text: str, quote_part: str, expected: str | None) -> None:
    assert speaker_of(text, quote_part) == expected


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("Andererseits", True),
        ("Möglicherweise", True),
        ("Erstmals", True),
        ("Ebenfalls", True),
        ("Allerdings", True),
        ("Abends", True),
        # negative: names and nouns that share a suffix or are too short
        ("Weise", False),
        ("Merkel", False),
        ("Seitz", False),
        ("Ministerium", False),
    ],
)
def test_adverb_word(word: str, expected: bool) -> None:
    assert adverb_word(word) is expected
