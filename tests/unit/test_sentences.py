"""Quote-aware German sentence segmentation (``medialens_sentencizer_v1``)."""

from __future__ import annotations

import pytest
import spacy
from hypothesis import given, settings
from hypothesis import strategies as st

from medialens.nlp import factories  # noqa: F401
from medialens.nlp.sentences import _LINE, _line_breaks, sentence_starts


@pytest.fixture(scope="module")
def nlp():
    nlp = spacy.blank("de")
    nlp.add_pipe("medialens_sentencizer_v1", name="sentences")
    return nlp


def sentences(nlp, text: str) -> list[str]:
    return [s.text.strip() for s in nlp(text).sents if s.text.strip()]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # plain sentence ends
        ("Das ist gut. Das ist schlecht.", ["Das ist gut.", "Das ist schlecht."]),
        ("Kommt er? Ja! Er kommt.", ["Kommt er?", "Ja!", "Er kommt."]),
        # a decimal number at the end is no ordinal; an ordinal date does not end a sentence
        (
            "Die Stärke lag bei 7,1. Nach Angaben der Behörde gab es keine Opfer.",
            ["Die Stärke lag bei 7,1.", "Nach Angaben der Behörde gab es keine Opfer."],
        ),
        ("Am 5. September kam er.", ["Am 5. September kam er."]),
        # a number before a word that never follows an ordinal (article, pronoun, sentence
        # adverb) ends the sentence; before a noun it stays an ordinal
        (
            "Er fuhr das Modell 3. Ein Sprecher lobte es.",
            ["Er fuhr das Modell 3.", "Ein Sprecher lobte es."],
        ),
        (
            "Sie belegte Platz 2. Dann reiste sie ab.",
            ["Sie belegte Platz 2.", "Dann reiste sie ab."],
        ),
        ("Seit dem 1. Januar gilt es.", ["Seit dem 1. Januar gilt es."]),
        ("Der 3. große Sieg folgte.", ["Der 3. große Sieg folgte."]),
        # abbreviations do not end a sentence
        (
            "Er nannte z. B. Dr. Müller und u. a. Prof. Schmidt. Dann ging er.",
            ["Er nannte z. B. Dr. Müller und u. a. Prof. Schmidt.", "Dann ging er."],
        ),
        ("Das steht in Nr. 5 der Liste. Gut.", ["Das steht in Nr. 5 der Liste.", "Gut."]),
        # ordinal numbers before a month or noun
        (
            "Am 5. September kam er. Am 20. Jahrestag ging er.",
            ["Am 5. September kam er.", "Am 20. Jahrestag ging er."],
        ),
        # a year at the end of a sentence does end it
        ("Das war 2025. Danach kam mehr.", ["Das war 2025.", "Danach kam mehr."]),
        # initials
        ("Der Autor J. R. Tolkien schrieb viel.", ["Der Autor J. R. Tolkien schrieb viel."]),
        # a quotation that continues with the frame stays in one sentence
        ("»Wir kommen!«, sagte er. Dann ging er.", ["»Wir kommen!«, sagte er.", "Dann ging er."]),
        ("„Nein.“ sagte sie leise.", ["„Nein.“ sagte sie leise."]),
        # the closing mark belongs to the sentence it closes
        ("»Wir kommen.« Er ging.", ["»Wir kommen.«", "Er ging."]),
        # a paragraph break always ends a sentence, also without punctuation
        (
            "Überschrift ohne Punkt\n\nDer Text beginnt.",
            ["Überschrift ohne Punkt", "Der Text beginnt."],
        ),
        ("Erster Absatz, kein Ende\n \nZweiter.", ["Erster Absatz, kein Ende", "Zweiter."]),
        # a lower-case continuation after a period is no new sentence
        ("Er kam ca. drei Stunden später.", ["Er kam ca. drei Stunden später."]),
        # a single line break after a heading (a short line without punctuation) ends it
        (
            "Ablauf und Ergebnis\nWie die Leiterin mitteilte, kamen viele.",
            ["Ablauf und Ergebnis", "Wie die Leiterin mitteilte, kamen viele."],
        ),
        # final punctuation glued to the next sentence (scraped or OCR text) still ends it
        (
            "Der Rat tagte lange.Danach gab es Streit.",
            ["Der Rat tagte lange.", "Danach gab es Streit."],
        ),
        ("Er kam.Niemand sah ihn.", ["Er kam.", "Niemand sah ihn."]),
        # negative: not after an abbreviation, nor in a web address or in initials
        ("Er kam bzw.Maria kam auch.", ["Er kam bzw.Maria kam auch."]),
        ("Siehe web.De oder U.S.A. heute.", ["Siehe web.De oder U.S.A. heute."]),
        # negative: not after a colon or comma, nor after a long line (a wrapped sentence)
        ("Er sagte:\n„Wir kommen.“", ["Er sagte:\n„Wir kommen.“"]),
        (
            "Die Gemeinde hat gestern in einer langen Sitzung über den neuen Haushalt\nBeschluss "
            "gefasst.",
            [
                "Die Gemeinde hat gestern in einer langen Sitzung über den neuen Haushalt\n"
                "Beschluss gefasst."
            ],
        ),
    ],
)
def test_sentence_boundaries(nlp, text, expected):
    assert sentences(nlp, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", []),
        ("Ein Satz.", []),
        ("A. B", []),  # single letter: an initial
        ("Das ist gut. Gut.", [13]),
    ],
)
def test_sentence_starts_offsets(text, expected):
    assert sentence_starts(text) == expected


def test_empty_and_whitespace_docs(nlp):
    assert list(nlp("").sents) == []
    assert len(list(nlp("   ").sents)) == 1


def test_save_and_reload(nlp, tmp_path):
    nlp.to_disk(tmp_path / "p")
    reloaded = spacy.load(tmp_path / "p")
    text = "Am 5. September sagte er: »Ja.« Dann ging er."
    assert sentences(reloaded, text) == sentences(nlp, text)


# --- the heading line breaks are found from the newlines, exactly as the pattern finds them


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Wahlverlauf\nDie Wahl", [(11, 12)]),
        ("Wahlverlauf  \n\tDie Wahl", [(11, 15)]),
        ("Ende.\nDie Wahl", []),  # final punctuation: no heading
        ("Titel\n\nDie Wahl", []),  # a paragraph break is found elsewhere
        ("Titel\ndie Wahl", []),  # lower case after the break
        ("\nDie Wahl", []),  # nothing before the break
        ("Titel\n", []),
    ],
)
def test_line_breaks(text: str, expected: list[tuple[int, int]]) -> None:
    assert _line_breaks(text) == expected
    assert [(m.start(), m.end()) for m in _LINE.finditer(text)] == expected


@settings(max_examples=2000, deadline=None)
@given(st.text(alphabet=' \t\n\r.,:;-–—([aAZÄ„»"x!?1', max_size=40))
def test_line_breaks_equal_the_pattern(text: str) -> None:
    assert _line_breaks(text) == [(m.start(), m.end()) for m in _LINE.finditer(text)]
