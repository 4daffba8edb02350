"""Quotation marks and dialogue turns in older newspaper prose: an unclosed opening mark
further up the article, and the dash between news items and dialogue turns (``--`` in
transcriptions of older print). The sentences are invented."""

from __future__ import annotations

import pytest
from attribution_pipeline import quotes_of

from medialens.nlp.attribution.marks import find_quoted_regions
from medialens.nlp.sentences import sentence_starts


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an opening mark that is never closed: the later quotations are no nested ones
        (
            "Das Blatt „Der Bote bringt heute nichts. Weiter schreibt die „Zeitung“: „Der "
            "Landtag tritt morgen zusammen.“",
            [("„Zeitung“", 0), ("„Der Landtag tritt morgen zusammen.“", 0)],
        ),
        (
            "Er las „Vom Kriege und blieb still. Dann rief er: „Wir reisen ab!“",
            [("„Wir reisen ab!“", 0)],
        ),
        # negatives: a quotation inside a closed quotation stays nested
        (
            "Sie schrieb: „Der Minister nannte es ‚unerhört‘ und ging.“",
            [("„Der Minister nannte es ‚unerhört‘ und ging.“", 0), ("‚unerhört‘", 1)],
        ),
        (
            "„Man nennt uns „Träumer“, und wir sind es gern“, sagte er.",
            [("„Man nennt uns „Träumer“, und wir sind es gern“", 0), ("„Träumer“", 1)],
        ),
        ("„Erst dies.“ Dann „das“.", [("„Erst dies.“", 0), ("„das“", 0)]),
    ],
)
def test_depth_counts_closed_regions_only(text: str, expected: list[tuple[str, int]]) -> None:
    got = [(text[r.start : r.end], r.depth) for r in find_quoted_regions(text)]
    assert got == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a dash after a sentence's end mark, before an opening mark, opens the next sentence
        ("Er fragte, ob er bleiben dürfe. -- „Gewiß“, sagte sie.", ["-- „Gewiß“, sagte sie."]),
        ("„Kommt er?“ — „Nein“, sagte sie.", ["— „Nein“, sagte sie."]),
        ("Sie schwieg lange. – »Nun gut«, meinte sie.", ["– »Nun gut«, meinte sie."]),
        # between news items: a capital after the dash
        ("Er reiste ab. -- Die Stadt war leer.", ["-- Die Stadt war leer."]),
        # negatives: no end mark before the dash, an abbreviation
        ("Er kam -- „endlich“, wie sie sagte.", []),
        ("Es sprach Geh. -- „Rath“ Müller.", []),
        ("Er kam -- Gott sei Dank -- rechtzeitig.", []),
    ],
)
def test_dash_after_a_sentence_end_opens_a_sentence(text: str, expected: list[str]) -> None:
    assert [text[p:] for p in sentence_starts(text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "„Darf ich hier warten?“ fragte der Bauer. -- „Freilich“, entgegnete der Wirth.",
            [
                ("direct", "„Darf ich hier warten?“", "der Bauer"),
                ("direct", "„Freilich“", "der Wirth"),
            ],
        ),
        (
            "„Ist das Euer Pferd?“ fragte der Knecht. — „Gewiß“, antwortete der Müller.",
            [
                ("direct", "„Ist das Euer Pferd?“", "der Knecht"),
                ("direct", "„Gewiß“", "der Müller"),
            ],
        ),
        # a sentence that opens with the dash: the dash is not fronted material
        (
            "-- „Morgen kommen wir wieder“, sagte der Hauptmann.",
            [
                ("direct", "„Morgen kommen wir wieder“", "der Hauptmann"),
            ],
        ),
        # negative: no dialogue, no quotation
        ("Der Zug fuhr ab. -- Die Gäste blieben im Saal.", []),
    ],
)
def test_dialogue_turns_after_a_dash(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert quotes_of(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # *Ueber* (older print for *Über*) opens a prepositional phrase, not the speaker
        (
            "Ueber den Brand im Hafen schreibt die Zeitung: „Der Schaden ist groß.“",
            [("direct", "„Der Schaden ist groß.“", "die Zeitung")],
        ),
        (
            "Ueber die Wahl äußerte sich der Landrath: „Sie verlief ruhig.“",
            [("direct", "„Sie verlief ruhig.“", "der Landrath")],
        ),
        # negatives: a name with Oe, and the modern spelling, are read as before
        ("Oetker sagte, das Werk bleibe offen.", [("indirect", "das Werk bleibe offen", "Oetker")]),
        (
            "Über den Brand im Hafen schreibt die Zeitung: „Der Schaden ist groß.“",
            [("direct", "„Der Schaden ist groß.“", "die Zeitung")],
        ),
    ],
)
def test_capital_umlaut_written_with_e(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert quotes_of(text) == expected
