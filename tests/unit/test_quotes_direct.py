"""Direct quotations: every quotation-mark style, nesting, multi-sentence/-paragraph,
interrupted quotations, unbalanced marks, and quoted titles/names that are not speech."""

from __future__ import annotations

import pytest
from attribution_pipeline import annotate, summary

from medialens.nlp.attribution.marks import find_quoted_regions


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "»Wir bleiben hier«, sagte der Bürgermeister.",
            [("direct", "»Wir bleiben hier«", "der Bürgermeister", "sagte")],
        ),
        (
            "Die Ministerin sagte: „Das ist ein guter Tag für uns alle.“",
            [("direct", "„Das ist ein guter Tag für uns alle.“", "Die Ministerin", "sagte")],
        ),
        (
            '"Das war ein Fehler", räumte der Sprecher ein.',
            [("direct", '"Das war ein Fehler"', "der Sprecher", "räumte ein")],
        ),
        (
            "Der Sprecher erklärte: ›Wir prüfen den Vorgang sehr genau.‹",
            [("direct", "›Wir prüfen den Vorgang sehr genau.‹", "Der Sprecher", "erklärte")],
        ),
        (
            "Sie betonte: ‚Wir werden das nicht hinnehmen.‘",
            [("direct", "‚Wir werden das nicht hinnehmen.‘", "Sie", "betonte")],
        ),
        (
            "Der Trainer sagte: „Wir haben gut gespielt und verdient gewonnen.”",
            [("direct", "„Wir haben gut gespielt und verdient gewonnen.”", "Der Trainer", "sagte")],
        ),
        # nested: the inner quotation is part of the outer one, not a quote of its own
        (
            "Er sagte: „Sie nannte das ‚völlig absurd‘, und ich stimme zu.“",
            [("direct", "„Sie nannte das ‚völlig absurd‘, und ich stimme zu.“", "Er", "sagte")],
        ),
        # several sentences inside one quotation
        (
            "Schulz sagte: »Das ist der erste Satz. Das ist der zweite Satz.«",
            [("direct", "»Das ist der erste Satz. Das ist der zweite Satz.«", "Schulz", "sagte")],
        ),
        # a quotation over two paragraphs (re-opened, closed only at the end)
        (
            "Die Kanzlerin sagte: »Der erste Absatz endet hier.\n\n»Der zweite Absatz geht weiter.«",
            [
                (
                    "direct",
                    "»Der erste Absatz endet hier.\n\n»Der zweite Absatz geht weiter.«",
                    "Die Kanzlerin",
                    "sagte",
                )
            ],
        ),
        # a quotation without a frame continues the current speaker; right after the frame
        # it continues that speech act and takes its cue (far away it has none: see
        # test_quote_detection.py)
        (
            "Der Minister sagte: »Wir handeln jetzt.« »Alles andere wäre unverantwortlich.«",
            [
                ("direct", "»Wir handeln jetzt.«", "Der Minister", "sagte"),
                ("direct", "»Alles andere wäre unverantwortlich.«", "Der Minister", "sagte"),
            ],
        ),
        # the cue *so* after a quotation
        (
            "»Das Ergebnis ist eindeutig«, so die Wahlleiterin.",
            [("direct", "»Das Ergebnis ist eindeutig«", "die Wahlleiterin", "so")],
        ),
        # not speech: quoted titles of books, films, laws, operations; names in quotes
        ("Sie las das Buch »Krieg und Frieden« im Urlaub.", []),
        ("Der Film „Das Leben der Anderen“ gewann einen Oscar.", []),
        ("Das Gesetz „zur Stärkung der Pflege“ tritt im Mai in Kraft.", []),
        ("Die Operation „Desert Storm“ begann im Januar.", []),
        ("Die Band „Die Toten Hosen“ spielte in Berlin.", []),
        ("Der Verein „Ärzte ohne Grenzen“ half vor Ort.", []),
        # a name in apposition to its class noun, also in a sentence with a reporting verb
        (
            "Der Trainer gab bekannt, dass die Mannschaft im Quartier „Forte Village“ wohnt.",
            [
                (
                    "indirect",
                    "dass die Mannschaft im Quartier „Forte Village“ wohnt",
                    "Der Trainer",
                    "gab bekannt",
                )
            ],
        ),
        # negative: a one-word partial quotation after a verb or *als* stays speech
        (
            "Der Minister bezeichnete den Plan als „Wortbruch“.",
            [("direct", "„Wortbruch“", "Der Minister", "bezeichnete")],
        ),
    ],
)
def test_direct_quotes(text, expected):
    assert summary(annotate(text)) == expected


def test_interrupted_quote_is_one_quote_with_two_spans():
    text = "»Wir kommen morgen«, sagte Müller, »und wir bleiben zwei Tage.«"
    doc = annotate(text)
    assert len(doc._.ml_quotes) == 1
    q = doc._.ml_quotes[0]
    assert q.kind == "direct"
    assert [text[a:b] for a, b in q.spans] == [
        "»Wir kommen morgen«",
        "»und wir bleiben zwei Tage.«",
    ]
    assert (q.start, q.end) == (q.spans[0][0], q.spans[-1][1])
    assert q.speaker.text == "Müller"
    assert q.cue.text == "sagte"


def test_frame_in_the_next_sentence_and_separate_quotes():
    text = "»Wir kommen.« Das sagte Müller am Montag. »Wir bleiben«, sagte dagegen Schmidt."
    assert summary(annotate(text)) == [
        ("direct", "»Wir kommen.«", "Müller", "sagte"),
        ("direct", "»Wir bleiben«", "Schmidt", "sagte"),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Er sagte: »Das hört nie auf. Dann ein neuer Satz.\n\nDer nächste Absatz ist Text.",
        "Er sagte: „Das hört nie auf. Und noch mehr Text ohne Ende",
        "Ein verirrtes » Zeichen ohne Partner. Noch eins “ und ‹ und ‘ im Text.",
        '"Ein gerades Zeichen ohne Partner. Und Text danach.',
        "»",
        "",
    ],
)
def test_unbalanced_marks_never_crash_nor_swallow(text):
    doc = annotate(text)
    for q in doc._.ml_quotes:
        assert q.kind != "direct", "an unclosed mark must not become a quotation"


def test_unbalanced_mark_does_not_swallow_the_next_paragraph():
    text = (
        "Er sagte: »Das hört nie auf.\n\n"
        "Die Opposition kritisierte die Regierung. »Das ist falsch«, sagte Weber."
    )
    got = summary(annotate(text))
    assert ("direct", "»Das ist falsch«", "Weber", "sagte") in got
    assert all(not t.startswith("»Das hört") for _, t, _, _ in got)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('»a« „b“ ‚c‘ ›d‹ "e"', ["»a«", "„b“", "‚c‘", "›d‹", '"e"']),
        ("„außen ‚innen‘ außen“", ["„außen ‚innen‘ außen“", "‚innen‘"]),
        ("«Swiss» style", ["«Swiss»"]),
        ("Jens’ Auto und „geht’s“", ["„geht’s“"]),
        ("»offen\n\nneuer Absatz »zu«", ["»zu«"]),
        ("„unclosed", []),
    ],
)
def test_mark_pairing(text, expected):
    assert [text[r.start : r.end] for r in find_quoted_regions(text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # outside a speech context a quoted name may contain lower-case adjectives after an
        # article or preposition: no quotation
        ("Die Stadt ehrte den Verein mit dem „Preis für kulturelle Vielfalt 2020“.", []),
        ("Der Verband trat im Mai dem „Bund der freien Waldbesitzer“ bei.", []),
        ("Die Organisation veranstaltet die „Woche des offenen Denkmals“ im Herbst.", []),
        # negative: a finite verb after a subject is no adjective of a name
        (
            "Auf dem Plakat stand „Wir wollen Frieden für alle Menschen hier“.",
            ["„Wir wollen Frieden für alle Menschen hier“"],
        ),
        # in a speech context a quotation after an indefinite article is a partial quotation
        (
            "Der Minister sagte, das Land sei ein „Opfer der Spekulation“.",
            ["das Land sei ein „Opfer der Spekulation“", "„Opfer der Spekulation“"],
        ),
        (
            "Die Sprecherin sprach von einer „Gefahr für Leib und Leben“.",
            ["„Gefahr für Leib und Leben“"],
        ),
        # negative: after a definite article or preposition it stays a name
        (
            "Der Minister sagte, er sei Mitglied im „Rat der Weisen“.",
            ["er sei Mitglied im „Rat der Weisen“"],
        ),
    ],
)
def test_names_with_adjectives_and_partial_quotes_after_indefinite_articles(text, expected):
    assert [q.text for q in annotate(text)._.ml_quotes] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an alias (*auch »X« genannt*) and the object of impersonal *nennen* name a term
        ("Das neue Format, auch „Quick View“ genannt, umfasst mehr.", []),
        ("Die Maschine, kurz „Blitz“ genannt, fährt schneller.", []),
        # negative: a person naming something with a label is a partial quotation
        ("Der Minister nannte den Plan einen „Wortbruch“.", [("direct", "Der Minister")]),
        (
            "Die Sprecherin hat die Gründe genannt, warum sie geht.",
            [("indirect", "Die Sprecherin")],
        ),
    ],
)
def test_terms_named_are_no_quotations(text, expected):
    quotes = annotate(text)._.ml_quotes
    assert [(q.kind, q.speaker.text if q.speaker else None) for q in quotes] == expected


def test_impersonal_nennen_quotes_a_term():
    # the quoted term is no direct quotation (the *nennen* clause itself is still taken as a
    # reported frame without speaker: a known limit)
    quotes = annotate("Dies nennt man einen „Börsengang“.")._.ml_quotes
    assert [q for q in quotes if q.kind == "direct"] == []
