"""Round 13: indirect quotations that were never found (issue #13, branch ``s13-miss``),
invented sentences with negatives.

* a resumptive *das/dies* frame after a dash, and a focus adverb between the opener and its
  verb (*A – das zumindest meint X.*); a *von/vom/für* attribute after the frame's subject:
  :mod:`medialens.nlp.attribution.frames`;
* plural document heads (*Mehrere Studien zeigen, dass …*) and *Bekanntmachung*:
  :data:`medialens.nlp.attribution.senses.DOCUMENT_HEADS`;
* a quoted name in apposition to the noun before *, wonach* (*ein Bericht der Agentur „X“,
  wonach …*): :func:`medialens.nlp.attribution.sourcegenitive.quoted_name_after_noun`;
* the *von*-agent of an elliptic *wie*-frame with a participle (*…, wie vom Gericht
  entschieden, …*): :func:`medialens.nlp.attribution.verbspeaker.elliptic_wie_agent`;
* a name apposition after a source phrase belongs to the source (*nach Angaben des
  Sprechers, X Y, …*): :mod:`medialens.nlp.attribution.sourcequote`;
* a name apposition after a speech-act noun's genitive attribute belongs to the speaker
  (*die Ankündigung des Trainers, X Y, … zu beenden*):
  :func:`medialens.nlp.attribution.sourcecues.find_noun_cues`;
* the plural past *gestanden* is read as *gestehen* (*Die Veranstalter gestanden ein, dass
  …*): :data:`medialens.nlp.attribution.units.LEMMA_FIXES`.
"""

from __future__ import annotations

import pytest
from attribution_pipeline import annotate, summary


def _quotes(text: str) -> list[tuple[str, str, str | None, str | None]]:
    return [q for q in summary(annotate(text)) if q[0] != "direct"]


# (text, expected quote text, expected speaker) — the quotation must be found
POSITIVES = [
    # resumptive frame after a dash, with a focus adverb, with a von-attribute
    (
        "Die Mieten in der Stadt steigen weiter – das zumindest meint der Verband der Mieter.",
        "Die Mieten in der Stadt steigen weiter",
        "der Verband der Mieter",
    ),
    (
        "Die Brücke bleibt bis zum Sommer gesperrt – dies teilte die Stadt am Montag mit.",
        "Die Brücke bleibt bis zum Sommer gesperrt",
        "die Stadt",
    ),
    (
        "Die Ernte fällt in diesem Jahr schlecht aus, das betont Anna Berger vom Bauernverband.",
        "Die Ernte fällt in diesem Jahr schlecht aus",
        "Anna Berger vom Bauernverband",
    ),
    (
        "Die Preise sind, so jedenfalls berichtet die Zeitung, deutlich gestiegen.",
        "Die Preise sind … deutlich gestiegen",
        "die Zeitung",
    ),
    # plural document subjects and Bekanntmachung
    (
        "Mehrere Studien zeigen, dass der Meeresspiegel schneller steigt.",
        "dass der Meeresspiegel schneller steigt",
        "Mehrere Studien",
    ),
    (
        "Die Gebühren werden im Herbst erhöht, wie eine neue Bekanntmachung zeigt.",
        "Die Gebühren werden im Herbst erhöht",
        "eine neue Bekanntmachung",
    ),
    # wonach after a quoted name in apposition
    (
        "Ein Bericht des Senders „Radio Nord“, wonach der Bürgermeister zurücktreten wolle, "
        "wurde dementiert.",
        "der Bürgermeister zurücktreten wolle",
        "Ein Bericht des Senders „Radio Nord“",
    ),
    # elliptic wie-frame with a von-agent
    (
        "Das neue Gesetz verstoße, wie schon vom Verfassungsgericht entschieden, gegen die "
        "Verfassung.",
        "Das neue Gesetz verstoße … gegen die Verfassung",
        "Verfassungsgericht",
    ),
    (
        "Die Schule bleibt geschlossen, wie von der Stadtverwaltung mitgeteilt.",
        "Die Schule bleibt geschlossen",
        "der Stadtverwaltung",
    ),
    # name apposition after a source phrase
    (
        "Der Fluss ist nach Angaben des Sprechers der Feuerwehr, Karl Weber, über die Ufer "
        "getreten.",
        "Der Fluss ist … über die Ufer getreten",
        "Angaben des Sprechers der Feuerwehr, Karl Weber",
    ),
    (
        "Nach Ansicht des Vorsitzenden der Kommission, Lea Hartmann, sei der Plan zu teuer.",
        "sei der Plan zu teuer",
        "Ansicht des Vorsitzenden der Kommission, Lea Hartmann",
    ),
    # name apposition after a speech-act noun's genitive attribute
    (
        "Trotz der Ankündigung ihres Trainers, Peter Vogel, den Verein im Sommer zu verlassen, "
        "gewann die Mannschaft.",
        "den Verein im Sommer zu verlassen",
        "ihres Trainers, Peter Vogel",
    ),
    # a verbless so-source with an adjective; a so-frame with a document verb
    (
        "Die Mieten steigen weiter, so zahlreiche Experten.",
        "Die Mieten steigen weiter",
        "zahlreiche Experten",
    ),
    (
        "Die Mieten steigen weiter, so belegen neue Studien.",
        "Die Mieten steigen weiter",
        "neue Studien",
    ),
    # the plural past of (ein)gestehen
    (
        "Die Veranstalter gestanden ein, dass die Karten zu teuer gewesen seien.",
        "dass die Karten zu teuer gewesen seien",
        "Die Veranstalter",
    ),
]


@pytest.mark.parametrize(("text", "quote", "speaker"), POSITIVES)
def test_quotation_found(text: str, quote: str, speaker: str) -> None:
    found = [(q[1], q[2]) for q in _quotes(text)]
    assert (quote, speaker) in found, found


# (text, words that must not be a quotation of their own)
NEGATIVES = [
    # a dash before a resumptive that is no frame: no reporting verb after it
    ("Die Fähre legt um 5.40 Uhr ab – das entspricht 11.40 Uhr in Berlin.", "Die Fähre legt"),
    ("Nur Kranke und Kinder – das lasse ich nicht gelten.", "Nur Kranke"),
    # a thing still takes no document sense in the plural
    ("Die Zahlen zeigen, dass der Umsatz sinkt.", "dass der Umsatz sinkt"),
    # wonach after a clause, not a noun phrase
    (
        "Später kehrten die Zeugen zur ersten Version zurück, wonach ein Hund den Unfall "
        "verursacht habe.",
        "ein Hund den Unfall",
    ),
    # a wie-frame without an agent, and a participle that is no reporting verb
    ("Die Brücke wurde, wie angekündigt, am Montag gesperrt.", "Die Brücke wurde"),
    ("Die Halle ist, wie von der Firma gebaut, sehr groß.", "Die Halle ist"),
    # a speech-act noun whose apposition closes no complement
    ("Die Ankündigung des Trainers, Peter Vogel, kam für alle überraschend.", "kam für alle"),
    # the participle of *stehen* reports nothing
    ("Der Bus hatte lange vor der Schule gestanden, als die Kinder kamen.", "als die Kinder"),
    ("Das Haus hat seit Jahren leer gestanden.", "Das Haus"),
    (
        "Es hätten nur befristete Mittel zur Verfügung gestanden, die dem Vertrag im Wege "
        "gestanden wären.",
        "dem Vertrag im Wege",
    ),
    # so + a comparison or a verb that is no reporting verb
    ("Die Kinder lesen viel, so wie ihre Eltern.", "Die Kinder lesen viel"),
    ("Die Bibel wird gelesen, so lernen die Kinder sie kennen.", "Die Bibel wird gelesen"),
    # a wie-frame of a demand, and one inside a fronted dass-clause
    ("Die Steuer wird, wie von der Opposition gefordert, gesenkt.", "Die Steuer wird"),
    (
        "Dass der Plan bis Mai umgesetzt wird, wie von der Kammer mitgeteilt, glaubt sie nicht.",
        "Dass der Plan",
    ),
]


@pytest.mark.parametrize(("text", "words"), NEGATIVES)
def test_no_quotation(text: str, words: str) -> None:
    assert not any(words in q[1] for q in _quotes(text)), _quotes(text)


def test_source_apposition_not_in_quotation() -> None:
    """The name of the apposition is part of the source, not of what was said."""
    quotes = _quotes("Laut dem Sprecher der Polizei, Jan Kramer, ist der Täter geflohen.")
    assert quotes and all("Kramer" not in q[1] for q in quotes), quotes
