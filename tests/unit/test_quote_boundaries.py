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
            "Der Verein reagierte gelassen auf die Vorwürfe, die Kasse sei ordnungsgemäß "
            "geprüft worden.",
            "die Kasse sei ordnungsgemäß geprüft worden",
        ),
        (
            "Im Hafen liegt seit Tagen ein Frachter fest, die Besatzung dürfe nicht an Land.",
            "die Besatzung dürfe nicht an Land",
        ),
        (
            "Zwei Jugendliche wurden am Bahnhof kontrolliert, sie sollen Fahrkarten gefälscht "
            "haben.",
            "sie sollen Fahrkarten gefälscht haben",
        ),
        (
            "Das Museum bleibt vorerst geschlossen, und die Leitung wolle erst im Herbst "
            "entscheiden.",
            "und die Leitung wolle erst im Herbst entscheiden",
        ),
        (
            "Die Sorge, das Eis sei zu dünn, erwies sich als unbegründet.",
            "das Eis sei zu dünn",
        ),
        (
            "Vermutete man anfangs noch, dass ein Kabel defekt sei, prüft die Firma nun die "
            "Software.",
            "dass ein Kabel defekt sei",
        ),
        # negative: the first comma-part is in Konjunktiv (the whole sentence is reported)
        ("Die Lage sei ernst, man müsse jetzt handeln.", None),
        # negative: a fronted subordinate clause, the main clause in Konjunktiv
        ("Nachdem er angekommen war, habe er sofort angerufen.", None),
        # negative: a subject with its relative clause, then the Konjunktiv main clause
        ("Die Männer, die gestern kamen, seien inzwischen abgereist.", None),
        # negative: no comma-part at all
        ("Der Turm sei einsturzgefährdet.", None),
    ],
)
def test_konjunktiv_after_indicative(text: str, expected: str | None) -> None:
    toks = _toks(text)
    assert _span(toks, konjunktiv_after_indicative(toks)) == expected


def test_continuation_keeps_only_the_konjunktiv_clause() -> None:
    text = (
        "Der Trainer sagte, die Mannschaft sei bereit. Der Verein reagierte gelassen auf die "
        "Vorwürfe, die Kasse sei ordnungsgemäß geprüft worden."
    )
    assert _quote_texts(text) == [
        "die Mannschaft sei bereit",
        "die Kasse sei ordnungsgemäß geprüft worden",
    ]


def test_cut_konjunktiv_clause_is_not_joined_by_the_next_sentence() -> None:
    text = (
        "Die Wirtin sagte, das Lokal sei voll. Vermutete man anfangs noch, dass ein Kabel "
        "defekt sei, prüft die Firma nun die Software. Bis Freitag sollen alle Geräte "
        "getauscht werden."
    )
    assert _quote_texts(text) == [
        "das Lokal sei voll",
        "dass ein Kabel defekt sei",
        "Bis Freitag sollen alle Geräte getauscht werden",
    ]


def test_whole_konjunktiv_sentences_still_join() -> None:
    # negative: without an indicative frame consecutive Konjunktiv sentences are one quotation
    text = "Die Wirtin sagte, das Lokal sei voll. Es gebe keinen Platz mehr. Man müsse warten."
    assert _quote_texts(text) == [
        "das Lokal sei voll",
        "Es gebe keinen Platz mehr. Man müsse warten",
    ]


@pytest.mark.parametrize(
    ("text", "index", "expected"),
    [
        ("Die Stadt reagiert auf die Kritik.", 2, True),
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
            "Die Vorsitzende versicherte, dass der Haushalt ausgeglichen sei, nannte aber "
            "keine Zahlen.",
            "dass der Haushalt ausgeglichen sei",
        ),
        (
            "Nachdem der Rat die Händler gebeten hatte, ihre Stände früher abzubauen, blieb "
            "der Markt leer.",
            "ihre Stände früher abzubauen",
        ),
        (
            "Da der Kapitän versprochen hatte, den Kurs zu ändern, konnte die Fähre weiterfahren.",
            "den Kurs zu ändern",
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
            "Der Wirt behauptete, die Küche sei sauber, aber die Kontrolleurin berichtete, "
            "Schimmel gefunden zu haben.",
            ["die Küche sei sauber", "Schimmel gefunden zu haben"],
        ),
        (
            "Die Fahrerin hatte eingeräumt, sie sei zu schnell gewesen, aber stets bestritten, "
            "das Schild gesehen zu haben.",
            ["sie sei zu schnell gewesen", "das Schild gesehen zu haben"],
        ),
    ],
)
def test_coordinated_frame_in_sentences(text: str, expected: list[str]) -> None:
    assert [q for q in _quote_texts(text) if q in expected] == expected


@pytest.mark.parametrize(
    ("text", "verb", "expected"),
    [
        ("Er sagte , es sei gut , doch die Ärztin erklärte , es sei schlecht .", "erklärte", True),
        ("Er sagte , es sei gut , aber erklärte nichts .", "erklärte", True),
        # negative: a Konjunktiv in the coordinated part makes it part of the content
        (
            "Er sagte , es sei gut , doch die Ärztin habe erklärt , es sei schlecht .",
            "erklärt",
            False,
        ),
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
        (
            "Die Gemeinde hat versprochen den Spielplatz bis Juni zu erneuern.",
            "den Spielplatz bis Juni zu erneuern",
        ),
        (
            "Der Kapitän hat gestern angekündigt seine Karriere zu beenden.",
            "seine Karriere zu beenden",
        ),
        ("Die Gemeinde hatte versprochen den Weg auszubauen.", "den Weg auszubauen"),
        # negative: a finite cue (no verb bracket closed by it)
        ("Die Gemeinde versprach den Spielplatz zu erneuern.", None),
        # negative: a purpose clause, not a complement
        ("Die Gemeinde hat versprochen um den Spielplatz zu erneuern.", None),
        # negative: no infinitive at the end
        ("Die Gemeinde hat versprochen den Spielplatz im Juni.", None),
    ],
)
def test_extraposed_infinitive(text: str, expected: str | None) -> None:
    toks = _toks(text)
    ci = next(t.i for t in toks if t.lower in ("versprochen", "versprach", "angekündigt"))
    assert _span(toks, extraposed_infinitive(toks, ci, ci)) == expected


def test_extraposed_infinitive_in_a_sentence() -> None:
    assert _quote_texts("Der Kapitän hat gestern angekündigt seine Karriere zu beenden.") == [
        "seine Karriere zu beenden"
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
