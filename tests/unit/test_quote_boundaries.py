"""Quotation boundaries: how much of a sentence a reported clause is (``quotebounds.py``).

All sentences are invented for these tests. Each table has negative cases: sentences where the
boundary must stay where it was (the whole sentence, the whole complement).
"""

from __future__ import annotations

import pytest
from attribution_pipeline import annotate

from medialens.nlp.attribution.quotebounds import (
    coordinated_frame,
    ends_its_sentence,
    extraposed_infinitive,
    indicative_finite,
    konjunktiv_after_indicative,
    verb_final_complement_end,
)
from medialens.nlp.attribution.units import Tok


def _toks(text: str) -> list[Tok]:
    doc = annotate(text)
    return [
        Tok(i, t.text, t.lower_, t.lemma_, t.idx, t.idx + len(t.text), -1)
        for i, t in enumerate(doc)
    ]


def _span(toks: list[Tok], rng: tuple[int, int] | None) -> str | None:
    if rng is None:
        return None
    a, b = rng
    while b > a and toks[b - 1].text in ".!?":
        b -= 1
    return " ".join(t.text for t in toks[a:b]).replace(" ,", ",")


def _quote_texts(text: str) -> list[str]:
    return [q.text for q in annotate(text)._.ml_quotes]


# -- the Konjunktiv clause of a sentence whose main clause is the reporter's indicative --------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Die Stadtverwaltung begegnet der Kritik mit dem Hinweis, die Leitungen seien "
            "längst erneuert.",
            "die Leitungen seien längst erneuert",
        ),
        (
            "Ein Kassierer wurde am Abend festgenommen, er soll das Geld beiseitegeschafft haben.",
            "er soll das Geld beiseitegeschafft haben",
        ),
        (
            "Seine Tochter ist im Sommer umgezogen, und er wolle sie nun öfter besuchen.",
            "und er wolle sie nun öfter besuchen",
        ),
        (
            "Auch die Vermutung, der Brand sei gelegt worden, bestätigte sich später nicht.",
            "der Brand sei gelegt worden",
        ),
        (
            "Hieß es zuerst noch, dass der Fahrer schuld sei, wird nun die Ampel geprüft.",
            "dass der Fahrer schuld sei",
        ),
        # negative: the first comma-part is in Konjunktiv (the whole sentence is reported)
        ("Die Lage sei ernst, man müsse jetzt handeln.", None),
        # negative: a fronted subordinate clause, the main clause in Konjunktiv
        ("Nachdem er angekommen war, habe er sofort angerufen.", None),
        # negative: a subject with its relative clause, then the Konjunktiv main clause
        ("Die Männer, die gestern kamen, seien inzwischen abgereist.", None),
        # negative: no comma-part at all
        ("Der Brand sei gelegt worden.", None),
    ],
)
def test_konjunktiv_after_indicative(text: str, expected: str | None) -> None:
    toks = _toks(text)
    assert _span(toks, konjunktiv_after_indicative(toks)) == expected


def test_continuation_keeps_only_the_konjunktiv_clause() -> None:
    text = (
        "Die Ministerin sagte, die Lage sei ernst. Die Bahn begegnet der Kritik mit dem "
        "Argument, die Züge seien meist unterirdisch unterwegs."
    )
    assert _quote_texts(text) == [
        "die Lage sei ernst",
        "die Züge seien meist unterirdisch unterwegs",
    ]


def test_cut_konjunktiv_clause_is_not_joined_by_the_next_sentence() -> None:
    text = (
        "Der Minister sagte, der Plan sei gut. Hieß es zunächst noch, dass die Fahrer selbst "
        "schuld seien, wird nun viel Geld investiert. Bis Ende des Jahres sollen alle Wagen "
        "umgerüstet werden."
    )
    assert _quote_texts(text) == [
        "der Plan sei gut",
        "dass die Fahrer selbst schuld seien",
        "Bis Ende des Jahres sollen alle Wagen umgerüstet werden",
    ]


@pytest.mark.parametrize(
    ("text", "index", "expected"),
    [
        ("Die Bahn begegnet der Kritik.", 2, True),
        ("Der Antrag wurde abgelehnt.", 2, True),
        # negative: a plural present that equals the infinitive, a participle, a noun
        ("Die Kinder spielen draußen.", 2, False),
        ("Das Geld ist gestohlen worden.", 3, False),
        ("Kinder spielen draußen.", 0, False),
        ("Kam er zuerst?", 0, False),  # (a capitalised verb is not looked at)
        # negative: a Konjunktiv
        ("Der Plan sei gut.", 2, False),
    ],
)
def test_indicative_finite(text: str, index: int, expected: bool) -> None:
    assert indicative_finite(_toks(text)[index]) is expected


# -- a verb-final complement ends before a finite verb ----------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Der Minister sagte, dass die Brücke sicher sei, legte aber keine Gutachten vor.",
            "dass die Brücke sicher sei",
        ),
        (
            "Nachdem der Verband die Stadt aufgefordert hatte, den Platz zu räumen, durfte "
            "niemand mehr hinein.",
            "den Platz zu räumen",
        ),
        (
            "Die Abgeordnete hatte erklärt, gegen den Haushalt stimmen zu wollen, könnte es "
            "knapp werden.",
            "gegen den Haushalt stimmen zu wollen",
        ),
        # negative: a verb-second complement goes on with its own coordinated verb
        (
            "Der Minister sagte, die Brücke sei sicher, habe aber noch Mängel.",
            "die Brücke sei sicher, habe aber noch Mängel",
        ),
        # negative: the comma closes a relative clause inside the dass-clause
        (
            "Der Minister sagte, dass die Firma, die den Bau plante, Fehler gemacht habe.",
            "dass die Firma, die den Bau plante, Fehler gemacht habe",
        ),
    ],
)
def test_verb_final_complement_in_sentences(text: str, expected: str) -> None:
    assert expected in _quote_texts(text)


@pytest.mark.parametrize(
    ("text", "start", "expected"),
    [
        ("Er sagte , dass er komme , ging dann aber .", 3, "dass er komme"),
        ("Er bat , das Tor zu öffnen , wurde aber abgewiesen .", 3, "das Tor zu öffnen"),
        # negative: no verb after the comma, or a verb-second complement
        ("Er sagte , dass er komme , morgen oder übermorgen .", 3, None),
        ("Er sagte , er komme , gehe aber bald .", 3, None),
    ],
)
def test_verb_final_complement_end(text: str, start: int, expected: str | None) -> None:
    toks = _toks(text)
    end = verb_final_complement_end(toks, start, len(toks))
    assert (_span(toks, (start, end)) if end < len(toks) else None) == expected


# -- a coordinated frame ends the complement before it ----------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Der Bürgermeister sagte, die Halle sei verkauft, doch der Sprecher des Investors "
            "erklärte, den Vertrag noch nicht unterschrieben zu haben.",
            ["die Halle sei verkauft", "den Vertrag noch nicht unterschrieben zu haben"],
        ),
        (
            "Die Trainerin hatte angegeben, sie habe nichts gewusst, jedoch stets betont, "
            "keine Regeln gebrochen zu haben.",
            ["sie habe nichts gewusst", "keine Regeln gebrochen zu haben"],
        ),
    ],
)
def test_coordinated_frame_in_sentences(text: str, expected: list[str]) -> None:
    assert [q for q in _quote_texts(text) if q in expected] == expected


@pytest.mark.parametrize(
    ("text", "verb", "expected"),
    [
        ("Er sagte , es sei gut , doch der Sprecher erklärte , es sei schlecht .", "erklärte", True),
        ("Er sagte , es sei gut , aber erklärte nichts .", "erklärte", True),
        # negative: a Konjunktiv in the coordinated part makes it part of the content
        ("Er sagte , es sei gut , doch der Sprecher habe erklärt , es sei schlecht .", "erklärt", False),
        # negative: no coordinator (an ordinary comma-part)
        ("Er sagte , es sei gut , was der Sprecher erklärte .", "erklärte", False),
    ],
)
def test_coordinated_frame(text: str, verb: str, expected: bool) -> None:
    toks = _toks(text)
    p = next(t.i for t in toks if t.text == verb)
    assert coordinated_frame(toks, p, 2) is expected


# -- an infinitive group without its comma ----------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Die Firma hat angekündigt die Preise im Herbst zu erhöhen.", "die Preise im Herbst zu erhöhen"),
        ("Die Abgeordnete hat gestern angekündigt ihr Mandat niederzulegen.", "ihr Mandat niederzulegen"),
        # negative: a finite cue (no verb bracket closed by it)
        ("Die Firma kündigte die Preise zu erhöhen an.", None),
        # negative: a purpose clause, not a complement
        ("Die Firma hat angekündigt um die Preise zu erhöhen.", None),
        # negative: no infinitive at the end
        ("Die Firma hat angekündigt die Preise im Herbst.", None),
    ],
)
def test_extraposed_infinitive(text: str, expected: str | None) -> None:
    toks = _toks(text)
    ci = next(t.i for t in toks if t.lower.startswith(("angekündigt", "kündigte")))
    assert _span(toks, extraposed_infinitive(toks, ci, ci)) == expected


def test_extraposed_infinitive_in_a_sentence() -> None:
    assert _quote_texts("Die Firma hat angekündigt die Preise im Herbst zu erhöhen.") == [
        "die Preise im Herbst zu erhöhen"
    ]


# -- Dies/Das sagte X after a short paragraph ---------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Die Brücke wird im Mai gesperrt. Der Verkehr wird umgeleitet. Das teilte die "
            "Stadtverwaltung mit.",
            "Die Brücke wird im Mai gesperrt. Der Verkehr wird umgeleitet",
        ),
        # negative: a longer paragraph, only the sentence before
        (
            "Es regnete. Die Brücke wird im Mai gesperrt. Der Verkehr wird umgeleitet. Das "
            "teilte die Stadtverwaltung mit.",
            "Der Verkehr wird umgeleitet",
        ),
        # negative: the sentence before opens the paragraph
        (
            "Es regnete.\n\nDer Verkehr wird umgeleitet. Das teilte die Stadtverwaltung mit.",
            "Der Verkehr wird umgeleitet",
        ),
    ],
)
def test_anaphor_takes_a_short_paragraph(text: str, expected: str) -> None:
    quotes = annotate(text)._.ml_quotes
    assert len(quotes) == 1
    assert text[quotes[0].spans[0][0] : quotes[0].spans[0][1]] == expected


@pytest.mark.parametrize(
    ("text", "end", "expected"),
    [
        ("Er sei krank. Dann", 12, True),
        ("»Er sei krank.« Dann", 13, True),
        # negative: the quotation stops inside its sentence
        ("Er sei krank, sagte sie. Dann", 12, False),
    ],
)
def test_ends_its_sentence(text: str, end: int, expected: bool) -> None:
    assert ends_its_sentence(text, end, text.index("Dann")) is expected
