"""Speaker spans: persons, roles, institutions, states, pronouns (resolved to the last named
speaker), passive sources, inverted order and appositions."""

from __future__ import annotations

import pytest
from attribution_pipeline import annotate


def speakers(text: str) -> list[tuple[str | None, str | None]]:
    """``(speaker text, resolved text)`` per quote."""
    return [
        (q.speaker.text, q.speaker.resolved) if q.speaker else (None, None)
        for q in annotate(text)._.ml_quotes
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # person with role noun, inverted order after the quotation
        (
            "Über Truppen werde nicht diskutiert, sagte Außenamtssprecherin Marija Sacharowa.",
            [("Außenamtssprecherin Marija Sacharowa", None)],
        ),
        # role + name in the first field
        (
            "Frankreichs Präsident Emmanuel Macron sagte, die Staaten seien bereit.",
            [("Frankreichs Präsident Emmanuel Macron", None)],
        ),
        # institution and state
        (
            "Die Bundesregierung erklärte, sie prüfe den Vorschlag.",
            [("Die Bundesregierung", None)],
        ),
        (
            "Russland hatte deutlich gemacht, dass es das nicht hinnehmen wolle.",
            [("Russland", None)],
        ),
        # apposition between subject and verb
        (
            "Anna Weber, Sprecherin des Ministeriums, sagte, die Zahlen seien vorläufig.",
            [("Anna Weber, Sprecherin des Ministeriums", None)],
        ),
        # adverbial first field: the subject follows the verb
        (
            "Am Montag sagte der Minister, das Gesetz komme.",
            [("der Minister", None)],
        ),
        (
            "Offiziell erklärte die Stadt, die Brücke sei sicher.",
            [("die Stadt", None)],
        ),
        # object first field: the subject follows the verb
        (
            "Seinen Rücktritt hatte die Opposition am Montag gefordert.",
            [("die Opposition", None)],
        ),
        # subordinate clause: the subject follows the conjunction
        (
            "Das Treffen endete, nachdem sie erklärt hatte, dass sie zurücktrete.",
            [("sie", None)],
        ),
        # a pronoun keeps its span and is resolved to the last named speaker
        (
            "Ministerin Klein sagte, die Lage sei ernst. Am Abend sagte sie, es gebe Hoffnung.",
            [("Ministerin Klein", None), ("sie", "Ministerin Klein")],
        ),
        (
            "»Wir sind bereit«, sagte Müller. Später erklärte er, man warte ab.",
            [("Müller", None), ("er", "Müller")],
        ),
        # a pronoun without an antecedent stays unresolved
        ("Er sagte, er komme morgen.", [("Er", None)]),
        # passive source
        (
            "Von der Opposition wurde kritisiert, dass das Gesetz zu spät komme.",
            [("der Opposition", None)],
        ),
        ("Es wird erwartet, dass der Minister zurücktritt.", [(None, None)]),
        # a quoted name as speaker
        (
            "Wie »Der Spiegel« berichtet, soll der Vertrag platzen.",
            [("»Der Spiegel«", None)],
        ),
    ],
)
def test_speakers(text, expected):
    assert speakers(text) == expected


def test_resolved_offsets_point_at_the_named_speaker():
    text = "Ministerin Klein sagte, die Lage sei ernst. Am Abend sagte sie, es gebe Hoffnung."
    q = annotate(text)._.ml_quotes[1]
    assert text[q.speaker.start : q.speaker.end] == "sie"
    assert text[q.speaker.resolved_start : q.speaker.resolved_end] == "Ministerin Klein"
    assert q.speaker.actor is None  # filled later by the mentions component


def test_speaker_offsets_match_text():
    text = "Über Truppen werde nicht diskutiert, sagte Außenamtssprecherin Marija Sacharowa."
    for q in annotate(text)._.ml_quotes:
        assert text[q.speaker.start : q.speaker.end] == q.speaker.text
        assert text[q.cue.start : q.cue.end] == q.cue.text
