"""Historical spelling and typography: respellings, lemmas, normalisation, Konjunktiv and
quotations in the orthography of newspapers before 1901. The sentences are invented."""

from __future__ import annotations

from functools import lru_cache

import pytest
import spacy
from spacy.language import Language

from medialens.corpus.normalize import normalize_text
from medialens.nlp import factories  # noqa: F401  (registers the factories)
from medialens.nlp.attribution.konjunktiv import is_konjunktiv
from medialens.nlp.historical import respellings


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("theilte", ["teilte"]),
        ("gethan", ["getan"]),
        ("protestirte", ["protestierte"]),
        ("telegraphirt", ["telegraphiert"]),
        ("sey", ["sei"]),
        ("seyen", ["seien"]),
        ("Partey", ["Partei"]),
        ("daß", ["dass"]),
        ("läßt", ["lässt"]),
        ("Schluß", ["Schluss"]),
        ("erwiederte", ["erwiderte"]),
        ("ſagte", ["sagte"]),
        # a capital umlaut written with e at the start of a word
        ("Aeußerung", ["Äußerung"]),
        ("Ueberzeugung", ["Überzeugung"]),
        ("Oeffentlichkeit", ["Öffentlichkeit"]),
        ("uͤber", ["über"]),
        # several rules: all together first, then each alone
        ("mittheilte", ["mitteilte"]),
        ("ſeyen", ["seien", "seyen"]),
        # negatives: modern spellings a rule must not touch
        ("außer", []),  # ß after a diphthong
        ("Straße", []),  # ß before a vowel
        ("Meyer", []),  # surname: ey before -er
        ("Reyes", []),
        ("Günther", []),  # capitalised th: first names of today
        ("Thorsten", []),
        ("Roth", []),
        ("wieder", []),  # ie stays (only *erwiedern* is respelled)
        ("Thema", []),
        ("Goethe", []),  # oe inside a word stays
        ("Aeon", []),  # capital + e before a vowel other than Aeu: no umlaut
        ("Aerzte".lower(), []),  # lower case: no rule
        ("x", []),
    ],
)
def test_respellings(word: str, expected: list[str]) -> None:
    assert list(respellings(word)) == expected


@lru_cache(maxsize=2)
def _lemmatizer(respell: bool = True) -> Language:
    nlp = spacy.blank("de")
    nlp.add_pipe("medialens_lemmatizer_v1", name="lemmatizer", config={"respell": respell})
    nlp.initialize()
    return nlp


@pytest.mark.parametrize(
    ("word", "lemma"),
    [
        ("theilte", "teilen"),
        ("ſagte", "sagen"),
        ("protestirte", "protestieren"),
        ("erwiederte", "erwidern"),
        ("sey", "sein"),
        ("lehne", "lehnen"),  # stem + e, missing from the table: the verb
        ("stelle", "stellen"),
        ("betrage", "betragen"),
        # negatives: words of today keep the table's lemma or their own
        ("Günther", "Günther"),
        ("Thorsten", "Thorsten"),
        ("wieder", "wieder"),
        ("außer", "außer"),
        ("Lehne", "Lehne"),  # capitalised: the noun
        ("ohne", "ohne"),  # stop word
        ("teilte", "teilen"),  # in the table: unchanged
        ("Xqzvbne", "Xqzvbne"),
    ],
)
def test_lemma_of_historical_and_missing_forms(word: str, lemma: str) -> None:
    assert _lemmatizer()(word)[0].lemma_ == lemma


@pytest.mark.parametrize(("word", "lemma"), [("theilte", "theilte"), ("lehne", "lehne")])
def test_respell_off_gives_the_table_only(word: str, lemma: str) -> None:
    assert _lemmatizer(False)(word)[0].lemma_ == lemma


def test_respelling_survives_save_and_reload(tmp_path) -> None:
    """A saved pipeline keeps the hash-keyed table; the extensions read it the same way."""
    nlp = _lemmatizer()
    nlp.to_disk(tmp_path / "p")
    loaded = spacy.load(tmp_path / "p")
    assert [t.lemma_ for t in loaded("Er theilte mit , sie lehne ab")] == [
        t.lemma_ for t in nlp("Er theilte mit , sie lehne ab")
    ]
    assert loaded("theilte")[0].lemma_ == "teilen"


@pytest.mark.parametrize(
    ("text", "expected", "original"),
    [
        ("Der Miniſter ſagte es.", "Der Minister sagte es.", "Miniſter"),
        ("Es uͤberlegte lange.", "Es überlegte lange.", "uͤberlegte"),
        ("Die Aͤrzte und Oͤfen.", "Die Ärzte und Öfen.", "Aͤrzte"),
        ("Der Minister sagte es.", "Der Minister sagte es.", "Minister"),  # unchanged
    ],
)
def test_historical_typography_is_normalised(text: str, expected: str, original: str) -> None:
    norm = normalize_text(text)
    assert norm.text == expected
    # the second word maps back to the word as written
    start = norm.text.index(" ") + 1
    end = norm.text.index(" ", start)
    s, e = norm.offsets.span_to_original(start, end)
    assert text[s:e] == original


@pytest.mark.parametrize(
    ("word", "lemma", "expected"),
    [
        ("sey", "sein", True),
        ("seyen", "sein", True),
        ("lehne", "lehnen", True),
        ("Lehne", "Lehne", False),
        ("seyn", "sein", False),
        ("ohne", "ohne", False),
    ],
)
def test_konjunktiv_in_old_spelling(word: str, lemma: str, expected: bool) -> None:
    assert is_konjunktiv(word, lemma) is expected


@lru_cache(maxsize=1)
def _default() -> Language:
    from medialens.process import get_nlp

    return get_nlp(None, None)


def _quotes(text: str) -> list[tuple[str, str, str | None, str | None]]:
    return [
        (q.kind, q.text, q.speaker.text if q.speaker else None, q.cue.text if q.cue else None)
        for q in _default()(text)._.ml_quotes
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Der Gesandte theilte mit, daß die Verhandlungen abgebrochen worden seyen.",
            [
                (
                    "indirect",
                    "daß die Verhandlungen abgebrochen worden seyen",
                    "Der Gesandte",
                    "theilte mit",
                )
            ],
        ),
        (
            "Der Abgeordnete erwiederte, er könne dem Antrage nicht zustimmen.",
            [
                (
                    "indirect",
                    "er könne dem Antrage nicht zustimmen",
                    "Der Abgeordnete",
                    "erwiederte",
                )
            ],
        ),
        (
            "Hierauf erklärte der Präsident, die Sitzung sey geschlossen.",
            [("indirect", "die Sitzung sey geschlossen", "der Präsident", "erklärte")],
        ),
        (
            "Der Abg. Richter erklärte, die Fraktion lehne den Entwurf ab.",
            [("indirect", "die Fraktion lehne den Entwurf ab", "Der Abg. Richter", "erklärte")],
        ),
        # long s: read as s after ingest normalisation (see test_historical_typography…)
        (
            normalize_text("Der Miniſter ſagte, die Lage ſey ernſt.").text,
            [("indirect", "die Lage sey ernst", "Der Minister", "sagte")],
        ),
        # a pronominal adverb in the first field is not the speaker
        (
            "Darauf erwiderte der Minister, er werde nicht zurücktreten.",
            [("indirect", "er werde nicht zurücktreten", "der Minister", "erwiderte")],
        ),
        (
            "Der Korrespondent telegraphierte, die Stadt sei gefallen.",
            [("indirect", "die Stadt sei gefallen", "Der Korrespondent", "telegraphierte")],
        ),
        # Fraktur J for I before a consonant: *Jn* is the preposition, not the speaker
        (
            "Jn der Sitzung erklärte der Abgeordnete, die Regierung habe versagt.",
            [("indirect", "die Regierung habe versagt", "der Abgeordnete", "erklärte")],
        ),
        # negatives: no speech act in old spelling either
        ("Der Minister ſagte die Reise in letzter Minute ab.", []),
        ("Die Partey hielt ihren Parteitag in Gotha ab.", []),
        ("Der Zug theilte sich hinter der Brücke in zwei Hälften.", []),
    ],
)
def test_quotations_in_old_spelling(
    text: str, expected: list[tuple[str, str, str | None, str | None]]
) -> None:
    assert _quotes(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (',,Das ist unmöglich", rief er.', [',Das ist unmöglich"']),
        ('Er rief: ,,Das ist unmöglich."', [',Das ist unmöglich."']),
        (',,Nie," sagte er, ,,niemals!"', [',Nie,"', ',niemals!"']),
        # negatives: two commas inside a word or before a space open nothing
        ('Die Werte 3,,5 und 4,,5 sind "falsch".', ['"falsch"']),
        ("Er zögerte,, dann ging er.", []),
    ],
)
def test_two_commas_open_a_quotation(text: str, expected: list[str]) -> None:
    from medialens.nlp.attribution.marks import find_quoted_regions

    assert [text[r.start : r.end] for r in find_quoted_regions(text)] == expected


def test_two_commas_quotation_is_direct_speech() -> None:
    assert _quotes(',,Das ist unmöglich", rief der Abgeordnete Müller.') == [
        ("direct", ',Das ist unmöglich"', "der Abgeordnete Müller", "rief")
    ]


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("Jn", "in"),
        ("Jch", "ich"),
        ("Jnteresse", "interesse"),
        # negatives: J before a vowel, upper-case abbreviations, other words
        ("Jahr", "jahr"),
        ("JVA", "jva"),
        ("Juni", "juni"),
        ("Ja", "ja"),
        ("Minister", "minister"),
    ],
)
def test_fraktur_j_is_read_as_i(word: str, expected: str) -> None:
    from medialens.nlp.attribution.units import _modern_lower

    assert _modern_lower(word) == expected
