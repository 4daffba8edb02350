"""The speed helpers of the tenth round give the same answers as the plain computations.

Each helper replaces a straightforward computation by a cheaper one: the older-print test by
four literal-prefix searches, a unit's token strings by look-ups by hash, the quotation index
of each token by binary searches, and the garbage collector's walk over the objects a worker
keeps by one freeze. These tests pin the plain answers, with negative cases.
"""

from __future__ import annotations

import gc
import re

import pytest
import spacy

from medialens.nlp.attribution import units as U
from medialens.nlp.attribution.marks import QuotedRegion
from medialens.pipeline import annotate

_PLAIN_OLDER_PRINT = re.compile(r"\b(?:J[bcdfghklmnpqrstvwxzß]|[AOU]e[bcdfghklmnpqrstvwxzß]|Aeu)")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ueber den Antrag wurde lange gestritten.", True),
        ("Die Aeußerung fiel im Ausschuss.", True),  # *Aeu*
        ("Der Minister sprach von der Oeffentlichkeit.", True),
        ("(Ueberdies) blieb es still.", True),  # after a parenthesis
        ("Jm Saal war es kalt.", True),  # the Fraktur J
        ("Die BOeing-Maschine landete.", False),  # inside a word
        ("Er las AJbs Bericht.", False),
        ("Die Uebung", True),
        ("Ein Uhu und ein Adler.", False),  # A/O/U without *e*
        ("Die Ursache war unklar.", False),
        ("Ein Aeon verging.", False),  # *Ae* before a vowel
        ("Oel", True),  # *Oe* + consonant at the text start
        ("3Ueber", False),  # after a digit (a word character)
        ("_Ueber", False),  # after an underscore (a word character)
        ("", False),
        ("Ae", False),
    ],
)
def test_older_print_equals_the_boundary_pattern(text: str, expected: bool) -> None:
    assert (_PLAIN_OLDER_PRINT.search(text) is not None) is expected
    assert U._older_print(text) is expected


def _plain_quote_indices(starts: list[int], top: list[tuple[int, QuotedRegion]]) -> list[int]:
    """The left-to-right scan that :func:`units.quote_indices` replaces."""
    qs = []
    qi = 0
    for s in starts:
        q = -1
        while qi < len(top) and top[qi][1].end <= s:
            qi += 1
        if qi < len(top) and top[qi][1].start <= s < top[qi][1].end:
            q = top[qi][0]
        qs.append(q)
    return qs


def _regions(*spans: tuple[int, int]) -> list[tuple[int, QuotedRegion]]:
    return [(k + 3, QuotedRegion(a, b, 0, "»")) for k, (a, b) in enumerate(spans)]


@pytest.mark.parametrize(
    ("starts", "top"),
    [
        ([0, 4, 8, 12, 16], _regions((4, 13))),  # one quotation in the middle
        ([0, 4, 8, 12, 16], _regions((0, 5), (8, 30))),  # at both ends
        ([0, 4, 8, 12, 16], _regions((5, 8))),  # between two tokens: covers none
        ([0, 4, 8, 12, 16], _regions((0, 10), (5, 20))),  # overlapping: the earlier wins
        ([0, 4, 8, 12, 16], _regions((0, 20), (4, 9))),  # nested
        ([0, 4, 8, 12, 16], _regions((4, 9), (4, 30))),  # the same start
        ([0, 4, 8, 12, 16], _regions((20, 30))),  # after the unit
        ([], _regions((0, 5))),
    ],
)
def test_quote_indices_equal_the_scan(
    starts: list[int], top: list[tuple[int, QuotedRegion]]
) -> None:
    assert U.quote_indices(starts, top) == _plain_quote_indices(starts, top)


def test_strings_of_refills_after_the_cache_is_emptied(monkeypatch: pytest.MonkeyPatch) -> None:
    nlp = spacy.blank("de")
    doc = nlp.make_doc("Die Kommission prüfte die Vorwürfe der Kommission.")
    hashes = [t.orth for t in doc]
    monkeypatch.setattr(U, "_STRINGS", {0: ""})
    monkeypatch.setattr(U, "_STRING_CACHE_SIZE", 3)
    assert U.strings_of(hashes, nlp.vocab.strings) == [t.text for t in doc]
    # over the bound: emptied before the next miss is stored, the answer is the same
    again = nlp.make_doc("Ganz neue Wörter")
    assert U.strings_of([t.orth for t in again], nlp.vocab.strings) == ["Ganz", "neue", "Wörter"]
    assert "Kommission" not in U._STRINGS.values()
    assert U.strings_of([0], nlp.vocab.strings) == [""]


@pytest.mark.parametrize(
    "text",
    [
        "Der Sprecher sagte: »Wir prüfen das.« Dann ging er.",
        "Ueber den Vorfall sagte er: »Jch weiß nichts.«",  # older print: the modern lower case
        "DIE ÖFFENTLICHKEIT, sagte Straße-Müller, sei überrascht.",
    ],
)
def test_unit_tokens_strings_equal_the_text_slices(text: str) -> None:
    nlp = spacy.blank("de")
    doc = nlp.make_doc(text)
    arrays = U.token_arrays(doc, text)
    unit = U.Unit(0, len(text), 0, len(doc), 0, 0)
    toks = U.unit_tokens(arrays, unit, [])
    assert [t.text for t in toks] == [text[t.start : t.end] for t in toks]
    lower = U._modern_lower if arrays.older_print else str.lower
    assert [t.lower for t in toks] == [lower(t.text) for t in toks]


@pytest.mark.parametrize(
    ("interactive", "first", "calls_expected"),
    [
        (False, True, ["collect", "freeze"]),  # a batch run: once, on the first call only
        # a Jupyter kernel's objects are the user's data: never frozen out of the collector
        (True, False, []),
    ],
)
def test_freeze_long_lived(
    monkeypatch: pytest.MonkeyPatch,
    interactive: bool,
    first: bool,
    calls_expected: list[str],
) -> None:
    calls: list[str] = []
    monkeypatch.setattr(annotate, "_FROZEN", False)
    monkeypatch.setattr(annotate, "_interactive", lambda: interactive)
    monkeypatch.setattr(gc, "collect", lambda *a: calls.append("collect") or 0)
    monkeypatch.setattr(gc, "freeze", lambda: calls.append("freeze"))
    assert annotate.freeze_long_lived() is first
    assert annotate.freeze_long_lived() is False
    assert calls == calls_expected


@pytest.mark.parametrize(
    ("modules", "interactive_flag", "ps1", "expected"),
    [
        ({"IPython"}, 0, False, True),  # a Jupyter kernel or IPython prompt
        (set(), 1, False, True),  # python -i
        (set(), 0, True, True),  # the plain Python prompt
        (set(), 0, False, False),  # a batch run: medialens process, a worker, a benchmark
    ],
)
def test_interactive_detection(
    monkeypatch: pytest.MonkeyPatch,
    modules: set[str],
    interactive_flag: int,
    ps1: bool,
    expected: bool,
) -> None:
    import sys
    import types

    fake = types.SimpleNamespace(
        modules={m: object() for m in modules},
        flags=types.SimpleNamespace(interactive=interactive_flag),
    )
    if ps1:
        fake.ps1 = ">>> "
    monkeypatch.setattr(annotate, "sys", fake)
    assert annotate._interactive() is expected
    assert sys.modules  # the real module is untouched


@pytest.mark.parametrize(
    ("text", "sentences"),
    [
        ("Der Rat tagte. Er beschloss nichts! Warum?", True),
        ("Ein Satz ohne Ende", True),
        ("  Vorne Leerraum ,  und   Komma . ", True),
        ("Ohne Satzgrenzen gesetzt. Zwei Sätze.", False),
        ("", True),
    ],
)
def test_counts_equal_the_token_loop(text: str, sentences: bool) -> None:
    nlp = spacy.blank("de")
    if sentences:
        nlp.add_pipe("sentencizer")
    doc = nlp(text)
    words = sum(1 for t in doc if not (t.is_punct or t.is_space))
    n_sentences = (
        sum(1 for _ in doc.sents) if doc.has_annotation("SENT_START") else min(len(doc), 1)
    )
    assert annotate._counts(doc) == (n_sentences, words)
