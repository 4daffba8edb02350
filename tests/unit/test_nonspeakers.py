"""An object noun phrase is no speaker (:mod:`medialens.nlp.attribution.nonspeakers`):
*eine Schadensersatzforderung*, *seine Rückkehr*, *weitere Aktionen* — an indefinite,
negative or possessive determiner with an abstract head — while persons, institutions and
texts with the same determiners speak. All phrases are invented."""

from __future__ import annotations

import pytest
from attribution_pipeline import annotate, summary

from medialens.nlp.attribution.nonspeakers import drop_object_speakers, object_speaker
from medialens.nlp.types import Cue, Quote, Speaker


@pytest.mark.parametrize(
    ("speaker", "expected"),
    [
        # objects: abstract heads after an object determiner
        ("eine Entschädigungsforderung", True),
        ("seine Rückkehr", True),
        ("weitere Aktionen", True),
        ("keine Entscheidung", True),
        ("eine deutliche Verschärfung", True),
        ("ihre Zustimmung", True),
        ("eine Anstellung", True),
        ("keine Möglichkeit", True),
        # speakers: persons and groups
        ("ein Sprecher", False),
        ("eine Sprecherin des Ministeriums", False),
        ("seine Anwältin", False),
        ("weitere Demonstranten", False),
        # speakers: institutions with an abstract ending, also in compounds
        ("eine Delegation", False),
        ("seine Regierung", False),
        ("ihre Parteiführung", False),
        ("eine Kommission", False),
        ("eine Mehrheit", False),
        ("eine Bürgerbewegung", False),
        ("eine Lokalzeitung", False),
        # speakers: texts and sources
        ("eine Mitteilung", False),
        ("eine Untersuchung", False),
        ("eine Erklärung", False),
        ("eine Information des Landeskriminalamts", False),
        # not judged: a definite article, a name, a pronoun
        ("die Entscheidung", False),
        ("Anna Vogt", False),
        ("sie", False),
    ],
)
def test_object_speaker(speaker: str, expected: bool) -> None:
    assert object_speaker(speaker) is expected


_CUE = Cue(40, 50, "kündigte an", "ankündigen", "neutral")


def _quote(kind: str, speaker: str | None, cue: Cue | None) -> Quote:
    sp = Speaker(0, len(speaker), speaker) if speaker else None
    return Quote(20, 39, ((20, 39),), "x" * 19, kind, sp, cue, 0)


@pytest.mark.parametrize(
    ("kind", "speaker", "cue", "expected"),
    [
        # reported speech and an indirect quotation with its own cue are dropped
        ("reported", "weitere Aktionen", None, None),
        ("indirect", "eine Verschärfung", _CUE, None),
        # a direct quotation and a continuation keep the quotation, without the speaker
        ("direct", "seine Rückkehr", _CUE, ("direct", None)),
        ("indirect", "eine Entschädigungsforderung", None, ("indirect", None)),
        # a real speaker stays
        ("reported", "ein Sprecher", None, ("reported", "ein Sprecher")),
        ("indirect", "seine Regierung", _CUE, ("indirect", "seine Regierung")),
    ],
)
def test_drop_object_speakers(
    kind: str, speaker: str, cue: Cue | None, expected: tuple[str, str | None] | None
) -> None:
    out = drop_object_speakers([_quote(kind, speaker, cue)])
    got = (out[0].kind, out[0].speaker.text if out[0].speaker else None) if out else None
    assert got == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the first person of the running text (an author, a correspondent) is kept: the
        # author's speech counts in historical newspaper gold (see nonspeakers.py)
        (
            "Ich glaube, dass die Regierung zu spät gehandelt hat.",
            [("indirect", "dass die Regierung zu spät gehandelt hat", "Ich", "glaube")],
        ),
        (
            "Wir haben berichtet, dass der Plan scheitert.",
            [("indirect", "dass der Plan scheitert", "Wir", "berichtet")],
        ),
        # negative: a negative pronoun quotes no one
        ("Niemand erwartet, dass die Preise bald sinken.", []),
        # positive: a third person, and the first person inside quotation marks
        (
            "Er glaubt, dass die Regierung zu spät gehandelt hat.",
            [("indirect", "dass die Regierung zu spät gehandelt hat", "Er", "glaubt")],
        ),
        (
            "„Ich glaube, dass die Regierung zu spät gehandelt hat“, sagte die Ministerin.",
            [
                (
                    "direct",
                    "„Ich glaube, dass die Regierung zu spät gehandelt hat“",
                    "die Ministerin",
                    "sagte",
                )
            ],
        ),
    ],
)
def test_first_person(text: str, expected: list[tuple[str, str, str, str]]) -> None:
    assert summary(annotate(text)) == expected
