"""Round 11 error analysis on unseen politics articles (issue #13), invented sentences with
negative cases.

* a speaker span ends after a personal or organisation name: a *der*/*des* after it opens an
  object, not a genitive attribute (*sagte Thomas Kessler der Zeitung*), while a role noun or
  a place name keeps its genitive (*der Sprecher der Regierung*, *das Landgericht Hamburg*):
  :func:`medialens.nlp.attribution.npends.genitive_after_name`;
* two bare common nouns side by side, the second a plural, are two phrases (*das Ministerium
  Schätzungen zufolge*), unless a multi-word name goes on:
  :func:`medialens.nlp.attribution.npends.common_noun_pair`.
"""

from __future__ import annotations

import pytest
from attribution_pipeline import annotate, summary

from medialens.nlp.attribution.npends import (
    common_noun_pair,
    genitive_after_name,
    is_proper_name,
)
from medialens.nlp.attribution.phrases import np_forward
from medialens.nlp.attribution.reference import text_toks


def _np(text: str) -> str | None:
    toks = text_toks(text)
    span = np_forward(toks, 0)
    return None if span is None else " ".join(t.text for t in toks[span[0] : span[1]])


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # positive: the phrase ends at the name
        ("Thomas Kessler der Zeitung", "Thomas Kessler"),
        ("die OSZE der Wahlkommission", "die OSZE"),
        ("die UNO der Regierung", "die UNO"),
        ("Auskunft der NASA der größte Teil", "Auskunft der NASA"),
        ("das Ministerium Schätzungen zufolge", "das Ministerium"),
        ("die Kommission Antworten auf die Anfrage", "die Kommission"),
        # negative: a role noun, an institution with a place, a multi-word name go on
        ("der Sprecher der Regierung", "der Sprecher der Regierung"),
        ("die Präsidentin des Verbands", "die Präsidentin des Verbands"),
        ("das Landgericht Hamburg der Ansicht", "das Landgericht Hamburg der Ansicht"),
        ("Presseamt des Kremls", "Presseamt des Kremls"),
        ("die Agentur Reuters", "die Agentur Reuters"),
        ("der Verband Deutscher Zeitungsverleger", "der Verband Deutscher Zeitungsverleger"),
        ("die Deutsche Presse-Agentur", "die Deutsche Presse-Agentur"),
        ("Bundeskanzlerin Angela Merkel", "Bundeskanzlerin Angela Merkel"),
    ],
)
def test_np_end_after_name(text: str, expected: str) -> None:
    assert _np(text) == expected


@pytest.mark.parametrize(
    ("text", "i", "expected"),
    [
        ("Thomas Kessler der Zeitung", 2, True),
        ("die OSZE des Landes", 2, True),
        ("der Sprecher der Regierung", 2, False),
        ("die Stadt Hamburg der Ansicht", 3, False),
        ("Angela Merkel sagte", 2, False),  # not a determiner
    ],
)
def test_genitive_after_name(text: str, i: int, expected: bool) -> None:
    assert genitive_after_name(text_toks(text), i) is expected


@pytest.mark.parametrize(
    ("text", "i", "expected"),
    [
        ("Angela sagte", 0, True),
        ("die NATO", 1, True),
        ("Thomas Kessler", 1, True),  # unknown surname after a known first name
        ("der Sprecher", 1, False),
        ("das Presseamt", 1, False),  # unknown compound without a first name before it
        ("in Hamburg", 1, False),  # a place
    ],
)
def test_is_proper_name(text: str, i: int, expected: bool) -> None:
    assert is_proper_name(text_toks(text), i) is expected


@pytest.mark.parametrize(
    ("text", "i", "expected"),
    [
        ("das Ministerium Schätzungen zufolge", 2, True),
        ("die Organisation Ärzte ohne Grenzen", 2, False),  # the name goes on
        ("die Agentur Reuters", 2, False),  # a singular: maybe a name the lexicon lists
        ("der Verband Deutscher Zeitungsverleger", 2, False),
        ("die Deutsche Presse-Agentur", 2, False),
    ],
)
def test_common_noun_pair(text: str, i: int, expected: bool) -> None:
    toks = text_toks(text)
    assert common_noun_pair(toks, i, len(toks)) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Nach dem Treffen sagte Thomas Kessler der Zeitung, die Gespräche seien gut verlaufen.",
            [("indirect", "die Gespräche seien gut verlaufen", "Thomas Kessler", "sagte")],
        ),
        (
            "Wie die OSZE der Wahlkommission mitteilte, seien die Stimmen ungültig.",
            [("indirect", "seien die Stimmen ungültig", "die OSZE", "mitteilte")],
        ),
        # negative: the genitive of a role noun stays in the speaker
        (
            "Der Sprecher der Regierung sagte, man warte noch ab.",
            [("indirect", "man warte noch ab", "Der Sprecher der Regierung", "sagte")],
        ),
    ],
)
def test_speaker_ends_after_name(text: str, expected: list[tuple[str, str, str, str]]) -> None:
    assert summary(annotate(text)) == expected
