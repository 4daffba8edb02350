"""Speaker choice, round 5: where the frame of *es heißt* names its source, and reporting verbs
in Konjunktiv I inside a continuation (no new speaker). Each table has negative cases.
Invented sentences."""

from __future__ import annotations

import pytest
from attribution_pipeline import speaker_of


@pytest.mark.parametrize(
    ("text", "quote_part", "expected"),
    [
        # *…, hieß es von X* after the content: a place inside the content is no source
        (
            "Die Lage in Kabul sei weiterhin angespannt, hieß es vom Sprecher der Mission.",
            "angespannt",
            "Sprecher der Mission",
        ),
        (
            "„Wir bleiben in Hamburg und bauen dort aus“, heißt es in der Mitteilung des Konzerns.",
            "bauen dort",
            "der Mitteilung des Konzerns",
        ),
        # one adverb between *es* and the place
        (
            "„Die Gebühren steigen im Herbst um zwei Prozent“ heißt es dazu in einem "
            "Rundschreiben der Kammer.",
            "Gebühren steigen",
            "einem Rundschreiben der Kammer",
        ),
        # *Auf X heißt es*: the whole first field names the place of the text
        (
            "Auf der Webseite des Vereins heißt es: „Wir danken allen Helfern für ihren Einsatz.“",
            "allen Helfern",
            "der Webseite des Vereins",
        ),
        # negative: after *heißt es,* the content begins — its place is no source
        (
            "Im Jahresbericht der Stiftung heißt es, im Norden des Landes seien mehr Wölfe "
            "gesichtet worden.",
            "Wölfe",
            "Jahresbericht der Stiftung",
        ),
        # negative: *auf* at the head of the content before *, heißt es* names no place
        (
            "Auf den Straßen sei es ruhig geblieben, heißt es.",
            "ruhig geblieben",
            None,
        ),
        # negative: an adverb alone after *heißt es* names no source
        (
            "Die Verhandlungen würden am Montag fortgesetzt, hieß es weiter.",
            "Verhandlungen",
            None,
        ),
    ],
)
def test_heisst_es_frame_after_the_content(
    text: str, quote_part: str, expected: str | None
) -> None:
    assert speaker_of(text, quote_part) == expected


@pytest.mark.parametrize(
    ("text", "quote_part", "expected"),
    [
        # a Konjunktiv I reporting verb after a Konjunktiv main clause is part of what the
        # current speaker said: its subject is no new speaker
        (
            "Die Sprecherin der Initiative Anna Berger sagte, die Stadt habe viel getan. Neu "
            "sei, dass der Stadtrat anordne, die alten Plakate zu entfernen.",
            "Plakate",
            "Die Sprecherin der Initiative Anna Berger",
        ),
        (
            "Der Vorsitzende Klaus Weber erklärte, der Verband sei zufrieden. Entscheidend "
            "sei, dass die Behörde erlaube, die Halle im Winter zu nutzen.",
            "Halle",
            "Der Vorsitzende Klaus Weber",
        ),
        # negative: an indicative reporting verb after a quotation opens a new frame
        (
            "Die Sprecherin der Initiative Anna Berger sagte, die Stadt habe viel getan. Der "
            "Stadtrat kündigte an, die alten Plakate zu entfernen.",
            "Plakate",
            "Der Stadtrat",
        ),
        # negative: without a Konjunktiv before it, a subordinate Konjunktiv cue keeps its
        # own subject
        (
            "Der Bürgermeister teilte mit, dass die Feuerwehr fordere, die Straße zu sperren.",
            "Straße",
            "Der Bürgermeister",
        ),
    ],
)
def test_konjunktiv_cue_inside_a_continuation(
    text: str, quote_part: str, expected: str | None
) -> None:
    assert speaker_of(text, quote_part) == expected


@pytest.mark.parametrize(
    ("text", "quote_part", "expected"),
    [
        # *Für X sei Y …* after a quotation: the holder of the judgement speaks, not the
        # current speaker (the direct part and the Konjunktiv sentence alike)
        (
            "Der Sprecher des Bistums sagte, man prüfe die Vorwürfe. Für den Bischof sei "
            "die Lage „sehr ernst“.",
            "Für den Bischof",
            "den Bischof",
        ),
        (
            "Der Sprecher des Bistums sagte, man prüfe die Vorwürfe. Für die Theologin Maria "
            "Hahn sei der Schritt „längst überfällig“.",
            "„längst überfällig“",
            "die Theologin Maria Hahn",
        ),
        # negative: a thing or an abstraction after *für* holds no opinion
        (
            "Der Sprecher des Bistums sagte, man prüfe die Vorwürfe. Für den Neubau sei "
            "kein Geld vorhanden.",
            "Neubau",
            "Der Sprecher des Bistums",
        ),
        (
            "Der Sprecher des Bistums sagte, man prüfe die Vorwürfe. Für die Sicherheit der "
            "Kinder sei die Schule „voll verantwortlich“.",
            "Sicherheit der Kinder",
            "Der Sprecher des Bistums",
        ),
    ],
)
def test_opinion_holder_of_fuer_sein(text: str, quote_part: str, expected: str | None) -> None:
    assert speaker_of(text, quote_part) == expected


@pytest.mark.parametrize(
    ("text", "quote_part", "expected"),
    [
        # a continuation after *Demnach …* goes on with the source that *Demnach* points to:
        # the source phrase of the sentence before, else its subject
        (
            "Das Magazin hat neue Zahlen veröffentlicht. Laut dem Magazin „Auto heute“ ist der "
            "Absatz gestiegen. Demnach wurden im Mai 20.000 Wagen verkauft. Im Juni sei der "
            "Absatz sogar noch höher gewesen.",
            "Im Juni",
            "dem Magazin „Auto heute“",
        ),
        (
            "Der Verband legte am Montag seinen Bericht vor. Demnach sind die Kosten "
            "gestiegen. Die Beiträge würden im Herbst erhöht.",
            "Beiträge",
            "Der Verband",
        ),
        # the *Demnach* sentence itself keeps the adverb as its source
        (
            "Der Verband legte am Montag seinen Bericht vor. Demnach sind die Kosten "
            "gestiegen. Die Beiträge würden im Herbst erhöht.",
            "Kosten",
            "Demnach",
        ),
        # negative: an abstraction in the sentence before is no antecedent
        (
            "Inzwischen sind neue Vorwürfe gegen den Trainer bekannt geworden. Demnach hat er "
            "Spieler beleidigt. Er habe sie mehrfach vor der Mannschaft bloßgestellt.",
            "bloßgestellt",
            "Demnach",
        ),
    ],
)
def test_continuation_after_an_anaphoric_source(
    text: str, quote_part: str, expected: str | None
) -> None:
    assert speaker_of(text, quote_part) == expected


@pytest.mark.parametrize(
    ("text", "quote_part", "expected"),
    [
        # a Konjunktiv clause embedded in an indicative sentence after a quotation is the
        # claim of the main clause's speaking subject, not of the current speaker
        (
            "Der Minister Hans Roth sagte, der Haushalt sei solide. Die Gewerkschaft erhob "
            "Einspruch, weil die Kürzungen zu hart seien.",
            "Kürzungen",
            "Die Gewerkschaft",
        ),
        (
            "Der Minister Hans Roth sagte, der Haushalt sei solide. Die Opposition zeigte sich "
            "offen für einen Plan, der die Schulden senken solle.",
            "Schulden",
            "Die Opposition",
        ),
        # negative: a subject that cannot speak leaves the current speaker
        (
            "Der Minister Hans Roth sagte, der Haushalt sei solide. Die Lage blieb ruhig, weil "
            "die Kürzungen zu hart seien.",
            "Kürzungen",
            "Der Minister Hans Roth",
        ),
        (
            "Der Minister Hans Roth sagte, der Haushalt sei solide. Die Kürzungen wurden "
            "verschoben, weil die Kassen leer seien.",
            "Kassen",
            "Der Minister Hans Roth",
        ),
    ],
)
def test_embedded_konjunktiv_speaks_for_the_main_subject(
    text: str, quote_part: str, expected: str | None
) -> None:
    assert speaker_of(text, quote_part) == expected


@pytest.mark.parametrize(
    ("text", "quote_part", "expected"),
    [
        # a postposed possessive source phrase starts at its possessive: a determiner or a
        # verb before it is no part of the speaker span
        # (inside a noun phrase, *den ihrer Meinung nach übertriebenen Erwartungen*, the
        # phrase is no source at all — :mod:`.sourcesense` — and the verb's subject speaks)
        (
            "Die Ministerin warnte vor den ihrer Meinung nach übertriebenen Erwartungen: "
            "„Wir müssen realistisch bleiben und dürfen nichts versprechen.“",
            "realistisch",
            "Die Ministerin",
        ),
        (
            "Der Experte erklärte am Montag, das Land besitze seiner Meinung nach zwei Reaktoren.",
            "Reaktoren",
            "seiner Meinung",
        ),
        # negative: an adjective after the determiner still belongs to the phrase
        (
            "Die Firma hat den eigenen Angaben nach die Halle geräumt.",
            "Halle",
            "den eigenen Angaben",
        ),
    ],
)
def test_possessive_source_phrase_span(text: str, quote_part: str, expected: str | None) -> None:
    assert speaker_of(text, quote_part) == expected


@pytest.mark.parametrize(
    ("text", "quote_part", "expected"),
    [
        # a cue-less partial quotation in an indicative clause whose subject carries an
        # apposition between commas: the whole chain is the subject
        (
            "Der Sprecher der Fraktion, Hans Kern, will „in den kommenden Wochen alles genau "
            "prüfen“.",
            "prüfen",
            "Der Sprecher der Fraktion, Hans Kern",
        ),
        (
            "Der Minister Hans Roth sagte, der Haushalt sei solide. Auch der Sprecher der "
            "Fraktion, Hans Kern, will „in den kommenden Wochen alles genau prüfen“, ob eine "
            "Klage möglich ist.",
            "prüfen",
            "der Sprecher der Fraktion, Hans Kern",
        ),
        # negative: a comma that ends a clause leaves the frame unknown
        (
            "Die Stadt hat den Plan vorgelegt, die Bürger wollen „alle Schritte der Verwaltung in "
            "den nächsten Monaten genau verfolgen“.",
            "verfolgen",
            None,
        ),
    ],
)
def test_apposition_subject_of_a_cueless_quotation(
    text: str, quote_part: str, expected: str | None
) -> None:
    assert speaker_of(text, quote_part) == expected
