"""The speed shortcuts of the attribution rules give the same answers as the plain code.

Each shortcut replaces a straightforward computation by a cheaper one (a literal-prefix search,
``str.find``, three simple searches instead of an alternation, particle words split once and
read once per length); these tables pin the
answers of the plain computation, with negative cases, so that a shortcut cannot drift from it.
"""

from __future__ import annotations

import re

import pytest

from medialens.nlp.attribution.cuefind import _particle_words
from medialens.nlp.attribution.marks import _MARKS, _mark_matches, find_quoted_regions
from medialens.nlp.attribution.units import _FRAKTUR_J, _older_print


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Jn der Stadt regnete es.", True),  # at the text start
        ("Er sagte: Jch komme morgen.", True),
        ("Das Haus (Jhr Eigentum) brannte.", True),  # after a parenthesis
        ("»Jn Ordnung«, rief er.", True),  # after a quotation mark
        ("Im Juni kam Jakob.", False),  # J + vowel
        ("Die HJn-Gruppe tagte.", False),  # J + consonant inside a word
        ("Der Wert 4Jn ist falsch.", False),  # after a digit (a word character)
        ("Die ÄJn-Probe.", False),  # after a non-ASCII letter
        ("", False),
        ("J", False),
    ],
)
def test_fraktur_j_shortcut_matches_the_boundary_pattern(text: str, expected: bool) -> None:
    # (the older-print test also covers capital umlauts written with e; none of these has one)
    assert _older_print(text) is expected
    assert (_FRAKTUR_J.search(text) is not None) is expected


def _plain_guillemet_german(text: str) -> bool:
    first = re.search(r"[»«]", text)
    return first is None or first.group() == "»"


@pytest.mark.parametrize(
    ("text", "german"),
    [
        ("Sie sagte: »Wir bleiben.« Dann ging sie.", True),
        ("Sie sagte: «Wir bleiben.» Dann ging sie.", False),
        ("Ohne Anführungszeichen.", True),
        ("Erst »A« und dann «B».", True),  # the first guillemet decides
        ("Erst «A» und dann »B«.", False),
        ("Nur ein « am Ende", False),
        ("Nur ein » am Ende", True),
    ],
)
def test_guillemet_direction_is_decided_by_the_first_guillemet(text: str, german: bool) -> None:
    assert _plain_guillemet_german(text) is german
    regions = find_quoted_regions(text)
    if "»" in text and "«" in text:
        first = regions[0]
        assert text[first.start] == ("»" if german else "«")


@pytest.mark.parametrize(
    "text",
    [
        "Sie sagte: »Wir bleiben.«\n\n»Und morgen?«, fragte er.",
        ',,Wir kommen" schrieb er, ,,, und dann ,, nichts.',
        "Absatz eins.\n \t\n\n\nAbsatz zwei mit „Zitat“ und ‚innen‘ und ›dort‹.",
        "Kein Zeichen hier.",
        "",
        ",,,,x und \r\n\r\n am Ende ,,",
    ],
)
def test_mark_matches_are_the_alternations_matches(text: str) -> None:
    plain = [(m.start(), m.end(), m.group()) for m in _MARKS.finditer(text)]
    assert [(m.start(), m.end(), m.group()) for m in _mark_matches(text)] == plain


@pytest.mark.parametrize(
    ("particle", "words"),
    [("ab", ("ab",)), ("zu Wort", ("zu", "Wort")), ("in  Aussicht", ("in", "Aussicht"))],
)
def test_particle_words_are_split_once(particle: str, words: tuple[str, ...]) -> None:
    assert _particle_words(particle) == words
    assert _particle_words(particle) == tuple(particle.split())
