"""Speaker of a cue in a second main clause (:mod:`medialens.nlp.attribution.conjunctsubject`):
*A tat X, und B sagte …* quotes B. Positive and negative cases; invented sentences."""

from __future__ import annotations

import pytest
from attribution_pipeline import speaker_of


@pytest.mark.parametrize(
    ("text", "quote_part", "expected"),
    [
        # the second main clause has its own subject before the finite cue
        (
            "Das war nicht der erste Streit um die Brücke und die Anwohner befürchten, "
            "dass es nicht der letzte sein wird.",
            "nicht der letzte",
            "die Anwohner",
        ),
        (
            "Der Stadtrat vertagte die Abstimmung über den Bahnhof, und die Opposition "
            "kritisierte, das Verfahren sei undurchsichtig.",
            "undurchsichtig",
            "die Opposition",
        ),
        # negative: no subject after the coordinator, the first subject is shared
        (
            "Die Ministerin besuchte die Baustelle und sagte, der Zeitplan werde gehalten.",
            "Zeitplan",
            "Die Ministerin",
        ),
        # negative: coordinated subjects without a verb between them
        (
            "Weder die Stadt, noch der Landkreis oder der Verband erkennen an, dass die "
            "Pläne rechtens seien.",
            "rechtens",
            "Weder die Stadt",
        ),
        # negative: the coordinator joins two nouns and the participle closes *hatte*
        (
            "Der Trainer hatte besonders die Rolle der Kapitäne und Betreuer betont: „Die "
            "Mannschaft braucht klare Ansprechpartner in jeder Lage.“",
            "klare Ansprechpartner",
            "Der Trainer",
        ),
    ],
)
def test_conjunct_subject(text: str, quote_part: str, expected: str | None) -> None:
    assert speaker_of(text, quote_part) == expected


@pytest.mark.parametrize(
    ("text", "quote_part", "expected"),
    [
        # the impersonal *man* after the coordinator names no one: no speaker
        (
            "Der Pilot landete hart auf der Wiese und man glaubte, dass Maschine und "
            "Pilot verloren seien.",
            "verloren seien",
            None,
        ),
        # negative: without the coordinator clause the subject stays
        (
            "Der Pilot landete hart auf der Wiese. Er glaubte, dass die Maschine verloren sei.",
            "verloren sei",
            "Er",
        ),
    ],
)
def test_conjunct_impersonal(text: str, quote_part: str, expected: str | None) -> None:
    assert speaker_of(text, quote_part) == expected


def _toks(text: str) -> list:
    """Whitespace tokens of ``text`` (punctuation written apart) as unit tokens."""
    from medialens.nlp.attribution.units import Tok

    out, pos = [], 0
    for i, word in enumerate(text.split()):
        start = text.index(word, pos)
        pos = start + len(word)
        out.append(Tok(i, word, word.lower(), word.lower(), start, pos, -1))
    return out


def _quote(text: str, speaker: str, cue: str, content: str):
    from medialens.nlp.types import Cue, Quote, Speaker

    s, c, q = text.index(speaker), text.index(cue), text.index(content)
    return Quote(
        q,
        q + len(content),
        ((q, q + len(content)),),
        content,
        "indirect",
        Speaker(s, s + len(speaker), speaker),
        Cue(c, c + len(cue), cue, cue),
    )


@pytest.mark.parametrize(
    ("text", "speaker", "cue", "content", "expected"),
    [
        # the impersonal subject of the second clause: the speaker is dropped
        (
            "Der Pilot , der landete , stürzte und man glaubte , dass er verloren sei .",
            "Der Pilot",
            "glaubte",
            "dass er verloren sei",
            None,
        ),
        # a named subject of the second clause replaces the first
        (
            "Der Rat tagte lange und die Opposition kritisierte , das sei falsch .",
            "Der Rat",
            "kritisierte",
            "das sei falsch",
            "die Opposition",
        ),
        # negative: the cue is the participle of *hatte* (two nouns joined)
        (
            "Der Rat hatte die Rolle der Vereine und Verbände betont , das sei wichtig .",
            "Der Rat",
            "betont",
            "das sei wichtig",
            "Der Rat",
        ),
        # negative: a verb-final relative clause (*welche … und die Regierung auffordert*)
        (
            "Es gab eine Resolution , welche Sorge ausdrückt und die Regierung auffordert ,"
            " das Gesetz zurückzuziehen .",
            "eine Resolution",
            "auffordert",
            "das Gesetz zurückzuziehen",
            "eine Resolution",
        ),
    ],
)
def test_conjunct_subjects_function(
    text: str, speaker: str, cue: str, content: str, expected: str | None
) -> None:
    from medialens.nlp.attribution.conjunctsubject import conjunct_subjects

    toks = _toks(text)
    (q,) = conjunct_subjects([_quote(text, speaker, cue, content)], [0], lambda _u: toks)
    assert (q.speaker.text if q.speaker else None) == expected
