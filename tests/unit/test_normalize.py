"""Normalisation: NFC, invisible characters, whitespace, and the offset map back."""

from __future__ import annotations

import re
import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from medialens.corpus.normalize import INVISIBLE, count_words, normalize_line, normalize_text

_INVISIBLE = re.compile(f"[{INVISIBLE}]")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Hallo Welt.", "Hallo Welt."),  # unchanged
        ("", ""),
        ("   ", ""),
        ("Cafe\u0301", "Café"),  # NFC composes
        ("A\u030angstr\u00f6m", "Ångström"),
        ("a\u200bb\u200cc\u200dd\u2060e\ufeff", "abcde"),  # zero-width, BOM
        ("Ab\u00adgeordnete", "Abgeordnete"),  # soft hyphen
        ("a\x00b\x07c\x1bd\x7fe\x85f", "abcdef"),  # C0/C1 control characters
        ("\u202aLTR\u202c \u200eRTL\u200f", "LTR RTL"),  # bidi controls
        ("a  b\t\tc\u00a0d\u2009e \u3000 f", "a b c d e f"),  # horizontal runs → one space
        ("Zeile\r\nzwei\rdrei", "Zeile\nzwei\ndrei"),  # line breaks normalised
        ("eins  \n  zwei", "eins\nzwei"),  # spaces around a line break dropped
        ("Absatz\n\n\n\nzwei", "Absatz\n\nzwei"),  # paragraph break kept once
        ("Absatz\n \t \nzwei", "Absatz\n\nzwei"),  # whitespace-only line = paragraph break
        ("Absatz\r\n\r\nzwei", "Absatz\n\nzwei"),
        ("a\u2028b\u2029c", "a\nb\n\nc"),  # Unicode line/paragraph separators
        ("  \n\n Text \n\n ", "Text"),  # edges stripped
        ("»Zitat«\u00a0sagte", "»Zitat« sagte"),
        ("<b>HTML</b> &amp; so", "<b>HTML</b> &amp; so"),  # markup is text: untouched
    ],
)
def test_normalize_text(text: str, expected: str) -> None:
    assert normalize_text(text).text == expected


def test_identity_has_identity_map() -> None:
    norm = normalize_text("Keine Änderung.")
    assert norm.offsets.is_identity
    assert norm.offsets.to_original(5) == 5


def test_offsets_map_back_to_original_characters() -> None:
    original = "  Merz\u00a0 sagte:\r\n\r\n»Wir\u200b kommen.«  "
    norm = normalize_text(original)
    assert norm.text == "Merz sagte:\n\n»Wir kommen.«"
    start = norm.text.index("Wir")
    end = norm.text.index(".«") + 2
    o_start, o_end = norm.offsets.span_to_original(start, end)
    assert original[o_start:o_end] == "»Wir\u200b kommen.«"[1:]
    assert original[norm.offsets.to_original(0)] == "M"
    assert norm.offsets.span_to_original(0, 4) == (2, 6)


def test_offsets_through_nfc() -> None:
    original = "Cafe\u0301 und Tee"
    norm = normalize_text(original)
    i = norm.text.index("und")
    assert norm.offsets.span_to_original(i, i + 3) == (
        original.index("und"),
        original.index("und") + 3,
    )
    # the composed é maps to the whole decomposed sequence
    assert norm.offsets.span_to_original(3, 4) == (3, 5)


@pytest.mark.parametrize(
    ("original", "span", "expected"),
    [
        # NFC changes the base (U+2000 EN QUAD -> U+2002, then a space) and keeps the mark:
        # a span ending after the space does not cover the mark (found by hypothesis)
        ("00\u2000\u0300", (0, 3), (0, 3)),
        ("00\u2000\u0300", (3, 4), (3, 4)),
        # a composed character still covers its whole decomposed sequence
        ("Cafe\u0301 x", (3, 4), (3, 5)),
        ("Cafe\u0301 x", (0, 4), (0, 5)),
    ],
)
def test_nfc_edits_cover_only_what_changed(
    original: str, span: tuple[int, int], expected: tuple[int, int]
) -> None:
    assert normalize_text(original).offsets.span_to_original(*span) == expected


_TEXT = st.text(
    alphabet=st.sampled_from(
        [*"abcÄöü »«.,\n\r\t", "\u00a0", "\u200b", "\u0301", "\x07", "\ufeff"]
    ),
    max_size=60,
)


@settings(max_examples=300, deadline=None)
@given(_TEXT)
def test_offset_map_properties(text: str) -> None:
    norm = normalize_text(text)
    out = norm.text
    assert unicodedata.is_normalized("NFC", out)
    assert out == out.strip()
    assert "  " not in out and "\n\n\n" not in out and "\r" not in out
    previous = -1
    for i, ch in enumerate(out):
        o = norm.offsets.to_original(i)
        assert 0 <= o < len(text)
        assert o >= previous  # monotone
        previous = o
        if ch not in " \n":  # a visible character maps to the original it came from
            o_start, o_end = norm.offsets.span_to_original(i, i + 1)
            source = _INVISIBLE.sub("", text[o_start:o_end])
            assert ch in unicodedata.normalize("NFC", source)
    assert norm.offsets.to_original(len(out)) <= len(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Titel\n  mit\tUmbruch ", "Titel mit Umbruch"),
        ("   ", None),
        (None, None),
        ("\u200b", None),
    ],
)
def test_normalize_line(text: str | None, expected: str | None) -> None:
    assert normalize_line(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", 0),
        ("Merz sagte.", 2),
        ("NATO-Truppen kommen", 2),  # hyphen compound = one word
        ("»Wir kommen«, sagte er – oder?", 5),
        ("26 Länder", 2),
        ("...", 0),
        ("don't", 1),
    ],
)
def test_count_words(text: str, expected: int) -> None:
    assert count_words(text) == expected


@settings(max_examples=300, deadline=None)
@given(_TEXT)
def test_normalize_line_fast_path_equals_full_pass(text: str) -> None:
    full = " ".join(normalize_text(text).text.split()) or None
    assert normalize_line(text) == full


def test_count_words_long_text_in_slices(monkeypatch: pytest.MonkeyPatch) -> None:
    import medialens.corpus.normalize as normalize

    text = "Wort NATO-Truppen, und so weiter. " * 50
    expected = count_words(text)
    monkeypatch.setattr(normalize, "_WORD_SLICE", 7)
    assert normalize.count_words(text) == expected == 250
