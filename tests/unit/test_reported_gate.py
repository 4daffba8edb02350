"""Reported speech only where the reporting verb reports (issue #13, spurious quotations):
a verb in a relative clause, or a bare infinitive under a modal or *werden*, does not make
its sentence a reported quotation (:mod:`medialens.nlp.attribution.reportedgate`). Positive
cases stay quotations, negative ones are no longer quotations. All sentences are invented."""

from __future__ import annotations

import pytest
from attribution_pipeline import annotate, summary

from medialens.nlp.attribution.reportedgate import reported_act_embedded
from medialens.nlp.attribution.units import Tok


def _kinds(text: str) -> list[tuple[str, str]]:
    return [(k, q) for k, q, _s, _c in summary(annotate(text))]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # negative: the verb ends a relative clause; the sentence is about something else
        ("Der Umbau, der von den Anwohnern seit Jahren gefordert wird, scheiterte am Geld.", []),
        ("Es geht um Firmen, die neue Zölle fürchten.", []),
        ("Sie traf Bauern, die den Wolf für eine Plage halten, und hörte zu.", []),
        ("Quelle ist eine Zeitschrift, die über den Fall berichtet.", []),
        ("Es gibt Hinweise, die für einen Unfall sprechen.", []),
        ("Die Stadt hat eine Brücke, über die oft berichtet wird, neu gestrichen.", []),
        # positive: a relative clause or apposition before the main-clause verb
        (
            "Der Bürgermeister, der seit Mai im Amt ist, forderte mehr Geld für Schulen.",
            [
                (
                    "reported",
                    "Der Bürgermeister, der seit Mai im Amt ist, forderte mehr Geld für Schulen",
                )
            ],
        ),
        (
            "Klara Berg, die Sprecherin des Vereins, bezeichnete den Plan als Unsinn.",
            [
                (
                    "reported",
                    "Klara Berg, die Sprecherin des Vereins, bezeichnete den Plan als Unsinn",
                )
            ],
        ),
        (
            "Die Gewerkschaft, die den Streik organisiert hatte, hat höhere Löhne gefordert.",
            [
                (
                    "reported",
                    "Die Gewerkschaft, die den Streik organisiert hatte, hat höhere Löhne gefordert",
                )
            ],
        ),
        # positive: an article after a comma (an enumeration) opens no relative clause; the
        # verb is verb-second (particle apart, object after it)
        (
            "Sowohl die Polizei, der Bürgermeister als auch die Feuerwehr gehen von einem "
            "Unfall aus.",
            [
                (
                    "reported",
                    "Sowohl die Polizei, der Bürgermeister als auch die Feuerwehr gehen von "
                    "einem Unfall aus",
                )
            ],
        ),
        # positive: no relative clause at all
        ("Die Ärztin warnte vor der Hitze.", [("reported", "Die Ärztin warnte vor der Hitze")]),
    ],
)
def test_relative_clause_verb_reports_nothing(text: str, expected: list) -> None:
    assert _kinds(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # negative: a bare infinitive under a modal or *werden* is a possibility or a plan
        ("Das neue Gerät soll Autofahrer vor Glatteis warnen.", []),
        ("Offenbar wollen die Bauern ihren Ärger über die Preise äußern.", []),
        ("Ab morgen kann die Behörde per Telefon warnen.", []),
        ("Der Sender wird live von dem Rennen berichten.", []),
        ("Die Partei möchte im Herbst neue Steuern fordern.", []),
        # positive: the act took place (finite verb, perfect, or hearsay about a past act)
        # (with a reason: bare *äußerten Bedenken* is no quotation, see
        # :mod:`medialens.nlp.attribution.contentless`)
        (
            "Die Bauern äußerten Bedenken, weil die Preise fielen.",
            [("reported", "Die Bauern äußerten Bedenken, weil die Preise fielen")],
        ),
        (
            "Die Partei forderte im Herbst neue Steuern.",
            [("reported", "Die Partei forderte im Herbst neue Steuern")],
        ),
        (
            "Der Minister soll höhere Steuern gefordert haben.",
            [("reported", "Der Minister soll höhere Steuern gefordert haben")],
        ),
        # positive: a passive participle after *wird* is no infinitive
        (
            "Dem Fahrer wird von der Polizei Fahrerflucht vorgeworfen.",
            [("reported", "Dem Fahrer wird von der Polizei Fahrerflucht vorgeworfen")],
        ),
    ],
)
def test_modal_infinitive_reports_nothing(text: str, expected: list) -> None:
    assert _kinds(text) == expected


def _toks(words: str) -> list[Tok]:
    out, pos = [], 0
    for i, w in enumerate(words.split()):
        out.append(Tok(i, w, w.lower(), w.lower(), pos, pos + len(w), -1))
        pos += len(w) + 1
    return out


@pytest.mark.parametrize(
    ("words", "cue", "lemma", "expected"),
    [
        ("Das Gerät soll vor Böen warnen .", 5, "warnen", "modal"),
        ("Er wird Fahrerflucht vorgeworfen .", 3, "vorwerfen", None),
        ("Firmen , die Zölle fürchten , klagen .", 4, "fürchten", "relative"),
        ("Anna , die Sprecherin , forderte Geld .", 5, "fordern", None),
        ("Firmen , die Zölle fürchten wollen , klagen .", 4, "fürchten", "relative"),
        ("Polizei , der Bürgermeister und Feuerwehr gehen von Unfall aus .", 6, "ausgehen", None),
        ("Die Ärztin warnte vor Hitze .", 2, "warnen", None),
    ],
)
def test_reported_act_embedded(words: str, cue: int, lemma: str, expected: str | None) -> None:
    toks = _toks(words)
    last = cue + 3 if lemma == "ausgehen" else cue  # (*gehen … aus*: the particle apart)
    assert reported_act_embedded(toks, cue, last, lemma) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # positive: *Das/Dies* + auxiliary + cue in one clause takes the previous sentence
        (
            "Der Bahnhof wird im Mai geschlossen. Das wurde am Montag, dem 3. März, von der "
            "Stadt bekannt gegeben.",
            [
                (
                    "indirect",
                    "Der Bahnhof wird im Mai geschlossen … Das",
                    "der Stadt",
                )
            ],
        ),
        (
            "Der Bahnhof wird im Mai geschlossen. Dies hat die Stadt mitgeteilt.",
            [("indirect", "Der Bahnhof wird im Mai geschlossen … Dies", "die Stadt")],
        ),
        # negative: a coordinator or subordinator between auxiliary and cue: *Das* belongs to
        # another verb, and the previous sentence is not what was said
        (
            "Der Verein hat den Vertrag gekündigt. Das wollte der Trainer nicht hinnehmen "
            "und gab vor, krank zu sein.",
            [],
        ),
        (
            "Die Mannschaft verlor knapp. Das ist weniger, als der Trainer befürchtet hatte.",
            [],
        ),
    ],
)
def test_anaphor_frame_is_one_clause(text: str, expected: list) -> None:
    assert [(k, q, s) for k, q, s, _c in summary(annotate(text))] == expected


def _direct(text: str) -> list[str]:
    return [q.text for q in annotate(text)._.ml_quotes if q.kind == "direct"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # negative: one capitalised word after a verb, a noun, an adjective, a coordinator or a
        # pronoun names a thing or marks a term: not the speaker's word
        ("Der Bericht nennt „Instagram“ als Beispiel, sagte die Sprecherin.", []),
        ("Als Beispiele nannte der Hersteller die Modelle „Falke“ und „Adler“.", []),
        ("Der Minister sagte, man erwarte neue „Mehrheitsmodelle“ im Herbst.", []),
        ("Die Meteorologin wies darauf hin, dass sich „Bernd“ abgeschwächt habe.", []),
        # positive: the predicative of a naming verb, a noun phrase opened by an article or
        # preposition, or right after the frame's comma
        ("Der Minister bezeichnete den Plan als „Wortbruch“.", ["„Wortbruch“"]),
        ("Die Ministerin nannte den Bericht eine „Zeitungsente“.", ["„Zeitungsente“"]),
        ("Die Ärztin warnte vor den „Schlankheitspillen“.", ["„Schlankheitspillen“"]),
        # positive: attributive adjectives between the opener and the quoted head
        ("Die Bauern berichteten über erste „Enteignungen“.", ["„Enteignungen“"]),
        ("Er hoffe auf einen raschen „Neuanfang“, sagte der Minister.", ["„Neuanfang“"]),
        ("Er sagte, „Sperrzonen“ dürfe es nicht geben.", ["„Sperrzonen“"]),
        # positive: after an object pronoun, the predicative of a naming verb
        ("Der Abgeordnete nannte ihn „Verräter“, sagte die Zeugin.", ["„Verräter“"]),
        # positive: lower-case or longer quotations are not concerned
        ("Der Trainer nannte die Entscheidung „überzogen“.", ["„überzogen“"]),
    ],
)
def test_bare_single_term_is_no_speech(text: str, expected: list[str]) -> None:
    assert _direct(text) == expected
