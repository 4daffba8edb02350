"""Uncoded-actor candidates: rules, codebook coverage, model entities, save and reload."""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Span

from medialens.nlp import factories  # noqa: F401  (registers the factories)
from medialens.nlp.candidates import entity_candidates, rule_candidates, select
from medialens.nlp.types import Candidate, Mention


@pytest.fixture(scope="module")
def nlp() -> Language:
    nlp = spacy.blank("de")
    nlp.add_pipe("medialens_sentencizer_v1", name="sentences")
    nlp.add_pipe("medialens_mentions_v1", name="mentions")
    nlp.add_pipe("medialens_candidates_v1", name="candidates", config={"tagger": False})
    nlp.initialize()
    return nlp


def _cands(nlp: Language, text: str) -> list[tuple[str, str, str]]:
    return [(c.text, c.type, c.source) for c in nlp(text)._.ml_candidates]


CASES = [
    ("Trainer Julian Nagelsmann lobte das Team.", [("Julian Nagelsmann", "PER", "title")]),
    ("Die Grünen-Politikerin Ricarda Lang widersprach.", [("Ricarda Lang", "PER", "title")]),
    ("Am Abend kam Anna Lührmann nach Hause.", [("Anna Lührmann", "PER", "given_name")]),
    ("Das bestätigte Jewgeni Prigoschin am Abend.", [("Jewgeni Prigoschin", "PER", "reporting")]),
    ("Das sagte Müller am Montag.", [("Müller", "PER", "reporting")]),
    ("Die Siemens AG meldet Gewinne.", [("Siemens AG", "ORG", "org_suffix")]),
    ("Er studierte an der Universität Hamburg.", [("Universität Hamburg", "ORG", "org_suffix")]),
    ("Das Bundesumweltministerium prüft.", [("Bundesumweltministerium", "ORG", "org_suffix")]),
    ("Der BDI warnte.", [("BDI", "ORG", "acronym")]),
    # codebook actors are not candidates, nor the words around them
    ("Bundeskanzler Friedrich Merz sagte, Macron komme.", []),
    ("Außenamtssprecherin Marija Sacharowa sagte", []),
    # negatives: common nouns, function words, bare heads, stop acronyms
    ("Die Partei tagte am Montag.", []),
    ("Der Präsident sprach lange.", []),
    ("Die DNA und die ISBN sind kein Verein.", []),
    ("In Hamburg regnet es.", []),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_candidates(nlp: Language, text: str, expected: list) -> None:
    assert _cands(nlp, text) == expected


def test_rule_candidates_are_pure_and_offsets_match() -> None:
    text = "Gestern sagte Anna Lührmann etwas."
    for c in rule_candidates(text):
        assert text[c.start : c.end] == c.text


def test_select_longest_and_not_covered() -> None:
    cands = [
        Candidate(0, 10, "a", "PER", "given_name"),
        Candidate(0, 4, "b", "ORG", "acronym"),
        Candidate(20, 25, "c", "ORG", "acronym"),
    ]
    mentions = [Mention(21, 23, "xx", "x", "person")]
    assert select(cands, mentions) == [cands[0]]


def test_model_entities_used_when_present(nlp: Language) -> None:
    doc = nlp.make_doc("Gestern traf Erika Mustermann die Firma Beispiel.")
    doc.ents = [
        Span(doc, 2, 4, label="PER"),
        Span(doc, 6, 7, label="ORG"),
        Span(doc, 0, 1, label="MISC"),
    ]
    assert [(c.text, c.type, c.source) for c in entity_candidates(doc)] == [
        ("Erika Mustermann", "PER", "model"),
        ("Beispiel", "ORG", "model"),
    ]
    doc = nlp.get_pipe("candidates")(doc)
    assert [c.source for c in doc._.ml_candidates] == ["model", "model"]


def test_save_and_reload(nlp: Language, tmp_path: Path) -> None:
    nlp.to_disk(tmp_path / "pipe")
    again = spacy.load(tmp_path / "pipe")
    text = "Trainer Julian Nagelsmann und die Siemens AG"
    assert _cands(again, text) == _cands(nlp, text) != []
