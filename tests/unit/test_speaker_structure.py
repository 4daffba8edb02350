"""Noun-phrase and clause structure of speakers (:mod:`medialens.nlp.attribution.phrases`, :mod:`~medialens.nlp.attribution.clauses`, :mod:`~medialens.nlp.attribution.speakers`):
a speaker span is the whole noun phrase (determiner, adjectives, genitive attributes, name
appositions, coordination) and nothing after it; the subject is the nominative phrase of the
cue's clause, not a fronted time phrase, prepositional phrase or object. Invented sentences."""

from __future__ import annotations

import pytest
from attribution_pipeline import annotate


def first_speaker(text: str) -> str | None:
    quotes = annotate(text)._.ml_quotes
    assert quotes, f"no quotation found in {text!r}"
    sp = quotes[0].speaker
    return sp.text if sp is not None else None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the noun phrase ends before the verb, an adverb or a prepositional phrase
        (
            "Meier sagte in der bereits erwähnten Rede, der Plan sei gescheitert.",
            "Meier",
        ),
        ("Die Kanadier hingegen betonten, der Pilot trage die Verantwortung.", "Die Kanadier"),
        (
            "Finanzminister Karl Berger zu Beginn der langen Debatte: „Wir sparen weiter.“",
            "Finanzminister Karl Berger",
        ),
        # attributive adjectives, participles and genitive attributes stay inside
        (
            "Die staatlich kontrollierten Medien berichteten, die Lage sei ruhig.",
            "Die staatlich kontrollierten Medien",
        ),
        (
            "Vertreter aller im Landtag vertretenen Parteien erklärten, sie seien besorgt.",
            "Vertreter aller im Landtag vertretenen Parteien",
        ),
        # name appositions between commas, also with attributive adjectives
        (
            "Der frühere Bürgermeister und Senator, Hans Kern (SPD), warnte die Partei vor "
            "einem „gefährlichen Wahlkampf“.",
            "Der frühere Bürgermeister und Senator, Hans Kern (SPD)",
        ),
        # asyndetic coordination: the subject is the phrase chain after the comma
        (
            "Die Ministerin wies den Vorwurf zurück, die Sprecherin der großen Fraktion, "
            "Sandra Maier (GRÜNE), erklärte: „Das ist falsch.“",
            "die Sprecherin der großen Fraktion, Sandra Maier (GRÜNE)",
        ),
        # a subject, an adverb, a relative clause, then the verb
        (
            "Hans Kern dagegen, der selbst kandidiert hatte, bekräftigte, dass er nicht "
            "zur Verfügung stehe.",
            "Hans Kern",
        ),
        # a fronted subordinate clause, then the finite verb: the subject follows it
        (
            "Da es keine Verordnung gibt, hat das Gericht entschieden, dass die Anlagen "
            "stillstehen müssen.",
            "das Gericht",
        ),
        # a fronted time phrase is no subject
        (
            "Wenige Stunden nach dem Anschlag erklärte der Innenminister, die Grenzen "
            "würden geschlossen.",
            "der Innenminister",
        ),
        # a short quoted name after the verb or coordinated in the first field
        (
            "„Er war ein großer Künstler“, schrieb „Die Woche“ in einem Nachruf.",
            "„Die Woche“",
        ),
        (
            "„Helfer ohne Grenzen“ sowie das Rote Kreuz kündigten an, mehr Personal zu schicken.",
            "„Helfer ohne Grenzen“ sowie das Rote Kreuz",
        ),
        # a closed parenthesis inside the first field is no clause boundary
        (
            "Ein Sprecher der Bundesagentur (BA) wollte auf Anfrage bestätigen, dass "
            "eine Forderung erhoben werde.",
            "Ein Sprecher der Bundesagentur (BA)",
        ),
    ],
)
def test_speaker_is_the_whole_noun_phrase(text: str, expected: str) -> None:
    assert first_speaker(text) == expected


@pytest.mark.parametrize(
    ("text", "wrong"),
    [
        # negative: an abstract object after the verb is not the subject
        (
            "Der Präsident der Region, Karl Hofer, wies die Darstellung zurück, die Gäste "
            "seien ausgewiesen worden.",
            "die Darstellung",
        ),
        # negative: a pronoun subject of a Konjunktiv clause is no apposition of the verb
        ("Sie seien jedoch außer Lebensgefahr, sagte der Arzt.", "Sie"),
        # negative: a genitive after a prepositional phrase is not the subject
        (
            "„Wir hatten gute Gespräche“, sagte am Rande des Treffens der Minister.",
            "des Treffens",
        ),
    ],
)
def test_not_the_speaker(text: str, wrong: str) -> None:
    assert first_speaker(text) != wrong


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # coordination ellipsis: the second conjunct's subject is the first conjunct's
        (
            "Als Beispiel führte er den Protest an und erklärte, hier gebe es eine Bewegung.",
            "er",
        ),
        ("Die Ministerin lobte den Plan und sagte, er sei gut.", "Die Ministerin"),
        # a fronted prepositional phrase with a relative clause, then V1: the pronoun
        (
            "Nach vielen Gesprächen, die er geführt habe, sei er zu dem Schluss gekommen, "
            "dass die Wahl nötig sei.",
            "er",
        ),
        # negative: an apposition (no verb) after the comma is no relative clause
        (
            "Hans Kern, der Kandidat der Partei, hat in einer gestern veröffentlichten "
            "Botschaft angekündigt, auf Spenden zu verzichten.",
            "Hans Kern, der Kandidat der Partei",
        ),
        # extended attribute before a quoted name
        (
            "So berichtete die in Bayern erscheinende „Abendpost“ gestern, der Plan sei "
            "gescheitert.",
            "die in Bayern erscheinende „Abendpost“",
        ),
        (
            "Kurz nach dem Putsch erklärte der neue „Rat der Einheit“, die Lage sei ruhig.",
            "der neue „Rat der Einheit“",
        ),
    ],
)
def test_clause_structure(text: str, expected: str) -> None:
    assert first_speaker(text) == expected


def _toks(words: str, lemmas: dict[str, str]):
    from medialens.nlp.attribution.units import Tok

    out, pos = [], 0
    for i, w in enumerate(words.split()):
        out.append(Tok(i, w, w.lower(), lemmas.get(w, w.lower()), pos, pos + len(w), -1))
        pos += len(w) + 1
    return out


@pytest.mark.parametrize(
    ("text", "cue", "lemma", "expected"),
    [
        ("Weitere Streiks sind für Montag angekündigt", "angekündigt", "ankündigen", True),
        ("Eine Entschädigung war seit Jahren gefordert", "gefordert", "fordern", True),
        ("Der Plan wurde scharf kritisiert", "kritisiert", "kritisieren", True),
        # negative: perfect with *haben*, *sein*-perfect verbs, adjectival participles
        ("Die Gewerkschaft hat Streiks angekündigt", "angekündigt", "ankündigen", False),
        ("Die Forscher sind davon ausgegangen", "ausgegangen", "ausgehen", False),
        ("Die Experten sind überzeugt", "überzeugt", "überzeugen", False),
        ("Die Ministerin ist zu dem Schluss gekommen", "gekommen", "kommen", False),
    ],
)
def test_state_passive(text, cue, lemma, expected):
    from medialens.nlp.attribution.clauses import is_passive

    toks = _toks(text, {cue: lemma})
    i = next(t.i for t in toks if t.text == cue)
    assert is_passive(toks, 0, i, i) is expected
