"""Ninth-round scare-quote cues (:mod:`medialens.nlp.attribution.scarejudge`): a quotation in
the object of a verb of attributing or diagnosing with a source as subject, a noun of saying
with a genitive speaker, and more judging verbs with *als* are speech, not the author's
scare quote. All sentences are invented."""

from __future__ import annotations

import pytest
from attribution_pipeline import annotate


def scare(text: str) -> list[str]:
    return [s.text for s in annotate(text)._.ml_scare_quotes]


def _unit(text: str):
    """The tokens of the one unit of ``text``, its first quotation and that quotation's first
    token (for the pure cues)."""
    from medialens.nlp.attribution.marks import find_quoted_regions
    from medialens.nlp.attribution.scarecues import first_token
    from medialens.nlp.attribution.units import Tok

    doc = annotate(text)
    regions = find_quoted_regions(text)
    toks = []
    for i, t in enumerate(doc):
        q = next((k for k, r in enumerate(regions) if r.start <= t.idx < r.end), -1)
        toks.append(Tok(i, t.text, t.text.lower(), t.lemma_ or t.text, t.idx, t.idx + len(t), q))
    return toks, regions[0], first_token(toks, regions[0])


NINTH_CASES = [
    # a verb of attributing or diagnosing with a source as subject: the subject's words
    ("Die Richterin bescheinigte dem Angeklagten eine „hohe kriminelle Energie“.", []),
    ("Die Studie attestiert dem Land „erheblichen Nachholbedarf“.", []),
    ("Der Verband schrieb dem Gesetz eine „abschreckende Wirkung“ zu.", []),
    ("Die Ärztin diagnostizierte eine „akute Überlastung“.", []),
    ("Die Schauspielerin schwärmte von der „magischen Atmosphäre“.", []),
    # … not in an agentless passive or with the impersonal *man*: nobody identifiable
    ("Ihm wird eine „Schlüsselrolle“ zugeschrieben.", ["Schlüsselrolle"]),
    ("Dem Minister wird eine „gewisse Arroganz“ unterstellt.", ["gewisse Arroganz"]),
    ("Man schreibt dem Kraut eine „heilende Wirkung“ zu.", ["heilende Wirkung"]),
    # more judging verbs predicate with *als* (*erachten*, *empfinden*, *einschätzen*)
    ("Der Verband erachtet die Reform als „überfällig“.", []),
    ("Der Bischof empfindet die Debatte als „unwürdig“.", []),
    ("Die Behörde schätzte die Lage als „ernst“ ein.", []),
    # … not without an agent
    ("Die Lage wird als „ernst“ eingeschätzt.", ["ernst"]),
    # a noun of saying with a genitive speaker before the preposition
    ("Die Warnung des Ministers vor einem „Flächenbrand“ verhallte.", []),
    ("Die Forderung der Gewerkschaft nach „fairen Löhnen“ stieß auf Ablehnung.", []),
    # … not without a speaker, nor with a genitive that is no source
    ("Die Forderung nach „fairen Löhnen“ ist alt.", ["fairen Löhnen"]),
    ("Der Bau des Turms nach „alten Plänen“ dauerte Jahre.", ["alten Plänen"]),
]


@pytest.mark.parametrize(("text", "expected_scare"), NINTH_CASES)
def test_ninth_round_cues(text, expected_scare):
    assert scare(text) == expected_scare


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Die Richterin bescheinigte ihm eine „hohe Energie“.", True),
        ("Dem Land attestiert die Studie „großen Nachholbedarf“.", True),  # inverted subject
        ("Der Verband schrieb dem Gesetz eine „große Wirkung“ zu.", True),  # separable
        ("Die Ärztin diagnostizierte eine „akute Überlastung“.", True),
        ("Ihm wird eine „Schlüsselrolle“ zugeschrieben.", False),  # agentless passive
        ("Ihm wird von Experten eine „Schlüsselrolle“ zugeschrieben.", False),  # no V2 subject
        ("Man schreibt ihm eine „heilende Wirkung“ zu.", False),  # impersonal *man*
        ("Der Verband schrieb an die „lieben Mitglieder“.", False),  # *schreiben*, no *zu*
        ("Die Ärztin, die „müde“ wirkte, diagnostizierte eine Grippe.", False),  # other clause
        ("Der Chef lobte die „Moral“ der Truppe.", False),  # no attributing verb
    ],
)
def test_attributed_by_subject(text, expected):
    from medialens.nlp.attribution.scarejudge import attributed_by_subject

    toks, r, first = _unit(text)
    assert attributed_by_subject(toks, r, first) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Die Warnung des Ministers vor einem „Flächenbrand“ verhallte.", True),
        ("Die Forderung der Gewerkschaft nach „fairen Löhnen“ blieb.", True),
        ("Die Kritik des Verbands an der „Verschwendung“ war deutlich.", True),
        ("Die Warnung vor einem „Flächenbrand“ verhallte.", False),  # no genitive
        ("Der Bau des Turms nach „alten Plänen“ dauerte.", False),  # no noun of saying
        ("Die Forderung der Reform nach „mehr Geld“ blieb.", False),  # genitive no source
        ("Die Warnung des Ministers „Vorsicht“ verhallte.", False),  # no preposition
    ],
)
def test_genitive_speech_noun(text, expected):
    from medialens.nlp.attribution.scarejudge import genitive_speech_noun

    toks, _r, first = _unit(text)
    assert genitive_speech_noun(toks, first) is expected


APPOSITION_CASES = [
    # a loose apposition after the marks whose head is a class of named things: a name
    ("Die Rechnung ging an die „Sonnenblume“, eine Kita in Mitte.", []),
    ("Man traf sich im „Anker“, einer Szenekneipe in Altona.", []),
    ("Die „Löwen“, der Verein aus der Vorstadt, stiegen auf.", []),
    # … not an explanation that is no class, nor a relative clause, nor a lower-case quotation
    (
        "Der Senat plant eine „Schülerdatei“, eine zentrale Datenbank für alle Schüler.",
        ["Schülerdatei"],
    ),
    ("Die „Helden“, die die Stadt retten wollten, gaben auf.", ["Helden"]),
    ("Dort stand die „Wunderwaffe“, eine Kanone aus Stahl.", ["Wunderwaffe"]),
    ("Das Essen war „lecker“, ein Café wie früher.", ["lecker"]),
]


@pytest.mark.parametrize(("text", "expected_scare"), APPOSITION_CASES)
def test_class_apposition_cases(text, expected_scare):
    assert scare(text) == expected_scare


@pytest.mark.parametrize(
    ("text", "inner", "expected"),
    [
        ("die „Sonnenblume“, eine Kita in Mitte", "Sonnenblume", True),
        ("im „Anker“, einer kleinen Szenekneipe", "Anker", True),  # attribute, compound head
        ("die „Welle“, ein Projekt der Stadt", "Welle", True),  # a title noun
        ("die „Welle“, eine Idee der Stadt", "Welle", False),  # no class noun
        ("die „Welle“ , die kam", "Welle", False),  # a relative clause
        ("die „schöne“, eine Kita", "schöne", False),  # lower case
        ("die „Welle“ eine Kita", "Welle", False),  # no comma
    ],
)
def test_class_apposition(text, inner, expected):
    from medialens.nlp.attribution.marks import QuotedRegion
    from medialens.nlp.attribution.scareapposition import class_apposition

    start = text.index(inner) - 1
    r = QuotedRegion(start, start + len(inner) + 2, 0, text[start])
    assert class_apposition(text, r, inner) is expected


PLURAL_CASES = [
    # a plural common noun quoted again is a term the author keeps setting apart, not a name
    (
        "Der Plan sieht „Schutzzonen“ vor. In den „Schutzzonen“ gilt ein Bauverbot.",
        ["Schutzzonen", "Schutzzonen"],
    ),
    (
        "Der Bericht nennt „Alfvenwellen“ als Grundlage. Die „Alfvenwellen“ sind schwer zu messen.",
        ["Alfvenwellen"],
    ),
    # … a singular quoted again stays a name, and so does a form that may be singular
    ("Die „Troika“ kam nach Athen. Die „Troika“ forderte Einschnitte.", []),
    ("Die „Löwen“ gewannen. Die „Löwen“ stiegen auf.", []),
]


@pytest.mark.parametrize(("text", "expected_scare"), PLURAL_CASES)
def test_plural_quoted_again_cases(text, expected_scare):
    assert scare(text) == expected_scare


@pytest.mark.parametrize(
    ("inner", "expected"),
    [
        ("Schutzzonen", True),
        ("Eingreiftruppen", True),
        ("Alfvenwellen", True),  # by its compound tail
        ("Troika", False),  # singular
        ("Löwen", False),  # also a singular form (*dem Löwen*)
        ("NATO", False),  # an acronym
        ("rote Zonen", False),  # two words
        ("Schutzzone", False),
    ],
)
def test_plural_term(inner, expected):
    from medialens.nlp.attribution.scareplural import plural_term

    assert plural_term(inner) is expected
