"""Speakers next to clause and first-field words that are no subject.

A cue inside a verb-final clause opened by a relative adverb takes that clause's subject.

*…, wobei der Minister betonte, er sei nicht zuständig* — the speaker is *der Minister*, not
the subject of the main clause. The relative adverbs (*wobei, woraufhin, womit …*) and rarer
subordinators (*zumal, sodass, ehe …*) open a clause like *nachdem* does. Invented sentences.
"""

from __future__ import annotations

import pytest
from attribution_pipeline import annotate, summary


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Die Sitzung endete, wobei der Minister betonte, er sei nicht zuständig.",
            [("indirect", "er sei nicht zuständig", "der Minister", "betonte")],
        ),
        (
            "Die Gäste warteten lange, woraufhin die Wirtin erklärte, die Küche sei geschlossen.",
            [("indirect", "die Küche sei geschlossen", "die Wirtin", "erklärte")],
        ),
        (
            "Das Gericht vertagte sich, zumal der Anwalt mehrfach betont hatte, sein Mandant sei krank.",
            [("indirect", "sein Mandant sei krank", "der Anwalt", "betont")],
        ),
        (
            "Die Kasse blieb leer, weshalb der Kämmerer sagte, man müsse sparen.",
            [("indirect", "man müsse sparen", "der Kämmerer", "sagte")],
        ),
        # negative: the relative adverb without a cue of its own makes no speech
        ("Die Sitzung endete, wobei der Minister früh ging.", []),
        # negative: an indirect question with a w-word stays the content of the main cue
        (
            "Die Ministerin erklärte, weshalb sie zurücktrete.",
            [("indirect", "weshalb sie zurücktrete", "Die Ministerin", "erklärte")],
        ),
    ],
)
def test_relative_adverb_clause_speaker(text: str, expected: list) -> None:
    assert summary(annotate(text)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Übrigens meinte der Minister, die Lage sei ernst.",
            [("indirect", "die Lage sei ernst", "der Minister", "meinte")],
        ),
        (
            "Bald sagte einer der Gäste, das Essen sei kalt.",
            [("indirect", "das Essen sei kalt", "einer der Gäste", "sagte")],
        ),
        (
            "Neuerdings behauptet die Firma, sie habe nie Gewinne gemacht.",
            [("indirect", "sie habe nie Gewinne gemacht", "die Firma", "behauptet")],
        ),
        # *fast/kaum* belong to the phrase after them
        (
            "Fast jeder Abgeordnete sagte, die Reform komme zu spät.",
            [("indirect", "die Reform komme zu spät", "jeder Abgeordnete", "sagte")],
        ),
        # negative: the adverb alone is never the speaker
        (
            "Leider hieß es, die Reform komme zu spät.",
            [("indirect", "die Reform komme zu spät", None, "hieß")],
        ),
    ],
)
def test_first_field_adverb_is_no_speaker(text: str, expected: list) -> None:
    assert summary(annotate(text)) == expected
