"""Round 13: a speakerless hearsay-*soll* quotation takes the nearest source phrase of the
sentences before it (:mod:`medialens.nlp.attribution.sourcecarry`); invented sentences with
negatives.

Three background sentences stand between the source phrase and the *soll* sentence, so the
short carry of the continuation steps (:mod:`.extract`) does not reach it and only the new
pass can give the speaker.
"""

from __future__ import annotations

import pytest
from attribution_pipeline import annotate, summary

#: three indicative background sentences
_GAP = " Die Hütte war geschlossen. Der Weg ist gesperrt. Es regnete stark."
_HEARSAY = " Der Mann soll sich bei einem Sturz verletzt haben."


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # positives: nach Angaben X, laut X across a paragraph break, X zufolge
        (
            "Nach Angaben der Bergwacht wurde der Wanderer gefunden." + _GAP + _HEARSAY,
            "Angaben der Bergwacht",
        ),
        (
            "Laut einem Bericht der Lokalzeitung hat die Gemeinde das Grundstück verkauft. "
            "Der Kaufpreis ist nicht bekannt.\n\nDer Käufer soll ein Bauunternehmen aus der "
            "Region sein.",
            "einem Bericht der Lokalzeitung",
        ),
        (
            "Den Ermittlern zufolge wurde der Tresor in der Nacht aufgebrochen."
            + _GAP
            + " Die Täter sollen durch den Keller eingestiegen sein.",
            "Den Ermittlern",
        ),
        # negatives: no source phrase; phrases that name no source
        ("Der Wanderer wurde gefunden." + _GAP + _HEARSAY, None),
        ("Demnach wurde der Wanderer gefunden." + _GAP + _HEARSAY, None),
        ("Nach Angaben wurde der Wanderer gefunden." + _GAP + _HEARSAY, None),
        ("Dem Vernehmen nach wurde der Wanderer gefunden." + _GAP + _HEARSAY, None),
        # negatives: not hearsay soll (Konjunktiv continuation, past/conditional sollte)
        (
            "Nach Angaben der Bergwacht wurde der Wanderer gefunden."
            + _GAP
            + " Der Mann sei bei einem Sturz verletzt worden.",
            None,
        ),
        (
            "Nach Angaben der Bergwacht wurde der Wanderer gefunden."
            + _GAP
            + " Der Mann sollte sich bei einem Sturz verletzt haben.",
            None,
        ),
        # negatives: too far (fifteen sentences, three paragraph breaks)
        ("Nach Angaben der Bergwacht wurde der Wanderer gefunden." + _GAP * 5 + _HEARSAY, None),
        (
            "Nach Angaben der Bergwacht wurde der Wanderer gefunden.\n\nDie Hütte war "
            "geschlossen.\n\nDer Weg ist gesperrt.\n\nDer Mann soll sich bei einem Sturz "
            "verletzt haben.",
            None,
        ),
    ],
)
def test_hearsay_takes_earlier_source(text: str, speaker: str | None) -> None:
    """The last quotation (the *soll* or Konjunktiv sentence) and its speaker."""
    last = summary(annotate(text))[-1]
    assert last[0] == "indirect"
    assert "soll" in last[1] or " sei " in last[1]
    assert last[2] == speaker


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # positives: a plural document, attributes and a relative clause before the verb
        (
            "In ersten Berichten über den Brand im Lager wurde als Ursache ein Kurzschluss "
            "vermutet.",
            "ersten Berichten",
        ),
        (
            "In einer Erklärung, die am Abend verbreitet wurde, wurde angekündigt, dass die "
            "Schule schließt.",
            "einer Erklärung",
        ),
        (
            "In Mitteilungen der Stadtwerke wurde gefordert, dass die Preise sinken.",
            "Mitteilungen der Stadtwerke",
        ),
        (
            "In Presseberichten wurde vermutet, dass die Brücke einsturzgefährdet sei.",
            "Presseberichten",
        ),
        # negatives: a subject or an agent speaks; the phrase is no document
        (
            "In einer Erklärung, die der Verband am Abend verbreitete, kündigte der Präsident "
            "an, dass die Schule schließt.",
            "der Präsident",
        ),
        (
            "In den Berichten des Vereins wurde vom Vorstand gefordert, dass die Beiträge sinken.",
            "Vorstand",
        ),
        ("In den Sommerferien wurde angekündigt, dass die Schule schließt.", None),
        ("In Gesprächen über den Umbau wurde angekündigt, dass die Schule schließt.", None),
    ],
)
def test_opening_document_speaks(text: str, speaker: str | None) -> None:
    """The document a sentence opens with speaks for its agentless passive or *man*."""
    assert [q[2] for q in summary(annotate(text))] == [speaker]
