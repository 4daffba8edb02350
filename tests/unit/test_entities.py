"""Entities: the run tagger, merging with codebook mentions, canonical names, save/reload."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest
import spacy
from spacy.language import Language

from medialens.nlp import build_nlp
from medialens.nlp.entities import (
    Entity,
    cluster_names,
    corpus_entities,
    initials,
    merge_entities,
    strip_genitive,
)
from medialens.nlp.entity_model import WEIGHTS_FILE, EntityTagger, Span, default_tagger
from medialens.nlp.serialize import annotate_doc
from medialens.nlp.types import Mention


@pytest.fixture(scope="module")
def nlp() -> Language:
    return build_nlp(disable=("quotes", "framing"))


def _ents(nlp: Language, text: str) -> list[tuple[str, str, str | None]]:
    return [(e.text, e.type, e.actor) for e in nlp(text)._.ml_entities]


TAGGER_CASES = [
    (
        "Am Montag traf Anna Lührmann den Trainer Julian Nagelsmann in Berlin.",
        [("Anna Lührmann", "PER", None), ("Julian Nagelsmann", "PER", None)],
    ),
    ("Die Siemens AG meldete am Dienstag höhere Gewinne.", [("Siemens AG", "ORG", None)]),
    ("Laut Frau Müller ist die Lage ernst.", [("Müller", "PER", None)]),
    # coded actors carry their codebook id
    (
        "Friedrich Merz sagte, die CDU werde zustimmen.",
        [("Friedrich Merz", "PER", "merz"), ("CDU", "ORG", "cdu")],
    ),
    # organisations by name list, compound ending or head noun; initials, regnal numbers
    (
        "Die Commerzbank und die Allianz meldeten Gewinne, sagte W. Müller.",
        [("Commerzbank", "ORG", None), ("Allianz", "ORG", None), ("W. Müller", "PER", None)],
    ),
    (
        "Siemens und Airbus bauen in Hamburg ein Werk.",
        [("Siemens", "ORG", None), ("Airbus", "ORG", None)],
    ),
    (
        "Der Verband Deutscher Realschullehrer kritisierte den Plan.",
        [("Verband Deutscher Realschullehrer", "ORG", None)],
    ),
    ("Königin Elisabeth II. besuchte am Montag Berlin.", [("Elisabeth II.", "PER", None)]),
    ("Laut epd wurde das Gesetz gestoppt.", [("epd", "ORG", None)]),
    # negatives: common nouns, places, sentence-initial function words, a name-list word in
    # its common sense, a letter with a period
    ("Wir haben im Bad einen neuen Spiegel und eine Lampe gekauft.", []),
    ("Am Abend sahen wir einen Stern am Himmel.", []),
    ("Die Klasse B. Danach gingen wir nach Hause.", []),
    ("Die Regierung beschloss am Montag neue Steuern für Autos.", []),
    ("Das Wetter in Hamburg bleibt regnerisch und kalt.", []),
    ("Wir fahren morgen mit dem Zug nach Frankreich.", []),
]


@pytest.mark.parametrize(("text", "expected"), TAGGER_CASES)
def test_entities_in_sentences(nlp: Language, text: str, expected: list) -> None:
    assert _ents(nlp, text) == expected


def test_genitive_name_before_noun(nlp: Language) -> None:
    # a gap of the greedy tagger of feature version 4 (the noun joined the name)
    assert ("Kachelmanns", "PER", None) in _ents(nlp, "Kachelmanns Anwalt werde klagen.")


def test_offsets_match_text(nlp: Language) -> None:
    text = "Gestern sagte Anna Lührmann, die Siemens AG habe recht."
    for e in nlp(text)._.ml_entities:
        assert text[e.start : e.end] == e.text


CLUSTER_CASES = [
    # (variants, expected canonical of each variant)
    (
        [("Jörg Kachelmann", "PER"), ("Kachelmann", "PER"), ("Kachelmanns", "PER")],
        ["Jörg Kachelmann"] * 3,
    ),
    (
        [("Verband Deutscher Realschullehrer", "ORG"), ("VDR", "ORG")],
        ["Verband Deutscher Realschullehrer"] * 2,
    ),
    (
        [
            ("Verbandes Deutscher Realschullehrer", "ORG"),
            ("Verband Deutscher Realschullehrer", "ORG"),
        ],
        ["Verband Deutscher Realschullehrer"] * 2,  # a tie: the shortest spelling
    ),
    # negatives: two full names with one surname stay apart, the bare surname is ambiguous
    (
        [("Michael Schuster", "PER"), ("Ralf Schuster", "PER"), ("Schuster", "PER")],
        ["Michael Schuster", "Ralf Schuster", "Schuster"],
    ),
    # a person and an organisation with the same word are not merged
    ([("Anna Porsche", "PER"), ("Porsche", "ORG")], ["Anna Porsche", "Porsche"]),
    # an acronym whose letters are not the initials stays apart
    (
        [("Verband Deutscher Realschullehrer", "ORG"), ("BDI", "ORG")],
        ["Verband Deutscher Realschullehrer", "BDI"],
    ),
]


@pytest.mark.parametrize(("variants", "expected"), CLUSTER_CASES)
def test_cluster_names(variants: list, expected: list) -> None:
    canon = cluster_names(variants)
    assert [canon[v] for v in variants] == expected


def test_cluster_prefers_frequent_spelling() -> None:
    counts = Counter(
        {
            ("Verbandes Deutscher Realschullehrer", "ORG"): 1,
            ("Verband Deutscher Realschullehrer", "ORG"): 3,
        }
    )
    canon = cluster_names(counts, counts=counts)
    assert set(canon.values()) == {"Verband Deutscher Realschullehrer"}


@pytest.mark.parametrize(
    ("word", "stem"),
    [
        ("Kachelmanns", "Kachelmann"),
        ("Verbandes", "Verband"),
        ("Bush’s", "Bush"),
        ("VDR", "VDR"),
        ("Merz", "Merz"),
        ("Las", "Las"),
    ],
)
def test_strip_genitive(word: str, stem: str) -> None:
    assert strip_genitive(word) == stem


@pytest.mark.parametrize(
    ("name", "letters"),
    [
        ("Verband Deutscher Realschullehrer", "VDR"),
        ("Institut für Weltwirtschaft", "IW"),
        ("Bundesverband deutscher Banken", "BDB"),
    ],
)
def test_initials(name: str, letters: str) -> None:
    assert initials(name) == letters


def test_merge_prefers_longer_span_and_keeps_actor() -> None:
    spans = [Span(0, 15, "Jörg Kachelmann", "PER"), Span(30, 41, "Deutschland", "ORG")]
    mentions = [
        Mention(5, 15, "Kachelmann", "kachelmann", "person"),
        Mention(30, 41, "Deutschland", "de", "state"),
        Mention(50, 53, "SPD", "spd", "party"),
        Mention(60, 68, "deutsche", "de", "state", match="adjective"),
    ]
    assert merge_entities(spans, mentions) == [
        (0, 15, "PER", "kachelmann"),
        (50, 53, "ORG", "spd"),
    ]


def test_corpus_entities_counts_and_dates() -> None:
    import datetime as dt

    mentions = [
        ("a1", 0, 15, "Jörg Kachelmann", "PER", "Jörg Kachelmann"),
        ("a1", 40, 50, "Kachelmann", "PER", "Jörg Kachelmann"),
        ("a2", 0, 11, "Kachelmanns", "PER", "Kachelmanns"),
        ("a2", 20, 23, "VDR", "ORG", "VDR"),
    ]
    speakers = [("a1", 40, 50), ("a2", 5, 9), ("a2", None, None)]
    dates = {"a1": dt.date(2010, 3, 1), "a2": dt.date(2010, 5, 2)}
    rows = corpus_entities(mentions, speakers, dates)
    top = rows[0]
    assert top.entity == "Jörg Kachelmann" and top.type == "PER"
    assert top.n_mentions == 3 and top.n_articles == 2 and top.n_quotes == 2
    assert (top.first_date, top.last_date) == (dt.date(2010, 3, 1), dt.date(2010, 5, 2))
    assert set(top.variants) == {"Jörg Kachelmann", "Kachelmann", "Kachelmanns"}
    assert rows[1].entity == "VDR" and rows[1].n_quotes == 0


def test_tagger_save_and_reload(tmp_path: Path) -> None:
    tagger = default_tagger()
    path = tmp_path / "w.json"
    tagger.save(path)
    again = EntityTagger.load(path)
    text = "Am Montag traf Anna Lührmann die Siemens AG und Frau Müller."
    assert again(text) == tagger(text) != []
    assert again.skip_margin == tagger.skip_margin


def test_weights_file_is_small_and_versioned(tmp_path: Path) -> None:
    assert WEIGHTS_FILE.stat().st_size < 5_000_000
    data = json.loads(WEIGHTS_FILE.read_text(encoding="utf-8"))
    data["features_version"] = 999
    with pytest.raises(ValueError, match="features_version"):
        EntityTagger.from_dict(data, source="x.json")


def test_component_save_and_reload(nlp: Language, tmp_path: Path) -> None:
    nlp.to_disk(tmp_path / "pipe")
    again = spacy.load(tmp_path / "pipe")
    text = "Trainer Julian Nagelsmann und die Siemens AG trafen Friedrich Merz."
    assert _ents(again, text) == _ents(nlp, text) != []


def test_annotate_record_has_entities(nlp: Language) -> None:
    rec = annotate_doc(nlp("Friedrich Merz traf Anna Lührmann."), "d1")
    assert rec["entities"] == [
        {
            "start": 0,
            "end": 14,
            "text": "Friedrich Merz",
            "type": "PER",
            "actor": "merz",
            "entity": "Friedrich Merz",
        },
        {
            "start": 20,
            "end": 33,
            "text": "Anna Lührmann",
            "type": "PER",
            "actor": None,
            "entity": "Anna Lührmann",
        },
    ]
    assert isinstance(nlp("Anna Lührmann")._.ml_entities[0], Entity)


@pytest.mark.parametrize(
    ("row", "expected"),
    [
        # a pronoun speaker counts for the entity its antecedent names
        (
            {
                "article_id": "a",
                "speaker_start": 50,
                "speaker_end": 52,
                "speaker_resolved_start": 0,
                "speaker_resolved_end": 15,
            },
            ("a", 0, 15),
        ),
        # unresolved, or a store written before the antecedent columns: the speaker span
        (
            {
                "article_id": "a",
                "speaker_start": 50,
                "speaker_end": 52,
                "speaker_resolved_start": None,
                "speaker_resolved_end": None,
            },
            ("a", 50, 52),
        ),
        ({"article_id": "a", "speaker_start": 50, "speaker_end": 52}, ("a", 50, 52)),
    ],
)
def test_quote_counts_for_the_antecedent(row: dict, expected: tuple) -> None:
    from medialens.pipeline.commit import _speaker_span

    assert _speaker_span(row) == expected
