"""The entity tagger's parts: runs, decoding, word-list features, organisation endings."""

from __future__ import annotations

import itertools
import random

import pytest

from medialens.nlp.entity_features import (
    LINK_WORDS,
    cluster_features,
    form_features,
    lexical_features,
    shape,
    suffix_features,
    word_features,
)
from medialens.nlp.entity_model import LABELS, EntityTagger, decode, default_tagger, runs
from medialens.nlp.name_words import _is_role, _one_word_org
from medialens.nlp.org_lexicon import LOWERCASE_ORG_NAMES, ORG_NAMES, org_ending


def _run_words(text: str) -> list[list[str]]:
    return [[t.text for t in toks] for toks, _, _ in runs(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # initials inside and at the end of a name, regnal numbers
        (
            "Gestern traf George W. Bush den Kanzler.",
            [["Gestern"], ["George", "W.", "Bush"], ["Kanzler"]],
        ),
        ("Das sagte W. Müller.", [["Das"], ["W.", "Müller"]]),
        ("Heute kam Claudia B. nicht.", [["Heute"], ["Claudia", "B."]]),
        (
            "Elisabeth II. und Heinrich IV. regierten.",
            [["Elisabeth", "II.", "und", "Heinrich", "IV."]],
        ),
        # negatives: an initial needs a capitalised word after it; an abbreviation is no initial
        ("Er fuhr auf der A. und dann weiter.", [["Er"], ["A"]]),
        ("Sie kam um 8 Uhr z. B. nach Wien.", [["Sie"], ["Uhr"], ["B"], ["Wien"]]),
        ("Die Firma IVAN ist in den USA.", [["Firma", "IVAN"], ["USA"]]),
        # lower-case organisation names are runs of their own, not inside compounds
        ("Berlin (dpa) - Die taz meldet.", [["Berlin"], ["Die"], ["dpa"], ["taz"]]),
        ("Laut dpa-AFX stieg der Kurs.", [["Laut"], ["Kurs"]]),
    ],
)
def test_runs(text: str, expected: list[list[str]]) -> None:
    assert _run_words(text) == expected


def test_lowercase_names_are_in_the_name_list() -> None:
    assert {"dpa", "taz"} <= LOWERCASE_ORG_NAMES <= ORG_NAMES
    assert all(w[:1].islower() for w in LOWERCASE_ORG_NAMES)


def _valid(seq: tuple[int, ...]) -> bool:
    prev = "O"
    for i in seq:
        lab = LABELS[i]
        if lab[0] == "I" and prev[2:] != lab[2:]:
            return False
        prev = lab
    return True


def _brute_force(em: list[list[float]], tr: list[list[list[float]]]) -> list[int]:
    best: tuple[float, list[int]] | None = None
    for seq in itertools.product(range(len(LABELS)), repeat=len(em)):
        if not _valid(seq):
            continue
        score = sum(em[k][seq[k]] + tr[k][seq[k - 1] if k else 0][seq[k]] for k in range(len(em)))
        if best is None or score > best[0]:
            best = (score, list(seq))
    assert best is not None
    return best[1]


@pytest.mark.parametrize("n", [1, 2, 3, 4, 5])
def test_viterbi_finds_the_best_valid_sequence(n: int) -> None:
    rng = random.Random(n)
    for _ in range(200):
        em = [[rng.gauss(0, 3) for _ in LABELS] for _ in range(n)]
        tr = [[[rng.gauss(0, 3) for _ in LABELS] for _ in LABELS] for _ in range(n)]
        assert decode(em, tr) == _brute_force(em, tr)


def test_greedy_decoding_keeps_bio_valid() -> None:
    rng = random.Random(7)
    for _ in range(200):
        em = [[rng.gauss(0, 3) for _ in LABELS] for _ in range(4)]
        tr = [[[rng.gauss(0, 3) for _ in LABELS] for _ in LABELS] for _ in range(4)]
        greedy = decode(em, tr, viterbi=False)
        assert _valid(tuple(greedy))
        # never better than the exact decoder
        total = sum(
            em[k][greedy[k]] + tr[k][greedy[k - 1] if k else 0][greedy[k]] for k in range(4)
        )
        best = decode(em, tr)
        best_total = sum(em[k][best[k]] + tr[k][best[k - 1] if k else 0][best[k]] for k in range(4))
        assert total <= best_total + 1e-9


@pytest.mark.parametrize(
    ("word", "ending"),
    [
        ("Commerzbank", "bank"),
        ("Umweltbundesamt", "amt"),
        ("Bundesgerichtshof", "gerichtshof"),
        ("Carlsen-Verlag", "verlag"),
        ("Hochschule", "schule"),
        ("Bundesärztekammer", "kammer"),
        # negatives: the ending alone, a short stem, no ending
        ("Bank", None),
        ("Amt", None),
        ("Monat", None),
        ("Salat", None),
        ("Regierung", None),
        ("Gymnasium", None),
    ],
)
def test_org_ending(word: str, ending: str | None) -> None:
    assert org_ending(word) == ending


@pytest.mark.parametrize(
    "word",
    [
        "Regierungssprecherin",
        "Außenminister",
        "Dr",
        "Bauernverband",
        "Verbandes",
        "Verbandschef",
        "Siemens",
        "Siemenss",
        "Bayerns",
        "von",
        "Haus",
        "ÖVP",
        "Verband",
        "Carlsen-Verlag",
    ],
)
def test_lexical_features_agree_with_the_list_tests(word: str) -> None:
    feats = lexical_features(word)
    assert ("role" in feats) == (word not in LINK_WORDS and _is_role(word))
    assert ("org_ending" in feats) == (not word.isupper() and _one_word_org(word))
    ending = org_ending(word)
    assert (f"orgend={ending}" in feats) == (ending is not None)
    assert ("org_name" in feats) == (word in ORG_NAMES or word[:-1] in ORG_NAMES)


@pytest.mark.parametrize(
    ("word", "role"),
    [
        ("Außenamtssprecherin", True),
        ("Trainer", True),
        ("Bundeskanzlerin", True),
        ("Prof", True),
        ("Regierung", False),
        ("Müller", False),
        ("Sprecherhaus", False),
    ],
)
def test_is_role(word: str, role: bool) -> None:
    assert _is_role(word) is role


def test_tagger_word_score_is_the_sum_of_its_features() -> None:
    """The grouped, cached word score equals the plain sum over ``word_features``."""
    tagger = EntityTagger.load()
    tagger.bias = None
    words = ("Merkel", "Commerzbank", "Regierung", "W.", "dpa", "CDU-Politiker", "Kachelmanns")
    more = ("Außenamtssprecherin", "Bauernverband", "Umweltbundesamt", "BDI", "Dr", "von", "Öl")
    for w in words + more:
        expected = [0.0] * (len(LABELS) + 1)
        for f in word_features(w, tagger.cl):
            for i, x in enumerate(tagger._table.get(f, (0.0,) * (len(LABELS) + 1))):
                expected[i] += x
        got = tagger._word(w)
        assert got[len(LABELS) + 1] == shape(w)
        assert got[: len(LABELS) + 1] == pytest.approx(expected)


def test_word_features_are_the_groups() -> None:
    cl = default_tagger().cl
    w = "Commerzbank"
    assert word_features(w, cl) == [
        *form_features(shape(w), len(w)),
        "w=" + w,
        "p3=com",
        *suffix_features("bank"),
        *cluster_features(w, cl),
        *lexical_features(w),
    ]


def test_bias_change_resets_the_cache() -> None:
    tagger = EntityTagger.load()
    tagger.bias = None
    raw = tagger._word("Merkel")
    tagger.bias = [0.0, -100.0, 0.0, 0.0, 0.0]
    biased = tagger._word("Merkel")
    assert biased[1] == pytest.approx(raw[1] - 100.0)
    assert biased[len(LABELS)] == pytest.approx(raw[len(LABELS)])  # the gate has no bias
