"""The entity tagger's caches and shortcuts give exactly what the plain computation gives.

The tagger keeps per run string what does not depend on the run's neighbours, tests the role
and organisation endings only after a three-letter precheck, takes the common word shape
without a call and decodes with an unrolled Viterbi; each must agree with the reference it
replaces (:meth:`EntityTagger.tag_run` over :func:`runs`, the list tests of
:mod:`medialens.nlp.name_words`, :func:`shape`, a list-based Viterbi). Sentences invented.
"""

from __future__ import annotations

import random

import pytest

from medialens.nlp.entity_features import run_flags, shape
from medialens.nlp.entity_model import (
    _N,
    LABELS,
    EntityTagger,
    Span,
    _flags,
    decode,
    runs,
    spans_from_labels,
)


def _reference(tagger: EntityTagger, text: str) -> list[Span]:
    """The tagger without its run cache: every run of :func:`runs`, gated word by word
    (lower-case organisation names are not gated), tagged by :meth:`EntityTagger.tag_run`."""
    out: list[Span] = []
    for toks, prev, nxt in runs(text):
        capital = not toks[0].text[:1].islower()
        if capital and all(tagger.gate_score(t.text) < tagger.skip_margin for t in toks):
            continue
        labels = tagger.tag_run(toks, prev, nxt)
        out.extend(spans_from_labels(toks, labels, text))
    return out


TEXTS = [
    "Die Bundeskanzlerin Angela Merkel traf am Montag den Vorstand der Commerzbank AG.",
    "Laut dpa sagte Regierungssprecher Steffen Seibert, die Regierung prüfe den Plan.",
    "Gestern trafen George W. Bush und Elisabeth II. den Papst in Rom.",
    # a double space and a tab inside a run, a run inside a word, a hyphenated compound
    "Die  Regierung\tverzichtet, sagte Der  Sprecher; xCDU und eBay-Chef Pierre Omidyar.",
    "Der Verband Deutscher Realschullehrer (VDR) kritisiert das Institut für Weltwirtschaft.",
    # the same names twice: the second time from the cache
    "Anna Lührmann sagte, Anna Lührmann bleibe. Anna Lührmann sagte das am Montag.",
    "Mehrere Ministerien, darunter das Bundesministerium der Finanzen, widersprachen.",
    "\tMüller\t\tKlaus kam. Frau Dr. Weber-Schmidt von der Universität Hamburg kam auch.",
    # negatives: nothing to find
    "es regnet heute nicht, und morgen auch nicht.",
    "Der Tisch steht im Haus.",
    "",
]


@pytest.mark.parametrize("text", TEXTS)
def test_cached_tagger_equals_the_reference(text: str) -> None:
    tagger = EntityTagger.load()
    expected = _reference(EntityTagger.load(), text)
    assert tagger(text) == expected  # cold caches
    assert tagger(text) == expected  # every run cached


def test_all_sentences_in_one_text_equal_the_reference() -> None:
    text = " ".join(TEXTS * 2)
    assert EntityTagger.load()(text) == _reference(EntityTagger.load(), text)


@pytest.mark.parametrize(
    ("words", "flags"),
    [
        (("Bauernverband",), "o1"),
        (("BDI",), "o1"),
        (("Anna",), "g1"),
        (("Außenamtssprecherin",), "r1"),
        (("Anna", "Lührmann"), "g2"),
        (("Sprecherin", "Anna", "Lührmann", "Verband"), "ogr3"),
        # negatives: no list word, a link word, an acronym too long for an organisation
        (("Tisch",), "1"),
        (("Haus", "von", "Bergen"), "3"),
        (("ABCDEFGH",), "1"),
    ],
)
def test_word_bits_give_the_run_flags(words: tuple[str, ...], flags: str) -> None:
    tagger = EntityTagger.load()
    bits = 0
    for w in words:
        bits |= tagger._word(w)[_N + 2]
    assert _flags(bits, len(words)) == run_flags(words) == flags


@pytest.mark.parametrize(
    "word",
    [
        *("Müller", "Ölkonzern", "Aß", "MacDonald", "A", "W.", "II.", "CDU", "CDU-Chef"),
        *("Schalke04", "dpa", "Carlsen-Verlag", "İstanbul", "ǅemal", "Straße", "Ab", "A1"),
    ],
)
def test_word_shape_shortcut_is_the_shape(word: str) -> None:
    assert EntityTagger.load()._word(word)[_N + 1] == shape(word)


def _list_viterbi(emissions: list, trans: list) -> list[int]:
    """The Viterbi decoder before the unrolling (lists, ``max`` and ``list.index``)."""
    e, t = emissions[0], trans[0][0]
    d = [e[0] + t[0], e[1] + t[1], float("-inf"), e[3] + t[3], float("-inf")]
    back = []
    for k in range(1, len(emissions)):
        e = emissions[k]
        r0, r1, r2, r3, r4 = trans[k]
        d0, d1, d2, d3, d4 = d
        c0 = [d0 + r0[0], d1 + r1[0], d2 + r2[0], d3 + r3[0], d4 + r4[0]]
        c1 = [d0 + r0[1], d1 + r1[1], d2 + r2[1], d3 + r3[1], d4 + r4[1]]
        c3 = [d0 + r0[3], d1 + r1[3], d2 + r2[3], d3 + r3[3], d4 + r4[3]]
        m0, m1, m3 = max(c0), max(c1), max(c3)
        a2, b2 = d1 + r1[2], d2 + r2[2]
        a4, b4 = d3 + r3[4], d4 + r4[4]
        back.append(
            (c0.index(m0), c1.index(m1), 1 if a2 >= b2 else 2, c3.index(m3), 3 if a4 >= b4 else 4)
        )
        d = [m0 + e[0], m1 + e[1], max(a2, b2) + e[2], m3 + e[3], max(a4, b4) + e[4]]
    i = d.index(max(d))
    path = [i]
    for ptr in reversed(back):
        i = ptr[i]
        path.append(i)
    path.reverse()
    return path


@pytest.mark.parametrize("n", [2, 3, 4, 6])
def test_unrolled_viterbi_breaks_ties_like_the_list_version(n: int) -> None:
    rng = random.Random(n)
    for _ in range(500):
        # small integers: many ties, where the first (lowest) tag must win
        em = [[float(rng.randint(-2, 2)) for _ in LABELS] for _ in range(n)]
        tr = [[[float(rng.randint(-1, 1)) for _ in LABELS] for _ in LABELS] for _ in range(n)]
        assert decode(em, tr) == _list_viterbi(em, tr)
