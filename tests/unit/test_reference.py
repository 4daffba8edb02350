"""Morphology lexicon (:mod:`.morphology`) and reference (:mod:`.reference`): which noun
phrases can speak, gender/number agreement, pronoun speakers resolved to the nearest
agreeing subject or named speaker. Invented sentences."""

from __future__ import annotations

import gzip

import pytest
from attribution_pipeline import annotate

from medialens.nlp.attribution.morphology import (
    FEM,
    LEXICON_PATH,
    MASC,
    NounLexicon,
    analyse,
    lexicon,
)
from medialens.nlp.attribution.reference import (
    agreement,
    compatible,
    text_toks,
    word_speaker_like,
)


def test_lexicon_ships_and_loads() -> None:
    assert LEXICON_PATH.is_file()
    assert len(lexicon()) > 200_000


@pytest.mark.parametrize(
    ("form", "genders", "plural", "common"),
    [
        ("Ministerin", FEM, False, True),
        ("Minister", MASC, True, True),  # singular and plural form
        ("Sprecherinnen", FEM, True, True),
        ("Regierungssprecherin", FEM, False, True),  # compound via its tail
        ("SPD-Chef", MASC, False, True),  # hyphenated compound via its last part
    ],
)
def test_noun_analysis(form: str, genders: int, plural: bool, common: bool) -> None:
    info = analyse(form)
    assert info is not None
    assert info.genders & genders
    assert info.plural == plural
    assert info.common == common


@pytest.mark.parametrize("form", ["Xqzvw", "sprecherin"])  # unknown, or not capitalised
def test_unknown_forms(form: str) -> None:
    assert lexicon().lookup(form) is None


def test_lexicon_lookup_on_a_small_table(tmp_path) -> None:
    path = tmp_path / "mini.tsv.gz"
    path.write_bytes(gzip.compress(b"Amt\t33\nZeit\t42\n"))
    lex = NounLexicon.load(path)
    assert len(lex) == 2
    assert lex.lookup("Amt").code == 33
    assert lex.lookup("Zeit").code == 42
    assert lex.lookup("Bahn") is None


def test_missing_lexicon_is_a_clear_error(tmp_path) -> None:
    with pytest.raises(FileNotFoundError, match="noun lexicon missing"):
        NounLexicon.load(tmp_path / "absent.tsv.gz")


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        ("Sprecherin", True),  # person suffix
        ("Vorsitzende", True),  # nominalised adjective
        ("Experte", True),  # weak masculine
        ("Regierung", True),  # institution
        ("Nachrichtenagentur", True),  # institution as compound tail
        ("Studie", True),  # document
        ("UNICEF", True),  # acronym
        ("Kowalczyk", True),  # unknown word: a name
        # negatives: things, events and abstractions do not speak
        ("Proteste", False),
        ("Anzahl", False),
        ("Sprengsatz", False),
        ("Fahrzeug", False),
        ("Computer", False),
    ],
)
def test_speaker_like(head: str, expected: bool) -> None:
    assert word_speaker_like(head) is expected


@pytest.mark.parametrize(
    ("pronoun", "phrase", "expected"),
    [
        ("sie", "die Ministerin", True),
        ("er", "die Ministerin", False),
        ("er", "der Sprecher", True),
        ("sie", "der Sprecher", False),
        ("sie", "die Demonstranten", True),  # plural
        ("er", "die Demonstranten", False),
        ("sie", "Die SPD und die Grünen", True),  # coordination is plural
        ("er", "Hans Kowalczyk", True),  # a name agrees with both
        ("sie", "Hans Kowalczyk", True),
    ],
)
def test_agreement(pronoun: str, phrase: str, expected: bool) -> None:
    toks = text_toks(phrase)
    assert compatible(pronoun, agreement(toks, 0, len(toks))) is expected


def resolved(text: str) -> list[tuple[str | None, str | None]]:
    return [
        (q.speaker.text, q.speaker.resolved) if q.speaker else (None, None)
        for q in annotate(text)._.ml_quotes
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the subject of the sentence before, not an older quotation's speaker
        (
            "Der Minister sagte, die Lage sei ernst. Die Sprecherin der Partei kritisierte "
            "das. Sie forderte, die Hilfe müsse sofort kommen.",
            ("Sie", "Die Sprecherin der Partei"),
        ),
        # gender: *er* skips the nearer feminine subject
        (
            "Der Kanzler sagte, er rechne mit Zustimmung. Die Ministerin widersprach. Er "
            "betonte, der Plan sei sicher.",
            ("Er", "Der Kanzler"),
        ),
        # negative: no agreeing antecedent, the pronoun stays unresolved
        (
            "Die Ministerin sagte, die Lage sei ernst. Er betonte, der Plan sei sicher.",
            ("Er", None),
        ),
    ],
)
def test_pronoun_resolution(text: str, expected: tuple[str, str | None]) -> None:
    assert resolved(text)[-1] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # *Demnach* keeps its span and is resolved to the document named before
        (
            "Das Ergebnis geht aus dem Urteil hervor. Demnach ist die Regierung verantwortlich.",
            ("Demnach", "dem Urteil"),
        ),
        # negative: nothing that can speak in the sentence before, no antecedent
        (
            "Die Sonne schien den ganzen Tag. Demnach ist die Regierung verantwortlich.",
            ("Demnach", None),
        ),
    ],
)
def test_demnach_resolution(text: str, expected: tuple[str, str | None]) -> None:
    assert resolved(text)[0] == expected
